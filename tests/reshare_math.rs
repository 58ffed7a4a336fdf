//! The mathematics of refresh, reshare and repair (crypto::reshare,
//! crypto::repair) end to end: the group key holds, the new shares sign at the
//! new threshold, old shares mixed with new ones are useless, a bad dealer or
//! helper is named from public data, a repaired share equals the lost one.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::collections::BTreeMap;

use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use wsts_web::crypto::{
    base_mul, lagrange,
    nonce::SigningNonces,
    polynomial::Polynomial,
    repair::{RepairError, RepairSet},
    reshare::{self, DealerSet, ReshareError},
    secret::SecretScalar,
    share_verify::{verify_shares, verify_summed, DealtShares},
    signing::{GroupPublicKeys, Signature, SignatureType, SigningError, SigningSession},
    KeyId, Point, Scalar, SignerId,
};

type Shares = BTreeMap<KeyId, SecretScalar>;

/// Consecutive key ids from 1 for signers of these weights.
fn assign(weights: &[u32]) -> BTreeMap<SignerId, Vec<KeyId>> {
    let mut next = 1;
    let mut out = BTreeMap::new();
    for (s, &w) in weights.iter().enumerate() {
        out.insert(s as SignerId, (next..next + w).collect());
        next += w;
    }
    out
}

/// What a DKG leaves: shares of one polynomial and its public keys.
fn keygen(holders: &BTreeMap<SignerId, Vec<KeyId>>, t: usize, rng: &mut ChaCha20Rng) -> (GroupPublicKeys, Vec<Shares>) {
    let f = Polynomial::random(t, rng);
    let commitment = f.commit();
    let keys = GroupPublicKeys { group_key: commitment[0], summed_commitment: commitment };
    let shares = holders.values().map(|ks| ks.iter().map(|&k| (k, f.share_for(k))).collect()).collect();
    (keys, shares)
}

/// Sign with each party's shares (party id = signer id). `check` aggregates
/// with per-share checks; otherwise the shares are only summed, so a wrong
/// share shows in the signature itself.
fn sign(
    keys: &GroupPublicKeys,
    t: usize,
    parties: &BTreeMap<SignerId, Shares>,
    check: bool,
    rng: &mut ChaCha20Rng,
) -> Result<Signature, SigningError> {
    let nonces: Vec<SigningNonces> = parties.values().map(|_| SigningNonces::generate(&Scalar::from(7), rng)).collect();
    let public: Vec<_> = parties.keys().zip(&nonces).map(|(&p, n)| n.public(p)).collect();
    let session = SigningSession::new(&keys.group_key, t, b"msg", SignatureType::Frost, &public, |p| {
        parties.get(&p).map(|s| s.keys().copied().collect())
    })?;
    let mut shares = Vec::new();
    for ((&p, s), n) in parties.iter().zip(nonces) {
        shares.push(session.sign_share(p, s, n)?);
    }
    if check {
        session.aggregate(&shares, keys)
    } else {
        session.combine(&shares)
    }
}

/// Interpolate the secret at zero from the given shares.
fn interpolate(shares: &Shares) -> Point {
    let ids: Vec<KeyId> = shares.keys().copied().collect();
    let lambdas = lagrange::coefficients(&ids, &ids).unwrap();
    base_mul(&shares.values().zip(&lambdas).fold(Scalar::from(0), |acc, (x, l)| acc + x.expose() * l))
}

fn merge<'a>(parts: impl IntoIterator<Item = &'a Shares>) -> Shares {
    parts.into_iter().flat_map(|s| s.iter().map(|(k, x)| (*k, x.clone()))).collect()
}

/// Each dealer's polynomial dealt to each recipient's key ids; the recipient
/// verifies (batched, as in DKG) and sums, on top of `base` if given.
fn receive(
    polys: &BTreeMap<SignerId, Polynomial>,
    key_ids: &[KeyId],
    t: usize,
    base: Option<&Shares>,
    rng: &mut ChaCha20Rng,
) -> Shares {
    let commitments: BTreeMap<_, _> = polys.iter().map(|(&d, p)| (d, p.commit())).collect();
    let shares: BTreeMap<_, Vec<_>> =
        polys.iter().map(|(&d, p)| (d, key_ids.iter().map(|&k| p.share_for(k)).collect())).collect();
    let dealt: Vec<_> =
        polys.keys().map(|d| DealtShares { dealer: *d, commitment: &commitments[d], shares: &shares[d] }).collect();
    assert_eq!(verify_shares(key_ids, t, &dealt, rng), Ok(()));
    let summed = reshare::sum_commitments(commitments.values().map(Vec::as_slice), t).unwrap();
    let received = reshare::sum_shares(key_ids, &dealt, None).unwrap();
    let plain: Vec<Scalar> = received.values().map(|x| *x.expose()).collect();
    assert!(verify_summed(key_ids, &summed, &plain, rng));
    reshare::sum_shares(key_ids, &dealt, base).unwrap()
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn refresh_keeps_the_group_key_and_old_shares_stop_working() {
    let mut rng = ChaCha20Rng::seed_from_u64(1);
    let holders = assign(&[3, 1, 2, 2]);
    let t = 5;
    let (old_keys, old_shares) = keygen(&holders, t, &mut rng);
    let polys: BTreeMap<SignerId, Polynomial> =
        holders.keys().map(|&s| (s, reshare::deal_refresh(t, &mut rng).unwrap())).collect();
    for p in polys.values() {
        assert_eq!(reshare::check_commitment(&p.commit(), t, &Point::identity()), Ok(()));
    }
    let new_shares: Vec<Shares> =
        holders.values().zip(&old_shares).map(|(ks, old)| receive(&polys, ks, t, Some(old), &mut rng)).collect();
    let summed =
        reshare::sum_commitments(polys.values().map(|p| p.commit()).collect::<Vec<_>>().iter().map(|c| &c[..]), t);
    let new_keys = reshare::refreshed_keys(&old_keys, &summed.unwrap()).unwrap();
    assert_eq!(new_keys.group_key, old_keys.group_key);
    for (k, x) in merge(&new_shares) {
        assert_eq!(base_mul(x.expose()), new_keys.key_share(k), "key id {k}");
        assert_ne!(new_keys.key_share(k), old_keys.key_share(k));
    }
    let parties = |sets: [&Shares; 4]| -> BTreeMap<SignerId, Shares> {
        sets.iter().enumerate().map(|(i, s)| (i as SignerId, (*s).clone())).collect()
    };
    let fresh = parties([&new_shares[0], &new_shares[1], &new_shares[2], &new_shares[3]]);
    let signature = sign(&new_keys, t, &fresh, true, &mut rng).unwrap();
    assert!(matches!(&signature, Signature::Frost(s) if s.verify(&old_keys.group_key, b"msg")));
    // One signer still on its old shares: the signature itself fails.
    let mixed = parties([&old_shares[0], &new_shares[1], &new_shares[2], &new_shares[3]]);
    assert_eq!(sign(&new_keys, t, &mixed, false, &mut rng), Err(SigningError::InvalidSignature));
    assert_ne!(interpolate(&merge([&old_shares[0], &old_shares[1], &new_shares[2]])), old_keys.group_key);
    assert_eq!(interpolate(&merge([&old_shares[0], &old_shares[1], &old_shares[2]])), old_keys.group_key);
    // A refresh dealer with a nonzero constant would move the key: refused.
    let bad = Polynomial::random(t, &mut rng).commit();
    assert_eq!(reshare::check_commitment(&bad, t, &Point::identity()), Err(ReshareError::WrongConstant));
}

/// Reshare from `old_weights` at `t` to `new_weights` at `t2`, dealt by
/// `dealers`; returns the old keys and shares, the new keys and shares.
fn reshare_run(
    old_weights: &[u32],
    t: usize,
    dealers: &[SignerId],
    new_weights: &[u32],
    t2: usize,
    rng: &mut ChaCha20Rng,
) -> (GroupPublicKeys, Vec<Shares>, GroupPublicKeys, Vec<Shares>) {
    let old = assign(old_weights);
    let (old_keys, old_shares) = keygen(&old, t, rng);
    let set = DealerSet::new(dealers.iter().map(|&d| (d, old[&d].clone())).collect(), t).unwrap();
    let polys: BTreeMap<SignerId, Polynomial> =
        set.dealers().map(|d| (d, set.deal(d, &old_shares[d as usize], t2, rng).unwrap())).collect();
    for (&d, p) in &polys {
        let expected = set.expected_constant(d, &old_keys).unwrap();
        assert_eq!(reshare::check_commitment(&p.commit(), t2, &expected), Ok(()), "dealer {d}");
    }
    let new = assign(new_weights);
    let new_shares: Vec<Shares> = new.values().map(|ks| receive(&polys, ks, t2, None, rng)).collect();
    let commitments: Vec<Vec<Point>> = polys.values().map(Polynomial::commit).collect();
    let new_keys = reshare::reshared_keys(reshare::sum_commitments(commitments.iter().map(|c| &c[..]), t2).unwrap());
    (old_keys, old_shares, new_keys, new_shares)
}

fn all_parties(shares: &[Shares]) -> BTreeMap<SignerId, Shares> {
    shares.iter().enumerate().map(|(i, s)| (i as SignerId, s.clone())).collect()
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn reshare_to_new_weights_and_a_higher_threshold_keeps_the_key() {
    let mut rng = ChaCha20Rng::seed_from_u64(2);
    // Old: five signers, t = 6. Signers 0, 1 and 3 (weight 7) deal; 2 and 4 leave.
    // New: four signers (two of them new), weights 1, 4, 2, 3, t = 8.
    let (old_keys, old_shares, new_keys, new_shares) =
        reshare_run(&[2, 3, 1, 2, 2], 6, &[0, 1, 3], &[1, 4, 2, 3], 8, &mut rng);
    assert_eq!(new_keys.group_key, old_keys.group_key);
    assert_eq!(new_keys.threshold(), 8);
    for (k, x) in merge(&new_shares) {
        assert_eq!(base_mul(x.expose()), new_keys.key_share(k), "key id {k}");
    }
    let signature = sign(&new_keys, 8, &all_parties(&new_shares), true, &mut rng).unwrap();
    assert!(matches!(&signature, Signature::Frost(s) if s.verify(&old_keys.group_key, b"msg")));
    // Seven new key ids are below the new threshold: they interpolate garbage.
    let seven = merge([&new_shares[1], &new_shares[3]]);
    assert_eq!(seven.len(), 7);
    assert_ne!(interpolate(&seven), old_keys.group_key);
    assert_eq!(interpolate(&merge(&new_shares)), old_keys.group_key);
    // Removed signers' old shares (key ids 6..=10) with new ones: useless.
    let mixed = merge([&old_shares[2], &old_shares[4], &new_shares[1], &new_shares[2]]);
    assert!(mixed.len() >= 8);
    assert_ne!(interpolate(&mixed), old_keys.group_key);
    // An old share standing in for a new one breaks the signature itself.
    let mut parties = all_parties(&new_shares);
    parties.insert(0, old_shares[0].iter().take(1).map(|(k, x)| (*k, x.clone())).collect());
    assert_eq!(sign(&new_keys, 8, &parties, false, &mut rng), Err(SigningError::InvalidSignature));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn reshare_to_a_lower_threshold_and_a_larger_set() {
    let mut rng = ChaCha20Rng::seed_from_u64(3);
    let (old_keys, _, new_keys, new_shares) = reshare_run(&[3, 3, 3], 5, &[0, 2], &[1, 1, 2, 1, 1, 2], 3, &mut rng);
    assert_eq!(new_keys.group_key, old_keys.group_key);
    let two: BTreeMap<SignerId, Shares> = [(2, new_shares[2].clone()), (4, new_shares[4].clone())].into();
    assert!(sign(&new_keys, 3, &two, true, &mut rng).is_ok());
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn dealers_below_the_old_threshold_are_refused() {
    let old = assign(&[2, 3, 1]);
    let dealers: BTreeMap<_, _> = [(0, old[&0].clone()), (2, old[&2].clone())].into();
    assert_eq!(DealerSet::new(dealers, 4).err(), Some(ReshareError::BelowThreshold { have: 3, threshold: 4 }));
    let empty: BTreeMap<SignerId, Vec<KeyId>> = [(0, vec![1, 2, 3, 4]), (1, vec![])].into();
    assert_eq!(DealerSet::new(empty, 4).err(), Some(ReshareError::NoKeyIds(1)));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_dealer_with_a_wrong_constant_is_named_from_public_data() {
    let mut rng = ChaCha20Rng::seed_from_u64(4);
    let old = assign(&[2, 2, 2]);
    let (old_keys, old_shares) = keygen(&old, 4, &mut rng);
    let set = DealerSet::new(old.clone(), 4).unwrap();
    // Dealer 1 shares its plain share sum instead of the Lagrange-weighted one.
    let unweighted: Scalar = old_shares[1].values().fold(Scalar::from(0), |a, x| a + x.expose());
    let cheat = Polynomial::with_constant(SecretScalar::new(unweighted), 3, &mut rng).commit();
    let expected = set.expected_constant(1, &old_keys).unwrap();
    assert_eq!(reshare::check_commitment(&cheat, 3, &expected), Err(ReshareError::WrongConstant));
    // Honest dealers pass, and had the cheat gone unchecked the key would move.
    let honest: Vec<Vec<Point>> =
        [0, 2].iter().map(|&d| set.deal(d, &old_shares[d as usize], 3, &mut rng).unwrap().commit()).collect();
    for (c, d) in honest.iter().zip([0, 2]) {
        assert_eq!(reshare::check_commitment(c, 3, &set.expected_constant(d, &old_keys).unwrap()), Ok(()));
    }
    let with_cheat = reshare::sum_commitments([&honest[0][..], &cheat[..], &honest[1][..]], 3).unwrap();
    assert_ne!(reshare::reshared_keys(with_cheat).group_key, old_keys.group_key);
    // All constant terms in one batched check: it names exactly the cheats.
    let mut constants: BTreeMap<SignerId, Point> = [(0, honest[0][0]), (1, cheat[0]), (2, honest[1][0])].into();
    assert_eq!(set.check_constants(&old_keys, &constants), Err(vec![1]));
    let good = set.deal(1, &old_shares[1], 3, &mut rng).unwrap().commit()[0];
    constants.insert(1, good);
    assert_eq!(set.check_constants(&old_keys, &constants), Ok(()));
    constants.insert(2, honest[0][0]);
    constants.insert(0, honest[1][0]);
    assert_eq!(set.check_constants(&old_keys, &constants), Err(vec![0, 2]), "swapped terms");
    constants.insert(7, good);
    assert_eq!(set.check_constants(&old_keys, &constants), Err(vec![7]), "not a dealer");
    // A short commitment or one that hides its degree is refused too.
    assert_eq!(
        reshare::check_commitment(&honest[0][..2], 3, &expected),
        Err(ReshareError::WrongLength { expected: 3, got: 2 })
    );
    let mut flat = honest[0].clone();
    flat[2] = Point::identity();
    assert_eq!(reshare::check_commitment(&flat, 3, &flat[0].clone()), Err(ReshareError::IdentityCoefficient(2)));
}

/// Run a repair of `lost` by `helpers`; `tamper` may alter deals before they go out.
fn repair_run(
    weights: &[u32],
    t: usize,
    helpers: &[SignerId],
    lost: SignerId,
    rng: &mut ChaCha20Rng,
    tamper: impl Fn(&mut BTreeMap<SignerId, wsts_web::crypto::repair::RepairDeal>),
) -> (Shares, Result<Shares, RepairError>, BTreeMap<SignerId, Vec<SecretScalar>>) {
    let holders = assign(weights);
    let (keys, shares) = keygen(&holders, t, rng);
    let set =
        RepairSet::new(helpers.iter().map(|&h| (h, holders[&h].clone())).collect(), holders[&lost].clone(), t).unwrap();
    let mut deals: BTreeMap<_, _> =
        set.helpers().map(|h| (h, set.deal(h, &shares[h as usize], rng).unwrap())).collect();
    tamper(&mut deals);
    let public: BTreeMap<_, _> = deals.iter().map(|(&h, d)| (h, d.commitments.clone())).collect();
    let mut sums = BTreeMap::new();
    for j in set.helpers() {
        if let Err(e) = set.check_deal(j, &public[&j], &keys) {
            return (shares[lost as usize].clone(), Err(e), sums);
        }
    }
    for j in set.helpers() {
        let received = deals.iter().map(|(&i, d)| (i, d.pieces[&j].clone())).collect();
        match set.sum_pieces(j, &received, &public) {
            Ok(s) => sums.insert(j, s),
            Err(e) => return (shares[lost as usize].clone(), Err(e), sums),
        };
    }
    let recovered = set.recover(&sums, &public, &keys);
    (shares[lost as usize].clone(), recovered, sums)
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_repaired_share_equals_the_lost_one_and_no_helper_sees_it() {
    let mut rng = ChaCha20Rng::seed_from_u64(5);
    let (lost, recovered, sums) = repair_run(&[2, 1, 3, 2], 5, &[0, 1, 2], 3, &mut rng, |_| {});
    assert_eq!(recovered.unwrap(), lost);
    // What each helper holds is masked: not the share, and fresh each repair.
    let (_, _, again) = repair_run(&[2, 1, 3, 2], 5, &[0, 1, 2], 3, &mut ChaCha20Rng::seed_from_u64(5), |_| {});
    let (_, _, other) = repair_run(&[2, 1, 3, 2], 5, &[0, 1, 2], 3, &mut ChaCha20Rng::seed_from_u64(6), |_| {});
    assert_eq!(sums, again, "deterministic for one seed");
    for (j, s) in &sums {
        assert!(s.iter().all(|x| !lost.values().any(|l| l == x)), "helper {j}");
        assert_ne!(Some(s), other.get(j));
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_bad_helper_is_named() {
    let mut rng = ChaCha20Rng::seed_from_u64(7);
    // Helper 1 alters a piece for helper 2 (its public commitment unchanged).
    let (_, result, _) = repair_run(&[2, 1, 3, 2], 5, &[0, 1, 2], 3, &mut rng, |deals| {
        let piece = &mut deals.get_mut(&1).unwrap().pieces.get_mut(&2).unwrap()[0];
        *piece = SecretScalar::new(piece.expose() + Scalar::from(1));
    });
    assert_eq!(result.err(), Some(RepairError::BadHelpers(vec![1])));
    // Helper 0 shifts value between its pieces and its commitments alike: the
    // public sum check catches it.
    let (_, result, _) = repair_run(&[2, 1, 3, 2], 5, &[0, 1, 2], 3, &mut rng, |deals| {
        let deal = deals.get_mut(&0).unwrap();
        let piece = &mut deal.pieces.get_mut(&1).unwrap()[1];
        *piece = SecretScalar::new(piece.expose() + Scalar::from(5));
        deal.commitments.get_mut(&1).unwrap()[1] = base_mul(piece.expose());
    });
    assert_eq!(result.err(), Some(RepairError::BadHelpers(vec![0])));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_bad_sum_is_named_and_bad_sets_refused() {
    let mut rng = ChaCha20Rng::seed_from_u64(8);
    let holders = assign(&[2, 1, 3, 2]);
    let (keys, shares) = keygen(&holders, 5, &mut rng);
    let helpers: BTreeMap<_, _> = (0..3).map(|h| (h, holders[&h].clone())).collect();
    let set = RepairSet::new(helpers.clone(), vec![7, 8], 5).unwrap();
    let deals: BTreeMap<_, _> =
        set.helpers().map(|h| (h, set.deal(h, &shares[h as usize], &mut rng).unwrap())).collect();
    let public: BTreeMap<_, _> = deals.iter().map(|(&h, d)| (h, d.commitments.clone())).collect();
    let mut sums: BTreeMap<_, _> = set
        .helpers()
        .map(|j| {
            let received = deals.iter().map(|(&i, d)| (i, d.pieces[&j].clone())).collect();
            (j, set.sum_pieces(j, &received, &public).unwrap())
        })
        .collect();
    assert_eq!(set.recover(&sums, &public, &keys).unwrap(), shares[3]);
    sums.get_mut(&2).unwrap()[0] = SecretScalar::new(Scalar::from(3));
    assert_eq!(set.recover(&sums, &public, &keys).err(), Some(RepairError::BadHelpers(vec![2])));
    sums.remove(&2);
    assert_eq!(set.recover(&sums, &public, &keys).err(), Some(RepairError::BadHelpers(vec![2])));

    let few: BTreeMap<_, _> = [(0, holders[&0].clone()), (1, holders[&1].clone())].into();
    assert_eq!(RepairSet::new(few, vec![7], 5).err(), Some(RepairError::BelowThreshold { have: 3, threshold: 5 }));
    assert_eq!(RepairSet::new(helpers.clone(), vec![3], 5).err(), Some(RepairError::LostHeld(3)));
    assert_eq!(RepairSet::new(helpers, vec![], 5).err(), Some(RepairError::NothingToRepair));
}
