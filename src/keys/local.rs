//! A whole ceremony in one process, without a network: every signer's steps
//! in order. For tests, benchmarks and the native demo; the state machines are
//! the way to run a real one.

use std::collections::{BTreeMap, BTreeSet};

use rand_core::{CryptoRng, RngCore};

use super::SignerKeys;
use crate::{
    config::Config,
    crypto::{
        signing::{GroupPublicKeys, Signature, SignatureType, SigningError, SigningSession},
        Point, SignerId,
    },
    net::{DkgFailure, DkgPrivateShares, DkgPublicShares},
};

/// Run DKG among all of `parties`. On failure, each complaining signer's failures.
pub fn run_dkg<R: RngCore + CryptoRng>(
    parties: &mut [SignerKeys],
    dkg_id: u64,
    rng: &mut R,
) -> Result<GroupPublicKeys, BTreeMap<SignerId, Vec<DkgFailure>>> {
    let public: BTreeMap<_, _> = parties.iter_mut().map(|p| (p.signer_id(), p.start_dkg(dkg_id, rng))).collect();
    // Every signer has started DKG just above, so each encrypts its shares.
    let private: BTreeMap<_, _> =
        parties.iter().filter_map(|p| Some((p.signer_id(), p.encrypt_shares(&public, rng)?))).collect();
    finish_all(parties, &public, &private, rng)
}

/// The end of DKG for every party, from given packets (which tests may tamper with).
pub fn finish_all<R: RngCore + CryptoRng>(
    parties: &mut [SignerKeys],
    public: &BTreeMap<SignerId, DkgPublicShares>,
    private: &BTreeMap<SignerId, DkgPrivateShares>,
    rng: &mut R,
) -> Result<GroupPublicKeys, BTreeMap<SignerId, Vec<DkgFailure>>> {
    let participants: BTreeSet<SignerId> = public.keys().copied().collect();
    // What an honest coordinator sends: the sum over the well-formed commitments
    // (it refuses malformed public shares on receipt).
    let config = parties.first().map(|p| p.config().clone());
    let rest = config
        .and_then(|c| super::aggregate_rest(&c, public.values().filter(|p| p.verify_full(&c).is_ok())))
        .unwrap_or_default();
    let mut keys = None;
    let mut failures = BTreeMap::new();
    for p in parties.iter_mut() {
        match p.finish_dkg(&participants, public, private, &rest, rng) {
            Ok(k) => keys = Some(k.clone()),
            Err(f) => {
                failures.insert(p.signer_id(), f);
            }
        }
    }
    match keys {
        Some(k) if failures.is_empty() => Ok(k),
        _ => Err(failures),
    }
}

/// Sign `message` with the parties whose signer ids are in `signers`.
/// Returns the signature and the key it verifies under.
pub fn sign<R: RngCore + CryptoRng>(
    config: &Config,
    parties: &[SignerKeys],
    keys: &GroupPublicKeys,
    signers: &[SignerId],
    message: &[u8],
    sig_type: SignatureType,
    rng: &mut R,
) -> Result<(Signature, Point), SigningError> {
    let signing: Vec<&SignerKeys> = parties.iter().filter(|p| signers.contains(&p.signer_id())).collect();
    let (secret_nonces, public_nonces): (Vec<_>, Vec<_>) = signing.iter().map(|p| p.generate_nonces(rng)).unzip();
    let public_nonces: Vec<_> = public_nonces.into_iter().flatten().collect();
    let session =
        SigningSession::new(&keys.group_key, config.threshold as usize, message, sig_type, &public_nonces, |party| {
            config.party_keys(party)
        })?;
    let mut shares = Vec::new();
    for (p, nonces) in signing.iter().zip(secret_nonces) {
        shares.extend(p.sign(&session, nonces)?);
    }
    let signature = session.aggregate(&shares, keys)?;
    Ok((signature, *session.verify_key()))
}
