//! The coordinator's signing round: attempts (`sign_iter_id`) of FROST's
//! two rounds (RFC 9591 §5) until a signature or the policy gives up.
//!
//! Nonces are asked of every eligible signer (see
//! [`crate::state_machine::policy::signers_to_ask`]); as soon as responders'
//! weight reaches the threshold (FIRE) or everyone answered (FROST), they are
//! asked for signature shares over their signed nonce responses. All shares
//! are checked in one batch, each alone only if that fails
//! ([`crate::blame::bad_signature_shares`]), including shares in hand when
//! the attempt times out.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{progress, Ctx, Fx, Outcome};
use crate::{
    blame,
    crypto::{
        signing::{SignatureShare, SignatureType, SigningSession},
        SignerId,
    },
    net::{NonceRequest, NonceResponse, Packet, SignatureShareRequest, SignatureShareResponse, SignedBytes},
    state_machine::{
        effects::Effect,
        events::{CoordinatorEvent, SignAttemptReport, SignatureOutcome},
        invalid,
        policy::{signers_to_ask, Step},
        report::RoundProgress,
        Destination, Millis, StateError,
    },
};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct SignRun {
    pub sign_id: u64,
    pub sign_iter_id: u64,
    /// 1-based.
    pub attempt: u32,
    pub message: Vec<u8>,
    pub sig_type: SignatureType,
    pub state: SignState,
    /// The last failed attempt, shown while the next one waits.
    pub previous: Option<RoundProgress>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) enum SignState {
    Nonce(NonceStep),
    Share(Box<ShareStep>),
    Backoff { until: Millis },
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct NonceStep {
    pub deadline: Option<Millis>,
    pub asked: BTreeSet<SignerId>,
    pub nonces: BTreeMap<SignerId, Packet<NonceResponse>>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct ShareStep {
    pub deadline: Option<Millis>,
    pub asked: BTreeSet<SignerId>,
    /// The chosen signers' signed nonce responses.
    pub nonces: BTreeMap<SignerId, Packet<NonceResponse>>,
    pub shares: BTreeMap<SignerId, Vec<SignatureShare>>,
    /// Derived from the nonces; rebuilt after a restore.
    #[serde(skip)]
    pub session: Option<SigningSession>,
}

impl ShareStep {
    pub fn chosen(&self) -> impl Iterator<Item = &SignerId> {
        self.nonces.keys()
    }
}

/// The signing session over the chosen signers' nonces.
fn session_for(
    ctx: &Ctx<'_>,
    message: &[u8],
    sig_type: SignatureType,
    nonces: &BTreeMap<SignerId, Packet<NonceResponse>>,
) -> Result<SigningSession, StateError> {
    let key = ctx.key.ok_or(StateError::NoKey)?;
    let nonces: Vec<_> = nonces.values().flat_map(|p| p.message().nonces.iter().cloned()).collect();
    SigningSession::new(
        &key.public_keys.group_key,
        ctx.config.keys.threshold as usize,
        message,
        sig_type,
        &nonces,
        |p| ctx.config.keys.party_keys(p),
    )
    .map_err(|e| invalid("SignatureShareRequest", e))
}

/// Are these exactly the signing parties `signer` speaks for, in order?
pub(super) fn parties_match(ctx: &Ctx<'_>, signer: SignerId, parties: impl Iterator<Item = u32>) -> bool {
    parties.eq(ctx.config.keys.parties_of(signer).into_iter().map(|(p, _)| p))
}

impl SignRun {
    pub fn start(ctx: &mut Ctx<'_>, sign_id: u64, message: &[u8], sig_type: SignatureType) -> (Self, Fx) {
        let mut run = SignRun {
            sign_id,
            sign_iter_id: 0,
            attempt: 1,
            message: message.to_vec(),
            sig_type,
            state: SignState::Backoff { until: ctx.now },
            previous: None,
        };
        let fx = run.begin_attempt(ctx);
        (run, fx)
    }

    pub fn deadline(&self) -> Option<Millis> {
        match &self.state {
            SignState::Nonce(s) => s.deadline,
            SignState::Share(s) => s.deadline,
            SignState::Backoff { until } => Some(*until),
        }
    }

    /// Ask every eligible signer (see [`signers_to_ask`]) for nonces.
    fn begin_attempt(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let mut fx = Fx::default();
        let eligible: BTreeSet<SignerId> = ctx
            .key
            .map(|k| k.holders.iter().filter(|s| !ctx.malicious.contains_key(s)).copied().collect())
            .unwrap_or_default();
        let (Some(key), true) = (ctx.key, ctx.config.keys.weight_of(&eligible) >= ctx.config.keys.threshold) else {
            fx.report(CoordinatorEvent::SigningFailed {
                sign_id: self.sign_id,
                attempts: self.attempt - 1,
                reason: "the signers not proven malicious carry less weight than the threshold".into(),
            });
            fx.push(Effect::Done(Outcome::Signing));
            return fx;
        };
        let asked = signers_to_ask(&ctx.config.keys, &eligible, ctx.unresponsive);
        let request = ctx.sign(NonceRequest {
            dkg_id: key.dkg_id,
            sign_id: self.sign_id,
            sign_iter_id: self.sign_iter_id,
            message: self.message.clone(),
            sig_type: self.sig_type,
        });
        for signer in &asked {
            fx.send(Destination::Signer(*signer), &request);
        }
        let deadline = ctx.policy.deadline(Step::Nonce, ctx.now);
        self.state = SignState::Nonce(NonceStep { deadline, asked, nonces: BTreeMap::new() });
        fx
    }

    /// Is a response for `(dkg_id, sign_id, sign_iter_id)` one for this attempt?
    fn check_round(&self, ctx: &Ctx<'_>, name: &'static str, dkg_id: u64, ids: (u64, u64)) -> Result<(), StateError> {
        if matches!(self.state, SignState::Backoff { .. }) {
            return Err(StateError::Unexpected { message: name, state: "not signing" });
        }
        let key_dkg = ctx.key.map(|k| k.dkg_id);
        if Some(dkg_id) != key_dkg {
            return Err(StateError::WrongDkgRound { message: name, got: dkg_id, current: key_dkg });
        }
        let current = (self.sign_id, self.sign_iter_id);
        match ids.cmp(&current) {
            std::cmp::Ordering::Equal => Ok(()),
            std::cmp::Ordering::Less => Err(StateError::Replay { message: name }),
            std::cmp::Ordering::Greater => {
                Err(StateError::WrongSignRound { message: name, got: ids, current: Some(current) })
            }
        }
    }

    pub fn on_nonce(
        &mut self,
        ctx: &mut Ctx<'_>,
        from: SignerId,
        packet: Packet<NonceResponse>,
    ) -> Result<Fx, StateError> {
        const NAME: &str = "NonceResponse";
        let r = packet.message();
        self.check_round(ctx, NAME, r.dkg_id, (r.sign_id, r.sign_iter_id))?;
        let SignState::Nonce(step) = &mut self.state else {
            return Err(StateError::Unexpected { message: NAME, state: "another signing step" });
        };
        if !step.asked.contains(&from) {
            return Err(StateError::NotParticipating { message: NAME, signer: from });
        }
        if step.nonces.contains_key(&from) {
            return Err(StateError::Duplicate { message: NAME, from: packet.sender() });
        }
        if !parties_match(ctx, from, r.nonces.iter().map(|n| n.party_id)) {
            return Err(invalid(NAME, "nonces for the wrong parties"));
        }
        step.nonces.insert(from, packet);
        let enough = if ctx.policy.waits_for_every_nonce() {
            step.nonces.len() == step.asked.len()
        } else {
            ctx.config.keys.weight_of(step.nonces.keys()) >= ctx.config.keys.threshold
        };
        Ok(if enough { self.request_shares(ctx) } else { Fx::default() })
    }

    /// Enough nonces: ask their senders for signature shares.
    fn request_shares(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let SignState::Nonce(step) = &mut self.state else { return Fx::default() };
        let (asked, nonces) = (std::mem::take(&mut step.asked), std::mem::take(&mut step.nonces));
        let session = match session_for(ctx, &self.message, self.sig_type, &nonces) {
            Ok(session) => session,
            Err(_) => {
                // E.g. a group commitment at infinity: try again with fresh nonces.
                let mut fx = Fx::default();
                fx.report(self.attempt_report(false, vec![], BTreeSet::new()));
                fx.extend(self.retry(ctx));
                return fx;
            }
        };
        let request = ctx.sign(SignatureShareRequest {
            dkg_id: ctx.key.map_or(0, |k| k.dkg_id),
            sign_id: self.sign_id,
            sign_iter_id: self.sign_iter_id,
            message: self.message.clone(),
            sig_type: self.sig_type,
            nonce_responses: nonces.values().map(|p| SignedBytes(p.to_bytes())).collect(),
        });
        let mut fx = Fx::default();
        for signer in nonces.keys() {
            fx.send(Destination::Signer(*signer), &request);
        }
        let deadline = ctx.policy.deadline(Step::SignatureShare, ctx.now);
        self.state =
            SignState::Share(Box::new(ShareStep { deadline, asked, nonces, shares: BTreeMap::new(), session: Some(session) }));
        fx
    }

    pub fn on_share(
        &mut self,
        ctx: &mut Ctx<'_>,
        from: SignerId,
        packet: Packet<SignatureShareResponse>,
    ) -> Result<Fx, StateError> {
        const NAME: &str = "SignatureShareResponse";
        let r = packet.message();
        self.check_round(ctx, NAME, r.dkg_id, (r.sign_id, r.sign_iter_id))?;
        let SignState::Share(step) = &mut self.state else {
            return Err(StateError::Unexpected { message: NAME, state: "another signing step" });
        };
        if !step.nonces.contains_key(&from) {
            return Err(StateError::NotParticipating { message: NAME, signer: from });
        }
        if step.shares.contains_key(&from) {
            return Err(StateError::Duplicate { message: NAME, from: packet.sender() });
        }
        if !parties_match(ctx, from, r.shares.iter().map(|z| z.party_id)) {
            return Err(invalid(NAME, "shares for the wrong parties"));
        }
        if step.session.is_none() {
            // After a restore. Built before anything changes: an error leaves the round as it was.
            step.session = Some(session_for(ctx, &self.message, self.sig_type, &step.nonces)?);
        }
        step.shares.insert(from, packet.into_message().shares);
        if step.shares.len() < step.nonces.len() {
            return Ok(Fx::default());
        }
        Ok(self.combine(ctx))
    }

    /// Every share is in: check them all in one batch (each alone only if
    /// that fails, to name the culprits), then combine.
    fn combine(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let mut fx = Fx::default();
        let (SignState::Share(step), Some(key)) = (&self.state, ctx.key) else { return fx };
        let Some(session) = step.session.as_ref() else { return fx };
        let findings = blame::bad_signature_shares(session, &step.shares, &key.public_keys, ctx.rng());
        if !findings.is_empty() {
            fx.push(Effect::Prove(findings.clone()));
            fx.report(self.attempt_report(false, findings, BTreeSet::new()));
            fx.extend(self.retry(ctx));
            return fx;
        }
        let all: Vec<SignatureShare> = step.shares.values().flatten().cloned().collect();
        match session.combine(&all) {
            Ok(signature) => {
                fx.report(self.attempt_report(true, vec![], ctx.unresponsive.clone()));
                fx.report(CoordinatorEvent::Signature(Box::new(SignatureOutcome {
                    sign_id: self.sign_id,
                    sign_iter_id: self.sign_iter_id,
                    message: self.message.clone(),
                    sig_type: self.sig_type,
                    signature,
                    verify_key: *session.verify_key(),
                    signers_used: step.chosen().copied().collect(),
                    sessions: self.attempt,
                })));
            }
            // Every share verified, so this cannot happen; fail the round loudly.
            Err(e) => fx.report(CoordinatorEvent::SigningFailed {
                sign_id: self.sign_id,
                attempts: self.attempt,
                reason: e.to_string(),
            }),
        }
        fx.push(Effect::Done(Outcome::Signing));
        fx
    }

    /// A deadline passed: the silent are unresponsive for this round, shares
    /// in hand are still checked, and the round retries. Or the back-off is
    /// over: begin the next attempt.
    pub fn on_timeout(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let mut fx = Fx::default();
        let (silent, malicious): (BTreeSet<SignerId>, _) = match &mut self.state {
            SignState::Backoff { .. } => return self.begin_attempt(ctx),
            SignState::Nonce(step) => {
                (step.asked.iter().filter(|s| !step.nonces.contains_key(s)).copied().collect(), vec![])
            }
            SignState::Share(step) => {
                let silent = step.chosen().filter(|s| !step.shares.contains_key(s)).copied().collect();
                // A bad share is malice even when someone else went silent.
                if step.session.is_none() && !step.shares.is_empty() {
                    step.session = session_for(ctx, &self.message, self.sig_type, &step.nonces).ok();
                }
                let malicious = match (step.session.as_ref(), ctx.key) {
                    (Some(session), Some(key)) if !step.shares.is_empty() => {
                        blame::bad_signature_shares(session, &step.shares, &key.public_keys, ctx.rng())
                    }
                    _ => vec![],
                };
                (silent, malicious)
            }
        };
        fx.push(Effect::Unresponsive(silent.iter().copied().collect()));
        fx.push(Effect::Prove(malicious.clone()));
        fx.report(self.attempt_report(false, malicious, silent));
        fx.extend(self.retry(ctx));
        fx
    }

    fn attempt_report(
        &self,
        ok: bool,
        malicious: Vec<blame::Finding>,
        unresponsive: BTreeSet<SignerId>,
    ) -> CoordinatorEvent {
        CoordinatorEvent::SignAttempt(SignAttemptReport {
            sign_id: self.sign_id,
            sign_iter_id: self.sign_iter_id,
            ok,
            malicious,
            unresponsive,
        })
    }

    /// Wait, then try again, unless the policy's attempts are used up.
    fn retry(&mut self, ctx: &Ctx<'_>) -> Fx {
        let retry = ctx.policy.retry();
        let mut fx = Fx::default();
        if self.attempt >= retry.max_sign_attempts {
            fx.report(CoordinatorEvent::SigningFailed {
                sign_id: self.sign_id,
                attempts: self.attempt,
                reason: "no attempt gathered valid shares from enough weight".into(),
            });
            fx.push(Effect::Done(Outcome::Signing));
            return fx;
        }
        self.previous = Some(progress::of_signing(self, &ctx.standing()).finished(true));
        let failed = self.attempt;
        self.attempt += 1;
        self.sign_iter_id += 1;
        self.state = SignState::Backoff { until: ctx.now.saturating_add(retry.backoff(failed)) };
        fx
    }
}
