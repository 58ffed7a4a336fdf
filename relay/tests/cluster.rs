//! Rooms across relay processes (`--cluster`): relays on one private
//! nats-server on loopback.

mod common;

use std::net::SocketAddr;
use std::time::Duration;

use common::nats::Nats;
use common::{config, pubkey_of, secret_for, start_killable, start_with, Client};
use serde_json::{json, Value};
use tokio::time::{timeout, Instant};
use wsts_relay::{ClusterConfig, Limits, RelayConfig};

fn clustered(nats: &Nats) -> RelayConfig {
    let cluster = ClusterConfig {
        heartbeat: Duration::from_millis(100),
        dead_after: Duration::from_millis(1000),
        ..ClusterConfig::new(nats.url.clone())
    };
    RelayConfig { cluster: Some(cluster), ..config(Limits::default()) }
}

async fn relay(nats: &Nats) -> SocketAddr {
    start_with(clustered(nats)).await
}

/// Waits until `c` knows `peers` are in the room: listed in its `joined`,
/// or announced since, in any order (a relay learns a room's remote members
/// from the other relays' rosters just after it starts following it).
async fn knows(c: &mut Client, joined: &Value, peers: &[&str]) {
    let mut missing: Vec<&str> = peers
        .iter()
        .copied()
        .filter(|peer| !joined["peers"].as_array().unwrap().iter().any(|p| p["peer"] == *peer))
        .collect();
    while !missing.is_empty() {
        let v = c.expect("peer-joined").await;
        let peer = v["peer"].as_str().unwrap();
        assert!(missing.contains(&peer), "unexpected {v}");
        assert_eq!(v["pubkey"], pubkey_of(&secret_for(peer)));
        missing.retain(|p| *p != peer);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signer_and_a_coordinator_on_two_relays_share_a_room() {
    let nats = Nats::start();
    let (a, b) = (relay(&nats).await, relay(&nats).await);
    let (mut signer, _) = Client::join(a, "r", "signer-0").await;
    let (mut coord, joined) = Client::join(b, "r", "coordinator").await;
    knows(&mut coord, &joined, &["signer-0"]).await;
    assert_eq!(
        signer.recv().await,
        json!({"type": "peer-joined", "peer": "coordinator", "pubkey": pubkey_of(&secret_for("coordinator"))})
    );

    // Packets both ways: broadcast, send, signal.
    signer.send(json!({"type": "broadcast", "data": "AAEC"})).await;
    assert_eq!(coord.recv().await, json!({"type": "message", "from": "signer-0", "data": "AAEC"}));
    coord.send(json!({"type": "send", "to": "signer-0", "data": "AQ=="})).await;
    assert_eq!(signer.recv().await, json!({"type": "message", "from": "coordinator", "data": "AQ=="}));
    coord.send(json!({"type": "signal", "to": "signer-0", "signal": {"kind": "offer", "sdp": "v=0"}})).await;
    assert_eq!(signer.recv().await["signal"], json!({"kind": "offer", "sdp": "v=0"}));

    // A second signer on a third relay; the coordinator's broadcast reaches
    // both, in order with other frames from the coordinator.
    let c = relay(&nats).await;
    let (mut signer1, joined) = Client::join(c, "r", "signer-1").await;
    knows(&mut signer1, &joined, &["coordinator", "signer-0"]).await;
    assert_eq!(signer.expect("peer-joined").await["peer"], "signer-1");
    assert_eq!(coord.expect("peer-joined").await["peer"], "signer-1");
    for i in 0..20u8 {
        coord.send(json!({"type": "broadcast", "data": format!("{:02}AA", i)})).await;
    }
    for s in [&mut signer, &mut signer1] {
        for i in 0..20u8 {
            assert_eq!(s.expect("message").await["data"], format!("{:02}AA", i));
        }
    }

    // Leaving is seen on the other relays.
    drop(signer1);
    assert_eq!(signer.recv().await, json!({"type": "peer-left", "peer": "signer-1"}));
    assert_eq!(coord.recv().await, json!({"type": "peer-left", "peer": "signer-1"}));
    coord.ping().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_peer_id_stays_bound_to_one_key_across_the_cluster() {
    let nats = Nats::start();
    let (a, b) = (relay(&nats).await, relay(&nats).await);
    let (mut owner, _) = Client::join(a, "room", "coordinator").await;
    let (mut signer, joined) = Client::join(b, "room", "signer-0").await;
    knows(&mut signer, &joined, &["coordinator"]).await;
    owner.expect("peer-joined").await;

    let mut impostor = Client::connect(b).await;
    impostor.send_join("room", "coordinator", &secret_for("mallory")).await;
    impostor.expect_error("peer-key-mismatch").await;
    // The owner keeps working; nobody saw the attempt.
    signer.send(json!({"type": "send", "to": "coordinator", "data": "AA=="})).await;
    assert_eq!(owner.expect("message").await["from"], "signer-0");
    signer.ping().await;

    // The owner's key rejoins on the other relay: the old connection is
    // replaced there, and the room sees a rejoin.
    let (mut moved, _) = Client::join(b, "room", "coordinator").await;
    owner.expect_error("replaced").await;
    assert_eq!(signer.recv().await, json!({"type": "peer-left", "peer": "coordinator"}));
    assert_eq!(signer.expect("peer-joined").await["peer"], "coordinator");
    signer.send(json!({"type": "send", "to": "coordinator", "data": "AQ=="})).await;
    assert_eq!(moved.expect("message").await["data"], "AQ==");

    // Still bound while the owner is away.
    drop(moved);
    assert_eq!(signer.expect("peer-left").await["peer"], "coordinator");
    let mut impostor = Client::connect(a).await;
    impostor.send_join("room", "coordinator", &secret_for("mallory")).await;
    impostor.expect_error("peer-key-mismatch").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_members_of_a_relay_that_dies_leave_and_can_come_back_elsewhere() {
    let nats = Nats::start();
    let a = relay(&nats).await;
    let (c, kill) = start_killable(clustered(&nats));
    let (mut x, _) = Client::join(a, "r", "x").await;
    let (mut y, joined) = Client::join(c, "r", "y").await;
    knows(&mut y, &joined, &["x"]).await;
    assert_eq!(x.expect("peer-joined").await["peer"], "y");

    let killed = Instant::now();
    kill.send(()).unwrap();
    assert_eq!(timeout(Duration::from_secs(5), x.recv()).await.unwrap(), json!({"type": "peer-left", "peer": "y"}));
    assert!(killed.elapsed() < Duration::from_secs(4), "{:?}", killed.elapsed());
    assert!(y.next_msg().await.is_none(), "y's connection died with its relay");

    // y reconnects to the surviving relay under the same key.
    let (mut y, joined) = Client::join(a, "r", "y").await;
    assert_eq!(joined["peers"][0]["peer"], "x");
    assert_eq!(x.expect("peer-joined").await["peer"], "y");
    y.send(json!({"type": "broadcast", "data": "AA=="})).await;
    assert_eq!(x.expect("message").await["from"], "y");
}
