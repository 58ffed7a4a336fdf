//! A connection's outbound queue: encoded frames waiting for its writer.
//!
//! Relayed messages respect a soft bound (messages and bytes): a sender
//! whose message does not fit *waits* for the recipient's writer to make
//! room, so a burst slows its sender down instead of evicting fast readers.
//! Only a recipient that takes no message for `send_timeout` while a sender
//! waits is dropped as a slow consumer. Frames the relay itself must send
//! (presence, replies to this connection) are never waited for: they may
//! exceed the soft bound up to twice it, and a connection that lets even
//! that fill up is not reading at all.
//!
//! Closing the queue with a [`Closing`] reason is how the connection is told
//! to end: its writer sends the reason's final frames and stops.

use std::collections::VecDeque;
use std::sync::{Mutex, MutexGuard};

use bytes::Bytes;
use tokio::sync::Notify;
use tokio::time::{timeout_at, Instant};

use crate::protocol::ErrorCode;

/// Why a connection ends; decides its last frames.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Closing {
    /// The client sent a close frame: echo it.
    ClientClosed,
    /// The client is gone (reset, EOF, write error): nothing more to send.
    Gone(String),
    /// The relay ends the connection: an error frame with `code` and
    /// `message`, then a close frame with `close_code`.
    Error { code: ErrorCode, message: String, close_code: u16 },
    /// No traffic for the idle timeout: a close frame only.
    Idle,
}

/// Result of offering a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Push {
    Queued,
    /// Over the bound: the caller decides (wait, or drop the recipient).
    Full,
    /// The connection is ending.
    Closed,
}

/// What the writer gets next.
#[derive(Debug)]
pub enum Pop {
    Frames(Vec<Bytes>),
    Close(Closing),
}

/// Soft bounds of one queue.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub len: usize,
    pub bytes: usize,
}

struct State {
    frames: VecDeque<Bytes>,
    bytes: usize,
    closing: Option<Closing>,
}

pub struct Queue {
    state: Mutex<State>,
    bounds: Bounds,
    /// Signalled when the writer takes frames.
    space: Notify,
    /// Signalled when frames arrive or the queue closes.
    ready: Notify,
}

/// Frames and bytes a writer takes at once (written with one vectored write).
const BATCH_LEN: usize = 64;
const BATCH_BYTES: usize = 256 * 1024;

impl Queue {
    pub fn new(bounds: Bounds) -> Self {
        Queue {
            state: Mutex::new(State { frames: VecDeque::new(), bytes: 0, closing: None }),
            bounds: Bounds { len: bounds.len.max(1), bytes: bounds.bytes.max(1) },
            space: Notify::new(),
            ready: Notify::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queues `frame` if it fits under `factor` times the bounds (an empty
    /// queue always takes one frame, whatever its size).
    fn offer(&self, frame: &Bytes, factor: usize) -> Push {
        let mut s = self.lock();
        if s.closing.is_some() {
            return Push::Closed;
        }
        let fits = s.frames.len() < self.bounds.len * factor
            && s.bytes.saturating_add(frame.len()) <= self.bounds.bytes.saturating_mul(factor);
        if !s.frames.is_empty() && !fits {
            return Push::Full;
        }
        s.bytes += frame.len();
        s.frames.push_back(frame.clone());
        drop(s);
        self.ready.notify_one();
        Push::Queued
    }

    /// For frames the relay must send (presence, replies): never waits,
    /// `Full` only past twice the bounds.
    pub fn push_now(&self, frame: &Bytes) -> Push {
        self.offer(frame, 2)
    }

    /// For relayed messages: waits for room under the bounds until
    /// `deadline`, then gives up with `Full`.
    pub async fn push(&self, frame: &Bytes, deadline: Instant) -> Push {
        loop {
            let space = self.space.notified();
            match self.offer(frame, 1) {
                Push::Full => {}
                done => return done,
            }
            if timeout_at(deadline, space).await.is_err() {
                return self.offer(frame, 1);
            }
        }
    }

    /// Ends the connection for `why` (the first reason wins); pending
    /// frames are dropped.
    pub fn close(&self, why: Closing) {
        let mut s = self.lock();
        if s.closing.is_none() {
            s.closing = Some(why);
            s.frames.clear();
            s.bytes = 0;
        }
        drop(s);
        self.ready.notify_one();
        self.space.notify_waiters();
    }

    pub fn is_closed(&self) -> bool {
        self.lock().closing.is_some()
    }

    /// The next frames to write (up to a batch), or the closing reason.
    pub async fn pop(&self) -> Pop {
        loop {
            let ready = self.ready.notified();
            if let Some(pop) = self.try_pop() {
                return pop;
            }
            ready.await;
        }
    }

    /// [`pop`](Self::pop) without waiting.
    pub fn try_pop(&self) -> Option<Pop> {
        let mut s = self.lock();
        if let Some(why) = &s.closing {
            return Some(Pop::Close(why.clone()));
        }
        if s.frames.is_empty() {
            return None;
        }
        let mut batch = Vec::new();
        let mut bytes = 0;
        while let Some(f) = s.frames.front() {
            if !batch.is_empty() && (batch.len() >= BATCH_LEN || bytes + f.len() > BATCH_BYTES) {
                break;
            }
            bytes += f.len();
            batch.push(s.frames.pop_front().expect("front exists"));
        }
        s.bytes -= bytes;
        drop(s);
        self.space.notify_waiters();
        Some(Pop::Frames(batch))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Duration;

    fn frame(n: usize) -> Bytes {
        Bytes::from(vec![b'x'; n])
    }

    fn soon() -> Instant {
        Instant::now() + Duration::from_millis(30)
    }

    fn frames(pop: Pop) -> Vec<Bytes> {
        match pop {
            Pop::Frames(f) => f,
            Pop::Close(why) => panic!("closed: {why:?}"),
        }
    }

    #[tokio::test]
    async fn relayed_frames_wait_for_room_and_system_frames_do_not() {
        let q = Queue::new(Bounds { len: 2, bytes: 1 << 20 });
        assert_eq!(q.push(&frame(1), soon()).await, Push::Queued);
        assert_eq!(q.push(&frame(1), soon()).await, Push::Queued);
        assert_eq!(q.push(&frame(1), soon()).await, Push::Full, "nobody made room");
        assert_eq!(q.push_now(&frame(1)), Push::Queued, "presence goes over the soft bound");
        assert_eq!(q.push_now(&frame(1)), Push::Queued);
        assert_eq!(q.push_now(&frame(1)), Push::Full, "twice the bound");
        assert_eq!(frames(q.pop().await).len(), 4);
    }

    #[tokio::test]
    async fn a_waiting_sender_proceeds_as_soon_as_the_writer_takes_frames() {
        let q = Arc::new(Queue::new(Bounds { len: 1, bytes: 1 << 20 }));
        assert_eq!(q.push_now(&frame(1)), Push::Queued);
        let sender = {
            let q = q.clone();
            tokio::spawn(async move { q.push(&frame(2), Instant::now() + Duration::from_secs(5)).await })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!sender.is_finished());
        assert_eq!(frames(q.pop().await)[0].len(), 1);
        assert_eq!(sender.await.unwrap(), Push::Queued);
        assert_eq!(frames(q.pop().await)[0].len(), 2);
    }

    #[tokio::test]
    async fn byte_bound_and_oversized_frames() {
        let q = Queue::new(Bounds { len: 100, bytes: 10 });
        assert_eq!(q.push(&frame(25), soon()).await, Push::Queued, "an empty queue takes one big frame");
        assert_eq!(q.push(&frame(1), soon()).await, Push::Full);
        let _ = q.pop().await;
        for _ in 0..10 {
            assert_eq!(q.push(&frame(1), soon()).await, Push::Queued);
        }
        assert_eq!(q.push(&frame(1), soon()).await, Push::Full);
    }

    #[tokio::test]
    async fn batches_keep_order_and_closing_wins() {
        let q = Queue::new(Bounds { len: 1000, bytes: 1 << 30 });
        for i in 0..100u8 {
            assert_eq!(q.push_now(&Bytes::from(vec![i])), Push::Queued);
        }
        let first = frames(q.pop().await);
        assert_eq!(first.len(), BATCH_LEN);
        let second = frames(q.pop().await);
        let order: Vec<u8> = first.iter().chain(&second).map(|f| f[0]).collect();
        assert_eq!(order, (0..100).collect::<Vec<_>>());
        q.push_now(&frame(1));
        q.close(Closing::Idle);
        q.close(Closing::ClientClosed);
        assert!(matches!(q.pop().await, Pop::Close(Closing::Idle)));
        assert_eq!(q.push_now(&frame(1)), Push::Closed);
        assert_eq!(q.push(&frame(1), soon()).await, Push::Closed);
    }
}
