//! Repair of a lost share through the state machines and the simulator
//! (issue 12): a signer loses its state, helpers whose weight reaches the
//! threshold restore its shares, and it signs again under the unchanged
//! group key; every repair adversary is named (and only it), silence is
//! unresponsive, never malicious, and the coordinator refuses what it must.
mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use wsts_web::{
    blame::Offence,
    crypto::{repair::RepairError, secret::SecretScalar},
    net::{Packet, RepairBegin, RepairCommitments, Sender},
    sim::{network_keys, parse_fault, Options, RepairBehaviour, RepairOptions, Report, Simulation},
    state_machine::{coordinator::CoordinatorEvent, signer::Signer, StateError},
};

/// Weights 3,3,3,3,2 at t = 8: the helpers for signer 4 less one signer
/// hold 9 ≥ 8 key ids, less two fall short.
fn options(signer: u32, adversaries: Vec<(u32, RepairBehaviour)>) -> Options {
    let repair = RepairOptions { signer, adversaries };
    let o = Options { repair: Some(repair), threshold: 8, sign_rounds: 1, seed: 31, ..Options::default() };
    o.weighted(&[3, 3, 3, 3, 2])
}

/// [`options`], with every signer but `signing` offline in the signing round
/// after the repair, so that round needs all of them.
fn signing_with(signer: u32, adversaries: Vec<(u32, RepairBehaviour)>, signing: &[u32]) -> Options {
    let faults = (0..5).filter(|s| !signing.contains(s));
    let faults = faults.map(|s| parse_fault(&format!("{s}:offline=sign:2")).unwrap()).collect();
    Options { faults, ..options(signer, adversaries) }
}

fn run(o: Options) -> Report {
    Simulation::new(o).unwrap().run()
}

/// The repair worked, the signature after it verifies under the DKG's group
/// key and was made with the repaired signer.
fn assert_repaired(report: &Report, repaired: u32) {
    assert!(report.ok(), "{report:#?}");
    let repair = report.repair.as_ref().unwrap();
    assert!(repair.ok && repair.signer == repaired, "{repair:#?}");
    let after = report.signatures.last().unwrap();
    assert_eq!(after.verify_key, report.signatures[0].verify_key);
    assert!(after.ok && after.signers_used.contains(&repaired), "{after:#?}");
}

both_targets! {
    fn a_repaired_signer_gets_its_shares_back_and_signs() {
        for (repaired, signing) in [(0, [0, 3, 4]), (4, [1, 2, 4])] {
            let report = run(signing_with(repaired, vec![], &signing));
            assert_repaired(&report, repaired);
            assert!(report.malicious.is_empty(), "{report:#?}");
            assert_eq!(report.repair.as_ref().unwrap().attempts.len(), 1);
        }
    }

    fn a_repaired_signer_holds_exactly_its_lost_shares() {
        let mut sim = Simulation::new(options(2, vec![])).unwrap();
        assert!(sim.run_dkg().0);
        let before = sim.signers[2].keys().public_keys().cloned();
        let repair = sim.run_repair(&RepairOptions { signer: 2, adversaries: vec![] });
        assert!(repair.ok, "{repair:#?}");
        let restored = &sim.signers[2];
        assert_eq!(restored.keys().public_keys().cloned(), before);
        assert_eq!(restored.group_key(), sim.coordinator.group_key());
        // The saved repaired signer restores with its shares.
        let (_, keys, _) = network_keys(5, 31);
        let again = Signer::restore(&restored.save(), keys[2].clone()).unwrap();
        assert_eq!(again.group_key(), sim.coordinator.group_key());
    }
}

both_targets! {
    fn every_repair_adversary_is_named_and_the_repair_completes_without_it() {
        let cases = [
            (RepairBehaviour::BadCommitment, 1, Offence::BadRepairCommitments),
            (RepairBehaviour::BadPiece, 1, Offence::BadRepairPieces),
            (RepairBehaviour::BadSum, 3, Offence::BadRepairSum),
            (RepairBehaviour::FalseAccusation, 0, Offence::FalseAccusation),
        ];
        for (behaviour, culprit, offence) in cases {
            let signing = [(culprit + 1) % 4, (culprit + 2) % 4, 4];
            let report = run(signing_with(4, vec![(culprit, behaviour)], &signing));
            assert_repaired(&report, 4);
            let repair = report.repair.as_ref().unwrap();
            assert_eq!(repair.blamed.keys().copied().collect::<Vec<_>>(), vec![culprit], "{behaviour:?}: {repair:#?}");
            assert_eq!(repair.blamed[&culprit], offence, "{behaviour:?}");
            assert_eq!(report.malicious.keys().copied().collect::<Vec<_>>(), vec![culprit]);
            let last = repair.attempts.last().unwrap();
            assert!(last.ok && !last.helpers.contains(&culprit), "{repair:#?}");
        }
    }

    fn a_false_accusation_by_the_repaired_signer_names_it() {
        let report = run(options(4, vec![(4, RepairBehaviour::FalseAccusation)]));
        let repair = report.repair.as_ref().unwrap();
        assert!(!repair.ok);
        assert_eq!(repair.blamed.keys().copied().collect::<Vec<_>>(), vec![4], "{repair:#?}");
        assert_eq!(repair.blamed[&4], Offence::FalseAccusation);
    }

    fn a_withholding_helper_is_unresponsive_not_malicious() {
        let report = run(signing_with(4, vec![(2, RepairBehaviour::Withhold)], &[0, 1, 4]));
        assert_repaired(&report, 4);
        let repair = report.repair.as_ref().unwrap();
        assert!(repair.blamed.is_empty() && report.malicious.is_empty(), "{repair:#?}");
        let first = &repair.attempts[0];
        assert!(!first.ok && first.unresponsive.iter().eq([2].iter()), "{first:#?}");
        let last = repair.attempts.last().unwrap();
        assert!(last.ok && !last.helpers.contains(&2), "{repair:#?}");
    }
}

/// A simulation after DKG, with signer `lost` replaced by a fresh machine.
fn after_dkg(lost: u32) -> (Simulation, Vec<SecretScalar>, SecretScalar) {
    let mut sim = Simulation::new(options(lost, vec![])).unwrap();
    assert!(sim.run_dkg().0);
    let (coordinator_key, keys, _) = network_keys(5, 31);
    let config = sim.coordinator.ceremony_config().clone();
    sim.signers[lost as usize] = Signer::new(config, lost, keys[lost as usize].clone()).unwrap();
    (sim, keys, coordinator_key)
}

/// The coordinator's first `RepairBegin` for `lost`, as sent.
fn first_begin(sim: &mut Simulation, lost: u32) -> RepairBegin {
    sim.coordinator.start_repair(lost, sim.now()).unwrap();
    let t = sim.coordinator.poll_transmit().unwrap();
    let network = &sim.coordinator.ceremony_config().network;
    Packet::from_bytes(&t.bytes, network).unwrap().narrow::<RepairBegin>().unwrap().into_message()
}

both_targets! {
    fn a_repair_begin_not_from_the_trusted_coordinator_or_with_other_keys_is_refused() {
        let (mut sim, keys, coordinator_key) = after_dkg(4);
        let begin = first_begin(&mut sim, 4);
        let helper = &mut sim.signers[0];
        let saved = helper.save();
        let mut rng = common::rng(5);
        // Signed by a signer's key, claiming to be the coordinator.
        let forged = Packet::sign(Sender::Coordinator, begin.clone(), &keys[1], &mut rng).to_bytes();
        assert!(matches!(helper.handle_packet(&forged, 0), Err(StateError::Packet(_))));
        // Signed by the coordinator, with public keys that are not ours.
        let mut other = begin.clone();
        other.public_keys.summed_commitment.reverse();
        let bad = Packet::sign(Sender::Coordinator, other, &coordinator_key, &mut rng).to_bytes();
        assert!(matches!(helper.handle_packet(&bad, 0), Err(StateError::Invalid { .. })));
        // Another signer's key ids as the lost ones.
        let mut other = begin.clone();
        other.lost = vec![1, 2, 3];
        let bad = Packet::sign(Sender::Coordinator, other, &coordinator_key, &mut rng).to_bytes();
        assert!(helper.handle_packet(&bad, 0).is_err());
        assert!(helper.poll_transmit().is_none());
        assert_eq!(helper.save(), saved, "a refused RepairBegin changes nothing");
        // The genuine one is taken.
        let genuine = Packet::sign(Sender::Coordinator, begin, &coordinator_key, &mut rng).to_bytes();
        helper.handle_packet(&genuine, 0).unwrap();
        assert_eq!(helper.poll_transmit().unwrap().message, "RepairCommitments");
    }

    fn a_repaired_signer_told_the_group_key_refuses_a_repair_of_another() {
        let (mut sim, _, coordinator_key) = after_dkg(4);
        let begin = first_begin(&mut sim, 4);
        let mut rng = common::rng(7);
        let repaired = &mut sim.signers[4];
        let saved = repaired.save();
        let group_key = begin.public_keys.group_key;
        let other_key = begin.public_keys.summed_commitment[1];
        repaired.expect_group_key(other_key).unwrap();
        let bytes = Packet::sign(Sender::Coordinator, begin, &coordinator_key, &mut rng).to_bytes();
        assert!(matches!(repaired.handle_packet(&bytes, 0), Err(StateError::UnexpectedGroupKey { .. })));
        assert!(repaired.poll_transmit().is_none());
        assert_eq!(repaired.save(), saved, "a refused RepairBegin changes nothing");
        repaired.expect_group_key(group_key).unwrap();
        repaired.handle_packet(&bytes, 0).unwrap();
        assert_eq!(repaired.poll_transmit().unwrap().message, "RepairCommitments");
    }

    fn a_signer_holding_its_shares_refuses_to_be_repaired() {
        let mut sim = Simulation::new(options(4, vec![])).unwrap();
        assert!(sim.run_dkg().0);
        let begin = first_begin(&mut sim, 4);
        let (coordinator_key, _, _) = network_keys(5, 31);
        let bytes = Packet::sign(Sender::Coordinator, begin, &coordinator_key, &mut common::rng(6)).to_bytes();
        assert!(matches!(sim.signers[4].handle_packet(&bytes, 0), Err(StateError::Invalid { .. })));
    }

    fn helpers_below_the_threshold_give_a_typed_error() {
        // t = 8 of weights 3,3,3,3,2: once 1 and then 0 are proven
        // malicious, the helpers left for 4 hold 6 key ids.
        let adversaries = vec![(1, RepairBehaviour::BadCommitment), (0, RepairBehaviour::BadPiece)];
        let mut sim = Simulation::new(options(4, vec![])).unwrap();
        assert!(sim.run_dkg().0);
        let repair = sim.run_repair(&RepairOptions { signer: 4, adversaries });
        assert!(!repair.ok, "{repair:#?}");
        assert_eq!(repair.blamed.keys().copied().collect::<Vec<_>>(), vec![0, 1], "{repair:#?}");
        let below = StateError::Repair(RepairError::BelowThreshold { have: 6, threshold: 8 });
        assert_eq!(repair.error, Some(below.to_string()));
        assert_eq!(sim.coordinator.start_repair(4, sim.now()), Err(below));
        assert!(sim.coordinator.is_idle() && sim.coordinator.poll_transmit().is_none(), "a refused repair changes nothing");
    }
}

both_targets! {
    fn two_different_signed_packets_of_one_helper_prove_equivocation() {
        let (mut sim, keys, coordinator_key) = after_dkg(4);
        let begin = first_begin(&mut sim, 4);
        while sim.coordinator.poll_transmit().is_some() {}
        let mut rng = common::rng(8);
        let bytes = Packet::sign(Sender::Coordinator, begin, &coordinator_key, &mut rng).to_bytes();
        let helper = &mut sim.signers[1];
        helper.handle_packet(&bytes, 0).unwrap();
        let first = helper.poll_transmit().unwrap().bytes;
        let network = sim.coordinator.ceremony_config().network.clone();
        let mut other = Packet::from_bytes(&first, &network).unwrap().narrow::<RepairCommitments>().unwrap().into_message();
        other.commitments.reverse();
        let second = Packet::sign(Sender::Signer(1), other, &keys[1], &mut rng).to_bytes();
        sim.coordinator.handle_packet(&first, 0).unwrap();
        // The same packet twice is a duplicate, not an offence.
        assert!(matches!(sim.coordinator.handle_packet(&first, 0), Err(StateError::Duplicate { .. })));
        assert!(sim.coordinator.malicious().is_empty());
        sim.coordinator.handle_packet(&second, 0).unwrap();
        assert_eq!(sim.coordinator.malicious().get(&1), Some(&Offence::Equivocation));
        assert_eq!(sim.coordinator.malicious().len(), 1);
    }

    fn a_lost_message_blames_nobody_and_the_repair_completes() {
        for drop in ["drop=c>1:RepairPieces", "drop=c>4:RepairSum", "drop=c>2:RepairSumBegin"] {
            let o = Options { faults: vec![parse_fault(drop).unwrap()], ..options(4, vec![]) };
            let report = run(o);
            let repair = report.repair.as_ref().unwrap();
            assert!(repair.ok && report.ok(), "{drop}: {repair:#?}");
            assert!(repair.blamed.is_empty() && report.malicious.is_empty(), "{drop}: {repair:#?}");
            assert!(repair.attempts.len() > 1 && !repair.attempts[0].unresponsive.is_empty(), "{drop}: {repair:#?}");
        }
    }
}

both_targets! {
    fn a_restart_in_the_middle_of_a_repair_costs_an_attempt_and_blames_nobody() {
        let (mut sim, _, _) = after_dkg(4);
        sim.coordinator.start_repair(4, sim.now()).unwrap();
        for _ in 0..12 {
            sim.step();
        }
        // Every machine saved and restored: the coordinator keeps its
        // attempt, the signers' repair rounds (never saved) are gone.
        sim.save_and_restore_all();
        assert!(!sim.coordinator.is_idle());
        sim.run_until_quiet();
        let events = sim.take_events();
        assert!(events.iter().any(|e| matches!(e, CoordinatorEvent::Repaired { signer: 4, .. })), "{events:#?}");
        assert!(sim.coordinator.malicious().is_empty());
        assert_eq!(sim.signers[4].group_key(), sim.coordinator.group_key());
    }
}
