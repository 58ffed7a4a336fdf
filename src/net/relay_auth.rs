//! Proof of key possession when joining a relay room (relay/README.md,
//! "Join handshake").
//!
//! The relay opens every connection with a fresh 32-byte nonce. A peer joins
//! room `R` as `P` by signing, with its network key, the BIP-340 message
//! `m = tagged_hash("wsts-web/v1/relay-join", nonce ‖ len(R) ‖ R ‖ len(P) ‖ P)`
//! (lengths as one byte). The relay binds `(R, P)` to the first key that
//! proves itself, so nobody else can take the id. The relay's verifier is
//! independent (`k256`); relay/tests/interop.rs checks the two agree.

use rand_core::{CryptoRng, RngCore};

use crate::crypto::{
    bip340::{self, SchnorrSignature},
    hash::TaggedHash,
    secret::SecretScalar,
};

/// BIP-340 tag of the join message.
pub const RELAY_JOIN_TAG: &str = "wsts-web/v1/relay-join";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RelayAuthError {
    #[error("the relay's nonce must be 64 hex chars")]
    BadNonce,
    #[error("room and peer ids must be at most 255 bytes")]
    IdTooLong,
    #[error("the network secret is not a valid signing key")]
    BadSecret,
}

/// Parses the `nonce` of the relay's `challenge` frame.
pub fn parse_relay_nonce(hex_nonce: &str) -> Result<[u8; 32], RelayAuthError> {
    let mut nonce = [0u8; 32];
    hex::decode_to_slice(hex_nonce, &mut nonce).map_err(|_| RelayAuthError::BadNonce)?;
    Ok(nonce)
}

/// The 32-byte message a joining peer signs.
pub fn relay_join_message(nonce: &[u8; 32], room: &str, peer: &str) -> Result<[u8; 32], RelayAuthError> {
    let room_len = u8::try_from(room.len()).map_err(|_| RelayAuthError::IdTooLong)?;
    let peer_len = u8::try_from(peer.len()).map_err(|_| RelayAuthError::IdTooLong)?;
    Ok(TaggedHash::new(RELAY_JOIN_TAG)
        .bytes(nonce)
        .bytes(&[room_len])
        .bytes(room.as_bytes())
        .bytes(&[peer_len])
        .bytes(peer.as_bytes())
        .finish())
}

/// Signs the join of `room` as `peer` for the relay's `nonce`. The relay
/// checks it under the x-only form of the compressed key the peer announces.
pub fn sign_relay_join<R: RngCore + CryptoRng>(
    secret: &SecretScalar,
    nonce: &[u8; 32],
    room: &str,
    peer: &str,
    rng: &mut R,
) -> Result<SchnorrSignature, RelayAuthError> {
    let msg = relay_join_message(nonce, room, peer)?;
    let mut aux = [0u8; 32];
    rng.fill_bytes(&mut aux);
    bip340::sign(&secret.expose().to_bytes(), &msg, &aux).map_err(|_| RelayAuthError::BadSecret)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::{base_mul, bip340::x_only, hash::sha256, Scalar};
    use rand_core::SeedableRng;

    #[test]
    fn message_is_the_documented_tagged_hash() {
        let nonce = [0x5a; 32];
        let tag = sha256(RELAY_JOIN_TAG.as_bytes());
        let mut data = tag.to_vec();
        data.extend_from_slice(&tag);
        data.extend_from_slice(&nonce);
        data.extend_from_slice(&[4, b'r', b'o', b'o', b'm', 13]);
        data.extend_from_slice(b"signer-12/abc");
        assert_eq!(relay_join_message(&nonce, "room", "signer-12/abc").unwrap(), sha256(&data));
        assert_eq!(relay_join_message(&nonce, &"r".repeat(256), "p"), Err(RelayAuthError::IdTooLong));
    }

    #[test]
    fn signature_verifies_under_the_x_only_key_and_binds_every_field() {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(1);
        for k in 1u32..=6 {
            let secret = SecretScalar::new(Scalar::from(k * 7919));
            let key_x = x_only(&base_mul(secret.expose()));
            let nonce = parse_relay_nonce(&"0f".repeat(32)).unwrap();
            let sig = sign_relay_join(&secret, &nonce, "room", "coordinator", &mut rng).unwrap();
            let msg = relay_join_message(&nonce, "room", "coordinator").unwrap();
            assert!(bip340::verify(&key_x, &msg, &sig));
            for (n, room, peer) in
                [([1u8; 32], "room", "coordinator"), (nonce, "room2", "coordinator"), (nonce, "room", "signer-0")]
            {
                assert!(!bip340::verify(&key_x, &relay_join_message(&n, room, peer).unwrap(), &sig));
            }
        }
    }

    #[test]
    fn bad_nonces_are_refused() {
        assert_eq!(parse_relay_nonce("ab"), Err(RelayAuthError::BadNonce));
        assert_eq!(parse_relay_nonce(&"zz".repeat(32)), Err(RelayAuthError::BadNonce));
        assert!(parse_relay_nonce(&"AB".repeat(32)).is_ok());
    }
}
