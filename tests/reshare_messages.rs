//! `ReshareBegin` and `EpochConfirmed`: signed only by the coordinator,
//! checked on their own and against an old signer's saved state with typed
//! errors, never a panic.
mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use wsts_web::{
    config::{Config, Dealing, Scheme},
    crypto::{base_mul, secret::SecretScalar, Point},
    net::{Message, NetworkKeys, Packet, PacketError, ReshareBegin, ReshareBeginError, Sender, TypedPacket},
};

struct Setup {
    begin: ReshareBegin,
    old: Config,
    old_network: NetworkKeys,
    coordinator: SecretScalar,
    signer0: SecretScalar,
}

/// Old: weights 2,2,2 at t = 4; signer 1 leaves, signer 3 joins; new t = 3.
fn setup() -> Setup {
    let mut rng = common::rng(5);
    let old = Config::from_weights(Scheme::V2, &[2, 2, 2], 4, 4).unwrap();
    let (_, old_keys) = common::dkg(&old, 5);
    let keys: Vec<SecretScalar> = (0..5).map(|_| SecretScalar::random(&mut rng)).collect();
    let public: Vec<Point> = keys.iter().map(|k| base_mul(k.expose())).collect();
    let old_network = NetworkKeys { coordinator: public[4], signers: public[..3].to_vec() };
    let network = NetworkKeys { coordinator: public[4], signers: public[..4].to_vec() };
    let config = Config {
        scheme: Scheme::V2,
        threshold: 3,
        dkg_threshold: 3,
        signers: [(0, vec![1, 2]), (2, vec![3]), (3, vec![4, 5])].into(),
    };
    let dealers = [(0, vec![1, 2]), (2, vec![5, 6])].into();
    let begin = ReshareBegin { dkg_id: 2, old_dkg_id: 1, epoch: 1, old_keys, dealers, config, network };
    let coordinator = keys[4].clone();
    Setup { begin, old, old_network, coordinator, signer0: keys[0].clone() }
}

both_targets! {
    fn a_reshare_begin_round_trips_only_from_the_coordinator() {
        let s = setup();
        let mut rng = common::rng(1);
        let packet = Packet::sign(Sender::Coordinator, s.begin.clone(), &s.coordinator, &mut rng);
        let decoded = Packet::from_bytes(&packet.to_bytes(), &s.old_network).unwrap();
        let TypedPacket::ReshareBegin(p) = decoded.typed() else { panic!("not a ReshareBegin") };
        assert_eq!(p.message(), &s.begin);
        assert!(Message::NAMES.contains(&"ReshareBegin") && Message::NAMES.contains(&"EpochConfirmed"));
        // A signer may not call a reshare.
        let forged = Packet::sign(Sender::Signer(0), s.begin.clone(), &s.signer0, &mut rng);
        assert!(matches!(
            Packet::from_bytes(&forged.to_bytes(), &s.old_network),
            Err(PacketError::WrongSender { message: "ReshareBegin", .. })
        ));
        // Every truncation is a typed error.
        let bytes = packet.to_bytes();
        for n in 0..bytes.len() {
            assert!(Packet::from_bytes(&bytes[..n], &s.old_network).is_err());
        }
    }

    fn the_dealing_is_checked_on_its_own() {
        let s = setup();
        let dealing = s.begin.dealing().unwrap();
        assert_eq!(dealing.polynomials_of(0), 1);
        assert_eq!(dealing.polynomials_of(1), 0);
        assert_eq!(dealing.recipient_key_ids(3), &[4, 5]);
        assert_eq!(s.begin.participants().into_iter().collect::<Vec<_>>(), vec![0, 2, 3]);
        let mut below = s.begin.clone();
        below.dealers.remove(&2);
        assert!(matches!(below.dealing(), Err(ReshareBeginError::Dealing(_))));
        let mut keyless = s.begin.clone();
        keyless.config.signers.insert(7, vec![6]);
        assert_eq!(keyless.dealing().unwrap_err(), ReshareBeginError::NoNetworkKey(7));
        let mut bad = s.begin.clone();
        bad.config.threshold = 9;
        assert!(matches!(bad.dealing(), Err(ReshareBeginError::Config(_))));
    }

    fn an_old_signer_checks_it_against_its_own_state() {
        let s = setup();
        let (net, old, keys) = (&s.old_network, &s.old, &s.begin.old_keys);
        assert_eq!(s.begin.check_against(net, old, keys, 0), Ok(()));
        assert_eq!(s.begin.check_against(net, old, keys, 1), Err(ReshareBeginError::Epoch { got: 1, current: 1 }));
        let mut other = s.begin.clone();
        other.network.coordinator = other.network.signers[0];
        assert_eq!(other.check_against(net, old, keys, 0), Err(ReshareBeginError::CoordinatorChanged));
        let mut swapped = s.begin.clone();
        swapped.network.signers.swap(0, 1);
        assert_eq!(swapped.check_against(net, old, keys, 0), Err(ReshareBeginError::NetworkChanged));
        let mut moved = s.begin.clone();
        moved.old_keys.group_key = moved.old_keys.summed_commitment[1];
        assert_eq!(moved.check_against(net, old, keys, 0), Err(ReshareBeginError::OldKeysDiffer));
        let mut lying = s.begin.clone();
        lying.dealers.insert(2, vec![4, 5]);
        assert_eq!(lying.check_against(net, old, keys, 0), Err(ReshareBeginError::DealerKeyIds(2)));
    }
}
