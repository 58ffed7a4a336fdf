//! Finding 2 of the review: memory had no overall bound. Large frames were
//! copied per recipient, and unfinished fragmented messages were kept
//! indefinitely. Its own test binary, so the RSS it reads is the relay's
//! (and this test client's) alone.

mod common;

use std::time::Duration;

use common::raw::{frame, RawWs, FIN, PING, TEXT};
use common::{config, start_watched, Client};
use serde_json::json;
use tokio::io::AsyncWriteExt as _;
use tokio::time::{sleep, Instant};
use wsts_relay::Limits;

const MIB: usize = 1 << 20;

/// The tests measure the process: one at a time.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn rss() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
    statm.split_whitespace().nth(1).unwrap().parse::<usize>().unwrap() * 4096
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn large_frames_to_peers_that_never_read_are_held_once() {
    let _serial = SERIAL.lock().await;
    let (addr, budget) = start_watched(config(Limits::default())).await;
    let mut idle = Vec::new();
    for i in 0..20 {
        idle.push(Client::join(addr, "r", &format!("idle-{i}")).await.0);
    }
    let (mut sender, _) = Client::join(addr, "r", "sender").await;
    let before = rss();
    let big = json!({"type": "broadcast", "data": "A".repeat(24 * MIB)}).to_string();
    for _ in 0..3 {
        sender.send_text(&big).await;
    }
    drop(big);
    // Wait until the three frames are queued (charged) for everyone.
    let deadline = Instant::now() + Duration::from_secs(10);
    while budget.used() < 3 * 24 * MIB && Instant::now() < deadline {
        sleep(Duration::from_millis(20)).await;
    }
    let held = budget.used();
    let grown = rss().saturating_sub(before);
    // Three 24 MiB frames, each stored once for twenty recipients (copies
    // would be 1.4 GiB): what is held is charged once, and the process grew
    // by about that, not twenty times it.
    assert!((3 * 24 * MIB..4 * 24 * MIB).contains(&held), "held {} MiB", held / MIB);
    assert!(grown < 300 * MIB, "RSS grew by {} MiB", grown / MIB);
    drop(idle);
    let deadline = Instant::now() + Duration::from_secs(10);
    while budget.used() > 0 && Instant::now() < deadline {
        sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(budget.used(), 0, "released when the recipients are gone");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unfinished_messages_are_charged_bounded_and_timed_out() {
    let _serial = SERIAL.lock().await;
    let limits = Limits {
        max_memory_bytes: 8 * MIB,
        message_timeout: Duration::from_millis(1500),
        idle_timeout: Duration::from_secs(60),
        ..Limits::default()
    };
    let (addr, budget) = start_watched(config(limits)).await;
    // Connections that never join send 4 MiB of fragments each (16 MiB in
    // all, twice the budget), never the last one, then keep pinging.
    let mut attackers = Vec::new();
    for _ in 0..4 {
        let mut ws = RawWs::connect(addr).await;
        ws.skip_challenge().await;
        let mut wr = ws.take_writer();
        tokio::spawn(async move {
            let chunk = frame(TEXT, &vec![b'x'; 256 * 1024]);
            let mut first = true;
            for _ in 0..16 {
                let f = if first { chunk.clone() } else { [&[0x00u8][..], &chunk[1..]].concat() };
                first = false;
                if wr.write_all(&f).await.is_err() {
                    return;
                }
            }
            for _ in 0..100 {
                if wr.write_all(&frame(FIN | PING, b"")).await.is_err() {
                    return;
                }
                sleep(Duration::from_millis(50)).await;
            }
        });
        attackers.push(ws);
    }
    let started = Instant::now();
    let watch = tokio::spawn({
        let budget = budget.clone();
        async move {
            let mut peak = 0;
            while started.elapsed() < Duration::from_secs(3) {
                peak = peak.max(budget.used());
                sleep(Duration::from_millis(5)).await;
            }
            peak
        }
    });
    for ws in &mut attackers {
        // Ping answers may come first; then the reason and a close code.
        let err = loop {
            let f = ws.next().await.expect("closed with a frame");
            if f.opcode == 1 {
                break f.text();
            }
        };
        let code = err["code"].as_str().unwrap().to_owned();
        assert!(["message-timeout", "server-busy"].contains(&code.as_str()), "{err}");
        let close = loop {
            let f = ws.next().await.expect("a close frame");
            if f.opcode == 8 {
                break f.close_code();
            }
        };
        assert_eq!(close, Some(if code == "message-timeout" { 1008 } else { 1013 }));
    }
    assert!(started.elapsed() < Duration::from_secs(4), "all closed soon after the message timeout");
    let peak = watch.await.unwrap();
    assert!(peak <= 8 * MIB, "peak {} bytes over an 8 MiB budget", peak);
    assert!(peak >= 4 * MIB, "the partial data was charged ({peak} bytes)");
    assert_eq!(budget.used(), 0);
    // The relay still serves.
    let (mut a, _) = Client::join(addr, "r", "a").await;
    a.ping().await;
}
