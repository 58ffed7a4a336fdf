//! Protocol behaviour of `/ws` against an in-process relay on 127.0.0.1.

mod common;

use common::{join_frame, pubkey_of, secret_for, start, Client};
use serde_json::json;
use tokio_tungstenite::tungstenite::Message;
use wsts_relay::Limits;

fn key(name: &str) -> String {
    pubkey_of(&secret_for(name))
}

#[tokio::test]
async fn join_lists_peers_and_announces_newcomers() {
    let addr = start(Limits::default()).await;
    let (mut a, joined_a) = Client::join(addr, "r1", "alice").await;
    assert_eq!(joined_a, json!({"type": "joined", "room": "r1", "peer": "alice", "peers": []}));

    let (_b, joined_b) = Client::join(addr, "r1", "bob").await;
    assert_eq!(
        joined_b,
        json!({"type": "joined", "room": "r1", "peer": "bob",
               "peers": [{"peer": "alice", "pubkey": key("alice")}]})
    );
    assert_eq!(a.recv().await, json!({"type": "peer-joined", "peer": "bob", "pubkey": key("bob")}));

    // Another room is separate.
    let (_c, joined_c) = Client::join(addr, "r2", "carol").await;
    assert_eq!(joined_c["peers"], json!([]));
    a.ping().await; // alice heard nothing about r2
}

#[tokio::test]
async fn broadcast_reaches_others_but_not_sender() {
    let addr = start(Limits::default()).await;
    let (mut a, _) = Client::join(addr, "r", "a").await;
    let (mut b, _) = Client::join(addr, "r", "b").await;
    let (mut c, _) = Client::join(addr, "r", "c").await;
    a.expect("peer-joined").await;
    a.expect("peer-joined").await;
    b.expect("peer-joined").await;

    a.send(json!({"type": "broadcast", "data": "aGVsbG8="})).await;
    let want = json!({"type": "message", "from": "a", "data": "aGVsbG8="});
    assert_eq!(b.recv().await, want);
    assert_eq!(c.recv().await, want);
    a.ping().await;

    // Order is preserved per sender.
    for i in 0..20u8 {
        let data = base64_of(&[i]);
        b.send(json!({"type": "broadcast", "data": data})).await;
    }
    for i in 0..20u8 {
        let v = a.expect("message").await;
        assert_eq!(v["from"], "b");
        assert_eq!(v["data"], base64_of(&[i]));
    }
}

#[tokio::test]
async fn send_reaches_only_its_target() {
    let addr = start(Limits::default()).await;
    let (mut a, _) = Client::join(addr, "r", "a").await;
    let (mut b, _) = Client::join(addr, "r", "b").await;
    let (mut c, _) = Client::join(addr, "r", "c").await;
    a.expect("peer-joined").await;
    a.expect("peer-joined").await;
    b.expect("peer-joined").await;

    a.send(json!({"type": "send", "to": "c", "data": "AAEC"})).await;
    assert_eq!(c.recv().await, json!({"type": "message", "from": "a", "data": "AAEC"}));
    b.ping().await;
    a.ping().await;
}

#[tokio::test]
async fn signal_is_forwarded_verbatim() {
    let addr = start(Limits::default()).await;
    let (mut a, _) = Client::join(addr, "r", "a").await;
    let (mut b, _) = Client::join(addr, "r", "b").await;
    a.expect("peer-joined").await;
    let signal = json!({"kind": "offer", "sdp": "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n", "n": [1, 2.5, null, true]});
    a.send(json!({"type": "signal", "to": "b", "signal": signal})).await;
    assert_eq!(b.recv().await, json!({"type": "signal", "from": "a", "signal": signal}));
    // Any JSON value is fine, including scalars.
    b.send(json!({"type": "signal", "to": "a", "signal": "candidate"})).await;
    assert_eq!(a.recv().await, json!({"type": "signal", "from": "b", "signal": "candidate"}));
    // Oversized signals are refused, connection kept.
    let big = "x".repeat(70 * 1024);
    a.send(json!({"type": "signal", "to": "b", "signal": big})).await;
    a.expect_error("signal-too-large").await;
    a.ping().await;
    b.ping().await;
}

#[tokio::test]
async fn unknown_peer_is_an_error_not_a_disconnect() {
    let addr = start(Limits::default()).await;
    let (mut a, _) = Client::join(addr, "r", "a").await;
    a.send(json!({"type": "send", "to": "ghost", "data": "AA=="})).await;
    let err = a.expect_error("unknown-peer").await;
    assert!(err["message"].as_str().unwrap().contains("ghost"));
    a.send(json!({"type": "signal", "to": "ghost", "signal": {}})).await;
    a.expect_error("unknown-peer").await;
    // A peer in another room is unknown here too.
    let (_x, _) = Client::join(addr, "other", "x").await;
    a.send(json!({"type": "send", "to": "x", "data": "AA=="})).await;
    a.expect_error("unknown-peer").await;
    a.ping().await;
}

#[tokio::test]
async fn bad_input_gets_error_frames_and_the_connection_survives() {
    let addr = start(Limits::default()).await;
    let mut a = Client::connect(addr).await;

    // Before joining.
    a.send(json!({"type": "broadcast", "data": "AA=="})).await;
    a.expect_error("not-joined").await;
    a.send(json!({"type": "send", "to": "b", "data": "AA=="})).await;
    a.expect_error("not-joined").await;
    a.ping().await; // ping is allowed before join

    // Bad join fields.
    let secret = secret_for("a");
    let nonce = a.nonce.clone();
    let signed = |room: &str, peer: &str| join_frame(&nonce, room, peer, &secret);
    let with = |mut frame: serde_json::Value, field: &str, value: serde_json::Value| {
        frame[field] = value;
        frame
    };
    let without = |mut frame: serde_json::Value, field: &str| {
        frame.as_object_mut().unwrap().remove(field);
        frame
    };
    for (frame, code) in [
        (signed("", "a"), "bad-room"),
        (signed("a b", "a"), "bad-room"),
        (signed(&"x".repeat(65), "a"), "bad-room"),
        (signed("r", "../a"), "bad-peer"),
        (signed("r", ""), "bad-peer"),
        (with(signed("r", "a"), "pubkey", json!("xyz")), "bad-pubkey"),
        (with(signed("r", "a"), "pubkey", json!("ab".repeat(33))), "bad-pubkey"),
        (with(signed("r", "a"), "signature", json!("00".repeat(64))), "bad-signature"),
        (with(signed("r", "a"), "peer", json!("b")), "bad-signature"),
        (with(signed("r", "a"), "pubkey", json!(key("b"))), "bad-signature"),
        (without(signed("r", "a"), "signature"), "bad-frame"),
        (without(signed("r", "a"), "pubkey"), "bad-frame"),
        (json!({"type": "join", "room": "r"}), "bad-frame"),
    ] {
        a.send(frame).await;
        a.expect_error(code).await;
    }

    a.send(signed("r", "a")).await;
    a.expect("joined").await;
    let (mut b, _) = Client::join(addr, "r", "b").await;
    a.expect("peer-joined").await;

    let bad_texts = [
        "not json",
        "{\"type\":",
        "[1,2,3]",
        "{}",
        r#"{"type":"teleport"}"#,
        r#"{"type":"broadcast"}"#,
        r#"{"type":"broadcast","data":"not base64!"}"#,
        r#"{"type":"broadcast","data":"QQ="}"#,
        r#"{"type":"broadcast","data":"aGVsbG8=","extra":true}"#,
        r#"{"type":"send","to":"b","data":42}"#,
    ];
    for text in bad_texts {
        a.send_text(text).await;
        a.expect_error("bad-frame").await;
    }
    a.send_msg(Message::binary(vec![1u8, 2, 3])).await;
    a.expect_error("bad-frame").await;

    a.send(join_frame(&a.nonce, "r2", "a", &secret)).await;
    a.expect_error("already-joined").await;

    // Nothing reached b, and a still works.
    b.ping().await;
    a.send(json!({"type": "broadcast", "data": "b2s="})).await;
    assert_eq!(b.recv().await, json!({"type": "message", "from": "a", "data": "b2s="}));
}

#[tokio::test]
async fn abrupt_disconnect_announces_peer_left_and_room_survives() {
    let addr = start(Limits::default()).await;
    let (mut a, _) = Client::join(addr, "r", "a").await;
    let (b, _) = Client::join(addr, "r", "b").await;
    let (mut c, _) = Client::join(addr, "r", "c").await;
    a.expect("peer-joined").await;
    a.expect("peer-joined").await;

    b.abort(); // TCP reset, no close frame
    assert_eq!(a.recv().await, json!({"type": "peer-left", "peer": "b"}));
    assert_eq!(c.recv().await, json!({"type": "peer-left", "peer": "b"}));

    a.send(json!({"type": "broadcast", "data": "AA=="})).await;
    assert_eq!(c.expect("message").await["from"], "a");

    // The same peer id can come back.
    let (_b2, joined) = Client::join(addr, "r", "b").await;
    let names: Vec<_> =
        joined["peers"].as_array().unwrap().iter().map(|p| p["peer"].as_str().unwrap().to_owned()).collect();
    assert_eq!(names, ["a", "c"]);
    assert_eq!(a.expect("peer-joined").await["peer"], "b");
    c.send(json!({"type": "send", "to": "a", "data": "AA=="})).await;
    assert_eq!(a.expect("message").await["from"], "c");
}

#[tokio::test]
async fn clean_close_and_plain_drop_announce_peer_left() {
    let addr = start(Limits::default()).await;
    let (mut a, _) = Client::join(addr, "r", "a").await;
    let (mut b, _) = Client::join(addr, "r", "b").await;
    let (c, _) = Client::join(addr, "r", "c").await;
    a.expect("peer-joined").await;
    a.expect("peer-joined").await;

    tokio::time::timeout(common::STEP, b.ws.close(None)).await.unwrap().unwrap();
    assert_eq!(a.recv().await, json!({"type": "peer-left", "peer": "b"}));
    drop(c); // FIN without a close frame
    assert_eq!(a.recv().await, json!({"type": "peer-left", "peer": "c"}));
    a.ping().await;
}

#[tokio::test]
async fn rejoining_replaces_the_live_connection() {
    let addr = start(Limits::default()).await;
    let (mut a, _) = Client::join(addr, "r", "a").await;
    let (mut b1, _) = Client::join(addr, "r", "b").await;
    a.expect("peer-joined").await;

    let (mut b2, joined) = Client::join(addr, "r", "b").await;
    assert_eq!(joined["peers"], json!([{"peer": "a", "pubkey": key("a")}]));
    b1.expect_error("replaced").await;
    b1.expect_closed().await;
    assert_eq!(a.recv().await, json!({"type": "peer-left", "peer": "b"}));
    assert_eq!(a.expect("peer-joined").await["peer"], "b");

    // Traffic for "b" now goes to the new connection, even after the old
    // one has finished closing.
    a.send(json!({"type": "send", "to": "b", "data": "AA=="})).await;
    assert_eq!(b2.expect("message").await["from"], "a");
    b2.send(json!({"type": "broadcast", "data": "AQ=="})).await;
    assert_eq!(a.expect("message").await["data"], "AQ==");
}

#[tokio::test]
async fn a_taken_peer_id_under_another_key_is_refused_and_the_owner_keeps_working() {
    let addr = start(Limits::default()).await;
    let (mut owner, _) = Client::join(addr, "r", "coordinator").await;
    let (mut b, _) = Client::join(addr, "r", "b").await;
    owner.expect("peer-joined").await;

    let mut impostor = Client::connect(addr).await;
    impostor.send_join("r", "coordinator", &secret_for("mallory")).await;
    let err = impostor.expect_error("peer-key-mismatch").await;
    assert!(err["message"].as_str().unwrap().contains("coordinator"), "{err}");
    // The impostor's connection stays open (it may join elsewhere); nobody
    // in the room heard of it and the owner still sends and receives.
    impostor.ping().await;
    b.ping().await;
    owner.send(json!({"type": "broadcast", "data": "AA=="})).await;
    assert_eq!(b.expect("message").await["from"], "coordinator");
    b.send(json!({"type": "send", "to": "coordinator", "data": "AQ=="})).await;
    assert_eq!(owner.expect("message").await["data"], "AQ==");

    // Nor can it take the id while the owner is briefly away: the binding
    // lives as long as the room.
    drop(owner);
    assert_eq!(b.expect("peer-left").await["peer"], "coordinator");
    let mut impostor = Client::connect(addr).await;
    impostor.send_join("r", "coordinator", &secret_for("mallory")).await;
    impostor.expect_error("peer-key-mismatch").await;
    // The owner (a reloaded tab, same key) gets its id back.
    let (_owner, joined) = Client::join(addr, "r", "coordinator").await;
    assert_eq!(joined["peers"], json!([{"peer": "b", "pubkey": key("b")}]));
    assert_eq!(b.recv().await, json!({"type": "peer-joined", "peer": "coordinator", "pubkey": key("coordinator")}));
}

#[tokio::test]
async fn a_join_without_a_valid_challenge_signature_is_refused() {
    let addr = start(Limits::default()).await;
    let (mut b, _) = Client::join(addr, "r", "b").await;
    // A signature for another connection's challenge (a replay) fails.
    let mut first = Client::connect(addr).await;
    let replayed = join_frame(&first.nonce, "r", "a", &secret_for("a"));
    let mut second = Client::connect(addr).await;
    second.send(replayed).await;
    second.expect_error("bad-signature").await;
    // A made-up signature fails; so does a well-formed one by another key.
    let mut forged = join_frame(&second.nonce, "r", "a", &secret_for("a"));
    forged["signature"] = json!("11".repeat(64));
    second.send(forged).await;
    second.expect_error("bad-signature").await;
    let mut other_key = join_frame(&second.nonce, "r", "a", &secret_for("x"));
    other_key["pubkey"] = json!(key("a"));
    second.send(other_key).await;
    second.expect_error("bad-signature").await;
    // Nothing reached the room, and the failures bound nothing: "a" can
    // still join with its own key.
    b.ping().await;
    first.send_join("r", "a", &secret_for("a")).await;
    first.expect("joined").await;
    assert_eq!(b.expect("peer-joined").await["peer"], "a");
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
