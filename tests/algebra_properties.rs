//! Property tests (proptest) of the algebra under the protocol: shares
//! against their commitments, Lagrange interpolation over the key ids of
//! signers with uneven weights, and aggregate signatures by random signer
//! subsets. Native only; case counts are kept modest so the suite stays fast.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use common::{k256_verifies, parties, rng};
use proptest::prelude::*;
use wsts_web::{
    config::{Config, Scheme},
    crypto::{
        base_mul, lagrange,
        polynomial::{evaluate_commitment, Polynomial},
        share_verify::verify_share,
        signing::{verify_signature, SignatureType},
        KeyId, Scalar, SignerId,
    },
    keys::local,
};

/// Signers with the given weights (key ids dealt out in order).
fn weighted(scheme: Scheme, weights: &[u32], threshold: u32) -> Config {
    let mut signers = BTreeMap::new();
    let mut next = 1;
    for (s, w) in weights.iter().enumerate() {
        signers.insert(s as SignerId, (next..next + w).collect());
        next += w;
    }
    let keys = next - 1;
    let config = Config { scheme, threshold: threshold.clamp(1, keys), dkg_threshold: keys, signers };
    config.validate().unwrap();
    config
}

/// The signers picked by `mask` (bit i = signer i), or all if none is.
fn pick(count: usize, mask: u32) -> Vec<SignerId> {
    let chosen: Vec<SignerId> = (0..count as SignerId).filter(|s| mask & (1 << s) != 0).collect();
    if chosen.is_empty() {
        (0..count as SignerId).collect()
    } else {
        chosen
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Every share verifies against its dealer's commitment, a share changed
    /// by any nonzero amount does not, and the commitment evaluates to the
    /// share's public point.
    #[test]
    fn shares_verify_against_commitments(
        seed in any::<u64>(), threshold in 1usize..8, key_id in 1u32..200, delta in 1u32..u32::MAX,
    ) {
        let poly = Polynomial::random(threshold, &mut rng(seed));
        let commitment = poly.commit();
        let share = poly.share_for(key_id);
        prop_assert!(verify_share(&commitment, key_id, share.expose()));
        let wrong = *share.expose() + Scalar::from(delta);
        prop_assert!(!verify_share(&commitment, key_id, &wrong));
        let x = Scalar::from(key_id);
        prop_assert_eq!(evaluate_commitment(&commitment, &x), base_mul(&poly.evaluate(&x)));
    }

    /// Interpolating at zero over the key ids of any signer subset that
    /// reaches the threshold gives the secret back, whatever the weights;
    /// one key id short of the threshold gives something else.
    #[test]
    fn lagrange_recovers_the_secret_with_uneven_weights(
        seed in any::<u64>(),
        weights in prop::collection::vec(1u32..6, 1..7),
        mask in any::<u32>(),
        threshold_pick in any::<u32>(),
    ) {
        let chosen = pick(weights.len(), mask);
        let set: Vec<KeyId> = {
            let config = weighted(Scheme::V2, &weights, 1);
            chosen.iter().flat_map(|s| config.key_ids(*s).to_vec()).collect()
        };
        let threshold = 1 + (threshold_pick as usize) % set.len();
        let poly = Polynomial::random(threshold, &mut rng(seed));
        let lambdas = lagrange::coefficients(&set, &set).unwrap();
        let interpolate = |ids: &[KeyId], lambdas: &[Scalar]| {
            ids.iter().zip(lambdas).fold(Scalar::from(0), |acc, (k, l)| acc + *l * poly.evaluate(&Scalar::from(*k)))
        };
        prop_assert_eq!(interpolate(&set, &lambdas), *poly.constant().expose());
        if threshold >= 2 && set.len() >= threshold {
            let short = &set[..threshold - 1];
            let lambdas = lagrange::coefficients(short, short).unwrap();
            prop_assert_ne!(interpolate(short, &lambdas), *poly.constant().expose());
        }
    }
}

proptest! {
    // A DKG per case: few cases.
    #![proptest_config(ProptestConfig::with_cases(6))]

    /// After one DKG, any signer subset with enough weight makes a signature
    /// of every type that verifies (and BIP-340 ones verify under k256 too);
    /// a subset below the threshold cannot sign.
    #[test]
    fn any_subset_with_enough_weight_signs(
        seed in any::<u64>(),
        weights in prop::collection::vec(1u32..5, 2..5),
        threshold_pick in any::<u32>(),
        masks in prop::collection::vec(any::<u32>(), 3),
        v1 in any::<bool>(),
    ) {
        let total: u32 = weights.iter().sum();
        let scheme = if v1 { Scheme::V1 } else { Scheme::V2 };
        let config = weighted(scheme, &weights, 1 + threshold_pick % total);
        let mut signers = parties(&config);
        let keys = local::run_dkg(&mut signers, 1, &mut rng(seed)).unwrap();
        for (i, mask) in masks.iter().enumerate() {
            let chosen = pick(weights.len(), *mask);
            let weight = config.weight_of(&chosen);
            let sig_type = common::ALL_TYPES[i % common::ALL_TYPES.len()];
            let message = format!("subset {mask:x}");
            let signed = local::sign(&config, &signers, &keys, &chosen, message.as_bytes(), sig_type, &mut rng(seed ^ 1));
            if weight < config.threshold {
                prop_assert!(signed.is_err(), "signed below the threshold: {chosen:?}");
                continue;
            }
            let (signature, verify_key) = signed.unwrap();
            prop_assert!(verify_signature(&signature, &verify_key, message.as_bytes()));
            if !matches!(sig_type, SignatureType::Frost) {
                prop_assert!(k256_verifies(&verify_key, message.as_bytes(), &signature));
            }
        }
    }
}
