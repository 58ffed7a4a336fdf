//! A repair in the middle of a simulated ceremony (issue 12): after DKG and
//! the first signing rounds, one signer loses its state (its machine is
//! replaced by a fresh [`Signer`] made from the ceremony config and its
//! network key) and is repaired by the others, with the repair's own
//! adversaries; the signing rounds after it may use it again.

use std::collections::BTreeMap;

use rand_chacha::ChaCha20Rng;
use serde::Serialize;

use super::{adversary::Adversary, network_keys, Behaviour, Simulation};
use crate::{
    blame::Offence,
    crypto::SignerId,
    net::{Message, RepairEndStatus, RepairSumStatus},
    state_machine::{coordinator::CoordinatorEvent, events::RepairAttemptReport, signer::Signer},
};

/// How a repair helper (or the repaired signer) misbehaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RepairBehaviour {
    /// Publish commitments that do not add up to its public key shares.
    BadCommitment,
    /// Send a piece that fails to decrypt (to the first other helper).
    BadPiece,
    /// Send sums to the repaired signer that fail to decrypt.
    BadSum,
    /// Accuse another participant with a valid DH-tuple proof, against the evidence.
    FalseAccusation,
    /// Never send its pieces (nor its sums).
    Withhold,
}

/// Which signer to repair, and who misbehaves while it is repaired.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RepairOptions {
    pub signer: SignerId,
    pub adversaries: Vec<(SignerId, RepairBehaviour)>,
}

/// The repair, as `wsts-sim run --json` reports it.
#[derive(Clone, Debug, Serialize)]
pub struct RepairJson {
    pub signer: SignerId,
    pub ok: bool,
    pub attempts: Vec<RepairAttemptReport>,
    /// Everyone the repair's attempts proved malicious, with the offence.
    pub blamed: BTreeMap<SignerId, Offence>,
    /// Set when the coordinator refused to start the repair.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The messages to send instead of `message` under `behaviours`, or `None`
/// to send it as it is.
pub(super) fn alter(
    behaviours: &[RepairBehaviour],
    message: &Message,
    signer: &Signer,
    rng: &mut ChaCha20Rng,
) -> Option<Vec<Message>> {
    if behaviours.is_empty() || !message.name().starts_with("Repair") {
        return None;
    }
    let has = |b: RepairBehaviour| behaviours.contains(&b);
    let mut message = message.clone();
    match &mut message {
        Message::RepairCommitments(m) if has(RepairBehaviour::BadCommitment) => {
            let first = m.commitments.first_mut()?.points.first_mut()?;
            *first += crate::crypto::base_mul(&crate::crypto::Scalar::from(1));
        }
        Message::RepairPieces(_) | Message::RepairSum(_) if has(RepairBehaviour::Withhold) => return Some(vec![]),
        Message::RepairPieces(m) if has(RepairBehaviour::BadPiece) => {
            let byte = m.pieces.first_mut()?.ciphertext.bytes.first_mut()?;
            *byte ^= 1;
        }
        Message::RepairSum(m) if has(RepairBehaviour::BadSum) => {
            let RepairSumStatus::Sum(c) = &mut m.status else { return None };
            *c.bytes.first_mut()? ^= 1;
        }
        Message::RepairSum(m) if has(RepairBehaviour::FalseAccusation) => {
            let accused = signer.repair_helpers().into_iter().find(|h| *h != m.signer_id)?;
            let evidence = signer.repair_evidence(accused, rng)?;
            m.status = RepairSumStatus::BadPieces([(accused, evidence)].into());
        }
        Message::RepairEnd(m) if has(RepairBehaviour::FalseAccusation) => {
            let accused = signer.repair_helpers().into_iter().next()?;
            let evidence = signer.repair_evidence(accused, rng)?;
            m.status = RepairEndStatus::BadSums([(accused, evidence)].into());
        }
        _ => return None,
    }
    Some(vec![message])
}

impl Simulation {
    /// `options.signer` loses its state and is repaired: a fresh signer
    /// machine with the same network key and ceremony config takes its
    /// place, the repair's adversaries replace the earlier ones.
    pub fn run_repair(&mut self, options: &RepairOptions) -> RepairJson {
        let mut out =
            RepairJson { signer: options.signer, ok: false, attempts: vec![], blamed: BTreeMap::new(), error: None };
        let config = self.coordinator.ceremony_config().clone();
        let (_, signer_keys, _) = network_keys(self.signers.len() as u32, self.options.seed);
        let id = options.signer;
        let (Some(key), Some(slot)) = (signer_keys.get(id as usize), self.signers.get_mut(id as usize)) else {
            out.error = Some(format!("signer {id} is not a signer"));
            return out;
        };
        match Signer::new(config.clone(), id, key.clone()) {
            Ok(mut fresh) => {
                fresh.reseed(self.options.seed.wrapping_mul(1000).wrapping_add(u64::from(id) + 0x7e9a));
                *slot = fresh;
            }
            Err(e) => {
                out.error = Some(e.to_string());
                return out;
            }
        }
        self.behaviours.clear();
        for (s, key) in signer_keys.iter().enumerate() {
            let s = s as SignerId;
            let own: Vec<Behaviour> =
                options.adversaries.iter().filter(|(a, _)| *a == s).map(|(_, b)| Behaviour::Repair(*b)).collect();
            if !own.is_empty() {
                self.behaviours.insert(s, Adversary::new(s, key.clone(), config.clone(), own, self.options.seed));
            }
        }
        if let Err(e) = self.coordinator.start_repair(id, self.now) {
            out.error = Some(e.to_string());
            return out;
        }
        self.run_until_quiet();
        for e in self.take_events() {
            match e {
                CoordinatorEvent::RepairAttempt(r) => {
                    out.blamed.extend(r.malicious.iter().map(|f| (f.signer, f.offence)));
                    out.attempts.push(r);
                }
                CoordinatorEvent::Repaired { .. } => out.ok = true,
                CoordinatorEvent::RepairFailed { reason, .. } => out.error = Some(reason),
                _ => {}
            }
        }
        out
    }
}
