//! Secret polynomials and their Feldman commitments (Feldman, FOCS 1987;
//! FROST §5.1 round 1).
//!
//! A dealer picks `f(x) = a_0 + a_1 x + … + a_{t-1} x^{t-1}` and publishes
//! `A_j = a_j·G`. The share for key id `k` is `f(k)`, and anyone can check it:
//! `f(k)·G = Σ_j A_j·k^j`.

use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};

use super::{
    base_mul, encoding::serde_points, is_identity,
    proof_of_possession::{PopContext, ProofOfPossession},
    scalar_from_u32,
    secret::SecretScalar,
    KeyId, Point, Scalar,
};

/// A dealer's secret polynomial. Its coefficients are zeroized on drop.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Polynomial {
    coefficients: Vec<SecretScalar>,
}

impl Polynomial {
    /// A random polynomial with `threshold` coefficients (degree `threshold - 1`).
    pub fn random<R: RngCore + CryptoRng>(threshold: usize, rng: &mut R) -> Self {
        assert!(threshold > 0, "a polynomial needs at least one coefficient");
        Polynomial { coefficients: (0..threshold).map(|_| SecretScalar::random(rng)).collect() }
    }

    pub fn threshold(&self) -> usize {
        self.coefficients.len()
    }

    /// The secret `f(0)`.
    pub fn constant(&self) -> &SecretScalar {
        &self.coefficients[0]
    }

    /// `f(x)` by Horner's rule: t-1 multiplications and additions.
    pub fn evaluate(&self, x: &Scalar) -> Scalar {
        let mut acc = Scalar::from(0);
        for c in self.coefficients.iter().rev() {
            acc = acc * x + c.expose();
        }
        acc
    }

    /// The share for a key id.
    pub fn share_for(&self, key_id: KeyId) -> SecretScalar {
        SecretScalar::new(self.evaluate(&scalar_from_u32(key_id)))
    }

    /// The Feldman commitment `[a_j·G]`.
    pub fn commit(&self) -> Vec<Point> {
        self.coefficients.iter().map(|c| base_mul(c.expose())).collect()
    }
}

/// `[1, x, x², …, x^{n-1}]`.
pub fn powers(x: &Scalar, n: usize) -> Vec<Scalar> {
    let mut out = Vec::with_capacity(n);
    let mut acc = Scalar::from(1);
    for _ in 0..n {
        out.push(acc);
        acc *= x;
    }
    out
}

/// `Σ_j A_j·x^j`: the public value of a share at `x`, from a commitment.
pub fn evaluate_commitment(commitment: &[Point], x: &Scalar) -> Point {
    let scalars = powers(x, commitment.len());
    super::msm(&scalars, commitment)
}

/// A dealer's public contribution to DKG: the commitment to its polynomial and
/// a proof that it knows the constant term, bound to the DKG round and dealer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PolyCommitment {
    #[serde(with = "serde_points")]
    pub coefficients: Vec<Point>,
    pub proof: ProofOfPossession,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommitmentError {
    #[error("commitment has {got} coefficients, expected {expected}")]
    WrongLength { expected: usize, got: usize },
    #[error("commitment coefficient {0} is the identity point")]
    IdentityCoefficient(usize),
    #[error("the proof of possession does not verify")]
    BadProof,
}

impl PolyCommitment {
    /// Commit to `poly` and prove possession of its constant term for `context`.
    pub fn new<R: RngCore + CryptoRng>(poly: &Polynomial, context: &PopContext, rng: &mut R) -> Self {
        let coefficients = poly.commit();
        let proof = ProofOfPossession::prove(poly.constant(), &coefficients[0], context, rng);
        PolyCommitment { coefficients, proof }
    }

    /// The dealer's public secret `a_0·G`.
    pub fn constant(&self) -> &Point {
        &self.coefficients[0]
    }

    /// Check length, identity points and the proof of possession.
    pub fn verify(&self, threshold: usize, context: &PopContext) -> Result<(), CommitmentError> {
        if self.coefficients.len() != threshold {
            return Err(CommitmentError::WrongLength { expected: threshold, got: self.coefficients.len() });
        }
        if let Some(i) = self.coefficients.iter().position(is_identity) {
            return Err(CommitmentError::IdentityCoefficient(i));
        }
        if !self.proof.verify(&self.coefficients[0], context) {
            return Err(CommitmentError::BadProof);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::proof_of_possession::PopPurpose;
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

    fn ctx() -> PopContext {
        PopContext { purpose: PopPurpose::Polynomial, dkg_id: 1, signer_id: 2, index: 0 }
    }

    #[test]
    fn shares_match_commitment() {
        let mut rng = ChaCha20Rng::seed_from_u64(1);
        let f = Polynomial::random(5, &mut rng);
        let c = f.commit();
        for k in 1..10u32 {
            let x = scalar_from_u32(k);
            assert_eq!(base_mul(&f.evaluate(&x)), evaluate_commitment(&c, &x));
        }
        let naive: Scalar = (0..5).fold(Scalar::from(0), |acc, j| {
            acc + f.coefficients[j].expose() * powers(&Scalar::from(3), 5)[j]
        });
        assert_eq!(f.evaluate(&Scalar::from(3)), naive);
    }

    #[test]
    fn commitment_checks() {
        let mut rng = ChaCha20Rng::seed_from_u64(2);
        let f = Polynomial::random(3, &mut rng);
        let pc = PolyCommitment::new(&f, &ctx(), &mut rng);
        assert_eq!(pc.verify(3, &ctx()), Ok(()));
        assert_eq!(pc.verify(4, &ctx()), Err(CommitmentError::WrongLength { expected: 4, got: 3 }));
        let other = PopContext { dkg_id: 2, ..ctx() };
        assert_eq!(pc.verify(3, &other), Err(CommitmentError::BadProof));
        let mut with_identity = pc.clone();
        with_identity.coefficients[1] = Point::identity();
        assert_eq!(with_identity.verify(3, &ctx()), Err(CommitmentError::IdentityCoefficient(1)));
    }
}
