//! wsts-web patch: scalar multiplications whose running time does not depend
//! on the scalar (C in `wsts_ct.c`, see PATCHES.md).
//!
//! The rest of this crate multiplies with libsecp256k1's `ecmult`, which
//! branches on the scalar's wNAF digits: fine for public scalars, not for
//! secrets. Tested against `ecmult` by wsts-web (`tests/limb_layout.rs`, on
//! both limb layouts).

use std::sync::OnceLock;

use crate::{
    bindings::{secp256k1_gej, secp256k1_scalar},
    point::Point,
    scalar::Scalar,
};

/// The signed-digit comb's opaque C struct (`wsts_p256k1_comb`).
#[repr(C)]
struct CombTable {
    _private: [u8; 0],
}

extern "C" {
    fn wsts_p256k1_ecmult_const(r: *mut secp256k1_gej, a: *const secp256k1_gej, x: *const secp256k1_scalar);
    fn wsts_p256k1_comb_size() -> usize;
    fn wsts_p256k1_comb_build(comb: *mut CombTable) -> i32;
    fn wsts_p256k1_comb_mul(comb: *const CombTable, r: *mut secp256k1_gej, x: *const secp256k1_scalar);
    fn wsts_p256k1_comb_mul_batch(
        comb: *const CombTable,
        out: *mut secp256k1_gej,
        x: *const secp256k1_scalar,
        n: usize,
    ) -> i32;
}

/// The comb's table, built on first use (a few milliseconds) and kept for the
/// life of the process. Held as `u64` words for the C struct's alignment.
struct Comb(Vec<u64>);

fn comb() -> &'static Comb {
    static COMB: OnceLock<Comb> = OnceLock::new();
    COMB.get_or_init(|| {
        let size = unsafe { wsts_p256k1_comb_size() };
        let mut words = vec![0u64; size.div_ceil(8)];
        let built = unsafe { wsts_p256k1_comb_build(words.as_mut_ptr() as *mut CombTable) };
        assert_eq!(built, 1, "out of memory building the comb table");
        Comb(words)
    })
}

/// `x·G` in constant time on a signed-digit comb: 43 windows of 6 bits, one
/// constant-time point addition each and no doublings, reading every entry
/// of a window's table under a mask.
pub fn mul_generator(x: &Scalar) -> Point {
    let mut r = Point::new();
    unsafe { wsts_p256k1_comb_mul(comb().0.as_ptr() as *const CombTable, &mut r.gej, &x.scalar) };
    r
}

/// `[x·G for x in xs]` in affine form (z = 1), each in constant time in its
/// scalar: the comb run for the whole batch in lockstep, with affine
/// additions sharing one field inversion per window. Cheaper than
/// [`mul_generator`] plus normalization from a few dozen scalars on; the
/// running time depends only on `xs.len()`.
pub fn mul_generator_batch<'a>(xs: impl IntoIterator<Item = &'a Scalar>) -> Vec<Point> {
    let mut scalars: Vec<secp256k1_scalar> = xs.into_iter().map(|x| x.scalar).collect();
    let mut out = vec![Point::new().gej; scalars.len()];
    let ok = unsafe {
        wsts_p256k1_comb_mul_batch(comb().0.as_ptr() as *const CombTable, out.as_mut_ptr(), scalars.as_ptr(), scalars.len())
    };
    for s in scalars.iter_mut() {
        // The copies are secrets: wipe them (volatile, so it is not elided).
        unsafe { core::ptr::write_volatile(s, Scalar::new().scalar) };
    }
    assert_eq!(ok, 1, "out of memory in the batched comb");
    out.into_iter().map(|gej| Point { gej }).collect()
}

/// `x·P` in constant time in `x` with libsecp256k1's `ecmult_const`. The
/// point is public (bringing it to affine form takes variable time).
pub fn mul_point(p: &Point, x: &Scalar) -> Point {
    let mut r = Point::new();
    unsafe { wsts_p256k1_ecmult_const(&mut r.gej, &p.gej, &x.scalar) };
    r
}
