//! Multiplying the generator G, a dealer's most frequent operation (t
//! commitments per DKG, nonces, proofs).
//!
//! A comb over 8-bit windows: `table[w][d-1] = d·2^(8w)·G` for every window
//! `w` of the 256-bit scalar and digit `d` in 1..=255, so `x·G` is the sum of
//! at most 32 table points — no doublings. libsecp256k1's general `ecmult`,
//! which `p256k1` otherwise uses for `x·G`, does about 128 doublings plus
//! additions. The table (8,160 points, about 1 MB) is built once per process
//! on first use, in a few milliseconds.
//!
//! Like the rest of `p256k1`'s multiplication by secrets, this is not
//! constant-time: the table index depends on the scalar's bytes.

use std::sync::OnceLock;

use super::{generator, Point, Scalar};

const WINDOWS: usize = 32;
const DIGITS: usize = 255;

fn table() -> &'static [Point] {
    static TABLE: OnceLock<Vec<Point>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Vec::with_capacity(WINDOWS * DIGITS);
        let mut base = generator();
        for _ in 0..WINDOWS {
            let mut multiple = base;
            for _ in 0..DIGITS {
                table.push(multiple);
                multiple += &base;
            }
            // 256·base: the next window's base.
            base = multiple;
        }
        table
    })
}

/// `x·G`.
pub fn mul_generator(x: &Scalar) -> Point {
    let table = table();
    let bytes = x.to_bytes();
    let mut acc = Point::identity();
    for (window, &digit) in bytes.iter().rev().enumerate() {
        if digit != 0 {
            acc += &table[window * DIGITS + digit as usize - 1];
        }
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

    #[test]
    fn matches_libsecp256k1() {
        let mut rng = ChaCha20Rng::seed_from_u64(11);
        let mut scalars: Vec<Scalar> = (0..50).map(|_| Scalar::random(&mut rng)).collect();
        scalars.extend([
            Scalar::from(0),
            Scalar::from(1),
            Scalar::from(255),
            Scalar::from(256),
            Scalar::from(0) - Scalar::from(1),
        ]);
        for x in &scalars {
            assert_eq!(mul_generator(x), Point::from(x), "{x}");
        }
    }
}
