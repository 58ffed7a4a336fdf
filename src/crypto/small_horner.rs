//! Evaluating secret polynomials at key ids, the dealer's largest cost.
//!
//! A dealer evaluates its degree-(t-1) polynomial at every key id: K·t
//! multiply-adds (11.2 million at 4000 keys and threshold 2800). Key ids are
//! small integers, so each Horner step `acc·k + a_j` multiplies a 256-bit
//! number by a 32-bit one: eight 32×32→64-bit products and a fold of the top
//! limb with `2^256 ≡ 2^256 - n (mod n)`, instead of a full 256×256-bit
//! modular multiplication. 32-bit limbs keep every product in a native 64-bit
//! multiply on wasm32 too, where 128-bit products are emulated.
//!
//! The arithmetic is branch-free: the same steps run whatever the secret values.

use zeroize::{Zeroize, ZeroizeOnDrop};

use super::{secret::SecretScalar, KeyId, Scalar};

type Limbs = [u32; 8];

/// The group order n, least significant limb first.
const N: Limbs =
    [0xD036_4141, 0xBFD2_5E8C, 0xAF48_A03B, 0xBAAE_DCE6, 0xFFFF_FFFE, 0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF];
/// `2^256 - n`, which is below 2^129.
const N_COMPLEMENT: [u32; 5] = [0x2FC9_BEBF, 0x402D_A173, 0x50B7_5FC4, 0x4551_2319, 0x0000_0001];

fn limbs_from_scalar(s: &Scalar) -> Limbs {
    let bytes = s.to_bytes();
    let mut out = [0u32; 8];
    for (i, chunk) in bytes.rchunks_exact(4).enumerate() {
        out[i] = u32::from_be_bytes(chunk.try_into().expect("4 bytes"));
    }
    out
}

fn scalar_from_limbs(x: &Limbs) -> Scalar {
    let mut bytes = [0u8; 32];
    for (i, chunk) in bytes.rchunks_exact_mut(4).enumerate() {
        chunk.copy_from_slice(&x[i].to_be_bytes());
    }
    let s = Scalar::from(bytes);
    bytes.zeroize();
    s
}

/// `x + hi·2^256 mod n`, for `hi < 2^32`, as a value below 2^256 (not always below n).
fn fold(x: &mut Limbs, hi: u64) {
    // x + hi·(2^256 - n) < 2^256 + 2^161: at most one more carry, and adding
    // that carry times (2^256 - n) to what is left (below 2^162) cannot carry.
    let mut carry_in = hi;
    for _ in 0..2 {
        let mut carry = 0u64;
        for (i, limb) in x.iter_mut().enumerate() {
            let c = N_COMPLEMENT.get(i).copied().unwrap_or(0) as u64;
            let v = *limb as u64 + c * carry_in + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        carry_in = carry;
    }
}

/// `x mod n` for `x < 2^256`: subtract n once if that does not borrow.
fn reduce(x: &mut Limbs) {
    let mut diff = [0u32; 8];
    let mut borrow = 0u64;
    for i in 0..8 {
        let v = (x[i] as u64).wrapping_sub(N[i] as u64).wrapping_sub(borrow);
        diff[i] = v as u32;
        borrow = (v >> 63) & 1;
    }
    // borrow = 1 means x < n: keep x.
    let keep_x = 0u32.wrapping_sub(borrow as u32);
    for i in 0..8 {
        x[i] = (x[i] & keep_x) | (diff[i] & !keep_x);
    }
    diff.zeroize();
}

/// A polynomial's coefficients in limb form, ready for many evaluations.
/// Zeroized on drop.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct Evaluator {
    /// Highest-degree coefficient first, for Horner's rule.
    coefficients: Vec<Limbs>,
}

impl Evaluator {
    pub fn new(coefficients: &[SecretScalar]) -> Self {
        Evaluator { coefficients: coefficients.iter().rev().map(|c| limbs_from_scalar(c.expose())).collect() }
    }

    /// `f(key_id)`.
    pub fn evaluate(&self, key_id: KeyId) -> SecretScalar {
        let k = key_id as u64;
        let mut acc: Limbs = [0; 8];
        for c in &self.coefficients {
            // acc·k + c < 2^288, so the top carry is below 2^32 and every
            // intermediate fits in 64 bits.
            let mut carry = 0u64;
            for i in 0..8 {
                let v = acc[i] as u64 * k + c[i] as u64 + carry;
                acc[i] = v as u32;
                carry = v >> 32;
            }
            fold(&mut acc, carry);
        }
        reduce(&mut acc);
        let out = SecretScalar::new(scalar_from_limbs(&acc));
        acc.zeroize();
        out
    }
}

/// `x · k` for a 32-bit `k`, as a value below 2^256 (not always below n).
fn mul_small(x: &mut Limbs, k: u64) {
    let mut carry = 0u64;
    for limb in x.iter_mut() {
        let v = *limb as u64 * k + carry;
        *limb = v as u32;
        carry = v >> 32;
    }
    fold(x, carry);
}

/// `u_j = Σ_i w_i·k_i^j` for `j` in `0..t`: what checking shares, or a
/// signer's weighted public key, against a summed commitment needs. Each step
/// multiplies by a small key id; the sums defer their carries to the end.
/// For public values only (the weights are not secret).
pub fn weighted_power_sums(key_ids: &[KeyId], weights: &[Scalar], t: usize) -> Vec<Scalar> {
    assert!(key_ids.len() < 1 << 31, "limb sums would overflow");
    let mut sums = vec![[0u64; 8]; t];
    for (&k, w) in key_ids.iter().zip(weights) {
        let mut term = limbs_from_scalar(w);
        for sum in sums.iter_mut() {
            for (s, limb) in sum.iter_mut().zip(term) {
                *s += limb as u64;
            }
            mul_small(&mut term, k as u64);
        }
    }
    sums.iter()
        .map(|sum| {
            // Each limb sum is below 2^63, so the carries stay below 2^32.
            let mut x = [0u32; 8];
            let mut carry = 0u64;
            for (out, s) in x.iter_mut().zip(sum) {
                let v = s + carry;
                *out = v as u32;
                carry = v >> 32;
            }
            fold(&mut x, carry);
            reduce(&mut x);
            scalar_from_limbs(&x)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::{polynomial::Polynomial, scalar_from_u32};
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

    fn n_minus(x: u32) -> SecretScalar {
        SecretScalar::new(Scalar::from(0) - Scalar::from(x))
    }

    #[test]
    fn power_sums_match_scalar_arithmetic() {
        let mut rng = ChaCha20Rng::seed_from_u64(8);
        let keys = [1, 2, 7, 4000, u32::MAX];
        let weights: Vec<Scalar> = vec![
            Scalar::random(&mut rng),
            Scalar::from(0) - Scalar::from(1),
            Scalar::random(&mut rng),
            Scalar::from(3),
            Scalar::random(&mut rng),
        ];
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

    #[test]
    fn fold_handles_the_second_carry() {
        // x = 2^256 - 1 and hi = 2^32 - 1: the first pass overflows 2^256.
        let mut x: Limbs = [u32::MAX; 8];
        let hi = u32::MAX as u64;
        fold(&mut x, hi);
        reduce(&mut x);
        let two_256 = Scalar::from(N_COMPLEMENT.iter().rev().fold([0u8; 32], |mut b, limb| {
            b.rotate_left(4);
            b[28..].copy_from_slice(&limb.to_be_bytes());
            b
        }));
        let expected = Scalar::from([0xFF; 32]) + Scalar::from(u32::MAX) * two_256;
        assert_eq!(scalar_from_limbs(&x), expected);
    }

    #[test]
    fn limbs_round_trip() {
        for s in [Scalar::from(0), Scalar::from(1), Scalar::from(0) - Scalar::from(1), Scalar::from(0xDEAD_BEEF)] {
            assert_eq!(scalar_from_limbs(&limbs_from_scalar(&s)), s);
        }
    }

    #[test]
    fn matches_scalar_horner() {
        let mut rng = ChaCha20Rng::seed_from_u64(7);
        for t in [1, 2, 3, 17, 64] {
            let f = Polynomial::random(t, &mut rng);
            let fast = f.evaluator();
            for k in [1, 2, 3, 1000, 4000, 65_537, u32::MAX] {
                assert_eq!(fast.evaluate(k).expose(), &f.evaluate(&scalar_from_u32(k)), "t = {t}, k = {k}");
            }
        }
    }

    #[test]
    fn extreme_coefficients_reduce_fully() {
        // Every coefficient n-1 and the largest key id: the largest carries.
        let coefficients: Vec<SecretScalar> = (0..40).map(|_| n_minus(1)).collect();
        let fast = Evaluator::new(&coefficients);
        for k in [1, 2, u32::MAX - 1, u32::MAX] {
            let x = scalar_from_u32(k);
            let expected = coefficients.iter().rev().fold(Scalar::from(0), |acc, c| acc * x + c.expose());
            assert_eq!(fast.evaluate(k).expose(), &expected, "k = {k}");
        }
    }
}
