//! The signed packets of one kind a signer holds for a DKG attempt, checked
//! against the digests the coordinator lists for them.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::{
    crypto::SignerId,
    net::{Body, Digest, DkgEndFailure, Packet, SignerDigest},
    state_machine::StateError,
};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct PacketStore<M> {
    /// The copy we go on with: the first validly signed one, or the
    /// coordinator's once it lists a different one.
    pub held: BTreeMap<SignerId, Packet<M>>,
    /// A second, different signed packet from the same signer, kept as evidence.
    conflicting: BTreeMap<SignerId, Packet<M>>,
    /// What we asked the coordinator for and have not yet received.
    requested: BTreeSet<SignerId>,
}

impl<M> Default for PacketStore<M> {
    fn default() -> Self {
        PacketStore { held: BTreeMap::new(), conflicting: BTreeMap::new(), requested: BTreeSet::new() }
    }
}

/// What became of a packet offered to the store.
pub(super) enum Stored {
    /// Our own packet, relayed back to us: nothing to do.
    OwnEcho,
    Kept,
}

/// What a coordinator's list of included signers and digests means for us.
pub(super) enum Listing {
    /// We hold every listed packet, each with the listed digest.
    Complete,
    /// We are not listed: left out of this attempt.
    LeftOut,
    /// The list misstates our own packet.
    Failed(DkgEndFailure),
    /// These listed packets we lack, or hold in another copy: ask for them.
    Missing(Vec<SignerId>),
}

impl<M: Body> PacketStore<M> {
    /// Keep `packet` from `from` (already pruned for us); `digest` is the
    /// digest of its signed body, `listed` the one the coordinator lists.
    pub fn offer(
        &mut self,
        me: SignerId,
        from: SignerId,
        packet: Packet<M>,
        digest: Digest,
        listed: Option<Digest>,
    ) -> Result<Stored, StateError> {
        match self.held.get(&from).map(Packet::digest) {
            Some(held) if held == digest && from == me => return Ok(Stored::OwnEcho),
            Some(held) if held == digest => {
                return Err(StateError::Duplicate { message: packet.message().name(), from: packet.sender() });
            }
            Some(_) if listed == Some(digest) => {
                // The coordinator's copy replaces ours; ours is kept as evidence.
                if let Some(old) = self.held.insert(from, packet) {
                    self.conflicting.insert(from, old);
                }
            }
            Some(_) => {
                self.conflicting.entry(from).or_insert(packet);
            }
            None => {
                self.held.insert(from, packet);
            }
        }
        self.requested.remove(&from);
        Ok(Stored::Kept)
    }

    /// Check the coordinator's list against what we hold.
    /// `me` is `None` where we send no packet of this kind (a reshare's
    /// non-dealer): then we are never left out, and have nothing misstated.
    pub fn listing(&self, listed: &[SignerDigest], me: Option<SignerId>, misstated: &str) -> Listing {
        if let Some(me) = me {
            let Some(ours) = listed.iter().find(|d| d.signer == me) else { return Listing::LeftOut };
            if Some(ours.digest) != self.held.get(&me).map(Packet::digest) {
                return Listing::Failed(DkgEndFailure::BadState(misstated.into()));
            }
        }
        let missing: Vec<SignerId> = listed
            .iter()
            .filter(|d| self.held.get(&d.signer).map(Packet::digest) != Some(d.digest))
            .map(|d| d.signer)
            .collect();
        if missing.is_empty() {
            Listing::Complete
        } else {
            Listing::Missing(missing)
        }
    }

    /// The signers among `signers` not asked for yet; they count as asked now.
    pub fn mark_requested(&mut self, signers: Vec<SignerId>) -> Vec<SignerId> {
        signers.into_iter().filter(|s| self.requested.insert(*s)).collect()
    }

    /// Any validly signed packet from `signer` whose digest is not the
    /// coordinator's proves that `signer` signed two different packets.
    pub fn equivocation(&self, signer: SignerId, listed: &Digest) -> Option<DkgEndFailure> {
        [self.held.get(&signer), self.conflicting.get(&signer)]
            .into_iter()
            .flatten()
            .find(|p| p.digest() != *listed)
            .map(|p| DkgEndFailure::Equivocation { signer, packet: p.to_bytes() })
    }

    /// The message of each of `signers` held.
    pub fn messages<'a>(&'a self, signers: impl Iterator<Item = &'a SignerId>) -> BTreeMap<SignerId, M>
    where
        M: Clone,
    {
        signers.filter_map(|s| Some((*s, self.held.get(s)?.message().clone()))).collect()
    }
}
