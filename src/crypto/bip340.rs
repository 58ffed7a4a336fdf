//! BIP-340 Schnorr signatures and BIP-341 taproot key tweaking.
//!
//! Threshold signatures produced by [`super::signing`] with the `Schnorr` or
//! `Taproot` type are ordinary BIP-340 signatures: this module's `verify` (and
//! any other BIP-340 verifier) accepts them. `sign` is the single-key
//! algorithm, kept for the BIP-340 test vectors.

use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use super::{
    base_mul,
    encoding::{fixed, less_than, point_from_bytes, scalar_from_bytes, FIELD_PRIME, GROUP_ORDER},
    hash::{tagged_hash, tags, TaggedHash},
    is_identity, Point, Scalar,
};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Bip340Error {
    #[error("the secret key is zero or not below the group order")]
    InvalidSecretKey,
    #[error("not the x coordinate of a curve point")]
    InvalidXOnlyKey,
    #[error("the taproot tweak is not below the group order")]
    InvalidTweak,
}

/// A 64-byte BIP-340 signature: `R.x ‖ s`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchnorrSignature(#[serde(with = "fixed")] pub [u8; 64]);

/// The 32-byte x coordinate of a point.
pub fn x_only(p: &Point) -> [u8; 32] {
    let mut x = [0u8; 32];
    x.copy_from_slice(&p.compress().as_bytes()[1..]);
    x
}

/// The curve point with x coordinate `x` and even y.
pub fn lift_x(x: &[u8; 32]) -> Result<Point, Bip340Error> {
    let mut compressed = [0u8; 33];
    compressed[0] = 0x02;
    compressed[1..].copy_from_slice(x);
    point_from_bytes(&compressed).map_err(|_| Bip340Error::InvalidXOnlyKey)
}

/// `P` if it has even y, else `-P`; and the sign applied (+1 or -1).
pub fn with_even_y(p: &Point) -> (Point, Scalar) {
    if p.has_even_y() {
        (*p, Scalar::from(1))
    } else {
        (-*p, -Scalar::from(1))
    }
}

/// `e = H_challenge(R.x ‖ P.x ‖ m) mod n`.
pub fn challenge(r_x: &[u8; 32], p_x: &[u8; 32], msg: &[u8]) -> Scalar {
    TaggedHash::new(tags::BIP340_CHALLENGE).bytes(r_x).bytes(p_x).bytes(msg).finish_scalar()
}

/// BIP-341's tweak `t = H_TapTweak(P.x ‖ merkle_root)`; an absent merkle
/// root means a key-path-only output, hashed over `P.x` alone.
pub fn taproot_tweak(internal_x: &[u8; 32], merkle_root: Option<&[u8; 32]>) -> Result<Scalar, Bip340Error> {
    let mut data = internal_x.to_vec();
    if let Some(root) = merkle_root {
        data.extend_from_slice(root);
    }
    let t = tagged_hash(tags::TAP_TWEAK, &data);
    scalar_from_bytes(&t).map_err(|_| Bip340Error::InvalidTweak)
}

/// The output key `Q = lift_x(P.x) + t·G` and the tweak `t`.
pub fn tweaked_key(internal: &Point, merkle_root: Option<&[u8; 32]>) -> Result<(Point, Scalar), Bip340Error> {
    let (p, _) = with_even_y(internal);
    let t = taproot_tweak(&x_only(&p), merkle_root)?;
    let q = p + base_mul(&t);
    if is_identity(&q) {
        return Err(Bip340Error::InvalidTweak);
    }
    Ok((q, t))
}

/// Single-key BIP-340 signing, exactly as specified (with `aux_rand`).
pub fn sign(secret_key: &[u8; 32], msg: &[u8], aux_rand: &[u8; 32]) -> Result<SchnorrSignature, Bip340Error> {
    let d0 = scalar_from_bytes(secret_key).map_err(|_| Bip340Error::InvalidSecretKey)?;
    if d0 == Scalar::from(0) {
        return Err(Bip340Error::InvalidSecretKey);
    }
    let p = base_mul(&d0);
    let d = if p.has_even_y() { d0 } else { -d0 };
    let p_x = x_only(&p);
    let mut t = d.to_bytes();
    for (b, a) in t.iter_mut().zip(tagged_hash(tags::BIP340_AUX, aux_rand)) {
        *b ^= a;
    }
    let rand = TaggedHash::new(tags::BIP340_NONCE).bytes(&t).bytes(&p_x).bytes(msg).finish();
    t.zeroize();
    let k0 = Scalar::from(rand);
    if k0 == Scalar::from(0) {
        // Probability 2^-256; the specification says to fail.
        return Err(Bip340Error::InvalidSecretKey);
    }
    let r = base_mul(&k0);
    let k = if r.has_even_y() { k0 } else { -k0 };
    let r_x = x_only(&r);
    let e = challenge(&r_x, &p_x, msg);
    let s = k + e * d;
    let mut sig = [0u8; 64];
    sig[..32].copy_from_slice(&r_x);
    sig[32..].copy_from_slice(&s.to_bytes());
    Ok(SchnorrSignature(sig))
}

/// BIP-340 verification.
pub fn verify(public_key_x: &[u8; 32], msg: &[u8], sig: &SchnorrSignature) -> bool {
    let Ok(p) = lift_x(public_key_x) else { return false };
    verify_lifted(&p, public_key_x, msg, sig)
}

/// [`verify`] under a key held as a point (either parity), sparing the
/// square root that lifting its x coordinate would cost.
pub fn verify_point(public_key: &Point, msg: &[u8], sig: &SchnorrSignature) -> bool {
    if is_identity(public_key) {
        return false;
    }
    let (p, _) = with_even_y(public_key);
    verify_lifted(&p, &x_only(&p), msg, sig)
}

fn split(sig: &SchnorrSignature) -> Option<([u8; 32], Scalar)> {
    let (r_bytes, s_bytes) = sig.0.split_at(32);
    if !less_than(r_bytes, &FIELD_PRIME) || !less_than(s_bytes, &GROUP_ORDER) {
        return None;
    }
    Some((r_bytes.try_into().expect("split at 32"), scalar_from_bytes(s_bytes).ok()?))
}

fn verify_lifted(p: &Point, p_x: &[u8; 32], msg: &[u8], sig: &SchnorrSignature) -> bool {
    let Some((r_x, s)) = split(sig) else { return false };
    let e = challenge(&r_x, p_x, msg);
    // s·G − e·P in one double-scalar multiplication.
    let r = p.mul_add_generator(&-e, &s);
    !is_identity(&r) && r.has_even_y() && x_only(&r) == r_x
}

/// BIP-340 batch verification: true only if every `(public key, message,
/// signature)` verifies, except with negligible probability. One
/// multi-scalar multiplication, `(Σ a_i·s_i)·G = Σ a_i·R_i + Σ a_i·e_i·P_i`
/// with random `a_i` (`a_1 = 1`), instead of one double multiplication each.
pub fn verify_batch<R: rand_core::RngCore + rand_core::CryptoRng>(
    items: &[(&Point, &[u8], &SchnorrSignature)],
    rng: &mut R,
) -> bool {
    let mut scalars = Vec::with_capacity(2 * items.len() + 1);
    let mut points = Vec::with_capacity(2 * items.len() + 1);
    let mut s_sum = Scalar::from(0);
    for (i, (key, msg, sig)) in items.iter().enumerate() {
        if is_identity(key) {
            return false;
        }
        let Some((r_x, s)) = split(sig) else { return false };
        let Ok(r) = lift_x(&r_x) else { return false };
        let (p, _) = with_even_y(key);
        let e = challenge(&r_x, &x_only(&p), msg);
        let a = if i == 0 { Scalar::from(1) } else { Scalar::random(rng) };
        s_sum += a * s;
        scalars.push(-a);
        points.push(r);
        scalars.push(-(a * e));
        points.push(p);
    }
    scalars.push(s_sum);
    points.push(super::generator());
    is_identity(&super::msm(&scalars, &points))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_verification_accepts_valid_and_rejects_any_bad_signature() {
        use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
        let mut rng = ChaCha20Rng::seed_from_u64(5);
        let keys: Vec<[u8; 32]> = (1..=5u8).map(|i| [i; 32]).collect();
        let points: Vec<Point> = keys.iter().map(|k| base_mul(&Scalar::from(*k))).collect();
        let msgs: Vec<Vec<u8>> = (0..5u8).map(|i| vec![i; 10]).collect();
        let sigs: Vec<SchnorrSignature> = keys.iter().zip(&msgs).map(|(k, m)| sign(k, m, &[1; 32]).unwrap()).collect();
        let ok: Vec<_> = (0..5).map(|i| (&points[i], msgs[i].as_slice(), &sigs[i])).collect();
        assert!(verify_batch(&ok, &mut rng));
        assert!(verify_batch(&[], &mut rng));
        for bad in 0..5 {
            let mut tampered = sigs.clone();
            tampered[bad].0[63] ^= 1;
            let list: Vec<_> = (0..5).map(|i| (&points[i], msgs[i].as_slice(), &tampered[i])).collect();
            assert!(!verify_batch(&list, &mut rng), "signature {bad} tampered");
        }
        // Two bad signatures whose errors cancel in an unweighted sum: only
        // the random weights catch them.
        let mut cancelling = sigs.clone();
        for (i, delta) in [(1, Scalar::from(1)), (2, Scalar::from(0) - Scalar::from(1))] {
            let s = scalar_from_bytes(&cancelling[i].0[32..]).unwrap() + delta;
            cancelling[i].0[32..].copy_from_slice(&s.to_bytes());
        }
        let list: Vec<_> = (0..5).map(|i| (&points[i], msgs[i].as_slice(), &cancelling[i])).collect();
        assert!(!verify_batch(&list, &mut rng), "cancelling errors");
        // A signature under another key.
        let swapped: Vec<_> = (0..5).map(|i| (&points[(i + 1) % 5], msgs[i].as_slice(), &sigs[i])).collect();
        assert!(!verify_batch(&swapped, &mut rng));
    }

    #[test]
    fn sign_then_verify_and_reject_changes() {
        let sk = [7u8; 32];
        let sig = sign(&sk, b"hello", &[0u8; 32]).unwrap();
        let pk = x_only(&base_mul(&Scalar::from(sk)));
        assert!(verify(&pk, b"hello", &sig));
        assert!(!verify(&pk, b"hellO", &sig));
        let point = base_mul(&Scalar::from(sk));
        assert!(verify_point(&point, b"hello", &sig));
        assert!(verify_point(&-point, b"hello", &sig), "the x-only key is the same for either parity");
        assert!(!verify_point(&point, b"hellO", &sig));
        let mut bad = sig;
        bad.0[63] ^= 1;
        assert!(!verify(&pk, b"hello", &bad));
    }

    #[test]
    fn tweak_matches_definition() {
        let p = base_mul(&Scalar::from(5));
        let (q, t) = tweaked_key(&p, None).unwrap();
        let (even, _) = with_even_y(&p);
        assert_eq!(q, even + base_mul(&t));
        let (q2, _) = tweaked_key(&p, Some(&[1u8; 32])).unwrap();
        assert_ne!(q, q2);
    }
}
