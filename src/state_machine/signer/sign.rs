//! The signer's signing round (FROST's two rounds, RFC 9591 §5.1–5.2):
//! `NonceRequest` → fresh nonces → `NonceResponse`; `SignatureShareRequest`
//! (with the chosen signers' signed nonce responses) → one signature share
//! per signing party → `SignatureShareResponse`. Nonces live only in
//! memory, are spent by signing, and are never saved: a restored signer
//! answers the next nonce request instead of reusing a nonce.

use std::collections::BTreeSet;

use super::{Ctx, Fx};
use crate::{
    crypto::{nonce::SigningNonces, signing::SigningSession, SignerId},
    net::{NonceRequest, NonceResponse, Packet, Sender, SignatureShareRequest, SignatureShareResponse},
    state_machine::{events::SignerEvent, invalid, Destination, StateError},
};

#[derive(Debug)]
pub(super) enum SignRound {
    /// Our nonces are out; their secrets wait for the share request.
    Committed { request: NonceRequest, nonces: Vec<(u32, SigningNonces)> },
    /// Our share is out (or signing failed): the nonces are spent.
    Spent { request: NonceRequest },
}

impl SignRound {
    pub fn request(&self) -> &NonceRequest {
        match self {
            SignRound::Committed { request, .. } | SignRound::Spent { request } => request,
        }
    }

    /// Fresh nonces for `request`, already checked by the driver.
    pub fn start(ctx: &mut Ctx<'_>, request: NonceRequest) -> (Self, Fx) {
        let (nonces, public) = ctx.keys.generate_nonces(ctx.signer.rng);
        let response = NonceResponse {
            dkg_id: request.dkg_id,
            sign_id: request.sign_id,
            sign_iter_id: request.sign_iter_id,
            signer_id: ctx.me,
            nonces: public,
        };
        let mut fx = Fx::default();
        fx.send(Destination::Coordinator, &ctx.signer.sign(response));
        (SignRound::Committed { request, nonces }, fx)
    }

    pub fn on_share_request(&mut self, ctx: &mut Ctx<'_>, m: SignatureShareRequest) -> Result<Fx, StateError> {
        const NAME: &str = "SignatureShareRequest";
        let SignRound::Committed { request, nonces } = self else {
            return Err(StateError::Duplicate { message: NAME, from: Sender::Coordinator });
        };
        if m.dkg_id != request.dkg_id || m.message != request.message || m.sig_type != request.sig_type {
            return Err(invalid(NAME, "differs from the nonce request"));
        }
        let session = session_of(ctx, &m)?;
        // Spent from here on, even if signing fails: a nonce is never used twice.
        let own = std::mem::take(nonces);
        *self = SignRound::Spent { request: request.clone() };
        let shares = ctx.keys.sign(&session, own).map_err(|e| invalid(NAME, e))?;
        let mut fx = Fx::default();
        fx.report(SignerEvent::Signed { sign_id: m.sign_id, sign_iter_id: m.sign_iter_id });
        let response = SignatureShareResponse {
            dkg_id: m.dkg_id,
            sign_id: m.sign_id,
            sign_iter_id: m.sign_iter_id,
            signer_id: ctx.me,
            shares,
        };
        fx.send(Destination::Coordinator, &ctx.signer.sign(response));
        Ok(fx)
    }

    /// `(sign_id, sign_iter_id)`.
    pub fn ids(&self) -> (u64, u64) {
        let r = self.request();
        (r.sign_id, r.sign_iter_id)
    }
}

/// Every embedded nonce response must be signed by its signer, for this
/// round, for the right signing parties, with ours among them. The
/// signatures are checked in one batch.
fn session_of(ctx: &mut Ctx<'_>, m: &SignatureShareRequest) -> Result<SigningSession, StateError> {
    const NAME: &str = "SignatureShareRequest";
    let embedded: Vec<&[u8]> = m.nonce_responses.iter().map(|e| e.0.as_slice()).collect();
    let packets =
        Packet::from_bytes_batch(&embedded, &ctx.config.network, ctx.signer.rng).map_err(|e| invalid(NAME, e))?;
    let mut nonces = Vec::new();
    let mut signers: BTreeSet<SignerId> = BTreeSet::new();
    for p in packets {
        let Ok(p) = p.narrow::<NonceResponse>() else {
            return Err(invalid(NAME, "embedded packet is not a NonceResponse"));
        };
        let r = p.into_message();
        if (r.dkg_id, r.sign_id, r.sign_iter_id) != (m.dkg_id, m.sign_id, m.sign_iter_id) {
            return Err(invalid(NAME, "embedded nonce response is for another round"));
        }
        if !signers.insert(r.signer_id) {
            return Err(invalid(NAME, "two nonce responses from one signer"));
        }
        let expected = ctx.config.keys.parties_of(r.signer_id).into_iter().map(|(p, _)| p);
        if !r.nonces.iter().map(|n| n.party_id).eq(expected) {
            return Err(invalid(NAME, format!("signer {} sent nonces for the wrong parties", r.signer_id)));
        }
        nonces.extend(r.nonces);
    }
    if !signers.contains(&ctx.me) {
        return Err(invalid(NAME, "our own nonces are not included"));
    }
    let keys = ctx.keys.public_keys().ok_or(StateError::NoKey)?;
    SigningSession::new(&keys.group_key, ctx.config.keys.threshold as usize, &m.message, m.sig_type, &nonces, |p| {
        ctx.config.keys.party_keys(p)
    })
    .map_err(|e| invalid(NAME, e))
}
