//! ROAST's nonce commitments on the coordinator's side: the pool of signed
//! commitments held unused (kept across signing rounds, so pre-shared ones
//! make signing one round-trip), and the checks every embedded commitment
//! passes before it enters the pool.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Ctx;
use crate::{
    crypto::SignerId,
    net::{NonceCommitment, Packet, SignedBytes},
    state_machine::{invalid, StateError},
};

/// Signed commitments the coordinator holds unused, per signer, oldest first.
/// Kept across signing rounds, so that pre-shared commitments make signing
/// one round-trip; a commitment leaves the pool when a session uses it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(super) struct NoncePool {
    by_signer: BTreeMap<SignerId, Vec<Packet<NonceCommitment>>>,
}

/// The most unused commitments kept per signer (the oldest are dropped).
const MAX_POOLED: usize = 32;

impl NoncePool {
    /// Take in `from`'s commitments. Ones of a newer epoch (the signer was
    /// restored and lost the older secrets) replace every older one.
    pub fn add(&mut self, from: SignerId, fresh: Vec<Packet<NonceCommitment>>) {
        let held = self.by_signer.entry(from).or_default();
        for c in fresh {
            if held.iter().any(|h| h.message().epoch != c.message().epoch) {
                held.clear();
            }
            if !held.iter().any(|h| h.message().index == c.message().index) {
                held.push(c);
            }
        }
        if held.len() > MAX_POOLED {
            held.drain(..held.len() - MAX_POOLED);
        }
    }

    pub fn has(&self, signer: SignerId) -> bool {
        self.by_signer.get(&signer).is_some_and(|h| !h.is_empty())
    }

    pub fn take(&mut self, signer: SignerId) -> Option<Packet<NonceCommitment>> {
        let held = self.by_signer.get_mut(&signer)?;
        (!held.is_empty()).then(|| held.remove(0))
    }

    /// Forget everything (a new key).
    pub fn clear(&mut self) {
        self.by_signer.clear();
    }
}

/// Check the signed commitments `from` sent (in a `NonceBatch` or a
/// `SessionResponse`): each its own, for the current key and its parties.
pub(super) fn check_commitments(
    ctx: &mut Ctx<'_>,
    name: &'static str,
    from: SignerId,
    embedded: &[SignedBytes],
) -> Result<Vec<Packet<NonceCommitment>>, StateError> {
    let dkg_id = ctx.key.map(|k| k.dkg_id).ok_or(StateError::NoKey)?;
    let bytes: Vec<&[u8]> = embedded.iter().map(|e| e.0.as_slice()).collect();
    let packets = Packet::from_bytes_batch(&bytes, &ctx.config.network, ctx.rng()).map_err(|e| invalid(name, e))?;
    let mut out = Vec::with_capacity(packets.len());
    for p in packets {
        let c = p.narrow::<NonceCommitment>().map_err(|_| invalid(name, "embedded packet is not a NonceCommitment"))?;
        let m = c.message();
        if m.signer_id != from || m.dkg_id != dkg_id {
            return Err(invalid(name, "a commitment of another signer or key"));
        }
        if !super::sign::parties_match(ctx, from, m.nonces.iter().map(|n| n.party_id)) {
            return Err(invalid(name, "nonces for the wrong parties"));
        }
        out.push(c);
    }
    Ok(out)
}
