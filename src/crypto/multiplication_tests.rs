//! The constant-time multiplications (`vendor/p256k1/wsts_ct.c`) against
//! libsecp256k1's variable-time `ecmult`, including every exceptional case
//! of the batched comb's affine additions.
//!
//! The comb writes `x = Σ_i d_i·2^(6i)` with odd digits `|d_i| ≤ 63` in 43
//! windows. A partial sum `S_i` stays below `2^(6i)` in absolute value, so
//! it can meet `±d_i·2^(6i)` (or be 0) modulo n only at the last window,
//! `i = 42`, where `64·2^252 > n`; and it is never 0, being odd. The
//! scalars that get there are `d·2^252·c` for an odd `|d| ≤ 63` and `c` in
//! {0, 2, 1-λ, 1-λ²} (the sum is infinity, a doubling, or `y1 = -y2` with
//! `x1 = β^±1·x2`, λ being the cube root of unity that maps to β): the
//! tests find the ones whose last digit is that `d` and check them.

use super::*;
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

fn minus(k: u32) -> Scalar {
    Scalar::from(0) - Scalar::from(k)
}

fn edge_and_random_scalars() -> Vec<Scalar> {
    let mut rng = ChaCha20Rng::seed_from_u64(11);
    let mut scalars: Vec<Scalar> = (0..50).map(|_| Scalar::random(&mut rng)).collect();
    // 0, 1, n-1, n-2, and values whose comb digits sit at the ends of a
    // window (63 = one full 6-bit window, 64 = the next window).
    scalars.extend([0, 1, 2, 63, 64, 255, 256].map(Scalar::from));
    scalars.extend([minus(1), minus(2), minus(63)]);
    scalars
}

#[test]
fn constant_time_multiplications_match_libsecp256k1() {
    let p = Point::from(Scalar::from(0x1234_5678u32));
    for x in &edge_and_random_scalars() {
        // Point::from is libsecp256k1's (variable-time) ecmult.
        assert_eq!(base_mul(x), Point::from(x), "{x}");
        assert_eq!(mul_secret(&p, x), &p * x, "{x}");
    }
    assert!(is_identity(&mul_secret(&Point::identity(), &Scalar::from(5))));
}

fn power_of_two(k: usize) -> Scalar {
    (0..k).fold(Scalar::from(1), |acc, _| acc + acc)
}

/// The comb's last digit of `x`: window 42 of `B = (x + 2^258 - 1)/2 mod n`.
fn last_digit(x: &Scalar) -> i64 {
    let half = Scalar::from(2).invert();
    let b = *x * half + (power_of_two(258) - Scalar::from(1)) * half;
    // Bits 252..257 of B; B < n < 2^256, so bits 256 and 257 are 0.
    let window = (b.to_bytes()[0] >> 4) as i64;
    2 * window - 63
}

/// The scalars whose last comb addition is exceptional, by kind.
fn exceptional_scalars() -> Vec<(&'static str, Scalar)> {
    let lambda_bytes: [u8; 32] =
        hex::decode("5363ad4cc05c30e0a5261c028812645a122e22ea20816678df02967c1b23bd72").unwrap().try_into().unwrap();
    let lambda = Scalar::from(lambda_bytes);
    let one = Scalar::from(1);
    let kinds = [
        ("sum is infinity (x = 0)", Scalar::from(0)),
        ("doubling", Scalar::from(2)),
        ("y1 = -y2, x1 = βx2", one - lambda),
        ("y1 = -y2, x1 = β²x2", one - lambda * lambda),
    ];
    let mut found = vec![];
    for (kind, c) in kinds {
        for d in (-63i64..=63).step_by(2) {
            let d_scalar = if d < 0 { minus(-d as u32) } else { Scalar::from(d as u32) };
            let x = d_scalar * power_of_two(252) * c;
            if last_digit(&x) == d {
                found.push((kind, x));
            }
        }
    }
    found
}

#[test]
fn batched_comb_handles_every_exceptional_addition() {
    let cases = exceptional_scalars();
    // (Of the two y1 = -y2 families, only the β² one has a member here.)
    for kind in ["sum is infinity (x = 0)", "doubling", "y1 = -y2"] {
        assert!(cases.iter().any(|(k, _)| k.starts_with(kind)), "no scalar found for: {kind}");
    }
    let mut scalars: Vec<Scalar> = cases.iter().map(|(_, x)| *x).collect();
    scalars.extend(edge_and_random_scalars());
    // Lanes meet each other's values too: duplicates and negations.
    scalars.extend([scalars[0], scalars[1], -scalars[1], -scalars[2]]);
    assert!(scalars.len() >= BATCH_FROM, "runs the lockstep comb");
    let batch = base_mul_batch(scalars.iter());
    let kinds = cases.iter().map(|(kind, _)| *kind).chain(std::iter::repeat("edge or random"));
    for ((x, got), kind) in scalars.iter().zip(&batch).zip(kinds) {
        assert_eq!(*got, Point::from(x), "{kind}: {x}");
        assert_eq!(base_mul(x), Point::from(x), "single comb, {kind}: {x}");
    }
}

#[test]
fn batched_comb_is_affine_at_every_size() {
    let mut rng = ChaCha20Rng::seed_from_u64(12);
    let one = p256k1::field::Element::from(1).fe;
    // Below and at the lockstep threshold, and across the C side's chunks of 512.
    for n in [0, 1, BATCH_FROM - 1, BATCH_FROM, 1025] {
        let mut scalars: Vec<Scalar> = (0..n).map(|_| Scalar::random(&mut rng)).collect();
        if n > 3 {
            scalars[3] = Scalar::from(0);
        }
        let batch = base_mul_batch(scalars.iter());
        assert_eq!(batch.len(), n);
        for (x, p) in scalars.iter().zip(&batch) {
            assert_eq!(*p, Point::from(x), "n = {n}");
            assert!(is_identity(p) || p.gej.z.n == one.n, "affine, n = {n}");
            assert_eq!(encoding::point_to_bytes(p), encoding::point_to_bytes(&Point::from(x)));
        }
    }
}
