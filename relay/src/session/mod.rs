//! One WebSocket connection, from the upgrade to the close handshake.
//!
//! A connection is a reader and a writer running side by side in one task.
//! The reader decodes frames, applies the per-connection limits, and hands
//! messages to other connections' queues (waiting for room: the sender is
//! the one slowed down). The writer drains this connection's own queue to
//! the socket and pings. Writers never wait for anything but their own
//! socket, so no two connections can wait for each other. Whatever ends the
//! connection closes its queue with a reason; the writer sends the last
//! frames for that reason (an error frame and a close frame with a code).

mod reader;
mod writer;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use bytes::Bytes;
use tokio::net::TcpStream;
use tokio::sync::OwnedSemaphorePermit;
use tokio::time::timeout;
use tracing::Instrument as _;

use crate::auth::Nonce;
use crate::bindings::Bindings;
use crate::budget::Budget;
use crate::cluster::Cluster;
use crate::limits::Limits;
use crate::protocol::ServerFrame;
use crate::queue::{Bounds, Closing, Queue};
use crate::rooms::{ConnId, Rooms};
use crate::server::Progress;
use crate::ws::handshake::OriginPolicy;
use crate::ws::outbound;

use reader::Reader;
use writer::Writer;

/// How long the last frames of a connection, and the client's close reply,
/// may take.
const CLOSE_GRACE: Duration = Duration::from_secs(1);

/// State shared by all connections.
pub(crate) struct Shared {
    pub rooms: Rooms,
    pub limits: Limits,
    pub budget: Arc<Budget>,
    pub origins: OriginPolicy,
    /// Set in cluster mode (`--cluster`).
    pub cluster: Option<Arc<Cluster>>,
    next_conn: AtomicU64,
}

impl Shared {
    pub fn new(limits: Limits, origins: OriginPolicy, cluster: Option<Arc<Cluster>>) -> Self {
        Shared {
            rooms: Rooms::new(
                limits.max_rooms,
                limits.max_peers_per_room,
                Bindings::new(limits.binding_ttl, limits.max_peers_per_room, limits.max_dormant_rooms),
            ),
            budget: Budget::new(limits.max_memory_bytes),
            origins,
            cluster,
            next_conn: AtomicU64::new(1),
            limits,
        }
    }
}

/// The room and peer id a connection joined as.
type JoinedAs = (String, Arc<str>);

/// Takes the connection out of its room (once), and tells the cluster. The
/// cluster is told even if the room had already dropped the connection (a
/// slow consumer): other relays ignore a leave that is not current.
async fn leave(shared: &Shared, joined: &OnceLock<JoinedAs>, conn: ConnId, why: &Closing, done: &mut bool) {
    let Some((room, peer)) = joined.get().filter(|_| !*done) else { return };
    *done = true;
    if shared.rooms.leave(room, peer, conn) {
        tracing::info!(room, peer = &**peer, reason = ?why, "peer left");
    }
    if let Some(cluster) = &shared.cluster {
        cluster.left(shared, room, peer, conn).await;
    }
}

/// Serves one upgraded connection. `pre_read` holds bytes the HTTP server
/// read past the upgrade request; `permit` is its connection-limit slot.
pub(crate) async fn run(tcp: TcpStream, pre_read: Bytes, permit: OwnedSemaphorePermit, shared: Arc<Shared>) {
    let conn = shared.next_conn.fetch_add(1, Ordering::Relaxed);
    let span = tracing::info_span!("conn", id = conn);
    async move {
        let _permit = permit;
        let limits = &shared.limits;
        let (rd, wr) = tcp.into_split();
        let queue = Arc::new(Queue::new(Bounds { len: limits.queue_len, bytes: limits.max_queue_bytes }));
        let activity = Progress::new();
        let nonce = Nonce::random();
        queue.push_now(&outbound::text(&ServerFrame::Challenge { nonce: &nonce.to_hex() }.to_json()));
        let mut reader = Reader::new(rd, pre_read, &shared, conn, queue.clone(), nonce, &activity);
        let mut writer = Writer::new(wr, &shared, queue.clone(), &activity);
        let joined = OnceLock::new();
        let mut left = false;
        tracing::debug!("connected");
        let why = {
            let reading = reader.run(&joined);
            let writing = writer.run();
            tokio::pin!(reading, writing);
            tokio::select! {
                why = &mut reading => {
                    queue.close(why.clone());
                    leave(&shared, &joined, conn, &why, &mut left).await;
                    // The writer finishes its frame, then sends the last ones.
                    let _ = timeout(limits.send_timeout + CLOSE_GRACE, writing).await;
                    why
                }
                why = &mut writing => why,
            }
        };
        leave(&shared, &joined, conn, &why, &mut left).await;
        tracing::debug!(reason = ?why, "connection ended");
        if !matches!(why, Closing::Gone(_)) {
            // Read until the client answers our close frame (or hangs up), so
            // the TCP close is orderly and our last frames are not lost to a reset.
            reader.drain(CLOSE_GRACE).await;
        }
    }
    .instrument(span)
    .await
}
