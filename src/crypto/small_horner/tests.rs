//! Every limb width against libsecp256k1's scalar arithmetic, at the edge
//! values where carries and reductions happen: 0, 1, n-1, n, 2^256-1, the
//! largest key id and the largest carry into a fold.

use super::*;
use crate::crypto::{polynomial::Polynomial, scalar_from_u32};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

fn minus(x: u32) -> Scalar {
    Scalar::from(0) - Scalar::from(x)
}

/// `2^256 mod n`: `[0xFF; 32]` reads as `2^256 - 1 mod n`.
fn two_256() -> Scalar {
    Scalar::from([0xFF; 32]) + Scalar::from(1)
}

fn scalar_u64(v: u64) -> Scalar {
    let mut bytes = [0u8; 32];
    bytes[24..].copy_from_slice(&v.to_be_bytes());
    Scalar::from(bytes)
}

/// `x` with `x + hi·(2^256 - n) = 2^256 + 2^boundary - 1`, so that a fold
/// carries out of 2^256 and leaves `boundary` one bits; that needs
/// `2^boundary ≤ hi·(2^256 - n)`, checked. (`x < n` for the `hi` used here,
/// so it survives a round trip through a scalar.)
fn below_overflow(hi: u64, boundary: u32) -> Scalar {
    // 2^256 - n, least significant 64-bit word first.
    const C: [u64; 3] = [0x402D_A173_2FC9_BEBF, 0x4551_2319_50B7_5FC4, 1];
    let mut product = [0u64; 4];
    let mut carry = 0u128;
    for i in 0..3 {
        let v = C[i] as u128 * hi as u128 + carry;
        product[i] = v as u64;
        carry = v >> 64;
    }
    product[3] = carry as u64;
    // (2^boundary - 1) - product, modulo 2^256.
    let mut target = [0u64; 4];
    for (i, word) in target.iter_mut().enumerate() {
        let bits = boundary.saturating_sub(64 * i as u32).min(64);
        *word = if bits == 64 { !0 } else { (1u64 << bits) - 1 };
    }
    let mut borrow = 0u128;
    let mut bytes = [0u8; 32];
    for i in 0..4 {
        let v = (target[i] as u128).wrapping_sub(product[i] as u128).wrapping_sub(borrow);
        borrow = (v >> 127) & 1;
        bytes[24 - 8 * i..32 - 8 * i].copy_from_slice(&(v as u64).to_be_bytes());
    }
    assert_eq!(borrow, 1, "x + hi·(2^256 - n) reaches 2^256");
    let x = Scalar::from(bytes);
    assert_eq!(x.to_bytes(), bytes, "x < n");
    x
}

/// The reference: Horner's rule on libsecp256k1 scalars.
fn reference(coefficients: &[Scalar], k: KeyId) -> Scalar {
    coefficients.iter().rev().fold(Scalar::from(0), |acc, c| acc * scalar_from_u32(k) + c)
}

const KEY_IDS: [KeyId; 9] = [0, 1, 2, 3, 1000, 4000, 65_537, u32::MAX - 1, u32::MAX];

macro_rules! limb_width_tests {
    ($width:ident, $max_hi:expr) => {
        mod $width {
            use super::*;
            use crate::crypto::small_horner::$width::{fold, from_scalar, horner, to_scalar, Limbs};

            fn limbs_of(coefficients: &[Scalar]) -> Vec<Limbs> {
                coefficients.iter().rev().map(from_scalar).collect()
            }

            #[test]
            fn round_trip_and_reduce_edges() {
                for s in [Scalar::from(0), Scalar::from(1), minus(1), minus(2), Scalar::from(0xDEAD_BEEF)] {
                    assert_eq!(to_scalar(&from_scalar(&s)), s);
                }
                // n, n+1 and 2^256-1 are not reduced in limb form; to_scalar reduces them.
                let mut n_limbs = from_scalar(&minus(1));
                n_limbs[0] += 1;
                assert_eq!(to_scalar(&n_limbs), Scalar::from(0));
                n_limbs[0] += 1;
                assert_eq!(to_scalar(&n_limbs), Scalar::from(1));
                assert_eq!(to_scalar(&all_ones()), two_256() - Scalar::from(1));
            }

            fn all_ones() -> Limbs {
                let mut x = Limbs::default();
                x.iter_mut().for_each(|limb| *limb = !0);
                x
            }

            #[test]
            fn fold_handles_the_second_carry() {
                // x = 2^256 - 1 and the largest top limb: the first pass overflows 2^256.
                for hi in [0, 1, $max_hi] {
                    let mut x = all_ones();
                    fold(&mut x, hi);
                    let expected = (two_256() - Scalar::from(1)) + scalar_u64(hi) * two_256();
                    assert_eq!(to_scalar(&x), expected, "hi = {hi}");
                }
            }

            #[test]
            fn fold_carries_through_the_second_pass() {
                // x chosen so that after adding hi·(2^256 - n) the low bits
                // are all ones up to a limb boundary: adding the carry's
                // 2^256 - n then carries across limbs. (What is left is
                // below hi·(2^256 - n) < 2^162, so 2^160 is the last
                // boundary a carry can cross.)
                let hi = $max_hi;
                for boundary in [128, 160] {
                    let x = below_overflow(hi, boundary);
                    let mut limbs = from_scalar(&x);
                    fold(&mut limbs, hi);
                    assert_eq!(to_scalar(&limbs), x + scalar_u64(hi) * two_256(), "boundary 2^{boundary}");
                }
            }

            #[test]
            fn horner_lanes_match_scalar_horner() {
                let mut rng = ChaCha20Rng::seed_from_u64(7);
                for t in [1, 2, 3, 17, 64] {
                    let mut coefficients: Vec<Scalar> = (0..t).map(|_| Scalar::random(&mut rng)).collect();
                    for round in 0..2 {
                        if round == 1 {
                            // Every coefficient n-1: the largest carries.
                            coefficients.iter_mut().for_each(|c| *c = minus(1));
                        }
                        let limbs = limbs_of(&coefficients);
                        for pair in KEY_IDS.windows(3) {
                            let [a] = horner(&limbs, [pair[0]]);
                            let [b, c] = horner(&limbs, [pair[1], pair[2]]);
                            let triple = horner(&limbs, [pair[0], pair[1], pair[2]]);
                            let got = [to_scalar(&a), to_scalar(&b), to_scalar(&c)];
                            for (i, &k) in pair.iter().enumerate() {
                                assert_eq!(got[i], reference(&coefficients, k), "t = {t}, k = {k}");
                                assert_eq!(to_scalar(&triple[i]), got[i]);
                            }
                        }
                    }
                }
            }
        }
    };
}

limb_width_tests!(narrow, u32::MAX as u64);
#[cfg(target_pointer_width = "64")]
limb_width_tests!(wide, 1u64 << 32);

#[test]
fn evaluator_matches_polynomial_at_every_count() {
    let mut rng = ChaCha20Rng::seed_from_u64(9);
    let f = Polynomial::random(33, &mut rng);
    let fast = f.evaluator();
    for count in 0..KEY_IDS.len() {
        let keys = &KEY_IDS[..count];
        let many = fast.evaluate_many(keys);
        assert_eq!(many.len(), count);
        for (&k, got) in keys.iter().zip(&many) {
            let expected = f.evaluate(&scalar_from_u32(k));
            assert_eq!(got.expose(), &expected, "k = {k}");
            assert_eq!(fast.evaluate(k).expose(), &expected, "k = {k}");
        }
    }
}

#[test]
fn power_sums_match_scalar_arithmetic() {
    let mut rng = ChaCha20Rng::seed_from_u64(8);
    let keys = [1, 2, 7, 4000, u32::MAX];
    let weights: Vec<Scalar> =
        vec![Scalar::random(&mut rng), minus(1), Scalar::random(&mut rng), Scalar::from(3), Scalar::random(&mut rng)];
    let t = 9;
    let mut expected = vec![Scalar::from(0); t];
    for (&k, w) in keys.iter().zip(&weights) {
        let mut term = *w;
        for e in expected.iter_mut() {
            *e += term;
            term *= scalar_from_u32(k);
        }
    }
    assert_eq!(weighted_power_sums(&keys, &weights, t), expected);
    assert_eq!(weighted_power_sums(&[], &[], 3), vec![Scalar::from(0); 3]);
}
