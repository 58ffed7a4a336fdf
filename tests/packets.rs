//! Hostile packets change nothing: replays, duplicates, unsigned, tampered and
//! out-of-round packets are refused with a typed error and leave the state as
//! it was. Random delivery (loss, reordering, duplication, corruption) never
//! gets an honest signer blamed, and never panics.
mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use wsts_web::{
    crypto::signing::SignatureType,
    sim::{Chaos, Options, Recorded, Simulation},
    state_machine::StateError,
};

fn options() -> Options {
    Options { signers: 4, keys: 12, threshold: 8, seed: 7, record: true, ..Options::default() }
}

/// Feed `bytes` to every state machine; each must refuse it and stay unchanged.
fn assert_refused_everywhere(sim: &mut Simulation, bytes: &[u8], what: &str) {
    sim.collect_outputs();
    let before = sim.coordinator.save();
    let err = sim.coordinator.handle_packet(bytes, sim.now());
    assert!(err.is_err(), "coordinator accepted {what}");
    assert_eq!(sim.coordinator.save(), before, "coordinator changed on {what}: {err:?}");
    assert!(sim.coordinator.poll_transmit().is_none());
    for i in 0..sim.signers.len() {
        let before = sim.signers[i].save();
        let now = sim.now();
        let result = sim.signers[i].handle_packet(bytes, now);
        assert!(result.is_err(), "signer {i} accepted {what}");
        assert_eq!(sim.signers[i].save(), before, "signer {i} changed on {what}");
        assert!(sim.signers[i].poll_transmit().is_none());
    }
}

fn tamper(bytes: &[u8], at: usize) -> Vec<u8> {
    let mut b = bytes.to_vec();
    let n = b.len();
    b[at % n] ^= 0x04;
    b
}

both_targets! {
    fn old_rounds_tampering_and_unsigned_packets_change_nothing() {
        let mut sim = Simulation::new(options()).unwrap();
        sim.run_dkg();
        sim.sign_round(1);
        let old: Vec<Recorded> = std::mem::take(&mut sim.recorded);
        assert!(old.len() > 20);
        // A second DKG is under way; everything from the first is stale.
        sim.coordinator.start_dkg(sim.now()).unwrap();
        for _ in 0..6 {
            sim.step();
        }
        for (i, r) in old.iter().enumerate() {
            assert_refused_everywhere(&mut sim, &r.bytes, &format!("replayed {} #{i}", r.message));
            assert_refused_everywhere(&mut sim, &tamper(&r.bytes, i * 7 + 3), &format!("tampered {}", r.message));
        }
        // Tampered and unsigned copies of current packets.
        let current: Vec<Recorded> = sim.recorded.clone();
        for (i, r) in current.iter().enumerate() {
            for at in [1, r.bytes.len() / 2, r.bytes.len() - 70] {
                assert_refused_everywhere(&mut sim, &tamper(&r.bytes, at + i), &format!("tampered current {}", r.message));
            }
            let mut unsigned = r.bytes.clone();
            let n = unsigned.len();
            unsigned[n - 64..].fill(0);
            assert_refused_everywhere(&mut sim, &unsigned, &format!("unsigned {}", r.message));
            assert_refused_everywhere(&mut sim, &r.bytes[..n - 1], "truncated");
        }
        assert_refused_everywhere(&mut sim, &[], "empty");
        assert_refused_everywhere(&mut sim, &[0xff; 100], "junk");
        // The ceremony still completes.
        sim.run_until_quiet();
        assert!(sim.coordinator.malicious().is_empty());
    }

    fn duplicates_are_refused_and_change_nothing() {
        let mut sim = Simulation::new(options()).unwrap();
        sim.coordinator.start_dkg(sim.now()).unwrap();
        let mut checked = 0;
        while sim.step() {
            let Some(last) = sim.recorded.last().cloned() else { continue };
            let target_save = match last.to {
                None => sim.coordinator.save(),
                Some(s) => sim.signers[s as usize].save(),
            };
            let now = sim.now();
            let result = match last.to {
                None => sim.coordinator.handle_packet(&last.bytes, now),
                Some(s) => sim.signers[s as usize].handle_packet(&last.bytes, now),
            };
            let after = match last.to {
                None => sim.coordinator.save(),
                Some(s) => sim.signers[s as usize].save(),
            };
            if result.is_ok() {
                // Only a signer's own packet echoed back by the relay is accepted, as a no-op.
                assert_eq!(after, target_save, "a second copy of {} changed state", last.message);
            } else {
                assert!(matches!(result, Err(StateError::Duplicate { .. } | StateError::Replay { .. } | StateError::Unexpected { .. } | StateError::WrongDkgRound { .. })), "{:?}", result);
                assert_eq!(after, target_save, "{}", last.message);
            }
            checked += 1;
        }
        assert!(checked > 20);
        assert!(sim.coordinator.group_key().is_some());
    }

    fn random_delivery_never_blames_the_honest_and_never_panics() {
        let rounds = if cfg!(target_arch = "wasm32") { 12 } else { 60 };
        let mut completed = 0;
        for seed in 0..rounds {
            let chaos = Chaos { seed, drop_percent: 8, duplicate_percent: 8, corrupt_percent: 4, reorder: true };
            let sig_type = [SignatureType::Frost, SignatureType::Schnorr, SignatureType::Taproot { merkle_root: None }][seed as usize % 3];
            let o = Options { seed, sign_rounds: 2, sig_type, chaos: Some(chaos), record: false, ..options() };
            let report = Simulation::new(o).unwrap().run();
            assert!(report.malicious.is_empty(), "seed {seed}: honest signers blamed: {report:#?}");
            for s in &report.signatures {
                assert!(s.ok || s.signature.is_none(), "seed {seed}: a produced signature must verify");
            }
            completed += usize::from(report.ok());
        }
        // Retries make most ceremonies succeed despite the faults.
        assert!(completed * 2 > rounds as usize, "only {completed} of {rounds} completed");
    }
}

both_targets! {
    fn transcript_requests_are_deduplicated_and_limited_per_attempt() {
        use wsts_web::net::{Message, Packet, Sender, TranscriptRequest};
        let mut sim = Simulation::new(options()).unwrap();
        let (_, keys, _) = wsts_web::sim::network_keys(sim.options.signers, sim.options.seed);
        sim.coordinator.start_dkg(sim.now()).unwrap();
        while !sim.recorded.iter().any(|r| r.message == "DkgPrivateBegin") {
            assert!(sim.step());
        }
        sim.collect_outputs();
        let dkg_id = 1;
        let mut rng = common::rng(4);
        let mut request = |public: Vec<u32>| {
            let m = Message::TranscriptRequest(TranscriptRequest { dkg_id, signer_id: 2, public, private: vec![], end_begin: false });
            Packet::sign(Sender::Signer(2), m, &keys[2], &mut rng).to_bytes()
        };
        for _ in 0..4 {
            let now = sim.now();
            sim.coordinator.handle_packet(&request(vec![0, 0, 0, 1, 0]), now).unwrap();
            let mut resent = 0;
            while sim.coordinator.poll_transmit().is_some() {
                resent += 1;
            }
            assert_eq!(resent, 2, "each named packet once");
        }
        let now = sim.now();
        let err = sim.coordinator.handle_packet(&request(vec![0]), now).unwrap_err();
        assert!(matches!(err, StateError::Invalid { .. }), "{err:?}");
        assert!(sim.coordinator.poll_transmit().is_none());
    }
}

both_targets! {
    fn an_empty_commitment_is_a_typed_offence_not_a_panic() {
        use wsts_web::{
            blame::{Finding, Offence},
            crypto::polynomial::Coefficients,
            net::{Message, Packet, Sender},
            state_machine::coordinator::CoordinatorEvent,
        };
        let mut sim = Simulation::new(options()).unwrap();
        let (_, keys, network) = wsts_web::sim::network_keys(sim.options.signers, sim.options.seed);
        sim.coordinator.start_dkg(sim.now()).unwrap();
        // Signer 1's real public shares, emptied and re-signed by signer 1.
        let sent = loop {
            assert!(sim.step());
            let found = sim.recorded.iter().find_map(|r| {
                let p = Packet::from_bytes(&r.bytes, &network).ok()?;
                (r.to.is_none() && p.sender() == Sender::Signer(1) && p.message().name() == "DkgPublicShares").then_some(p)
            });
            if let Some(p) = found {
                break p;
            }
        };
        let mut hostile = sent.message().clone();
        let Message::DkgPublicShares(m) = &mut hostile else { unreachable!() };
        m.commitments[0].coefficients = Coefficients::Full(vec![]);
        let bytes = Packet::sign(Sender::Signer(1), hostile, &keys[1], &mut common::rng(5)).to_bytes();
        // Nobody may panic on it. The coordinator, which holds signer 1's real
        // packet already, sees two different signed packets: equivocation.
        for i in 0..sim.signers.len() {
            let now = sim.now();
            let _ = sim.signers[i].handle_packet(&bytes, now);
        }
        let now = sim.now();
        let _ = sim.coordinator.handle_packet(&bytes, now);
        sim.run_until_quiet();
        let malicious: Vec<Finding> = sim
            .take_events()
            .into_iter()
            .filter_map(|e| match e {
                CoordinatorEvent::DkgAttempt(r) => Some(r.malicious),
                _ => None,
            })
            .flatten()
            .collect();
        assert!(malicious.contains(&Finding { signer: 1, offence: Offence::Equivocation }), "{malicious:?}");
    }
}
