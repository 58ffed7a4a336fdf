//! Tagged hashes, as defined by BIP-340: `SHA256(SHA256(tag) ‖ SHA256(tag) ‖ m)`.
//!
//! Every hash in this crate is tagged with its purpose, so that a value
//! computed for one purpose (say, a proof of possession) can never be
//! accepted as another (say, a binding factor).

use sha2::{Digest, Sha256};

use super::{Point, Scalar};
use crate::crypto::encoding::point_to_bytes;

/// Tags of this crate. BIP-340's own tags are used verbatim where its
/// signatures are produced.
pub mod tags {
    pub const BIP340_CHALLENGE: &str = "BIP0340/challenge";
    pub const BIP340_AUX: &str = "BIP0340/aux";
    pub const BIP340_NONCE: &str = "BIP0340/nonce";
    pub const TAP_TWEAK: &str = "TapTweak";
    pub const FROST_CHALLENGE: &str = "wsts-web/v1/frost-challenge";
    pub const PROOF_OF_POSSESSION: &str = "wsts-web/v1/proof-of-possession";
    pub const DH_TUPLE: &str = "wsts-web/v1/dh-tuple";
    pub const SHARE_KDF: &str = "wsts-web/v1/share-kdf";
    pub const NONCE: &str = "wsts-web/v1/nonce";
    pub const BINDING: &str = "wsts-web/v1/binding";
    pub const BINDING_PARTY: &str = "wsts-web/v1/binding-party";
    pub const COMMITMENT_REST: &str = "wsts-web/v1/commitment-rest";
}

/// An incremental tagged hash: feed it fields, then finish.
#[derive(Clone)]
pub struct TaggedHash(Sha256);

impl TaggedHash {
    pub fn new(tag: &str) -> Self {
        let tag_hash = Sha256::digest(tag.as_bytes());
        let mut h = Sha256::new();
        h.update(tag_hash);
        h.update(tag_hash);
        TaggedHash(h)
    }

    pub fn bytes(mut self, data: &[u8]) -> Self {
        self.0.update(data);
        self
    }

    /// Variable-length data, prefixed with its length so that fields can't run
    /// into each other.
    pub fn var_bytes(self, data: &[u8]) -> Self {
        self.u64(data.len() as u64).bytes(data)
    }

    pub fn u32(self, v: u32) -> Self {
        self.bytes(&v.to_be_bytes())
    }

    pub fn u64(self, v: u64) -> Self {
        self.bytes(&v.to_be_bytes())
    }

    pub fn point(self, p: &Point) -> Self {
        self.bytes(&point_to_bytes(p))
    }

    pub fn scalar(self, s: &Scalar) -> Self {
        self.bytes(&s.to_bytes())
    }

    pub fn finish(self) -> [u8; 32] {
        self.0.finalize().into()
    }

    /// The digest reduced modulo the group order. The bias is below 2^-127.
    pub fn finish_scalar(self) -> Scalar {
        Scalar::from(self.finish())
    }
}

/// A one-shot tagged hash.
pub fn tagged_hash(tag: &str, data: &[u8]) -> [u8; 32] {
    TaggedHash::new(tag).bytes(data).finish()
}

/// Plain SHA-256, used for transcript digests.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagged_hash_matches_definition() {
        let t = Sha256::digest(b"BIP0340/challenge");
        let mut h = Sha256::new();
        h.update(t);
        h.update(t);
        h.update(b"abc");
        let expected: [u8; 32] = h.finalize().into();
        assert_eq!(tagged_hash(tags::BIP340_CHALLENGE, b"abc"), expected);
        assert_ne!(tagged_hash(tags::BIP340_AUX, b"abc"), expected);
    }

    #[test]
    fn var_bytes_separates_fields() {
        let a = TaggedHash::new("t").var_bytes(b"ab").var_bytes(b"c").finish();
        let b = TaggedHash::new("t").var_bytes(b"a").var_bytes(b"bc").finish();
        assert_ne!(a, b);
    }
}
