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
//!
//! # Timing
//!
//! Every multiplication of a point by a secret runs in time independent of
//! the secret (`cargo run --release --example ct-check` measures it; see
//! docs/constant-time.md):
//!
//! - `x·G` is [`base_mul`]: nonces (FROST, BIP-340, proofs of possession,
//!   DH-tuple proofs), key-exchange and network public keys, and the secret
//!   side of share checks; [`base_mul_batch`] for polynomial commitments.
//! - `x·P` is [`mul_secret`]: ECDH for the share encryption keys, and the
//!   DH-tuple proof's `x·P` and `k·P`.
//! - Secret scalar arithmetic (libsecp256k1's scalar operations,
//!   [`small_horner`], [`encoding::less_than`]) is branch-free and reads no
//!   memory at secret-dependent addresses.
//!
//! Operations on public data only may take variable time, and do:
//! verification (`mul_add_generator`, `Point * Scalar`), the multi-scalar
//! multiplications of batch checks ([`msm`]), decoding points. Batch checks
//! of secret shares ([`share_verify`]) multiply only random weights and
//! public key ids by public commitments there; the weighted sum of the
//! secret shares goes through [`base_mul`].

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

/// `x·G`, in constant time in `x`: a signed-digit comb over 6-bit windows
/// (43 constant-time additions, every table entry of a window read under a
/// mask), in the vendored libsecp256k1 (`p256k1::constant_time`). Measured
/// faster than libsecp256k1's own `ecmult_gen` and its variable-time
/// `ecmult`; used for public scalars too.
pub fn base_mul(x: &Scalar) -> Point {
    p256k1::constant_time::mul_generator(x)
}

/// `[x·G for x in xs]` in affine form (z = 1), constant time in each `x`.
/// From [`BATCH_FROM`] scalars on, the comb runs for all of them in
/// lockstep with affine additions that share one field inversion per
/// window (`p256k1::constant_time::mul_generator_batch`); fewer go one by
/// one and share one inversion at the end.
pub fn base_mul_batch<'a>(xs: impl ExactSizeIterator<Item = &'a Scalar>) -> Vec<Point> {
    if xs.len() >= BATCH_FROM {
        return p256k1::constant_time::mul_generator_batch(xs);
    }
    let mut points: Vec<Point> = xs.map(base_mul).collect();
    normalize_batch(&mut points);
    points
}

/// The batch size from which [`base_mul_batch`] runs in lockstep.
pub const BATCH_FROM: usize = 32;

/// `x·P` for a secret `x` and a public `P`, in constant time in `x`
/// (libsecp256k1's `ecmult_const`). `Point * Scalar` is variable-time: keep
/// it for public scalars.
pub fn mul_secret(point: &Point, x: &Scalar) -> Point {
    p256k1::constant_time::mul_point(point, x)
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
