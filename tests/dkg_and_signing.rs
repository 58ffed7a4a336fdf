//! Weighted (v2) and one-party-per-key (v1) DKG, then every signature type,
//! checked by our verifier and an independent one.
mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use common::*;
use wsts_web::{
    config::{Config, Scheme},
    crypto::{
        base_mul, bip340,
        signing::{verify_signature, Signature, SignatureType},
        Scalar,
    },
    keys::local,
};

fn sign_all_types(scheme: Scheme, seed: u64) {
    let config = w1(scheme);
    let (parties, keys) = dkg(&config, seed);
    let mut rng = rng(seed + 1);
    // Every party agrees on the group key, and the key shares interpolate it.
    for p in &parties {
        assert_eq!(p.public_keys().unwrap(), &keys);
    }
    for k in 1..=20 {
        let x = keys.key_share(k);
        assert_ne!(x, keys.group_key);
    }
    let msg = b"weighted threshold signatures";
    for sig_type in ALL_TYPES {
        // Signers 0, 1 and 2 hold 15 key ids: enough for threshold 13.
        let (sig, verify_key) = local::sign(&config, &parties, &keys, &[0, 1, 2], msg, sig_type, &mut rng)
            .unwrap_or_else(|e| panic!("{scheme:?} {sig_type:?}: {e}"));
        assert!(verify_signature(&sig, &verify_key, msg), "{scheme:?} {sig_type:?}");
        assert!(!verify_signature(&sig, &verify_key, b"another message"));
        match sig_type {
            SignatureType::Frost => {
                assert_eq!(verify_key, keys.group_key);
                assert!(matches!(sig, Signature::Frost(_)));
            }
            SignatureType::Schnorr => {
                assert_eq!(bip340::x_only(&verify_key), bip340::x_only(&keys.group_key));
                assert!(k256_verifies(&verify_key, msg, &sig), "k256 rejects {scheme:?} BIP-340");
            }
            SignatureType::Taproot { merkle_root } => {
                let (q, _) = bip340::tweaked_key(&keys.group_key, merkle_root.as_ref()).unwrap();
                assert_eq!(bip340::x_only(&verify_key), bip340::x_only(&q));
                assert!(k256_verifies(&verify_key, msg, &sig), "k256 rejects {scheme:?} taproot");
                // The untweaked key must not verify a taproot signature.
                let Signature::Schnorr(s) = &sig else { unreachable!() };
                assert!(!bip340::verify(&bip340::x_only(&keys.group_key), msg, s));
            }
        }
    }
}

both_targets! {
    fn v2_weighted_dkg_and_every_signature_type() {
        sign_all_types(Scheme::V2, 100);
    }

    fn v1_dkg_and_every_signature_type() {
        sign_all_types(Scheme::V1, 200);
    }

    fn group_key_is_the_interpolated_secret() {
        // Reconstructing the secret from threshold key shares gives the group key:
        // only possible in a test, where we can read every party's shares.
        let config = Config::evenly(Scheme::V2, 3, 7, 4, 4).unwrap();
        let (parties, keys) = dkg(&config, 7);
        let state: Vec<serde_json::Value> = parties.iter().map(|p| serde_json::to_value(p).unwrap()).collect();
        let mut shares = Vec::new();
        for s in &state {
            for (k, x) in s["key_shares"].as_object().unwrap() {
                let bytes = hex::decode(x.as_str().unwrap()).unwrap();
                shares.push((k.parse::<u32>().unwrap(), Scalar::try_from(&bytes[..]).unwrap()));
            }
        }
        let set: Vec<u32> = shares.iter().take(4).map(|(k, _)| *k).collect();
        let lambdas = wsts_web::crypto::lagrange::coefficients(&set, &set).unwrap();
        let secret = shares.iter().zip(&lambdas).fold(Scalar::from(0), |acc, ((_, x), l)| acc + x * l);
        assert_eq!(base_mul(&secret), keys.group_key);
        for (k, x) in &shares {
            assert_eq!(base_mul(x), keys.key_share(*k));
        }
    }

    fn below_threshold_cannot_sign() {
        let config = w1(Scheme::V2);
        let (parties, keys) = dkg(&config, 9);
        // Signers 0 and 1 hold 10 key ids, below 13.
        let err = local::sign(&config, &parties, &keys, &[0, 1], b"m", SignatureType::Schnorr, &mut rng(1)).unwrap_err();
        assert_eq!(err, wsts_web::crypto::signing::SigningError::BelowThreshold { have: 10, threshold: 13 });
    }

    fn odd_group_keys_sign_correctly() {
        // Run enough DKGs that both parities of the group key are exercised.
        let config = Config::evenly(Scheme::V2, 2, 3, 2, 2).unwrap();
        let mut parities = std::collections::BTreeSet::new();
        for seed in 0..8 {
            let (parties, keys) = dkg(&config, 1000 + seed);
            parities.insert(keys.group_key.has_even_y());
            for sig_type in ALL_TYPES {
                let (sig, vk) = local::sign(&config, &parties, &keys, &[0, 1], b"parity", sig_type, &mut rng(seed)).unwrap();
                assert!(verify_signature(&sig, &vk, b"parity"));
                if sig_type != SignatureType::Frost {
                    assert!(k256_verifies(&vk, b"parity", &sig));
                }
            }
        }
        assert_eq!(parities.len(), 2, "both parities were exercised");
    }

    fn party_state_survives_serialization() {
        let config = w1(Scheme::V2);
        let (parties, keys) = dkg(&config, 11);
        let restored: Vec<_> = parties
            .iter()
            .map(|p| wsts_web::crypto::encoding::from_bytes(&wsts_web::crypto::encoding::to_bytes(p)).unwrap())
            .collect();
        let (sig, vk) = local::sign(&config, &restored, &keys, &[1, 2, 3], b"after restore", SignatureType::Schnorr, &mut rng(2)).unwrap();
        assert!(k256_verifies(&vk, b"after restore", &sig));
        // Secrets never show in Debug output.
        let shown = format!("{:?}", restored[0]);
        assert!(shown.contains("SecretScalar(..)"));
    }
}

both_targets! {
    fn aggregator_names_every_bad_signature_share() {
        use wsts_web::crypto::signing::{SigningError, SigningSession};
        for scheme in [Scheme::V2, Scheme::V1] {
            let config = w1(scheme);
            let (parties, keys) = dkg(&config, 12);
            let mut rng = rng(13);
            let (secret, public): (Vec<_>, Vec<_>) = parties.iter().map(|p| p.generate_nonces(&mut rng)).unzip();
            let public: Vec<_> = public.into_iter().flatten().collect();
            let session =
                SigningSession::new(&keys.group_key, 13, b"m", SignatureType::Schnorr, &public, |p| config.party_keys(p)).unwrap();
            let mut shares: Vec<_> =
                parties.iter().zip(secret).flat_map(|(p, n)| p.sign(&session, n).unwrap()).collect();
            let first = shares[0].party_id;
            let last = shares.last().unwrap().party_id;
            shares[0].z += Scalar::from(1);
            let n = shares.len();
            shares[n - 1].z = Scalar::from(5);
            assert_eq!(session.aggregate(&shares, &keys), Err(SigningError::BadShares(vec![first, last])), "{scheme:?}");
            let missing: Vec<_> = shares[1..].to_vec();
            assert_eq!(session.aggregate(&missing, &keys), Err(SigningError::MissingShares(vec![first])));
        }
    }
}
