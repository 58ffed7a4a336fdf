//! How shares are dealt in one ceremony: a DKG's [`Config`] or a reshare's
//! [`ReshareDealing`], behind the one [`Dealing`] trait that the packet
//! checks and the blame functions take.

use std::collections::BTreeMap;

use super::Config;
use crate::crypto::{
    reshare::{DealerSet, ReshareError},
    signing::GroupPublicKeys,
    KeyId, Point, SignerId,
};

/// What dealing shares means in one ceremony: who deals how many polynomials
/// of how many coefficients, who gets shares for which key ids, and what
/// fixes a dealer's constant term. A DKG's [`Config`] is one, a reshare's
/// [`ReshareDealing`] another; the packet checks and every blame function
/// take either, so a reshare is judged exactly as a DKG is.
pub trait Dealing {
    /// Polynomials `signer` deals (0 for a recipient that does not deal).
    fn polynomials_of(&self, signer: SignerId) -> usize;
    /// The key ids `recipient` gets shares for, ascending (none if not a recipient).
    fn recipient_key_ids(&self, recipient: SignerId) -> &[KeyId];
    /// Coefficients of every dealt polynomial.
    fn dealing_threshold(&self) -> usize;
    /// Check dealers' constant-term commitments where public data fixes them
    /// (a reshare), all at once; the error names every dealer whose term is
    /// wrong. A DKG has nothing to check: a proof of possession is all.
    fn check_constants(&self, constants: &BTreeMap<SignerId, Point>) -> Result<(), Vec<SignerId>>;
}

impl Dealing for Config {
    fn polynomials_of(&self, signer: SignerId) -> usize {
        Config::polynomials_of(self, signer)
    }

    fn recipient_key_ids(&self, recipient: SignerId) -> &[KeyId] {
        self.key_ids(recipient)
    }

    fn dealing_threshold(&self) -> usize {
        self.threshold as usize
    }

    fn check_constants(&self, _constants: &BTreeMap<SignerId, Point>) -> Result<(), Vec<SignerId>> {
        Ok(())
    }
}

/// A reshare's dealing ([`crate::crypto::reshare`]): the old dealers deal one
/// polynomial each, of the new threshold, whose constant term is fixed by the
/// old public key shares; the new signers receive. Signer ids are those of
/// the ceremony's network keys, shared by old and new signers (one who stays
/// is a dealer and a recipient; a dealer that leaves receives nothing).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ReshareDealing {
    dealers: DealerSet,
    old_keys: GroupPublicKeys,
    recipients: BTreeMap<SignerId, Vec<KeyId>>,
    threshold: usize,
}

impl ReshareDealing {
    /// Each dealer's constant term is fixed by the old group's public keys.
    pub fn new(
        old_keys: &GroupPublicKeys,
        dealers: DealerSet,
        recipients: BTreeMap<SignerId, Vec<KeyId>>,
        threshold: usize,
    ) -> Result<Self, ReshareError> {
        if threshold == 0 {
            return Err(ReshareError::ZeroThreshold);
        }
        let mut keys: Vec<KeyId> = recipients.values().flatten().copied().collect();
        keys.sort_unstable();
        let contiguous = keys.iter().zip(1..).all(|(&k, i)| k == i);
        if !contiguous || threshold > keys.len() || recipients.values().any(|k| k.windows(2).any(|w| matches!(w, [a, b] if a >= b))) {
            return Err(ReshareError::BadRecipients);
        }
        Ok(ReshareDealing { dealers, old_keys: old_keys.clone(), recipients, threshold })
    }

    pub fn dealers(&self) -> &DealerSet {
        &self.dealers
    }

    pub fn recipients(&self) -> &BTreeMap<SignerId, Vec<KeyId>> {
        &self.recipients
    }

    /// The group key the reshare keeps.
    pub fn group_key(&self) -> &Point {
        &self.old_keys.group_key
    }
}

impl Dealing for ReshareDealing {
    fn polynomials_of(&self, signer: SignerId) -> usize {
        usize::from(self.dealers.key_ids(signer).is_ok())
    }

    fn recipient_key_ids(&self, recipient: SignerId) -> &[KeyId] {
        self.recipients.get(&recipient).map(Vec::as_slice).unwrap_or(&[])
    }

    fn dealing_threshold(&self) -> usize {
        self.threshold
    }

    fn check_constants(&self, constants: &BTreeMap<SignerId, Point>) -> Result<(), Vec<SignerId>> {
        self.dealers.check_constants(&self.old_keys, constants)
    }
}
