//! Signing messages (FROST's two rounds, RFC 9591 §5, with WSTS's weighted
//! signing parties): nonces first, then signature shares over the chosen
//! signers' signed nonce responses.

use serde::{Deserialize, Serialize};

use super::SigningForm;
use crate::crypto::{
    encoding::serde_bytes_hex,
    nonce::PublicNonce,
    signing::{SignatureShare, SignatureType},
    SignerId,
};

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
    /// One per signing party the signer speaks for (see [`crate::config`]).
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
    /// One per signing party the signer speaks for.
    pub shares: Vec<SignatureShare>,
}

impl SigningForm for NonceRequest {}
impl SigningForm for NonceResponse {}
impl SigningForm for SignatureShareRequest {}
impl SigningForm for SignatureShareResponse {}
