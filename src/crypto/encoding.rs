//! Canonical encodings of points and scalars, and the compact binary codec.
//!
//! A point is 33 bytes (SEC1 compressed), a scalar 32 bytes big-endian.
//! Decoding is strict: a point must be on the curve with x < p and a prefix of
//! 0x02 or 0x03; a scalar must be below the group order. The identity point
//! encodes as 33 zero bytes so that it can be written, but it never decodes:
//! no protocol value may be the identity.
//!
//! The binary codec (postcard) is made canonical by re-encoding every decoded
//! value and comparing: one value has exactly one accepted encoding, which is
//! what makes "signed over its whole encoding" and transcript digests sound.

use p256k1::point::Compressed;
use serde::{de::DeserializeOwned, Serialize};

use super::{is_identity, Point, Scalar};

pub const POINT_LEN: usize = 33;
pub const SCALAR_LEN: usize = 32;

/// The order n of the secp256k1 group, big-endian.
pub const GROUP_ORDER: [u8; 32] = p256k1::point::N;
/// The field prime p, big-endian.
pub const FIELD_PRIME: [u8; 32] = p256k1::field::P;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncodingError {
    #[error("expected {expected} bytes, got {got}")]
    WrongLength { expected: usize, got: usize },
    #[error("the identity point is not allowed")]
    IdentityPoint,
    #[error("invalid point encoding")]
    InvalidPoint,
    #[error("scalar is not below the group order")]
    ScalarOutOfRange,
    #[error("malformed data: {0}")]
    Malformed(String),
    #[error("trailing bytes after the encoded value")]
    TrailingBytes,
    #[error("non-canonical encoding")]
    NonCanonical,
    #[error("invalid hex")]
    InvalidHex,
}

pub fn point_to_bytes(p: &Point) -> [u8; POINT_LEN] {
    if is_identity(p) {
        return [0u8; POINT_LEN];
    }
    let mut out = [0u8; POINT_LEN];
    // Points decoded from the wire are affine (z = 1): read x and y's parity
    // directly instead of paying a field inversion, which makes the
    // canonical re-encoding of a received packet cheap.
    if is_one_limbs(&p.gej.z.n) {
        let x = p256k1::field::Element { fe: p.gej.x }.normalize_var();
        let y = p256k1::field::Element { fe: p.gej.y }.normalize_var();
        out[0] = if y.is_odd() { 0x03 } else { 0x02 };
        out[1..].copy_from_slice(&x.to_bytes());
        return out;
    }
    out.copy_from_slice(p.compress().as_bytes());
    out
}

/// z == 1 exactly as `secp256k1_fe_set_int(z, 1)` leaves it, in either limb
/// layout (5x52 natively, 10x26 on wasm32: vendor/p256k1/PATCHES.md).
fn is_one_limbs<T: Copy + PartialEq + From<u8>>(limbs: &[T]) -> bool {
    limbs[0] == T::from(1) && limbs[1..].iter().all(|&l| l == T::from(0))
}

pub fn point_from_bytes(bytes: &[u8]) -> Result<Point, EncodingError> {
    if bytes.len() != POINT_LEN {
        return Err(EncodingError::WrongLength { expected: POINT_LEN, got: bytes.len() });
    }
    match bytes[0] {
        0x02 | 0x03 => {}
        0x00 if bytes.iter().all(|b| *b == 0) => return Err(EncodingError::IdentityPoint),
        _ => return Err(EncodingError::InvalidPoint),
    }
    if !less_than(&bytes[1..], &FIELD_PRIME) {
        return Err(EncodingError::InvalidPoint);
    }
    let mut data = [0u8; POINT_LEN];
    data.copy_from_slice(bytes);
    let point = Point::try_from(&Compressed::from(data)).map_err(|_| EncodingError::InvalidPoint)?;
    if is_identity(&point) {
        return Err(EncodingError::IdentityPoint);
    }
    Ok(point)
}

pub fn scalar_to_bytes(s: &Scalar) -> [u8; SCALAR_LEN] {
    s.to_bytes()
}

pub fn scalar_from_bytes(bytes: &[u8]) -> Result<Scalar, EncodingError> {
    if bytes.len() != SCALAR_LEN {
        return Err(EncodingError::WrongLength { expected: SCALAR_LEN, got: bytes.len() });
    }
    if !less_than(bytes, &GROUP_ORDER) {
        return Err(EncodingError::ScalarOutOfRange);
    }
    let mut data = [0u8; SCALAR_LEN];
    data.copy_from_slice(bytes);
    Ok(Scalar::from(data))
}

/// Big-endian `a < b` for equal-length byte strings, branch-free: `a` may
/// be a secret (a decrypted share).
pub fn less_than(a: &[u8], b: &[u8]) -> bool {
    debug_assert_eq!(a.len(), b.len());
    // The borrow out of a - b, least significant byte first.
    let borrow = a
        .iter()
        .zip(b)
        .rev()
        .fold(0u16, |borrow, (&x, &y)| ((x as u16).wrapping_sub(y as u16).wrapping_sub(borrow) >> 8) & 1);
    borrow == 1
}

/// Encode with the compact binary codec.
pub fn to_bytes<T: Serialize>(value: &T) -> Vec<u8> {
    // Serializing our own types into a Vec cannot fail: there are no maps with
    // non-string keys problems or unsupported types in postcard.
    postcard::to_allocvec(value).expect("postcard serialization into a Vec is infallible")
}

/// Decode with the compact binary codec, rejecting trailing bytes and any
/// encoding other than the one `to_bytes` would produce.
pub fn from_bytes<T: Serialize + DeserializeOwned>(bytes: &[u8]) -> Result<T, EncodingError> {
    let (value, rest): (T, &[u8]) =
        postcard::take_from_bytes(bytes).map_err(|e| EncodingError::Malformed(e.to_string()))?;
    if !rest.is_empty() {
        return Err(EncodingError::TrailingBytes);
    }
    if to_bytes(&value) != bytes {
        return Err(EncodingError::NonCanonical);
    }
    Ok(value)
}

/// Serde adapters: hex strings for human-readable formats (JSON), raw
/// fixed-size bytes for the binary codec. Use with `#[serde(with = "...")]`.
pub mod serde_point {
    use super::*;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(p: &Point, s: S) -> Result<S::Ok, S::Error> {
        fixed::serialize(&point_to_bytes(p), s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Point, D::Error> {
        let bytes: [u8; POINT_LEN] = fixed::deserialize(d)?;
        point_from_bytes(&bytes).map_err(serde::de::Error::custom)
    }
}

pub mod serde_scalar {
    use super::*;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(x: &Scalar, s: S) -> Result<S::Ok, S::Error> {
        fixed::serialize(&scalar_to_bytes(x), s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        let bytes: [u8; SCALAR_LEN] = fixed::deserialize(d)?;
        scalar_from_bytes(&bytes).map_err(serde::de::Error::custom)
    }
}

pub mod serde_points {
    use super::*;
    use serde::{de::SeqAccess, ser::SerializeSeq, Deserializer, Serializer};

    #[derive(Serialize)]
    struct Ser<'a>(#[serde(with = "serde_point")] &'a Point);

    #[derive(serde::Deserialize)]
    struct De(#[serde(with = "serde_point")] Point);

    pub fn serialize<S: Serializer>(points: &[Point], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(points.len()))?;
        for p in points {
            seq.serialize_element(&Ser(p))?;
        }
        seq.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Point>, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Vec<Point>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sequence of points")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Point>, A::Error> {
                // Never trust a length prefix for allocation.
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(De(p)) = seq.next_element()? {
                    out.push(p);
                }
                Ok(out)
            }
        }
        d.deserialize_seq(V)
    }
}

/// Fixed-size byte arrays: a tuple of N bytes in binary formats (no length
/// prefix), a hex string in human-readable ones.
pub mod fixed {
    use serde::{de::SeqAccess, ser::SerializeTuple, Deserializer, Serializer};

    pub fn serialize<S: Serializer, const N: usize>(bytes: &[u8; N], s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            return s.serialize_str(&hex::encode(bytes));
        }
        let mut t = s.serialize_tuple(N)?;
        for b in bytes {
            t.serialize_element(b)?;
        }
        t.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>, const N: usize>(d: D) -> Result<[u8; N], D::Error> {
        struct V<const N: usize>;
        impl<'de, const N: usize> serde::de::Visitor<'de> for V<N> {
            type Value = [u8; N];
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "{N} bytes")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<[u8; N], E> {
                let bytes = hex::decode(v).map_err(E::custom)?;
                bytes.try_into().map_err(|_| E::custom(format!("expected {N} bytes of hex")))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<[u8; N], A::Error> {
                let mut out = [0u8; N];
                for (i, b) in out.iter_mut().enumerate() {
                    *b = seq.next_element()?.ok_or_else(|| serde::de::Error::invalid_length(i, &self))?;
                }
                Ok(out)
            }
        }
        if d.is_human_readable() {
            d.deserialize_str(V::<N>)
        } else {
            d.deserialize_tuple(N, V::<N>)
        }
    }
}

/// Variable-length byte strings: hex in human-readable formats.
pub mod serde_bytes_hex {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(&hex::encode(bytes))
        } else {
            bytes.serialize(s)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        if d.is_human_readable() {
            let s = String::deserialize(d)?;
            hex::decode(s).map_err(serde::de::Error::custom)
        } else {
            Vec::<u8>::deserialize(d)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::base_mul;

    #[test]
    fn point_roundtrip_and_rejections() {
        let p = base_mul(&Scalar::from(7));
        let bytes = point_to_bytes(&p);
        assert_eq!(point_from_bytes(&bytes).unwrap(), p);
        assert_eq!(point_from_bytes(&[0u8; 33]), Err(EncodingError::IdentityPoint));
        let mut bad_tag = bytes;
        bad_tag[0] = 0x04;
        assert_eq!(point_from_bytes(&bad_tag), Err(EncodingError::InvalidPoint));
        let mut x_too_big = [0xffu8; 33];
        x_too_big[0] = 0x02;
        assert_eq!(point_from_bytes(&x_too_big), Err(EncodingError::InvalidPoint));
        // x = 5 is not the x coordinate of any curve point (5^3 + 7 = 132 is a non-residue).
        let mut off_curve = [0u8; 33];
        off_curve[0] = 0x02;
        off_curve[32] = 5;
        assert_eq!(point_from_bytes(&off_curve), Err(EncodingError::InvalidPoint));
        assert!(matches!(point_from_bytes(&bytes[..32]), Err(EncodingError::WrongLength { .. })));
    }

    #[test]
    fn less_than_is_lexicographic_order() {
        let mut n_plus_1 = GROUP_ORDER;
        n_plus_1[31] += 1;
        let mut n_minus_1 = GROUP_ORDER;
        n_minus_1[31] -= 1;
        let mut top_differs = [0u8; 32];
        top_differs[0] = 1;
        let values = [[0u8; 32], [0xff; 32], GROUP_ORDER, n_plus_1, n_minus_1, FIELD_PRIME, top_differs];
        for a in &values {
            for b in &values {
                assert_eq!(less_than(a, b), a < b, "{} < {}", hex::encode(a), hex::encode(b));
            }
        }
        assert!(!less_than(&[], &[]));
        assert!(less_than(&[0x01, 0xff], &[0x02, 0x00]));
    }

    #[test]
    fn affine_fast_path_matches_compress() {
        for k in 1..50u32 {
            let p = base_mul(&Scalar::from(k * 7919));
            let slow = point_to_bytes(&p);
            assert_eq!(&slow[..], p.compress().as_bytes());
            let decoded = point_from_bytes(&slow).unwrap();
            assert!(is_one_limbs(&decoded.gej.z.n), "decoded points are affine");
            assert_eq!(point_to_bytes(&decoded), slow);
            // Unnormalized limbs (after arithmetic with z forced to 1) still encode right.
            let q = decoded + base_mul(&Scalar::from(1));
            assert_eq!(point_to_bytes(&q), point_to_bytes(&point_from_bytes(&point_to_bytes(&q)).unwrap()));
        }
    }

    #[test]
    fn scalar_roundtrip_and_range() {
        let s = Scalar::from(123456);
        assert_eq!(scalar_from_bytes(&scalar_to_bytes(&s)).unwrap(), s);
        assert_eq!(scalar_from_bytes(&GROUP_ORDER), Err(EncodingError::ScalarOutOfRange));
        let mut n_minus_1 = GROUP_ORDER;
        n_minus_1[31] -= 1;
        assert!(scalar_from_bytes(&n_minus_1).is_ok());
    }

    #[derive(Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Sample {
        #[serde(with = "serde_point")]
        p: Point,
        #[serde(with = "serde_scalar")]
        s: Scalar,
        #[serde(with = "serde_points")]
        v: Vec<Point>,
        n: u64,
    }

    #[test]
    fn codec_is_canonical_and_strict() {
        let sample = Sample {
            p: base_mul(&Scalar::from(2)),
            s: Scalar::from(3),
            v: vec![base_mul(&Scalar::from(4)), base_mul(&Scalar::from(5))],
            n: 300,
        };
        let bytes = to_bytes(&sample);
        assert_eq!(bytes.len(), 33 + 32 + 1 + 2 * 33 + 2);
        assert_eq!(from_bytes::<Sample>(&bytes).unwrap(), sample);
        let mut long = bytes.clone();
        long.push(0);
        assert_eq!(from_bytes::<Sample>(&long), Err(EncodingError::TrailingBytes));
        assert!(from_bytes::<Sample>(&bytes[..bytes.len() - 1]).is_err());
        // An over-long varint for `n` decodes to the same value but is rejected.
        let mut overlong = bytes[..bytes.len() - 2].to_vec();
        overlong.extend_from_slice(&[0xac, 0x82, 0x00]);
        assert!(from_bytes::<Sample>(&overlong).is_err());
        let json = serde_json::to_string(&sample).unwrap();
        assert!(json.contains(&hex::encode(point_to_bytes(&sample.p))));
        assert_eq!(serde_json::from_str::<Sample>(&json).unwrap(), sample);
    }
}
