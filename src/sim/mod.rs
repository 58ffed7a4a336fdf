//! Whole ceremonies in one process, through the real state machines and
//! packets, on a virtual clock: for the `wsts-sim` CLI and for tests.
//!
//! The network is a star: signers send to the coordinator, which relays.
//! Adversaries are signers that alter their own packets (and re-sign them, so
//! they are attributable); faults are honest signers going offline or single
//! messages being lost. Everything is deterministic for a given seed.

mod adversary;
pub mod bench;
mod spec;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use serde::Serialize;

pub use adversary::{Adversary, Behaviour};
pub use spec::{parse_adversary, parse_fault, Fault, Phase, SpecError};

use crate::{
    blame::Offence,
    config::{Config, Scheme},
    crypto::{
        base_mul, bip340,
        encoding::point_to_bytes,
        secret::SecretScalar,
        signing::{verify_signature, SignatureType},
        SignerId,
    },
    net::{Message, NetworkKeys, Packet},
    state_machine::{
        coordinator::{Coordinator, CoordinatorEvent, DkgAttemptReport, Policy, RetryPolicy, Timeouts},
        signer::Signer,
        CeremonyConfig, Destination, Millis, Transmit,
    },
};

#[derive(Clone, Debug)]
pub struct Options {
    pub signers: u32,
    pub keys: u32,
    pub threshold: u32,
    pub dkg_threshold: Option<u32>,
    pub scheme: Scheme,
    pub frost: bool,
    pub sig_type: SignatureType,
    pub message: Vec<u8>,
    pub sign_rounds: u32,
    pub seed: u64,
    pub adversaries: Vec<(SignerId, Behaviour)>,
    pub faults: Vec<Fault>,
    /// Application-level DKG restarts after the coordinator gives up.
    pub max_dkg_restarts: u32,
    /// An unreliable network: random reordering, loss, duplication and corruption.
    pub chaos: Option<Chaos>,
    /// Keep every packet delivered, for tests.
    pub record: bool,
}

/// Percentages of deliveries lost, duplicated or corrupted, and reordering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chaos {
    pub seed: u64,
    pub drop_percent: u32,
    pub duplicate_percent: u32,
    pub corrupt_percent: u32,
    pub reorder: bool,
}

/// A delivered packet, as recorded with `Options::record`.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// `None` for the coordinator.
    pub to: Option<SignerId>,
    pub message: &'static str,
    pub bytes: Vec<u8>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            signers: 4,
            keys: 20,
            threshold: 13,
            dkg_threshold: None,
            scheme: Scheme::V2,
            frost: false,
            sig_type: SignatureType::Schnorr,
            message: b"wsts-sim".to_vec(),
            sign_rounds: 1,
            seed: 0,
            adversaries: vec![],
            faults: vec![],
            max_dkg_restarts: 4,
            chaos: None,
            record: false,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct AttemptJson {
    pub dkg_id: u64,
    pub ok: bool,
    pub reported_failures: Vec<serde_json::Value>,
    pub malicious: BTreeMap<SignerId, Offence>,
    pub unresponsive: BTreeSet<SignerId>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DkgJson {
    pub attempts: Vec<AttemptJson>,
    pub ok: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct SignatureJson {
    pub round: u32,
    #[serde(rename = "type")]
    pub sig_type: &'static str,
    pub message: String,
    pub signature: Option<String>,
    pub verify_key: Option<String>,
    pub internal_key: Option<String>,
    pub merkle_root: Option<String>,
    pub signers_used: Vec<SignerId>,
    pub attempts: u32,
    pub ok: bool,
    pub error: Option<String>,
}

/// What `wsts-sim run --json` prints.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub dkg: DkgJson,
    pub aggregate_public_key: Option<String>,
    pub signatures: Vec<SignatureJson>,
    pub malicious: BTreeMap<SignerId, Offence>,
    pub unresponsive: BTreeSet<SignerId>,
    /// Packets the state machines refused (replays, duplicates, ...), by error.
    pub rejected_packets: BTreeMap<String, u32>,
    pub virtual_time_ms: Millis,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.dkg.ok && !self.signatures.is_empty() && self.signatures.iter().all(|s| s.ok)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Endpoint {
    Coordinator,
    Signer(SignerId),
}

struct InFlight {
    from: Endpoint,
    to: Endpoint,
    name: &'static str,
    bytes: Vec<u8>,
}

pub struct Simulation {
    pub options: Options,
    pub coordinator: Coordinator,
    pub signers: Vec<Signer>,
    network: NetworkKeys,
    behaviours: BTreeMap<SignerId, adversary::Adversary>,
    queue: VecDeque<InFlight>,
    now: Millis,
    events: Vec<CoordinatorEvent>,
    dropped_once: BTreeSet<usize>,
    rejected: BTreeMap<String, u32>,
    current_sign_round: u64,
    chaos_rng: ChaCha20Rng,
    /// Every delivered packet, with `Options::record`.
    pub recorded: Vec<Recorded>,
    /// Computation time and traffic per state machine, when a clock is set.
    pub meter: Meter,
}

/// Per-endpoint computation time (ms, by the given clock) and bytes.
#[derive(Default)]
pub struct Meter {
    /// A monotonic clock in ms: `Instant` natively, `performance.now()` in a browser.
    pub clock: Option<Box<dyn Fn() -> f64>>,
    pub coordinator_ms: f64,
    pub signer_ms: Vec<f64>,
    pub signer_bytes_in: Vec<u64>,
    pub signer_bytes_out: Vec<u64>,
}

impl Meter {
    pub fn reset(&mut self, signers: usize) {
        self.coordinator_ms = 0.0;
        self.signer_ms = vec![0.0; signers];
        self.signer_bytes_in = vec![0; signers];
        self.signer_bytes_out = vec![0; signers];
    }

    fn now(&self) -> Option<f64> {
        self.clock.as_ref().map(|c| c())
    }
}

/// Deterministic network keys for a simulation.
pub fn network_keys(signers: u32, seed: u64) -> (SecretScalar, Vec<SecretScalar>, NetworkKeys) {
    let mut rng = ChaCha20Rng::seed_from_u64(seed ^ 0x006e_6574_776f_726b);
    let coordinator = SecretScalar::random(&mut rng);
    let signer_keys: Vec<SecretScalar> = (0..signers).map(|_| SecretScalar::random(&mut rng)).collect();
    let keys = NetworkKeys {
        coordinator: base_mul(coordinator.expose()),
        signers: signer_keys.iter().map(|k| base_mul(k.expose())).collect(),
    };
    (coordinator, signer_keys, keys)
}

impl Simulation {
    pub fn new(options: Options) -> Result<Self, String> {
        let dkg_threshold = options.dkg_threshold.unwrap_or(options.threshold);
        let options_chaos_seed = options.chaos.map(|c| c.seed).unwrap_or(0);
        let keys = Config::evenly(options.scheme, options.signers, options.keys, options.threshold, dkg_threshold)
            .map_err(|e| e.to_string())?;
        let (coordinator_key, signer_keys, network) = network_keys(options.signers, options.seed);
        let config = CeremonyConfig { keys, network: network.clone() };
        let policy = if options.frost {
            Policy::Frost
        } else {
            Policy::Fire { timeouts: Timeouts::default(), retry: RetryPolicy::default() }
        };
        let mut coordinator = Coordinator::new(config.clone(), policy, coordinator_key).map_err(|e| e.to_string())?;
        coordinator.reseed(options.seed);
        let mut signers = Vec::new();
        let mut behaviours = BTreeMap::new();
        for (id, key) in signer_keys.into_iter().enumerate() {
            let id = id as SignerId;
            let mut signer = Signer::new(config.clone(), id, key.clone()).map_err(|e| e.to_string())?;
            signer.reseed(options.seed.wrapping_mul(1000).wrapping_add(u64::from(id) + 1));
            signers.push(signer);
            let own: Vec<Behaviour> =
                options.adversaries.iter().filter(|(s, _)| *s == id).map(|(_, b)| b.clone()).collect();
            if !own.is_empty() {
                behaviours.insert(id, adversary::Adversary::new(id, key, config.clone(), own, options.seed));
            }
        }
        for (id, _) in &options.adversaries {
            if *id >= options.signers {
                return Err(format!("adversary {id} is not a signer"));
            }
        }
        Ok(Simulation {
            options,
            coordinator,
            signers,
            network,
            behaviours,
            queue: VecDeque::new(),
            now: 0,
            events: vec![],
            dropped_once: BTreeSet::new(),
            rejected: BTreeMap::new(),
            current_sign_round: 0,
            chaos_rng: ChaCha20Rng::seed_from_u64(options_chaos_seed),
            recorded: vec![],
            meter: Meter::default(),
        })
    }

    pub fn now(&self) -> Millis {
        self.now
    }

    /// Take the coordinator events seen so far.
    pub fn take_events(&mut self) -> Vec<CoordinatorEvent> {
        std::mem::take(&mut self.events)
    }

    /// Move every state machine's pending transmits and events into the simulation.
    pub fn collect_outputs(&mut self) {
        while let Some(t) = self.coordinator.poll_transmit() {
            self.route(Endpoint::Coordinator, t);
        }
        while let Some(e) = self.coordinator.poll_event() {
            if let CoordinatorEvent::Signature(_) | CoordinatorEvent::SigningFailed { .. } = &e {
                self.current_sign_round = 0;
            }
            self.events.push(e);
        }
        for i in 0..self.signers.len() {
            while let Some(t) = self.signers[i].poll_transmit() {
                let id = i as SignerId;
                let out = match self.behaviours.get_mut(&id) {
                    Some(adv) => adv.outgoing(t, &self.signers[i]),
                    None => vec![t],
                };
                for t in out {
                    self.route(Endpoint::Signer(id), t);
                }
            }
            while self.signers[i].poll_event().is_some() {}
        }
    }

    fn route(&mut self, from: Endpoint, t: Transmit) {
        if let Endpoint::Signer(s) = from {
            if let Some(b) = self.meter.signer_bytes_out.get_mut(s as usize) {
                *b += t.bytes.len() as u64;
            }
        }
        let targets: Vec<Endpoint> = match t.to {
            Destination::Coordinator => vec![Endpoint::Coordinator],
            Destination::Signer(s) => vec![Endpoint::Signer(s)],
            Destination::AllSigners => (0..self.options.signers).map(Endpoint::Signer).collect(),
        };
        for to in targets {
            self.queue.push_back(InFlight { from, to, name: t.message, bytes: t.bytes.clone() });
        }
    }

    /// Is this delivery lost to a fault?
    fn lost(&mut self, m: &InFlight) -> bool {
        let network = &self.network;
        let dkg_round = || Packet::from_bytes(&m.bytes, network).ok().map(|p| p.message);
        for (i, fault) in self.options.faults.iter().enumerate() {
            match fault {
                Fault::Drop { from, to, message } => {
                    let matches = endpoint_matches(*from, m.from) && endpoint_matches(*to, m.to) && message == m.name;
                    if matches && !self.dropped_once.contains(&i) {
                        self.dropped_once.insert(i);
                        return true;
                    }
                }
                Fault::Offline { signer, phase, rounds } => {
                    let involved = m.to == Endpoint::Signer(*signer) || m.from == Endpoint::Signer(*signer);
                    if !involved {
                        continue;
                    }
                    let Some(message) = dkg_round() else { continue };
                    let (in_phase, round) = match (&message, phase) {
                        (
                            Message::DkgBegin(_)
                            | Message::DkgPublicShares(_)
                            | Message::DkgPrivateBegin(_)
                            | Message::DkgPrivateShares(_)
                            | Message::DkgEndBegin(_)
                            | Message::DkgEnd(_)
                            | Message::TranscriptRequest(_),
                            Phase::Dkg,
                        ) => (true, message.dkg_id()),
                        (Message::NonceRequest(r), Phase::Nonce | Phase::Sign) => (true, r.sign_id),
                        (Message::NonceResponse(r), Phase::Nonce | Phase::Sign) => (true, r.sign_id),
                        (Message::SignatureShareRequest(r), Phase::Share | Phase::Sign) => (true, r.sign_id),
                        (Message::SignatureShareResponse(r), Phase::Share | Phase::Sign) => (true, r.sign_id),
                        _ => (false, 0),
                    };
                    if in_phase && rounds.as_ref().is_none_or(|r| r.contains(&round)) {
                        return true;
                    }
                }
            }
        }
        false
    }

    fn deliver(&mut self, m: InFlight) {
        if self.lost(&m) {
            return;
        }
        if self.options.record {
            let to = match m.to {
                Endpoint::Coordinator => None,
                Endpoint::Signer(s) => Some(s),
            };
            self.recorded.push(Recorded { to, message: m.name, bytes: m.bytes.clone() });
        }
        let started = self.meter.now();
        let result = match m.to {
            Endpoint::Coordinator => self.coordinator.handle_packet(&m.bytes, self.now),
            Endpoint::Signer(s) => {
                let i = s as usize;
                if let Some(adv) = self.behaviours.get_mut(&s) {
                    adv.incoming(&m.bytes, &self.signers[i]);
                }
                self.signers[i].handle_packet(&m.bytes, self.now)
            }
        };
        if let (Some(t0), Some(t1)) = (started, self.meter.now()) {
            match m.to {
                Endpoint::Coordinator => self.meter.coordinator_ms += t1 - t0,
                Endpoint::Signer(s) => {
                    if let Some(ms) = self.meter.signer_ms.get_mut(s as usize) {
                        *ms += t1 - t0;
                    }
                    if let Some(b) = self.meter.signer_bytes_in.get_mut(s as usize) {
                        *b += m.bytes.len() as u64;
                    }
                }
            }
        }
        if let Err(e) = result {
            let kind = format!("{e:?}");
            let kind = kind.split(['(', ' ', '{']).next().unwrap_or("error").to_string();
            *self.rejected.entry(kind).or_default() += 1;
        }
    }

    /// Deliver one message, or if none is in flight jump the clock to the
    /// coordinator's next deadline. False when nothing is pending.
    pub fn step(&mut self) -> bool {
        self.collect_outputs();
        if let Some(m) = self.next_in_flight() {
            self.deliver(m);
            return true;
        }
        match self.coordinator.poll_timeout() {
            Some(t) => {
                self.now = self.now.max(t);
                let started = self.meter.now();
                self.coordinator.handle_timeout(self.now);
                if let (Some(t0), Some(t1)) = (started, self.meter.now()) {
                    self.meter.coordinator_ms += t1 - t0;
                }
                true
            }
            None => false,
        }
    }

    fn next_in_flight(&mut self) -> Option<InFlight> {
        use rand_core::RngCore;
        let Some(chaos) = self.options.chaos else { return self.queue.pop_front() };
        while !self.queue.is_empty() {
            let i = if chaos.reorder { (self.chaos_rng.next_u32() as usize) % self.queue.len() } else { 0 };
            let mut m = self.queue.remove(i).expect("in range");
            let roll = self.chaos_rng.next_u32() % 100;
            if roll < chaos.drop_percent {
                continue;
            }
            if roll < chaos.drop_percent + chaos.duplicate_percent {
                self.queue.push_back(InFlight { from: m.from, to: m.to, name: m.name, bytes: m.bytes.clone() });
            } else if roll < chaos.drop_percent + chaos.duplicate_percent + chaos.corrupt_percent {
                let at = (self.chaos_rng.next_u32() as usize) % m.bytes.len();
                m.bytes[at] ^= 1 << (self.chaos_rng.next_u32() % 8);
            }
            return Some(m);
        }
        None
    }

    /// Step until nothing is pending.
    pub fn run_until_quiet(&mut self) {
        for _ in 0..10_000_000 {
            if !self.step() {
                self.collect_outputs();
                return;
            }
        }
        panic!("simulation did not settle");
    }

    /// Save every state machine and replace it with its restored copy, as a
    /// browser tab reload would. Messages in flight stay in flight.
    pub fn save_and_restore_all(&mut self) {
        self.collect_outputs();
        let (coordinator_key, signer_keys, _) = network_keys(self.options.signers, self.options.seed);
        let restored =
            Coordinator::restore(&self.coordinator.save(), coordinator_key).expect("coordinator state restores");
        self.coordinator = restored;
        self.coordinator.reseed(self.options.seed ^ 0x5eed);
        for (i, signer) in self.signers.iter_mut().enumerate() {
            let mut restored = Signer::restore(&signer.save(), signer_keys[i].clone()).expect("signer state restores");
            restored.reseed(self.options.seed ^ (0x5eed + i as u64));
            *signer = restored;
        }
    }

    /// Run DKG (restarting it as an application would, if the coordinator gives up).
    pub fn run_dkg(&mut self) -> (bool, Vec<DkgAttemptReport>) {
        let mut attempts = Vec::new();
        for _ in 0..=self.options.max_dkg_restarts {
            if self.coordinator.start_dkg(self.now).is_err() {
                break;
            }
            self.run_until_quiet();
            let mut done = None;
            for e in self.take_events() {
                match e {
                    CoordinatorEvent::DkgAttempt(r) => attempts.push(r),
                    CoordinatorEvent::DkgComplete { .. } => done = Some(true),
                    CoordinatorEvent::DkgFailed { .. } => done = Some(false),
                    _ => {}
                }
            }
            if done == Some(true) {
                return (true, attempts);
            }
        }
        (false, attempts)
    }

    /// Run the whole ceremony and report.
    pub fn run(mut self) -> Report {
        let (dkg_ok, attempts) = self.run_dkg();
        let group_key = self.coordinator.group_key();
        let mut signatures = Vec::new();
        if dkg_ok {
            for round in 1..=self.options.sign_rounds {
                signatures.push(self.sign_round(round));
            }
        }
        Report {
            dkg: DkgJson {
                ok: dkg_ok,
                attempts: attempts
                    .into_iter()
                    .map(|a| AttemptJson {
                        dkg_id: a.dkg_id,
                        ok: a.ok,
                        reported_failures: a
                            .reported_failures
                            .iter()
                            .map(|(s, f)| serde_json::json!({ "reporter": s, "failure": f }))
                            .collect(),
                        malicious: a.malicious.iter().map(|f| (f.signer, f.offence)).collect(),
                        unresponsive: a.unresponsive,
                    })
                    .collect(),
            },
            aggregate_public_key: group_key.map(|k| hex::encode(point_to_bytes(&k))),
            signatures,
            malicious: self.coordinator.malicious().clone(),
            unresponsive: self.coordinator.unresponsive().clone(),
            rejected_packets: self.rejected.clone(),
            virtual_time_ms: self.now,
        }
    }

    pub fn sign_round(&mut self, round: u32) -> SignatureJson {
        let sig_type = self.options.sig_type;
        let message = self.options.message.clone();
        let group_key = self.coordinator.group_key();
        let mut out = SignatureJson {
            round,
            sig_type: match sig_type {
                SignatureType::Frost => "frost",
                SignatureType::Schnorr => "schnorr",
                SignatureType::Taproot { .. } => "taproot",
            },
            message: hex::encode(&message),
            signature: None,
            verify_key: None,
            internal_key: group_key.map(|k| match sig_type {
                SignatureType::Frost => hex::encode(point_to_bytes(&k)),
                _ => hex::encode(bip340::x_only(&k)),
            }),
            merkle_root: match sig_type {
                SignatureType::Taproot { merkle_root: Some(r) } => Some(hex::encode(r)),
                _ => None,
            },
            signers_used: vec![],
            attempts: 0,
            ok: false,
            error: None,
        };
        match self.coordinator.start_signing(&message, sig_type, self.now) {
            Ok(id) => self.current_sign_round = id,
            Err(e) => {
                out.error = Some(e.to_string());
                return out;
            }
        }
        self.run_until_quiet();
        for e in self.take_events() {
            match e {
                CoordinatorEvent::SignAttempt(_) => out.attempts += 1,
                CoordinatorEvent::Signature(s) => {
                    let ok = verify_signature(&s.signature, &s.verify_key, &s.message);
                    out.signature = Some(hex::encode(s.signature.to_bytes()));
                    out.verify_key = Some(match sig_type {
                        SignatureType::Frost => hex::encode(point_to_bytes(&s.verify_key)),
                        _ => hex::encode(bip340::x_only(&s.verify_key)),
                    });
                    out.signers_used = s.signers_used;
                    out.ok = ok;
                }
                CoordinatorEvent::SigningFailed { reason, .. } => out.error = Some(reason),
                _ => {}
            }
        }
        out
    }
}

fn endpoint_matches(spec: Option<SignerId>, e: Endpoint) -> bool {
    match (spec, e) {
        (None, Endpoint::Coordinator) => true,
        (Some(s), Endpoint::Signer(t)) => s == t,
        _ => false,
    }
}
