//! The mathematics of WSTS, free of protocol state.
//!
//! Each module holds one concern. Everything here is a pure function of its
//! inputs and an explicit random number generator, so the same code runs
//! natively and in the browser, and any third party can re-run a check.
//!
//! Notation follows the WSTS paper (Yandle, "Weighted Schnorr Threshold
//! Signatures") and FROST (Komlo and Goldberg, SAC 2020; RFC 9591):
//! a *dealer* deals one secret polynomial during DKG, a *key id* is one unit of
//! weight (1-based), and a *signing party* contributes one nonce and one
//! signature share.

pub mod base_table;
pub mod bip340;
pub mod dh_tuple;
pub mod encoding;
pub mod encryption;
pub mod hash;
pub mod lagrange;
pub mod nonce;
pub mod polynomial;
pub mod proof_of_possession;
pub mod repair;
pub mod reshare;
pub mod secret;
pub mod share_verify;
pub mod signing;
pub mod small_horner;

pub use p256k1::{point::Point, scalar::Scalar};

/// Signers are numbered from 0.
pub type SignerId = u32;
/// Key ids (units of weight) are numbered from 1, so that no share is an
/// evaluation of a polynomial at 0, which is the secret itself.
pub type KeyId = u32;

/// The generator point G.
pub fn generator() -> Point {
    p256k1::point::G
}

/// `x·G`, on a precomputed comb ([`base_table`]).
pub fn base_mul(x: &Scalar) -> Point {
    base_table::mul_generator(x)
}

/// Bring points to affine form (z = 1) with one field inversion for all
/// (Montgomery's trick), so that encoding them later costs no inversion each.
#[allow(clippy::op_ref)] // field arithmetic on references, as p256k1 spells it
pub fn normalize_batch(points: &mut [Point]) {
    use p256k1::field::Element;
    let live: Vec<usize> = (0..points.len()).filter(|&i| points[i].gej.infinity == 0).collect();
    let zs: Vec<Element> = live.iter().map(|&i| Element { fe: points[i].gej.z }).collect();
    let mut prefix = Vec::with_capacity(zs.len());
    let mut acc = Element::from(1);
    for z in &zs {
        prefix.push(acc);
        acc *= z;
    }
    let mut inverse = acc.invert();
    for (k, &i) in live.iter().enumerate().rev() {
        let z_inv = &inverse * &prefix[k];
        inverse *= &zs[k];
        let z_inv2 = &z_inv * &z_inv;
        let p = &mut points[i].gej;
        p.x = (Element { fe: p.x } * &z_inv2).normalize().fe;
        p.y = (Element { fe: p.y } * &(&z_inv2 * &z_inv)).normalize().fe;
        p.z = Element::from(1).fe;
    }
}

/// `Σ scalars[i]·points[i]` (Pippenger or Strauss in libsecp256k1), over
/// borrowed slices. Falls back to the plain sum if libsecp256k1 can't get
/// scratch space, so it never fails.
pub fn msm(scalars: &[Scalar], points: &[Point]) -> Point {
    struct Slices<'a>(&'a [Scalar], &'a [Point]);
    impl p256k1::traits::MultiMult for Slices<'_> {
        fn get_scalar(&self, i: usize) -> &Scalar {
            &self.0[i]
        }
        fn get_point(&self, i: usize) -> &Point {
            &self.1[i]
        }
        fn get_size(&self) -> usize {
            self.0.len().min(self.1.len())
        }
        fn get_scratch_size(&self) -> Option<usize> {
            // Pippenger runs in batches when the scratch space is smaller.
            Some((self.get_size() * 512).clamp(64 << 10, 16 << 20))
        }
    }
    match Point::multimult_trait(&mut Slices(scalars, points)) {
        Ok(p) => p,
        Err(_) => scalars.iter().zip(points).fold(Point::identity(), |acc, (s, p)| acc + p * s),
    }
}

/// True for the point at infinity.
pub fn is_identity(p: &Point) -> bool {
    p.gej.infinity != 0 || *p == Point::identity()
}

/// The scalar `k` for a key id or other small integer.
pub fn scalar_from_u32(k: u32) -> Scalar {
    Scalar::from(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_normalization_keeps_every_point() {
        let mut points: Vec<Point> =
            (1..20u32).map(|i| base_mul(&Scalar::from(i)) + base_mul(&Scalar::from(i * 7))).collect();
        points.insert(3, Point::identity());
        let before = points.clone();
        let encoded: Vec<_> = points.iter().map(encoding::point_to_bytes).collect();
        normalize_batch(&mut points);
        assert_eq!(points, before);
        assert_eq!(points.iter().map(encoding::point_to_bytes).collect::<Vec<_>>(), encoded);
        let one = p256k1::field::Element::from(1).fe;
        assert!(points.iter().filter(|p| !is_identity(p)).all(|p| p.gej.z.n == one.n), "affine");
        normalize_batch(&mut []);
    }
}
