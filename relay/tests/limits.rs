//! Resource limits of `/ws`: each one answers with an error frame, and only
//! ever affects the offending connection.

mod common;

use std::time::Duration;

use common::{secret_for, start, Client, STEP};
use futures_util::StreamExt as _;
use serde_json::json;
use tokio::time::{sleep, timeout, Instant};
use tokio_tungstenite::tungstenite::Message;
use wsts_relay::Limits;

#[tokio::test]
async fn oversize_frame_is_refused_and_closes_only_that_connection() {
    let addr = start(Limits { max_frame_bytes: 1024, ..Limits::default() }).await;
    let (mut a, _) = Client::join(addr, "r", "a").await;
    let (mut x, _) = Client::join(addr, "r", "x").await;
    a.expect("peer-joined").await;

    // Just under the limit is fine.
    let fits = format!(r#"{{"type":"broadcast","data":"{}"}}"#, "A".repeat(1024 - 36));
    assert!(fits.len() <= 1024);
    x.send_text(&fits).await;
    assert_eq!(a.expect("message").await["from"], "x");

    let big = format!(r#"{{"type":"broadcast","data":"{}"}}"#, "A".repeat(2000));
    x.send_text(&big).await;
    x.expect_error("frame-too-large").await;
    x.expect_closed().await;
    assert_eq!(a.recv().await, json!({"type": "peer-left", "peer": "x"}));
    a.ping().await;

    // Binary frames count against the same limit.
    let (mut y, _) = Client::join(addr, "r", "y").await;
    a.expect("peer-joined").await;
    y.send_msg(Message::binary(vec![0u8; 4096])).await;
    y.expect_error("frame-too-large").await;
    y.expect_closed().await;
    assert_eq!(a.recv().await, json!({"type": "peer-left", "peer": "y"}));
}

#[tokio::test]
async fn rate_limit_drops_excess_frames_but_keeps_the_connection() {
    let addr = start(Limits { rate_per_sec: 10.0, burst: 5.0, ..Limits::default() }).await;
    let (mut a, _) = Client::join(addr, "r", "a").await;
    let (mut b, _) = Client::join(addr, "r", "b").await;
    a.expect("peer-joined").await;

    // a's join took one of its 5 tokens; at 10/s little refills meanwhile.
    for _ in 0..20 {
        a.send(json!({"type": "broadcast", "data": "AA=="})).await;
    }
    sleep(Duration::from_millis(300)).await; // tokens come back with time
    a.send(json!({"type": "ping"})).await;
    let mut limited = 0;
    loop {
        let v = a.recv().await;
        if v["type"] == "pong" {
            break;
        }
        assert_eq!(v["code"], "rate-limited", "{v}");
        limited += 1;
        assert!(limited <= 20);
    }
    let admitted = 20 - limited;
    assert!((4..=7).contains(&admitted), "admitted {admitted}");
    // b got exactly the admitted ones, and b itself is unaffected.
    for _ in 0..admitted {
        assert_eq!(b.expect("message").await["from"], "a");
    }
    b.ping().await;
}

#[tokio::test]
async fn room_full() {
    let addr = start(Limits { max_peers_per_room: 2, ..Limits::default() }).await;
    let (_a, _) = Client::join(addr, "r", "a").await;
    let (mut b, _) = Client::join(addr, "r", "b").await;
    let mut c = Client::connect(addr).await;
    c.send_join("r", "c", &secret_for("c")).await;
    c.expect_error("room-full").await;
    // Still usable: another room works.
    c.send_join("r2", "c", &secret_for("c")).await;
    c.expect("joined").await;
    // Rejoining with an existing id is a replacement, not a new seat.
    let (_b2, _) = Client::join(addr, "r", "b").await;
    b.expect_error("replaced").await;
}

#[tokio::test]
async fn too_many_rooms_and_empty_rooms_are_removed() {
    let addr = start(Limits { max_rooms: 1, ..Limits::default() }).await;
    let (a, _) = Client::join(addr, "r1", "a").await;
    let mut b = Client::connect(addr).await;
    b.send_join("r2", "b", &secret_for("b")).await;
    b.expect_error("server-full").await;
    b.ping().await;

    // Once r1 is empty it is gone, and r2 can be created.
    drop(a);
    let deadline = Instant::now() + STEP;
    loop {
        b.send_join("r2", "b", &secret_for("b")).await;
        let v = b.recv().await;
        if v["type"] == "joined" {
            break;
        }
        assert_eq!(v["code"], "server-full", "{v}");
        assert!(Instant::now() < deadline, "room r1 was never removed");
        sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn connection_limit_answers_503() {
    let addr = start(Limits { max_connections: 1, ..Limits::default() }).await;
    let (a, _) = Client::join(addr, "r", "a").await;
    let refused = tokio_tungstenite::connect_async(format!("ws://{addr}/ws")).await;
    match refused {
        Err(tokio_tungstenite::tungstenite::Error::Http(res)) => assert_eq!(res.status(), 503),
        Err(tokio_tungstenite::tungstenite::Error::Io(_)) => {} // reset before the answer was read
        other => panic!("expected 503, got {other:?}"),
    }

    // The slot is released when the first connection goes away.
    drop(a);
    let deadline = Instant::now() + STEP;
    while tokio_tungstenite::connect_async(format!("ws://{addr}/ws")).await.is_err() {
        assert!(Instant::now() < deadline, "connection slot never released");
        sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn slow_consumer_is_dropped_when_its_queue_stays_full_by_count() {
    slow_consumer_is_dropped(Limits { queue_len: 4, ..fast_timeouts() }).await;
}

#[tokio::test]
async fn slow_consumer_is_dropped_when_its_queue_stays_full_by_bytes() {
    slow_consumer_is_dropped(Limits { queue_len: 100_000, max_queue_bytes: 3 << 20, ..fast_timeouts() }).await;
}

fn fast_timeouts() -> Limits {
    Limits { rate_per_sec: 0.0, send_timeout: Duration::from_millis(500), ..Limits::default() }
}

/// "slow" joins and never reads; "fast" broadcasts 1 MiB frames until the
/// relay gives up on "slow" (its socket buffers fill, then its queue, and
/// fast's next message waits `send_timeout` for room in vain).
async fn slow_consumer_is_dropped(limits: Limits) {
    let addr = start(limits).await;
    let (mut fast, _) = Client::join(addr, "r", "fast").await;
    let (slow, _) = Client::join(addr, "r", "slow").await;
    fast.expect("peer-joined").await;

    let chunk = json!({"type": "broadcast", "data": "A".repeat(1 << 20)}).to_string();
    let mut sent = 0;
    let left = loop {
        assert!(sent < 300, "slow consumer was never dropped");
        fast.send_text(&chunk).await;
        sent += 1;
        // Peek for a frame without blocking the sender.
        if let Ok(msg) = timeout(Duration::from_millis(5), fast.ws.next()).await {
            let Some(Ok(Message::Text(t))) = msg else { panic!("unexpected {msg:?}") };
            break serde_json::from_str::<serde_json::Value>(&t).unwrap();
        }
    };
    assert_eq!(left, json!({"type": "peer-left", "peer": "slow"}));
    fast.ping().await;
    drop(slow);
}

#[tokio::test]
async fn silent_connection_times_out_live_one_does_not() {
    let addr = start(Limits {
        idle_timeout: Duration::from_millis(600),
        ping_interval: Duration::from_millis(100),
        ..Limits::default()
    })
    .await;
    let (mut a, _) = Client::join(addr, "r", "a").await;
    // z is never polled, so it never answers the relay's pings.
    let (z, _) = Client::join(addr, "r", "z").await;
    assert_eq!(a.expect("peer-joined").await["peer"], "z");
    // a keeps reading (and so auto-answers pings) for the whole wait.
    let started = Instant::now();
    assert_eq!(a.recv().await, json!({"type": "peer-left", "peer": "z"}));
    assert!(started.elapsed() >= Duration::from_millis(400));
    a.ping().await;
    drop(z);
}
