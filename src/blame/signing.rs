//! Judging signature shares: the coordinator checks every share it received
//! in one batch, each alone only if that fails, and names each signer whose
//! shares fail.

use std::collections::BTreeMap;

use rand_core::{CryptoRng, RngCore};

use super::{Finding, Offence};
use crate::crypto::{
    signing::{GroupPublicKeys, SignatureShare, SigningSession},
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
