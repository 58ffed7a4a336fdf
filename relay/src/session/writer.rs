//! The writing side of a connection: its queue to the socket, pings, and
//! the last frames when it ends.

use std::io::IoSlice;
use std::sync::Arc;

use bytes::Bytes;
use tokio::io::AsyncWriteExt as _;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::time::{interval_at, timeout, Instant, MissedTickBehavior};

use super::{Shared, CLOSE_GRACE};
use crate::queue::{Closing, Pop, Queue};
use crate::server::Progress;
use crate::ws::outbound::{self, close_code};

pub(super) struct Writer<'s> {
    wr: OwnedWriteHalf,
    shared: &'s Shared,
    queue: Arc<Queue>,
    activity: &'s Progress,
}

/// The frames that end a connection for `why`.
fn last_frames(why: &Closing) -> Vec<Bytes> {
    match why {
        Closing::ClientClosed => vec![outbound::close(close_code::NORMAL, "")],
        Closing::Gone(_) => Vec::new(),
        Closing::Idle => vec![outbound::close(close_code::GOING_AWAY, "idle")],
        Closing::Error { code, message, close_code } => vec![
            outbound::text(&crate::protocol::ServerFrame::Error { code: *code, message }.to_json()),
            outbound::close(*close_code, code.as_str()),
        ],
    }
}

impl<'s> Writer<'s> {
    pub fn new(wr: OwnedWriteHalf, shared: &'s Shared, queue: Arc<Queue>, activity: &'s Progress) -> Self {
        Writer { wr, shared, queue, activity }
    }

    /// Writes until the connection ends, and says why.
    pub async fn run(&mut self) -> Closing {
        let limits = &self.shared.limits;
        let every = limits.ping_interval;
        let mut ping = interval_at(Instant::now() + every, every);
        ping.set_missed_tick_behavior(MissedTickBehavior::Delay);
        let queue = self.queue.clone();
        loop {
            let step = tokio::select! {
                pop = queue.pop() => match pop {
                    Pop::Frames(frames) => self.write(&frames).await,
                    Pop::Close(why) => {
                        let last = last_frames(&why);
                        let _ = timeout(CLOSE_GRACE, self.write(&last)).await;
                        return why;
                    }
                },
                _ = ping.tick() => {
                    if self.activity.idle() > limits.idle_timeout {
                        queue.close(Closing::Idle);
                        Ok(())
                    } else {
                        self.write(&[outbound::ping()]).await
                    }
                }
            };
            if let Err(why) = step {
                queue.close(why.clone());
                return why;
            }
        }
    }

    /// Writes whole frames with vectored writes. A write that makes no
    /// progress for `send_timeout` ends the connection: its reader is gone
    /// or too slow, and a half-written frame cannot be followed by anything.
    async fn write(&mut self, frames: &[Bytes]) -> Result<(), Closing> {
        let stall = self.shared.limits.send_timeout;
        let mut slices: Vec<IoSlice<'_>> = frames.iter().map(|f| IoSlice::new(f)).collect();
        let mut bufs = &mut slices[..];
        while !bufs.is_empty() {
            match timeout(stall, self.wr.write_vectored(bufs)).await {
                Err(_) => {
                    return Err(Closing::Gone(format!("write stalled for {}s (slow consumer)", stall.as_secs_f64())))
                }
                Ok(Err(e)) => return Err(Closing::Gone(e.to_string())),
                Ok(Ok(0)) => return Err(Closing::Gone("the socket takes no more bytes".into())),
                Ok(Ok(n)) => IoSlice::advance_slices(&mut bufs, n),
            }
        }
        Ok(())
    }
}
