//! The coordinator's ROAST signing round (Ruffing, Ronge, Jin,
//! Schneider-Bensch, Schröder, "ROAST: Robust Asynchronous Schnorr Threshold
//! Signatures", CCS 2022, §4 and Fig. 3), weighted.
//!
//! Several FROST sessions run at once. Each signer is *pending* in at most
//! one. Whenever the signers that are not pending, not proven malicious, and
//! hold an unused signed nonce commitment carry weight reaching the
//! threshold, a new session starts with exactly those signers. A reply
//! carries the signer's share and its next signed commitment, so an honest
//! signer is ready again as soon as it answers. A share that fails
//! verification (checked alone, on arrival) makes its sender malicious, with
//! the finding as evidence; silence only keeps a signer pending. The first
//! session whose shares all arrive and verify gives the signature. No
//! deadline is ever set: progress needs only the honest signers' replies.
//!
//! **The bound** (the paper's Theorem 4.1 and its `n − t + 1`, with weight
//! in place of count). A session closes only by completing (the signature)
//! or by a bad share (its sender is then malicious and never chosen again);
//! otherwise it stays open, and an open session has a member still pending
//! in it. A signer is pending in at most one session and a malicious one in
//! none, so when session `k` starts, the `k − 1` sessions before it each own
//! a distinct signer that is pending or malicious, and none of these is
//! among the ready signers of session `k`. Hence, when the signature comes,
//! `sessions ≤ f + 1`, where `f` counts the signers that sent a bad share or
//! had not answered their session when a later one started. A silent
//! signer, or one that answers the nonce request and then stops, stalls
//! exactly one session and then stays pending: it is never chosen again in
//! the round, and never marked malicious. In an asynchronous network a slow
//! honest signer is indistinguishable from a silent one and may count in
//! `f` too; when the honest weight is just the threshold, honest signers
//! can never start a session without every one of them, and `f` is exactly
//! the misbehaving and silent signers. Liveness: honest signers always
//! answer and are never proven malicious, so after each session they are
//! ready again; once the faulty ones are all pending or malicious, the
//! honest ones alone (weight ≥ threshold) start a session that completes.
//! A signer restarted mid-round (its nonce secrets are never saved) answers
//! a session over a lost nonce with commitments of a new epoch; it is freed
//! once per round, so it may stall one more session and counts twice in `f`.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

pub(super) use super::nonce_pool::{check_commitments, NoncePool};
use super::{Ctx, Fx, Outcome};
use crate::{
    blame,
    crypto::{
        signing::{SignatureShare, SignatureType, SigningSession},
        SignerId,
    },
    net::{NonceBatch, NonceBatchRequest, NonceCommitment, Packet, SessionRequest, SessionResponse, SignedBytes},
    state_machine::{
        effects::Effect,
        events::{CoordinatorEvent, SignAttemptReport, SignatureOutcome},
        invalid,
        policy::session_members,
        Destination, StateError,
    },
};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct Session {
    pub members: BTreeMap<SignerId, Packet<NonceCommitment>>,
    pub shares: BTreeMap<SignerId, Vec<SignatureShare>>,
    /// A member sent a bad share: this session can no longer complete.
    pub failed: bool,
    /// Derived from the members' commitments; rebuilt after a restore.
    #[serde(skip)]
    pub signing: Option<SigningSession>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct RoastRun {
    pub sign_id: u64,
    pub message: Vec<u8>,
    pub sig_type: SignatureType,
    /// By session id (1-based: the number of sessions started so far).
    pub sessions: BTreeMap<u64, Session>,
    /// Signer → the session it is pending in.
    pub pending: BTreeMap<SignerId, u64>,
    /// Proven malicious in this round (the driver's set catches up when it
    /// applies the effects).
    #[serde(default)]
    pub culprits: BTreeSet<SignerId>,
    /// Signers freed once in this round because they restarted (see
    /// [`RoastRun::on_batch`]).
    #[serde(default)]
    pub restarted: BTreeSet<SignerId>,
}

impl RoastRun {
    /// Ask every eligible signer the pool holds no commitment of for some,
    /// and start a session at once if the pool already suffices.
    pub fn start(ctx: &mut Ctx<'_>, sign_id: u64, message: &[u8], sig_type: SignatureType) -> (Self, Fx) {
        let mut run = RoastRun {
            sign_id,
            message: message.to_vec(),
            sig_type,
            sessions: BTreeMap::new(),
            pending: BTreeMap::new(),
            culprits: BTreeSet::new(),
            restarted: BTreeSet::new(),
        };
        let mut fx = Fx::default();
        let eligible = run.eligible(ctx);
        let Some(dkg_id) = ctx.key.map(|k| k.dkg_id).filter(|_| ctx.config.keys.weight_of(&eligible) >= ctx.config.keys.threshold) else {
            fx.report(CoordinatorEvent::SigningFailed {
                sign_id,
                attempts: 0,
                reason: "the signers not proven malicious carry less weight than the threshold".into(),
            });
            fx.push(Effect::Done(Outcome::Signing));
            return (run, fx);
        };
        let request = ctx.sign(NonceBatchRequest { dkg_id, count: ctx.policy.presign() });
        for signer in eligible.iter().filter(|s| !ctx.nonces.has(**s)) {
            fx.send(Destination::Signer(*signer), &request);
        }
        fx.extend(run.next_session(ctx));
        (run, fx)
    }

    /// Key holders not proven malicious.
    fn eligible(&self, ctx: &Ctx<'_>) -> BTreeSet<SignerId> {
        ctx.key
            .map(|k| {
                let out = |s: &&SignerId| ctx.malicious.contains_key(*s) || self.culprits.contains(*s);
                k.holders.iter().filter(|s| !out(s)).copied().collect()
            })
            .unwrap_or_default()
    }

    /// Sessions started so far.
    pub fn started(&self) -> u32 {
        u32::try_from(self.sessions.len()).unwrap_or(u32::MAX)
    }

    /// Start a session with exactly the ready signers, if their weight
    /// reaches the threshold.
    fn next_session(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let mut fx = Fx::default();
        let ready: BTreeSet<SignerId> =
            self.eligible(ctx).into_iter().filter(|s| !self.pending.contains_key(s) && ctx.nonces.has(*s)).collect();
        let Some(ready) = session_members(&ctx.config.keys, &ready) else { return fx };
        let members: BTreeMap<SignerId, Packet<NonceCommitment>> =
            ready.iter().filter_map(|s| ctx.nonces.take(*s).map(|c| (*s, c))).collect();
        let session_id = u64::from(self.started()) + 1;
        let Ok(signing) = self.signing_session(ctx, &members) else {
            // A degenerate group commitment (negligible): these commitments are
            // spent unused; ask their signers for fresh ones.
            let dkg_id = ctx.key.map_or(0, |k| k.dkg_id);
            let request = ctx.sign(NonceBatchRequest { dkg_id, count: 1 });
            members.keys().for_each(|s| fx.send(Destination::Signer(*s), &request));
            return fx;
        };
        let request = ctx.sign(SessionRequest {
            dkg_id: ctx.key.map_or(0, |k| k.dkg_id),
            sign_id: self.sign_id,
            session_id,
            message: self.message.clone(),
            sig_type: self.sig_type,
            commitments: members.values().map(|c| SignedBytes(c.to_bytes())).collect(),
        });
        for signer in members.keys() {
            fx.send(Destination::Signer(*signer), &request);
            self.pending.insert(*signer, session_id);
        }
        let session = Session { members, shares: BTreeMap::new(), failed: false, signing: Some(signing) };
        self.sessions.insert(session_id, session);
        fx
    }

    fn signing_session(
        &self,
        ctx: &Ctx<'_>,
        members: &BTreeMap<SignerId, Packet<NonceCommitment>>,
    ) -> Result<SigningSession, StateError> {
        let key = ctx.key.ok_or(StateError::NoKey)?;
        let nonces: Vec<_> = members.values().flat_map(|c| c.message().nonces.iter().cloned()).collect();
        SigningSession::new(
            &key.public_keys.group_key,
            ctx.config.keys.threshold as usize,
            &self.message,
            self.sig_type,
            &nonces,
            |p| ctx.config.keys.party_keys(p),
        )
        .map_err(|e| invalid("SessionRequest", e))
    }

    /// Fresh commitments, asked for or sent ahead of time.
    pub fn on_batch(&mut self, ctx: &mut Ctx<'_>, from: SignerId, packet: Packet<NonceBatch>) -> Result<Fx, StateError> {
        let fresh = check_commitments(ctx, "NonceBatch", from, &packet.message().commitments)?;
        self.free_if_restarted(from, &fresh);
        ctx.nonces.add(from, fresh);
        Ok(self.next_session(ctx))
    }

    /// Commitments of a new epoch from a signer pending in a session that
    /// holds one of an older epoch: it restarted and lost that nonce, so the
    /// session can never complete. Free the signer, once per round (more
    /// would let a signer stall session after session by claiming restarts).
    fn free_if_restarted(&mut self, from: SignerId, fresh: &[Packet<NonceCommitment>]) {
        let Some(session_id) = self.pending.get(&from).copied() else { return };
        let Some(session) = self.sessions.get_mut(&session_id) else { return };
        let used = session.members.get(&from).map(|c| c.message().epoch);
        let restarted = fresh.iter().any(|c| Some(c.message().epoch) != used);
        if restarted && self.restarted.insert(from) {
            session.failed = true;
            self.pending.remove(&from);
        }
    }

    /// A member's share (checked alone, now) and its next commitment.
    pub fn on_response(
        &mut self,
        ctx: &mut Ctx<'_>,
        from: SignerId,
        packet: Packet<SessionResponse>,
    ) -> Result<Fx, StateError> {
        const NAME: &str = "SessionResponse";
        let r = packet.message();
        self.check_ids(ctx, NAME, r.dkg_id, r.sign_id)?;
        if self.pending.get(&from) != Some(&r.session_id) {
            return Err(StateError::NotParticipating { message: NAME, signer: from });
        }
        if !super::sign::parties_match(ctx, from, r.shares.iter().map(|z| z.party_id)) {
            return Err(invalid(NAME, "shares for the wrong parties"));
        }
        let next = check_commitments(ctx, NAME, from, &r.next)?;
        let session_id = r.session_id;
        let findings = self.check_share(ctx, session_id, from, &r.shares)?;
        // Valid or not, the reply frees its sender: it is pending no longer.
        self.pending.remove(&from);
        let mut fx = Fx::default();
        let Some(session) = self.sessions.get_mut(&session_id) else { return Ok(fx) };
        if !findings.is_empty() {
            session.failed = true;
            fx.push(Effect::Prove(findings.clone()));
            fx.report(self.session_report(session_id, false, findings));
            fx.extend(self.unless_hopeless(ctx, from));
            return Ok(fx);
        }
        ctx.nonces.add(from, next);
        session.shares.insert(from, packet.into_message().shares);
        if !session.failed && session.shares.len() == session.members.len() {
            return Ok(self.combine(ctx, session_id));
        }
        fx.extend(self.next_session(ctx));
        Ok(fx)
    }

    /// `culprit` was just proven malicious: give up if the rest lack the
    /// threshold (no session could ever complete), else go on.
    fn unless_hopeless(&mut self, ctx: &mut Ctx<'_>, culprit: SignerId) -> Fx {
        self.culprits.insert(culprit);
        if ctx.config.keys.weight_of(&self.eligible(ctx)) >= ctx.config.keys.threshold {
            return self.next_session(ctx);
        }
        let mut fx = Fx::default();
        fx.report(CoordinatorEvent::SigningFailed {
            sign_id: self.sign_id,
            attempts: self.started(),
            reason: "the signers not proven malicious carry less weight than the threshold".into(),
        });
        fx.push(Effect::Done(Outcome::Signing));
        fx
    }

    fn check_ids(&self, ctx: &Ctx<'_>, name: &'static str, dkg_id: u64, sign_id: u64) -> Result<(), StateError> {
        let key_dkg = ctx.key.map(|k| k.dkg_id);
        if Some(dkg_id) != key_dkg {
            return Err(StateError::WrongDkgRound { message: name, got: dkg_id, current: key_dkg });
        }
        match sign_id.cmp(&self.sign_id) {
            std::cmp::Ordering::Equal => Ok(()),
            std::cmp::Ordering::Less => Err(StateError::Replay { message: name }),
            std::cmp::Ordering::Greater => {
                Err(StateError::WrongSignRound { message: name, got: (sign_id, 0), current: Some((self.sign_id, 0)) })
            }
        }
    }

    /// Verify one member's shares in its session: a finding if they fail.
    fn check_share(
        &mut self,
        ctx: &mut Ctx<'_>,
        session_id: u64,
        from: SignerId,
        shares: &[SignatureShare],
    ) -> Result<Vec<blame::Finding>, StateError> {
        let key = ctx.key.ok_or(StateError::NoKey)?;
        let rebuilt = match self.sessions.get(&session_id) {
            Some(s) if s.signing.is_none() => Some(self.signing_session(ctx, &s.members)?),
            Some(_) => None,
            None => return Err(StateError::Unexpected { message: "SessionResponse", state: "no such session" }),
        };
        let session = self.sessions.get_mut(&session_id).ok_or(StateError::NoKey)?;
        if let Some(signing) = rebuilt {
            session.signing = Some(signing);
        }
        let Some(signing) = session.signing.as_ref() else { return Ok(vec![]) };
        let own = BTreeMap::from([(from, shares.to_vec())]);
        Ok(blame::bad_signature_shares(signing, &own, &key.public_keys, ctx.signer.rng))
    }

    /// Every member's share is in and verified: the signature.
    fn combine(&mut self, ctx: &mut Ctx<'_>, session_id: u64) -> Fx {
        let mut fx = Fx::default();
        let Some(session) = self.sessions.get(&session_id) else { return fx };
        let Some(signing) = session.signing.as_ref() else { return fx };
        let all: Vec<SignatureShare> = session.shares.values().flatten().cloned().collect();
        match signing.combine(&all) {
            Ok(signature) => {
                // Whoever is still pending stayed silent in this round: shown
                // as unresponsive for it, never as malicious.
                let silent: BTreeSet<SignerId> = self.pending.keys().copied().collect();
                fx.push(Effect::Unresponsive(silent.iter().copied().collect()));
                fx.report(self.session_report(session_id, true, vec![]));
                fx.report(CoordinatorEvent::Signature(Box::new(SignatureOutcome {
                    sign_id: self.sign_id,
                    sign_iter_id: session_id,
                    message: self.message.clone(),
                    sig_type: self.sig_type,
                    signature,
                    verify_key: *signing.verify_key(),
                    signers_used: session.members.keys().copied().collect(),
                    sessions: self.started(),
                })));
            }
            // Every share verified, so this cannot happen; fail the round loudly.
            Err(e) => fx.report(CoordinatorEvent::SigningFailed {
                sign_id: self.sign_id,
                attempts: self.started(),
                reason: e.to_string(),
            }),
        }
        let _ = ctx;
        fx.push(Effect::Done(Outcome::Signing));
        fx
    }

    fn session_report(&self, session_id: u64, ok: bool, malicious: Vec<blame::Finding>) -> CoordinatorEvent {
        CoordinatorEvent::SignAttempt(SignAttemptReport {
            sign_id: self.sign_id,
            sign_iter_id: session_id,
            ok,
            malicious,
            unresponsive: BTreeSet::new(),
        })
    }
}
