//! Join authentication: a peer proves it holds the key it joins under by
//! signing the relay's per-connection challenge (BIP-340).
//!
//! The signed message is
//! `m = tagged_hash("wsts-web/v1/relay-join", nonce ‖ len(room) ‖ room ‖ len(peer) ‖ peer)`
//! with BIP-340's tagged hash (`SHA256(SHA256(tag) ‖ SHA256(tag) ‖ data)`),
//! lengths as one byte (ids are at most 64 bytes). The signature is checked
//! with `verify_raw` on the 32-byte `m`, under the x-only form of the
//! compressed key. The same construction is in the main crate
//! (`wsts_web::net::relay_auth`); an interop test pins the two together.

use std::fmt;

use k256::schnorr::{Signature, VerifyingKey};
use sha2::{Digest as _, Sha256};

use crate::protocol::{ErrorCode, Rejection, MAX_NAME_LEN};

/// BIP-340 tag of the join message.
pub const JOIN_TAG: &str = "wsts-web/v1/relay-join";

/// Length of a compressed secp256k1 point, as hex.
pub const PUBKEY_HEX_LEN: usize = 66;

/// Length of a BIP-340 signature, as hex.
pub const SIGNATURE_HEX_LEN: usize = 128;

/// A fresh random challenge, one per connection.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Nonce([u8; 32]);

impl Nonce {
    /// 32 bytes from the operating system's CSPRNG.
    pub fn random() -> Self {
        let mut bytes = [0u8; 32];
        getrandom::getrandom(&mut bytes).expect("the OS random number generator is available");
        Nonce(bytes)
    }

    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Nonce(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// 64 lowercase hex chars, as sent in the `challenge` frame.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }
}

impl fmt::Debug for Nonce {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Nonce({})", self.to_hex())
    }
}

/// A peer's network key: a valid compressed secp256k1 point.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PeerKey([u8; 33]);

impl PeerKey {
    /// Parses 66 hex chars (either case) of a compressed point on the curve.
    pub fn from_hex(text: &str) -> Option<Self> {
        if text.len() != PUBKEY_HEX_LEN {
            return None;
        }
        let mut bytes = [0u8; 33];
        hex::decode_to_slice(text, &mut bytes).ok()?;
        k256::PublicKey::from_sec1_bytes(&bytes).ok()?;
        Some(PeerKey(bytes))
    }

    /// Lowercase hex, the form announced to other peers.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    fn verifying_key(&self) -> Option<VerifyingKey> {
        VerifyingKey::from_bytes(&self.0[1..]).ok()
    }
}

impl fmt::Debug for PeerKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PeerKey({})", self.to_hex())
    }
}

fn tagged_hash(tag: &str, data: &[&[u8]]) -> [u8; 32] {
    let tag_hash = Sha256::digest(tag.as_bytes());
    let mut h = Sha256::new();
    h.update(tag_hash);
    h.update(tag_hash);
    for part in data {
        h.update(part);
    }
    h.finalize().into()
}

/// The 32-byte message a joining peer signs. `None` if an id is longer than
/// 255 bytes (valid ids are at most [`MAX_NAME_LEN`]).
pub fn join_message(nonce: &Nonce, room: &str, peer: &str) -> Option<[u8; 32]> {
    let room_len = u8::try_from(room.len()).ok()?;
    let peer_len = u8::try_from(peer.len()).ok()?;
    Some(tagged_hash(JOIN_TAG, &[nonce.as_bytes(), &[room_len], room.as_bytes(), &[peer_len], peer.as_bytes()]))
}

/// Checks a join's key and signature against this connection's nonce.
/// Room and peer ids must already be valid names.
pub fn verify_join(nonce: &Nonce, room: &str, peer: &str, pubkey: &str, signature: &str) -> Result<PeerKey, Rejection> {
    debug_assert!(room.len() <= MAX_NAME_LEN && peer.len() <= MAX_NAME_LEN);
    let key = PeerKey::from_hex(pubkey).ok_or_else(|| {
        Rejection::new(ErrorCode::BadPubkey, "pubkey must be 66 hex chars of a compressed secp256k1 point")
    })?;
    let bad_sig =
        || Rejection::new(ErrorCode::BadSignature, "signature does not verify for this connection's challenge");
    if signature.len() != SIGNATURE_HEX_LEN {
        return Err(bad_sig());
    }
    let mut sig_bytes = [0u8; 64];
    hex::decode_to_slice(signature, &mut sig_bytes).map_err(|_| bad_sig())?;
    let sig = Signature::try_from(&sig_bytes[..]).map_err(|_| bad_sig())?;
    let msg = join_message(nonce, room, peer).ok_or_else(bad_sig)?;
    let vk = key.verifying_key().ok_or_else(bad_sig)?;
    vk.verify_raw(&msg, &sig).map_err(|_| bad_sig())?;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use k256::schnorr::SigningKey;

    /// Signs like a client would: BIP-340 over the raw 32-byte message.
    fn sign(secret: &[u8; 32], nonce: &Nonce, room: &str, peer: &str) -> (String, String) {
        let sk = SigningKey::from_bytes(secret).unwrap();
        let msg = join_message(nonce, room, peer).unwrap();
        let sig = sk.sign_raw(&msg, &[7u8; 32]).unwrap();
        // Compressed key of the secret (either parity), as the wsts protocol uses it.
        let pk = k256::SecretKey::from_slice(secret).unwrap().public_key();
        let compressed = k256::elliptic_curve::sec1::ToEncodedPoint::to_encoded_point(&pk, true);
        (hex::encode(compressed.as_bytes()), hex::encode(sig.to_bytes()))
    }

    #[test]
    fn message_is_the_documented_tagged_hash() {
        let nonce = Nonce::from_bytes([0xab; 32]);
        let mut data = vec![0xab; 32];
        data.extend_from_slice(&[1, b'r', 2, b'p', b'1']);
        let tag = Sha256::digest(JOIN_TAG);
        let want: [u8; 32] = Sha256::new().chain_update(tag).chain_update(tag).chain_update(&data).finalize().into();
        assert_eq!(join_message(&nonce, "r", "p1"), Some(want));
        // The length prefixes keep ("ab","c") and ("a","bc") apart.
        assert_ne!(join_message(&nonce, "ab", "c"), join_message(&nonce, "a", "bc"));
        assert_eq!(join_message(&nonce, &"x".repeat(256), "p"), None);
    }

    #[test]
    fn accepts_a_good_signature_for_keys_of_either_parity() {
        let nonce = Nonce::random();
        let mut parities = std::collections::HashSet::new();
        for seed in 1u8..=8 {
            let (pk, sig) = sign(&[seed; 32], &nonce, "room", "signer-1");
            parities.insert(pk[..2].to_owned());
            let key = verify_join(&nonce, "room", "signer-1", &pk, &sig).unwrap();
            assert_eq!(key.to_hex(), pk);
            // Upper-case hex is the same key.
            assert_eq!(verify_join(&nonce, "room", "signer-1", &pk.to_uppercase(), &sig).unwrap(), key);
        }
        assert_eq!(parities.len(), 2, "both 02 and 03 keys were tried");
    }

    #[test]
    fn refuses_anything_else() {
        let nonce = Nonce::random();
        let (pk, sig) = sign(&[3; 32], &nonce, "room", "p");
        let (other_pk, _) = sign(&[4; 32], &nonce, "room", "p");
        let code = |pk: &str, sig: &str, room: &str, peer: &str, nonce: &Nonce| {
            verify_join(nonce, room, peer, pk, sig).unwrap_err().code
        };
        assert_eq!(code(&pk, &sig, "room", "q", &nonce), ErrorCode::BadSignature, "other peer id");
        assert_eq!(code(&pk, &sig, "room2", "p", &nonce), ErrorCode::BadSignature, "other room");
        assert_eq!(code(&pk, &sig, "room", "p", &Nonce::random()), ErrorCode::BadSignature, "replayed");
        assert_eq!(code(&other_pk, &sig, "room", "p", &nonce), ErrorCode::BadSignature, "other key");
        let mut flipped = sig.clone().into_bytes();
        flipped[100] = if flipped[100] == b'0' { b'1' } else { b'0' };
        assert_eq!(code(&pk, std::str::from_utf8(&flipped).unwrap(), "room", "p", &nonce), ErrorCode::BadSignature);
        assert_eq!(code(&pk, &sig[..126], "room", "p", &nonce), ErrorCode::BadSignature, "short");
        assert_eq!(code(&pk, &"zz".repeat(64), "room", "p", &nonce), ErrorCode::BadSignature, "not hex");
        assert_eq!(code(&pk[2..], &sig, "room", "p", &nonce), ErrorCode::BadPubkey, "x-only key");
        assert_eq!(code(&format!("04{}", &pk[2..]), &sig, "room", "p", &nonce), ErrorCode::BadPubkey, "bad prefix");
        // x = 5 is not on secp256k1 (5^3 + 7 = 132 is not a square mod p).
        let off_curve = format!("02{}05", "00".repeat(31));
        assert_eq!(code(&off_curve, &sig, "room", "p", &nonce), ErrorCode::BadPubkey, "not on the curve");
    }
}
