//! Finding 4 of the review: error replies and log lines echoed bad input
//! unbounded (a 1 MiB `type` came back as a 1 MiB message; 20 frames of
//! 8 MiB wrote 160 MiB of log). Its own test binary: it captures the log.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::{start, Client};
use wsts_relay::Limits;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn error_replies_and_log_lines_are_bounded_and_escaped() {
    let log = Captured::default();
    let writer = log.clone();
    tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_max_level(tracing::Level::INFO)
        .with_ansi(false)
        .init();
    let addr = start(Limits { rate_per_sec: 0.0, ..Limits::default() }).await;
    let mut c = Client::connect(addr).await;
    // A 1 MiB type starting with terminal escapes.
    let huge = format!(r#"{{"type":"\u001b]0;pwned\u0007{}"}}"#, "é".repeat(1 << 19));
    c.send_text(&huge).await;
    let err = c.expect_error("bad-frame").await;
    let message = err["message"].as_str().unwrap();
    assert!(message.len() <= 256, "{} bytes came back", message.len());
    // Twenty 8 MiB frames from a connection that never joined.
    let junk = format!(r#"{{"type":"x{}"}}"#, "A".repeat(8 << 20));
    for _ in 0..20 {
        c.send_text(&junk).await;
        let err = c.expect_error("bad-frame").await;
        assert!(err["message"].as_str().unwrap().len() <= 256);
    }
    c.ping().await;
    let log = log.0.lock().unwrap().clone();
    assert!(log.len() < 4 * 1024, "{} bytes of log", log.len());
    assert!(!log.contains(&0x1b) && !log.contains(&0x07), "control characters reached the log");
}
