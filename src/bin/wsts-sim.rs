//! `wsts-sim`: rehearse a WSTS ceremony in one process, with adversaries and
//! network faults, through the real state machines on a virtual clock.
//!
//! ```text
//! wsts-sim run --signers N --keys K --threshold T [--dkg-threshold D]
//!     [--coordinator fire|frost] [--scheme v1|v2] [--sig-type frost|schnorr|taproot]
//!     [--merkle-root HEX] [--message HEX] [--sign-rounds R] [--seed S]
//!     [--adversary ID:BEHAVIOUR[=IDS]]... [--fault SPEC]... [--json]
//! ```

use std::process::ExitCode;

use wsts_web::{
    config::Scheme,
    crypto::signing::SignatureType,
    sim::{parse_adversary, parse_fault, Options, Report, Simulation},
};

const USAGE: &str = "usage: wsts-sim bench --signers N --keys K --threshold T [--json]
       wsts-sim run --signers N --keys K --threshold T [--dkg-threshold D]
    [--coordinator fire|frost] [--scheme v1|v2] [--sig-type frost|schnorr|taproot]
    [--merkle-root HEX] [--message HEX] [--sign-rounds R] [--seed S]
    [--adversary ID:BEHAVIOUR[=IDS]]... [--fault SPEC]... [--json]

adversaries: withhold-private-shares=IDS empty-private-shares bad-private-shares=IDS
    bad-public-shares equivocate-private-shares false-missing-private-shares=IDS
    false-bad-private-shares=IDS bad-signature-share replay-old-round
faults: ID:offline=dkg|nonce|share|sign[:ROUNDS]   drop=FROM>TO:MESSAGE (FROM/TO a signer id or 'c')";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match args.first().map(String::as_str) {
        Some("run") => match parse_run(&args[1..]) {
            Ok((options, json)) => run(options, json),
            Err(e) => {
                eprintln!("error: {e}\n\n{USAGE}");
                ExitCode::from(2)
            }
        },
        Some("bench") => match parse_bench(&args[1..]) {
            Ok((s, k, t, json)) => bench(s, k, t, json),
            Err(e) => {
                eprintln!("error: {e}\n\n{USAGE}");
                ExitCode::from(2)
            }
        },
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn parse_run(args: &[String]) -> Result<(Options, bool), String> {
    let mut o = Options::default();
    let (mut json, mut merkle_root, mut sig_type) = (false, None, "schnorr".to_string());
    let (mut signers, mut keys, mut threshold) = (None, None, None);
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        if flag == "--json" {
            json = true;
            continue;
        }
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let number = |v: &str| v.parse::<u64>().map_err(|_| format!("{flag}: {v:?} is not a number"));
        match flag.as_str() {
            "--signers" => signers = Some(number(value)? as u32),
            "--keys" => keys = Some(number(value)? as u32),
            "--threshold" => threshold = Some(number(value)? as u32),
            "--dkg-threshold" => o.dkg_threshold = Some(number(value)? as u32),
            "--sign-rounds" => o.sign_rounds = number(value)? as u32,
            "--seed" => o.seed = number(value)?,
            "--coordinator" => {
                o.frost = match value.as_str() {
                    "fire" => false,
                    "frost" => true,
                    v => return Err(format!("--coordinator: {v:?} is not fire or frost")),
                }
            }
            "--scheme" => {
                o.scheme = match value.as_str() {
                    "v1" => Scheme::V1,
                    "v2" => Scheme::V2,
                    v => return Err(format!("--scheme: {v:?} is not v1 or v2")),
                }
            }
            "--sig-type" => sig_type = value.clone(),
            "--merkle-root" => {
                let bytes = hex::decode(value).map_err(|_| "--merkle-root: not hex".to_string())?;
                merkle_root =
                    Some(<[u8; 32]>::try_from(bytes).map_err(|_| "--merkle-root: need 32 bytes".to_string())?);
            }
            "--message" => o.message = hex::decode(value).map_err(|_| "--message: not hex".to_string())?,
            "--adversary" => o.adversaries.push(parse_adversary(value).map_err(|e| e.to_string())?),
            "--fault" => o.faults.push(parse_fault(value).map_err(|e| e.to_string())?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    o.signers = signers.ok_or("--signers is required")?;
    o.keys = keys.ok_or("--keys is required")?;
    o.threshold = threshold.ok_or("--threshold is required")?;
    o.sig_type = match sig_type.as_str() {
        "frost" => SignatureType::Frost,
        "schnorr" => SignatureType::Schnorr,
        "taproot" => SignatureType::Taproot { merkle_root },
        v => return Err(format!("--sig-type: {v:?} is not frost, schnorr or taproot")),
    };
    if merkle_root.is_some() && !matches!(o.sig_type, SignatureType::Taproot { .. }) {
        return Err("--merkle-root needs --sig-type taproot".into());
    }
    Ok((o, json))
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
        println!("{}", serde_json::to_string_pretty(&report).expect("report serializes"));
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
    for s in &r.signatures {
        match (&s.signature, s.ok) {
            (Some(sig), true) => println!(
                "round {} ({}): signature {} verifies under {} (signers {:?}, {} attempt(s))",
                s.round,
                s.sig_type,
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

fn parse_bench(args: &[String]) -> Result<(u32, u32, u32, bool), String> {
    let (mut s, mut k, mut t, mut json) = (None, None, None, false);
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        if flag == "--json" {
            json = true;
            continue;
        }
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let n: u32 = value.parse().map_err(|_| format!("{flag}: {value:?} is not a number"))?;
        match flag.as_str() {
            "--signers" => s = Some(n),
            "--keys" => k = Some(n),
            "--threshold" => t = Some(n),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok((s.ok_or("--signers is required")?, k.ok_or("--keys is required")?, t.ok_or("--threshold is required")?, json))
}

/// Peak resident set size, from /proc (Linux).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn bench(signers: u32, keys: u32, threshold: u32, json: bool) -> ExitCode {
    let origin = std::time::Instant::now();
    let clock = Box::new(move || origin.elapsed().as_secs_f64() * 1000.0);
    match wsts_web::sim::bench::run(signers, keys, threshold, "native", clock, &peak_rss) {
        Ok(report) => {
            if json {
                println!("{}", serde_json::to_string(&report).expect("serializes"));
            } else {
                println!("{}", serde_json::to_string_pretty(&report).expect("serializes"));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
