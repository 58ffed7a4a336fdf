use super::*;

#[test]
fn even_spread() {
    let c = Config::evenly(Scheme::V2, 4, 10, 7, 7).unwrap();
    let weights: Vec<u32> = (0..4).map(|s| c.weight(s)).collect();
    assert_eq!(weights, vec![3, 3, 2, 2]);
    assert_eq!(c.key_ids(1), &[4, 5, 6]);
    assert_eq!(c.num_keys(), 10);
}

#[test]
fn validation_errors_are_specific() {
    assert_eq!(
        Config::evenly(Scheme::V2, 2, 4, 5, 5),
        Err(ConfigError::ThresholdAboveKeys { threshold: 5, keys: 4 })
    );
    assert_eq!(Config::evenly(Scheme::V2, 2, 4, 0, 1), Err(ConfigError::ZeroThreshold));
    assert!(matches!(Config::evenly(Scheme::V2, 2, 4, 3, 2), Err(ConfigError::BadDkgThreshold { .. })));
    assert_eq!(Config::evenly(Scheme::V2, 5, 4, 1, 1), Err(ConfigError::SignerWithoutKeys(4)));
    let mut c = Config::evenly(Scheme::V2, 2, 4, 2, 2).unwrap();
    c.signers.insert(1, vec![2, 3, 4]);
    assert_eq!(c.validate(), Err(ConfigError::DuplicateKeyId(2)));
    c.signers.insert(1, vec![3, 5]);
    assert_eq!(c.validate(), Err(ConfigError::KeyIdsNotContiguous { keys: 4, missing: 4 }));
    c.signers.insert(1, vec![4, 3]);
    assert_eq!(c.validate(), Err(ConfigError::UnsortedKeyIds(1)));
}

#[test]
fn weights_give_contiguous_key_ids_and_are_validated() {
    let c = Config::from_weights(Scheme::V2, &[1, 5, 2], 6, 7).unwrap();
    assert_eq!(c.key_ids(0), &[1]);
    assert_eq!(c.key_ids(1), &[2, 3, 4, 5, 6]);
    assert_eq!(c.key_ids(2), &[7, 8]);
    assert_eq!(c.weights(), vec![1, 5, 2]);
    assert_eq!(c.weight_of(&[0, 2]), 3);
    assert_eq!(Config::from_weights(Scheme::V2, &[], 1, 1), Err(ConfigError::NoSigners));
    assert_eq!(Config::from_weights(Scheme::V2, &[3, 0, 2], 2, 2), Err(ConfigError::SignerWithoutKeys(1)));
    assert_eq!(
        Config::from_weights(Scheme::V2, &[3, 2], 6, 6),
        Err(ConfigError::ThresholdAboveKeys { threshold: 6, keys: 5 })
    );
    let too_many = Err(ConfigError::TooManyKeys { max: MAX_KEY_IDS });
    assert_eq!(Config::from_weights(Scheme::V2, &[u32::MAX, 1], 1, 1), too_many);
    assert_eq!(Config::from_weights(Scheme::V2, &[MAX_KEY_IDS, 1], 1, 1), too_many);
    assert_eq!(Config::evenly(Scheme::V1, 3, 7, 4, 4).unwrap().weights(), vec![3, 2, 2]);
}

#[test]
fn workloads_agree_with_their_weights() {
    assert_eq!(checked_weights(Some(3), Some(7), None), Ok(vec![3, 2, 2]));
    assert_eq!(checked_weights(None, None, Some(vec![1, 5])), Ok(vec![1, 5]));
    assert_eq!(checked_weights(Some(2), Some(6), Some(vec![1, 5])), Ok(vec![1, 5]));
    assert_eq!(
        checked_weights(Some(3), None, Some(vec![1, 5])),
        Err(ConfigError::WeightsDisagree { what: "the number of signers", given: 3, from_weights: 2 })
    );
    assert_eq!(
        checked_weights(None, Some(7), Some(vec![1, 5])),
        Err(ConfigError::WeightsDisagree { what: "the number of key ids", given: 7, from_weights: 6 })
    );
    assert_eq!(checked_weights(Some(3), None, None), Err(ConfigError::NoWorkload));
    assert_eq!(checked_weights(None, Some(3), None), Err(ConfigError::NoWorkload));
}

#[test]
fn parties_per_scheme() {
    let v1 = Config::evenly(Scheme::V1, 2, 5, 3, 3).unwrap();
    assert_eq!(v1.parties_of(1), vec![(4, vec![4]), (5, vec![5])]);
    assert_eq!(v1.signer_of_party(4), Some(1));
    assert_eq!(v1.party_keys(6), None);
    let v2 = Config { scheme: Scheme::V2, ..v1 };
    assert_eq!(v2.parties_of(1), vec![(1, vec![4, 5])]);
    assert_eq!(v2.polynomials_of(1), 1);
}
