//! Every way DKG can fail is caught, names the culprit, and can be settled
//! by a third party from public evidence.
mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use wsts_web::{
    blame::{settle_bad_private_shares, settle_bad_share_sum, SumVerdict, Verdict},
    config::Scheme,
    crypto::{base_mul, polynomial::Coefficients, secret::SecretScalar, Scalar},
    keys::{local, SignerKeys},
    net::{BadShareEvidence, DkgFailure, DkgPrivateShares, DkgPublicShares, SharePayload},
};

struct Round {
    config: wsts_web::config::Config,
    parties: Vec<SignerKeys>,
    public: BTreeMap<u32, DkgPublicShares>,
    private: BTreeMap<u32, DkgPrivateShares>,
    rng: rand_chacha::ChaCha20Rng,
}

fn round(scheme: Scheme, seed: u64) -> Round {
    let config = w1(scheme);
    let mut parties = parties(&config);
    let mut rng = rng(seed);
    let public: BTreeMap<_, _> = parties.iter_mut().map(|p| (p.signer_id(), p.start_dkg(5, &mut rng))).collect();
    let private = parties.iter().map(|p| (p.signer_id(), p.encrypt_shares(&public, &mut rng).unwrap())).collect();
    Round { config, parties, public, private, rng }
}

fn failures_of(r: &mut Round) -> BTreeMap<u32, Vec<DkgFailure>> {
    local::finish_all(&mut r.parties, &r.public, &r.private, &mut r.rng).unwrap_err()
}

fn corrupt_shares_from(r: &mut Round, dealer: u32, victim: u32) {
    let altered = r.parties[dealer as usize]
        .encrypt_altered_shares(&r.public, &mut r.rng, |recipient, shares: &mut Vec<SecretScalar>| {
            if recipient == victim {
                shares[1] = SecretScalar::new(shares[1].expose() + Scalar::from(1));
            }
        })
        .unwrap();
    r.private.insert(dealer, altered);
}

/// Settle a `BadShareSum` claim over the whole round, as the coordinator does.
fn settle_sum(r: &Round, reporter: u32, evidence: &BTreeMap<u32, BadShareEvidence>) -> SumVerdict {
    let participants = r.public.keys().map(|s| (*s, (&r.public[s], &r.private[s]))).collect();
    settle_bad_share_sum(&r.config, &participants, reporter, evidence).unwrap()
}

/// The victim's `BadShareSum` claim, with evidence against every other dealer.
fn sum_claim(failures: &BTreeMap<u32, Vec<DkgFailure>>, victim: u32) -> BTreeMap<u32, BadShareEvidence> {
    let [DkgFailure::BadShareSum(evidence)] = failures[&victim].as_slice() else { panic!("{:?}", failures[&victim]) };
    assert_eq!(evidence.keys().copied().collect::<BTreeSet<_>>(), (0..4).filter(|s| *s != victim).collect());
    evidence.clone()
}

fn check_corrupted_share_named(scheme: Scheme) {
    let mut r = round(scheme, 1);
    corrupt_shares_from(&mut r, 2, 0);
    let failures = failures_of(&mut r);
    // Only the victim complains; settling its claim names exactly the dealer.
    assert_eq!(failures.keys().copied().collect::<Vec<_>>(), vec![0]);
    let evidence = sum_claim(&failures, 0);
    assert_eq!(settle_sum(&r, 0, &evidence), SumVerdict::SendersAtFault(BTreeSet::from([2])));
    // The evidence against the one dealer settles on its own as well.
    let verdict =
        settle_bad_private_shares(&r.config, &r.public[&2], &r.private[&2], &r.public[&0], &evidence[&2]).unwrap();
    assert_eq!(verdict, Verdict::AccusedAtFault);
    let verdict =
        settle_bad_private_shares(&r.config, &r.public[&1], &r.private[&1], &r.public[&0], &evidence[&1]).unwrap();
    assert_eq!(verdict, Verdict::ReporterAtFault);
}

both_targets! {
    fn corrupted_share_names_its_dealer_v2() {
        check_corrupted_share_named(Scheme::V2);
    }

    fn corrupted_share_names_its_dealer_v1() {
        check_corrupted_share_named(Scheme::V1);
    }

    fn several_bad_dealers_are_all_named() {
        let mut r = round(Scheme::V2, 2);
        corrupt_shares_from(&mut r, 1, 3);
        corrupt_shares_from(&mut r, 2, 3);
        let failures = failures_of(&mut r);
        let evidence = sum_claim(&failures, 3);
        assert_eq!(settle_sum(&r, 3, &evidence), SumVerdict::SendersAtFault(BTreeSet::from([1, 2])));
    }

    fn tampered_ciphertext_is_an_error_and_blames_the_sender() {
        let mut r = round(Scheme::V2, 3);
        let packet = r.private.get_mut(&1).unwrap();
        let to_victim = packet.shares.iter_mut().find(|s| s.recipient == 2).unwrap();
        let SharePayload::Ciphertext(ciphertext) = &mut to_victim.payload else { panic!() };
        ciphertext.bytes[0] ^= 0x80;
        let failures = failures_of(&mut r);
        let [DkgFailure::BadPrivateShares(bad)] = failures[&2].as_slice() else { panic!() };
        assert!(bad.contains_key(&1));
        let verdict = settle_bad_private_shares(&r.config, &r.public[&1], &r.private[&1], &r.public[&2], &bad[&1]).unwrap();
        assert_eq!(verdict, Verdict::AccusedAtFault);
    }

    fn forged_tuple_proof_is_rejected() {
        let mut r = round(Scheme::V2, 4);
        corrupt_shares_from(&mut r, 1, 0);
        let failures = failures_of(&mut r);
        let bad = sum_claim(&failures, 0);
        let mut forged = bad[&1].clone();
        forged.shared_key += base_mul(&Scalar::from(1));
        let verdict = settle_bad_private_shares(&r.config, &r.public[&1], &r.private[&1], &r.public[&0], &forged).unwrap();
        assert_eq!(verdict, Verdict::ReporterAtFault);
        let mut forged_proof = bad[&1].clone();
        forged_proof.proof.s += Scalar::from(1);
        let verdict = settle_bad_private_shares(&r.config, &r.public[&1], &r.private[&1], &r.public[&0], &forged_proof).unwrap();
        assert_eq!(verdict, Verdict::ReporterAtFault);
        // In a sum claim, one forged proof spoils the whole claim, even one
        // that would otherwise name the real culprit.
        let mut claim = bad.clone();
        claim.insert(2, forged_proof);
        assert_eq!(settle_sum(&r, 0, &claim), SumVerdict::ReporterAtFault);
        // So does evidence that leaves a dealer out.
        let mut partial = bad.clone();
        partial.remove(&3);
        assert_eq!(settle_sum(&r, 0, &partial), SumVerdict::ReporterAtFault);
    }

    fn false_accusation_blames_the_reporter() {
        // Signer 0 claims signer 3's (honest) shares are bad, with a valid tuple proof.
        let r = round(Scheme::V2, 5);
        let evidence = r.parties[0].bad_share_evidence(&r.public[&3], &mut rng(9)).unwrap();
        let verdict = settle_bad_private_shares(&r.config, &r.public[&3], &r.private[&3], &r.public[&0], &evidence).unwrap();
        assert_eq!(verdict, Verdict::ReporterAtFault);
        // A sum claim against honest dealers, with valid evidence, is false too.
        let claim: BTreeMap<u32, BadShareEvidence> =
            (1..4).map(|s| (s, r.parties[0].bad_share_evidence(&r.public[&s], &mut rng(10)).unwrap())).collect();
        assert_eq!(settle_sum(&r, 0, &claim), SumVerdict::ReporterAtFault);
    }

    fn withheld_shares_are_reported_missing() {
        let mut r = round(Scheme::V2, 6);
        r.private.get_mut(&3).unwrap().shares.retain(|s| s.recipient != 1);
        let failures = failures_of(&mut r);
        assert_eq!(failures.keys().copied().collect::<Vec<_>>(), vec![1]);
        assert_eq!(failures[&1], vec![DkgFailure::MissingPrivateShares(BTreeSet::from([3]))]);
    }

    fn bad_public_shares_are_named() {
        let mut r = round(Scheme::V2, 7);
        // A proof of possession replayed from another signer.
        let stolen = r.public[&0].commitments[0].proof.clone();
        r.public.get_mut(&1).unwrap().commitments[0].proof = stolen;
        // A commitment one coefficient short.
        if let Coefficients::Full(c) = &mut r.public.get_mut(&2).unwrap().commitments[0].coefficients {
            c.pop();
        }
        let failures = failures_of(&mut r);
        for signer in 0..4 {
            assert_eq!(failures[&signer], vec![DkgFailure::BadPublicShares(BTreeSet::from([1, 2]))], "signer {signer}");
        }
    }

    fn commitments_replayed_from_another_dkg_are_rejected() {
        let mut r = round(Scheme::V2, 8);
        let mut old = r.parties[1].clone();
        let mut replay = old.start_dkg(4, &mut rng(1));
        replay.dkg_id = 5; // relabelled, but the proofs are bound to DKG 4
        r.public.insert(1, replay);
        let failures = failures_of(&mut r);
        assert!(failures[&0].contains(&DkgFailure::BadPublicShares(BTreeSet::from([1]))));
    }

    fn missing_public_shares_are_named() {
        let mut r = round(Scheme::V2, 9);
        let participants: BTreeSet<u32> = (0..4).collect();
        r.public.remove(&2);
        let err = r.parties[0].finish_dkg(&participants, &r.public, &r.private, &[], &mut r.rng).unwrap_err();
        assert_eq!(err, vec![DkgFailure::MissingPublicShares(BTreeSet::from([2]))]);
    }
}
