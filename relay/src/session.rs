//! One WebSocket connection: reads client frames, applies the per-connection
//! limits, talks to [`Rooms`], and writes the connection's outbound queue.
//!
//! Each connection is a single task running one `select!` loop, so the
//! socket has exactly one owner and nothing else ever blocks on it. Other
//! connections reach it only through its bounded queue and its kick channel.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::response::Response;
use tokio::sync::{oneshot, OwnedSemaphorePermit, Semaphore};
use tokio::time::{timeout, Instant, MissedTickBehavior};
use tracing::Instrument as _;

use crate::auth::{verify_join, Nonce};
use crate::bindings::Bindings;
use crate::limits::{Limits, TokenBucket};
use crate::protocol::{
    is_valid_name, parse_client_frame, validate_join, ClientFrame, ErrorCode, Rejection, ServerFrame,
};
use crate::queue::{queue, QueueRx};
use crate::rooms::{ConnId, JoinError, Kick, Member, Outbound, Rooms, SendError};

/// How long we try to deliver a final error + close frame before hanging up.
const CLOSE_GRACE: Duration = Duration::from_secs(1);

/// WebSocket close codes sent with our final close frame.
mod close_code {
    pub const GOING_AWAY: u16 = 1001;
    pub const TOO_BIG: u16 = 1009;
    pub const TRY_AGAIN_LATER: u16 = 1013;
    pub const REPLACED: u16 = 4001;
    pub const SLOW_CONSUMER: u16 = 4002;
}

/// State shared by all connections.
pub(crate) struct Shared {
    pub rooms: Rooms,
    pub limits: Limits,
    conns: Arc<Semaphore>,
    next_conn: AtomicU64,
}

impl Shared {
    pub fn new(limits: Limits) -> Self {
        Shared {
            rooms: Rooms::new(
                limits.max_rooms,
                limits.max_peers_per_room,
                Bindings::new(limits.binding_ttl, limits.max_peers_per_room, limits.max_dormant_rooms),
            ),
            conns: Arc::new(Semaphore::new(limits.max_connections)),
            next_conn: AtomicU64::new(1),
            limits,
        }
    }
}

/// `GET /ws`: upgrades and hands the socket to [`run`].
///
/// The codec's size limits are set here, so a message over the limit is
/// refused from its frame header and never buffered.
pub(crate) async fn ws_handler(State(shared): State<Arc<Shared>>, ws: WebSocketUpgrade) -> Response {
    // Taken before upgrading so the count covers connections mid-handshake;
    // a refused client still gets a readable `server-full` frame.
    let permit = shared.conns.clone().try_acquire_owned().ok();
    let max = shared.limits.max_frame_bytes;
    let conn = shared.next_conn.fetch_add(1, Ordering::Relaxed);
    ws.max_message_size(max)
        .max_frame_size(max)
        .on_failed_upgrade(|e| tracing::warn!(error = %e, "websocket upgrade failed"))
        .on_upgrade(move |socket| run(socket, shared, conn, permit).instrument(tracing::info_span!("conn", id = conn)))
}

/// Why a connection's loop ended.
#[derive(Debug)]
enum End {
    /// The client sent a close frame.
    ClientClosed,
    /// The stream ended or failed (TCP drop, reset, protocol error).
    ClientGone(String),
    /// A message exceeded `max_frame_bytes`.
    TooLarge(String),
    /// Removed from its room by another connection.
    Kicked(Kick),
    /// Removed from its room without a reason (its queue's senders are gone).
    Removed,
    /// No traffic for `idle_timeout`.
    Idle,
    /// A write failed or stalled.
    WriteFailed(String),
}

struct Joined {
    room: String,
    peer: String,
    rx: QueueRx,
    kick: oneshot::Receiver<Kick>,
}

struct Session {
    socket: WebSocket,
    shared: Arc<Shared>,
    conn: ConnId,
    bucket: TokenBucket,
    /// Consecutive rate-limited frames, to log one line per episode.
    limited_streak: u64,
    joined: Option<Joined>,
    last_seen: Instant,
    /// This connection's challenge; a `join` must sign it.
    nonce: Nonce,
}

async fn run(mut socket: WebSocket, shared: Arc<Shared>, conn: ConnId, permit: Option<OwnedSemaphorePermit>) {
    let Some(_permit) = permit else {
        tracing::warn!("connection limit reached; refusing");
        let rej = Rejection::new(ErrorCode::ServerFull, "too many connections; try again later");
        close_with(&mut socket, Some(&rej), close_code::TRY_AGAIN_LATER, true).await;
        return;
    };
    tracing::debug!("connected");
    let limits = &shared.limits;
    let bucket = TokenBucket::new(limits.rate_per_sec, limits.burst, std::time::Instant::now());
    let mut s = Session {
        socket,
        shared: shared.clone(),
        conn,
        bucket,
        limited_streak: 0,
        joined: None,
        last_seen: Instant::now(),
        nonce: Nonce::random(),
    };
    let end = match s.write_frame(ServerFrame::Challenge { nonce: &s.nonce.to_hex() }).await {
        Ok(()) => s.run_loop().await,
        Err(end) => end,
    };
    let Session { mut socket, joined, .. } = s;
    // A no-op if we were replaced or evicted: the room checks the connection id.
    if let Some(j) = &joined {
        if shared.rooms.leave(&j.room, &j.peer, conn) {
            tracing::info!(room = %j.room, peer = %j.peer, reason = ?end, "peer left");
        }
    }
    tracing::debug!(reason = ?end, "connection ended");
    match end {
        End::ClientClosed => {
            // Let the codec flush its automatic close reply.
            let _ = timeout(CLOSE_GRACE, socket.recv()).await;
        }
        End::ClientGone(detail) | End::WriteFailed(detail) => {
            tracing::debug!(%detail, "connection dropped");
        }
        End::TooLarge(detail) => {
            tracing::warn!(%detail, "frame too large; closing");
            let rej = Rejection::new(
                ErrorCode::FrameTooLarge,
                format!("message exceeds {} bytes; closing", shared.limits.max_frame_bytes),
            );
            // The codec cannot read past an oversized frame, so don't wait for a reply.
            close_with(&mut socket, Some(&rej), close_code::TOO_BIG, false).await;
        }
        End::Kicked(Kick::Replaced) => {
            let rej = Rejection::new(ErrorCode::Replaced, "another connection joined with this peer id");
            close_with(&mut socket, Some(&rej), close_code::REPLACED, true).await;
        }
        End::Kicked(Kick::SlowConsumer) | End::Removed => {
            let rej = Rejection::new(ErrorCode::SlowConsumer, "too many undelivered messages; reconnect");
            close_with(&mut socket, Some(&rej), close_code::SLOW_CONSUMER, true).await;
        }
        End::Idle => close_with(&mut socket, None, close_code::GOING_AWAY, true).await,
    }
}

/// Best effort: sends an error frame and a close frame, then waits (bounded)
/// for the client's close reply so the TCP close is orderly and our last
/// frames are not lost to a reset.
async fn close_with(socket: &mut WebSocket, err: Option<&Rejection>, code: u16, drain: bool) {
    let reason: Utf8Bytes = err.map_or("", |e| e.code.as_str()).into();
    let goodbye = async {
        if let Some(e) = err {
            socket.send(Message::Text(e.to_frame().into())).await?;
        }
        socket.send(Message::Close(Some(CloseFrame { code, reason }))).await?;
        if drain {
            while let Some(Ok(msg)) = socket.recv().await {
                if matches!(msg, Message::Close(_)) {
                    break;
                }
            }
        } else {
            // Unread bytes at close would make the kernel send a reset;
            // give the client a moment to read our frames and hang up first.
            tokio::time::sleep(CLOSE_GRACE).await;
        }
        Ok::<(), axum::Error>(())
    };
    let _ = timeout(CLOSE_GRACE, goodbye).await;
}

/// True if the codec refused a message for exceeding the size limit.
fn is_too_large(err: &axum::Error) -> bool {
    std::error::Error::source(err)
        .and_then(|e| e.downcast_ref::<tungstenite::Error>())
        .is_some_and(|e| matches!(e, tungstenite::Error::Capacity(_)))
}

async fn wait_kick(kick: Option<&mut oneshot::Receiver<Kick>>) -> Option<Kick> {
    match kick {
        Some(k) => k.await.ok(),
        None => std::future::pending().await,
    }
}

enum Event {
    Kick(Option<Kick>),
    Out(Option<Outbound>),
    In(Option<Result<Message, axum::Error>>),
    Tick,
}

impl Session {
    async fn run_loop(&mut self) -> End {
        let every = self.shared.limits.ping_interval;
        let mut ping = tokio::time::interval_at(Instant::now() + every, every);
        ping.set_missed_tick_behavior(MissedTickBehavior::Delay);
        loop {
            // Unbiased: neither reading nor writing can starve the other.
            let event = {
                let (rx, kick) = match &mut self.joined {
                    Some(j) => (Some(&mut j.rx), Some(&mut j.kick)),
                    None => (None, None),
                };
                tokio::select! {
                    k = wait_kick(kick) => Event::Kick(k),
                    out = async {
                        match rx {
                            Some(rx) => rx.recv().await,
                            None => std::future::pending().await,
                        }
                    } => Event::Out(out),
                    inc = self.socket.recv() => Event::In(inc),
                    _ = ping.tick() => Event::Tick,
                }
            };
            let step = match event {
                Event::Kick(Some(k)) => Err(End::Kicked(k)),
                Event::Kick(None) => Err(End::Removed),
                // Our queue closes when the room drops our entry; the kick
                // reason was sent just before, so pick it up rather than
                // racing the two branches.
                Event::Out(None) => Err(self.removal_reason()),
                Event::Out(Some(msg)) => self.write(Message::Text(msg)).await,
                Event::In(None) => Err(End::ClientGone("stream ended".into())),
                Event::In(Some(Err(e))) if is_too_large(&e) => Err(End::TooLarge(e.to_string())),
                Event::In(Some(Err(e))) => Err(End::ClientGone(e.to_string())),
                Event::In(Some(Ok(msg))) => {
                    self.last_seen = Instant::now();
                    self.on_message(msg).await
                }
                Event::Tick => {
                    if self.last_seen.elapsed() > self.shared.limits.idle_timeout {
                        Err(End::Idle)
                    } else {
                        self.write(Message::Ping(Default::default())).await
                    }
                }
            };
            if let Err(end) = step {
                return end;
            }
        }
    }

    fn removal_reason(&mut self) -> End {
        self.joined.as_mut().and_then(|j| j.kick.try_recv().ok()).map_or(End::Removed, End::Kicked)
    }

    /// Writes one message, giving up if it stalls past the idle timeout or if
    /// we get kicked meanwhile (a kicked slow consumer must not hold us).
    async fn write(&mut self, msg: Message) -> Result<(), End> {
        let kick = self.joined.as_mut().map(|j| &mut j.kick);
        let stall = self.shared.limits.idle_timeout;
        tokio::select! {
            res = timeout(stall, self.socket.send(msg)) => match res {
                Ok(Ok(())) => Ok(()),
                Ok(Err(e)) => Err(End::WriteFailed(e.to_string())),
                Err(_) => Err(End::WriteFailed("write stalled".into())),
            },
            k = wait_kick(kick) => Err(k.map_or(End::Removed, End::Kicked)),
        }
    }

    async fn write_frame(&mut self, frame: ServerFrame<'_>) -> Result<(), End> {
        self.write(Message::Text(frame.to_json().into())).await
    }

    /// Answers a bad input with an error frame; the connection stays open.
    async fn reject(&mut self, rej: Rejection) -> Result<(), End> {
        let (room, peer) = self.joined.as_ref().map_or(("", ""), |j| (j.room.as_str(), j.peer.as_str()));
        if rej.code == ErrorCode::RateLimited {
            if self.limited_streak == 1 {
                tracing::warn!(room, peer, "rate limited; dropping frames");
            } else {
                tracing::debug!(room, peer, streak = self.limited_streak, "rate limited");
            }
        } else {
            tracing::warn!(room, peer, code = %rej.code, message = %rej.message, "rejected frame");
        }
        self.write(Message::Text(rej.to_frame().into())).await
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

    async fn on_message(&mut self, msg: Message) -> Result<(), End> {
        match msg {
            Message::Text(text) => {
                if !self.admit() {
                    return self.reject(rate_limited(&self.shared.limits)).await;
                }
                // The codec enforces this already; kept so the limit holds
                // even if codec settings change.
                if text.len() > self.shared.limits.max_frame_bytes {
                    return Err(End::TooLarge(format!("{} bytes", text.len())));
                }
                let parsed = parse_client_frame(&text);
                drop(text);
                match parsed {
                    Ok(frame) => self.on_frame(frame).await,
                    Err(rej) => self.reject(rej).await,
                }
            }
            Message::Binary(_) => {
                if !self.admit() {
                    return self.reject(rate_limited(&self.shared.limits)).await;
                }
                self.reject(Rejection::new(
                    ErrorCode::BadFrame,
                    "binary frames are not accepted; send JSON text frames",
                ))
                .await
            }
            // Liveness only; the codec answers pings itself.
            Message::Ping(_) | Message::Pong(_) => Ok(()),
            Message::Close(_) => Err(End::ClientClosed),
        }
    }

    async fn on_frame(&mut self, frame: ClientFrame) -> Result<(), End> {
        let (room, peer) = match (&frame, &self.joined) {
            (ClientFrame::Ping {}, _) => return self.write_frame(ServerFrame::Pong).await,
            (ClientFrame::Join { room, peer, pubkey, signature }, None) => {
                return self.join(room, peer, pubkey, signature).await
            }
            (ClientFrame::Join { .. }, Some(j)) => {
                let rej = Rejection::new(
                    ErrorCode::AlreadyJoined,
                    format!("already joined room `{}` as `{}`", j.room, j.peer),
                );
                return self.reject(rej).await;
            }
            (_, None) => {
                let rej = Rejection::new(ErrorCode::NotJoined, "send `join` first");
                return self.reject(rej).await;
            }
            (_, Some(j)) => (j.room.clone(), j.peer.clone()),
        };
        let rooms = &self.shared.rooms;
        let result = match &frame {
            ClientFrame::Broadcast { data } => {
                let msg: Outbound = ServerFrame::Message { from: &peer, data }.to_json().into();
                // False only if we were replaced/evicted meanwhile; the kick
                // is already on its way and ends this connection.
                rooms.broadcast(&room, &peer, self.conn, &msg);
                Ok(())
            }
            ClientFrame::Send { to, data } => {
                let msg: Outbound = ServerFrame::Message { from: &peer, data }.to_json().into();
                rooms.send_to(&room, &peer, self.conn, to, &msg)
            }
            ClientFrame::Signal { to, signal } => {
                let msg: Outbound = ServerFrame::Signal { from: &peer, signal }.to_json().into();
                rooms.send_to(&room, &peer, self.conn, to, &msg)
            }
            // Answered above.
            ClientFrame::Join { .. } | ClientFrame::Ping {} => Ok(()),
        };
        match (result, &frame) {
            (Err(SendError::UnknownPeer), ClientFrame::Send { to, .. } | ClientFrame::Signal { to, .. }) => {
                // Echo the id only if it is a valid (short, printable) name.
                let who = if is_valid_name(to) { to.as_str() } else { "<invalid id>" };
                let rej = Rejection::new(ErrorCode::UnknownPeer, format!("no peer `{who}` in room `{room}`"));
                self.reject(rej).await
            }
            _ => Ok(()),
        }
    }

    async fn join(&mut self, room: &str, peer: &str, pubkey: &str, signature: &str) -> Result<(), End> {
        let key = match validate_join(room, peer).and_then(|()| verify_join(&self.nonce, room, peer, pubkey, signature))
        {
            Ok(key) => key,
            Err(rej) => return self.reject(rej).await,
        };
        let limits = &self.shared.limits;
        let (tx, rx) = queue(limits.queue_len, limits.max_queue_bytes);
        let (kick_tx, kick_rx) = oneshot::channel();
        let member = Member::new(self.conn, key, tx, kick_tx);
        match self.shared.rooms.join(room, peer, member) {
            Ok(peers) => {
                tracing::info!(room, peer, others = peers.len(), "peer joined");
                // Written directly (not queued) and before the loop next polls
                // the queue, so `joined` always precedes any relayed frame.
                let frame = ServerFrame::Joined { room, peer, peers: &peers }.to_json();
                self.joined = Some(Joined { room: room.to_owned(), peer: peer.to_owned(), rx, kick: kick_rx });
                self.write(Message::Text(frame.into())).await
            }
            Err(JoinError::RoomFull) => {
                let rej = Rejection::new(
                    ErrorCode::RoomFull,
                    format!("room `{room}` has {} peers", limits.max_peers_per_room),
                );
                self.reject(rej).await
            }
            Err(JoinError::KeyMismatch) => {
                tracing::warn!(room, peer, "join refused: peer id bound to another key");
                let rej =
                    Rejection::new(ErrorCode::PeerKeyMismatch, format!("peer id `{peer}` is bound to another key"));
                self.reject(rej).await
            }
            Err(JoinError::TooManyRooms) => {
                let rej =
                    Rejection::new(ErrorCode::ServerFull, format!("{} rooms are open; no new rooms", limits.max_rooms));
                self.reject(rej).await
            }
        }
    }
}

fn rate_limited(limits: &Limits) -> Rejection {
    Rejection::new(
        ErrorCode::RateLimited,
        format!("over {} messages/s (burst {}); frame dropped", limits.rate_per_sec, limits.burst),
    )
}
