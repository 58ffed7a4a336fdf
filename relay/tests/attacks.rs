//! The relay under attack: each test reproduces a finding of the review
//! (issue 13) that the relay used to fail, with raw frames on loopback.

mod common;

use std::time::Duration;

use common::raw::{frame, upgrade_request, RawWs, FIN, PING, TEXT};
use common::{config, start, start_with, Client, STEP};
use futures_util::SinkExt as _;
use serde_json::json;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use tokio::time::{sleep, timeout, Instant};
use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;
use tokio_tungstenite::tungstenite::Message;
use wsts_relay::Limits;

/// Joins readers named `reader-i` that each count `want[i]` messages in a
/// task (failing on anything else, a `peer-left` in particular).
async fn readers(addr: std::net::SocketAddr, want: &[usize]) -> Vec<tokio::task::JoinHandle<(usize, Client)>> {
    let n = want.len();
    let mut clients = Vec::new();
    for i in 0..n {
        let (c, _) = Client::join(addr, "r", &format!("reader-{i}")).await;
        clients.push(c);
    }
    for (i, c) in clients.iter_mut().enumerate() {
        for _ in i + 1..n {
            c.expect("peer-joined").await;
        }
    }
    clients
        .into_iter()
        .zip(want.iter().copied())
        .map(|(mut c, want)| {
            tokio::spawn(async move {
                let mut got = 0;
                while got < want {
                    let v = c.recv().await;
                    if v["type"] == "peer-joined" {
                        continue;
                    }
                    assert_eq!(v["type"], "message", "{v}");
                    got += 1;
                }
                (got, c)
            })
        })
        .collect()
}

/// Finding 1: a burst under the rate limit, written in one TCP write, used to
/// overflow every other peer's queue (256 < burst 400) and evict them all.
#[tokio::test]
async fn a_burst_within_the_rate_limit_evicts_no_reader() {
    let addr = start(Limits::default()).await;
    const N: usize = 390;
    // reader-0 gets both bursts; the others get the broadcasts.
    let want = [2 * N, N, N];
    let readers = readers(addr, &want).await;
    let (mut sender, _) = Client::join(addr, "r", "sender").await;
    let (mut sender2, _) = Client::join(addr, "r", "sender2").await;
    sender.expect("peer-joined").await;
    for msg in (0..N).map(|_| Message::text(r#"{"type":"broadcast","data":""}"#)) {
        sender.ws.feed(msg).await.unwrap();
    }
    // And a burst of directed sends to one reader, from another sender.
    for msg in (0..N).map(|_| Message::text(r#"{"type":"send","to":"reader-0","data":"AA=="}"#)) {
        sender2.ws.feed(msg).await.unwrap();
    }
    let (a, b) = tokio::join!(sender.ws.flush(), sender2.ws.flush());
    a.unwrap();
    b.unwrap();
    let mut counts = Vec::new();
    let mut clients = Vec::new();
    for r in readers {
        let (count, client) = timeout(STEP * 4, r).await.expect("a reader stalled").expect("a reader failed");
        counts.push(count);
        clients.push(client);
    }
    assert_eq!(counts, want);
    for c in &mut clients {
        c.ping().await; // nothing else was queued: nobody was dropped
    }
    sender.ping().await;
}

/// Finding 3: sockets that never finished the HTTP upgrade were never timed
/// out nor counted, and exhausted file descriptors.
#[tokio::test]
async fn sockets_that_never_upgrade_are_counted_and_closed() {
    let limits = Limits { max_connections: 6, upgrade_timeout: Duration::from_millis(800), ..Limits::default() };
    let addr = start(limits).await;
    let mut idle = Vec::new();
    for _ in 0..5 {
        idle.push(TcpStream::connect(addr).await.unwrap());
    }
    // A slow-loris: a header byte every 200 ms, never the end of the head.
    let mut loris = TcpStream::connect(addr).await.unwrap();
    sleep(Duration::from_millis(100)).await;
    // All slots are taken by sockets that never upgraded.
    assert!(tokio_tungstenite::connect_async(format!("ws://{addr}/ws")).await.is_err(), "counted");
    let started = Instant::now();
    let drip = async {
        for b in b"GET /index.html HTTP/1.1\r\nHost: x\r\nX-Pad: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" {
            if loris.write_all(&[*b]).await.is_err() {
                return;
            }
            sleep(Duration::from_millis(200)).await;
        }
    };
    timeout(STEP, drip).await.expect("the slow-loris was never cut off");
    for mut s in idle {
        let mut buf = [0u8; 64];
        let n = timeout(STEP, s.read(&mut buf)).await.expect("an idle socket was never closed");
        assert!(matches!(n, Ok(0) | Err(_)), "{n:?}");
    }
    assert!(started.elapsed() < Duration::from_secs(4));
    // And the slots are free again.
    let (_c, _) = Client::join(addr, "r", "honest").await;
}

/// Finding 3, continued: a response nobody reads must not hold a slot
/// forever either.
#[tokio::test]
async fn an_unread_response_does_not_hold_a_connection_slot() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.bin"), vec![0u8; 32 << 20]).unwrap();
    let limits = Limits { max_connections: 1, upgrade_timeout: Duration::from_millis(800), ..Limits::default() };
    let addr = start_with(wsts_relay::RelayConfig { www: dir.path().into(), ..config(limits) }).await;
    let mut stuck = TcpStream::connect(addr).await.unwrap();
    stuck.write_all(format!("GET /big.bin HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes()).await.unwrap();
    sleep(Duration::from_millis(200)).await;
    assert!(tokio_tungstenite::connect_async(format!("ws://{addr}/ws")).await.is_err(), "the slot is taken");
    let deadline = Instant::now() + STEP;
    while tokio_tungstenite::connect_async(format!("ws://{addr}/ws")).await.is_err() {
        assert!(Instant::now() < deadline, "the stalled response kept its slot");
        sleep(Duration::from_millis(100)).await;
    }
    drop(stuck);
}

/// Finding 5: protocol violations used to drop TCP without a close frame.
#[tokio::test]
async fn protocol_errors_get_an_error_frame_and_a_close_code() {
    let addr = start(Limits::default()).await;
    let unmasked = {
        let mut f = frame(FIN | TEXT, b"{}");
        f[1] &= 0x7f;
        f.drain(2..6);
        f
    };
    for (bytes, code, close) in [
        (unmasked, "protocol-error", 1002),
        (frame(FIN | 0x3, b""), "protocol-error", 1002),
        (frame(FIN | 0x40 | TEXT, b"{}"), "protocol-error", 1002),
        (frame(PING, b""), "protocol-error", 1002),
        (frame(FIN | TEXT, &[b'"', 0xff, b'"']), "protocol-error", 1007),
    ] {
        let mut ws = RawWs::connect(addr).await;
        ws.skip_challenge().await;
        ws.write(&bytes).await;
        ws.expect_error_and_close(code, close).await;
    }
}

/// Finding 5: `/ws` had no Origin check.
#[tokio::test]
async fn only_allowed_origins_may_open_the_websocket() {
    let open = |addr: std::net::SocketAddr, origin: &'static str| async move {
        let mut req = format!("ws://{addr}/ws").into_client_request().unwrap();
        req.headers_mut().insert("origin", origin.parse().unwrap());
        tokio_tungstenite::connect_async(req).await.map(|_| ()).map_err(|e| e.to_string())
    };
    let addr = start(Limits::default()).await;
    let own: &'static str = Box::leak(format!("http://{addr}").into_boxed_str());
    assert!(open(addr, own).await.is_ok(), "the relay's own pages");
    let err = open(addr, "http://evil.example").await.unwrap_err();
    assert!(err.contains("403"), "{err}");
    assert!(open(addr, "https://wallet.example").await.is_err());

    let addr = start_with(wsts_relay::RelayConfig {
        allowed_origins: vec!["https://wallet.example".into()],
        ..config(Limits::default())
    })
    .await;
    assert!(open(addr, "https://wallet.example").await.is_ok());
    assert!(open(addr, "http://evil.example").await.is_err());
}

/// Finding 5: WebSocket-level pings were answered without limit.
#[tokio::test]
async fn websocket_pings_are_rate_limited() {
    let addr = start(Limits { rate_per_sec: 10.0, burst: 5.0, ..Limits::default() }).await;
    let mut ws = RawWs::connect(addr).await;
    ws.skip_challenge().await;
    let mut flood: Vec<u8> = (0..500).flat_map(|_| frame(FIN | PING, b"x")).collect();
    flood.extend(frame(FIN | TEXT, br#"{"type":"nope"}"#));
    ws.write(&flood).await;
    let mut pongs = 0;
    loop {
        let f = ws.next().await.expect("connection kept");
        match f.opcode {
            0xA => pongs += 1,
            1 => {
                assert!(["rate-limited", "bad-frame"].contains(&f.text()["code"].as_str().unwrap()), "{:?}", f.text());
                break;
            }
            other => panic!("unexpected opcode {other}"),
        }
    }
    assert!((5..=8).contains(&pongs), "{pongs} pongs for 500 pings");
}

/// The request line of a raw HTTP upgrade must also go through the limits
/// (a sanity check of the raw client used above).
#[tokio::test]
async fn raw_upgrade_works() {
    let addr = start(Limits::default()).await;
    let mut tcp = TcpStream::connect(addr).await.unwrap();
    tcp.write_all(upgrade_request(addr, "").as_bytes()).await.unwrap();
    let mut buf = [0u8; 12];
    timeout(STEP, tcp.read_exact(&mut buf)).await.unwrap().unwrap();
    assert_eq!(&buf, b"HTTP/1.1 101");
    let _ = json!({});
}
