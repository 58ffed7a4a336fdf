//! `wsts-sim`: rehearse a WSTS ceremony in one process, with adversaries and
//! network faults, through the real state machines on a virtual clock; or
//! benchmark one.

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use wsts_web::{
    config::{checked_weights, Scheme},
    crypto::{signing::SignatureType, SignerId},
    sim::{
        parse_adversary, parse_fault, parse_repair_adversary, Behaviour, Fault, Options, RepairBehaviour,
        RepairOptions, Report, ReshareOptions, Simulation,
    },
};

const SPECS: &str = "adversaries (--adversary ID:BEHAVIOUR[=IDS]):
    withhold-private-shares=IDS empty-private-shares bad-private-shares=IDS
    bad-public-shares equivocate-private-shares false-missing-private-shares=IDS
    false-bad-private-shares=IDS bad-signature-share replay-old-round
reshare adversaries (--reshare-adversary ID:BEHAVIOUR[=IDS]): the same but
    bad-signature-share, during the reshare or refresh; and bad-constant-term
    (a dealing whose constant term the old public key shares refute)
repair adversaries (--repair-adversary ID:BEHAVIOUR), while --repair ID runs:
    bad-commitment bad-piece bad-sum false-accusation withhold
faults (--fault SPEC):
    ID:offline=dkg|nonce|share|sign[:ROUNDS]
    drop=FROM>TO:MESSAGE   (FROM/TO a signer id or 'c')";

#[derive(Parser)]
#[command(name = "wsts-sim", version, about = "Rehearse or benchmark a WSTS ceremony in one process")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per process
enum Command {
    /// Run a whole ceremony (DKG, then signing rounds) and report it.
    #[command(after_help = SPECS)]
    Run(RunArgs),
    /// Time DKG and one BIP-340 signing round per signer (v2, FIRE).
    Bench(BenchArgs),
}

/// The workload: signers, key ids and the signing threshold.
#[derive(Args)]
struct Workload {
    /// Number of signers (optional with --weights, which it must agree with).
    #[arg(long, required_unless_present = "weights")]
    signers: Option<u32>,
    /// Key ids in all, spread evenly over the signers (optional with
    /// --weights, which it must agree with).
    #[arg(long, required_unless_present = "weights")]
    keys: Option<u32>,
    /// Key ids of each signer, in signer order: uneven weights.
    #[arg(long, value_name = "W0,W1,...", value_delimiter = ',')]
    weights: Option<Vec<u32>>,
    /// Key ids needed to sign.
    #[arg(long)]
    threshold: u32,
    /// Spread --keys over --signers unevenly: 1/rank (Zipf-like), at least one each.
    #[arg(long, conflicts_with = "weights")]
    skewed: bool,
}

impl Workload {
    /// Every signer's weight, checked for agreement with the counts given.
    fn weights(&self) -> Result<Vec<u32>, String> {
        let weights = match (self.skewed, self.signers, self.keys) {
            (true, Some(signers), Some(keys)) => Some(wsts_web::sim::bench::skewed_weights(signers, keys)),
            _ => self.weights.clone(),
        };
        checked_weights(self.signers, self.keys, weights).map_err(|e| e.to_string())
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum CoordinatorKind {
    /// Timeouts, retries and blame.
    Fire,
    /// Wait for every signer.
    Frost,
    /// ROAST: concurrent sessions, no signing deadlines, at most f+1 sessions.
    Roast,
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemeArg {
    V1,
    V2,
}

#[derive(Clone, Copy, ValueEnum)]
enum SigType {
    Frost,
    Schnorr,
    Taproot,
}

#[derive(Args)]
struct RunArgs {
    #[command(flatten)]
    workload: Workload,
    /// Key ids whose dealers must complete DKG (default: the threshold).
    #[arg(long)]
    dkg_threshold: Option<u32>,
    #[arg(long, value_enum, default_value = "fire")]
    coordinator: CoordinatorKind,
    #[arg(long, value_enum, default_value = "v2")]
    scheme: SchemeArg,
    #[arg(long, value_enum, default_value = "schnorr")]
    sig_type: SigType,
    /// Taproot script-tree root, 32 bytes hex (with --sig-type taproot).
    #[arg(long, value_name = "HEX", value_parser = parse_merkle_root)]
    merkle_root: Option<[u8; 32]>,
    /// The message to sign, hex.
    #[arg(long, value_name = "HEX", value_parser = parse_hex)]
    message: Option<Hex>,
    #[arg(long, default_value_t = 1)]
    sign_rounds: u32,
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// A misbehaving signer (repeatable).
    #[arg(long, value_name = "ID:BEHAVIOUR[=IDS]", value_parser = |s: &str| parse_adversary(s).map_err(|e| e.to_string()))]
    adversary: Vec<(SignerId, Behaviour)>,
    /// A network fault (repeatable).
    #[arg(long, value_name = "SPEC", value_parser = |s: &str| parse_fault(s).map_err(|e| e.to_string()))]
    fault: Vec<Fault>,
    /// After the signing rounds, refresh the shares (same signers, weights
    /// and threshold), then sign again at epoch 1.
    #[arg(long, conflicts_with_all = ["reshare_weights", "reshare_threshold"])]
    refresh: bool,
    /// After the signing rounds, reshare the key: key ids of each signer id
    /// in the new epoch (0 leaves; ids past the old signers join), then sign
    /// again at epoch 1.
    #[arg(long, value_name = "W0,W1,...", value_delimiter = ',')]
    reshare_weights: Option<Vec<u32>>,
    /// The new threshold for --reshare-weights (default: the old one).
    #[arg(long, value_name = "T2", requires = "reshare_weights")]
    reshare_threshold: Option<u32>,
    /// A signer misbehaving in the reshare or refresh (repeatable).
    #[arg(long, value_name = "ID:BEHAVIOUR[=IDS]", value_parser = |s: &str| parse_adversary(s).map_err(|e| e.to_string()))]
    reshare_adversary: Vec<(SignerId, Behaviour)>,
    /// After the signing rounds (and any reshare), this signer loses its
    /// state and is repaired by the others; then sign again.
    #[arg(long, value_name = "ID")]
    repair: Option<SignerId>,
    /// A signer misbehaving in the repair (repeatable).
    #[arg(long, value_name = "ID:BEHAVIOUR", requires = "repair", value_parser = |s: &str| parse_repair_adversary(s).map_err(|e| e.to_string()))]
    repair_adversary: Vec<(SignerId, RepairBehaviour)>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct BenchArgs {
    #[command(flatten)]
    workload: Workload,
    #[arg(long, value_enum, default_value = "fire")]
    coordinator: CoordinatorKind,
    /// A coordinated attack: the lightest signers, as many as the weight
    /// allows, answer the nonce request and then go silent.
    #[arg(long)]
    attack: bool,
    /// Print one line of JSON.
    #[arg(long)]
    json: bool,
    /// Time with the thread's CPU time instead of wall time: on a machine
    /// loaded by other processes it counts only the time this run spent on
    /// a core (the simulation is single-threaded).
    #[arg(long)]
    cpu_clock: bool,
}

/// Bytes given in hex.
#[derive(Clone)]
struct Hex(Vec<u8>);

fn parse_hex(s: &str) -> Result<Hex, String> {
    hex::decode(s).map(Hex).map_err(|_| "not hex".to_string())
}

fn parse_merkle_root(s: &str) -> Result<[u8; 32], String> {
    <[u8; 32]>::try_from(parse_hex(s)?.0).map_err(|_| "need 32 bytes".to_string())
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Run(args) => match options(args) {
            Ok((options, json)) => run(options, json),
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
        Command::Bench(args) => bench(&args),
    }
}

fn options(a: RunArgs) -> Result<(Options, bool), String> {
    let sig_type = match (a.sig_type, a.merkle_root) {
        (SigType::Frost, None) => SignatureType::Frost,
        (SigType::Schnorr, None) => SignatureType::Schnorr,
        (SigType::Taproot, merkle_root) => SignatureType::Taproot { merkle_root },
        (_, Some(_)) => return Err("--merkle-root needs --sig-type taproot".into()),
    };
    let defaults = Options::default();
    let weights = a.workload.weights()?;
    let reshare = (a.refresh || a.reshare_weights.is_some()).then_some(ReshareOptions {
        weights: a.reshare_weights,
        threshold: a.reshare_threshold,
        adversaries: a.reshare_adversary,
    });
    let repair = a.repair.map(|signer| RepairOptions { signer, adversaries: a.repair_adversary });
    let options = Options {
        threshold: a.workload.threshold,
        dkg_threshold: a.dkg_threshold,
        scheme: match a.scheme {
            SchemeArg::V1 => Scheme::V1,
            SchemeArg::V2 => Scheme::V2,
        },
        frost: matches!(a.coordinator, CoordinatorKind::Frost),
        roast: matches!(a.coordinator, CoordinatorKind::Roast),
        sig_type,
        message: a.message.map_or_else(|| defaults.message.clone(), |m| m.0),
        sign_rounds: a.sign_rounds,
        seed: a.seed,
        adversaries: a.adversary,
        faults: a.fault,
        reshare,
        repair,
        ..defaults
    }
    .weighted(&weights);
    Ok((options, a.json))
}

fn run(options: Options, json: bool) -> ExitCode {
    let simulation = match Simulation::new(options) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let report = simulation.run();
    if json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print_summary(&report);
    }
    // Non-zero when no signature could be produced at all.
    if report.signatures.iter().any(|s| s.ok) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn print_summary(r: &Report) {
    for a in &r.dkg.attempts {
        println!(
            "DKG attempt {}: {} | malicious {:?} | unresponsive {:?} | {} failure report(s)",
            a.dkg_id,
            if a.ok { "ok" } else { "failed" },
            a.malicious,
            a.unresponsive,
            a.reported_failures.len()
        );
    }
    match &r.aggregate_public_key {
        Some(k) => println!("aggregate public key: {k}"),
        None => println!("no aggregate public key"),
    }
    for a in r.reshare.iter().flat_map(|d| &d.attempts) {
        let outcome = if a.ok { "ok" } else { "failed" };
        println!(
            "reshare attempt {}: {outcome} | malicious {:?} | unresponsive {:?}",
            a.dkg_id, a.malicious, a.unresponsive
        );
    }
    if let Some(k) = &r.reshared_group_key {
        println!("reshared group key: {k}");
    }
    if let Some(repair) = &r.repair {
        let outcome = if repair.ok { "repaired" } else { "NOT repaired" };
        println!("repair of signer {}: {outcome} | blamed {:?}", repair.signer, repair.blamed);
    }
    for s in &r.signatures {
        match (&s.signature, s.ok) {
            (Some(sig), true) => println!(
                "round {} ({}, epoch {}): signature {} verifies under {} (signers {:?}, {} attempt(s))",
                s.round,
                s.sig_type,
                s.epoch,
                sig,
                s.verify_key.as_deref().unwrap_or("?"),
                s.signers_used,
                s.attempts
            ),
            _ => println!("round {} ({}): FAILED {}", s.round, s.sig_type, s.error.as_deref().unwrap_or("")),
        }
    }
    println!("malicious: {:?}", r.malicious);
    println!("unresponsive (last round): {:?}", r.unresponsive);
    if !r.rejected_packets.is_empty() {
        println!("rejected packets: {:?}", r.rejected_packets);
    }
}

/// Peak resident set size, from /proc (Linux).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// This thread's CPU time in ms (`CLOCK_THREAD_CPUTIME_ID`).
fn thread_cpu_ms() -> f64 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec for the call to write.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    if rc != 0 {
        return f64::NAN;
    }
    t.tv_sec as f64 * 1000.0 + t.tv_nsec as f64 / 1e6
}

fn bench(args: &BenchArgs) -> ExitCode {
    let (w, json) = (&args.workload, args.json);
    let clock: Box<dyn Fn() -> f64> = if args.cpu_clock {
        Box::new(thread_cpu_ms)
    } else {
        let origin = std::time::Instant::now();
        Box::new(move || origin.elapsed().as_secs_f64() * 1000.0)
    };
    let mode =
        wsts_web::sim::bench::Mode { roast: matches!(args.coordinator, CoordinatorKind::Roast), attack: args.attack };
    if matches!(args.coordinator, CoordinatorKind::Frost) {
        eprintln!("error: bench runs fire or roast");
        return ExitCode::from(2);
    }
    let report = w
        .weights()
        .and_then(|weights| wsts_web::sim::bench::run(&weights, w.threshold, mode, "native", clock, &peak_rss));
    let text = report.and_then(|r| {
        if json { serde_json::to_string(&r) } else { serde_json::to_string_pretty(&r) }.map_err(|e| e.to_string())
    });
    match text {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
