//! What a signing session computes once from its parties' nonces (FROST,
//! RFC 9591 §5.2-5.3; BIP-340 for the even-y rule): the parties indexed, the
//! binding factors, and the group commitment's challenge.

use std::collections::BTreeMap;

use super::{frost_challenge, SignatureType, SigningError};
use crate::crypto::{
    bip340,
    hash::{tags, TaggedHash},
    nonce::PublicNonce,
    KeyId, Point, Scalar,
};

/// Each signing party's nonce and key ids, by party id: no party twice,
/// none unknown or without keys.
pub(super) fn index_parties(
    nonces: &[PublicNonce],
    party_keys: impl Fn(u32) -> Option<Vec<KeyId>>,
) -> Result<BTreeMap<u32, (PublicNonce, Vec<KeyId>)>, SigningError> {
    if nonces.is_empty() {
        return Err(SigningError::NoParties);
    }
    let mut parties = BTreeMap::new();
    for n in nonces {
        let keys = party_keys(n.party_id).ok_or(SigningError::UnknownParty(n.party_id))?;
        if keys.is_empty() {
            return Err(SigningError::NoKeyIds(n.party_id));
        }
        if parties.insert(n.party_id, (n.clone(), keys)).is_some() {
            return Err(SigningError::DuplicateParty(n.party_id));
        }
    }
    Ok(parties)
}

/// Every party's binding factor, over a transcript of the whole session.
pub(super) fn binding_factors(
    group_key: &Point,
    message: &[u8],
    sig_type: SignatureType,
    parties: &BTreeMap<u32, (PublicNonce, Vec<KeyId>)>,
) -> BTreeMap<u32, Scalar> {
    let mut transcript = TaggedHash::new(tags::BINDING)
        .point(group_key)
        .var_bytes(&sig_type.tag_bytes())
        .var_bytes(message)
        .u64(parties.len() as u64);
    for (id, (nonce, keys)) in parties {
        transcript = transcript.u32(*id).u64(keys.len() as u64);
        for k in keys {
            transcript = transcript.u32(*k);
        }
        transcript = transcript.point(&nonce.hiding).point(&nonce.binding);
    }
    let transcript = transcript.finish();
    parties
        .keys()
        .map(|&id| (id, TaggedHash::new(tags::BINDING_PARTY).bytes(&transcript).u32(id).finish_scalar()))
        .collect()
}

/// The group commitment and challenge for one signature type, with the
/// signs (±1) that BIP-340's even-y rule puts on the nonces and the key.
pub(super) struct Challenge {
    pub(super) commitment: Point,
    pub(super) nonce_sign: Scalar,
    pub(super) verify_key: Point,
    pub(super) key_sign: Scalar,
    pub(super) tweak_term: Scalar,
    pub(super) challenge: Scalar,
}

impl Challenge {
    pub(super) fn new(
        r: &Point,
        group_key: &Point,
        message: &[u8],
        sig_type: SignatureType,
    ) -> Result<Self, SigningError> {
        let one = Scalar::from(1);
        let (commitment, nonce_sign, verify_key, key_sign, tweak_term, challenge) = match sig_type {
            SignatureType::Frost => {
                let c = frost_challenge(r, group_key, message);
                (*r, one, *group_key, one, Scalar::from(0), c)
            }
            SignatureType::Schnorr => {
                let (r_even, r_sign) = bip340::with_even_y(r);
                let (p, p_sign) = bip340::with_even_y(group_key);
                let c = bip340::challenge(&bip340::x_only(&r_even), &bip340::x_only(&p), message);
                (r_even, r_sign, p, p_sign, Scalar::from(0), c)
            }
            SignatureType::Taproot { merkle_root } => {
                let (r_even, r_sign) = bip340::with_even_y(r);
                let (_, p_sign) = bip340::with_even_y(group_key);
                let (q, t) = bip340::tweaked_key(group_key, merkle_root.as_ref())?;
                let (q_even, q_sign) = bip340::with_even_y(&q);
                let c = bip340::challenge(&bip340::x_only(&r_even), &bip340::x_only(&q_even), message);
                // Q's secret is p_sign·y + t; signing for even Q multiplies it by q_sign.
                (r_even, r_sign, q_even, q_sign * p_sign, q_sign * t, c)
            }
        };
        Ok(Challenge { commitment, nonce_sign, verify_key, key_sign, tweak_term, challenge })
    }
}
