//! Following a room's subject: applying what other relays announce, and
//! delivering their frames to the members connected here.

use std::sync::{Arc, Weak};

use bytes::Bytes;
use futures_util::StreamExt as _;
use tokio::time::Instant;
use tungstenite::protocol::frame::coding::{Data, OpCode};

use super::events::{room_subject, RoomEvent};
use super::{liveness, Cluster};
use crate::queue::Push;
use crate::rooms::{Member, Seat};
use crate::session::Shared;
use crate::ws::outbound::FrameBuf;

/// Starts following `room` if not already (subscribe, then ask for rosters).
pub(super) async fn follow(cluster: &Arc<Cluster>, shared: &Arc<Shared>, room: &str) {
    let mut followed = cluster.followed.lock().await;
    if followed.contains_key(room) {
        return;
    }
    let subscriber = match cluster.client.subscribe(room_subject(room)).await {
        Ok(s) => s,
        Err(e) => return tracing::warn!(room, error = %e, "cannot follow the room on the cluster"),
    };
    let task = tokio::spawn(read_room(Arc::downgrade(cluster), Arc::downgrade(shared), room.to_owned(), subscriber));
    followed.insert(room.to_owned(), task);
    drop(followed);
    cluster.publish(room, &RoomEvent::Sync).await;
}

/// Stops following `room` once no member is connected here. Checked under
/// the same lock as [`follow`], after the rooms changed, so a join racing
/// with the last leave keeps the room followed.
pub(super) async fn unfollow_if_empty(cluster: &Cluster, shared: &Shared, room: &str) {
    let mut followed = cluster.followed.lock().await;
    if !shared.rooms.has_local(room) {
        if let Some(task) = followed.remove(room) {
            task.abort();
        }
    }
}

/// Re-announces the members of `room` connected here.
pub(super) async fn announce_roster(cluster: &Cluster, shared: &Shared, room: &str) {
    for m in shared.rooms.local_members(room) {
        let event = RoomEvent::Join { peer: m.peer, conn: m.conn, key: m.key, since_ms: m.since_ms };
        cluster.publish(room, &event).await;
    }
}

async fn read_room(cluster: Weak<Cluster>, shared: Weak<Shared>, room: String, mut sub: async_nats::Subscriber) {
    while let Some(msg) = sub.next().await {
        let (Some(cluster), Some(shared)) = (cluster.upgrade(), shared.upgrade()) else { return };
        let Some((relay, event)) = RoomEvent::decode(msg.payload) else {
            tracing::warn!(room, "malformed cluster event; ignored");
            continue;
        };
        liveness::seen(&cluster, &relay).await;
        apply(&cluster, &shared, &room, &relay, event).await;
    }
}

async fn apply(cluster: &Cluster, shared: &Shared, room: &str, relay: &str, event: RoomEvent) {
    match event {
        RoomEvent::Join { peer, conn, key, since_ms } => {
            let member = Member { conn, key, seat: Seat::Remote(relay.into()), since_ms };
            shared.rooms.remote_join(&cluster.id, relay, room, &peer, member);
        }
        RoomEvent::Leave { peer, conn } => shared.rooms.remote_leave(relay, room, &peer, conn),
        RoomEvent::Frame { from, to, json } => deliver(shared, room, &from, to.as_deref(), &json).await,
        RoomEvent::Sync => announce_roster(cluster, shared, room).await,
    }
}

/// Hands a frame relayed by another relay to its recipients here, with the
/// same waiting and slow-consumer rule as a local sender.
async fn deliver(shared: &Shared, room: &str, from: &str, to: Option<&str>, json: &Bytes) {
    let recipients = shared.rooms.local_recipients(room, from, to);
    if recipients.is_empty() {
        return;
    }
    let send_timeout = shared.limits.send_timeout;
    let Some(charge) = shared.budget.charge(json.len() + 16, Instant::now() + send_timeout).await else {
        return tracing::warn!(room, "memory budget exhausted; dropped a frame from the cluster");
    };
    let mut buf = FrameBuf::with_capacity(json.len());
    buf.body().extend_from_slice(json);
    let frame = buf.finish(OpCode::Data(Data::Text), Some(charge));
    for r in recipients {
        if r.queue.push(&frame, Instant::now() + send_timeout).await == Push::Full {
            shared.rooms.drop_slow(room, &r.peer, r.conn);
        }
    }
}
