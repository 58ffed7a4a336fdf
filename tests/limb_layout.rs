//! The Rust view of libsecp256k1's structs must match the C build: 5x52
//! field / 4x64 scalar natively, 10x26 / 8x32 on wasm32 (vendor/p256k1,
//! PATCHES.md). A mismatch would not crash, just compute garbage, so check
//! the Rust-side constants against the C code's own arithmetic, and the
//! patch's constant-time multiplications (`wsts_ct.c`) against `ecmult` on
//! both layouts, including every exceptional case of the batched comb's
//! affine additions.
//!
//! The comb writes `x = Σ_i d_i·2^(6i)` with odd digits `|d_i| ≤ 63` in 43
//! windows. A partial sum `S_i` stays below `2^(6i)` in absolute value, so
//! it can meet `±d_i·2^(6i)` (or be 0) modulo n only at the last window,
//! `i = 42`, where `64·2^252 > n`; and it is never 0, being odd. The
//! scalars that get there are `d·2^252·c` for an odd `|d| ≤ 63` and `c` in
//! {0, 2, 1-λ, 1-λ²} (the sum is infinity, a doubling, or `y1 = -y2` with
//! `x1 = β^±1·x2`, λ being the cube root of unity that maps to β): the
//! tests find the ones whose last digit is that `d` and check them.
//!
//! Native: `cargo test --test limb_layout`; browser: `wasm-pack test`.

mod common;

use p256k1::constant_time;
use p256k1::field::Element;
use p256k1::point::{Compressed, Point, G};
use p256k1::scalar::Scalar;
use wsts_web::crypto::encoding::{point_from_bytes, point_to_bytes};
use wsts_web::crypto::{base_mul, base_mul_batch, is_identity, BATCH_FROM};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const G_COMPRESSED: &str = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
const G_X: &str = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
const G_Y: &str = "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

fn fe(hex_str: &str) -> Element {
    let bytes: [u8; 32] = hex::decode(hex_str).unwrap().try_into().unwrap();
    Element::from(bytes)
}

fn fe_hex(e: &Element) -> String {
    hex::encode(e.normalize().to_bytes())
}

fn minus(k: u32) -> Scalar {
    Scalar::from(0) - Scalar::from(k)
}

fn edge_and_random_scalars(seed: u64) -> Vec<Scalar> {
    let mut rng = common::rng(seed);
    let mut scalars: Vec<Scalar> = (0..50).map(|_| Scalar::random(&mut rng)).collect();
    // 0, 1, n-1, n-2, and values whose comb digits sit at the ends of a
    // window (63 = one full 6-bit window, 64 = the next window).
    scalars.extend([0, 1, 2, 63, 64, 255, 256].map(Scalar::from));
    scalars.extend([minus(1), minus(2), minus(63)]);
    scalars
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

both_targets! {
    fn struct_sizes_match_the_c_layout() {
        use core::mem::{align_of, size_of};
        // gej = 3 field elements (40 bytes each) + int infinity, padded to
        // the limb alignment: 8 (u64 limbs) natively, 4 (u32 limbs) on wasm32.
        let (gej, align) = if cfg!(target_arch = "wasm32") { (124, 4) } else { (128, 8) };
        assert_eq!(size_of::<Point>(), gej);
        assert_eq!(align_of::<Point>(), align);
        assert_eq!(size_of::<Element>(), 40);
        assert_eq!(align_of::<Element>(), align);
        assert_eq!(size_of::<Scalar>(), 32);
        assert_eq!(align_of::<Scalar>(), align);
    }

    fn generator_constant_matches_ecmult_gen() {
        assert_eq!(G, Point::from(Scalar::from(1)));
        assert_eq!(G, Point::G());
        assert_eq!(hex::encode(G.compress().as_bytes()), G_COMPRESSED);
        // The limbs themselves (G is affine: z = 1), read back by the C code.
        assert_eq!(fe_hex(&Element { fe: G.gej.x }), G_X);
        assert_eq!(fe_hex(&Element { fe: G.gej.y }), G_Y);
        assert_eq!(fe_hex(&Element { fe: G.gej.z }), format!("{:064x}", 1));
        assert_eq!(G.gej.infinity, 0);
        // y^2 = x^3 + 7
        let (x, y) = (Element { fe: G.gej.x }, Element { fe: G.gej.y });
        assert_eq!(fe_hex(&(y * y)), fe_hex(&(x * x * x + Element::from(7))));
        // G from its compressed bytes.
        let c = Compressed::try_from(&hex::decode(G_COMPRESSED).unwrap()[..]).unwrap();
        assert_eq!(Point::try_from(&c).unwrap(), G);
    }

    fn field_ops_round_trip() {
        let a = fe(G_X);
        let b = fe("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        assert_eq!(fe_hex(&a), G_X);
        assert_eq!(fe_hex(&(a * a.invert())), format!("{:064x}", 1));
        assert_eq!(fe_hex(&((a + b) - b)), G_X);
        assert_eq!(fe_hex(&(a * b)), fe_hex(&(b * a)));
        assert_eq!(fe_hex(&(a * (b + Element::from(1)))), fe_hex(&(a * b + a)));
        // p - 1 = -1
        let p_minus_1 = fe("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e");
        assert_eq!(fe_hex(&(p_minus_1 + Element::from(1))), format!("{:064x}", 0));
        assert_eq!(fe_hex(&-Element::from(1)), fe_hex(&p_minus_1));
    }

    fn scalar_and_point_ops_round_trip() {
        let k = Scalar::from(0x1234_5678u32);
        let n_minus_1: [u8; 32] = hex::decode(
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140",
        )
        .unwrap()
        .try_into()
        .unwrap();
        let m = Scalar::from(n_minus_1);
        assert_eq!(m.to_bytes(), n_minus_1);
        assert_eq!(m + Scalar::from(1), Scalar::from(0));
        assert_eq!(k * k.invert(), Scalar::from(1));
        // (n-1)G = -G, and kG built three ways.
        assert_eq!(Point::from(m), -G);
        assert_eq!(Point::from(m) + G, Point::identity());
        let kg = Point::from(k);
        assert_eq!(k * G, kg);
        assert_eq!(Point::from(Scalar::from(0x1234_5677u32)) + G, kg);
        let sum = Point::multimult(vec![k, Scalar::from(5)], vec![G, G]).unwrap();
        assert_eq!(sum, Point::from(Scalar::from(0x1234_567du32)));
        // Compressed round trip, and wsts-web's affine fast path in
        // point_to_bytes (z = 1 after decoding) agreeing with compress().
        let bytes = point_to_bytes(&kg);
        assert_eq!(&bytes[..], kg.compress().as_bytes());
        let decoded = point_from_bytes(&bytes).unwrap();
        assert_eq!(decoded, kg);
        assert_eq!(point_to_bytes(&decoded), bytes);
        assert_eq!(point_to_bytes(&(decoded + G)), point_to_bytes(&Point::from(Scalar::from(0x1234_5679u32))));
    }

    fn constant_time_multiplications_match_ecmult() {
        let n_minus = |k: u32| Scalar::from(0) - Scalar::from(k);
        let mut scalars: Vec<Scalar> = [0u32, 1, 2, 31, 32, 63, 64, 0xdead_beef].map(Scalar::from).to_vec();
        scalars.extend([n_minus(1), n_minus(2), n_minus(64)]);
        let mut x = Scalar::from(0x1234_5678u32);
        for _ in 0..20 {
            x = x * x + Scalar::from(7);
            scalars.push(x);
        }
        let p = Point::from(Scalar::from(0x0bad_cafeu32));
        for x in &scalars {
            assert_eq!(constant_time::mul_generator(x), Point::from(x), "x·G, x = {x}");
            assert_eq!(constant_time::mul_point(&p, x), &p * x, "x·P, x = {x}");
            assert_eq!(constant_time::mul_point(&G, x), Point::from(x), "x·G through ecmult_const, x = {x}");
        }
        assert_eq!(constant_time::mul_point(&Point::identity(), &Scalar::from(3)), Point::identity());
    }

    fn batched_comb_handles_every_exceptional_addition() {
        let cases = exceptional_scalars();
        // (Of the two y1 = -y2 families, only the β² one has a member here.)
        for kind in ["sum is infinity (x = 0)", "doubling", "y1 = -y2"] {
            assert!(cases.iter().any(|(k, _)| k.starts_with(kind)), "no scalar found for: {kind}");
        }
        let mut scalars: Vec<Scalar> = cases.iter().map(|(_, x)| *x).collect();
        scalars.extend(edge_and_random_scalars(11));
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

    fn batched_comb_is_affine_at_every_size() {
        let mut rng = common::rng(12);
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
                assert_eq!(point_to_bytes(p), point_to_bytes(&Point::from(x)));
            }
        }
    }
}
