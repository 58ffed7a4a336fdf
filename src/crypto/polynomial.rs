//! Secret polynomials and their Feldman commitments (Feldman, FOCS 1987;
//! FROST §5.1 round 1).
//!
//! A dealer picks `f(x) = a_0 + a_1 x + … + a_{t-1} x^{t-1}` and publishes
//! `A_j = a_j·G`. The share for key id `k` is `f(k)`, and anyone can check it:
//! `f(k)·G = Σ_j A_j·k^j`.

use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};

use super::{
    encoding::{fixed, serde_point, serde_points},
    hash::{tags, TaggedHash},
    is_identity,
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

    /// A random polynomial with `threshold` coefficients and the given
    /// constant term: a reshare dealer's (its Lagrange-weighted part of the
    /// old secret) or a refresh dealer's (zero).
    pub fn with_constant<R: RngCore + CryptoRng>(constant: SecretScalar, threshold: usize, rng: &mut R) -> Self {
        assert!(threshold > 0, "a polynomial needs at least one coefficient");
        let mut coefficients = Vec::with_capacity(threshold);
        coefficients.push(constant);
        coefficients.extend((1..threshold).map(|_| SecretScalar::random(rng)));
        Polynomial { coefficients }
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

    /// For evaluating at many key ids: each step multiplies by a small
    /// integer, much cheaper than a general scalar multiplication.
    pub fn evaluator(&self) -> super::small_horner::Evaluator {
        super::small_horner::Evaluator::new(&self.coefficients)
    }

    /// The Feldman commitment `[a_j·G]`.
    /// In affine form, so that encoding it (twice: for the signature's digest
    /// of the rest, and on the wire) costs no field inversions.
    pub fn commit(&self) -> Vec<Point> {
        super::base_mul_batch(self.coefficients.iter().map(SecretScalar::expose))
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
///
/// Signers need only the constant term `A_0` of each dealer (for the group key
/// and the proof of possession); the rest reaches them summed over all dealers
/// (ChillDKG's SimplPedPop aggregation). So a commitment can be *pruned* to
/// `A_0` plus a digest of `A_1 … A_{t-1}`. Packets are signed over the pruned
/// form, so the pruned copy a signer gets verifies like the full one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PolyCommitment {
    pub coefficients: Coefficients,
    pub proof: ProofOfPossession,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Coefficients {
    /// `[A_0, …, A_{t-1}]`.
    Full(#[serde(with = "serde_points")] Vec<Point>),
    /// `A_0` and the digest of `[A_1, …, A_{t-1}]`.
    Pruned {
        #[serde(with = "serde_point")]
        constant: Point,
        #[serde(with = "fixed")]
        rest: [u8; 32],
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommitmentError {
    #[error("commitment has {got} coefficients, expected {expected}")]
    WrongLength { expected: usize, got: usize },
    #[error("commitment coefficient {0} is the identity point")]
    IdentityCoefficient(usize),
    #[error("the proof of possession does not verify")]
    BadProof,
    #[error("the commitment is pruned where the full one is needed")]
    Pruned,
    #[error("the constant term is not the one the old public key shares fix")]
    WrongConstant,
}

/// The digest a pruned commitment keeps of `[A_1, …, A_{t-1}]`.
pub fn rest_digest(rest: &[Point]) -> [u8; 32] {
    rest.iter().fold(TaggedHash::new(tags::COMMITMENT_REST).u64(rest.len() as u64), |h, p| h.point(p)).finish()
}

impl PolyCommitment {
    /// Commit to `poly` and prove possession of its constant term for `context`.
    pub fn new<R: RngCore + CryptoRng>(poly: &Polynomial, context: &PopContext, rng: &mut R) -> Self {
        let coefficients = poly.commit();
        let proof = ProofOfPossession::prove(poly.constant(), &coefficients[0], context, rng);
        PolyCommitment { coefficients: Coefficients::Full(coefficients), proof }
    }

    /// The dealer's public secret `A_0 = a_0·G` (the identity, which no check
    /// accepts, for a hostile empty commitment).
    pub fn constant(&self) -> Point {
        match &self.coefficients {
            Coefficients::Full(c) => c.first().copied().unwrap_or_else(Point::identity),
            Coefficients::Pruned { constant, .. } => *constant,
        }
    }

    /// `[A_0, …, A_{t-1}]`, unless this copy is pruned.
    pub fn full(&self) -> Option<&[Point]> {
        match &self.coefficients {
            Coefficients::Full(c) => Some(c),
            Coefficients::Pruned { .. } => None,
        }
    }

    /// The copy every signer gets, and the form packets are signed over.
    pub fn pruned(&self) -> PolyCommitment {
        let coefficients = match &self.coefficients {
            Coefficients::Full(c) => {
                Coefficients::Pruned { constant: self.constant(), rest: rest_digest(c.get(1..).unwrap_or_default()) }
            }
            pruned => pruned.clone(),
        };
        PolyCommitment { coefficients, proof: self.proof.clone() }
    }

    /// Check the constant term and the proof of possession, and, in a full
    /// copy, the length and that no coefficient is the identity.
    pub fn verify(&self, threshold: usize, context: &PopContext) -> Result<(), CommitmentError> {
        if let Coefficients::Full(c) = &self.coefficients {
            if c.len() != threshold {
                return Err(CommitmentError::WrongLength { expected: threshold, got: c.len() });
            }
            if let Some(i) = c.iter().position(is_identity) {
                return Err(CommitmentError::IdentityCoefficient(i));
            }
        }
        let constant = self.constant();
        if is_identity(&constant) {
            return Err(CommitmentError::IdentityCoefficient(0));
        }
        if !self.proof.verify(&constant, context) {
            return Err(CommitmentError::BadProof);
        }
        Ok(())
    }

    /// [`PolyCommitment::verify`], and the copy must be full.
    pub fn verify_full(&self, threshold: usize, context: &PopContext) -> Result<(), CommitmentError> {
        self.full().ok_or(CommitmentError::Pruned)?;
        self.verify(threshold, context)
    }
}

/// `[A_1, …, A_{t-1}]` summed over every full commitment given: what the
/// coordinator sends each signer in `DkgEndBegin`. `None` if one is pruned or
/// of the wrong length.
pub fn aggregate_rest<'a>(
    commitments: impl IntoIterator<Item = &'a PolyCommitment>,
    threshold: usize,
) -> Option<Vec<Point>> {
    let mut sum = vec![Point::identity(); threshold.saturating_sub(1)];
    for c in commitments {
        let full = c.full().filter(|f| f.len() == threshold)?;
        for (acc, a) in sum.iter_mut().zip(&full[1..]) {
            *acc += a;
        }
    }
    Some(sum)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::base_mul;
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
        let naive: Scalar =
            (0..5).fold(Scalar::from(0), |acc, j| acc + f.coefficients[j].expose() * powers(&Scalar::from(3), 5)[j]);
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
        if let Coefficients::Full(c) = &mut with_identity.coefficients {
            c[1] = Point::identity();
        }
        assert_eq!(with_identity.verify(3, &ctx()), Err(CommitmentError::IdentityCoefficient(1)));
    }

    #[test]
    fn pruned_commitments_keep_the_constant_and_bind_the_rest() {
        let mut rng = ChaCha20Rng::seed_from_u64(3);
        let f = Polynomial::random(4, &mut rng);
        let pc = PolyCommitment::new(&f, &ctx(), &mut rng);
        let pruned = pc.pruned();
        assert_eq!(pruned.constant(), pc.constant());
        assert_eq!(pruned.full(), None);
        assert_eq!(pruned.pruned(), pruned);
        assert_eq!(pruned.verify(4, &ctx()), Ok(()));
        assert_eq!(pruned.verify_full(4, &ctx()), Err(CommitmentError::Pruned));
        // A different tail gives a different digest.
        let g = Polynomial::random(4, &mut rng);
        let mut other = PolyCommitment::new(&g, &ctx(), &mut rng);
        if let (Coefficients::Full(o), Coefficients::Full(c)) = (&mut other.coefficients, &pc.coefficients) {
            o[0] = c[0];
        }
        other.proof = pc.proof.clone();
        assert_ne!(other.pruned(), pruned);
    }

    #[test]
    fn an_empty_commitment_fails_its_checks_without_panicking() {
        let mut rng = ChaCha20Rng::seed_from_u64(5);
        let mut pc = PolyCommitment::new(&Polynomial::random(3, &mut rng), &ctx(), &mut rng);
        pc.coefficients = Coefficients::Full(vec![]);
        assert_eq!(pc.verify(3, &ctx()), Err(CommitmentError::WrongLength { expected: 3, got: 0 }));
        let pruned = pc.pruned();
        assert!(is_identity(&pruned.constant()));
        assert_eq!(pruned.verify(3, &ctx()), Err(CommitmentError::IdentityCoefficient(0)));
        assert_eq!(aggregate_rest(&[pc], 3), None);
    }

    #[test]
    fn aggregate_rest_sums_the_non_constant_terms() {
        let mut rng = ChaCha20Rng::seed_from_u64(4);
        let polys: Vec<Polynomial> = (0..3).map(|_| Polynomial::random(3, &mut rng)).collect();
        let commitments: Vec<PolyCommitment> = polys.iter().map(|p| PolyCommitment::new(p, &ctx(), &mut rng)).collect();
        let rest = aggregate_rest(&commitments, 3).unwrap();
        let sum = |j: usize| polys.iter().fold(Scalar::from(0), |acc, p| acc + p.coefficients[j].expose());
        assert_eq!(rest, vec![base_mul(&sum(1)), base_mul(&sum(2))]);
        assert_eq!(aggregate_rest(&commitments, 4), None);
        assert_eq!(aggregate_rest(&[commitments[0].pruned()], 3), None);
    }
}
