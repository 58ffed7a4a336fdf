//! ROAST's messages (Ruffing et al., CCS 2022, §4): nonce commitments made
//! ahead of time, and signing sessions over them.
//!
//! A signer numbers its commitments within an *epoch*, a random number drawn
//! each time the signer starts (created or restored): nonce secrets are never
//! saved, so a new epoch voids every earlier commitment. Within an epoch,
//! indexes only grow, and each commitment signs once.
//!
//! `NonceBatchRequest` → `NonceBatch` (or a `NonceBatch` sent unasked);
//! `SessionRequest` (the members' signed commitments) → `SessionResponse`
//! (the signature shares and the signer's next commitment).

use serde::{Deserialize, Serialize};

use super::{SignedBytes, SigningForm};
use crate::crypto::{
    encoding::serde_bytes_hex,
    nonce::PublicNonce,
    signing::{SignatureShare, SignatureType},
    SignerId,
};

/// One signed nonce commitment: one nonce per signing party the signer
/// speaks for. It travels inside a `NonceBatch` or a `SessionResponse`, and
/// the coordinator embeds it, as signed, in the `SessionRequest` that uses it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NonceCommitment {
    pub dkg_id: u64,
    pub signer_id: SignerId,
    pub epoch: u64,
    pub index: u64,
    pub nonces: Vec<PublicNonce>,
}

/// The coordinator asks for up to `count` fresh commitments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NonceBatchRequest {
    pub dkg_id: u64,
    pub count: u32,
}

/// Signed `NonceCommitment` packets, sent ahead of signing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NonceBatch {
    pub dkg_id: u64,
    pub signer_id: SignerId,
    pub commitments: Vec<SignedBytes>,
}

/// One ROAST session: sign `message` with exactly these commitments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRequest {
    pub dkg_id: u64,
    pub sign_id: u64,
    pub session_id: u64,
    #[serde(with = "serde_bytes_hex")]
    pub message: Vec<u8>,
    pub sig_type: SignatureType,
    /// One signed `NonceCommitment` per member, as its signer signed it.
    pub commitments: Vec<SignedBytes>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionResponse {
    pub dkg_id: u64,
    pub sign_id: u64,
    pub session_id: u64,
    pub signer_id: SignerId,
    /// One per signing party the signer speaks for.
    pub shares: Vec<SignatureShare>,
    /// Fresh signed `NonceCommitment`s for the signer's next session.
    pub next: Vec<SignedBytes>,
}

impl SigningForm for NonceCommitment {}
impl SigningForm for NonceBatchRequest {}
impl SigningForm for NonceBatch {}
impl SigningForm for SessionRequest {}
impl SigningForm for SessionResponse {}
