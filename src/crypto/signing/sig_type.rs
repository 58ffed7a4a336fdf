//! The kinds of signature a session produces, and how each is named in the
//! binding transcript.

use serde::{Deserialize, Serialize};

/// Which kind of signature to produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignatureType {
    /// Plain FROST: `(R, z)` with `z·G = R + c·Y`.
    Frost,
    /// BIP-340 under the x-only group key.
    Schnorr,
    /// BIP-340 under the BIP-341 output key tweaked from the group key.
    Taproot {
        #[serde(with = "option_root")]
        merkle_root: Option<[u8; 32]>,
    },
}

mod option_root {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Root(#[serde(with = "crate::crypto::encoding::fixed")] [u8; 32]);

    pub fn serialize<S: Serializer>(v: &Option<[u8; 32]>, s: S) -> Result<S::Ok, S::Error> {
        v.map(Root).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<[u8; 32]>, D::Error> {
        Ok(Option::<Root>::deserialize(d)?.map(|r| r.0))
    }
}

impl SignatureType {
    pub(super) fn tag_bytes(&self) -> Vec<u8> {
        match self {
            SignatureType::Frost => vec![0],
            SignatureType::Schnorr => vec![1],
            SignatureType::Taproot { merkle_root: None } => vec![2],
            SignatureType::Taproot { merkle_root: Some(r) } => [&[3u8][..], r].concat(),
        }
    }
}
