//! After a reshare, who deletes which shares, and when (issue 12's gaps):
//! a signature under the new epoch is confirmed (`EpochConfirmed`) to every
//! signer of the epoch under every policy, ROAST included, and to the old
//! signers that left, which then delete every share they hold.
mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use wsts_web::{
    net::{EpochConfirmed, Packet, Sender},
    sim::{network_keys, Options, ReshareOptions, Simulation},
    state_machine::signer::{Signer, SignerEvent},
};

/// Weights 3,3,2,2 at t = 6; signer 1 leaves, 4 joins, t 6 → 7.
fn options(roast: bool) -> Options {
    let o = Options { roast, threshold: 6, sign_rounds: 1, seed: 21, record: true, ..Options::default() };
    o.weighted(&[3, 3, 2, 2])
}

fn join_leave() -> ReshareOptions {
    ReshareOptions { weights: Some(vec![1, 0, 1, 2, 4]), threshold: Some(7), ..Default::default() }
}

/// DKG, a signature, the reshare; then the leaver's saved state, and the
/// signature under the new epoch.
fn reshared_and_signed(roast: bool) -> (Simulation, Vec<u8>) {
    let mut sim = Simulation::new(options(roast)).unwrap();
    assert!(sim.run_dkg().0);
    assert!(sim.sign_round(1).ok);
    assert!(sim.run_reshare(&join_leave()).unwrap().0);
    assert!(sim.signers.iter().filter(|s| s.signer_id() != 1).all(|s| s.holds_previous_epoch()));
    assert!(sim.signers[1].keys().holds_secrets(), "the leaver keeps its shares until the new epoch signs");
    let leaver = sim.signers[1].save();
    let signed = sim.sign_round(2);
    assert!(signed.ok && signed.epoch == 1, "{signed:?}");
    (sim, leaver)
}

/// The `EpochConfirmed` the coordinator sent to `signer`.
fn confirmation_to(sim: &Simulation, signer: u32) -> Vec<u8> {
    let sent = sim.recorded.iter().find(|r| r.to == Some(signer) && r.message == "EpochConfirmed");
    sent.expect("an EpochConfirmed to this signer").bytes.clone()
}

fn signer_key(signer: u32) -> wsts_web::crypto::secret::SecretScalar {
    network_keys(5, 21).1[signer as usize].clone()
}

both_targets! {
    fn under_roast_every_signer_of_the_new_epoch_deletes_its_old_shares() {
        let (sim, _) = reshared_and_signed(true);
        for s in sim.signers.iter().filter(|s| s.signer_id() != 1) {
            assert!(!s.holds_previous_epoch(), "signer {} still holds the old epoch", s.signer_id());
            assert_eq!(s.epoch(), 1);
        }
    }

    fn under_fire_signers_that_did_not_sign_are_told_too() {
        let (sim, _) = reshared_and_signed(false);
        assert!(sim.signers.iter().filter(|s| s.signer_id() != 1).all(|s| !s.holds_previous_epoch()));
    }

    fn a_leaver_deletes_every_share_once_the_new_epoch_signs() {
        for roast in [false, true] {
            let (sim, before) = reshared_and_signed(roast);
            let leaver = &sim.signers[1];
            assert!(!leaver.keys().holds_secrets() && leaver.group_key().is_none(), "roast: {roast}");
            assert!(leaver.reshare_keys().is_none(), "the reshare's polynomials are gone too");
            let restored = Signer::restore(&leaver.save(), signer_key(1)).unwrap();
            assert!(!restored.keys().holds_secrets(), "its saved state holds no share");
            // The same confirmation, replayed to the leaver as it was before.
            let mut before = Signer::restore(&before, signer_key(1)).unwrap();
            let group_key = before.group_key();
            before.handle_packet(&confirmation_to(&sim, 1), 0).unwrap();
            assert!(matches!(before.poll_event(), Some(SignerEvent::Retired { epoch: 1, .. })));
            assert!(!before.keys().holds_secrets() && group_key.is_some());
        }
    }

    fn a_confirmation_whose_signature_does_not_verify_changes_nothing() {
        let (sim, before) = reshared_and_signed(false);
        let network = sim.coordinator.ceremony_config().network.clone();
        let packet = Packet::from_bytes(&confirmation_to(&sim, 1), &network).unwrap();
        let mut confirmed: EpochConfirmed = packet.narrow().unwrap().into_message();
        confirmed.message = b"another message".to_vec();
        let coordinator_key = network_keys(5, 21).0;
        let forged = Packet::sign(Sender::Coordinator, confirmed, &coordinator_key, &mut common::rng(1)).to_bytes();
        let mut leaver = Signer::restore(&before, signer_key(1)).unwrap();
        assert!(leaver.handle_packet(&forged, 0).is_err());
        assert!(leaver.keys().holds_secrets() && leaver.save() == before && leaver.poll_event().is_none());
    }
}

both_targets! {
    fn a_joiner_that_missed_the_reshares_end_catches_up_on_the_next_request() {
        // Signer 1 leaves, 4 joins with one key id; the stayers alone reach
        // t = 6, so the reshare ends without the joiner, which lost its
        // `DkgEndBegin`.
        let reshare = ReshareOptions { weights: Some(vec![3, 0, 2, 2, 1]), ..Default::default() };
        let mut sim = Simulation::new(options(false)).unwrap();
        assert!(sim.run_dkg().0);
        let drop = |m: &str| wsts_web::sim::parse_fault(&format!("drop=c>4:{m}")).unwrap();
        sim.options.faults = vec![drop("DkgEndBegin"), drop("NonceRequest")];
        assert!(sim.run_reshare(&reshare).unwrap().0);
        assert!(sim.signers[4].group_key().is_none(), "the joiner missed the end");
        // The first signature is made without it (its request is lost too):
        // the epoch is confirmed while it is still behind.
        assert!(sim.sign_round(1).ok);
        assert!(sim.signers[4].group_key().is_none() && sim.signers[0].epoch() == 1);
        // The next request for the new key reaches it: it asks, and finishes.
        assert!(sim.sign_round(2).ok);
        sim.run_until_quiet();
        let joiner = &sim.signers[4];
        assert_eq!((joiner.group_key(), joiner.epoch()), (sim.coordinator.group_key(), 1));
        // Its old epoch (it held nothing) is confirmed after the next signature.
        assert!(sim.sign_round(3).ok);
        let held: Vec<_> = sim.signers.iter().filter(|s| s.holds_previous_epoch()).map(|s| s.signer_id()).collect();
        assert!(held.is_empty(), "still holding an old epoch: {held:?}");
        // Its new shares sign with the stayers' (3 + 2 + 1 = 6 key ids).
        let config = sim.coordinator.ceremony_config().keys.clone();
        let parties: Vec<_> = [0, 2, 4].iter().map(|i| sim.signers[*i].keys().clone()).collect();
        let keys = parties[0].public_keys().unwrap().clone();
        let signed = wsts_web::keys::local::sign(
            &config,
            &parties,
            &keys,
            &[0, 2, 4],
            b"m",
            wsts_web::crypto::signing::SignatureType::Frost,
            &mut common::rng(4),
        );
        assert!(signed.is_ok());
    }
}

both_targets! {
    fn a_joiner_told_the_group_key_refuses_a_reshare_of_another() {
        let mut sim = Simulation::new(options(false)).unwrap();
        assert!(sim.run_dkg().0);
        let group_key = sim.coordinator.group_key().unwrap();
        let target = wsts_web::state_machine::CeremonyConfig {
            keys: ReshareOptions { weights: Some(vec![3, 0, 2, 2, 1]), ..Default::default() }
                .target(&sim.coordinator.ceremony_config().keys)
                .unwrap(),
            network: sim.network_for(5),
        };
        sim.add_signers(&target).unwrap();
        // A key holder checks reshares against its own keys instead.
        assert!(sim.signers[0].expect_group_key(group_key).is_err());
        let invited = sim.signers[4].save();
        sim.coordinator.start_reshare(target, sim.now()).unwrap();
        let begin = std::iter::from_fn(|| sim.coordinator.poll_transmit()).find(|t| t.message == "ReshareBegin").unwrap();
        // Told another key (here the coordinator's own network key): refused, nothing changes.
        let mut joiner = Signer::restore(&invited, signer_key(4)).unwrap();
        joiner.expect_group_key(sim.coordinator.ceremony_config().network.coordinator).unwrap();
        let refused = joiner.handle_packet(&begin.bytes, 0);
        assert_eq!(refused, Err(wsts_web::state_machine::StateError::UnexpectedGroupKey { message: "ReshareBegin" }));
        assert!(joiner.save() == invited && joiner.poll_transmit().is_none());
        // Told the right key, it takes part.
        let mut joiner = Signer::restore(&invited, signer_key(4)).unwrap();
        joiner.expect_group_key(group_key).unwrap();
        joiner.handle_packet(&begin.bytes, 0).unwrap();
        assert_eq!(joiner.poll_transmit().map(|t| t.message), Some("DkgPublicShares"));
    }
}
