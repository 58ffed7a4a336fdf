//! Secret scalars that wipe themselves.
//!
//! p256k1's `Scalar` is `Copy` and has no `Drop`, so a secret held in a bare
//! `Scalar` lingers in memory. Every long-lived secret in this crate (polynomial
//! coefficients, key shares, nonces, key-exchange keys) is a `SecretScalar`,
//! which is zeroized on drop and prints as `SecretScalar(..)`.
//! Temporaries made while computing with it are not tracked; that is the
//! limit of what a library on a `Copy` scalar type can promise.

use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use super::{encoding::serde_scalar, Scalar};

#[derive(Clone, Serialize, Deserialize)]
pub struct SecretScalar(#[serde(with = "serde_scalar")] Scalar);

impl SecretScalar {
    pub fn new(s: Scalar) -> Self {
        SecretScalar(s)
    }

    pub fn random<R: rand_core::RngCore + rand_core::CryptoRng>(rng: &mut R) -> Self {
        SecretScalar(Scalar::random(rng))
    }

    /// The secret value. Keep the copy short-lived.
    pub fn expose(&self) -> &Scalar {
        &self.0
    }
}

impl Zeroize for SecretScalar {
    fn zeroize(&mut self) {
        self.0.scalar.d.zeroize();
    }
}

impl Drop for SecretScalar {
    fn drop(&mut self) {
        self.zeroize();
    }
}

impl std::fmt::Debug for SecretScalar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretScalar(..)")
    }
}

impl PartialEq for SecretScalar {
    fn eq(&self, other: &Self) -> bool {
        // Constant-time comparison of the canonical bytes.
        let (a, b) = (self.0.to_bytes(), other.0.to_bytes());
        a.iter().zip(b.iter()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

impl Eq for SecretScalar {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_value_and_zeroize_clears() {
        let mut s = SecretScalar::new(Scalar::from(0x1234_5678));
        let shown = format!("{s:?}");
        assert_eq!(shown, "SecretScalar(..)");
        assert!(!shown.contains("12345678"));
        s.zeroize();
        assert_eq!(*s.expose(), Scalar::from(0));
    }
}
