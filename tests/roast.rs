//! ROAST (`Policy::Roast`): concurrent sessions, no signing deadlines, the
//! f+1 bound under signers that answer the nonce request and then go silent
//! or send bad shares, with uneven weights; a nonce signs once.
#![cfg(not(target_arch = "wasm32"))]

use wsts_web::{
    blame::{Finding, Offence},
    crypto::signing::SignatureType,
    sim::{parse_adversary, parse_fault, Options, Report, Simulation},
    state_machine::{events::CoordinatorEvent, StateError},
};

/// 26 key ids over 8 signers.
const WEIGHTS: [u32; 8] = [6, 2, 3, 5, 4, 1, 3, 2];

fn options(threshold: u32, faults: &[&str], adversaries: &[&str]) -> Options {
    Options {
        roast: true,
        threshold,
        sign_rounds: 2,
        seed: 5,
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
fn honest_roast_signs_without_a_deadline() {
    let mut sim = Simulation::new(options(13, &[], &[])).unwrap();
    assert!(sim.run_dkg().0);
    for round in 1..=3 {
        let before = sim.now();
        let s = sim.sign_round(round);
        assert!(s.ok, "{s:?}");
        assert!(s.sessions >= 1);
        assert!(weight(&s.signers_used) >= 13);
        // The virtual clock jumps only to a coordinator deadline: none was set.
        assert_eq!(sim.now(), before, "ROAST signing set a deadline");
    }
    assert!(sim.coordinator.malicious().is_empty());
}

#[test]
fn silent_after_the_nonce_stalls_one_session_each_and_is_never_malicious() {
    // Signers 0 (6) and 3 (5) answer the nonce request, then go silent in
    // round 1. The other six hold exactly the threshold, 15: they can start
    // a session only all together, so f = 2 and the bound is 3 sessions.
    let report = run(options(15, &["0:offline=share:1", "3:offline=share:1"], &[]));
    let first = &report.signatures[0];
    assert!(first.ok, "{report:#?}");
    assert_eq!(first.signers_used, vec![1, 2, 4, 5, 6, 7]);
    assert!((2..=3).contains(&first.sessions), "sessions {} outside 2..=f+1", first.sessions);
    assert!(report.malicious.is_empty(), "silence is not malice");
    // Round 2: both are back, and eligible again.
    let second = &report.signatures[1];
    assert!(second.ok && second.signers_used.contains(&0), "{second:?}");
}

#[test]
fn bad_shares_are_proven_and_silence_still_is_not() {
    // Signer 3 (5) sends a bad share in every session it is in; signer 0 (6)
    // goes silent after the nonce. f = 2; the honest six hold the threshold.
    let report = run(options(15, &["0:offline=share:1"], &["3:bad-signature-share"]));
    let first = &report.signatures[0];
    assert!(first.ok, "{report:#?}");
    assert!(first.sessions <= 3, "sessions {} > f+1", first.sessions);
    assert_eq!(report.malicious.len(), 1, "{:?}", report.malicious);
    assert_eq!(report.malicious.get(&3), Some(&Offence::BadSignatureShare));
    assert!(report.signatures.iter().all(|s| !s.signers_used.contains(&3)));
}

#[test]
fn bad_shares_verified_in_batches_are_each_proven_and_never_chosen_again() {
    // Signers 2 (3) and 5 (1) send bad shares, 0 (6) goes silent after the
    // nonce: the honest five hold 16 >= 13. Shares wait unverified and are
    // checked in batches across sessions; each bad one is found all the same.
    let adversaries = ["2:bad-signature-share", "5:bad-signature-share"];
    let mut sim = Simulation::new(Options { record: true, ..options(13, &["0:offline=share"], &adversaries) }).unwrap();
    assert!(sim.run_dkg().0);
    sim.take_events();
    sim.coordinator.start_signing(b"batched", SignatureType::Schnorr, sim.now()).unwrap();
    sim.run_until_quiet();
    let events = sim.take_events();
    let mut proven: Vec<Finding> = events
        .iter()
        .filter_map(|e| match e {
            CoordinatorEvent::SignAttempt(r) if !r.ok => Some(r.malicious.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    proven.sort();
    assert_eq!(proven, [2, 5].map(|signer| Finding { signer, offence: Offence::BadSignatureShare }), "{events:#?}");
    let signed = events.iter().find_map(|e| match e {
        CoordinatorEvent::Signature(s) => Some(s),
        _ => None,
    });
    let signed = signed.expect("the honest five sign");
    assert!(signed.signers_used.iter().all(|s| ![0, 2, 5].contains(s)), "{signed:?}");
    assert!(signed.sessions <= 4, "sessions {} > f+1 = 4", signed.sessions);
    for round in 2..=3 {
        assert!(sim.sign_round(round).ok);
    }
    // A bad share's sender sat in the first session only: it was never
    // chosen again, in that round or a later one.
    for bad in [2, 5] {
        let asked = sim.recorded.iter().filter(|r| r.message == "SessionRequest" && r.to == Some(bad)).count();
        assert_eq!(asked, 1, "signer {bad} was asked into {asked} sessions");
    }
    assert_eq!(sim.coordinator.malicious().keys().copied().collect::<Vec<_>>(), vec![2, 5]);
}

#[test]
fn a_round_abandoned_unfinished_still_proves_the_bad_shares_it_got() {
    // Without 0 (6) only 20 < 22 remain: no session can start again, none
    // completes, and signer 3's bad share is never needed to go on. The
    // application abandons the round, which judges the share anyway.
    let report = run(options(22, &["0:offline=share:1"], &["3:bad-signature-share"]));
    assert!(!report.signatures[0].ok);
    assert_eq!(report.malicious.len(), 1, "{:?}", report.malicious);
    assert_eq!(report.malicious.get(&3), Some(&Offence::BadSignatureShare));
}

#[test]
fn sessions_never_exceed_one_plus_the_pending_and_malicious() {
    // The bound as the module states it, whatever the attack: every session
    // but the one that signed owns a distinct signer that sent a bad share
    // or was still pending when the signature came.
    let attacks: [(&[&str], &[&str]); 4] = [
        (&["0:offline=share"], &[]),
        (&["1:offline=share", "5:offline=share", "7:offline=share"], &["2:bad-signature-share"]),
        (&[], &["0:bad-signature-share", "6:bad-signature-share"]),
        (&["4:offline=sign", "3:offline=share"], &[]),
    ];
    for (faults, adversaries) in attacks {
        for threshold in [11, 13] {
            let mut sim =
                Simulation::new(Options { sign_rounds: 1, ..options(threshold, faults, adversaries) }).unwrap();
            assert!(sim.run_dkg().0);
            let s = sim.sign_round(1);
            assert!(s.ok, "{faults:?} {adversaries:?}: {s:?}");
            let stalled = sim.coordinator.malicious().len() + sim.coordinator.unresponsive().len();
            assert!(s.sessions as usize <= stalled + 1, "{faults:?} {adversaries:?}: {} > {stalled} + 1", s.sessions);
            assert_eq!(sim.coordinator.malicious().len(), adversaries.len(), "{faults:?} {adversaries:?}");
        }
    }
}

#[test]
fn too_little_honest_weight_never_signs_and_blames_no_one_for_silence() {
    // Without 0 and 1 (8 key ids) only 18 < 19 remain.
    let report = run(options(19, &["0:offline=share:1", "1:offline=share:1"], &[]));
    assert!(!report.signatures[0].ok);
    assert!(report.malicious.is_empty());
    assert!(report.signatures[1].ok, "{report:#?}");
}

#[test]
fn a_session_request_replayed_to_a_signer_is_refused_its_nonce_is_spent() {
    let mut sim = Simulation::new(Options { record: true, ..options(13, &[], &[]) }).unwrap();
    assert!(sim.run_dkg().0);
    assert!(sim.sign_round(1).ok);
    let request = sim.recorded.iter().find(|r| r.message == "SessionRequest" && r.to == Some(1)).unwrap().clone();
    let now = sim.now();
    let again = sim.signers[1].handle_packet(&request.bytes, now);
    assert!(matches!(again, Err(StateError::NonceSpent { .. })), "{again:?}");
    assert!(sim.signers[1].poll_transmit().is_none(), "a refused request sends nothing");
}

#[test]
fn pre_shared_commitments_sign_in_one_round_trip_and_restores_never_reuse_them() {
    let mut sim = Simulation::new(Options { record: true, ..options(13, &[], &[]) }).unwrap();
    assert!(sim.run_dkg().0);
    for signer in &mut sim.signers {
        signer.presign(3).unwrap();
    }
    sim.run_until_quiet();
    assert!(sim.signers.iter().all(|s| s.nonces_held() == 3));
    let mark = sim.recorded.len();
    let first = sim.sign_round(1);
    assert!(first.ok, "{first:?}");
    let round: Vec<&str> = sim.recorded[mark..].iter().map(|r| r.message).collect();
    assert!(!round.contains(&"NonceBatchRequest"), "the pool sufficed: {round:?}");
    assert!(round.iter().all(|m| *m == "SessionRequest" || *m == "SessionResponse"), "{round:?}");

    // A reload: the signers' unsaved secrets are gone, the coordinator still
    // holds their earlier commitments. Sessions over those get fresh
    // commitments instead of shares, and the round signs with new nonces.
    sim.save_and_restore_all();
    assert!(sim.signers.iter().all(|s| s.nonces_held() == 0));
    let mark = sim.recorded.len();
    let second = sim.sign_round(2);
    assert!(second.ok, "{second:?}");
    let sent = |name: &str| sim.recorded[mark..].iter().filter(|r| r.message == name).count();
    // The first session took every signer's oldest pooled commitment: all
    // eight answered it with a fresh batch, not a share.
    assert_eq!(sent("NonceBatch"), 8, "every restored signer refreshed its commitments");
    assert!(second.sessions >= 2);
    assert!(sim.coordinator.malicious().is_empty());
}
