//! One signer's key material ([`SignerKeys`]) and the DKG and signing steps
//! it takes, for both schemes (see [`crate::config`] for what a dealer and a
//! signing party are in each).
//!
//! The steps work on the protocol's message types ([`crate::net`]) directly:
//! [`SignerKeys::start_dkg`] makes a `DkgPublicShares`,
//! [`SignerKeys::encrypt_shares`] a `DkgPrivateShares`, and
//! [`SignerKeys::finish_dkg`] checks what arrived and keeps the key shares, or
//! returns failures whose evidence [`crate::blame`] settles.

mod dkg;
#[cfg(feature = "sim")]
pub mod local;
mod reshare;
mod sign;

pub use reshare::{ReshareKeys, Reshared};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{
    config::{Config, ConfigError},
    crypto::{
        encryption::KexKeyPair,
        polynomial::{self, PolyCommitment, Polynomial},
        secret::SecretScalar,
        signing::GroupPublicKeys,
        KeyId, Point, SignerId,
    },
    net::DkgPublicShares,
};

/// Secrets that live for one DKG (or reshare) attempt.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct DkgSecrets {
    dkg_id: u64,
    polynomials: Vec<Polynomial>,
    kex: KexKeyPair,
}

/// One signer's key material: its DKG secrets while an attempt runs, then
/// its key shares and the group's public keys.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SignerKeys {
    config: Config,
    signer_id: SignerId,
    dkg: Option<DkgSecrets>,
    key_shares: BTreeMap<KeyId, SecretScalar>,
    public_keys: Option<GroupPublicKeys>,
}

impl SignerKeys {
    pub fn new(config: Config, signer_id: SignerId) -> Result<Self, ConfigError> {
        config.validate()?;
        if !config.signers.contains_key(&signer_id) {
            return Err(ConfigError::NotASigner(signer_id));
        }
        Ok(SignerKeys { config, signer_id, dkg: None, key_shares: BTreeMap::new(), public_keys: None })
    }

    pub fn signer_id(&self) -> SignerId {
        self.signer_id
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn key_ids(&self) -> &[KeyId] {
        self.config.key_ids(self.signer_id)
    }

    /// The group's public keys, once DKG has succeeded.
    pub fn public_keys(&self) -> Option<&GroupPublicKeys> {
        self.public_keys.as_ref()
    }

    /// Does this hold any secret: a key share or a DKG's polynomials?
    pub fn holds_secrets(&self) -> bool {
        !self.key_shares.is_empty() || self.dkg.is_some()
    }
}

/// `[A_1, …, A_{t-1}]` summed over the dealers' full public shares; `None`
/// if one is pruned or malformed.
pub fn aggregate_rest<'a>(
    config: &Config,
    public: impl IntoIterator<Item = &'a DkgPublicShares>,
) -> Option<Vec<Point>> {
    polynomial::aggregate_rest(public.into_iter().flat_map(|p| &p.commitments), config.threshold as usize)
}

/// The group's public keys from the dealers' full public shares.
pub fn group_public_keys<'a>(
    config: &Config,
    public: impl IntoIterator<Item = &'a DkgPublicShares> + Clone,
) -> Option<GroupPublicKeys> {
    let rest = aggregate_rest(config, public.clone())?;
    let constants = public.into_iter().flat_map(|p| p.commitments.iter().map(PolyCommitment::constant));
    Some(GroupPublicKeys::from_parts(constants, &rest))
}

impl SignerKeys {
    /// This signer's deal as a repair helper ([`crate::crypto::repair`]):
    /// its Lagrange-weighted shares split into pieces, one per helper.
    pub fn deal_repair<R: rand_core::RngCore + rand_core::CryptoRng>(
        &self,
        set: &crate::crypto::repair::RepairSet,
        rng: &mut R,
    ) -> Result<crate::crypto::repair::RepairDeal, crate::crypto::repair::RepairError> {
        set.deal(self.signer_id, &self.key_shares, rng)
    }
}
