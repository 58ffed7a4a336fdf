//! The coordinator's copy of one DKG attempt: every packet it relayed, typed
//! by kind, and its own signed `DkgEndBegin`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{
    crypto::SignerId,
    net::{DkgEndBegin, DkgPrivateShares, DkgPublicShares, Packet},
};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct DkgTranscript {
    pub dkg_id: u64,
    /// `DkgPublicShares` packets of the signers listed in `DkgPrivateBegin`.
    pub public: BTreeMap<SignerId, Packet<DkgPublicShares>>,
    /// Full `DkgPrivateShares` packets of the signers listed in `DkgEndBegin`.
    pub private: BTreeMap<SignerId, Packet<DkgPrivateShares>>,
    /// The coordinator's signed `DkgEndBegin`: the listed digests and the
    /// summed commitment it vouched for.
    pub end_begin: Option<Packet<DkgEndBegin>>,
}

impl DkgTranscript {
    pub fn public_shares(&self, signer: SignerId) -> Option<&DkgPublicShares> {
        self.public.get(&signer).map(Packet::message)
    }

    pub fn private_shares(&self, signer: SignerId) -> Option<&DkgPrivateShares> {
        self.private.get(&signer).map(Packet::message)
    }
}
