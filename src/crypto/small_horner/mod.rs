//! Evaluating secret polynomials at key ids, the dealer's largest cost.
//!
//! A dealer evaluates its degree-(t-1) polynomial at every key id: K·t
//! multiply-adds (11.2 million at 4000 keys and threshold 2800). Key ids are
//! small integers, so each Horner step `acc·k + a_j` multiplies a 256-bit
//! number by a 32-bit one and folds the top limb back with
//! `2^256 ≡ 2^256 - n (mod n)`, instead of a full 256×256-bit modular
//! multiplication:
//!
//! - on 64-bit targets, four 64×64→128-bit products ([`wide`]);
//! - on wasm32, which emulates 128-bit products with calls, eight
//!   32×32→64-bit ones ([`narrow`]).
//!
//! Evaluations at several key ids run interleaved, step by step, so that the
//! processor overlaps their carry chains (a step's carries are sequential).
//!
//! The arithmetic is branch-free and indexes no memory by secret values: the
//! same instructions run whatever the coefficients.

/// `from_scalar` and `to_scalar` between a scalar's big-endian bytes and
/// limbs of `$limb` (least significant first), for each limb width. The
/// invoking module imports `Scalar` and `Zeroize`.
macro_rules! scalar_conversions {
    ($limb:ty, $count:literal) => {
        const LIMB_BYTES: usize = core::mem::size_of::<$limb>();

        pub fn from_scalar(s: &Scalar) -> [$limb; $count] {
            let mut bytes = s.to_bytes();
            let mut out = [0; $count];
            for (limb, chunk) in out.iter_mut().zip(bytes.rchunks_exact(LIMB_BYTES)) {
                let mut word = [0u8; LIMB_BYTES];
                word.copy_from_slice(chunk);
                *limb = <$limb>::from_be_bytes(word);
                word.zeroize();
            }
            bytes.zeroize();
            out
        }

        /// The scalar `x mod n` (libsecp256k1 reduces the bytes, branch-free).
        pub fn to_scalar(x: &[$limb; $count]) -> Scalar {
            let mut bytes = [0u8; 32];
            for (chunk, limb) in bytes.rchunks_exact_mut(LIMB_BYTES).zip(x) {
                chunk.copy_from_slice(&limb.to_be_bytes());
            }
            let s = Scalar::from(bytes);
            bytes.zeroize();
            s
        }
    };
}

mod narrow;
#[cfg(target_pointer_width = "64")]
mod wide;

#[cfg(not(target_pointer_width = "64"))]
use narrow as limbs;
#[cfg(target_pointer_width = "64")]
use wide as limbs;
/// Evaluations interleaved per pass. Measured at t = 2800, ns per step:
/// x86_64 with 64-bit limbs 6.6 (one), 3.3 (two), 4.9 (four); wasm32 in V8
/// with 32-bit limbs 13.8 (one), 10.6 (two), 12.3 (three), 11.6 (four).
const LANES: usize = 2;

use zeroize::{Zeroize, ZeroizeOnDrop};

use super::{secret::SecretScalar, KeyId, Scalar};

/// A polynomial's coefficients in limb form, ready for many evaluations.
/// Zeroized on drop.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct Evaluator {
    /// Highest-degree coefficient first, for Horner's rule.
    coefficients: Vec<limbs::Limbs>,
}

impl Evaluator {
    pub fn new(coefficients: &[SecretScalar]) -> Self {
        Evaluator { coefficients: coefficients.iter().rev().map(|c| limbs::from_scalar(c.expose())).collect() }
    }

    /// `f(key_id)`.
    pub fn evaluate(&self, key_id: KeyId) -> SecretScalar {
        let [mut acc] = limbs::horner(&self.coefficients, [key_id]);
        let out = SecretScalar::new(limbs::to_scalar(&acc));
        acc.zeroize();
        out
    }

    /// `[f(k) for k in key_ids]`, several at a time.
    pub fn evaluate_many(&self, key_ids: &[KeyId]) -> Vec<SecretScalar> {
        let mut out = Vec::with_capacity(key_ids.len());
        let chunks = key_ids.chunks_exact(LANES);
        let rest = chunks.remainder();
        for chunk in chunks {
            let mut acc = limbs::horner::<LANES>(&self.coefficients, chunk.try_into().expect("LANES key ids"));
            out.extend(acc.iter().map(|a| SecretScalar::new(limbs::to_scalar(a))));
            acc.zeroize();
        }
        out.extend(rest.iter().map(|&k| self.evaluate(k)));
        out
    }
}

/// `u_j = Σ_i w_i·k_i^j` for `j` in `0..t`: what checking shares, or a
/// signer's weighted public key, against a summed commitment needs. Each step
/// multiplies by a small key id; the sums defer their carries to the end.
/// For public values only (the weights are not secret).
pub fn weighted_power_sums(key_ids: &[KeyId], weights: &[Scalar], t: usize) -> Vec<Scalar> {
    assert!(key_ids.len() < 1 << 31, "limb sums would overflow");
    let mut sums = vec![[0u64; 8]; t];
    for (&k, w) in key_ids.iter().zip(weights) {
        let mut term = narrow::from_scalar(w);
        for sum in sums.iter_mut() {
            for (s, limb) in sum.iter_mut().zip(term) {
                *s += limb as u64;
            }
            narrow::mul_small(&mut term, k as u64);
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
            narrow::fold(&mut x, carry);
            narrow::to_scalar(&x)
        })
        .collect()
}

#[cfg(test)]
mod tests;
