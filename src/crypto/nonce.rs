//! Secret nonces and FROST signing nonces (FROST §5.2, preprocessing; RFC 9591 §4.1).
//!
//! Every nonce is `H(tag, fresh randomness ‖ secret)`: a broken or repeated
//! random source alone doesn't leak the secret (hedged nonces, as in BIP-340),
//! and a known secret alone doesn't predict the nonce.
//!
//! **No reuse.** A `SigningNonces` value is created for one signing attempt
//! and `signing::sign_share` takes it by value, so the type system consumes it
//! on use. The signer state machine creates fresh nonces for every nonce
//! request and drops them when the attempt ends; it never persists nonces that
//! a restore could replay into a second signature share.

use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use super::{
    base_mul,
    encoding::serde_point,
    hash::{tags, TaggedHash},
    secret::SecretScalar,
    Point, Scalar,
};

/// A hedged secret nonce for `purpose`.
pub fn derive_secret_nonce<R: RngCore + CryptoRng>(rng: &mut R, secret: &Scalar, purpose: &str) -> SecretScalar {
    let mut fresh = [0u8; 32];
    rng.fill_bytes(&mut fresh);
    let mut secret_bytes = secret.to_bytes();
    let k =
        TaggedHash::new(tags::NONCE).var_bytes(purpose.as_bytes()).bytes(&fresh).bytes(&secret_bytes).finish_scalar();
    fresh.zeroize();
    secret_bytes.zeroize();
    // A zero nonce happens with probability 2^-256; retry rather than leak.
    if k == Scalar::from(0) {
        return derive_secret_nonce(rng, secret, purpose);
    }
    SecretScalar::new(k)
}

/// One signing party's secret nonce pair `(d, e)`.
#[derive(Debug, Serialize, Deserialize)]
pub struct SigningNonces {
    pub(crate) hiding: SecretScalar,
    pub(crate) binding: SecretScalar,
}

/// The public commitments `(D, E) = (d·G, e·G)` of one signing party.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicNonce {
    /// The signing party: the signer id in v2, the key id in v1.
    pub party_id: u32,
    #[serde(with = "serde_point")]
    pub hiding: Point,
    #[serde(with = "serde_point")]
    pub binding: Point,
}

impl SigningNonces {
    pub fn generate<R: RngCore + CryptoRng>(secret: &Scalar, rng: &mut R) -> Self {
        SigningNonces {
            hiding: derive_secret_nonce(rng, secret, "signing/hiding"),
            binding: derive_secret_nonce(rng, secret, "signing/binding"),
        }
    }

    pub fn public(&self, party_id: u32) -> PublicNonce {
        PublicNonce { party_id, hiding: base_mul(self.hiding.expose()), binding: base_mul(self.binding.expose()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

    #[test]
    fn nonces_are_fresh_and_hedged() {
        let secret = Scalar::from(42);
        let mut rng = ChaCha20Rng::seed_from_u64(5);
        let a = SigningNonces::generate(&secret, &mut rng);
        let b = SigningNonces::generate(&secret, &mut rng);
        assert_ne!(a.public(0), b.public(0));
        assert_ne!(a.hiding, a.binding);
        // Same randomness, different secret: different nonce.
        let c = derive_secret_nonce(&mut ChaCha20Rng::seed_from_u64(6), &Scalar::from(1), "x");
        let d = derive_secret_nonce(&mut ChaCha20Rng::seed_from_u64(6), &Scalar::from(2), "x");
        assert_ne!(c, d);
    }
}
