//! ROAST's unverified replies (see [`super::roast`] for when they are
//! verified and why the session bound still holds). A reply waits in the
//! queue with its sender's next commitment; the whole queue is verified in
//! one randomized batch across sessions
//! ([`crate::blame::bad_session_shares`]): one multi-scalar multiplication
//! over the summed commitments however many shares and sessions, and only
//! if that fails, halves of it until every bad share is found.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{roast::RoastRun, Ctx, Fx};
use crate::{
    blame::{self, Finding},
    crypto::{
        signing::{Claim, SignatureShare},
        SignerId,
    },
    net::{NonceCommitment, Packet},
    state_machine::{effects::Effect, StateError},
};

/// A member's answer to its session, not verified yet.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct Reply {
    pub session_id: u64,
    pub from: SignerId,
    pub shares: Vec<SignatureShare>,
    /// The sender's next commitments: pooled only once its shares verify.
    pub next: Vec<Packet<NonceCommitment>>,
}

impl RoastRun {
    pub(super) fn is_unverified(&self, signer: SignerId) -> bool {
        self.unverified.iter().any(|r| r.from == signer)
    }

    /// Every member of the session, which no bad share ended, has answered.
    pub(super) fn all_answered(&self, session_id: u64) -> bool {
        let Some(session) = self.sessions.get(&session_id) else { return false };
        let queued = self.unverified.iter().filter(|r| r.session_id == session_id).count();
        !session.failed && session.shares.len() + queued == session.members.len()
    }

    /// Rebuild a session's derived signing data (dropped by a save).
    pub(super) fn rebuild_signing(&mut self, ctx: &Ctx<'_>, session_id: u64) -> Result<(), StateError> {
        let rebuilt = match self.sessions.get(&session_id) {
            Some(s) if s.signing.is_none() => self.signing_session(ctx, &s.members)?,
            Some(_) => return Ok(()),
            None => return Err(StateError::Unexpected { message: "SessionResponse", state: "no such session" }),
        };
        if let Some(session) = self.sessions.get_mut(&session_id) {
            session.signing = Some(rebuilt);
        }
        Ok(())
    }

    /// Verify the queue; then end the round if the signers not proven
    /// malicious lack the threshold, or give the signature of a session
    /// whose shares are now all in and valid.
    pub(super) fn settle(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let mut fx = self.judge(ctx);
        if let Some(end) = self.if_hopeless(ctx) {
            fx.extend(end);
            return fx;
        }
        let complete = self.sessions.iter().find(|(_, s)| !s.failed && s.shares.len() == s.members.len());
        if let Some(session_id) = complete.map(|(id, _)| *id) {
            fx.extend(self.combine(session_id));
        }
        fx
    }

    /// Verify every queued reply in one batch. The senders of valid shares
    /// are ready again (their next commitments pooled, their shares kept
    /// for the session); the others are proven malicious and end their
    /// sessions. Also called when the round is abandoned: a share that came
    /// is always judged.
    pub(super) fn judge(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let mut fx = Fx::default();
        let Some(key) = ctx.key else { return fx };
        let mut queue = std::mem::take(&mut self.unverified);
        // Built when the reply came, so rebuilding after a restore cannot
        // fail; a reply whose session could not be rebuilt is left out.
        queue.retain(|r| self.rebuild_signing(ctx, r.session_id).is_ok());
        let findings = {
            let claims: Vec<(SignerId, Claim<'_>)> = queue
                .iter()
                .filter_map(|r| {
                    let session = self.sessions.get(&r.session_id)?.signing.as_ref()?;
                    Some((r.from, Claim { session, shares: &r.shares }))
                })
                .collect();
            blame::bad_session_shares(&claims, &key.public_keys, ctx.rng())
        };
        let mut by_session: BTreeMap<u64, Vec<Finding>> = BTreeMap::new();
        for reply in queue {
            let Some(session) = self.sessions.get_mut(&reply.session_id) else { continue };
            if let Some(finding) = findings.iter().find(|f| f.signer == reply.from) {
                session.failed = true;
                self.culprits.insert(reply.from);
                by_session.entry(reply.session_id).or_default().push(*finding);
            } else {
                ctx.nonces.add(reply.from, reply.next);
                session.shares.insert(reply.from, reply.shares);
            }
        }
        if !findings.is_empty() {
            fx.push(Effect::Prove(findings));
        }
        for (session_id, findings) in by_session {
            fx.report(self.session_report(session_id, false, findings));
        }
        fx
    }
}
