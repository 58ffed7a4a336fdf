//! Protocol messages. Field names follow the reference WSTS protocol.
//!
//! DKG: `DkgBegin` → `DkgPublicShares` → `DkgPrivateBegin` → `DkgPrivateShares`
//! → `DkgEndBegin` → `DkgEnd`. Signing: `NonceRequest` → `NonceResponse` →
//! `SignatureShareRequest` → `SignatureShareResponse`. `TranscriptRequest`
//! asks the coordinator to resend packets a signer lacks.

use serde::{Deserialize, Serialize};

use crate::{
    crypto::{
        encoding::{fixed, serde_bytes_hex, serde_point, serde_points},
        encryption::Ciphertext,
        hash::sha256,
        nonce::PublicNonce,
        signing::{SignatureShare, SignatureType},
        Point, SignerId,
    },
    party::{self, DkgFailure, DkgPublicShares},
};

pub type Digest = [u8; 32];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Message {
    DkgBegin(DkgBegin),
    DkgPublicShares(DkgPublicShares),
    DkgPrivateBegin(DkgPrivateBegin),
    DkgPrivateShares(DkgPrivateShares),
    DkgEndBegin(DkgEndBegin),
    DkgEnd(DkgEnd),
    NonceRequest(NonceRequest),
    NonceResponse(NonceResponse),
    SignatureShareRequest(SignatureShareRequest),
    SignatureShareResponse(SignatureShareResponse),
    TranscriptRequest(TranscriptRequest),
}

impl Message {
    pub fn name(&self) -> &'static str {
        match self {
            Message::DkgBegin(_) => "DkgBegin",
            Message::DkgPublicShares(_) => "DkgPublicShares",
            Message::DkgPrivateBegin(_) => "DkgPrivateBegin",
            Message::DkgPrivateShares(_) => "DkgPrivateShares",
            Message::DkgEndBegin(_) => "DkgEndBegin",
            Message::DkgEnd(_) => "DkgEnd",
            Message::NonceRequest(_) => "NonceRequest",
            Message::NonceResponse(_) => "NonceResponse",
            Message::SignatureShareRequest(_) => "SignatureShareRequest",
            Message::SignatureShareResponse(_) => "SignatureShareResponse",
            Message::TranscriptRequest(_) => "TranscriptRequest",
        }
    }

    /// The DKG round this message belongs to.
    pub fn dkg_id(&self) -> u64 {
        match self {
            Message::DkgBegin(m) => m.dkg_id,
            Message::DkgPublicShares(m) => m.dkg_id,
            Message::DkgPrivateBegin(m) => m.dkg_id,
            Message::DkgPrivateShares(m) => m.dkg_id,
            Message::DkgEndBegin(m) => m.dkg_id,
            Message::DkgEnd(m) => m.dkg_id,
            Message::NonceRequest(m) => m.dkg_id,
            Message::NonceResponse(m) => m.dkg_id,
            Message::SignatureShareRequest(m) => m.dkg_id,
            Message::SignatureShareResponse(m) => m.dkg_id,
            Message::TranscriptRequest(m) => m.dkg_id,
        }
    }

    /// The signer a signer-sent message claims to come from.
    pub fn claimed_signer(&self) -> Option<SignerId> {
        match self {
            Message::DkgPublicShares(m) => Some(m.signer_id),
            Message::DkgPrivateShares(m) => Some(m.signer_id),
            Message::DkgEnd(m) => Some(m.signer_id),
            Message::NonceResponse(m) => Some(m.signer_id),
            Message::SignatureShareResponse(m) => Some(m.signer_id),
            Message::TranscriptRequest(m) => Some(m.signer_id),
            _ => None,
        }
    }

    /// The form that signatures and transcript digests cover: the message
    /// with every ciphertext, and every commitment past its constant term,
    /// replaced by its digest. A pruned copy therefore has the same signature
    /// and digest as the full one.
    pub fn signing_form(&self) -> Message {
        match self {
            Message::DkgPublicShares(m) => Message::DkgPublicShares(m.pruned()),
            Message::DkgPrivateShares(m) => Message::DkgPrivateShares(m.pruned_for(None)),
            other => other.clone(),
        }
    }

    /// Is this message its own signing form (nothing left to prune)?
    pub fn is_signing_form(&self) -> bool {
        match self {
            Message::DkgPublicShares(m) => m.commitments.iter().all(|c| c.full().is_none()),
            Message::DkgPrivateShares(m) => m.shares.iter().all(|(_, p)| matches!(p, SharePayload::Pruned(_))),
            _ => true,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DkgBegin {
    pub dkg_id: u64,
    /// The signers asked to take part in this attempt.
    pub signers: Vec<SignerId>,
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
/// for another recipient.
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DkgPrivateShares {
    pub dkg_id: u64,
    pub signer_id: SignerId,
    pub shares: Vec<(SignerId, SharePayload)>,
}

impl DkgPrivateShares {
    pub fn from_party(p: party::DkgPrivateShares) -> Self {
        DkgPrivateShares {
            dkg_id: p.dkg_id,
            signer_id: p.signer_id,
            shares: p.shares.into_iter().map(|e| (e.recipient, SharePayload::Ciphertext(e.ciphertext))).collect(),
        }
    }

    /// A copy holding only `recipient`'s ciphertext (or none, for the signing form).
    pub fn pruned_for(&self, recipient: Option<SignerId>) -> Self {
        let shares = self
            .shares
            .iter()
            .map(|(r, payload)| match payload {
                SharePayload::Ciphertext(_) if Some(*r) == recipient => (*r, payload.clone()),
                _ => (*r, SharePayload::Pruned(payload.digest())),
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
            .map(|(i, (recipient, payload))| {
                let mut copy = pruned.clone();
                copy.shares[i].1 = payload.clone();
                (*recipient, copy)
            })
            .collect()
    }

    /// The ciphertexts present in this copy, in the core crate's form.
    pub fn to_party(&self) -> party::DkgPrivateShares {
        party::DkgPrivateShares {
            dkg_id: self.dkg_id,
            signer_id: self.signer_id,
            shares: self
                .shares
                .iter()
                .filter_map(|(r, p)| match p {
                    SharePayload::Ciphertext(c) => {
                        Some(party::EncryptedShares { recipient: *r, ciphertext: c.clone() })
                    }
                    SharePayload::Pruned(_) => None,
                })
                .collect(),
        }
    }

    pub fn entry_for(&self, recipient: SignerId) -> Option<&SharePayload> {
        self.shares.iter().find(|(r, _)| *r == recipient).map(|(_, p)| p)
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

/// A signer's complaint. The core's share failures, plus what only the
/// protocol layer can see.
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
pub struct NonceRequest {
    pub dkg_id: u64,
    pub sign_id: u64,
    pub sign_iter_id: u64,
    #[serde(with = "serde_bytes_hex")]
    pub message: Vec<u8>,
    pub sig_type: SignatureType,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NonceResponse {
    pub dkg_id: u64,
    pub sign_id: u64,
    pub sign_iter_id: u64,
    pub signer_id: SignerId,
    pub nonces: Vec<PublicNonce>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignatureShareRequest {
    pub dkg_id: u64,
    pub sign_id: u64,
    pub sign_iter_id: u64,
    #[serde(with = "serde_bytes_hex")]
    pub message: Vec<u8>,
    pub sig_type: SignatureType,
    /// The chosen signers' `NonceResponse` packets, exactly as they signed them.
    pub nonce_responses: Vec<SignedBytes>,
}

/// The bytes of an embedded signed packet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedBytes(#[serde(with = "serde_bytes_hex")] pub Vec<u8>);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignatureShareResponse {
    pub dkg_id: u64,
    pub sign_id: u64,
    pub sign_iter_id: u64,
    pub signer_id: SignerId,
    pub shares: Vec<SignatureShare>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranscriptRequest {
    pub dkg_id: u64,
    pub signer_id: SignerId,
    /// Signers whose `DkgPublicShares` we lack or hold a different copy of.
    pub public: Vec<SignerId>,
    /// Signers whose `DkgPrivateShares` we lack or hold a different copy of.
    pub private: Vec<SignerId>,
}
