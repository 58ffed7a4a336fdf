//! Integers mod n in eight 32-bit limbs, multiplied by 32-bit integers: what
//! wasm32 multiplies natively (32×32→64). Used for evaluating polynomials on
//! 32-bit targets and for the public power sums everywhere.

use zeroize::Zeroize;

use crate::crypto::Scalar;

/// Least significant limb first; a value below 2^256, not always below n.
pub type Limbs = [u32; 8];

/// `2^256 - n`, which is below 2^129.
const N_COMPLEMENT: [u32; 5] = [0x2FC9_BEBF, 0x402D_A173, 0x50B7_5FC4, 0x4551_2319, 0x0000_0001];

scalar_conversions!(u32, 8);

/// `x + hi·2^256 mod n`, for `hi < 2^32`, as a value below 2^256.
#[inline(always)]
pub fn fold(x: &mut Limbs, hi: u64) {
    // x + hi·(2^256 - n) < 2^256 + 2^161: at most one carry out.
    let mut carry = 0u64;
    for (i, limb) in x.iter_mut().enumerate() {
        let c = N_COMPLEMENT.get(i).copied().unwrap_or(0) as u64;
        let v = *limb as u64 + c * hi + carry;
        *limb = v as u32;
        carry = v >> 32;
    }
    // If it carried out, what is left is below hi·(2^256 - n) < 2^161, so
    // adding the carry times (2^256 - n) < 2^129 stays in the low six limbs.
    let mask = 0u64.wrapping_sub(carry);
    let mut carry = 0u64;
    for (i, limb) in x.iter_mut().enumerate().take(6) {
        let c = N_COMPLEMENT.get(i).copied().unwrap_or(0) as u64 & mask;
        let v = *limb as u64 + c + carry;
        *limb = v as u32;
        carry = v >> 32;
    }
}

/// `x · k` for a 32-bit `k`.
pub fn mul_small(x: &mut Limbs, k: u64) {
    let mut carry = 0u64;
    for limb in x.iter_mut() {
        let v = *limb as u64 * k + carry;
        *limb = v as u32;
        carry = v >> 32;
    }
    fold(x, carry);
}

/// One Horner step `acc·k + c`.
#[cfg(any(test, not(target_pointer_width = "64")))]
#[inline(always)]
fn step(acc: &mut Limbs, k: u64, c: &Limbs) {
    // acc·k + c < 2^288, so the top carry is below 2^32 and every
    // intermediate fits in 64 bits.
    let mut carry = 0u64;
    for i in 0..8 {
        let v = acc[i] as u64 * k + c[i] as u64 + carry;
        acc[i] = v as u32;
        carry = v >> 32;
    }
    fold(acc, carry);
}

/// The polynomial with `coefficients` (highest degree first) at each of
/// `L` key ids, the `L` evaluations interleaved step by step so that the
/// processor overlaps their carry chains. (64-bit targets use [`super::wide`];
/// this one is tested everywhere.)
#[cfg(any(test, not(target_pointer_width = "64")))]
pub fn horner<const L: usize>(coefficients: &[Limbs], key_ids: [crate::crypto::KeyId; L]) -> [Limbs; L] {
    let mut acc = [[0u32; 8]; L];
    for c in coefficients {
        for (a, &k) in acc.iter_mut().zip(&key_ids) {
            step(a, k as u64, c);
        }
    }
    acc
}
