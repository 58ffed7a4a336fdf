//! The coordinator's side of a repair: a signer that lost its shares gets
//! them back from helpers whose key ids reach the threshold, by the
//! enrollment protocol of Laing and Stinson's repairable threshold schemes
//! (eprint 2017/1155, §3, as in ZF frost-core's `keys::repairable`), made
//! weighted and publicly checkable in [`crate::crypto::repair`].
//!
//! Each attempt: a signed `RepairBegin` (the key, its epoch and public keys,
//! the repaired signer's lost key ids, the helpers and theirs); helpers'
//! commitments `Δ` and everyone's key-exchange keys, relayed to all, then
//! listed by digest; helpers' encrypted pieces, relayed to the helpers, then
//! listed; helpers' encrypted sums, relayed to the repaired signer, then
//! listed; its result. Every packet is signed and checked on receipt.
//!
//! **No helper learns the share.** Helper i splits its Lagrange-weighted
//! part `ζ_{i,r}` into random pieces summing to it and keeps one; each other
//! helper gets one uniform piece, so any helper's view (its own shares, the
//! pieces it gets, the public `Δ`) is independent of the repaired share
//! `f(r)` beyond what its public key `X_r` already says. Sums are encrypted
//! to the repaired signer alone; the coordinator relays only ciphertexts.
//!
//! **A culprit is always named.** Every piece and every sum has a public
//! value its sender signed (`Δ_{i,j,r}`, `Σ_i Δ_{i,j,r}`), and every `Δ` is
//! checked on receipt against the old public key shares, from public data
//! alone. A bad piece or sum is proven by its receiver revealing the one
//! pairwise ECDH key with a DH-tuple proof: then anyone decrypts that one
//! ciphertext and checks it, naming the sender if it fails and the accuser
//! if it holds ([`crate::blame::repair`]). Two different signed packets of
//! one kind name their signer. Silence names nobody: the silent are
//! *unresponsive* for the attempt, and the next attempt leaves them out
//! while the other helpers' weight still reaches the threshold.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{intake::{digests_of, take_in}, Coordinator, Ctx, Fx, Outcome, Round};
use crate::{
    blame::{self, Finding, RepairTranscript},
    crypto::{
        repair::{RepairError, RepairSet},
        KeyId, SignerId,
    },
    net::{
        Packet, RepairBegin, RepairCommitments, RepairEnd, RepairEndBegin, RepairEndStatus, RepairPieces,
        RepairPiecesBegin, RepairSum, RepairSumBegin, RepairSumStatus,
    },
    state_machine::{
        effects::Effect,
        events::{CoordinatorEvent, RepairAttemptReport},
        policy::Step,
        Destination, Millis, StateError,
    },
};

/// Every repair attempt for one signer, until its shares are back or the
/// policy gives up.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct RepairRun {
    pub repaired: SignerId,
    /// 1-based.
    pub attempt: u32,
    pub state: RepairState,
    /// Helpers silent in the last attempt.
    silent: BTreeSet<SignerId>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) enum RepairState {
    Attempt(Box<RepairAttempt>),
    Backoff { until: Millis },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum RepairStep {
    Commitments,
    Pieces,
    Sums,
    End,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct RepairAttempt {
    transcript: RepairTranscript,
    /// The begin message's [`RepairSet`] (its Lagrange coefficients cost
    /// O(n²) per lost key id): made once, again after a restore.
    #[serde(skip)]
    set: Option<RepairSet>,
    step: RepairStep,
    deadline: Option<Millis>,
    findings: Vec<Finding>,
}

/// The helpers for a repair of `repaired`: every key holder but it and the
/// proven malicious, less those silent last time while the rest still reach
/// the threshold.
fn helpers(ctx: &Ctx<'_>, repaired: SignerId, silent: &BTreeSet<SignerId>) -> Result<BTreeMap<SignerId, Vec<KeyId>>, StateError> {
    let key = ctx.key.ok_or(StateError::NoKey)?;
    let config = &ctx.config.keys;
    let candidates: BTreeSet<SignerId> =
        key.holders.iter().filter(|s| **s != repaired && !ctx.malicious.contains_key(s)).copied().collect();
    let responsive: BTreeSet<SignerId> = candidates.difference(silent).copied().collect();
    let threshold = key.public_keys.threshold();
    let chosen = if config.weight_of(&responsive) as usize >= threshold { responsive } else { candidates };
    let have = config.weight_of(&chosen) as usize;
    if have < threshold {
        return Err(RepairError::BelowThreshold { have, threshold }.into());
    }
    Ok(chosen.into_iter().map(|s| (s, config.key_ids(s).to_vec())).collect())
}

impl RepairAttempt {
    fn set(&mut self) -> Result<&RepairSet, StateError> {
        if self.set.is_none() {
            self.set = Some(self.transcript.begin.repair_set()?);
        }
        self.set.as_ref().ok_or(StateError::NoKey)
    }
}

impl RepairRun {
    /// Start the first attempt, or refuse (changing nothing) when the
    /// helpers cannot reach the threshold.
    pub fn start(ctx: &mut Ctx<'_>, repaired: SignerId) -> Result<(Self, Fx), StateError> {
        if ctx.config.keys.key_ids(repaired).is_empty() {
            return Err(StateError::Config(format!("signer {repaired} holds no key ids")));
        }
        helpers(ctx, repaired, &BTreeSet::new())?;
        let mut run = RepairRun { repaired, attempt: 1, state: RepairState::Backoff { until: ctx.now }, silent: BTreeSet::new() };
        let fx = run.begin_attempt(ctx);
        Ok((run, fx))
    }

    pub fn deadline(&self) -> Option<Millis> {
        match &self.state {
            RepairState::Attempt(a) => a.deadline,
            RepairState::Backoff { until } => Some(*until),
        }
    }

    /// The attempt in progress, if not between attempts.
    pub fn repair_id(&self) -> Option<u64> {
        match &self.state {
            RepairState::Attempt(a) => Some(a.transcript.begin.repair_id),
            RepairState::Backoff { .. } => None,
        }
    }

    fn give_up(&self, reason: String) -> Fx {
        let mut fx = Fx::default();
        let attempts = self.attempt.saturating_sub(1);
        fx.report(CoordinatorEvent::RepairFailed { signer: self.repaired, attempts, reason });
        fx.push(Effect::Done(Outcome::Repair));
        fx
    }

    fn begin_attempt(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        if ctx.malicious.contains_key(&self.repaired) {
            return self.give_up("the repaired signer is proven malicious".into());
        }
        let (helpers, key) = match (helpers(ctx, self.repaired, &self.silent), ctx.key) {
            (Ok(h), Some(key)) => (h, key),
            (Err(e), _) => return self.give_up(e.to_string()),
            (_, None) => return self.give_up(StateError::NoKey.to_string()),
        };
        let repair_id = ctx.ids.last_dkg_id + 1;
        let begin = RepairBegin {
            repair_id,
            key_dkg_id: key.dkg_id,
            epoch: ctx.epoch,
            repaired: self.repaired,
            lost: ctx.config.keys.key_ids(self.repaired).to_vec(),
            helpers,
            public_keys: key.public_keys.clone(),
        };
        let set = match begin.check_config(&ctx.config.keys) {
            Ok(set) => set,
            Err(e) => return self.give_up(e.to_string()),
        };
        ctx.ids.last_dkg_id = repair_id;
        let mut fx = Fx::default();
        fx.push(Effect::ClearUnresponsive);
        let packet = ctx.sign(begin.clone());
        for s in begin.participants() {
            fx.send(Destination::Signer(s), &packet);
        }
        let deadline = ctx.policy.deadline(Step::DkgPublic, ctx.now);
        let transcript = RepairTranscript::new(begin);
        self.state = RepairState::Attempt(Box::new(RepairAttempt {
            transcript,
            set: Some(set),
            step: RepairStep::Commitments,
            deadline,
            findings: vec![],
        }));
        fx
    }

    /// The attempt `repair_id` at `step`, and the sender's right to speak in it.
    fn attempt_at(
        &mut self,
        ctx: &Ctx<'_>,
        name: &'static str,
        from: SignerId,
        step: RepairStep,
    ) -> Result<&mut RepairAttempt, StateError> {
        let RepairState::Attempt(a) = &mut self.state else {
            return Err(StateError::Unexpected { message: name, state: "between repair attempts" });
        };
        let begin = &a.transcript.begin;
        let allowed = match step {
            RepairStep::Commitments => begin.participants().contains(&from),
            RepairStep::Pieces | RepairStep::Sums => begin.helpers.contains_key(&from),
            RepairStep::End => from == begin.repaired,
        };
        if !allowed || ctx.malicious.contains_key(&from) {
            return Err(StateError::NotParticipating { message: name, signer: from });
        }
        if a.step != step {
            return Err(StateError::Unexpected { message: name, state: "another repair step" });
        }
        Ok(a)
    }

    pub fn on_commitments(&mut self, ctx: &mut Ctx<'_>, from: SignerId, p: Packet<RepairCommitments>) -> Result<Fx, StateError> {
        let a = self.attempt_at(ctx, "RepairCommitments", from, RepairStep::Commitments)?;
        let begin = a.transcript.begin.clone();
        let set = a.set()?.clone();
        let check = |m: &RepairCommitments| blame::check_repair_commitments(&begin, &set, m);
        let others: Vec<SignerId> = begin.participants().into_iter().filter(|s| *s != from).collect();
        let relay = |p: &Packet<RepairCommitments>, fx: &mut Fx| others.iter().for_each(|s| fx.forward(Destination::Signer(*s), p));
        let fx = take_in(&mut a.transcript.commitments, &mut a.findings, from, p, check, relay)?;
        Ok(self.then_advance(ctx, fx))
    }

    pub fn on_pieces(&mut self, ctx: &mut Ctx<'_>, from: SignerId, p: Packet<RepairPieces>) -> Result<Fx, StateError> {
        let a = self.attempt_at(ctx, "RepairPieces", from, RepairStep::Pieces)?;
        let begin = a.transcript.begin.clone();
        let check = |m: &RepairPieces| blame::check_repair_pieces(&begin, m);
        let others: Vec<SignerId> = begin.helpers.keys().copied().filter(|s| *s != from).collect();
        let relay = |p: &Packet<RepairPieces>, fx: &mut Fx| others.iter().for_each(|s| fx.forward(Destination::Signer(*s), p));
        let fx = take_in(&mut a.transcript.pieces, &mut a.findings, from, p, check, relay)?;
        Ok(self.then_advance(ctx, fx))
    }

    pub fn on_sum(&mut self, ctx: &mut Ctx<'_>, from: SignerId, p: Packet<RepairSum>) -> Result<Fx, StateError> {
        let a = self.attempt_at(ctx, "RepairSum", from, RepairStep::Sums)?;
        let begin = a.transcript.begin.clone();
        let check = |m: &RepairSum| blame::check_repair_sum(&begin, m);
        let relay = |p: &Packet<RepairSum>, fx: &mut Fx| {
            if matches!(p.message().status, RepairSumStatus::Sum(_)) {
                fx.forward(Destination::Signer(begin.repaired), p);
            }
        };
        let fx = take_in(&mut a.transcript.sums, &mut a.findings, from, p, check, relay)?;
        if let Some(RepairSumStatus::BadPieces(claims)) = a.transcript.sums.get(&from).map(|p| &p.message().status) {
            let settled = blame::settle_bad_pieces(&a.transcript, from, claims);
            a.findings.extend(settled);
        }
        Ok(self.then_advance(ctx, fx))
    }

    pub fn on_end(&mut self, ctx: &mut Ctx<'_>, from: SignerId, p: Packet<RepairEnd>) -> Result<Fx, StateError> {
        let a = self.attempt_at(ctx, "RepairEnd", from, RepairStep::End)?;
        match &p.message().status {
            RepairEndStatus::Success => {
                let mut fx = Fx::default();
                let (repair_id, helpers) = (a.transcript.begin.repair_id, a.transcript.begin.helpers.keys().copied().collect::<Vec<_>>());
                let report = RepairAttemptReport { repair_id, ok: true, helpers: helpers.clone(), malicious: vec![], unresponsive: BTreeSet::new() };
                fx.report(CoordinatorEvent::RepairAttempt(report));
                fx.report(CoordinatorEvent::Repaired { repair_id, signer: self.repaired, helpers });
                fx.push(Effect::Done(Outcome::Repair));
                Ok(fx)
            }
            RepairEndStatus::BadSums(claims) => {
                let set = a.set()?.clone();
                let settled = blame::settle_bad_sums(&a.transcript, &set, claims);
                a.findings.extend(settled);
                Ok(self.fail(ctx, BTreeSet::new()))
            }
            RepairEndStatus::BadState(_) => Ok(self.fail(ctx, BTreeSet::new())),
        }
    }

    /// After a packet: fail on any finding, else go to the next step once
    /// every expected packet is in.
    fn then_advance(&mut self, ctx: &mut Ctx<'_>, mut fx: Fx) -> Fx {
        let RepairState::Attempt(a) = &mut self.state else { return fx };
        if !a.findings.is_empty() {
            fx.extend(self.fail(ctx, BTreeSet::new()));
            return fx;
        }
        let begin = &a.transcript.begin;
        let helpers: Vec<SignerId> = begin.helpers.keys().copied().collect();
        let (repair_id, t) = (begin.repair_id, &a.transcript);
        let next = match a.step {
            RepairStep::Commitments if t.commitments.len() == begin.participants().len() => {
                // The repaired signer too: it checks the deals its sums must match.
                let packet = ctx.sign(RepairPiecesBegin { repair_id, commitment_digests: digests_of(&t.commitments) });
                begin.participants().iter().for_each(|s| fx.send(Destination::Signer(*s), &packet));
                Some((RepairStep::Pieces, Step::DkgPrivate))
            }
            RepairStep::Pieces if t.pieces.len() == helpers.len() => {
                let packet = ctx.sign(RepairSumBegin { repair_id, piece_digests: digests_of(&t.pieces) });
                helpers.iter().for_each(|s| fx.send(Destination::Signer(*s), &packet));
                Some((RepairStep::Sums, Step::DkgEnd))
            }
            RepairStep::Sums if t.sums.len() == helpers.len() => {
                let packet = ctx.sign(RepairEndBegin { repair_id, sum_digests: digests_of(&t.sums) });
                fx.send(Destination::Signer(begin.repaired), &packet);
                Some((RepairStep::End, Step::DkgEnd))
            }
            _ => None,
        };
        if let Some((step, deadline)) = next {
            a.step = step;
            a.deadline = ctx.policy.deadline(deadline, ctx.now);
        }
        fx
    }

    /// A deadline passed: start the next attempt, or fail this one with the
    /// silent named unresponsive.
    pub fn on_timeout(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let RepairState::Attempt(a) = &self.state else {
            return self.begin_attempt(ctx);
        };
        let (begin, t) = (&a.transcript.begin, &a.transcript);
        let expected: Vec<SignerId> = match a.step {
            RepairStep::Commitments => begin.participants(),
            RepairStep::Pieces | RepairStep::Sums => begin.helpers.keys().copied().collect(),
            RepairStep::End => vec![begin.repaired],
        };
        let got = |s: &SignerId| match a.step {
            RepairStep::Commitments => t.commitments.contains_key(s),
            RepairStep::Pieces => t.pieces.contains_key(s),
            RepairStep::Sums => t.sums.contains_key(s),
            RepairStep::End => false,
        };
        let silent = expected.into_iter().filter(|s| !got(s)).collect();
        self.fail(ctx, silent)
    }

    /// End the attempt: report it, prove its findings, retry after back-off
    /// or give up.
    fn fail(&mut self, ctx: &mut Ctx<'_>, silent: BTreeSet<SignerId>) -> Fx {
        let mut fx = Fx::default();
        let RepairState::Attempt(a) = &self.state else { return fx };
        let mut findings = a.findings.clone();
        findings.sort();
        findings.dedup();
        let helpers = a.transcript.begin.helpers.keys().copied().collect();
        let repair_id = a.transcript.begin.repair_id;
        let report = RepairAttemptReport { repair_id, ok: false, helpers, malicious: findings.clone(), unresponsive: silent.clone() };
        fx.report(CoordinatorEvent::RepairAttempt(report));
        fx.push(Effect::Prove(findings));
        fx.push(Effect::Unresponsive(silent.iter().copied().collect()));
        self.silent = silent;
        let retry = ctx.policy.retry();
        if self.attempt >= retry.max_dkg_attempts {
            self.attempt += 1;
            fx.extend(self.give_up("every allowed repair attempt failed".into()));
            return fx;
        }
        self.state = RepairState::Backoff { until: ctx.now.saturating_add(retry.backoff(self.attempt)) };
        self.attempt += 1;
        fx
    }
}

impl Coordinator {
    /// Repair `signer`'s lost shares of the current key from helpers whose
    /// weight reaches the threshold. Refused, changing nothing, while
    /// another round runs or when the helpers fall short (a typed
    /// [`RepairError::BelowThreshold`]).
    pub fn start_repair(&mut self, signer: SignerId, now: Millis) -> Result<(), StateError> {
        if !self.is_idle() {
            return Err(StateError::Busy(self.phase_name()));
        }
        let (_, mut ctx) = self.split(now);
        let (run, fx) = RepairRun::start(&mut ctx, signer)?;
        self.state.round = Round::Repair(Box::new(run));
        self.apply(fx);
        Ok(())
    }
}
