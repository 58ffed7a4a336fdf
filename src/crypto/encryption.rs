//! Encrypted private shares: ECDH between per-DKG key-exchange keys, a tagged
//! hash as KDF, and AES-256-GCM with a random 96-bit nonce.
//!
//! Each signer makes a fresh key-exchange key pair for every DKG and publishes
//! it with a proof of possession. Sender S encrypts to recipient R under
//! `KDF(x_S·X_R, dkg_id, S, R)`; the associated data binds the same context, so
//! a ciphertext can't be moved to another round or pair. Because the key is a
//! static-static DH of published keys, R can later reveal `x_R·X_S` with a
//! tuple proof ([`super::dh_tuple`]) and let anyone decrypt exactly that
//! ciphertext to settle a dispute.

use aes_gcm::{
    aead::{Aead, KeyInit, Payload},
    Aes256Gcm, Key, Nonce,
};
use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, Zeroizing};

use super::{
    base_mul,
    encoding::{fixed, scalar_from_bytes, serde_bytes_hex, serde_point, EncodingError, SCALAR_LEN},
    hash::{tags, TaggedHash},
    mul_secret,
    secret::SecretScalar,
    Point, Scalar, SignerId,
};

pub const NONCE_LEN: usize = 12;
pub const TAG_LEN: usize = 16;

/// A per-DKG key-exchange key pair.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct KexKeyPair {
    pub secret: SecretScalar,
    #[serde(with = "serde_point")]
    pub public: Point,
}

impl KexKeyPair {
    pub fn generate<R: RngCore + CryptoRng>(rng: &mut R) -> Self {
        let secret = SecretScalar::random(rng);
        let public = base_mul(secret.expose());
        KexKeyPair { secret, public }
    }

    /// The ECDH point shared with the holder of `their_public`, in constant
    /// time in our secret.
    pub fn shared_point(&self, their_public: &Point) -> Point {
        mul_secret(their_public, self.secret.expose())
    }
}

/// Who encrypts to whom, in which DKG.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CipherContext {
    pub dkg_id: u64,
    pub sender: SignerId,
    pub recipient: SignerId,
}

impl CipherContext {
    fn associated_data(&self) -> [u8; 16] {
        let mut aad = [0u8; 16];
        aad[..8].copy_from_slice(&self.dkg_id.to_be_bytes());
        aad[8..12].copy_from_slice(&self.sender.to_be_bytes());
        aad[12..].copy_from_slice(&self.recipient.to_be_bytes());
        aad
    }
}

/// The symmetric key for one (sender, recipient) pair.
pub fn derive_key(shared_point: &Point, ctx: &CipherContext) -> Zeroizing<[u8; 32]> {
    Zeroizing::new(TaggedHash::new(tags::SHARE_KDF).point(shared_point).bytes(&ctx.associated_data()).finish())
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ciphertext {
    #[serde(with = "fixed")]
    pub nonce: [u8; NONCE_LEN],
    /// AES-GCM output: encrypted data followed by the 16-byte tag.
    #[serde(with = "serde_bytes_hex")]
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecryptError {
    #[error("ciphertext of {0} bytes is shorter than the authentication tag")]
    TooShort(usize),
    #[error("authentication failed: wrong key, wrong context or tampered ciphertext")]
    Authentication,
    #[error("plaintext has {got} bytes, expected {expected}")]
    WrongLength { expected: usize, got: usize },
    #[error("share {index} is not a valid scalar: {error}")]
    BadScalar { index: usize, error: EncodingError },
}

pub fn encrypt<R: RngCore + CryptoRng>(
    key: &[u8; 32],
    ctx: &CipherContext,
    plaintext: &[u8],
    rng: &mut R,
) -> Ciphertext {
    let mut nonce = [0u8; NONCE_LEN];
    rng.fill_bytes(&mut nonce);
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key));
    let aad = ctx.associated_data();
    let bytes = cipher
        .encrypt(Nonce::from_slice(&nonce), Payload { msg: plaintext, aad: &aad })
        .expect("AES-GCM encryption only fails for inputs longer than 64 GiB");
    Ciphertext { nonce, bytes }
}

pub fn decrypt(key: &[u8; 32], ctx: &CipherContext, ct: &Ciphertext) -> Result<Zeroizing<Vec<u8>>, DecryptError> {
    if ct.bytes.len() < TAG_LEN {
        return Err(DecryptError::TooShort(ct.bytes.len()));
    }
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key));
    let aad = ctx.associated_data();
    cipher
        .decrypt(Nonce::from_slice(&ct.nonce), Payload { msg: &ct.bytes, aad: &aad })
        .map(Zeroizing::new)
        .map_err(|_| DecryptError::Authentication)
}

/// Encrypt a list of shares (32 bytes each, in an order both sides know).
pub fn encrypt_shares<R: RngCore + CryptoRng>(
    key: &[u8; 32],
    ctx: &CipherContext,
    shares: &[SecretScalar],
    rng: &mut R,
) -> Ciphertext {
    let mut plaintext = Zeroizing::new(Vec::with_capacity(shares.len() * SCALAR_LEN));
    for s in shares {
        let mut b = s.expose().to_bytes();
        plaintext.extend_from_slice(&b);
        b.zeroize();
    }
    encrypt(key, ctx, &plaintext, rng)
}

/// Decrypt exactly `count` shares; any other length or an out-of-range scalar
/// is an error, never a panic.
pub fn decrypt_shares(
    key: &[u8; 32],
    ctx: &CipherContext,
    ct: &Ciphertext,
    count: usize,
) -> Result<Vec<SecretScalar>, DecryptError> {
    let plaintext = decrypt(key, ctx, ct)?;
    if plaintext.len() != count * SCALAR_LEN {
        return Err(DecryptError::WrongLength { expected: count * SCALAR_LEN, got: plaintext.len() });
    }
    plaintext
        .chunks_exact(SCALAR_LEN)
        .enumerate()
        .map(|(index, chunk)| {
            scalar_from_bytes(chunk).map(SecretScalar::new).map_err(|error| DecryptError::BadScalar { index, error })
        })
        .collect()
}

/// Convenience for tests and callers holding scalars.
pub fn shares_from_scalars(values: &[Scalar]) -> Vec<SecretScalar> {
    values.iter().copied().map(SecretScalar::new).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

    fn setup() -> (ChaCha20Rng, KexKeyPair, KexKeyPair, CipherContext) {
        let mut rng = ChaCha20Rng::seed_from_u64(11);
        let a = KexKeyPair::generate(&mut rng);
        let b = KexKeyPair::generate(&mut rng);
        (rng, a, b, CipherContext { dkg_id: 3, sender: 0, recipient: 1 })
    }

    #[test]
    fn roundtrip_between_two_parties() {
        let (mut rng, a, b, ctx) = setup();
        let shares = shares_from_scalars(&[Scalar::from(5), Scalar::from(6)]);
        let ct = encrypt_shares(&derive_key(&a.shared_point(&b.public), &ctx), &ctx, &shares, &mut rng);
        let got = decrypt_shares(&derive_key(&b.shared_point(&a.public), &ctx), &ctx, &ct, 2).unwrap();
        assert_eq!(got, shares);
    }

    #[test]
    fn tampering_and_bad_lengths_are_errors() {
        let (mut rng, a, b, ctx) = setup();
        let key = derive_key(&a.shared_point(&b.public), &ctx);
        let ct = encrypt_shares(&key, &ctx, &shares_from_scalars(&[Scalar::from(1)]), &mut rng);
        let mut flipped = ct.clone();
        flipped.bytes[3] ^= 1;
        assert_eq!(decrypt_shares(&key, &ctx, &flipped, 1), Err(DecryptError::Authentication));
        let mut truncated = ct.clone();
        truncated.bytes.truncate(10);
        assert_eq!(decrypt_shares(&key, &ctx, &truncated, 1), Err(DecryptError::TooShort(10)));
        let empty = Ciphertext { nonce: ct.nonce, bytes: vec![] };
        assert_eq!(decrypt_shares(&key, &ctx, &empty, 1), Err(DecryptError::TooShort(0)));
        let moved = CipherContext { recipient: 2, ..ctx };
        assert_eq!(decrypt_shares(&key, &moved, &ct, 1), Err(DecryptError::Authentication));
        assert!(matches!(decrypt_shares(&key, &ctx, &ct, 2), Err(DecryptError::WrongLength { .. })));
        // A well-authenticated plaintext holding a value >= n is rejected.
        let overflow = encrypt(&key, &ctx, &[0xff; 32], &mut rng);
        assert!(matches!(decrypt_shares(&key, &ctx, &overflow, 1), Err(DecryptError::BadScalar { index: 0, .. })));
    }
}
