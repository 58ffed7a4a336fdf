//! Rooms across relay processes (`--cluster nats://HOST:PORT`).
//!
//! Each relay follows, on NATS, the rooms it has local members in: one
//! subject per room carries joins, leaves and relayed frames, in order, from
//! each relay. A relay that starts following a room asks the others for
//! their rosters. Peer-id bindings live in a JetStream key-value bucket, so
//! an id is bound to one key across the cluster (`create` is atomic). Relays
//! send heartbeats; one that stops is declared gone and its members leave
//! every room (their tabs reconnect elsewhere and join again).

mod events;
mod follow;
mod liveness;

use std::collections::HashMap;
use std::io;
use std::sync::{Arc, OnceLock, Weak};
use std::time::Duration;

use async_nats::jetstream::kv;
use async_nats::Client;
use bytes::Bytes;
use tokio::sync::Mutex;
use tokio::task::JoinHandle;

pub use events::RoomEvent;

use crate::auth::PeerKey;
use crate::limits::Limits;
use crate::session::Shared;

/// The bindings bucket.
const BUCKET: &str = "wsts-relay-bindings";

/// Room for the frame's JSON wrapper and NATS headers under `max_payload`.
pub const FRAME_OVERHEAD: usize = 4096;

/// Why the cluster refused (or could not decide) a binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BindError {
    KeyMismatch,
    Unavailable(String),
}

/// Cluster timing.
#[derive(Debug, Clone)]
pub struct ClusterConfig {
    pub url: String,
    /// How often a relay says it is alive.
    pub heartbeat: Duration,
    /// Silence after which a relay is declared gone.
    pub dead_after: Duration,
}

impl ClusterConfig {
    pub fn new(url: impl Into<String>) -> Self {
        ClusterConfig { url: url.into(), heartbeat: Duration::from_millis(500), dead_after: Duration::from_secs(3) }
    }
}

/// This relay's membership in a cluster.
pub struct Cluster {
    client: Client,
    kv: kv::Store,
    /// This relay's random id.
    pub id: Arc<str>,
    config: ClusterConfig,
    /// Rooms followed, with the task reading each one's subject.
    followed: Mutex<HashMap<String, JoinHandle<()>>>,
    send_timeout: Duration,
    relays: std::sync::Mutex<liveness::Relays>,
    /// The relay's shared state, once started.
    shared: OnceLock<Weak<Shared>>,
    /// NATS connection events, until `start` takes them.
    connection_events: std::sync::Mutex<Option<tokio::sync::mpsc::UnboundedReceiver<async_nats::Event>>>,
}

fn other(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(e.to_string())
}

/// Opens the bindings bucket, creating its stream if needed. The stream is
/// created directly with the key-value layout (what `create_key_value`
/// would make): that call first reads account details that Debian's
/// nats-server 2.9 does not report in the form async-nats expects.
async fn bindings_bucket(client: &Client, limits: &Limits) -> io::Result<kv::Store> {
    use async_nats::jetstream::stream::{Config, DiscardPolicy};
    let js = async_nats::jetstream::new(client.clone());
    let stream = Config {
        name: format!("KV_{BUCKET}"),
        subjects: vec![format!("$KV.{BUCKET}.>")],
        max_messages_per_subject: 1,
        max_age: limits.binding_ttl,
        // Bounded like the single-relay table: every room, live or dormant,
        // full of bindings of about 200 bytes.
        max_bytes: ((limits.max_rooms + limits.max_dormant_rooms) * limits.max_peers_per_room * 256) as i64,
        allow_rollup: true,
        deny_delete: true,
        allow_direct: true,
        discard: DiscardPolicy::New,
        ..Default::default()
    };
    js.get_or_create_stream(stream).await.map_err(other)?;
    js.get_key_value(BUCKET).await.map_err(other)
}

fn binding_key(room: &str, peer: &str) -> String {
    format!("{room}.{peer}")
}

impl Cluster {
    /// Connects to NATS and opens (or creates) the bindings bucket.
    pub async fn connect(config: ClusterConfig, limits: &Limits) -> io::Result<Arc<Cluster>> {
        let (events_tx, events_rx) = tokio::sync::mpsc::unbounded_channel();
        let client = async_nats::ConnectOptions::new()
            .no_echo()
            .name("wsts-relay")
            .event_callback(move |event| {
                let tx = events_tx.clone();
                async move {
                    let _ = tx.send(event);
                }
            })
            .connect(config.url.as_str())
            .await
            .map_err(other)?;
        let kv = bindings_bucket(&client, limits).await?;
        let mut id = [0u8; 8];
        getrandom::getrandom(&mut id).map_err(other)?;
        let cluster = Arc::new(Cluster {
            client,
            kv,
            id: hex::encode(id).into(),
            config,
            followed: Mutex::new(HashMap::new()),
            send_timeout: limits.send_timeout,
            relays: Default::default(),
            shared: OnceLock::new(),
            connection_events: std::sync::Mutex::new(Some(events_rx)),
        });
        Ok(cluster)
    }

    /// The largest payload the NATS server accepts.
    pub fn max_payload(&self) -> usize {
        self.client.server_info().max_payload
    }

    /// Starts the heartbeat, the watch over other relays, and the refresh of
    /// live bindings.
    pub(crate) fn start(self: &Arc<Self>, shared: Weak<Shared>, binding_ttl: Duration) {
        let _ = self.shared.set(shared.clone());
        liveness::start(self, shared.clone());
        let cluster = Arc::downgrade(self);
        let every = (binding_ttl / 4).clamp(Duration::from_secs(1), Duration::from_secs(3600));
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.tick().await;
            loop {
                tick.tick().await;
                let (Some(cluster), Some(shared)) = (cluster.upgrade(), shared.upgrade()) else { return };
                cluster.refresh_bindings(&shared).await;
            }
        });
    }

    /// Binds `(room, peer)` to `key` cluster-wide, or says who holds it.
    pub async fn bind(&self, room: &str, peer: &str, key: PeerKey) -> Result<(), BindError> {
        let k = binding_key(room, peer);
        let value = Bytes::from(key.to_hex());
        for _ in 0..2 {
            match self.kv.create(&k, value.clone()).await {
                Ok(_) => return Ok(()),
                Err(e) if e.kind() == kv::CreateErrorKind::AlreadyExists => {}
                Err(e) => return Err(BindError::Unavailable(e.to_string())),
            }
            match self.kv.get(k.as_str()).await {
                Ok(Some(bound)) if bound == value => {
                    // Rejoined: the binding lives on from now.
                    let _ = self.kv.put(&k, value).await;
                    return Ok(());
                }
                Ok(Some(_)) => return Err(BindError::KeyMismatch),
                Ok(None) => continue, // expired between the two calls
                Err(e) => return Err(BindError::Unavailable(e.to_string())),
            }
        }
        Err(BindError::Unavailable("binding changed during the join".into()))
    }

    /// Keeps the bindings of members connected here from expiring.
    async fn refresh_bindings(&self, shared: &Shared) {
        let rooms: Vec<String> = self.followed.lock().await.keys().cloned().collect();
        for room in rooms {
            for m in shared.rooms.local_members(&room) {
                let _ = self.kv.put(binding_key(&room, &m.peer), Bytes::from(m.key.to_hex())).await;
            }
        }
    }

    /// Publishes `event` on `room`'s subject (bounded: a stuck NATS
    /// connection delays a sender by at most `send_timeout`).
    pub async fn publish(&self, room: &str, event: &RoomEvent) {
        let publish = self.client.publish(events::room_subject(room), event.encode(&self.id));
        match tokio::time::timeout(self.send_timeout, publish).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::warn!(room, error = %e, "cluster publish failed"),
            Err(_) => tracing::warn!(room, "cluster publish timed out"),
        }
    }

    /// A peer joined here: follow the room and tell the other relays.
    pub(crate) async fn joined(self: &Arc<Self>, shared: &Arc<Shared>, room: &str, event: RoomEvent) {
        follow::follow(self, shared, room).await;
        self.publish(room, &event).await;
    }

    /// A peer left here: tell the others, and stop following an empty room.
    pub(crate) async fn left(&self, shared: &Shared, room: &str, peer: &str, conn: u64) {
        self.publish(room, &RoomEvent::Leave { peer: peer.to_owned(), conn }).await;
        follow::unfollow_if_empty(self, shared, room).await;
    }

    /// Asks every relay for its roster of each followed room.
    async fn resync(&self, shared: &Shared) {
        let rooms: Vec<String> = self.followed.lock().await.keys().cloned().collect();
        for room in rooms {
            self.publish(&room, &RoomEvent::Sync).await;
            follow::announce_roster(self, shared, &room).await;
        }
    }
}
