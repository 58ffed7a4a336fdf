//! Who holds which key ids, and the thresholds: the one place that says
//! what the words for the members of a ceremony mean.
//!
//! - A **signer** ([`SignerId`], from 0) is one member: one network key, one
//!   saved state, one browser tab or process. Ids index the network keys; a
//!   reshare may leave gaps (a signer that left keeps its id but no key ids).
//! - A **key id** ([`KeyId`], from 1) is one unit of weight. Each signer holds
//!   one or more; thresholds count key ids, never signers.
//! - A **dealer** is a signer dealing polynomials in a DKG attempt: one in
//!   [`Scheme::V2`], one per key id it holds in [`Scheme::V1`].
//! - A **signing party** contributes one nonce and one signature share (the
//!   `party_id` of [`crate::crypto::signing`]). In [`Scheme::V2`] it is a
//!   signer, holding all its key ids, so its party id is its signer id; in
//!   [`Scheme::V1`] it is one key id, and its party id is that key id.
//!
//! Both schemes give the same group key and per-key-id secret
//! `x_k = Σ_dealers f_d(k)`; only the number of polynomials and of signing
//! parties differ, and [`Config`] is the only code that knows which.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::crypto::{KeyId, SignerId};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scheme {
    /// One polynomial and one signing party per key id.
    V1,
    /// One polynomial and one signing party per signer (weighted).
    #[default]
    V2,
}

/// The most key ids [`Config::from_weights`] builds (far above any workload:
/// DKG costs grow with key ids times the threshold).
pub const MAX_KEY_IDS: u32 = 1 << 20;

/// `num_keys` key ids spread over `num_signers` as evenly as they go (the
/// first signers hold one more when they do not divide).
pub fn even_weights(num_signers: u32, num_keys: u32) -> Vec<u32> {
    (0..num_signers).map(|s| num_keys / num_signers.max(1) + u32::from(s < num_keys % num_signers.max(1))).collect()
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    pub scheme: Scheme,
    /// Key ids needed to sign.
    pub threshold: u32,
    /// Key ids whose dealers must complete DKG for the key to be made.
    pub dkg_threshold: u32,
    /// Every signer's key ids, each in ascending order.
    pub signers: BTreeMap<SignerId, Vec<KeyId>>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("there are no signers")]
    NoSigners,
    #[error("threshold must be at least 1")]
    ZeroThreshold,
    #[error("threshold {threshold} exceeds the {keys} key ids")]
    ThresholdAboveKeys { threshold: u32, keys: u32 },
    #[error("dkg_threshold {dkg_threshold} must be between threshold {threshold} and the {keys} key ids")]
    BadDkgThreshold { dkg_threshold: u32, threshold: u32, keys: u32 },
    #[error("signer {0} holds no key ids")]
    SignerWithoutKeys(SignerId),
    #[error("key id {0} is held by more than one signer, or twice")]
    DuplicateKeyId(KeyId),
    #[error("key ids must be exactly 1..={keys}; {missing} is missing")]
    KeyIdsNotContiguous { keys: u32, missing: KeyId },
    #[error("signer {0}'s key ids are not in ascending order")]
    UnsortedKeyIds(SignerId),
    #[error("signer {0} holds no key ids in this configuration")]
    NotASigner(SignerId),
    #[error("the weights sum to more than {max} key ids")]
    TooManyKeys { max: u32 },
    #[error("{what} is {given} but the weights give {from_weights}")]
    WeightsDisagree { what: &'static str, given: u32, from_weights: u32 },
    #[error("give the weights, or both the number of signers and of key ids")]
    NoWorkload,
}

/// The weights of a workload given as any of: a weight list, a signer count,
/// a key id count. With the list, the counts are optional but must agree with
/// it; without it, both counts are needed and key ids are spread evenly.
pub fn checked_weights(
    signers: Option<u32>,
    keys: Option<u32>,
    weights: Option<Vec<u32>>,
) -> Result<Vec<u32>, ConfigError> {
    let Some(weights) = weights else {
        let (Some(signers), Some(keys)) = (signers, keys) else { return Err(ConfigError::NoWorkload) };
        return Ok(even_weights(signers, keys));
    };
    let count = u32::try_from(weights.len()).unwrap_or(u32::MAX);
    let total = weights.iter().try_fold(0u32, |sum, w| sum.checked_add(*w)).unwrap_or(u32::MAX);
    for (what, given, from_weights) in [("the number of signers", signers, count), ("the number of key ids", keys, total)] {
        if let Some(given) = given.filter(|g| *g != from_weights) {
            return Err(ConfigError::WeightsDisagree { what, given, from_weights });
        }
    }
    Ok(weights)
}

impl Config {
    /// Spread `num_keys` key ids over `num_signers` signers as evenly as
    /// possible: the first `num_keys % num_signers` signers get one more.
    pub fn evenly(
        scheme: Scheme,
        num_signers: u32,
        num_keys: u32,
        threshold: u32,
        dkg_threshold: u32,
    ) -> Result<Self, ConfigError> {
        if num_signers == 0 {
            return Err(ConfigError::NoSigners);
        }
        Config::from_weights(scheme, &even_weights(num_signers, num_keys), threshold, dkg_threshold)
    }

    /// Signer `i` holds `weights[i]` key ids, numbered in signer order
    /// (signer 0 holds `1..=weights[0]`, and so on).
    pub fn from_weights(
        scheme: Scheme,
        weights: &[u32],
        threshold: u32,
        dkg_threshold: u32,
    ) -> Result<Self, ConfigError> {
        if weights.is_empty() {
            return Err(ConfigError::NoSigners);
        }
        let total = weights.iter().try_fold(0u32, |sum, w| sum.checked_add(*w));
        if total.is_none_or(|t| t > MAX_KEY_IDS) {
            return Err(ConfigError::TooManyKeys { max: MAX_KEY_IDS });
        }
        let mut signers = BTreeMap::new();
        let mut next = 1;
        for (s, &weight) in (0u32..).zip(weights) {
            signers.insert(s, (next..next + weight).collect());
            next += weight;
        }
        let config = Config { scheme, threshold, dkg_threshold, signers };
        config.validate()?;
        Ok(config)
    }

    /// Every signer's weight, in signer order.
    pub fn weights(&self) -> Vec<u32> {
        self.signers.values().map(|k| k.len() as u32).collect()
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.signers.is_empty() {
            return Err(ConfigError::NoSigners);
        }
        let mut seen = BTreeSet::new();
        for (&s, keys) in &self.signers {
            if keys.is_empty() {
                return Err(ConfigError::SignerWithoutKeys(s));
            }
            let mut pairs = keys.iter().zip(keys.iter().skip(1));
            if let Some((duplicate, _)) = pairs.clone().find(|(a, b)| a == b) {
                return Err(ConfigError::DuplicateKeyId(*duplicate));
            }
            if pairs.any(|(a, b)| a > b) {
                return Err(ConfigError::UnsortedKeyIds(s));
            }
            for &k in keys {
                if !seen.insert(k) {
                    return Err(ConfigError::DuplicateKeyId(k));
                }
            }
        }
        let keys = self.num_keys();
        if let Some(missing) = (1..=keys).find(|k| !seen.contains(k)) {
            return Err(ConfigError::KeyIdsNotContiguous { keys, missing });
        }
        if self.threshold == 0 {
            return Err(ConfigError::ZeroThreshold);
        }
        if self.threshold > keys {
            return Err(ConfigError::ThresholdAboveKeys { threshold: self.threshold, keys });
        }
        if self.dkg_threshold < self.threshold || self.dkg_threshold > keys {
            return Err(ConfigError::BadDkgThreshold {
                dkg_threshold: self.dkg_threshold,
                threshold: self.threshold,
                keys,
            });
        }
        Ok(())
    }

    pub fn num_keys(&self) -> u32 {
        self.signers.values().map(|k| k.len() as u32).sum()
    }

    pub fn num_signers(&self) -> u32 {
        self.signers.len() as u32
    }

    pub fn key_ids(&self, signer: SignerId) -> &[KeyId] {
        self.signers.get(&signer).map(Vec::as_slice).unwrap_or(&[])
    }

    /// A signer's weight: its number of key ids.
    pub fn weight(&self, signer: SignerId) -> u32 {
        self.key_ids(signer).len() as u32
    }

    /// How many polynomials a signer deals.
    pub fn polynomials_of(&self, signer: SignerId) -> usize {
        match self.scheme {
            Scheme::V1 => self.key_ids(signer).len(),
            Scheme::V2 => usize::from(self.signers.contains_key(&signer)),
        }
    }

    /// The signing parties a signer speaks for: `(party id, key ids)`.
    pub fn parties_of(&self, signer: SignerId) -> Vec<(u32, Vec<KeyId>)> {
        match self.scheme {
            Scheme::V1 => self.key_ids(signer).iter().map(|&k| (k, vec![k])).collect(),
            Scheme::V2 => vec![(signer, self.key_ids(signer).to_vec())],
        }
    }

    /// The key ids of a signing party, or `None` for an unknown party.
    pub fn party_keys(&self, party_id: u32) -> Option<Vec<KeyId>> {
        match self.scheme {
            Scheme::V1 => (party_id >= 1 && party_id <= self.num_keys()).then(|| vec![party_id]),
            Scheme::V2 => self.signers.get(&party_id).cloned(),
        }
    }

    /// The signer that speaks for a signing party.
    pub fn signer_of_party(&self, party_id: u32) -> Option<SignerId> {
        match self.scheme {
            Scheme::V1 => self.signers.iter().find(|(_, k)| k.binary_search(&party_id).is_ok()).map(|(s, _)| *s),
            Scheme::V2 => self.signers.contains_key(&party_id).then_some(party_id),
        }
    }

    /// Summed weight of a set of signers.
    pub fn weight_of<'a>(&self, signers: impl IntoIterator<Item = &'a SignerId>) -> u32 {
        signers.into_iter().map(|s| self.weight(*s)).sum()
    }
}

mod dealing;
pub use dealing::{Dealing, ReshareDealing};

#[cfg(test)]
mod tests;
