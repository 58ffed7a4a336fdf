//! A whole ceremony, run as an application would, and its report (the JSON
//! of `wsts-sim run --json`, in the shape of
//! [`crate::state_machine::report::CeremonyReport`] plus the simulator's own
//! counters).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::Simulation;
use crate::{
    blame::Offence,
    crypto::{encoding::point_to_bytes, SignerId},
    state_machine::{
        coordinator::{CoordinatorEvent, DkgAttemptReport},
        report::{AttemptJson, DkgJson, SignatureJson},
        Millis,
    },
};

/// What `wsts-sim run --json` prints.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub dkg: DkgJson,
    pub aggregate_public_key: Option<String>,
    /// The reshare or refresh's attempts, if one was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reshare: Option<DkgJson>,
    /// The group key after the reshare (the same as DKG's when it worked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reshared_group_key: Option<String>,
    /// The repair of a signer that lost its state, if one was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repair: Option<super::RepairJson>,
    /// Signing rounds before the reshare, then (with `"epoch": 1`) after it.
    pub signatures: Vec<SignatureJson>,
    pub malicious: BTreeMap<SignerId, Offence>,
    pub unresponsive: BTreeSet<SignerId>,
    /// Packets the state machines refused (replays, duplicates, ...), by error.
    pub rejected_packets: BTreeMap<String, u32>,
    pub virtual_time_ms: Millis,
}

impl Report {
    pub fn ok(&self) -> bool {
        let reshared =
            self.reshare.as_ref().is_none_or(|r| r.ok && self.reshared_group_key == self.aggregate_public_key);
        let repaired = self.repair.as_ref().is_none_or(|r| r.ok);
        self.dkg.ok && reshared && repaired && !self.signatures.is_empty() && self.signatures.iter().all(|s| s.ok)
    }
}

impl Simulation {
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
        let (mut reshare, mut reshared_group_key, mut repair) = (None, None, None);
        if dkg_ok {
            for round in 1..=self.options.sign_rounds {
                signatures.push(self.sign_round(round));
            }
            if let Some(options) = self.options.reshare.clone() {
                let (ok, attempts) = self.run_reshare(&options).unwrap_or((false, vec![]));
                reshare = Some(DkgJson { ok, attempts: attempts.iter().map(AttemptJson::from).collect() });
                reshared_group_key = ok.then(|| self.coordinator.group_key().map(|k| hex(&k))).flatten();
                for round in 1..=self.options.sign_rounds {
                    signatures.push(self.sign_round(self.options.sign_rounds + round));
                }
            }
            if let Some(options) = self.options.repair.clone() {
                repair = Some(self.run_repair(&options));
                let done = signatures.len() as u32;
                for round in 1..=self.options.sign_rounds {
                    signatures.push(self.sign_round(done + round));
                }
            }
        }
        Report {
            dkg: DkgJson { ok: dkg_ok, attempts: attempts.iter().map(AttemptJson::from).collect() },
            aggregate_public_key: group_key.map(|k| hex(&k)),
            reshare,
            reshared_group_key,
            repair,
            signatures,
            malicious: self.coordinator.malicious().clone(),
            unresponsive: self.coordinator.unresponsive().clone(),
            rejected_packets: self.rejected.clone(),
            virtual_time_ms: self.now,
        }
    }

    /// One signing round over the options' message, reported.
    pub fn sign_round(&mut self, round: u32) -> SignatureJson {
        let (sig_type, message) = (self.options.sig_type, self.options.message.clone());
        let mut out = SignatureJson::new(round, sig_type, &message, self.coordinator.group_key().as_ref());
        out.epoch = self.coordinator.epoch();
        match self.coordinator.start_signing(&message, sig_type, self.now) {
            Ok(id) => self.current_sign_round = id,
            Err(e) => {
                out.error = Some(e.to_string());
                return out;
            }
        }
        self.run_until_quiet();
        for e in self.take_events() {
            out.record(&e);
        }
        if !self.coordinator.is_idle() {
            // ROAST never gives up on its own: with every packet delivered and
            // no session complete, the application does.
            out.error = Some("no session completed: too little weight answered".into());
            self.coordinator.reset();
            self.current_sign_round = 0;
        }
        out
    }
}

fn hex(key: &crate::crypto::Point) -> String {
    hex::encode(point_to_bytes(key))
}
