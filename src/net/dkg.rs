//! DKG messages (Pedersen DKG with proofs of possession, FROST §5.1, with
//! encrypted shares and verifiable complaints), and the checks a message can
//! pass on its own.

use std::{
    borrow::Cow,
    collections::{BTreeMap, BTreeSet},
};

use serde::{Deserialize, Serialize};

use super::{Digest, SigningForm};
use crate::{
    config::Dealing,
    crypto::{
        dh_tuple::TupleProof,
        encoding::{fixed, serde_bytes_hex, serde_point, serde_points},
        encryption::Ciphertext,
        hash::sha256,
        polynomial::{CommitmentError, PolyCommitment},
        proof_of_possession::{PopContext, PopPurpose, ProofOfPossession},
        Point, SignerId,
    },
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DkgBegin {
    pub dkg_id: u64,
    /// The signers asked to take part in this attempt.
    pub signers: Vec<SignerId>,
}

/// Round 1: a dealer's commitments and key-exchange key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DkgPublicShares {
    pub dkg_id: u64,
    pub signer_id: SignerId,
    /// One per polynomial: one in v2, one per key id in v1.
    pub commitments: Vec<PolyCommitment>,
    #[serde(with = "serde_point")]
    pub kex_public: Point,
    pub kex_proof: ProofOfPossession,
}

/// What a polynomial's proof of possession is bound to.
pub(crate) fn poly_context(dkg_id: u64, signer_id: SignerId, index: usize) -> PopContext {
    PopContext { purpose: PopPurpose::Polynomial, dkg_id, signer_id, index: u32::try_from(index).unwrap_or(u32::MAX) }
}

/// What a key-exchange key's proof of possession is bound to.
pub(crate) fn kex_context(dkg_id: u64, signer_id: SignerId) -> PopContext {
    PopContext { purpose: PopPurpose::KeyExchange, dkg_id, signer_id, index: 0 }
}

impl DkgPublicShares {
    /// Check that the shares are well formed for `config`: the right number
    /// of commitments of the right length, no identity points, and valid
    /// proofs of possession bound to this DKG and signer.
    ///
    /// A pruned copy is checked as far as it goes (constant terms and
    /// proofs); see [`DkgPublicShares::verify_full`].
    ///
    /// Under a reshare's [`Dealing`] each constant term must also be the one
    /// the old public key shares fix, checkable from public data alone.
    pub fn verify(&self, config: &impl Dealing) -> Result<(), CommitmentError> {
        self.verify_proofs(config)?;
        let constants = self.commitments.iter().map(|c| (self.signer_id, c.constant())).collect();
        config.check_constants(&constants).map_err(|_| CommitmentError::WrongConstant)
    }

    /// [`DkgPublicShares::verify`] but for the constant terms a reshare fixes:
    /// for a recipient that checks every dealer's at once
    /// ([`Dealing::check_constants`]).
    pub fn verify_proofs(&self, config: &impl Dealing) -> Result<(), CommitmentError> {
        let expected = config.polynomials_of(self.signer_id);
        if self.commitments.len() != expected {
            return Err(CommitmentError::WrongLength { expected, got: self.commitments.len() });
        }
        for (index, c) in self.commitments.iter().enumerate() {
            c.verify(config.dealing_threshold(), &poly_context(self.dkg_id, self.signer_id, index))?;
        }
        if !self.kex_proof.verify(&self.kex_public, &kex_context(self.dkg_id, self.signer_id)) {
            return Err(CommitmentError::BadProof);
        }
        Ok(())
    }

    /// [`DkgPublicShares::verify`], and every commitment must be full: what the
    /// coordinator requires of the packet a signer sends it.
    pub fn verify_full(&self, config: &impl Dealing) -> Result<(), CommitmentError> {
        if self.commitments.iter().any(|c| c.full().is_none()) {
            return Err(CommitmentError::Pruned);
        }
        self.verify(config)
    }

    /// The copy with every commitment pruned to its constant term.
    pub fn pruned(&self) -> DkgPublicShares {
        DkgPublicShares { commitments: self.commitments.iter().map(PolyCommitment::pruned).collect(), ..self.clone() }
    }
}

impl SigningForm for DkgPublicShares {
    fn signing_form(&self) -> Cow<'_, Self> {
        if self.is_signing_form() {
            Cow::Borrowed(self)
        } else {
            Cow::Owned(self.pruned())
        }
    }

    fn is_signing_form(&self) -> bool {
        self.commitments.iter().all(|c| c.full().is_none())
    }
}

/// A signer and the digest of its packet as the coordinator holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignerDigest {
    pub signer: SignerId,
    #[serde(with = "fixed")]
    pub digest: Digest,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DkgPrivateBegin {
    pub dkg_id: u64,
    /// The signers whose public shares are in, with the digest of each one's
    /// `DkgPublicShares` packet as the coordinator holds it.
    pub public_digests: Vec<SignerDigest>,
}

/// One recipient's encrypted shares, or only their digest in a copy pruned
/// for another recipient. The shares are, for each of the sender's
/// polynomials in order, the evaluation at each of the recipient's key ids
/// in ascending order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SharePayload {
    Ciphertext(Ciphertext),
    Pruned(#[serde(with = "fixed")] Digest),
}

impl SharePayload {
    pub fn digest(&self) -> Digest {
        match self {
            SharePayload::Ciphertext(c) => sha256(&crate::crypto::encoding::to_bytes(c)),
            SharePayload::Pruned(d) => *d,
        }
    }
}

/// The shares a dealer sends one recipient.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecipientShares {
    pub recipient: SignerId,
    pub payload: SharePayload,
}

/// Round 2: a dealer's encrypted shares for every other included signer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DkgPrivateShares {
    pub dkg_id: u64,
    pub signer_id: SignerId,
    pub shares: Vec<RecipientShares>,
}

impl DkgPrivateShares {
    /// `recipient`'s entry, whole or pruned.
    pub fn entry_for(&self, recipient: SignerId) -> Option<&SharePayload> {
        self.shares.iter().find(|s| s.recipient == recipient).map(|s| &s.payload)
    }

    /// `recipient`'s ciphertext, if this copy holds it.
    pub fn ciphertext_for(&self, recipient: SignerId) -> Option<&Ciphertext> {
        match self.entry_for(recipient) {
            Some(SharePayload::Ciphertext(c)) => Some(c),
            _ => None,
        }
    }

    /// A copy holding only `recipient`'s ciphertext (or none, for the signing form).
    pub fn pruned_for(&self, recipient: Option<SignerId>) -> Self {
        let shares = self
            .shares
            .iter()
            .map(|s| match &s.payload {
                SharePayload::Ciphertext(_) if Some(s.recipient) == recipient => s.clone(),
                payload => RecipientShares { recipient: s.recipient, payload: SharePayload::Pruned(payload.digest()) },
            })
            .collect();
        DkgPrivateShares { dkg_id: self.dkg_id, signer_id: self.signer_id, shares }
    }

    /// Every recipient's copy ([`DkgPrivateShares::pruned_for`]), hashing each
    /// ciphertext once rather than once per copy.
    pub fn pruned_for_each(&self) -> Vec<(SignerId, Self)> {
        let pruned = self.pruned_for(None);
        self.shares
            .iter()
            .enumerate()
            .map(|(i, entry)| {
                let mut copy = pruned.clone();
                if let Some(own) = copy.shares.get_mut(i) {
                    own.payload = entry.payload.clone();
                }
                (entry.recipient, copy)
            })
            .collect()
    }
}

impl SigningForm for DkgPrivateShares {
    fn signing_form(&self) -> Cow<'_, Self> {
        if self.is_signing_form() {
            Cow::Borrowed(self)
        } else {
            Cow::Owned(self.pruned_for(None))
        }
    }

    fn is_signing_form(&self) -> bool {
        self.shares.iter().all(|s| matches!(s.payload, SharePayload::Pruned(_)))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DkgEndBegin {
    pub dkg_id: u64,
    /// The signers whose shares make the key, with the digest of each one's
    /// `DkgPrivateShares` packet as the coordinator holds it.
    pub private_digests: Vec<SignerDigest>,
    /// `[A_1, …, A_{t-1}]` summed over those signers' polynomials (ChillDKG's
    /// SimplPedPop aggregation): with each one's constant term, all a signer
    /// needs to check its shares. Signed by the coordinator, so a wrong sum is
    /// its own provable statement against the signers' signed commitments.
    #[serde(with = "serde_points")]
    pub aggregate_rest: Vec<Point>,
}

/// What a recipient reveals to prove a sender's shares bad: the ECDH key for
/// that one pair, with a proof that it is the right one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BadShareEvidence {
    #[serde(with = "serde_point")]
    pub shared_key: Point,
    pub proof: TupleProof,
}

/// Why a signer's shares could not make a key, naming the signers it blames.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum DkgFailure {
    MissingPublicShares(BTreeSet<SignerId>),
    BadPublicShares(BTreeSet<SignerId>),
    MissingPrivateShares(BTreeSet<SignerId>),
    /// Shares from these senders fail to decrypt, or (settled against each
    /// one's full commitment) fail it.
    BadPrivateShares(BTreeMap<SignerId, BadShareEvidence>),
    /// Every share decrypted but their sum fails the summed commitment: some
    /// sender's shares are bad. Only a signer with every full commitment can
    /// say whose, so this carries the evidence against every other sender and
    /// the coordinator settles it (see [`crate::blame::settle_bad_share_sum`]).
    BadShareSum(BTreeMap<SignerId, BadShareEvidence>),
}

/// A signer's complaint: its shares' failures, plus what only the protocol
/// layer can see.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum DkgEndFailure {
    /// Failures of the shares, each naming signers and carrying evidence.
    Shares(Vec<DkgFailure>),
    /// The sender signed a packet different from the coordinator's copy for
    /// the same round: here is ours (the signed packet bytes).
    Equivocation {
        signer: SignerId,
        #[serde(with = "serde_bytes_hex")]
        packet: Vec<u8>,
    },
    /// The coordinator's begin messages were inconsistent with our state.
    BadState(String),
    /// The signers included carry less weight than `dkg_threshold`.
    Threshold,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum DkgStatus {
    Success {
        #[serde(with = "serde_point")]
        group_key: Point,
    },
    Failure(DkgEndFailure),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DkgEnd {
    pub dkg_id: u64,
    pub signer_id: SignerId,
    pub status: DkgStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranscriptRequest {
    pub dkg_id: u64,
    pub signer_id: SignerId,
    /// Signers whose `DkgPublicShares` we lack or hold a different copy of.
    pub public: Vec<SignerId>,
    /// Signers whose `DkgPrivateShares` we lack or hold a different copy of.
    pub private: Vec<SignerId>,
    /// Resend `DkgEndBegin` too: we never got it (a later request for this
    /// DKG's key showed us so).
    pub end_begin: bool,
}

impl SigningForm for DkgBegin {}
impl SigningForm for DkgPrivateBegin {}
impl SigningForm for DkgEndBegin {}
impl SigningForm for DkgEnd {}
impl SigningForm for TranscriptRequest {}
