//! Helpers shared by the integration tests, which run natively and, through
//! `wasm-pack test`, inside headless Chromium.
#![allow(dead_code)]

use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use wsts_web::{
    blame::Offence,
    config::{Config, Scheme},
    crypto::{
        bip340,
        signing::{GroupPublicKeys, Signature, SignatureType},
        Point,
    },
    keys::{local, SignerKeys},
};

pub fn rng(seed: u64) -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(seed)
}

pub fn parties(config: &Config) -> Vec<SignerKeys> {
    config.signers.keys().map(|&s| SignerKeys::new(config.clone(), s).unwrap()).collect()
}

/// 4 signers, 20 key ids, threshold 13: the acceptance workload.
pub fn w1(scheme: Scheme) -> Config {
    Config::evenly(scheme, 4, 20, 13, 13).unwrap()
}

pub fn dkg(config: &Config, seed: u64) -> (Vec<SignerKeys>, GroupPublicKeys) {
    let mut ps = parties(config);
    let keys = local::run_dkg(&mut ps, 1, &mut rng(seed)).expect("honest DKG succeeds");
    (ps, keys)
}

pub const ALL_TYPES: [SignatureType; 4] = [
    SignatureType::Frost,
    SignatureType::Schnorr,
    SignatureType::Taproot { merkle_root: None },
    SignatureType::Taproot { merkle_root: Some([0x5a; 32]) },
];

/// Check a signature with an independent BIP-340 implementation (RustCrypto's
/// k256), so we don't only agree with ourselves.
pub fn k256_verifies(verify_key: &Point, message: &[u8], signature: &Signature) -> bool {
    use k256::schnorr::{Signature as KSig, VerifyingKey};
    let Signature::Schnorr(sig) = signature else { return false };
    let Ok(vk) = VerifyingKey::from_bytes(&bip340::x_only(verify_key)) else { return false };
    let Ok(ksig) = KSig::try_from(&sig.0[..]) else { return false };
    // BIP-340 signs the message itself; k256's `Verifier` would SHA-256 it first.
    vk.verify_raw(message, &ksig).is_ok()
}

/// Run a test natively with `#[test]` and in the browser with
/// `#[wasm_bindgen_test]`.
#[macro_export]
macro_rules! both_targets {
    ($(fn $name:ident() $body:block)*) => {
        $(
            #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
            #[cfg_attr(not(target_arch = "wasm32"), test)]
            fn $name() $body
        )*
    };
}

/// Every DKG adversary as signer 2 of a ceremony, and the offence it is
/// named for (the last one, a signing offence).
pub const ADVERSARIES: [(&str, Offence); 8] = [
    ("2:withhold-private-shares=0,1", Offence::WithheldPrivateShares),
    ("2:empty-private-shares", Offence::WithheldPrivateShares),
    ("2:bad-private-shares=0", Offence::BadPrivateShares),
    ("2:bad-public-shares", Offence::BadPublicShares),
    ("2:equivocate-private-shares", Offence::Equivocation),
    ("2:false-missing-private-shares=1", Offence::FalseAccusation),
    ("2:false-bad-private-shares=1", Offence::FalseAccusation),
    ("2:bad-signature-share", Offence::BadSignatureShare),
];
