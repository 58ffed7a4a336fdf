//! Smoke test for the toolchain: libsecp256k1 (C, via p256k1) and OS
//! randomness work natively and inside a browser (wasm32-unknown-unknown).
//!
//! Native: `cargo test --test wasm_smoke`
//! Browser: `wasm-pack test --headless --chrome --release -- --test wasm_smoke`
//!
//! Known-answer values catch silent memory-layout mismatches between the Rust
//! bindings and the C build (e.g. a 32-bit field/scalar representation).

// Link the crate under test: on wasm32 it provides malloc/free/abort for the
// C library (src/wasm/libc_shim.rs).
extern crate wsts_web;

use p256k1::point::{Compressed, Point, G};
use p256k1::scalar::Scalar;
use rand_core::{OsRng, RngCore};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const G_HEX: &str = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
const G2_HEX: &str = "02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5";
const G3_HEX: &str = "02f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9";

fn hex_of(p: &Point) -> String {
    hex::encode(p.compress().as_bytes())
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[allow(clippy::eq_op)] // G − G must be the identity
fn point_known_answers() {
    let one = Scalar::from(1);
    let two = Scalar::from(2);
    let three = Scalar::from(3);

    assert_eq!(hex_of(&G), G_HEX);
    assert_eq!(hex_of(&Point::from(&one)), G_HEX);
    assert_eq!(hex_of(&Point::from(&two)), G2_HEX);
    assert_eq!(hex_of(&Point::from(&three)), G3_HEX);

    let g2_add = G + G;
    let g2_mul = two * G;
    assert_eq!(g2_add, g2_mul);
    assert_eq!(hex_of(&g2_add), G2_HEX);
    assert_eq!(hex_of(&(g2_add + G)), G3_HEX);
    assert_eq!(g2_add - G, G);
    assert_eq!(G - G, Point::identity());
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn compress_roundtrip_and_scalar_algebra() {
    let mut rng = OsRng;
    for _ in 0..8 {
        let a = Scalar::random(&mut rng);
        let b = Scalar::random(&mut rng);
        let pa = Point::from(&a);

        let c = pa.compress();
        let back = Point::try_from(&c).expect("decompress");
        assert_eq!(back, pa);
        let c2 = Compressed::try_from(c.as_bytes()).expect("compressed from bytes");
        assert_eq!(Point::try_from(&c2).expect("decompress"), pa);

        // (a*b)G == a(bG), (a+b)G == aG + bG, a * a^-1 == 1
        assert_eq!(Point::from(&(a * b)), a * Point::from(&b));
        assert_eq!(Point::from(&(a + b)), pa + Point::from(&b));
        assert_eq!(a * a.invert(), Scalar::from(1));

        let bytes = a.to_bytes();
        assert_eq!(Scalar::from(bytes), a);
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn multimult_matches_naive_sum() {
    let mut rng = OsRng;
    // Sizes below and above the Strauss/Pippenger switch; the C side
    // allocates a scratch space with malloc for this.
    for n in [1usize, 2, 5, 17, 40] {
        let scalars: Vec<Scalar> = (0..n).map(|_| Scalar::random(&mut rng)).collect();
        let points: Vec<Point> = (0..n).map(|_| Point::from(&Scalar::random(&mut rng))).collect();
        let naive = scalars.iter().zip(points.iter()).fold(Point::identity(), |acc, (s, p)| acc + s * p);
        let fast = Point::multimult(scalars, points).expect("multimult");
        assert_eq!(fast, naive, "n = {n}");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn os_rng_produces_bytes() {
    let mut a = [0u8; 64];
    let mut b = [0u8; 64];
    OsRng.fill_bytes(&mut a);
    OsRng.fill_bytes(&mut b);
    assert_ne!(a, [0u8; 64]);
    assert_ne!(a, b);
    let x = OsRng.next_u64();
    let y = OsRng.next_u64();
    assert_ne!(x, y);
}

/// The C allocator entry points (on wasm32: src/wasm/libc_shim.rs).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn c_allocator_works() {
    use core::ffi::c_void;
    extern "C" {
        fn malloc(size: usize) -> *mut c_void;
        fn calloc(nmemb: usize, size: usize) -> *mut c_void;
        fn realloc(p: *mut c_void, size: usize) -> *mut c_void;
        fn free(p: *mut c_void);
    }
    unsafe {
        free(core::ptr::null_mut());

        let p = malloc(100).cast::<u8>();
        assert!(!p.is_null());
        assert_eq!(p as usize % 16, 0, "malloc must be 16-byte aligned");
        for i in 0..100 {
            *p.add(i) = i as u8;
        }
        let q = realloc(p.cast(), 100_000).cast::<u8>();
        assert!(!q.is_null());
        assert_eq!(q as usize % 16, 0);
        for i in 0..100 {
            assert_eq!(*q.add(i), i as u8);
        }
        let r = realloc(q.cast(), 10).cast::<u8>();
        assert!(!r.is_null());
        for i in 0..10 {
            assert_eq!(*r.add(i), i as u8);
        }
        free(r.cast());

        let z = calloc(1000, 8).cast::<u8>();
        assert!(!z.is_null());
        assert!((0..8000).all(|i| *z.add(i) == 0));
        free(z.cast());

        // black_box: LLVM may otherwise elide the unused allocation and
        // assume it succeeded.
        let big = core::hint::black_box(calloc(usize::MAX / 2, 4));
        assert!(big.is_null(), "calloc overflow must fail");
    }
}
