//! The main crate's join signer (`wsts_web::net::relay_auth`, what browsers
//! run as `signRelayJoin`) and the relay's verifier agree, through a real
//! relay connection and directly.

mod common;

use common::{start, Client};
use serde_json::json;
use wsts_relay::auth::{join_message, verify_join, Nonce};
use wsts_relay::Limits;
use wsts_web::crypto::{base_mul, encoding::point_to_bytes, secret::SecretScalar};
use wsts_web::net::relay_auth::{parse_relay_nonce, relay_join_message, sign_relay_join};

fn network_key() -> (SecretScalar, String) {
    let secret = SecretScalar::random(&mut rand_core::OsRng);
    let public = hex::encode(point_to_bytes(&base_mul(secret.expose())));
    (secret, public)
}

#[test]
fn both_sides_build_the_same_message() {
    for (room, peer) in [("r", "coordinator"), ("room-1", "signer-0"), (&"x".repeat(64)[..], "p")] {
        let nonce = Nonce::random();
        assert_eq!(
            join_message(&nonce, room, peer).unwrap(),
            relay_join_message(nonce.as_bytes(), room, peer).unwrap()
        );
    }
}

#[test]
fn main_crate_signatures_verify_in_the_relay_and_tampered_ones_do_not() {
    for _ in 0..16 {
        let (secret, public) = network_key();
        let nonce = Nonce::random();
        let sig = sign_relay_join(&secret, nonce.as_bytes(), "room", "signer-3", &mut rand_core::OsRng).unwrap();
        let sig_hex = hex::encode(sig.0);
        let key = verify_join(&nonce, "room", "signer-3", &public, &sig_hex).expect("verifies");
        assert_eq!(key.to_hex(), public);
        for i in [0usize, 31, 32, 63] {
            let mut bad = sig.0;
            bad[i] ^= 1;
            assert!(verify_join(&nonce, "room", "signer-3", &public, &hex::encode(bad)).is_err(), "byte {i}");
        }
        assert!(verify_join(&nonce, "room", "signer-4", &public, &sig_hex).is_err());
        assert!(verify_join(&Nonce::random(), "room", "signer-3", &public, &sig_hex).is_err());
    }
}

#[tokio::test]
async fn a_main_crate_signer_joins_a_live_relay() {
    let addr = start(Limits::default()).await;
    let (secret, public) = network_key();
    let mut c = Client::connect(addr).await;
    let nonce = parse_relay_nonce(&c.nonce).unwrap();
    let sig = sign_relay_join(&secret, &nonce, "r", "coordinator", &mut rand_core::OsRng).unwrap();
    c.send(
        json!({"type": "join", "room": "r", "peer": "coordinator", "pubkey": public, "signature": hex::encode(sig.0)}),
    )
    .await;
    assert_eq!(c.expect("joined").await["peer"], "coordinator");
}
