//! Signed ceremony control: a signer takes invitations and directives only
//! from the coordinator key it trusts (pinned, or first met), refuses
//! unsigned, forged, stale and replayed control, and a refusal changes nothing.
#[macro_use]
mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use wsts_web::{
    config::{Config, Scheme},
    crypto::{base_mul, bip340, encoding::point_to_bytes, secret::SecretScalar, signing::Signature, Point},
    net::{ControlError, ControlIssuer, Request, SessionId},
    state_machine::{
        coordinator::{frost_coordinator, Coordinator, CoordinatorEvent},
        signer::Signer,
        trust::{fingerprint, CoordinatorTrust, TrustBasis, TrustError},
        CeremonyConfig, Destination,
    },
};

const ROOM: &str = "room-1";

struct World {
    coordinator: SecretScalar,
    impostor: SecretScalar,
    signers: Vec<SecretScalar>,
    rng: rand_chacha::ChaCha20Rng,
}

impl World {
    fn new(seed: u64) -> Self {
        let mut rng = common::rng(seed);
        let coordinator = SecretScalar::random(&mut rng);
        let impostor = SecretScalar::random(&mut rng);
        let signers = (0..3).map(|_| SecretScalar::random(&mut rng)).collect();
        World { coordinator, impostor, signers, rng }
    }

    fn key(&self, i: usize) -> Point {
        base_mul(self.signers[i].expose())
    }

    /// The ceremony config as `coordinator` would build it.
    fn config(&self, coordinator: &SecretScalar) -> CeremonyConfig {
        CeremonyConfig {
            keys: Config::evenly(Scheme::V2, 3, 6, 4, 4).unwrap(),
            network: wsts_web::net::NetworkKeys {
                coordinator: base_mul(coordinator.expose()),
                signers: (0..3).map(|i| self.key(i)).collect(),
            },
        }
    }

    fn issuer(&mut self, room: &str) -> ControlIssuer {
        ControlIssuer::new(room, &mut self.rng).unwrap()
    }

    fn invitation(&mut self, issuer: &ControlIssuer, by_impostor: bool, issued_at: u64) -> Vec<u8> {
        let key = if by_impostor { self.impostor.clone() } else { self.coordinator.clone() };
        let config = self.config(&key);
        issuer.invite(config, issued_at, &key, &mut self.rng).unwrap().to_bytes()
    }

    fn directive(&mut self, issuer: &mut ControlIssuer, signer: u32, request: Request) -> Vec<u8> {
        let key = self.coordinator.clone();
        issuer.direct(signer, request, &key, &mut self.rng).unwrap().to_bytes()
    }
}

/// Refused, and the trust state is exactly as before.
fn refused(trust: &mut CoordinatorTrust, bytes: &[u8], own: &Point) -> TrustError {
    let before = trust.clone();
    let err = trust.accept_invitation(bytes, 0, own).unwrap_err();
    assert_eq!(*trust, before, "a refusal changes nothing");
    err
}

both_targets! {
    fn a_pinned_key_admits_its_invitations_and_only_them() {
        let mut w = World::new(1);
        let issuer = w.issuer(ROOM);
        let good = w.invitation(&issuer, false, 10);
        let bad = w.invitation(&issuer, true, 11);
        let own = w.key(0);
        let mut trust = CoordinatorTrust::pinned(ROOM, base_mul(w.coordinator.expose()));
        assert!(matches!(refused(&mut trust, &bad, &own), TrustError::Untrusted { .. }));
        let admitted = trust.accept_invitation(&good, 0, &own).unwrap();
        assert!(!admitted.first_use);
        assert_eq!(admitted.coordinator, base_mul(w.coordinator.expose()));
        assert_eq!(admitted.invitation.session, *issuer.session());
        assert_eq!(admitted.invitation.config, w.config(&w.coordinator));
        assert_eq!(trust.trusted().unwrap().basis, TrustBasis::Pinned);
    }

    fn first_use_fixes_the_key_and_only_the_user_changes_it() {
        let mut w = World::new(2);
        let issuer = w.issuer(ROOM);
        let first = w.invitation(&issuer, false, 10);
        let own = w.key(1);
        let mut trust = CoordinatorTrust::first_use(ROOM);
        let admitted = trust.accept_invitation(&first, 1, &own).unwrap();
        assert!(admitted.first_use);
        let trusted = trust.trusted().unwrap().clone();
        assert_eq!((trusted.key, trusted.basis), (base_mul(w.coordinator.expose()), TrustBasis::FirstUse));

        // An impostor's newer invitation to the same room is refused, and
        // the refusal names both fingerprints.
        let rival = w.issuer(ROOM);
        let impostor = w.invitation(&rival, true, 20);
        let before = trust.clone();
        let err = trust.accept_invitation(&impostor, 1, &own).unwrap_err();
        assert_eq!(trust, before);
        let text = err.to_string();
        assert!(text.contains(&fingerprint(&base_mul(w.impostor.expose()))), "{text}");
        assert!(text.contains(&fingerprint(&trusted.key)), "{text}");

        // The user's deliberate choice, and only that, moves trust.
        trust.trust_key(base_mul(w.impostor.expose()));
        assert_eq!(trust.trusted().unwrap().basis, TrustBasis::UserChoice);
        assert!(!trust.accept_invitation(&impostor, 1, &own).unwrap().first_use);
        assert!(matches!(trust.accept_invitation(&first, 1, &own), Err(TrustError::Untrusted { .. })));
    }

    fn an_invitation_that_does_not_list_this_signer_fixes_no_key() {
        let mut w = World::new(3);
        let issuer = w.issuer(ROOM);
        let invitation = w.invitation(&issuer, true, 10);
        let mut trust = CoordinatorTrust::first_use(ROOM);
        let stranger = base_mul(SecretScalar::random(&mut w.rng).expose());
        assert!(matches!(refused(&mut trust, &invitation, &stranger), TrustError::NotForMe(_)));
        let err = trust.accept_invitation(&invitation, 2, &w.key(1)).unwrap_err();
        assert!(matches!(err, TrustError::NotForMe(_)), "signer 2's slot holds another key");
        assert!(trust.trusted().is_none());
    }

    fn unsigned_forged_and_tampered_control_is_refused() {
        let mut w = World::new(4);
        let issuer = w.issuer(ROOM);
        let good = w.invitation(&issuer, false, 10);
        let own = w.key(0);
        let coordinator = point_to_bytes(&base_mul(w.coordinator.expose()));
        let impostor = point_to_bytes(&base_mul(w.impostor.expose()));
        let mut trust = CoordinatorTrust::first_use(ROOM);

        // Not a control message at all, or cut short.
        for junk in [vec![], vec![1, 2, 3], b"{\"type\":\"config\"}".to_vec(), good[..good.len() - 1].to_vec()] {
            assert!(matches!(refused(&mut trust, &junk, &own), TrustError::Control(ControlError::Decode(_))));
        }
        // Any flipped bit in the signed body or the signature.
        for at in [1, good.len() / 2, good.len() - 1] {
            let mut tampered = good.clone();
            tampered[at] ^= 1;
            let err = refused(&mut trust, &tampered, &own);
            assert!(matches!(err, TrustError::Control(_)), "byte {at}: {err:?}");
        }
        // The impostor's invitation relabelled with the coordinator's key everywhere.
        let mut forged = w.invitation(&issuer, true, 11);
        replace_all(&mut forged, &impostor, &coordinator);
        assert_eq!(
            refused(&mut trust, &forged, &own),
            TrustError::Control(ControlError::BadSignature)
        );
        // Signed by the impostor but naming the coordinator in the config.
        let mut relabelled = w.invitation(&issuer, true, 12);
        let config_at = relabelled.windows(33).rposition(|x| x == impostor).unwrap();
        relabelled[config_at..config_at + 33].copy_from_slice(&coordinator);
        assert_eq!(
            refused(&mut trust, &relabelled, &own),
            TrustError::Control(ControlError::CoordinatorMismatch)
        );
        assert!(trust.trusted().is_none(), "nothing refused fixed a key");
        assert!(trust.accept_invitation(&good, 0, &own).is_ok());
    }

    fn stale_and_foreign_invitations_are_refused_and_a_resent_one_is_taken() {
        let mut w = World::new(5);
        let (old, new) = (w.issuer(ROOM), w.issuer(ROOM));
        let (old_bytes, new_bytes) = (w.invitation(&old, false, 10), w.invitation(&new, false, 20));
        let own = w.key(0);
        let mut trust = CoordinatorTrust::first_use(ROOM);
        trust.accept_invitation(&new_bytes, 0, &own).unwrap();
        assert_eq!(refused(&mut trust, &old_bytes, &own), TrustError::Stale);
        // The same invitation again (a coordinator resending it) is fine.
        trust.accept_invitation(&new_bytes, 0, &own).unwrap();
        // Another session issued at the same instant is not newer.
        let same_time = w.issuer(ROOM);
        let same_time = w.invitation(&same_time, false, 20);
        assert_eq!(refused(&mut trust, &same_time, &own), TrustError::Stale);
        let elsewhere = w.issuer("room-2");
        let elsewhere = w.invitation(&elsewhere, false, 30);
        assert!(matches!(refused(&mut trust, &elsewhere, &own), TrustError::WrongRoom { .. }));
    }

    fn directives_count_once_for_their_signer_and_session() {
        let mut w = World::new(6);
        let mut issuer = w.issuer(ROOM);
        let invitation = w.invitation(&issuer, false, 10);
        let own = w.key(2);
        let session: SessionId = *issuer.session();
        let mut trust = CoordinatorTrust::first_use(ROOM);
        let early = w.directive(&mut issuer, 2, Request::Behave);
        assert!(matches!(trust.accept_directive(&early, 2, &session), Err(TrustError::Untrusted { trusted: None, .. })));
        trust.accept_invitation(&invitation, 2, &own).unwrap();

        let misbehave = w.directive(&mut issuer, 2, Request::Misbehave("withhold-private-shares=1".into()));
        let behave = w.directive(&mut issuer, 2, Request::Behave);
        let other = w.directive(&mut issuer, 1, Request::Behave);
        assert_eq!(trust.accept_directive(&misbehave, 2, &session).unwrap(), Request::Misbehave("withhold-private-shares=1".into()));
        assert_eq!(trust.accept_directive(&misbehave, 2, &session), Err(TrustError::Replay));
        assert_eq!(trust.accept_directive(&behave, 2, &session).unwrap(), Request::Behave);
        assert_eq!(trust.accept_directive(&misbehave, 2, &session), Err(TrustError::Replay), "an older one");
        assert!(matches!(trust.accept_directive(&other, 2, &session), Err(TrustError::NotForMe(_))));

        // A directive from session A, replayed after the signer joined session B.
        let mut next = w.issuer(ROOM);
        let next_invitation = w.invitation(&next, false, 20);
        trust.accept_invitation(&next_invitation, 2, &own).unwrap();
        let next_session = *next.session();
        let later = w.directive(&mut issuer, 2, Request::Misbehave("bad-signature-share".into()));
        assert_eq!(trust.accept_directive(&later, 2, &next_session), Err(TrustError::WrongSession));
        let fresh = w.directive(&mut next, 2, Request::Behave);
        assert_eq!(trust.accept_directive(&fresh, 2, &next_session).unwrap(), Request::Behave);
        // An invitation is not a directive, nor the reverse.
        assert!(matches!(trust.accept_directive(&next_invitation, 2, &next_session), Err(TrustError::Unexpected { .. })));
        assert!(matches!(trust.accept_invitation(&fresh, 2, &own), Err(TrustError::Unexpected { .. })));
    }

    fn trust_and_issuer_survive_a_save_and_fingerprints_are_stable() {
        let mut w = World::new(7);
        let issuer = w.issuer(ROOM);
        let invitation = w.invitation(&issuer, false, 10);
        let mut trust = CoordinatorTrust::first_use(ROOM);
        trust.accept_invitation(&invitation, 0, &w.key(0)).unwrap();
        let saved = wsts_web::crypto::encoding::to_bytes(&trust);
        let restored: CoordinatorTrust = wsts_web::crypto::encoding::from_bytes(&saved).unwrap();
        assert_eq!(restored, trust);
        // A reloaded coordinator's issuer: the same session, numbering on.
        let mut issuer = issuer;
        let first = w.directive(&mut issuer, 0, Request::Behave);
        let mut reloaded: ControlIssuer =
            wsts_web::crypto::encoding::from_bytes(&wsts_web::crypto::encoding::to_bytes(&issuer)).unwrap();
        assert_eq!(reloaded.session(), issuer.session());
        let session = *issuer.session();
        let mut trust = restored;
        trust.accept_directive(&first, 0, &session).unwrap();
        let next = w.directive(&mut reloaded, 0, Request::Behave);
        assert_eq!(trust.accept_directive(&next, 0, &session), Ok(Request::Behave));
        let key = base_mul(w.coordinator.expose());
        assert_eq!(fingerprint(&key), fingerprint(&key));
        assert_eq!(fingerprint(&key).len(), 19);
        assert_ne!(fingerprint(&key), fingerprint(&base_mul(w.impostor.expose())));
    }

    fn a_native_coordinator_invites_signers_and_runs_the_ceremony() {
        let mut w = World::new(8);
        let issuer = w.issuer(ROOM);
        let invitation = w.invitation(&issuer, false, 10);
        let mut signers: Vec<Signer> = (0..3)
            .map(|i| {
                let mut trust = CoordinatorTrust::first_use(ROOM);
                let admitted = trust.accept_invitation(&invitation, i, &w.key(i as usize)).unwrap();
                Signer::new(admitted.invitation.config, i, w.signers[i as usize].clone()).unwrap()
            })
            .collect();
        let mut coordinator = frost_coordinator(w.config(&w.coordinator), w.coordinator.clone()).unwrap();
        coordinator.start_dkg(0).unwrap();
        let group_key = match run(&mut coordinator, &mut signers) {
            Some(CoordinatorEvent::DkgComplete { group_key, .. }) => group_key,
            other => panic!("no key: {other:?}"),
        };
        coordinator.start_signing(b"invited", wsts_web::crypto::signing::SignatureType::Schnorr, 0).unwrap();
        let Some(CoordinatorEvent::Signature(outcome)) = run(&mut coordinator, &mut signers) else { panic!("no signature") };
        let Signature::Schnorr(sig) = outcome.signature else { panic!("not BIP-340") };
        assert!(bip340::verify(&bip340::x_only(&group_key), b"invited", &sig));
    }
}

fn replace_all(bytes: &mut [u8], from: &[u8], to: &[u8]) {
    let mut at = 0;
    while let Some(i) = bytes[at..].windows(from.len()).position(|x| x == from) {
        bytes[at + i..at + i + from.len()].copy_from_slice(to);
        at += i + from.len();
    }
}

/// Move packets until the coordinator reports a key or a signature.
fn run(coordinator: &mut Coordinator, signers: &mut [Signer]) -> Option<CoordinatorEvent> {
    for _ in 0..100 {
        while let Some(t) = coordinator.poll_transmit() {
            let to: Vec<usize> = match t.to {
                Destination::AllSigners => (0..signers.len()).collect(),
                Destination::Signer(i) => vec![i as usize],
                Destination::Coordinator => vec![],
            };
            for i in to {
                let _ = signers[i].handle_packet(&t.bytes, 0);
            }
        }
        for s in signers.iter_mut() {
            while let Some(t) = s.poll_transmit() {
                coordinator.handle_packet(&t.bytes, 0).unwrap();
            }
        }
        while let Some(e) = coordinator.poll_event() {
            if matches!(e, CoordinatorEvent::DkgComplete { .. } | CoordinatorEvent::Signature(_)) {
                return Some(e);
            }
        }
    }
    None
}
