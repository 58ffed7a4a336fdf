//! The reading side of a connection: frames in, limits applied, messages
//! handed to the recipients' queues.

use std::io::ErrorKind;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use tokio::net::tcp::OwnedReadHalf;
use tokio::time::{timeout_at, Instant};
use tungstenite::protocol::frame::coding::{Data, OpCode};

use super::{JoinedAs, Shared};
use crate::auth::Nonce;
use crate::budget::Charge;
use crate::cluster::RoomEvent;
use crate::limits::TokenBucket;
use crate::protocol::{is_valid_name, parse_client_frame, ClientFrame, ErrorCode, Rejection, ServerFrame};
use crate::queue::{Closing, Push, Queue};
use crate::rooms::{ConnId, SendError, Target};
use crate::server::Progress;
use crate::ws::inbound::{Event, Inbound, WsError};
use crate::ws::outbound::{self, close_code, FrameBuf};

/// Bytes read from the socket at a time.
const READ_CHUNK: usize = 16 * 1024;

mod join;

/// Warnings a connection may cause in the log before the rest go to debug.
const WARNINGS_PER_CONNECTION: u32 = 5;

/// What a relayed frame leaves around its payload (type, sender, JSON).
const FRAME_OVERHEAD: usize = 96;

pub(super) struct Reader<'s> {
    rd: OwnedReadHalf,
    inbound: Inbound,
    /// The memory-budget charge for the unfinished message in `inbound`.
    partial: Charge,
    /// When the message under way must be complete.
    deadline: Option<Instant>,
    shared: &'s Arc<Shared>,
    conn: ConnId,
    queue: Arc<Queue>,
    nonce: Nonce,
    bucket: TokenBucket,
    limited_streak: u64,
    warnings: u32,
    activity: &'s Progress,
    joined: Option<JoinedAs>,
}

fn closing(code: ErrorCode, message: impl Into<String>, close_code: u16) -> Closing {
    let rej = Rejection::new(code, message);
    Closing::Error { code, message: rej.message, close_code }
}

fn ws_closing(err: WsError, max: usize) -> Closing {
    match err {
        WsError::Protocol(what) => closing(ErrorCode::ProtocolError, what, close_code::PROTOCOL_ERROR),
        WsError::InvalidUtf8 => {
            closing(ErrorCode::ProtocolError, "text message is not valid UTF-8", close_code::INVALID_DATA)
        }
        WsError::TooLarge(n) => closing(
            ErrorCode::FrameTooLarge,
            format!("message of {n} bytes exceeds {max} bytes; closing"),
            close_code::TOO_BIG,
        ),
    }
}

fn server_busy() -> Closing {
    closing(
        ErrorCode::ServerBusy,
        "the relay is out of memory for messages; try again later",
        close_code::TRY_AGAIN_LATER,
    )
}

impl<'s> Reader<'s> {
    pub fn new(
        rd: OwnedReadHalf,
        pre_read: Bytes,
        shared: &'s Arc<Shared>,
        conn: ConnId,
        queue: Arc<Queue>,
        nonce: Nonce,
        activity: &'s Progress,
    ) -> Self {
        let limits = &shared.limits;
        let mut inbound = Inbound::new(limits.max_frame_bytes);
        inbound.read_buf().extend_from_slice(&pre_read);
        Reader {
            rd,
            inbound,
            partial: shared.budget.empty(),
            deadline: None,
            shared,
            conn,
            queue,
            nonce,
            bucket: TokenBucket::new(limits.rate_per_sec, limits.burst, std::time::Instant::now()),
            limited_streak: 0,
            warnings: 0,
            activity,
            joined: None,
        }
    }

    /// Reads until the connection must end, and says why.
    pub async fn run(&mut self, joined: &OnceLock<JoinedAs>) -> Closing {
        loop {
            if let Err(why) = self.handle_events(joined).await {
                return why;
            }
            if let Err(why) = self.charge_partial().await {
                return why;
            }
            if let Err(why) = self.fill().await {
                return why;
            }
        }
    }

    /// The deadline of the message under way, if one is.
    fn message_deadline(&mut self) -> Option<Instant> {
        if !self.inbound.mid_message() {
            self.deadline = None;
        } else if self.deadline.is_none() {
            self.deadline = Some(Instant::now() + self.shared.limits.message_timeout);
        }
        self.deadline
    }

    /// Charges the unfinished message's bytes to the budget, waiting (and
    /// so not reading) until there is room or the message's time is up.
    async fn charge_partial(&mut self) -> Result<(), Closing> {
        let want = self.inbound.partial_len();
        let held = self.partial.bytes();
        if want <= held {
            return Ok(());
        }
        let deadline = self.message_deadline().unwrap_or_else(Instant::now);
        if self.partial.grow(want - held, deadline).await {
            Ok(())
        } else {
            Err(server_busy())
        }
    }

    /// Reads more bytes; no buffer is held while the socket is idle.
    async fn fill(&mut self) -> Result<(), Closing> {
        let deadline = self.message_deadline();
        if self.inbound.read_buf().is_empty() {
            *self.inbound.read_buf() = BytesMut::new();
        }
        loop {
            let readable = match deadline {
                Some(d) => timeout_at(d, self.rd.readable()).await.map_err(|_| {
                    let secs = self.shared.limits.message_timeout.as_secs_f64();
                    closing(
                        ErrorCode::MessageTimeout,
                        format!("message not complete within {secs}s"),
                        close_code::POLICY,
                    )
                })?,
                None => self.rd.readable().await,
            };
            readable.map_err(|e| Closing::Gone(e.to_string()))?;
            let buf = self.inbound.read_buf();
            buf.reserve(READ_CHUNK);
            match self.rd.try_read_buf(buf) {
                Ok(0) => return Err(Closing::Gone("connection closed".into())),
                Ok(_) => {
                    self.activity.touch();
                    return Ok(());
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => continue,
                Err(e) => return Err(Closing::Gone(e.to_string())),
            }
        }
    }

    async fn handle_events(&mut self, joined: &OnceLock<JoinedAs>) -> Result<(), Closing> {
        loop {
            let event = match self.inbound.next_event() {
                Ok(Some(event)) => event,
                Ok(None) => return Ok(()),
                Err(e) => return Err(ws_closing(e, self.shared.limits.max_frame_bytes)),
            };
            match event {
                Event::Text(text) => {
                    self.on_text(&text, joined).await?;
                    // The message (and its charge) are released together.
                    drop(text);
                    self.partial.clear();
                }
                Event::Binary(_) => {
                    self.partial.clear();
                    let rej =
                        Rejection::new(ErrorCode::BadFrame, "binary frames are not accepted; send JSON text frames");
                    self.admitted(rej)?;
                }
                // Answered within the message rate; past it, silently not.
                Event::Ping(payload) if self.admit() => self.send_own(outbound::pong(&payload))?,
                Event::Ping(_) | Event::Pong => {}
                Event::Close(_) => return Err(Closing::ClientClosed),
            }
        }
    }

    /// Sends `rej`, or `rate-limited` if the connection is over its rate.
    fn admitted(&mut self, rej: Rejection) -> Result<(), Closing> {
        if !self.admit() {
            return self.reject(self.rate_limited());
        }
        self.reject(rej)
    }

    fn admit(&mut self) -> bool {
        if self.bucket.try_take(std::time::Instant::now()) {
            self.limited_streak = 0;
            true
        } else {
            self.limited_streak += 1;
            false
        }
    }

    fn rate_limited(&self) -> Rejection {
        let limits = &self.shared.limits;
        Rejection::new(
            ErrorCode::RateLimited,
            format!("over {} messages/s (burst {}); frame dropped", limits.rate_per_sec, limits.burst),
        )
    }

    /// Queues a frame for this connection itself. If it does not even read
    /// its own replies, it is the slow consumer.
    fn send_own(&self, frame: Bytes) -> Result<(), Closing> {
        match self.queue.push_now(&frame) {
            Push::Full => Err(closing(
                ErrorCode::SlowConsumer,
                "too many undelivered replies; reconnect",
                close_code::SLOW_CONSUMER,
            )),
            Push::Queued | Push::Closed => Ok(()),
        }
    }

    /// Answers a bad input with an error frame; the connection stays open.
    /// The log line is bounded and escaped, and a connection gets only a few.
    fn reject(&mut self, rej: Rejection) -> Result<(), Closing> {
        let (room, peer) = self.joined.as_ref().map_or(("", ""), |(r, p)| (r.as_str(), &**p));
        let first_of_streak = rej.code != ErrorCode::RateLimited || self.limited_streak == 1;
        if first_of_streak && self.warnings < WARNINGS_PER_CONNECTION {
            self.warnings += 1;
            tracing::warn!(room, peer, code = %rej.code, message = ?rej.message, "rejected frame");
        } else {
            tracing::debug!(room, peer, code = %rej.code, "rejected frame");
        }
        self.send_own(outbound::text(&rej.to_frame()))
    }

    async fn on_text(&mut self, text: &str, joined: &OnceLock<JoinedAs>) -> Result<(), Closing> {
        if !self.admit() {
            return self.reject(self.rate_limited());
        }
        let frame = match parse_client_frame(text) {
            Ok(frame) => frame,
            Err(rej) => return self.reject(rej),
        };
        match (frame, &self.joined) {
            (ClientFrame::Ping, _) => self.send_own(outbound::text(&ServerFrame::Pong.to_json())),
            (ClientFrame::Join { room, peer, pubkey, signature }, None) => {
                self.join(&room, &peer, &pubkey, &signature, joined).await
            }
            (ClientFrame::Join { .. }, Some((room, peer))) => {
                let rej = Rejection::new(ErrorCode::AlreadyJoined, format!("already joined room `{room}` as `{peer}`"));
                self.reject(rej)
            }
            (_, None) => self.reject(Rejection::new(ErrorCode::NotJoined, "send `join` first")),
            (frame, Some(_)) => self.relay(frame).await,
        }
    }

    /// Forwards a `broadcast`, `send` or `signal` to its recipients' queues,
    /// and to the other relays if members elsewhere should get it.
    async fn relay(&mut self, frame: ClientFrame<'_>) -> Result<(), Closing> {
        let (room, peer) = self.joined.clone().expect("relay is only called once joined");
        let (target, payload_len) = match &frame {
            ClientFrame::Broadcast { data } => (Target::Others, data.len()),
            ClientFrame::Send { to, data } => (Target::Peer(to), data.len()),
            ClientFrame::Signal { to, signal } => (Target::Peer(to), signal.get().len()),
            ClientFrame::Join { .. } | ClientFrame::Ping => unreachable!("answered by on_text"),
        };
        let delivery = match self.shared.rooms.recipients(&room, &peer, self.conn, target) {
            Ok(d) => d,
            Err(SendError::UnknownPeer) => {
                let to = if let Target::Peer(to) = target { to } else { "" };
                // Echo the id only if it is a valid (short, printable) name.
                let who = if is_valid_name(to) { to } else { "<invalid id>" };
                return self
                    .reject(Rejection::new(ErrorCode::UnknownPeer, format!("no peer `{who}` in room `{room}`")));
            }
            // Replaced or dropped meanwhile: this connection is closing.
            Err(SendError::NotMember) => return Ok(()),
        };
        if delivery.local.is_empty() && !delivery.remote {
            return Ok(());
        }
        let send_timeout = self.shared.limits.send_timeout;
        let size = payload_len + peer.len() + FRAME_OVERHEAD;
        let charge = self.shared.budget.charge(size, Instant::now() + send_timeout).await.ok_or_else(server_busy)?;
        let mut buf = FrameBuf::with_capacity(size);
        match &frame {
            ClientFrame::Signal { signal, .. } => ServerFrame::Signal { from: &peer, signal }.write_json(buf.body()),
            ClientFrame::Broadcast { data } | ClientFrame::Send { data, .. } => {
                ServerFrame::Message { from: &peer, data }.write_json(buf.body())
            }
            ClientFrame::Join { .. } | ClientFrame::Ping => unreachable!("answered by on_text"),
        }
        let out = buf.finish(OpCode::Data(Data::Text), Some(charge));
        for r in delivery.local {
            if r.queue.push(&out, Instant::now() + send_timeout).await == Push::Full {
                self.shared.rooms.drop_slow(&room, &r.peer, r.conn);
            }
        }
        if let (true, Some(cluster)) = (delivery.remote, &self.shared.cluster) {
            let to = match target {
                Target::Peer(to) => Some(to.to_owned()),
                Target::Others => None,
            };
            let json = out.slice(out.len() - outbound::payload_of(&out).len()..);
            cluster.publish(&room, &RoomEvent::Frame { from: peer.to_string(), to, json }).await;
        }
        Ok(())
    }

    /// After the last frames went out: reads and discards until the client
    /// hangs up, at most `grace`.
    pub async fn drain(&mut self, grace: Duration) {
        let deadline = Instant::now() + grace;
        let mut scratch = BytesMut::with_capacity(READ_CHUNK);
        loop {
            if timeout_at(deadline, self.rd.readable()).await.map_or(true, |r| r.is_err()) {
                return;
            }
            scratch.clear();
            match self.rd.try_read_buf(&mut scratch) {
                Ok(0) => return,
                Ok(_) => {}
                Err(e) if e.kind() == ErrorKind::WouldBlock => {}
                Err(_) => return,
            }
        }
    }
}
