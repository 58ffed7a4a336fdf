//! Reshare messages (issue 12; the scheme is [`crate::crypto::reshare`]).
//!
//! A reshare is a dealing under other rules ([`ReshareDealing`]), so after
//! its begin message it runs on the DKG's own packets under a fresh `dkg_id`:
//! `ReshareBegin` → `DkgPublicShares` (dealers' commitments and every
//! participant's key-exchange key) → `DkgPrivateBegin` → `DkgPrivateShares`
//! (dealers only) → `DkgEndBegin` → `DkgEnd` (recipients only), with the
//! same transcript digests, complaints and `TranscriptRequest`s.
//! `EpochConfirmed` tells the new epoch's signers, and the old signers that
//! left, that a signature under the new epoch verified, so they may delete
//! their old shares (a leaver: all it holds).
//!
//! `ReshareBegin` changes a signer's state (its signer set, weights,
//! threshold and network keys), so it is only ever taken signed by the
//! coordinator key the signer already trusts, and it must name that same
//! key: a reshare never hands the ceremony to another coordinator.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{NetworkKeys, SigningForm};
use crate::{
    config::{Config, ConfigError, ReshareDealing},
    crypto::{
        reshare::{DealerSet, ReshareError},
        encoding::serde_bytes_hex,
        signing::{GroupPublicKeys, Signature, SignatureType},
        KeyId, Point, SignerId,
    },
};

/// The coordinator's call for a reshare (or a refresh: the same signers,
/// weights and threshold).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReshareBegin {
    /// This attempt's id; the DKG packets that follow carry it.
    pub dkg_id: u64,
    /// The DKG or reshare whose shares are dealt: the old epoch.
    pub old_dkg_id: u64,
    /// The epoch this reshare makes (the old one plus one).
    pub epoch: u64,
    /// The old group's public keys, which fix every dealer's constant term.
    /// Old signers check them against their own; a joining signer takes
    /// them on the coordinator's word, as it takes its invitation, unless it
    /// was told the group key out of band (`Signer::expect_group_key`).
    pub old_keys: GroupPublicKeys,
    /// The old signers that deal, each with its key ids in the old epoch.
    pub dealers: BTreeMap<SignerId, Vec<KeyId>>,
    /// The new epoch's signers, weights and thresholds.
    pub config: Config,
    /// Network keys for the new epoch: the old ones, in order, then any
    /// joining signer's.
    pub network: NetworkKeys,
}

/// Why a `ReshareBegin` cannot be taken, on its own or by an old signer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReshareBeginError {
    #[error("new configuration: {0}")]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Dealing(#[from] ReshareError),
    #[error("signer {0} has no network key")]
    NoNetworkKey(SignerId),
    #[error("the new network keys do not extend the old ones")]
    NetworkChanged,
    #[error("the reshare names another coordinator")]
    CoordinatorChanged,
    #[error("the old public keys are not ours")]
    OldKeysDiffer,
    #[error("dealer {0}'s key ids are not the ones it holds")]
    DealerKeyIds(SignerId),
    #[error("epoch {got} does not follow epoch {current}")]
    Epoch { got: u64, current: u64 },
}

impl ReshareBegin {
    /// The dealing this message describes, checked on its own: a valid new
    /// config whose signers and dealers all have network keys, and dealers
    /// reaching the old threshold.
    pub fn dealing(&self) -> Result<ReshareDealing, ReshareBeginError> {
        self.config.validate()?;
        let has_key = |s: &SignerId| usize::try_from(*s).is_ok_and(|i| i < self.network.signers.len());
        if let Some(s) = self.participants().into_iter().find(|s| !has_key(s)) {
            return Err(ReshareBeginError::NoNetworkKey(s));
        }
        let dealers = DealerSet::new(self.dealers.clone(), self.old_keys.threshold())?;
        let threshold = self.config.threshold as usize;
        Ok(ReshareDealing::new(&self.old_keys, dealers, self.config.signers.clone(), threshold)?)
    }

    /// Dealers and new signers.
    pub fn participants(&self) -> BTreeSet<SignerId> {
        self.dealers.keys().chain(self.config.signers.keys()).copied().collect()
    }

    /// What an old signer checks against its own saved state: the same
    /// coordinator, network keys that extend its own, its own public keys,
    /// the dealers' key ids as its config has them, and the next epoch.
    pub fn check_against(
        &self,
        network: &NetworkKeys,
        config: &Config,
        keys: &GroupPublicKeys,
        epoch: u64,
    ) -> Result<(), ReshareBeginError> {
        if self.network.coordinator != network.coordinator {
            return Err(ReshareBeginError::CoordinatorChanged);
        }
        if !self.network.signers.starts_with(&network.signers) {
            return Err(ReshareBeginError::NetworkChanged);
        }
        if self.old_keys != *keys {
            return Err(ReshareBeginError::OldKeysDiffer);
        }
        if let Some((d, _)) = self.dealers.iter().find(|(d, k)| config.key_ids(**d) != k.as_slice()) {
            return Err(ReshareBeginError::DealerKeyIds(*d));
        }
        if Some(self.epoch) != epoch.checked_add(1) {
            return Err(ReshareBeginError::Epoch { got: self.epoch, current: epoch });
        }
        Ok(())
    }

    /// The group key the reshare keeps.
    pub fn group_key(&self) -> &Point {
        &self.old_keys.group_key
    }
}

/// A signature under the new epoch verified: the signers of the epoch may
/// delete their old shares, and the old signers that left in the reshare
/// (no key ids in the new epoch) may delete theirs. It carries what was
/// signed, so that every receiver checks the signature itself under the
/// group key, whether it signed in that round or not (ROAST sends no
/// receiver a round to check it against; a leaver signs no more).
///
/// What the check proves: a valid signature over `message` under the group
/// key exists, from the coordinator that ran the reshare. The group key is
/// the same in both epochs, so it cannot prove which shares made it, nor who
/// signed; a signer that gave a share in that very round (FIRE, FROST) also
/// checks that the message is the one it signed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EpochConfirmed {
    /// The new epoch's DKG id (the reshare's).
    pub dkg_id: u64,
    pub sign_id: u64,
    pub sign_iter_id: u64,
    #[serde(with = "serde_bytes_hex")]
    pub message: Vec<u8>,
    pub sig_type: SignatureType,
    pub signature: Signature,
}

impl SigningForm for ReshareBegin {}
impl SigningForm for EpochConfirmed {}
