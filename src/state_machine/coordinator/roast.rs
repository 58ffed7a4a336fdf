//! The coordinator's ROAST signing round (Ruffing, Ronge, Jin,
//! Schneider-Bensch, Schröder, "ROAST: Robust Asynchronous Schnorr Threshold
//! Signatures", CCS 2022, §4 and Fig. 3), weighted.
//!
//! Several FROST sessions run at once. Each signer is *pending* in at most
//! one. Whenever the signers that are not pending, not proven malicious, and
//! hold an unused signed nonce commitment carry weight reaching the
//! threshold, a new session starts with exactly those signers. A reply
//! carries the signer's share and its next signed commitment; silence only
//! keeps a signer pending. No deadline is ever set: progress needs only the
//! honest signers' replies.
//!
//! **Shares are checked in batches** ([`super::roast_queue`]). A reply frees
//! its sender from pending, but the sender is *unverified*, not ready: its
//! share and next commitment wait in a queue. The whole queue is verified in
//! one randomized batch, across sessions, (a) right before a session would
//! start counting those senders as ready, and (b) as soon as every member of
//! a session has answered. A bad share makes its sender malicious, with the
//! finding as evidence; only senders whose shares verified become ready. The
//! first session whose shares all arrive and verify gives the signature.
//!
//! **The bound** (the paper's Theorem 4.1 and its `n − t + 1`, with weight
//! in place of count). A session ends only by completing (the signature)
//! or by a bad share (its sender is then malicious and never chosen again).
//! When session `k` starts, the queue has just been verified, so each of the
//! `k − 1` sessions before it has a member still pending in it or a member
//! proven malicious by a share in it (had all its members answered with
//! valid shares, (b) would have completed it). These members are distinct:
//! a signer is pending in at most one session, and it is chosen again only
//! once its share verified, so a bad share's sender sits in no later
//! session. None of them is among the ready signers of session `k`. Hence,
//! when the signature comes, `sessions ≤ f + 1`, where `f` counts the
//! signers that sent a bad share or had not answered their session when a
//! later one started. A silent signer, or one that answers the nonce request
//! and then stops, stalls exactly one session and then stays pending: it is
//! never chosen again in the round, and never marked malicious. In an
//! asynchronous network a slow honest signer is indistinguishable from a
//! silent one and may count in `f` too; when the honest weight is just the
//! threshold, honest signers can never start a session without every one of
//! them, and `f` is exactly the misbehaving and silent signers. Liveness:
//! honest signers always answer, their shares verify, and they are never
//! proven malicious, so after each session they are ready again; once the
//! faulty ones are all pending or malicious, the honest ones alone
//! (weight ≥ threshold) start a session that completes. A signer restarted
//! mid-round (its nonce secrets are never saved) answers a session over a
//! lost nonce with commitments of a new epoch; it is freed once per round,
//! so it may stall one more session and counts twice in `f`.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

pub(super) use super::nonce_pool::{check_commitments, NoncePool};
use super::roast_queue::Reply;
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
    /// Replies not verified yet, in arrival order: at most one per signer
    /// (its sender is neither pending nor ready until it is verified).
    #[serde(default)]
    pub unverified: Vec<Reply>,
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
            unverified: Vec::new(),
        };
        if let Some(fx) = run.if_hopeless(ctx) {
            return (run, fx);
        }
        let mut fx = Fx::default();
        let dkg_id = ctx.key.map_or(0, |k| k.dkg_id);
        let request = ctx.sign(NonceBatchRequest { dkg_id, count: ctx.policy.presign() });
        for signer in run.eligible(ctx).iter().filter(|s| !ctx.nonces.has(**s)) {
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

    /// Start a session with exactly the ready signers once their weight
    /// reaches the threshold, counting the unverified senders: these are
    /// verified first (one batch), and only those whose shares hold join.
    pub(super) fn next_session(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let could: BTreeSet<SignerId> = self
            .eligible(ctx)
            .into_iter()
            .filter(|s| !self.pending.contains_key(s) && (ctx.nonces.has(*s) || self.is_unverified(*s)))
            .collect();
        if session_members(&ctx.config.keys, &could).is_none() {
            return Fx::default();
        }
        if self.unverified.is_empty() {
            return self.start_session(ctx);
        }
        let mut fx = self.settle(ctx);
        if !fx.ends_round() {
            fx.extend(self.start_session(ctx));
        }
        fx
    }

    /// Start a session with exactly the ready signers (pending in none,
    /// holding a commitment), if their weight reaches the threshold. Called
    /// with the queue empty: every sender in it has just been judged.
    fn start_session(&mut self, ctx: &mut Ctx<'_>) -> Fx {
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

    pub(super) fn signing_session(
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

    /// A member's share and its next commitment: queued unverified; the
    /// queue is verified once the session has every answer, or before the
    /// sender could join a new session.
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
        // After a restore; built before anything changes: an error leaves the round as it was.
        self.rebuild_signing(ctx, session_id)?;
        // The reply frees its sender: it is pending no longer.
        self.pending.remove(&from);
        self.unverified.push(Reply { session_id, from, shares: packet.into_message().shares, next });
        let mut fx = Fx::default();
        if self.all_answered(session_id) {
            fx = self.settle(ctx);
            if fx.ends_round() {
                return Ok(fx);
            }
        }
        fx.extend(self.next_session(ctx));
        Ok(fx)
    }

    /// The round's end if the signers not proven malicious carry less
    /// weight than the threshold: no session could ever complete.
    pub(super) fn if_hopeless(&self, ctx: &Ctx<'_>) -> Option<Fx> {
        if ctx.key.is_some() && ctx.config.keys.weight_of(&self.eligible(ctx)) >= ctx.config.keys.threshold {
            return None;
        }
        let mut fx = Fx::default();
        fx.report(CoordinatorEvent::SigningFailed {
            sign_id: self.sign_id,
            attempts: self.started(),
            reason: "the signers not proven malicious carry less weight than the threshold".into(),
        });
        fx.push(Effect::Done(Outcome::Signing));
        Some(fx)
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

    /// Every member's share is in and verified: the signature.
    pub(super) fn combine(&self, session_id: u64) -> Fx {
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
        fx.push(Effect::Done(Outcome::Signing));
        fx
    }

    pub(super) fn session_report(&self, session_id: u64, ok: bool, malicious: Vec<blame::Finding>) -> CoordinatorEvent {
        CoordinatorEvent::SignAttempt(SignAttemptReport {
            sign_id: self.sign_id,
            sign_iter_id: session_id,
            ok,
            malicious,
            unresponsive: BTreeSet::new(),
        })
    }
}
