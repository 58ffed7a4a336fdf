//! Uneven weights: signers hold different numbers of key ids, and every
//! threshold (DKG and signing) counts key ids, not signers.
#![cfg(not(target_arch = "wasm32"))]

use wsts_web::{
    blame::Offence,
    config::Scheme,
    sim::{parse_adversary, parse_fault, Options, Report, Simulation},
};

/// Five signers, 20 key ids, threshold 13: signer 1 alone holds 9.
const WEIGHTS: [u32; 5] = [1, 9, 3, 5, 2];

fn options(faults: &[&str], adversaries: &[&str]) -> Options {
    Options {
        threshold: 13,
        sign_rounds: 2,
        seed: 11,
        faults: faults.iter().map(|f| parse_fault(f).unwrap()).collect(),
        adversaries: adversaries.iter().map(|a| parse_adversary(a).unwrap()).collect(),
        ..Options::default()
    }
    .weighted(&WEIGHTS)
}

fn run(o: Options) -> Report {
    Simulation::new(o).unwrap().run()
}

fn weight(signers: &[u32]) -> u32 {
    signers.iter().map(|s| WEIGHTS[*s as usize]).sum()
}

#[test]
fn uneven_key_ids_are_dealt_as_weighted() {
    let sim = Simulation::new(options(&[], &[])).unwrap();
    let config = sim.options.key_config().unwrap();
    assert_eq!(config.weights(), WEIGHTS);
    assert_eq!(config.key_ids(1), &[2, 3, 4, 5, 6, 7, 8, 9, 10]);
}

#[test]
fn uneven_ceremony_signs_in_both_schemes() {
    for scheme in [Scheme::V2, Scheme::V1] {
        let report = run(Options { scheme, ..options(&[], &[]) });
        assert!(report.ok(), "{scheme:?}: {report:#?}");
        assert!(report.malicious.is_empty());
        for s in &report.signatures {
            assert!(weight(&s.signers_used) >= 13, "{s:?}");
        }
    }
}

#[test]
fn silent_light_signers_are_left_out_by_weight() {
    // Signers 0, 2 and 4 (weight 6) silent: 1 and 3 hold 14 >= 13 and sign alone.
    let faults = ["0:offline=share:1", "2:offline=nonce:1", "4:offline=sign:1"];
    let report = run(options(&faults, &[]));
    assert!(report.ok(), "{report:#?}");
    assert!(report.malicious.is_empty(), "silence is not malice");
    assert_eq!(report.signatures[0].signers_used, vec![1, 3]);
}

#[test]
fn one_heavy_silent_signer_blocks_the_threshold_but_is_not_malicious() {
    // Signer 1 holds 9 of 20: without it the other four hold 11 < 13, so no
    // signature is possible in round 1, however many signers answer.
    let report = run(options(&["1:offline=sign:1"], &[]));
    assert!(!report.signatures[0].ok, "{report:#?}");
    assert!(report.signatures[1].ok, "{report:#?}");
    assert!(report.signatures[1].signers_used.contains(&1));
    assert!(report.malicious.is_empty());
}

#[test]
fn heavy_adversaries_are_named_and_the_rest_carry_the_weight() {
    // Signer 2 (weight 3, among the first to answer) misbehaves; the other
    // four hold 17 >= 13.
    for (spec, offence) in [
        ("2:bad-signature-share", Offence::BadSignatureShare),
        ("2:bad-private-shares=1", Offence::BadPrivateShares),
        ("2:withhold-private-shares=0,1", Offence::WithheldPrivateShares),
    ] {
        let report = run(options(&[], &[spec]));
        assert!(report.dkg.ok && report.ok(), "{spec}: {report:#?}");
        assert_eq!(report.malicious.get(&2), Some(&offence), "{spec}");
        assert_eq!(report.malicious.len(), 1, "{spec}");
        assert!(report.signatures.iter().all(|s| !s.signers_used.contains(&2)), "{spec}");
    }
}

#[test]
fn dkg_cannot_finish_without_enough_weight() {
    // Signer 1 (weight 9) silent in every DKG attempt: 11 < 13 key ids remain.
    let report = run(Options { max_dkg_restarts: 1, ..options(&["1:offline=dkg"], &[]) });
    assert!(!report.dkg.ok, "{report:#?}");
    assert!(report.malicious.is_empty());
    // Signers 0 and 4 (weight 3) silent: the others hold 17 and make the key
    // in the first attempt without them.
    let report = run(options(&["0:offline=dkg:1", "4:offline=dkg:1"], &[]));
    assert!(report.dkg.attempts[0].ok, "{report:#?}");
    assert_eq!(report.dkg.attempts[0].unresponsive, [0, 4].into());
    assert!(report.malicious.is_empty());
}

#[test]
fn weights_must_agree_with_the_counts() {
    let o = Options { signers: 4, ..options(&[], &[]) };
    assert!(Simulation::new(o).err().unwrap().contains("not 4 and 20"));
    let o = Options { keys: 21, ..options(&[], &[]) };
    assert!(Simulation::new(o).is_err());
    let o = Options { threshold: 21, ..options(&[], &[]) };
    assert!(Simulation::new(o).err().unwrap().contains("threshold 21 exceeds"));
}
