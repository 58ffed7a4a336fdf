//! The driver's outputs and the operator's controls: the outbox, events, the
//! two sets of signers, progress and the ceremony report.

use std::collections::{BTreeMap, BTreeSet};

use super::{dkg::RunState, progress, sign::SignState, Coordinator, CoordinatorEvent, Round, Standing};
use crate::{
    blame::Offence,
    crypto::{encoding::point_to_bytes, Point, SignerId},
    state_machine::{
        report::{CeremonyReport, Progress},
        Transmit,
    },
};

impl Coordinator {
    pub fn poll_transmit(&mut self) -> Option<Transmit> {
        self.outbox.pop_front()
    }

    pub fn poll_event(&mut self) -> Option<CoordinatorEvent> {
        self.events.pop_front()
    }

    /// Signers proven malicious, with the offence that proved it.
    pub fn malicious(&self) -> &BTreeMap<SignerId, Offence> {
        &self.state.malicious
    }

    /// Signers that missed a deadline in the current DKG attempt or signing round.
    pub fn unresponsive(&self) -> &BTreeSet<SignerId> {
        &self.state.unresponsive
    }

    /// Forgive one signer, or every signer with `None`.
    pub fn clear_malicious(&mut self, signer: Option<SignerId>) {
        match signer {
            Some(s) => {
                self.state.malicious.remove(&s);
            }
            None => self.state.malicious.clear(),
        }
    }

    pub fn clear_unresponsive(&mut self) {
        self.state.unresponsive.clear();
    }

    /// Abandon the round in progress and clear the unresponsive set. Keeps the
    /// group key and the malicious set.
    /// ROAST's unverified shares are judged first: a bad share that came is
    /// proven even in a round that never completes.
    pub fn reset(&mut self) {
        // The time is not read by judging.
        if let (Round::Roast(run), mut ctx) = self.split(0) {
            let fx = run.judge(&mut ctx);
            self.apply(fx);
        }
        self.state.round = Round::Idle;
        self.state.journal.signing = None;
        self.state.unresponsive.clear();
        // An abandoned reshare leaves the old epoch current.
        self.state.reshare = None;
        self.state.journal.resharing = false;
    }

    pub fn group_key(&self) -> Option<Point> {
        self.state.key.as_ref().map(|k| k.public_keys.group_key)
    }

    pub fn is_idle(&self) -> bool {
        matches!(self.state.round, Round::Idle)
    }

    pub(super) fn phase_name(&self) -> &'static str {
        match &self.state.round {
            Round::Idle => "idle",
            Round::Dkg(run) if matches!(run.state, RunState::Backoff { .. }) => "DKG back-off",
            Round::Dkg(_) => "DKG",
            Round::Sign(run) if matches!(run.state, SignState::Backoff { .. }) => "signing back-off",
            Round::Sign(_) => "signing",
            Round::Roast(_) => "signing (ROAST)",
            Round::Repair(_) => "repair",
        }
    }

    /// The DKG run and the signing round in progress, or the last ones over.
    pub fn progress(&self) -> Progress {
        let standing = Standing { malicious: &self.state.malicious, unresponsive: &self.state.unresponsive };
        let mut out = self.state.progress.clone();
        match &self.state.round {
            Round::Dkg(run) => out.dkg = Some(progress::of_dkg(run, &standing)),
            Round::Sign(run) => out.sign = Some(progress::of_signing(run, &standing)),
            Round::Roast(run) => out.sign = Some(progress::of_roast(run, &standing)),
            Round::Repair(_) | Round::Idle => {}
        }
        out
    }

    /// The signers the step in progress still waits for.
    pub fn awaited(&self) -> Vec<SignerId> {
        let progress = self.progress();
        let round = match &self.state.round {
            Round::Dkg(_) => progress.dkg,
            Round::Sign(_) | Round::Roast(_) => progress.sign,
            Round::Repair(_) | Round::Idle => None,
        };
        round
            .and_then(|r| r.current.clone().and_then(|c| r.steps.get(&c).cloned().flatten()))
            .map(|step| step.awaited)
            .unwrap_or_default()
    }

    /// The ceremony so far, in the shape of `wsts-sim run --json`.
    pub fn report(&self) -> CeremonyReport {
        CeremonyReport {
            dkg: self.state.journal.dkg.clone(),
            aggregate_public_key: self.group_key().map(|k| hex::encode(point_to_bytes(&k))),
            reshare: self.state.journal.reshare.clone(),
            reshared_group_key: self.state.journal.reshared_group_key.clone(),
            signatures: self.state.journal.signatures.clone(),
            malicious: self.state.malicious.clone(),
            unresponsive: self.state.unresponsive.clone(),
        }
    }
}
