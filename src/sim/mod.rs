//! Whole ceremonies in one process, through the real state machines and
//! packets, on a virtual clock: for the `wsts-sim` CLI and for tests.
//!
//! The network is a star: signers send to the coordinator, which relays.
//! Adversaries are signers that alter their own packets (and re-sign them, so
//! they are attributable); faults are honest signers going offline or single
//! messages being lost. Everything is deterministic for a given seed.

mod adversary;
pub mod bench;
pub mod bench_reshare;
mod ceremony;
mod meter;
mod network;
mod repair;
mod reshare;
mod spec;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

pub use crate::state_machine::report::{AttemptJson, DkgJson, SignatureJson};
pub use adversary::{Adversary, Behaviour};
pub use ceremony::Report;
pub use meter::Meter;
pub use repair::{RepairBehaviour, RepairJson, RepairOptions};
pub use reshare::ReshareOptions;
pub use spec::{parse_adversary, parse_fault, parse_repair_adversary, Fault, Phase, SpecError};

use crate::{
    config::{Config, Scheme},
    crypto::{base_mul, secret::SecretScalar, signing::SignatureType, SignerId},
    net::NetworkKeys,
    state_machine::{
        coordinator::{Coordinator, CoordinatorEvent, Policy, RetryPolicy, Timeouts},
        signer::Signer,
        CeremonyConfig, Destination, Millis, Transmit,
    },
};

#[derive(Clone, Debug)]
pub struct Options {
    pub signers: u32,
    pub keys: u32,
    /// Key ids per signer; `None` spreads `keys` evenly. When set, `signers`
    /// and `keys` must agree with it (see [`Options::weighted`]).
    pub weights: Option<Vec<u32>>,
    pub threshold: u32,
    pub dkg_threshold: Option<u32>,
    pub scheme: Scheme,
    pub frost: bool,
    /// A ROAST coordinator (concurrent sessions, no signing deadlines).
    pub roast: bool,
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
    /// Reshare (or refresh) after the first signing rounds, then sign again.
    pub reshare: Option<ReshareOptions>,
    /// A signer loses its state after the first signing rounds and is
    /// repaired; then sign again.
    pub repair: Option<RepairOptions>,
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

impl Options {
    /// Signer `i` holds `weights[i]` key ids; `signers` and `keys` follow.
    pub fn weighted(self, weights: &[u32]) -> Self {
        Options {
            signers: weights.len() as u32,
            keys: weights.iter().fold(0u32, |sum, w| sum.saturating_add(*w)),
            weights: Some(weights.to_vec()),
            ..self
        }
    }

    /// The key configuration: the weights given, or `keys` spread evenly.
    pub fn key_config(&self) -> Result<Config, String> {
        let dkg_threshold = self.dkg_threshold.unwrap_or(self.threshold);
        let config = match &self.weights {
            None => Config::evenly(self.scheme, self.signers, self.keys, self.threshold, dkg_threshold),
            Some(w) => Config::from_weights(self.scheme, w, self.threshold, dkg_threshold),
        }
        .map_err(|e| e.to_string())?;
        let weights = config.weights();
        if weights.len() as u32 != self.signers || weights.iter().sum::<u32>() != self.keys {
            return Err(format!(
                "the weights give {} signers and {} key ids, not {} and {}",
                weights.len(),
                weights.iter().sum::<u32>(),
                self.signers,
                self.keys
            ));
        }
        Ok(config)
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            signers: 4,
            keys: 20,
            weights: None,
            threshold: 13,
            dkg_threshold: None,
            scheme: Scheme::V2,
            frost: false,
            roast: false,
            sig_type: SignatureType::Schnorr,
            message: b"wsts-sim".to_vec(),
            sign_rounds: 1,
            seed: 0,
            adversaries: vec![],
            faults: vec![],
            max_dkg_restarts: 4,
            chaos: None,
            record: false,
            reshare: None,
            repair: None,
        }
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
    /// Hops since the last command (see [`Meter::hops`]).
    hops: u32,
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
        let options_chaos_seed = options.chaos.map(|c| c.seed).unwrap_or(0);
        let keys = options.key_config()?;
        let total = options.reshare.as_ref().map_or(options.signers, |r| r.signer_count(options.signers));
        let (coordinator_key, mut signer_keys, network) = network_keys(total, options.seed);
        signer_keys.truncate(options.signers as usize);
        let mut config = CeremonyConfig { keys, network: network.clone() };
        config.network.signers.truncate(options.signers as usize);
        let policy = if options.frost {
            Policy::Frost
        } else if options.roast {
            Policy::roast()
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
            if *id >= options.signers && options.reshare.is_none() {
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
                self.meter.hops_to_signature = Some(self.meter.hops);
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
            Destination::AllSigners => (0..self.signers.len() as SignerId).map(Endpoint::Signer).collect(),
        };
        for to in targets {
            let hops = self.meter.hops + 1;
            self.queue.push_back(InFlight { from, to, name: t.message, bytes: t.bytes.clone(), hops });
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
        let (coordinator_key, signer_keys, _) = network_keys(self.signers.len() as u32, self.options.seed);
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
}
