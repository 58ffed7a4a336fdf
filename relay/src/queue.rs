//! Per-connection outbound queue, bounded both in messages and in bytes.
//!
//! A count bound alone is not enough: 256 queued 32 MiB `send`s would be
//! 8 GiB. When either bound is hit the sender's `offer` fails and the room
//! drops the slow consumer instead of buffering more.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::sync::mpsc;

use crate::rooms::Outbound;

/// Sending half, kept by the room.
pub struct QueueTx {
    tx: mpsc::Sender<Outbound>,
    bytes: Arc<AtomicUsize>,
    max_bytes: usize,
}

/// Receiving half, owned by the connection's task.
pub struct QueueRx {
    rx: mpsc::Receiver<Outbound>,
    bytes: Arc<AtomicUsize>,
}

/// A queue holding at most `max_len` messages and about `max_bytes` bytes.
/// One message larger than `max_bytes` is still accepted into an empty
/// queue, so big frames reach consumers that keep up.
pub fn queue(max_len: usize, max_bytes: usize) -> (QueueTx, QueueRx) {
    let (tx, rx) = mpsc::channel(max_len.max(1));
    let bytes = Arc::new(AtomicUsize::new(0));
    (QueueTx { tx, bytes: bytes.clone(), max_bytes }, QueueRx { rx, bytes })
}

impl QueueTx {
    /// Enqueues without waiting; false if full (or the receiver is gone).
    pub fn offer(&self, msg: &Outbound) -> bool {
        let n = msg.len();
        let before = self.bytes.fetch_add(n, Ordering::AcqRel);
        if before > 0 && before.saturating_add(n) > self.max_bytes {
            self.bytes.fetch_sub(n, Ordering::AcqRel);
            return false;
        }
        if self.tx.try_send(msg.clone()).is_err() {
            self.bytes.fetch_sub(n, Ordering::AcqRel);
            return false;
        }
        true
    }
}

impl QueueRx {
    /// Next message; `None` once every sender is gone and the queue is empty.
    pub async fn recv(&mut self) -> Option<Outbound> {
        let msg = self.rx.recv().await?;
        self.bytes.fetch_sub(msg.len(), Ordering::AcqRel);
        Some(msg)
    }

    /// Non-blocking [`recv`](Self::recv).
    pub fn try_recv(&mut self) -> Option<Outbound> {
        let msg = self.rx.try_recv().ok()?;
        self.bytes.fetch_sub(msg.len(), Ordering::AcqRel);
        Some(msg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_by_count() {
        let (tx, mut rx) = queue(2, 1 << 20);
        assert!(tx.offer(&"a".into()));
        assert!(tx.offer(&"b".into()));
        assert!(!tx.offer(&"c".into()));
        assert_eq!(rx.try_recv().unwrap().as_str(), "a");
        assert!(tx.offer(&"c".into()));
    }

    #[test]
    fn bounded_by_bytes() {
        let (tx, mut rx) = queue(100, 10);
        let big: Outbound = "x".repeat(25).into();
        assert!(tx.offer(&big), "an empty queue takes one oversized message");
        assert!(!tx.offer(&"y".into()));
        assert_eq!(rx.try_recv().unwrap().len(), 25);
        for _ in 0..10 {
            assert!(tx.offer(&"y".into()));
        }
        assert!(!tx.offer(&"y".into()));
        while rx.try_recv().is_some() {}
        assert!(tx.offer(&"y".into()));
    }

    #[test]
    fn receiver_gone() {
        let (tx, rx) = queue(4, 100);
        drop(rx);
        assert!(!tx.offer(&"a".into()));
    }
}
