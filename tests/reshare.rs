//! Refresh and reshare through the state machines and the simulator (issue
//! 12): DKG, signing, a reshare (or refresh) to new weights and threshold,
//! and signing under the same group key with the new set, at epoch 1; every
//! reshare adversary named, no honest signer blamed for a lost message.
mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use wsts_web::{
    blame::Offence,
    crypto::signing::SignatureType,
    keys::local,
    sim::{parse_adversary, parse_fault, Options, Report, ReshareOptions, Simulation},
    state_machine::{coordinator::Coordinator, signer::Signer},
};

/// Weights 3,3,2,2 at t = 6.
fn options(reshare: ReshareOptions) -> Options {
    let o = Options { reshare: Some(reshare), threshold: 6, sign_rounds: 1, seed: 12, ..Options::default() };
    o.weighted(&[3, 3, 2, 2])
}

fn run(o: Options) -> Report {
    Simulation::new(o).unwrap().run()
}

/// The reshare kept the group key, and every signature after it is epoch 1
/// and made by `new_signers` only.
fn assert_reshared(report: &Report, new_signers: &[u32]) {
    assert!(report.ok(), "{report:#?}");
    assert_eq!(report.reshared_group_key, report.aggregate_public_key);
    let (before, after) = report.signatures.split_at(report.signatures.len() / 2);
    assert!(before.iter().all(|s| s.epoch == 0));
    assert!(after.iter().all(|s| s.epoch == 1 && s.signers_used.iter().all(|x| new_signers.contains(x))), "{after:#?}");
}

both_targets! {
    fn refresh_keeps_the_key_and_signs_at_epoch_1() {
        let report = run(options(ReshareOptions::default()));
        assert_reshared(&report, &[0, 1, 2, 3]);
        assert!(report.malicious.is_empty());
    }

    fn reshare_to_a_new_set_weights_and_threshold() {
        // Signer 1 leaves, 4 and 5 join, weights change, t 6 → 7; the
        // stayers hold 4 key ids, so the joiners must sign.
        let reshare = ReshareOptions { weights: Some(vec![1, 0, 1, 2, 4, 2]), threshold: Some(7), ..Default::default() };
        let report = run(options(reshare));
        assert_reshared(&report, &[0, 2, 3, 4, 5]);
        let after = report.signatures.last().unwrap();
        assert!(after.signers_used.iter().any(|s| *s >= 4), "{after:?}");
    }
}

/// The adversary, and only it, is named; the reshare completes without it
/// (a new dealer set, the culprit left without shares) and signs at epoch 1.
fn assert_reshare_culprit(report: &Report, culprit: u32, offence: Offence) {
    assert!(report.ok(), "{report:#?}");
    assert_eq!(report.malicious.keys().copied().collect::<Vec<_>>(), vec![culprit], "{report:#?}");
    assert_eq!(report.malicious[&culprit], offence);
    let attempts = &report.reshare.as_ref().unwrap().attempts;
    assert!(attempts.iter().all(|a| a.malicious.keys().all(|s| *s == culprit)), "{attempts:#?}");
    let after = report.signatures.iter().filter(|s| s.epoch == 1);
    assert!(after.clone().count() > 0 && after.clone().all(|s| !s.signers_used.contains(&culprit)));
}

both_targets! {
    fn every_reshare_adversary_is_named_and_the_reshare_completes_without_it() {
        // The DKG's adversaries, less the signing one.
        for &(spec, offence) in &common::ADVERSARIES[..7] {
            for weights in [None, Some(vec![3, 3, 2, 2, 2])] {
                let adversaries = vec![parse_adversary(spec).unwrap()];
                let reshare = ReshareOptions { weights: weights.clone(), adversaries, ..Default::default() };
                let report = run(options(reshare));
                assert_reshare_culprit(&report, 2, offence);
                assert!(report.dkg.attempts.iter().all(|a| a.malicious.is_empty()), "DKG was honest: {spec}");
            }
        }
    }

    fn a_dealer_with_a_bad_constant_term_is_named_from_public_data_and_left_out() {
        // Signer 2 (weight 2) deals a polynomial whose constant term the old
        // public key shares refute; the others (3 + 3 + 2) reach t = 6.
        for weights in [None, Some(vec![3, 3, 2, 2, 2])] {
            let adversaries = vec![parse_adversary("2:bad-constant-term").unwrap()];
            let reshare = ReshareOptions { weights, adversaries, ..Default::default() };
            let report = run(options(reshare));
            assert_reshare_culprit(&report, 2, Offence::BadConstantTerm);
            // Named by the coordinator on receipt: no signer had to complain.
            let attempts = &report.reshare.as_ref().unwrap().attempts;
            assert!(attempts.iter().all(|a| a.reported_failures.is_empty()), "{attempts:#?}");
            assert!(attempts.first().is_some_and(|a| !a.ok && a.malicious.contains_key(&2)), "{attempts:#?}");
        }
    }

    fn a_signer_offline_in_the_reshare_is_unresponsive_never_malicious() {
        // Signer 3 deals nothing and receives nothing in the reshare's first
        // attempt (dkg_id 2): the retry leaves it out as a dealer.
        let mut o = options(ReshareOptions::default());
        o.faults = vec![parse_fault("3:offline=dkg:2").unwrap()];
        let report = run(o);
        assert!(report.ok(), "{report:#?}");
        assert!(report.malicious.is_empty(), "{report:#?}");
        let attempts = &report.reshare.as_ref().unwrap().attempts;
        assert!(attempts.len() >= 2 && attempts[0].unresponsive.contains(&3), "{attempts:#?}");
    }
}

/// A simulation after DKG and one signature, ready to reshare.
fn signed_once(reshare: ReshareOptions) -> Simulation {
    let mut sim = Simulation::new(options(reshare)).unwrap();
    assert!(sim.run_dkg().0);
    assert!(sim.sign_round(1).ok);
    sim
}

fn join_leave() -> ReshareOptions {
    ReshareOptions { weights: Some(vec![1, 0, 1, 2, 4]), threshold: Some(7), ..Default::default() }
}

/// Start the join/leave reshare by hand and deliver `steps` messages.
fn start_join_leave(sim: &mut Simulation, steps: usize) {
    let target = wsts_web::state_machine::CeremonyConfig {
        keys: join_leave().target(&sim.coordinator.ceremony_config().keys).unwrap(),
        network: sim.network_for(5),
    };
    sim.add_signers(&target).unwrap();
    sim.coordinator.start_reshare(target, sim.now()).unwrap();
    for _ in 0..steps {
        sim.step();
    }
}

both_targets! {
    fn a_lost_copy_is_asked_for_again_and_blames_no_one() {
        let mut sim = signed_once(join_leave());
        // The coordinator's copy of a dealer's shares for the joiner is lost.
        sim.options.faults = vec![parse_fault("drop=c>4:DkgPrivateShares").unwrap()];
        let (ok, attempts) = sim.run_reshare(&join_leave()).unwrap();
        assert!(ok && attempts.len() == 1, "{attempts:#?}");
        assert!(sim.coordinator.malicious().is_empty() && attempts[0].malicious.is_empty());
        assert!(sim.sign_round(2).ok);
    }

    fn old_shares_are_kept_until_the_new_epoch_signs() {
        let mut sim = signed_once(join_leave());
        let old: Vec<_> = sim.signers.iter().map(|s| s.keys().clone()).collect();
        assert!(sim.run_reshare(&join_leave()).unwrap().0);
        assert!(sim.signers.iter().all(|s| s.epoch() == 1 || s.signer_id() == 1));
        assert!(sim.signers.iter().filter(|s| s.signer_id() != 1).all(|s| s.holds_previous_epoch()));
        let signed = sim.sign_round(2);
        assert!(signed.ok && signed.epoch == 1);
        // Every signer of the epoch is told, whether it signed or not.
        assert!(sim.signers.iter().all(|s| !s.holds_previous_epoch()));
        // Old and new shares do not mix: 0 on its old share with 3 and 4 on new ones.
        let new: Vec<_> = sim.signers.iter().map(|s| s.keys().clone()).collect();
        let config = sim.coordinator.ceremony_config().keys.clone();
        let keys = new[0].public_keys().unwrap().clone();
        let mut rng = common::rng(3);
        let sign = |parties: &[_], rng: &mut _| local::sign(&config, parties, &keys, &[0, 3, 4], b"m", SignatureType::Frost, rng);
        assert!(sign(&[new[0].clone(), new[3].clone(), new[4].clone()], &mut rng).is_ok());
        assert!(sign(&[old[0].clone(), new[3].clone(), new[4].clone()], &mut rng).is_err());
    }

    fn an_interrupted_reshare_leaves_the_old_epoch_usable() {
        let mut sim = signed_once(join_leave());
        start_join_leave(&mut sim, 12);
        sim.coordinator.reset();
        sim.run_until_quiet();
        let signed = sim.sign_round(2);
        assert!(signed.ok && signed.epoch == 0, "{signed:?}");
        assert!(sim.signers.iter().all(|s| s.epoch() == 0));
    }

    fn a_reshare_survives_every_machine_being_saved_and_restored() {
        let mut sim = signed_once(join_leave());
        start_join_leave(&mut sim, 12);
        sim.save_and_restore_all();
        sim.run_until_quiet();
        assert_eq!(sim.coordinator.epoch(), 1);
        let signed = sim.sign_round(2);
        assert!(signed.ok && signed.epoch == 1, "{signed:?}");
    }
}

const V2_SIGNERS: [&[u8]; 4] = [
    include_bytes!("fixtures/saved-v2-signer0.bin"),
    include_bytes!("fixtures/saved-v2-signer1.bin"),
    include_bytes!("fixtures/saved-v2-signer2.bin"),
    include_bytes!("fixtures/saved-v2-signer3.bin"),
];

both_targets! {
    // States saved by the previous build (format 2, written by this same
    // ceremony after DKG and one signature) restore, sign, and reshare.
    fn saves_from_before_epochs_restore_sign_and_reshare() {
        let mut sim = Simulation::new(options(join_leave())).unwrap();
        let (coordinator_key, signer_keys, _) = wsts_web::sim::network_keys(4, 12);
        let v2 = include_bytes!("fixtures/saved-v2-coordinator.bin");
        assert_eq!(v2[1], 2, "format version 2");
        sim.coordinator = Coordinator::restore(v2, coordinator_key).unwrap();
        for (i, bytes) in V2_SIGNERS.iter().enumerate() {
            sim.signers[i] = Signer::restore(bytes, signer_keys[i].clone()).unwrap();
            assert_eq!(sim.signers[i].epoch(), 0);
        }
        let key = sim.coordinator.group_key();
        assert!(key.is_some() && sim.signers.iter().all(|s| s.group_key() == key));
        assert_eq!(sim.coordinator.report().signatures.len(), 1);
        assert!(sim.sign_round(2).ok);
        assert!(sim.run_reshare(&join_leave()).unwrap().0);
        assert_eq!(sim.coordinator.group_key(), key);
        assert!(sim.sign_round(3).ok);
    }
}
