//! The coordinator's DKG round: one run of attempts from `start_dkg` to a
//! key or a give-up, each attempt through three steps (public shares,
//! private shares, results), as the packets in hand and the deadlines allow.
//!
//! Each included signer's packets are checked on receipt and kept whole for
//! the transcript; every signer gets copies pruned for it. `DkgPrivateBegin`
//! and `DkgEndBegin` list each included packet's digest, so signers only
//! ever accuse on the coordinator's own copy ([`crate::blame`]).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{
    catchup, evaluate,
    intake::{digests_of, take_in},
    progress, Ctx, Fx, KeyState,
};
use crate::{
    blame::Finding,
    crypto::SignerId,
    net::{
        DkgBegin, DkgEnd, DkgEndBegin, DkgPrivateBegin, DkgPrivateShares, DkgPublicShares, Packet,
        TranscriptRequest,
    },
    state_machine::{
        effects::Effect,
        events::{CoordinatorEvent, DkgAttemptReport},
        policy::Step,
        report::RoundProgress,
        Destination, Millis, StateError,
    },
};

/// Every DKG attempt from `start_dkg` until a key is made or the policy
/// gives up.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct DkgRun {
    /// 1-based.
    pub attempt: u32,
    pub state: RunState,
    /// The last failed attempt, shown while the next one waits.
    pub previous: Option<RoundProgress>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) enum RunState {
    Attempt(Box<Attempt>),
    Backoff { until: Millis },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub(super) enum DkgStep {
    Public,
    Private,
    End,
}

/// One DKG attempt (one `dkg_id`).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct Attempt {
    pub dkg_id: u64,
    pub step: DkgStep,
    pub deadline: Option<Millis>,
    pub invited: BTreeSet<SignerId>,
    pub public: BTreeMap<SignerId, Packet<DkgPublicShares>>,
    pub private: BTreeMap<SignerId, Packet<DkgPrivateShares>>,
    pub included_public: Vec<SignerId>,
    pub included_private: Vec<SignerId>,
    /// The `DkgEndBegin` sent, as signed.
    pub end_begin: Option<Packet<DkgEndBegin>>,
    pub ends: BTreeMap<SignerId, DkgEnd>,
    pub findings: Vec<Finding>,
    pub unresponsive: BTreeSet<SignerId>,
    /// `TranscriptRequest`s answered per signer in this attempt.
    pub transcript_requests: BTreeMap<SignerId, u32>,
}

/// How an attempt ended.
pub(super) enum AttemptEnd {
    Key(Box<KeyState>),
    Failed(&'static str),
}

impl DkgRun {
    /// Start the first attempt.
    pub fn start(ctx: &mut Ctx<'_>) -> (Self, Fx) {
        let mut run = DkgRun { attempt: 1, state: RunState::Backoff { until: ctx.now }, previous: None };
        let fx = run.begin_attempt(ctx);
        (run, fx)
    }

    /// The attempt in progress, if not between attempts.
    pub fn dkg_id(&self) -> Option<u64> {
        match &self.state {
            RunState::Attempt(a) => Some(a.dkg_id),
            RunState::Backoff { .. } => None,
        }
    }

    pub fn deadline(&self) -> Option<Millis> {
        match &self.state {
            RunState::Attempt(a) => a.deadline,
            RunState::Backoff { until } => Some(*until),
        }
    }

    /// Invite every signer not proven malicious to a new attempt.
    fn begin_attempt(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let mut fx = Fx::default();
        fx.push(Effect::ClearUnresponsive);
        let dkg_id = ctx.ids.last_dkg_id + 1;
        let invited = match invite(ctx, dkg_id, &mut fx) {
            Ok(invited) => invited,
            Err(reason) => {
                fx.report(CoordinatorEvent::DkgFailed { attempts: self.attempt - 1, reason });
                fx.push(Effect::Done(super::Outcome::NoKey));
                return fx;
            }
        };
        ctx.ids.last_dkg_id = dkg_id;
        self.state = RunState::Attempt(Box::new(Attempt {
            dkg_id,
            step: DkgStep::Public,
            deadline: ctx.policy.deadline(Step::DkgPublic, ctx.now),
            invited,
            public: BTreeMap::new(),
            private: BTreeMap::new(),
            included_public: vec![],
            included_private: vec![],
            end_begin: None,
            ends: BTreeMap::new(),
            findings: vec![],
            unresponsive: BTreeSet::new(),
            transcript_requests: BTreeMap::new(),
        }));
        fx
    }

    /// The attempt `dkg_id`, and the sender's right to take part in it.
    fn attempt(&mut self, ctx: &Ctx<'_>, name: &'static str, from: SignerId) -> Result<&mut Attempt, StateError> {
        let RunState::Attempt(a) = &mut self.state else {
            return Err(StateError::Unexpected { message: name, state: "between DKG attempts" });
        };
        if !a.invited.contains(&from) || ctx.malicious.contains_key(&from) {
            return Err(StateError::NotParticipating { message: name, signer: from });
        }
        Ok(a)
    }

    /// The attempt, at `step`, and the sender's right to take part in it.
    fn attempt_at(
        &mut self,
        ctx: &Ctx<'_>,
        name: &'static str,
        from: SignerId,
        step: DkgStep,
    ) -> Result<&mut Attempt, StateError> {
        let a = self.attempt(ctx, name, from)?;
        if a.step != step {
            return Err(StateError::Unexpected { message: name, state: "another DKG step" });
        }
        Ok(a)
    }

    pub fn on_public_shares(
        &mut self,
        ctx: &mut Ctx<'_>,
        from: SignerId,
        packet: Packet<DkgPublicShares>,
    ) -> Result<Fx, StateError> {
        let a = self.attempt_at(ctx, "DkgPublicShares", from, DkgStep::Public)?;
        let (dkg_id, rules) = (a.dkg_id, ctx.rules());
        let check = |m: &DkgPublicShares| rules.check_public(dkg_id, m);
        // Signers need only the constant terms; the rest reaches them summed, in `DkgEndBegin`.
        let relay = |p: &Packet<DkgPublicShares>, fx: &mut Fx| fx.forward(Destination::AllSigners, &p.pruned());
        let fx = take_in(&mut a.public, &mut a.findings, from, packet, check, relay)?;
        Ok(self.then_advance(ctx, fx))
    }

    pub fn on_private_shares(
        &mut self,
        ctx: &mut Ctx<'_>,
        from: SignerId,
        packet: Packet<DkgPrivateShares>,
    ) -> Result<Fx, StateError> {
        const NAME: &str = "DkgPrivateShares";
        let a = self.attempt_at(ctx, NAME, from, DkgStep::Private)?;
        let rules = ctx.rules();
        if !rules.dealers(&a.included_public).contains(&from) {
            return Err(StateError::NotParticipating { message: NAME, signer: from });
        }
        let (dkg_id, included) = (a.dkg_id, &a.included_public);
        let check = |m: &DkgPrivateShares| rules.check_private(dkg_id, m, included);
        let relay = |p: &Packet<DkgPrivateShares>, fx: &mut Fx| {
            for (recipient, copy) in p.pruned_for_each() {
                fx.forward(Destination::Signer(recipient), &copy);
            }
        };
        let fx = take_in(&mut a.private, &mut a.findings, from, packet, check, relay)?;
        Ok(self.then_advance(ctx, fx))
    }

    pub fn on_end(&mut self, ctx: &mut Ctx<'_>, from: SignerId, packet: Packet<DkgEnd>) -> Result<Fx, StateError> {
        const NAME: &str = "DkgEnd";
        let a = self.attempt_at(ctx, NAME, from, DkgStep::End)?;
        if !ctx.rules().reporters(&a.included_public, &a.included_private).contains(&from) {
            return Err(StateError::NotParticipating { message: NAME, signer: from });
        }
        if a.ends.contains_key(&from) {
            return Err(StateError::Duplicate { message: NAME, from: packet.sender() });
        }
        a.ends.insert(from, packet.into_message());
        Ok(self.then_advance(ctx, Fx::default()))
    }

    /// After a packet: record what the attempt proved so far, and move on.
    fn then_advance(&mut self, ctx: &mut Ctx<'_>, mut fx: Fx) -> Fx {
        if let RunState::Attempt(a) = &self.state {
            fx.push(Effect::Prove(a.findings.clone()));
        }
        fx.extend(self.advance(ctx));
        fx
    }

    /// Resend what a signer lacks: each named packet at most once per
    /// request, pruned for it, and `DkgEndBegin` if it asks.
    pub fn on_transcript_request(
        &mut self,
        ctx: &mut Ctx<'_>,
        from: SignerId,
        request: &TranscriptRequest,
    ) -> Result<Fx, StateError> {
        let a = self.attempt(ctx, "TranscriptRequest", from)?;
        catchup::count_request(&mut a.transcript_requests, from)?;
        let fx = catchup::resend(
            from,
            request,
            |s| a.public.get(&s).map(Packet::pruned),
            |s| a.private.get(&s).map(|p| p.pruned_for(from)),
            a.end_begin.as_ref(),
        );
        Ok(self.then_advance(ctx, fx))
    }

    /// A deadline passed: the silent are unresponsive in this attempt; or the
    /// back-off is over: begin the next attempt.
    pub fn on_timeout(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let RunState::Attempt(a) = &mut self.state else { return self.begin_attempt(ctx) };
        let rules = ctx.rules();
        let silent: Vec<SignerId> = match a.step {
            DkgStep::Public => a.invited.iter().filter(|s| !a.public.contains_key(s)).copied().collect(),
            DkgStep::Private => rules.dealers(&a.included_public).into_iter().filter(|s| !a.private.contains_key(s)).collect(),
            DkgStep::End => rules.reporters(&a.included_public, &a.included_private).into_iter().filter(|s| !a.ends.contains_key(s)).collect(),
        };
        a.unresponsive.extend(silent.into_iter().filter(|s| !ctx.malicious.contains_key(s)));
        self.advance(ctx)
    }

    /// Move the attempt on as far as it goes; if it ended, retry or finish.
    fn advance(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let RunState::Attempt(a) = &mut self.state else { return Fx::default() };
        let mut fx = Fx::default();
        let Some(end) = a.advance(ctx, &mut fx) else { return fx };
        let silent = a.unresponsive.clone();
        match end {
            AttemptEnd::Key(key) => {
                fx.push(Effect::Done(super::Outcome::Key(key)));
            }
            AttemptEnd::Failed(reason) => {
                // A reshare's next dealer set leaves out the silent, if it can.
                if let Some(spec) = ctx.reshare.as_deref_mut() {
                    spec.silent = silent;
                }
                self.previous = Some(progress::of_dkg(self, &ctx.standing()).finished(true));
                fx.extend(self.retry(ctx, reason));
            }
        }
        fx
    }

    fn retry(&mut self, ctx: &Ctx<'_>, reason: &str) -> Fx {
        let retry = ctx.policy.retry();
        let mut fx = Fx::default();
        if self.attempt >= retry.max_dkg_attempts {
            fx.report(CoordinatorEvent::DkgFailed { attempts: self.attempt, reason: reason.to_string() });
            fx.push(Effect::Done(super::Outcome::NoKey));
        } else {
            self.state = RunState::Backoff { until: ctx.now.saturating_add(retry.backoff(self.attempt)) };
            self.attempt += 1;
        }
        fx
    }
}

/// Invite the signers to attempt `dkg_id`: every signer not proven
/// malicious to a DKG, or a reshare's participants (`ReshareSpec::invite`).
fn invite(ctx: &mut Ctx<'_>, dkg_id: u64, fx: &mut Fx) -> Result<BTreeSet<SignerId>, String> {
    if let Some(spec) = ctx.reshare.take() {
        let invited = spec.invite(ctx, dkg_id, fx);
        ctx.reshare = Some(spec);
        return invited;
    }
    let keys = &ctx.config.keys;
    let invited: BTreeSet<SignerId> = keys.signers.keys().filter(|s| !ctx.malicious.contains_key(s)).copied().collect();
    if keys.weight_of(&invited) < keys.dkg_threshold {
        return Err("the signers not proven malicious carry less weight than dkg_threshold".into());
    }
    fx.send(Destination::AllSigners, &ctx.sign(DkgBegin { dkg_id, signers: invited.iter().copied().collect() }));
    Ok(invited)
}

impl Attempt {
    /// Is some expected signer, neither silent past its deadline nor proven
    /// malicious, still to be heard from?
    fn waiting_on<'a>(
        &self,
        ctx: &Ctx<'_>,
        expected: impl IntoIterator<Item = &'a SignerId>,
        heard: impl Fn(&SignerId) -> bool,
    ) -> bool {
        let proven = |s: &SignerId| ctx.malicious.contains_key(s) || self.findings.iter().any(|f| f.signer == *s);
        expected.into_iter().any(|s| !heard(s) && !self.unresponsive.contains(s) && !proven(s))
    }

    /// Take every step the packets in hand (or a passed deadline) allow.
    fn advance(&mut self, ctx: &mut Ctx<'_>, fx: &mut Fx) -> Option<AttemptEnd> {
        loop {
            let rules = ctx.rules();
            match self.step {
                DkgStep::Public => {
                    if self.waiting_on(ctx, &self.invited, |s| self.public.contains_key(s)) {
                        return None;
                    }
                    let public_digests = digests_of(&self.public);
                    self.included_public = public_digests.iter().map(|d| d.signer).collect();
                    if !rules.enough_public(&self.included_public) {
                        return Some(self.fail(fx, "public shares from too little weight"));
                    }
                    fx.send(
                        Destination::AllSigners,
                        &ctx.sign(DkgPrivateBegin { dkg_id: self.dkg_id, public_digests }),
                    );
                    self.step = DkgStep::Private;
                    self.deadline = ctx.policy.deadline(Step::DkgPrivate, ctx.now);
                }
                DkgStep::Private => {
                    if self.waiting_on(ctx, &rules.dealers(&self.included_public), |s| self.private.contains_key(s)) {
                        return None;
                    }
                    let private_digests = digests_of(&self.private);
                    self.included_private = private_digests.iter().map(|d| d.signer).collect();
                    if !rules.enough_private(&self.included_private) {
                        return Some(self.fail(fx, "private shares from too little weight"));
                    }
                    let included = self.included_private.iter().filter_map(|s| self.public.get(s).map(Packet::message));
                    let Some(aggregate_rest) = rules.aggregate_rest(included) else {
                        return Some(self.fail(fx, "malformed public shares"));
                    };
                    let end_begin = ctx.sign(DkgEndBegin { dkg_id: self.dkg_id, private_digests, aggregate_rest });
                    fx.send(Destination::AllSigners, &end_begin);
                    self.end_begin = Some(end_begin);
                    self.step = DkgStep::End;
                    self.deadline = ctx.policy.deadline(Step::DkgEnd, ctx.now);
                }
                DkgStep::End => {
                    let reporters = rules.reporters(&self.included_public, &self.included_private);
                    if self.waiting_on(ctx, &reporters, |s| self.ends.contains_key(s)) {
                        return None;
                    }
                    return Some(evaluate::evaluate(self, ctx, fx));
                }
            }
        }
    }

    /// The attempt failed before the results: report it.
    pub(super) fn fail(&self, fx: &mut Fx, reason: &'static str) -> AttemptEnd {
        fx.push(Effect::Unresponsive(self.unresponsive.iter().copied().collect()));
        fx.push(Effect::Prove(self.findings.clone()));
        fx.report(CoordinatorEvent::DkgAttempt(DkgAttemptReport {
            dkg_id: self.dkg_id,
            ok: false,
            reported_failures: vec![],
            malicious: self.findings.clone(),
            unresponsive: self.unresponsive.clone(),
        }));
        AttemptEnd::Failed(reason)
    }
}
