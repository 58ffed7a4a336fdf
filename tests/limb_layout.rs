//! The Rust view of libsecp256k1's structs must match the C build: 5x52
//! field / 4x64 scalar natively, 10x26 / 8x32 on wasm32 (vendor/p256k1,
//! PATCHES.md). A mismatch would not crash, just compute garbage, so check
//! the Rust-side constants against the C code's own arithmetic, and the
//! patch's constant-time multiplications (`wsts_ct.c`) against `ecmult` on
//! both layouts.
//!
//! Native: `cargo test --test limb_layout`; browser: `wasm-pack test`.

mod common;

use p256k1::constant_time;
use p256k1::field::Element;
use p256k1::point::{Compressed, Point, G};
use p256k1::scalar::Scalar;
use wsts_web::crypto::encoding::{point_from_bytes, point_to_bytes};

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
}
