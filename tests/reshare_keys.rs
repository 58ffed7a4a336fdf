//! A reshare through the signers' key material (keys::ReshareKeys): old
//! signers from a real DKG deal to a new set with new weights and a new
//! threshold, a joining signer takes part, and the new set signs under the
//! old group key. A bad dealer's shares end in a complaint that names it.
mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use wsts_web::{
    blame::{settle_bad_share_sum, SumVerdict},
    config::{Config, ReshareDealing, Scheme},
    crypto::{
        bip340, polynomial::aggregate_rest, reshare::DealerSet, secret::SecretScalar, signing::SignatureType, KeyId,
        Scalar, SignerId,
    },
    keys::{local, ReshareKeys, Reshared, SignerKeys},
    net::{DkgFailure, DkgPrivateShares, DkgPublicShares},
};

const NEW_T: usize = 9;

struct Run {
    dealing: ReshareDealing,
    keys: BTreeMap<SignerId, ReshareKeys>,
    public: BTreeMap<SignerId, DkgPublicShares>,
    private: BTreeMap<SignerId, DkgPrivateShares>,
    old: Vec<SignerKeys>,
    group_key: wsts_web::crypto::Point,
    rng: rand_chacha::ChaCha20Rng,
}

/// Old: five signers, weights 3, 3, 2, 2, 2, t = 7. Signers 0, 1 and 3
/// (weight 8) deal; 2 stays without dealing; 4 leaves; 5 and 6 join.
/// New: 13 key ids, t = 9.
fn start(seed: u64) -> Run {
    let old_config = Config::evenly(Scheme::V2, 5, 12, 7, 7).unwrap();
    let (old, old_keys) = dkg(&old_config, seed);
    let mut rng = rng(seed + 1);
    let dealers = DealerSet::new([0, 1, 3].map(|d| (d, old_config.key_ids(d).to_vec())).into(), 7).unwrap();
    let recipients: BTreeMap<SignerId, Vec<KeyId>> =
        [(0, vec![1, 2]), (1, vec![3, 4, 5, 6]), (2, vec![7]), (3, vec![8, 9]), (5, vec![10, 11]), (6, vec![12, 13])]
            .into();
    let dealing = ReshareDealing::new(&old_keys, dealers, recipients, NEW_T).unwrap();
    let mut keys = BTreeMap::new();
    let mut public = BTreeMap::new();
    for s in [0, 1, 2, 3] {
        let (k, p) = old[s as usize].start_reshare(3, dealing.clone(), &mut rng).unwrap();
        keys.insert(s, k);
        public.insert(s, p);
    }
    for s in [5, 6] {
        let (k, p) = ReshareKeys::join(3, s, dealing.clone(), &mut rng);
        keys.insert(s, k);
        public.insert(s, p);
    }
    let private = keys.iter().filter_map(|(&s, k)| Some((s, k.encrypt_shares(&public, &mut rng)?))).collect();
    Run { dealing, keys, public, private, old, group_key: old_keys.group_key, rng }
}

impl Run {
    fn finish(&mut self, signer: SignerId) -> Result<Option<Reshared>, Vec<DkgFailure>> {
        let participants: BTreeSet<SignerId> = self.public.keys().copied().collect();
        let rest = aggregate_rest(self.public.values().flat_map(|p| &p.commitments), NEW_T).unwrap();
        self.keys[&signer].finish(&participants, &self.public, &self.private, &rest, &mut self.rng)
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_new_set_signs_under_the_old_key() {
    let mut run = start(11);
    assert_eq!(run.private.keys().copied().collect::<Vec<_>>(), vec![0, 1, 3], "only dealers deal");
    let ids = [0, 1, 2, 3, 5, 6];
    let reshared: Vec<Reshared> = ids.iter().map(|&s| run.finish(s).unwrap().unwrap()).collect();
    let new_keys = reshared[0].public_keys.clone();
    assert_eq!(new_keys.group_key, run.group_key);
    assert_eq!(new_keys.threshold(), NEW_T);
    assert!(reshared.iter().all(|r| r.public_keys == new_keys));

    // The new epoch's configuration, signers renumbered 0..6 in order.
    let signers = ids.iter().enumerate().map(|(i, s)| (i as SignerId, run.dealing.recipients()[s].clone())).collect();
    let config = Config { scheme: Scheme::V2, threshold: NEW_T as u32, dkg_threshold: NEW_T as u32, signers };
    let parties: Vec<SignerKeys> = reshared
        .into_iter()
        .enumerate()
        .map(|(i, r)| SignerKeys::from_shares(config.clone(), i as SignerId, r.public_keys, r.key_shares).unwrap())
        .collect();
    let (sig, key) = local::sign(
        &config,
        &parties,
        &new_keys,
        &[0, 1, 2, 3, 4, 5],
        b"epoch 1",
        SignatureType::Schnorr,
        &mut run.rng,
    )
    .unwrap();
    assert_eq!(bip340::x_only(&key), bip340::x_only(&run.group_key));
    assert!(matches!(sig, wsts_web::crypto::signing::Signature::Schnorr(_)));
    // Nine key ids sign (1, 4 and 5: 4 + 2 + 2 + 1 = 9); eight do not.
    assert!(local::sign(&config, &parties, &new_keys, &[1, 3, 4, 2], b"m", SignatureType::Frost, &mut run.rng).is_ok());
    assert!(local::sign(&config, &parties, &new_keys, &[1, 3, 4], b"m", SignatureType::Frost, &mut run.rng).is_err());
    // The old signers' keys are untouched until replaced: the old epoch still signs.
    let old_config = run.old[0].config().clone();
    let old_keys = run.old[0].public_keys().unwrap().clone();
    assert!(local::sign(&old_config, &run.old, &old_keys, &[0, 1, 4], b"m", SignatureType::Frost, &mut run.rng).is_ok());
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_dealer_that_corrupts_a_joiners_shares_is_named() {
    let mut run = start(12);
    let altered = run.keys[&3]
        .encrypt_altered_shares(&run.public, &mut run.rng, |to, s: &mut Vec<SecretScalar>| {
            if to == 5 {
                s[0] = SecretScalar::new(s[0].expose() + Scalar::from(1));
            }
        })
        .unwrap();
    run.private.insert(3, altered);
    assert!(run.finish(6).is_ok(), "other recipients are unaffected");
    let failures = run.finish(5).unwrap_err();
    let [DkgFailure::BadShareSum(evidence)] = failures.as_slice() else { panic!("{failures:?}") };
    assert_eq!(evidence.keys().copied().collect::<Vec<_>>(), vec![0, 1, 3]);
    let none = DkgPrivateShares { dkg_id: 3, signer_id: 5, shares: vec![] };
    let dealers =
        [0, 1, 3, 5].into_iter().map(|s| (s, (&run.public[&s], run.private.get(&s).unwrap_or(&none)))).collect();
    assert_eq!(settle_bad_share_sum(&run.dealing, &dealers, 5, evidence), Ok(SumVerdict::SendersAtFault([3].into())));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_missing_dealer_stops_the_attempt_without_blame() {
    let mut run = start(13);
    run.public.remove(&1);
    run.private.remove(&1);
    assert_eq!(run.finish(5).unwrap_err(), vec![DkgFailure::MissingPublicShares([1].into())]);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_refresh_is_a_reshare_to_the_same_set() {
    let config = Config::evenly(Scheme::V2, 3, 6, 4, 4).unwrap();
    let (old, keys) = dkg(&config, 14);
    let mut rng = rng(15);
    let dealers = DealerSet::new(config.signers.clone(), 4).unwrap();
    let dealing = ReshareDealing::new(&keys, dealers, config.signers.clone(), 4).unwrap();
    let (states, public): (BTreeMap<_, _>, BTreeMap<_, _>) = old
        .iter()
        .map(|p| {
            let (k, public) = p.start_reshare(8, dealing.clone(), &mut rng).unwrap();
            ((p.signer_id(), k), (p.signer_id(), public))
        })
        .unzip();
    let private: BTreeMap<_, _> =
        states.iter().map(|(&s, k)| (s, k.encrypt_shares(&public, &mut rng).unwrap())).collect();
    let rest = aggregate_rest(public.values().flat_map(|p| &p.commitments), 4).unwrap();
    let participants = public.keys().copied().collect();
    let fresh: Vec<SignerKeys> = states
        .iter()
        .map(|(&s, k)| {
            let r = k.finish(&participants, &public, &private, &rest, &mut rng).unwrap().unwrap();
            SignerKeys::from_shares(config.clone(), s, r.public_keys, r.key_shares).unwrap()
        })
        .collect();
    let new_keys = fresh[0].public_keys().unwrap().clone();
    assert_eq!(new_keys.group_key, keys.group_key);
    assert_ne!(new_keys, keys, "the shares moved");
    assert!(local::sign(&config, &fresh, &new_keys, &[0, 2], b"m", SignatureType::Frost, &mut rng).is_ok());
    // Signer 0 on its old share, 2 on its new one: the signature fails.
    let mixed = vec![old[0].clone(), fresh[2].clone()];
    assert!(local::sign(&config, &mixed, &new_keys, &[0, 2], b"m", SignatureType::Frost, &mut rng).is_err());
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_dealing_refuses_bad_new_key_ids() {
    let config = Config::evenly(Scheme::V2, 3, 6, 4, 4).unwrap();
    let (_, keys) = dkg(&config, 16);
    let dealers = || DealerSet::new(config.signers.clone(), 4).unwrap();
    let bad = wsts_web::crypto::reshare::ReshareError::BadRecipients;
    let with =
        |r: &[(SignerId, Vec<KeyId>)], t| ReshareDealing::new(&keys, dealers(), r.iter().cloned().collect(), t).err();
    assert_eq!(with(&[(0, vec![1, 2]), (1, vec![3])], 3), None);
    assert_eq!(with(&[(0, vec![1, 2]), (1, vec![2, 3])], 3), Some(bad.clone()), "a key id twice");
    assert_eq!(with(&[(0, vec![1, 2]), (1, vec![4])], 3), Some(bad.clone()), "a gap");
    assert_eq!(with(&[(0, vec![2, 1]), (1, vec![3])], 3), Some(bad.clone()), "unsorted");
    assert_eq!(with(&[(0, vec![1, 2]), (1, vec![3])], 4), Some(bad), "threshold above the keys");
}
