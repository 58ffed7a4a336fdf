//! Which relays are alive: heartbeats out, heartbeats in, and what to do
//! when a relay goes silent (its members leave) or comes back, or when this
//! relay's own NATS connection returns (rosters are exchanged again).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Weak};

use async_nats::Event;
use futures_util::StreamExt as _;
use tokio::sync::mpsc::UnboundedReceiver;
use tokio::time::Instant;

use super::events::HEARTBEAT_SUBJECT;
use super::Cluster;
use crate::protocol::is_valid_name;
use crate::session::Shared;

/// Relays declared gone that are remembered, to notice their return.
const MAX_GONE: usize = 1024;

#[derive(Default)]
pub(super) struct Relays {
    last_seen: HashMap<String, Instant>,
    gone: HashSet<String>,
}

/// Records a sign of life from `relay`. One that had been declared gone is
/// back (a partition healed): everyone's rosters are exchanged again.
pub(super) async fn seen(cluster: &Arc<Cluster>, relay: &str) {
    let returned = {
        let mut relays = cluster.relays.lock().unwrap_or_else(|e| e.into_inner());
        match relays.last_seen.get_mut(relay) {
            Some(at) => *at = Instant::now(),
            None => {
                relays.last_seen.insert(relay.to_owned(), Instant::now());
            }
        }
        !relays.gone.is_empty() && relays.gone.remove(relay)
    };
    if returned {
        tracing::info!(relay, "relay is back; exchanging rosters");
        if let Some(shared) = cluster.shared.get().and_then(Weak::upgrade) {
            let cluster = cluster.clone();
            tokio::spawn(async move { cluster.resync(&shared).await });
        }
    }
}

fn expire(cluster: &Cluster, shared: &Shared) {
    let now = Instant::now();
    let dead: Vec<String> = {
        let mut relays = cluster.relays.lock().unwrap_or_else(|e| e.into_inner());
        let dead: Vec<String> = relays
            .last_seen
            .iter()
            .filter(|(_, at)| now.duration_since(**at) > cluster.config.dead_after)
            .map(|(relay, _)| relay.clone())
            .collect();
        for relay in &dead {
            relays.last_seen.remove(relay);
            if relays.gone.len() < MAX_GONE {
                relays.gone.insert(relay.clone());
            }
        }
        dead
    };
    for relay in dead {
        let left = shared.rooms.remove_relay(&relay);
        tracing::warn!(relay, members = left, "relay went silent; its members left");
    }
}

/// Sends heartbeats and watches the other relays' and this connection's.
pub(super) fn start(cluster: &Arc<Cluster>, shared: Weak<Shared>) {
    let beat = cluster.config.heartbeat;
    let weak = Arc::downgrade(cluster);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(beat);
        loop {
            tick.tick().await;
            let Some(cluster) = weak.upgrade() else { return };
            let _ = cluster.client.publish(HEARTBEAT_SUBJECT, cluster.id.as_bytes().to_vec().into()).await;
        }
    });
    let weak = Arc::downgrade(cluster);
    let client = cluster.client.clone();
    let watched = shared.clone();
    tokio::spawn(async move {
        let Ok(mut beats) = client.subscribe(HEARTBEAT_SUBJECT).await else {
            return tracing::error!("cannot watch the other relays' heartbeats");
        };
        let mut tick = tokio::time::interval(beat / 2);
        loop {
            tokio::select! {
                msg = beats.next() => {
                    let Some(msg) = msg else { return };
                    let Some(cluster) = weak.upgrade() else { return };
                    if let Some(relay) = std::str::from_utf8(&msg.payload).ok().filter(|r| is_valid_name(r)) {
                        seen(&cluster, relay).await;
                    }
                }
                _ = tick.tick() => {
                    let (Some(cluster), Some(shared)) = (weak.upgrade(), watched.upgrade()) else { return };
                    expire(&cluster, &shared);
                }
            }
        }
    });
    let events = cluster.connection_events.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some(events) = events {
        tokio::spawn(watch_connection(Arc::downgrade(cluster), shared, events));
    }
}

/// After this relay's NATS connection comes back, other relays may have
/// declared it gone and missed events: rosters are exchanged again.
async fn watch_connection(cluster: Weak<Cluster>, shared: Weak<Shared>, mut events: UnboundedReceiver<Event>) {
    let mut lost = false;
    while let Some(event) = events.recv().await {
        match event {
            Event::Disconnected => {
                lost = true;
                tracing::warn!("lost the cluster connection; reconnecting");
            }
            Event::Connected if lost => {
                lost = false;
                tracing::info!("cluster connection back; exchanging rosters");
                let (Some(cluster), Some(shared)) = (cluster.upgrade(), shared.upgrade()) else { return };
                cluster.resync(&shared).await;
            }
            other => tracing::debug!(event = %other, "cluster connection event"),
        }
    }
}
