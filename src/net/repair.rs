//! Repair messages (issue 12; the scheme is [`crate::crypto::repair`]).
//!
//! A signer that lost its state gets its key ids' shares back from helpers
//! whose key ids reach the threshold, in the DKG's pattern of signed packets
//! relayed by the coordinator, each step closed by a signed list of the
//! digests it goes on with (so signers accuse only on the coordinator's own
//! copies):
//!
//! `RepairBegin` → `RepairCommitments` (helpers: the public `Δ_{i,j,r}` and a
//! key-exchange key; the repaired signer: its key-exchange key only) →
//! `RepairPiecesBegin` → `RepairPieces` (helper i's pieces encrypted to each
//! other helper j) → `RepairSumBegin` → `RepairSum` (helper j's `σ_{j,r}`
//! encrypted to the repaired signer, or a complaint against bad pieces) →
//! `RepairEndBegin` → `RepairEnd` (the repaired signer's result, or a
//! complaint against bad sums). Complaints carry the DH-tuple proofs of
//! [`BadShareEvidence`], as DKG complaints do.
//!
//! Attempt ids come from the DKG id sequence, so encryption and proof
//! contexts (bound to that id) never repeat across DKGs, reshares and repairs.
//!
//! `RepairBegin` gives the repaired signer key shares, so it is only taken
//! signed by the coordinator key the signer already trusts; helpers check the
//! key, epoch, public keys and key ids in it against their own saved state.
//! The repaired signer keeps its network key (its packets are checked
//! against the key every signer already holds); one that lost that key as
//! well cannot be repaired, only reshared away and invited back.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{BadShareEvidence, SignerDigest, SigningForm};
use crate::{
    config::Config,
    crypto::{
        encoding::{serde_point, serde_points},
        encryption::Ciphertext,
        proof_of_possession::ProofOfPossession,
        repair::{RepairError, RepairSet},
        signing::GroupPublicKeys,
        KeyId, Point, SignerId,
    },
};

/// The coordinator's call for one repair attempt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RepairBegin {
    /// This attempt's id (from the DKG id sequence); the packets that follow carry it.
    pub repair_id: u64,
    /// The DKG or reshare that made the key whose shares are repaired.
    pub key_dkg_id: u64,
    /// That key's epoch.
    pub epoch: u64,
    /// The signer whose shares are restored, and its key ids.
    pub repaired: SignerId,
    pub lost: Vec<KeyId>,
    /// The helpers, each with its key ids; their weight reaches the threshold.
    pub helpers: BTreeMap<SignerId, Vec<KeyId>>,
    /// The group's public keys: helpers check them against their own, and
    /// the repaired signer checks its restored shares against them.
    pub public_keys: GroupPublicKeys,
}

/// Why a `RepairBegin` cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RepairBeginError {
    #[error(transparent)]
    Set(#[from] RepairError),
    #[error("the repaired signer is also a helper")]
    RepairedHelps,
    #[error("signer {0}'s key ids are not the ones the configuration gives it")]
    KeyIds(SignerId),
    #[error("the threshold is not the configuration's")]
    Threshold,
    #[error("the public keys are not ours")]
    PublicKeysDiffer,
    #[error("key {got:?} is not our current key {current:?}")]
    Key { got: (u64, u64), current: (u64, u64) },
}

impl RepairBegin {
    /// The helpers and lost key ids as a [`RepairSet`], checked on its own.
    pub fn repair_set(&self) -> Result<RepairSet, RepairError> {
        RepairSet::new(self.helpers.clone(), self.lost.clone(), self.public_keys.threshold())
    }

    /// What any participant checks against its configuration: a valid set,
    /// every key id list the configuration's, and its threshold.
    pub fn check_config(&self, config: &Config) -> Result<RepairSet, RepairBeginError> {
        let set = self.repair_set()?;
        if self.helpers.contains_key(&self.repaired) {
            return Err(RepairBeginError::RepairedHelps);
        }
        if config.key_ids(self.repaired) != self.lost.as_slice() {
            return Err(RepairBeginError::KeyIds(self.repaired));
        }
        if let Some((h, _)) = self.helpers.iter().find(|(h, k)| config.key_ids(**h) != k.as_slice()) {
            return Err(RepairBeginError::KeyIds(*h));
        }
        if self.public_keys.threshold() != config.threshold as usize {
            return Err(RepairBeginError::Threshold);
        }
        Ok(set)
    }

    /// What a helper checks besides [`RepairBegin::check_config`]: its own
    /// key (id and epoch) and public keys.
    pub fn check_against(
        &self,
        key_dkg_id: u64,
        epoch: u64,
        keys: &GroupPublicKeys,
    ) -> Result<(), RepairBeginError> {
        if (self.key_dkg_id, self.epoch) != (key_dkg_id, epoch) {
            return Err(RepairBeginError::Key { got: (self.key_dkg_id, self.epoch), current: (key_dkg_id, epoch) });
        }
        if self.public_keys != *keys {
            return Err(RepairBeginError::PublicKeysDiffer);
        }
        Ok(())
    }

    /// Helpers and the repaired signer.
    pub fn participants(&self) -> Vec<SignerId> {
        let mut all: Vec<SignerId> = self.helpers.keys().copied().collect();
        all.push(self.repaired);
        all.sort_unstable();
        all
    }
}

/// The commitments `Δ_{i,j,r}` helper i publishes for one helper j.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HelperCommitments {
    pub helper: SignerId,
    /// One per lost key id, in order.
    #[serde(with = "serde_points")]
    pub points: Vec<Point>,
}

/// Step 1: a helper's public commitments to its pieces (none from the
/// repaired signer), and every participant's key-exchange key for this attempt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RepairCommitments {
    pub repair_id: u64,
    pub signer_id: SignerId,
    pub commitments: Vec<HelperCommitments>,
    #[serde(with = "serde_point")]
    pub kex_public: Point,
    pub kex_proof: ProofOfPossession,
}

impl RepairCommitments {
    /// The commitments by helper, as [`RepairSet`] takes them.
    pub fn by_helper(&self) -> BTreeMap<SignerId, Vec<Point>> {
        self.commitments.iter().map(|c| (c.helper, c.points.clone())).collect()
    }
}

/// The coordinator has every participant's commitments: these, by digest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepairPiecesBegin {
    pub repair_id: u64,
    pub commitment_digests: Vec<SignerDigest>,
}

/// One recipient's encrypted pieces (one scalar per lost key id).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecipientPieces {
    pub recipient: SignerId,
    pub ciphertext: Ciphertext,
}

/// Step 2: helper i's pieces `δ_{i,j,r}` for every other helper j.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepairPieces {
    pub repair_id: u64,
    pub signer_id: SignerId,
    pub pieces: Vec<RecipientPieces>,
}

impl RepairPieces {
    pub fn ciphertext_for(&self, recipient: SignerId) -> Option<&Ciphertext> {
        self.pieces.iter().find(|p| p.recipient == recipient).map(|p| &p.ciphertext)
    }
}

/// The coordinator has every helper's pieces: these, by digest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepairSumBegin {
    pub repair_id: u64,
    pub piece_digests: Vec<SignerDigest>,
}

/// A helper's step 3: its sums, or why it has none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RepairSumStatus {
    /// `σ_{j,r}` for each lost key id, encrypted to the repaired signer.
    Sum(Ciphertext),
    /// These helpers' pieces to us fail to decrypt or fail their commitments.
    BadPieces(BTreeMap<SignerId, BadShareEvidence>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RepairSum {
    pub repair_id: u64,
    pub signer_id: SignerId,
    pub status: RepairSumStatus,
}

/// The coordinator has every helper's sum: these, by digest (to the repaired signer).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepairEndBegin {
    pub repair_id: u64,
    pub sum_digests: Vec<SignerDigest>,
}

/// The repaired signer's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RepairEndStatus {
    /// The restored shares match the group's public key shares.
    Success,
    /// These helpers' sums fail to decrypt or fail their public value.
    BadSums(BTreeMap<SignerId, BadShareEvidence>),
    /// The listed packets do not make the shares (a coordinator fault).
    BadState(String),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RepairEnd {
    pub repair_id: u64,
    pub signer_id: SignerId,
    pub status: RepairEndStatus,
}

impl SigningForm for RepairBegin {}
impl SigningForm for RepairCommitments {}
impl SigningForm for RepairPiecesBegin {}
impl SigningForm for RepairPieces {}
impl SigningForm for RepairSumBegin {}
impl SigningForm for RepairSum {}
impl SigningForm for RepairEndBegin {}
impl SigningForm for RepairEnd {}
