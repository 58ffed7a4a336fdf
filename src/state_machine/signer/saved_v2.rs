//! The signer's saved state in format version 2 (before epochs and
//! reshares), read and converted so that old saves restore.

use serde::{Deserialize, Serialize};

use super::{dkg::DkgRound, State};
use crate::{crypto::SignerId, keys::SignerKeys, state_machine::CeremonyConfig};

#[derive(Serialize, Deserialize)]
pub(super) struct StateV2 {
    config: CeremonyConfig,
    signer_id: SignerId,
    keys: SignerKeys,
    dkg: Option<DkgRound>,
    key_dkg_id: Option<u64>,
    last_sign: Option<(u64, u64)>,
}

impl From<StateV2> for State {
    fn from(v: StateV2) -> Self {
        let StateV2 { config, signer_id, keys, dkg, key_dkg_id, last_sign } = v;
        State { config, signer_id, keys, dkg, key_dkg_id, last_sign, epoch: 0, reshare: None, previous: None }
    }
}
