//! The recorded ceremonies every target starts from.
//!
//! Each ceremony runs once per process through the simulator (`sim`
//! feature): real state machines, real packets, a virtual clock. What the
//! coordinator and each signer received is kept in order as a script of
//! [`Step`]s, with the operator's commands and the clock's jumps between
//! them, so a target can replay it exactly (same seeds, same bytes) and then
//! replay it edited. All ceremonies of one size use the same network keys
//! (seed 0), so packets of one are authentic, replayed, in another.

use std::{collections::BTreeSet, sync::OnceLock};

use wsts_web::{
    config::Scheme,
    crypto::{secret::SecretScalar, signing::SignatureType, SignerId},
    net::{Message, NetworkKeys, Packet, Sender},
    sim::{network_keys, parse_adversary, parse_fault, Options, Simulation},
    state_machine::{coordinator::CoordinatorEvent, Millis},
};

use crate::tree::DonorPool;

/// One input to a machine under test, in a recorded ceremony.
#[derive(Clone, Debug)]
pub enum Step {
    /// The operator starts DKG (coordinator only).
    StartDkg,
    /// The operator starts a signing round (coordinator only).
    StartSigning { message: Vec<u8>, sig_type: SignatureType },
    /// The clock reaches this instant: deadlines due fire.
    Clock(Millis),
    /// A packet arrives; `to` is `None` for the coordinator.
    Deliver { to: Option<SignerId>, bytes: Vec<u8> },
}

/// A ceremony as recorded, with everything needed to replay it.
pub struct Ceremony {
    pub name: &'static str,
    pub seed: u64,
    pub steps: Vec<Step>,
    pub network: NetworkKeys,
    pub coordinator_key: SecretScalar,
    pub signer_keys: Vec<SecretScalar>,
    /// The coordinator and the signers before the ceremony, saved.
    pub fresh_coordinator: Vec<u8>,
    pub fresh_signers: Vec<Vec<u8>>,
    /// Signers the simulator ran as adversaries: the only ones whose packets
    /// in the recording may be evidence against them.
    pub adversaries: BTreeSet<SignerId>,
    /// The coordinator and the signers at the end, saved: seeds for the
    /// saved-state decoders.
    pub final_coordinator: Vec<u8>,
    pub final_signers: Vec<Vec<u8>>,
}

impl Ceremony {
    /// The steps one machine sees: the coordinator's (`None`) with the
    /// operator's commands and the clock, or one signer's deliveries.
    pub fn steps_for(&self, machine: Option<SignerId>) -> Vec<Step> {
        self.steps
            .iter()
            .filter(|step| match (step, machine) {
                (Step::Deliver { to, .. }, _) => *to == machine,
                (_, None) => true,
                (_, Some(_)) => false,
            })
            .cloned()
            .collect()
    }

    /// The network key that signs for `sender` in this ceremony.
    pub fn key_of(&self, sender: Sender) -> Option<&SecretScalar> {
        match sender {
            Sender::Coordinator => Some(&self.coordinator_key),
            Sender::Signer(id) => self.signer_keys.get(usize::try_from(id).ok()?),
        }
    }

    /// The seed the simulator gives signer `id`'s random source.
    pub fn signer_seed(&self, id: SignerId) -> u64 {
        self.seed.wrapping_mul(1000).wrapping_add(u64::from(id) + 1)
    }
}

/// A packet delivered in some ceremony, for replay into another.
pub struct Pooled {
    /// The ceremony it was recorded in.
    pub ceremony: &'static str,
    pub bytes: Vec<u8>,
    pub sender: Sender,
    /// Sent by a signer the simulator ran as an adversary.
    pub adversarial: bool,
}

/// Every recorded ceremony, and what the mutators draw on.
pub struct World {
    pub ceremonies: Vec<Ceremony>,
    /// Every distinct packet delivered in any ceremony.
    pub packets: Vec<Pooled>,
    /// Every node of every delivered message, by shape, for splicing.
    pub donors: DonorPool,
}

static WORLD: OnceLock<World> = OnceLock::new();

/// The world, recorded on first use (a second or two). Fuzz binaries call it
/// before AFL's fork server starts, so each run starts with it built.
pub fn world() -> &'static World {
    WORLD.get_or_init(World::record)
}

impl World {
    fn record() -> World {
        let schnorr = (b"fuzz: schnorr".to_vec(), SignatureType::Schnorr);
        let taproot = (b"fuzz: taproot".to_vec(), SignatureType::Taproot { merkle_root: Some([7; 32]) });
        let frost = (b"fuzz: frost".to_vec(), SignatureType::Frost);
        let ceremonies = vec![
            // Uneven weights (3, 2, 2), a plain and a tweaked signature.
            record("fire", options(3, 7, 5, &[], &[]), &[schnorr.clone(), taproot]),
            // A silent signer in the first DKG attempt, a lost DkgEndBegin
            // (catch-up) and a silent signer in the first nonce step (retry).
            record(
                "faults",
                options(4, 9, 5, &[], &["3:offline=dkg:1", "drop=c>2:DkgEndBegin", "1:offline=nonce:1"]),
                std::slice::from_ref(&schnorr),
            ),
            // Evidence: bad private shares (a complaint settled against signer
            // 1) and a bad signature share (signer 3).
            record("blame", options(4, 10, 5, &["1:bad-private-shares=2", "3:bad-signature-share"], &[]), &[schnorr]),
            // FROST's policy over scheme v1 (a polynomial per key id).
            record("frost-v1", Options { frost: true, scheme: Scheme::V1, ..options(3, 5, 3, &[], &[]) }, &[frost]),
        ];
        let mut packets: Vec<Pooled> = Vec::new();
        let mut seen = BTreeSet::new();
        let mut donors = DonorPool::default();
        for ceremony in &ceremonies {
            for step in &ceremony.steps {
                let Step::Deliver { bytes, .. } = step else { continue };
                let Ok(packet) = Packet::from_bytes(bytes, &ceremony.network) else { continue };
                if !seen.insert(bytes.clone()) {
                    continue;
                }
                donors.add_message(packet.message());
                let adversarial = matches!(packet.sender(), Sender::Signer(s) if ceremony.adversaries.contains(&s));
                packets.push(Pooled {
                    ceremony: ceremony.name,
                    bytes: bytes.clone(),
                    sender: packet.sender(),
                    adversarial,
                });
            }
        }
        World { ceremonies, packets, donors }
    }
}

fn options(signers: u32, keys: u32, threshold: u32, adversaries: &[&str], faults: &[&str]) -> Options {
    Options {
        signers,
        keys,
        threshold,
        seed: 0,
        record: true,
        adversaries: adversaries.iter().map(|a| parse_adversary(a).expect("adversary spec")).collect(),
        faults: faults.iter().map(|f| parse_fault(f).expect("fault spec")).collect(),
        ..Options::default()
    }
}

/// Run a ceremony (DKG, restarted as an application would, then each
/// signing round) and keep what every machine received, in order.
fn record(name: &'static str, options: Options, signings: &[(Vec<u8>, SignatureType)]) -> Ceremony {
    let mut sim = Simulation::new(options.clone()).expect("a valid ceremony");
    let fresh_coordinator = sim.coordinator.save();
    let fresh_signers = sim.signers.iter().map(|s| s.save()).collect();
    let mut steps = Vec::new();
    for _ in 0..=options.max_dkg_restarts {
        if sim.coordinator.start_dkg(sim.now()).is_err() {
            break;
        }
        steps.push(Step::StartDkg);
        run_until_quiet(&mut sim, &mut steps);
        if sim.take_events().iter().any(|e| matches!(e, CoordinatorEvent::DkgComplete { .. })) {
            break;
        }
    }
    for (message, sig_type) in signings {
        if sim.coordinator.start_signing(message, *sig_type, sim.now()).is_ok() {
            steps.push(Step::StartSigning { message: message.clone(), sig_type: *sig_type });
            run_until_quiet(&mut sim, &mut steps);
            sim.take_events();
        }
    }
    let (coordinator_key, signer_keys, network) = network_keys(options.signers, options.seed);
    Ceremony {
        name,
        seed: options.seed,
        steps,
        network,
        coordinator_key,
        signer_keys,
        fresh_coordinator,
        fresh_signers,
        adversaries: options.adversaries.iter().map(|(id, _)| *id).collect(),
        final_coordinator: sim.coordinator.save(),
        final_signers: sim.signers.iter().map(|s| s.save()).collect(),
    }
}

/// Step the simulation until nothing is pending, turning each delivery into
/// a `Deliver` and each step that delivered nothing (a deadline, or a lost
/// packet) into a `Clock` at the simulator's time.
fn run_until_quiet(sim: &mut Simulation, steps: &mut Vec<Step>) {
    loop {
        let seen = sim.recorded.len();
        if !sim.step() {
            sim.collect_outputs();
            return;
        }
        let delivered = sim.recorded.get(seen..).unwrap_or_default();
        steps.extend(delivered.iter().map(|r| Step::Deliver { to: r.to, bytes: r.bytes.clone() }));
        let now = sim.now();
        if delivered.is_empty() && !matches!(steps.last(), Some(Step::Clock(t)) if *t == now) {
            steps.push(Step::Clock(now));
        }
    }
}

/// The sender whose key must sign `message`: the signer it names, or the
/// coordinator.
pub fn sender_of(message: &Message) -> Sender {
    message.claimed_signer().map_or(Sender::Coordinator, Sender::Signer)
}
