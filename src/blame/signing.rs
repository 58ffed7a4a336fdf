//! Judging signature shares: the coordinator checks every share it received
//! in one batch, each alone only if that fails, and names each signer whose
//! shares fail. ROAST's coordinator checks shares of several sessions in one
//! batch ([`bad_session_shares`]).

use std::collections::BTreeMap;

use rand_core::{CryptoRng, RngCore};

use super::{Finding, Offence};
use crate::crypto::{
    signing::{bad_claims, Claim, GroupPublicKeys, SignatureShare, SigningSession},
    SignerId,
};

/// A finding against every signer among `shares` whose signature shares fail
/// verification in `session`.
pub fn bad_signature_shares<R: RngCore + CryptoRng>(
    session: &SigningSession,
    shares: &BTreeMap<SignerId, Vec<SignatureShare>>,
    keys: &GroupPublicKeys,
    rng: &mut R,
) -> Vec<Finding> {
    let all: Vec<SignatureShare> = shares.values().flatten().cloned().collect();
    match session.verify_shares(&all, keys, rng) {
        Ok(()) => vec![],
        Err(parties) => shares
            .iter()
            .filter(|(_, own)| own.iter().any(|z| parties.contains(&z.party_id)))
            .map(|(signer, _)| Finding { signer: *signer, offence: Offence::BadSignatureShare })
            .collect(),
    }
}

/// A finding against every signer whose shares fail in their own session,
/// all checked in one batch however many sessions they span.
pub fn bad_session_shares<R: RngCore + CryptoRng>(
    claims: &[(SignerId, Claim<'_>)],
    keys: &GroupPublicKeys,
    rng: &mut R,
) -> Vec<Finding> {
    let only: Vec<Claim<'_>> = claims.iter().map(|(_, c)| *c).collect();
    bad_claims(&only, keys, rng)
        .into_iter()
        .filter_map(|i| claims.get(i))
        .map(|(signer, _)| Finding { signer: *signer, offence: Offence::BadSignatureShare })
        .collect()
}
