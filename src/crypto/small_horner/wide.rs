//! Integers mod n in four 64-bit limbs, multiplied by 32-bit integers: on
//! 64-bit processors a 64×64→128-bit product is one instruction, so a Horner
//! step takes four products instead of eight.

use zeroize::Zeroize;

use crate::crypto::{KeyId, Scalar};

/// Least significant limb first; a value below 2^256, not always below n.
pub type Limbs = [u64; 4];

/// `2^256 - n = C0 + C1·2^64 + 2^128`.
const C0: u64 = 0x402D_A173_2FC9_BEBF;
const C1: u64 = 0x4551_2319_50B7_5FC4;

scalar_conversions!(u64, 4);

/// `x + hi·2^256 mod n`, for `hi ≤ 2^32`, as a value below 2^256.
#[inline(always)]
pub fn fold(x: &mut Limbs, hi: u64) {
    // x + hi·(2^256 - n) < 2^256 + 2^162: at most one carry out (`top`), and
    // adding top·(2^256 - n) to what is left (below 2^162) cannot carry.
    let v = x[0] as u128 + hi as u128 * C0 as u128;
    x[0] = v as u64;
    let v = x[1] as u128 + hi as u128 * C1 as u128 + (v >> 64);
    x[1] = v as u64;
    let v = x[2] as u128 + hi as u128 + (v >> 64);
    x[2] = v as u64;
    let v = x[3] as u128 + (v >> 64);
    x[3] = v as u64;
    let mask = 0u64.wrapping_sub((v >> 64) as u64);
    let v = x[0] as u128 + (C0 & mask) as u128;
    x[0] = v as u64;
    let v = x[1] as u128 + (C1 & mask) as u128 + (v >> 64);
    x[1] = v as u64;
    let v = x[2] as u128 + (1 & mask) as u128 + (v >> 64);
    x[2] = v as u64;
    x[3] = x[3].wrapping_add((v >> 64) as u64);
}

/// One Horner step `acc·k + c`, for `k < 2^32`.
#[inline(always)]
fn step(acc: &mut Limbs, k: u64, c: &Limbs) {
    // acc·k + c < 2^288 + 2^256: the top carry is at most 2^32.
    let mut carry = 0u128;
    for i in 0..4 {
        let v = acc[i] as u128 * k as u128 + c[i] as u128 + carry;
        acc[i] = v as u64;
        carry = v >> 64;
    }
    fold(acc, carry as u64);
}

/// The polynomial with `coefficients` (highest degree first) at each of
/// `L` key ids, the `L` evaluations interleaved step by step so that the
/// processor overlaps their carry chains.
pub fn horner<const L: usize>(coefficients: &[Limbs], key_ids: [KeyId; L]) -> [Limbs; L] {
    let mut acc = [[0u64; 4]; L];
    for c in coefficients {
        for (a, &k) in acc.iter_mut().zip(&key_ids) {
            step(a, k as u64, c);
        }
    }
    acc
}
