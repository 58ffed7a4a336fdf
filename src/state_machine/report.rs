//! The ceremony report (the JSON of `wsts-sim run --json`, also what the
//! browser coordinator's `report()` returns), built from coordinator
//! events; and the progress of the rounds in flight, for display.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::events::{CoordinatorEvent, DkgAttemptReport, SignatureOutcome};
use crate::{
    blame::Offence,
    net::DkgEndFailure,
    crypto::{
        bip340,
        encoding::point_to_bytes,
        signing::{verify_signature, SignatureType},
        Point, SignerId,
    },
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttemptJson {
    pub dkg_id: u64,
    pub ok: bool,
    pub reported_failures: Vec<ReportedFailure>,
    pub malicious: BTreeMap<SignerId, Offence>,
    pub unresponsive: BTreeSet<SignerId>,
}

/// A signer's complaint in a DKG attempt, as the report shows it. A typed
/// struct, not a JSON value: the report is part of the coordinator's saved
/// state, whose binary encoding cannot decode self-describing values.
/// (Field order as JSON objects print it: `{"failure":..,"reporter":..}`.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportedFailure {
    pub failure: DkgEndFailure,
    pub reporter: SignerId,
}

impl From<&DkgAttemptReport> for AttemptJson {
    fn from(a: &DkgAttemptReport) -> Self {
        AttemptJson {
            dkg_id: a.dkg_id,
            ok: a.ok,
            reported_failures: a
                .reported_failures
                .iter()
                .map(|(reporter, failure)| ReportedFailure { failure: failure.clone(), reporter: *reporter })
                .collect(),
            malicious: a.malicious.iter().map(|f| (f.signer, f.offence)).collect(),
            unresponsive: a.unresponsive.clone(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DkgJson {
    pub attempts: Vec<AttemptJson>,
    pub ok: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignatureJson {
    pub round: u32,
    #[serde(rename = "type")]
    pub sig_type: String,
    pub message: String,
    pub signature: Option<String>,
    pub verify_key: Option<String>,
    pub internal_key: Option<String>,
    pub merkle_root: Option<String>,
    pub signers_used: Vec<SignerId>,
    /// The key's epoch: 0 after DKG, one more after each reshare or refresh.
    #[serde(default)]
    pub epoch: u64,
    pub attempts: u32,
    /// Signing sessions started for this signature: ROAST's concurrent
    /// sessions, or FIRE's and FROST's attempts.
    #[serde(default)]
    pub sessions: u32,
    pub ok: bool,
    pub error: Option<String>,
}

/// A key as the report shows it: compressed for FROST, x-only for BIP-340.
fn key_hex(sig_type: SignatureType, key: &Point) -> String {
    match sig_type {
        SignatureType::Frost => hex::encode(point_to_bytes(key)),
        SignatureType::Schnorr | SignatureType::Taproot { .. } => hex::encode(bip340::x_only(key)),
    }
}

impl SignatureJson {
    /// Signing round `round` over `message`, not yet signed.
    pub fn new(round: u32, sig_type: SignatureType, message: &[u8], group_key: Option<&Point>) -> Self {
        SignatureJson {
            round,
            sig_type: match sig_type {
                SignatureType::Frost => "frost",
                SignatureType::Schnorr => "schnorr",
                SignatureType::Taproot { .. } => "taproot",
            }
            .into(),
            message: hex::encode(message),
            signature: None,
            verify_key: None,
            internal_key: group_key.map(|k| key_hex(sig_type, k)),
            merkle_root: match sig_type {
                SignatureType::Taproot { merkle_root: Some(r) } => Some(hex::encode(r)),
                _ => None,
            },
            signers_used: vec![],
            epoch: 0,
            attempts: 0,
            sessions: 0,
            ok: false,
            error: None,
        }
    }

    /// Take in one coordinator event of this round.
    pub fn record(&mut self, event: &CoordinatorEvent) {
        match event {
            CoordinatorEvent::SignAttempt(_) => self.attempts += 1,
            CoordinatorEvent::Signature(s) => self.signed(s),
            CoordinatorEvent::SigningFailed { reason, .. } => self.error = Some(reason.clone()),
            _ => {}
        }
    }

    fn signed(&mut self, s: &SignatureOutcome) {
        self.ok = verify_signature(&s.signature, &s.verify_key, &s.message);
        self.signature = Some(hex::encode(s.signature.to_bytes()));
        self.verify_key = Some(key_hex(s.sig_type, &s.verify_key));
        self.signers_used = s.signers_used.clone();
        self.sessions = s.sessions;
    }
}

/// The whole ceremony as the coordinator saw it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CeremonyReport {
    pub dkg: DkgJson,
    pub aggregate_public_key: Option<String>,
    /// The last reshare or refresh, if any: its attempts, and the group key
    /// it made (the same as DKG's when it succeeded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reshare: Option<DkgJson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reshared_group_key: Option<String>,
    pub signatures: Vec<SignatureJson>,
    pub malicious: BTreeMap<SignerId, Offence>,
    pub unresponsive: BTreeSet<SignerId>,
}

/// What the coordinator records of its events to build a [`CeremonyReport`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Journal {
    pub dkg: DkgJson,
    pub signatures: Vec<SignatureJson>,
    /// The signing round in progress.
    pub signing: Option<SignatureJson>,
    /// The last reshare, and whether it is running.
    pub reshare: Option<DkgJson>,
    pub resharing: bool,
    pub reshared_group_key: Option<String>,
    /// The current key's epoch.
    pub epoch: u64,
}

impl Journal {
    pub fn signing_started(&mut self, sig_type: SignatureType, message: &[u8], group_key: Option<&Point>) {
        let round = u32::try_from(self.signatures.len() + 1).unwrap_or(u32::MAX);
        let mut signing = SignatureJson::new(round, sig_type, message, group_key);
        signing.epoch = self.epoch;
        self.signing = Some(signing);
    }

    /// The attempts of the run in progress: the reshare's or DKG's.
    fn dealing(&mut self) -> &mut DkgJson {
        match (self.resharing, &mut self.reshare) {
            (true, Some(reshare)) => reshare,
            _ => &mut self.dkg,
        }
    }

    pub fn record(&mut self, event: &CoordinatorEvent) {
        match event {
            CoordinatorEvent::DkgAttempt(a) => self.dealing().attempts.push(a.into()),
            CoordinatorEvent::DkgComplete { .. } => {
                self.dkg.ok = true;
                self.epoch = 0;
            }
            CoordinatorEvent::DkgFailed { .. } => {
                self.dealing().ok = false;
                self.resharing = false;
            }
            CoordinatorEvent::ReshareStarted { .. } => {
                self.reshare = Some(DkgJson::default());
                self.resharing = true;
            }
            CoordinatorEvent::Reshared { epoch, group_key, .. } => {
                self.dealing().ok = true;
                self.resharing = false;
                self.epoch = *epoch;
                self.reshared_group_key = Some(hex::encode(point_to_bytes(group_key)));
            }
            // A repair changes no key: the simulator reports it apart.
            CoordinatorEvent::RepairAttempt(_)
            | CoordinatorEvent::Repaired { .. }
            | CoordinatorEvent::RepairFailed { .. } => {}
            CoordinatorEvent::SignAttempt(_) => {
                if let Some(s) = self.signing.as_mut() {
                    s.record(event);
                }
            }
            CoordinatorEvent::Signature(_) | CoordinatorEvent::SigningFailed { .. } => {
                if let Some(mut s) = self.signing.take() {
                    s.record(event);
                    self.signatures.push(s);
                }
            }
        }
    }
}

/// One step of a round: whom the coordinator waits for, and whom it heard.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StepProgress {
    pub expected: Vec<SignerId>,
    pub got: Vec<SignerId>,
    /// Signers expected, not heard, and neither silent past the deadline
    /// nor proven malicious: whom the step still waits for.
    pub awaited: Vec<SignerId>,
    pub done: bool,
}

/// A DKG run (its attempts) or a signing round (its attempts), step by step.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RoundProgress {
    /// 1-based.
    pub attempt: u32,
    pub running: bool,
    pub failed: bool,
    /// The step in progress: `public`, `private`, `end`, `nonce` or `share`.
    pub current: Option<String>,
    pub steps: BTreeMap<String, Option<StepProgress>>,
}

impl RoundProgress {
    /// The final picture of a round that is over.
    pub fn finished(mut self, failed: bool) -> Self {
        self.running = false;
        self.failed = failed;
        for step in self.steps.values_mut().flatten() {
            step.awaited.clear();
            step.done |= !failed;
        }
        self
    }
}

/// The latest DKG run and signing round, running or over.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub dkg: Option<RoundProgress>,
    pub sign: Option<RoundProgress>,
}
