//! Whole ceremonies through the real state machines and packets: every
//! adversary is named and DKG completes without it; silence is never malice.
mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::collections::BTreeSet;

use wsts_web::{
    blame::Offence,
    config::Scheme,
    crypto::signing::SignatureType,
    sim::{parse_adversary, parse_fault, Options, Report, Simulation},
};

fn options(signers: u32, keys: u32, threshold: u32) -> Options {
    Options { signers, keys, threshold, sign_rounds: 2, seed: 42, ..Options::default() }
}

fn run(o: Options) -> Report {
    Simulation::new(o).unwrap().run()
}

fn with(mut o: Options, adversaries: &[&str], faults: &[&str]) -> Options {
    o.adversaries = adversaries.iter().map(|a| parse_adversary(a).unwrap()).collect();
    o.faults = faults.iter().map(|f| parse_fault(f).unwrap()).collect();
    o
}

/// The adversary, and only it, is proven malicious with the expected offence;
/// DKG completes without it and every signing round succeeds without it.
fn assert_culprit_named(report: &Report, culprit: u32, offence: Offence) {
    assert!(report.dkg.ok, "DKG completes: {report:#?}");
    assert_eq!(report.malicious.keys().copied().collect::<Vec<_>>(), vec![culprit], "{report:#?}");
    assert_eq!(report.malicious[&culprit], offence);
    for attempt in &report.dkg.attempts {
        assert!(attempt.malicious.keys().all(|s| *s == culprit), "no honest signer blamed: {attempt:?}");
    }
    assert!(report.ok(), "{report:#?}");
    for s in &report.signatures {
        assert!(!s.signers_used.contains(&culprit));
    }
}

both_targets! {
    fn honest_ceremony_signs_every_type() {
        for sig_type in common::ALL_TYPES {
            for scheme in [Scheme::V2, Scheme::V1] {
                let report = run(Options { sig_type, scheme, ..options(4, 20, 13) });
                assert!(report.ok(), "{sig_type:?} {scheme:?}: {report:#?}");
                assert!(report.malicious.is_empty());
                assert_eq!(report.dkg.attempts.len(), 1);
            }
        }
    }

    fn every_adversary_is_named_and_dkg_completes_without_it() {
        for (spec, offence) in common::ADVERSARIES {
            for scheme in [Scheme::V2, Scheme::V1] {
                let report = run(with(Options { scheme, ..options(5, 20, 13) }, &[spec], &[]));
                assert_culprit_named(&report, 2, offence);
            }
        }
    }

    fn adversaries_are_named_under_dropped_messages() {
        // Lost messages around the adversary must not frame the honest signers.
        let faults = ["drop=c>0:DkgPrivateShares", "drop=c>1:DkgPublicShares", "drop=3>c:NonceResponse"];
        for (spec, offence) in common::ADVERSARIES {
            let report = run(with(options(5, 20, 13), &[spec], &faults));
            assert_culprit_named(&report, 2, offence);
        }
    }

    fn frost_coordinator_names_culprits_too() {
        for (spec, offence) in common::ADVERSARIES {
            let report = run(with(Options { frost: true, ..options(5, 20, 13) }, &[spec], &[]));
            assert!(report.malicious.get(&2) == Some(&offence), "{spec}: {report:#?}");
            assert_eq!(report.malicious.len(), 1, "{spec}");
            assert!(report.dkg.ok, "{spec}: the application's retry completes DKG");
        }
    }

    fn replayed_old_rounds_change_nothing() {
        let report = run(with(Options { sign_rounds: 3, ..options(4, 20, 13) }, &["1:replay-old-round"], &[]));
        assert!(report.ok(), "{report:#?}");
        assert!(report.malicious.is_empty());
        assert!(report.rejected_packets.get("Replay").copied().unwrap_or(0) > 0, "{:?}", report.rejected_packets);
    }

    fn offline_in_round_one_is_not_malicious_and_signs_in_round_two() {
        for phase in ["nonce", "share", "sign"] {
            // Signers 0..3 hold 5 key ids each; 0, 1 and 2 are needed without 3.
            let spec = format!("0:offline={phase}:1");
            let report = run(with(Options { sign_rounds: 2, ..options(4, 20, 13) }, &[], &[&spec]));
            assert!(report.ok(), "{phase}: {report:#?}");
            assert!(report.malicious.is_empty(), "{phase}: silence is not malice");
            assert!(!report.signatures[0].signers_used.contains(&0));
            assert!(report.signatures[1].signers_used.contains(&0), "{phase}: eligible again in round 2");
        }
    }

    fn the_seed_flaw_path_recovers() {
        // Signers answer the nonce request and then go silent, in every round
        // of their own: the reference coordinator marks them malicious for good.
        let faults = ["0:offline=share:1", "1:offline=share:2", "2:offline=share:3", "3:offline=share:4"];
        let report = run(with(Options { sign_rounds: 6, ..options(4, 20, 13) }, &[], &faults));
        assert!(report.malicious.is_empty());
        assert!(report.signatures.iter().all(|s| s.ok), "{report:#?}");
        // Once the faults end, rounds succeed on the first attempt.
        assert_eq!(report.signatures[4].attempts, 1);
        assert_eq!(report.signatures[5].attempts, 1);
    }

    fn too_many_silent_signers_delay_but_do_not_break_signing() {
        // In round 1 two of four signers are offline: no attempt can succeed.
        let faults = ["0:offline=sign:1", "1:offline=sign:1"];
        let report = run(with(Options { sign_rounds: 2, ..options(4, 20, 13) }, &[], &faults));
        assert!(!report.signatures[0].ok);
        assert!(report.signatures[1].ok, "{report:#?}");
        assert!(report.malicious.is_empty());
    }

    fn offline_during_dkg_is_unresponsive_not_malicious() {
        let report = run(with(options(5, 20, 13), &[], &["4:offline=dkg:1"]));
        assert!(report.ok(), "{report:#?}");
        assert!(report.malicious.is_empty());
        assert_eq!(report.dkg.attempts[0].unresponsive, BTreeSet::from([4]));
    }

    fn dkg_retries_when_too_many_are_offline() {
        // Attempt 1 lacks the weight; attempt 2 has everyone back.
        let faults = ["0:offline=dkg:1", "1:offline=dkg:1"];
        let report = run(with(options(4, 20, 13), &[], &faults));
        assert!(report.ok(), "{report:#?}");
        assert_eq!(report.dkg.attempts.len(), 2);
        assert!(!report.dkg.attempts[0].ok && report.dkg.attempts[1].ok);
        assert!(report.malicious.is_empty());
    }

    fn lost_messages_never_frame_an_honest_signer() {
        let drops = [
            "drop=2>c:DkgPrivateShares",
            "drop=c>1:DkgPrivateShares",
            "drop=c>1:DkgPublicShares",
            "drop=c>0:DkgPrivateBegin",
            "drop=c>3:DkgEndBegin",
            "drop=1>c:DkgEnd",
            "drop=0>c:SignatureShareResponse",
            "drop=c>2:SignatureShareRequest",
        ];
        for drop in drops {
            let report = run(with(options(4, 20, 13), &[], &[drop]));
            assert!(report.malicious.is_empty(), "{drop}: {report:#?}");
            assert!(report.ok(), "{drop}: {report:#?}");
        }
    }

    fn save_and_restore_mid_dkg_and_mid_signing_completes() {
        for restore_at in [3, 8, 15, 25, 40] {
            let mut sim = Simulation::new(options(4, 20, 13)).unwrap();
            sim.coordinator.start_dkg(sim.now()).unwrap();
            for _ in 0..restore_at {
                sim.step();
            }
            sim.save_and_restore_all();
            sim.run_until_quiet();
            assert!(sim.coordinator.group_key().is_some(), "DKG completes after a restore at step {restore_at}");
            sim.take_events();
            sim.coordinator.start_signing(b"m", SignatureType::Schnorr, sim.now()).unwrap();
            for _ in 0..restore_at / 3 {
                sim.step();
            }
            sim.save_and_restore_all();
            sim.run_until_quiet();
            let signed = sim.take_events().into_iter().any(|e| {
                matches!(e, wsts_web::state_machine::coordinator::CoordinatorEvent::Signature(_))
            });
            assert!(signed, "signing completes after a restore");
            assert!(sim.coordinator.malicious().is_empty());
        }
    }
}

both_targets! {
    fn operator_api_and_saved_state_keep_malice_and_silence_apart() {
        // Five signers of weight 5: without 2 (malicious) and 0 (silent), 15 >= 13.
        let o = with(options(5, 25, 13), &["2:bad-signature-share"], &["0:offline=share:1"]);
        let mut sim = Simulation::new(o).unwrap();
        assert!(sim.run_dkg().0);
        let round = sim.sign_round(1);
        assert!(round.ok, "{round:?}");
        let c = &sim.coordinator;
        assert_eq!(c.malicious().keys().copied().collect::<Vec<_>>(), vec![2]);
        assert_eq!(c.malicious()[&2], Offence::BadSignatureShare);
        assert_eq!(c.unresponsive().iter().copied().collect::<Vec<_>>(), vec![0]);

        // Saved state keeps the two sets apart and leaves the network key out.
        let (coordinator_key, _, _) = wsts_web::sim::network_keys(5, 42);
        let saved = sim.coordinator.save();
        let secret = coordinator_key.expose().to_bytes();
        assert!(!saved.windows(32).any(|w| w == secret), "the network key is not in the saved state");
        let mut restored =
            wsts_web::state_machine::coordinator::Coordinator::restore(&saved, coordinator_key.clone()).unwrap();
        assert_eq!(restored.malicious(), sim.coordinator.malicious());
        assert_eq!(restored.unresponsive(), sim.coordinator.unresponsive());
        let wrong_key = wsts_web::sim::network_keys(5, 43).0;
        assert!(wsts_web::state_machine::coordinator::Coordinator::restore(&saved, wrong_key).is_err());

        // reset() clears silence, never malice, and keeps the key.
        restored.reset();
        assert!(restored.unresponsive().is_empty());
        assert_eq!(restored.malicious().len(), 1);
        assert!(restored.group_key().is_some());
        // Operators can forgive.
        restored.clear_malicious(Some(2));
        assert!(restored.malicious().is_empty());

        // A new round starts with every signer not proven malicious, and the
        // previously silent signer 0 signs again.
        let second = sim.sign_round(2);
        assert!(second.ok);
        assert!(second.signers_used.contains(&0));
        assert!(!second.signers_used.contains(&2));
        assert!(sim.coordinator.unresponsive().is_empty());
        // No secret in Debug output.
        let shown = format!("{:?} {:?}", sim.coordinator, sim.signers[1]);
        assert!(!shown.contains(&hex::encode(secret)));
    }
}

/// Signer 1 sends the coordinator one `DkgPublicShares` and signer 0, directly,
/// another one with different content, both validly signed.
fn equivocate_to_signer_0(sim: &mut Simulation) {
    use wsts_web::{
        crypto::Scalar,
        net::{Message, Packet, Sender},
        sim::network_keys,
    };
    let (_, keys, network) = network_keys(sim.options.signers, sim.options.seed);
    sim.coordinator.start_dkg(sim.now()).unwrap();
    let sent = loop {
        assert!(sim.step(), "signer 1 never sent its public shares");
        let found = sim.recorded.iter().find_map(|r| {
            let p = Packet::from_bytes(&r.bytes, &network).ok()?;
            (r.to.is_none() && p.sender() == Sender::Signer(1) && p.message().name() == "DkgPublicShares").then_some(p)
        });
        if let Some(p) = found {
            break p;
        }
    };
    let mut other = sent.message().clone();
    let Message::DkgPublicShares(m) = &mut other else { unreachable!() };
    m.commitments[0].proof.s += Scalar::from(1);
    let forged = Packet::sign(Sender::Signer(1), other, &keys[1], &mut common::rng(3)).to_bytes();
    let now = sim.now();
    sim.signers[0].handle_packet(&forged, now).unwrap();
}

both_targets! {
    fn a_signer_holding_two_signed_packets_from_one_sender_proves_equivocation() {
        let mut sim = Simulation::new(Options { record: true, ..options(4, 12, 8) }).unwrap();
        equivocate_to_signer_0(&mut sim);
        sim.run_until_quiet();
        let attempts: Vec<_> = sim
            .take_events()
            .into_iter()
            .filter_map(|e| match e {
                wsts_web::state_machine::coordinator::CoordinatorEvent::DkgAttempt(r) => Some(r),
                _ => None,
            })
            .collect();
        let first = &attempts[0];
        assert!(!first.ok);
        // Signer 0 went on with the coordinator's copy and reported the other one.
        assert!(first.reported_failures.iter().any(|(reporter, f)| *reporter == 0
            && matches!(f, wsts_web::net::DkgEndFailure::Equivocation { signer: 1, .. })));
        assert_eq!(
            first.malicious,
            vec![wsts_web::blame::Finding { signer: 1, offence: Offence::Equivocation }],
            "only the equivocator is blamed"
        );
        assert_eq!(sim.coordinator.malicious().keys().copied().collect::<Vec<_>>(), vec![1]);
        // The retry leaves signer 1 out and succeeds.
        assert!(attempts.iter().skip(1).any(|a| a.ok));
    }
}

both_targets! {
    fn a_bad_share_is_proven_even_when_the_attempt_times_out() {
        // Signer 0 goes silent after its nonce; signer 2 sends a bad share in
        // the same attempt. The timeout must not let the bad share go unchecked.
        let o = with(options(5, 25, 13), &["2:bad-signature-share"], &["0:offline=share:1"]);
        let mut sim = Simulation::new(o).unwrap();
        assert!(sim.run_dkg().0);
        let now = sim.now();
        sim.coordinator.start_signing(b"timeout", SignatureType::Schnorr, now).unwrap();
        sim.run_until_quiet();
        let first = sim
            .take_events()
            .into_iter()
            .find_map(|e| match e {
                wsts_web::state_machine::coordinator::CoordinatorEvent::SignAttempt(r) => Some(r),
                _ => None,
            })
            .expect("a signing attempt");
        assert!(!first.ok);
        assert_eq!(first.unresponsive.iter().copied().collect::<Vec<_>>(), vec![0]);
        assert_eq!(first.malicious, vec![wsts_web::blame::Finding { signer: 2, offence: Offence::BadSignatureShare }]);
    }
}

both_targets! {
    fn a_signer_that_missed_dkg_end_begin_catches_up_and_signs() {
        use wsts_web::{
            net::{Message, NonceRequest, Packet, Sender},
            sim::network_keys,
        };
        // Signer 3 never gets `DkgEndBegin`: DKG completes without its result.
        let mut sim = Simulation::new(with(options(4, 20, 13), &[], &["drop=c>3:DkgEndBegin"])).unwrap();
        assert!(sim.run_dkg().0);
        assert_eq!(sim.signers[3].group_key(), None);
        assert!(sim.signers[0].group_key().is_some());

        // Only the coordinator can make it act: a request signed by another
        // signer, or by another key as the coordinator, is refused and changes nothing.
        let (_, keys, _) = network_keys(4, 42);
        let request = NonceRequest { dkg_id: 1, sign_id: 9, sign_iter_id: 0, message: vec![1], sig_type: SignatureType::Schnorr };
        let before = sim.signers[3].save();
        for sender in [Sender::Signer(1), Sender::Coordinator] {
            let forged = Packet::sign(sender, Message::NonceRequest(request.clone()), &keys[1], &mut common::rng(6));
            let now = sim.now();
            assert!(sim.signers[3].handle_packet(&forged.to_bytes(), now).is_err());
            assert!(sim.signers[3].poll_transmit().is_none());
        }
        assert_eq!(sim.signers[3].save(), before);

        // In round 1 signer 0 is offline, so the key needs signer 3: the first
        // nonce request shows it what it missed, and it catches up.
        sim.options.faults.push(parse_fault("0:offline=sign:1").unwrap());
        let first = sim.sign_round(1);
        assert!(first.ok, "{first:?}");
        assert!(first.signers_used.contains(&3), "{first:?}");
        assert_eq!(sim.signers[3].group_key(), sim.coordinator.group_key());
        let second = sim.sign_round(2);
        assert!(second.ok, "{second:?}");
        assert!(sim.coordinator.malicious().is_empty(), "silence is not malice");
    }
}

both_targets! {
    fn progress_awaited_and_report_follow_the_ceremony() {
        let mut sim = Simulation::new(with(options(4, 20, 13), &[], &["3:offline=dkg:1"])).unwrap();
        sim.coordinator.start_dkg(sim.now()).unwrap();
        sim.collect_outputs();
        // Nobody has answered yet: every invited signer is awaited.
        assert_eq!(sim.coordinator.awaited(), vec![0, 1, 2, 3]);
        let running = sim.coordinator.progress().dkg.unwrap();
        assert!(running.running);
        assert_eq!(running.current.as_deref(), Some("public"));
        // Once some have answered, only the others are awaited.
        let got = loop {
            assert!(sim.step());
            let public = sim.coordinator.progress().dkg.unwrap().steps["public"].clone().unwrap();
            if !public.got.is_empty() {
                break public.got;
            }
        };
        let awaited: Vec<u32> = (0..4).filter(|s| !got.contains(s)).collect();
        assert_eq!(sim.coordinator.awaited(), awaited);
        sim.run_until_quiet();
        // Signer 3 stayed silent and the key was made without it.
        assert!(sim.coordinator.awaited().is_empty());
        let dkg = sim.coordinator.progress().dkg.unwrap();
        assert!(!dkg.running && !dkg.failed, "{dkg:?}");
        assert_eq!(dkg.steps["public"].as_ref().unwrap().got, vec![0, 1, 2]);
        assert_eq!(dkg.steps["end"].as_ref().unwrap().expected, vec![0, 1, 2]);
        sim.take_events();
        let round = sim.sign_round(1);
        assert!(round.ok);
        // The coordinator's own report is the simulator's, field for field.
        let report = sim.coordinator.report();
        assert!(report.dkg.ok);
        assert_eq!(report.dkg.attempts.len(), 1);
        assert_eq!(report.dkg.attempts[0].unresponsive, BTreeSet::from([3]));
        assert_eq!(report.signatures, vec![round]);
        assert_eq!(report.aggregate_public_key.as_deref().map(str::len), Some(66));
        let sign = sim.coordinator.progress().sign.unwrap();
        assert!(!sign.running && !sign.failed && sign.steps["share"].as_ref().unwrap().done);
    }
}

both_targets! {
    // Found by the coordinator fuzz target: the saved report held reported
    // failures as JSON values, which the saved state's encoding cannot decode.
    fn a_coordinator_saved_after_a_reported_failure_restores() {
        let mut sim = Simulation::new(with(options(4, 10, 5), &["1:bad-private-shares=2"], &[])).unwrap();
        let (dkg_ok, attempts) = sim.run_dkg();
        assert!(dkg_ok);
        assert!(attempts.iter().any(|a| !a.reported_failures.is_empty()), "{attempts:?}");
        let report = sim.coordinator.report();
        sim.save_and_restore_all();
        assert_eq!(sim.coordinator.report(), report);
        assert!(sim.sign_round(1).ok);
    }
}
