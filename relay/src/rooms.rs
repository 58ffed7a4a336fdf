//! Room membership, peer-id bindings and presence.
//!
//! One mutex guards all rooms and is never held across an `.await`.
//! Presence frames (`joined`, `peer-joined`, `peer-left`) are queued under
//! the lock, so every member sees a consistent history; relayed messages
//! are not: [`Rooms::recipients`] hands out the recipients' queues and the
//! sender pushes to them after the lock is released, waiting for room (see
//! `queue`). A member that cannot take even its presence frames is not
//! reading and is dropped as a slow consumer.
//!
//! In cluster mode a room also lists members connected to other relays
//! (`Seat::Remote`); they have no queue here, their relay delivers to them.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use bytes::Bytes;

use crate::auth::PeerKey;
use crate::bindings::{BindError, Bindings};
use crate::protocol::{ErrorCode, PeerInfo, ServerFrame};
use crate::queue::{Closing, Push, Queue};
use crate::ws::outbound::{self, close_code};

/// Unique per WebSocket connection; distinguishes a reloaded tab's new
/// connection from the old one that used the same peer id.
pub type ConnId = u64;

/// Where a member is connected.
#[derive(Clone)]
pub enum Seat {
    /// On this relay: its outbound queue.
    Local(Arc<Queue>),
    /// On another relay of the cluster, by that relay's id.
    Remote(Arc<str>),
}

/// What a room keeps for each peer.
#[derive(Clone)]
pub struct Member {
    pub conn: ConnId,
    pub key: PeerKey,
    pub seat: Seat,
    /// When it joined (cluster tie-break: the later join of an id wins).
    pub since_ms: u64,
}

impl Member {
    fn queue(&self) -> Option<&Arc<Queue>> {
        match &self.seat {
            Seat::Local(q) => Some(q),
            Seat::Remote(_) => None,
        }
    }
}

/// A local recipient of a relayed message.
pub struct Recipient {
    pub peer: Arc<str>,
    pub conn: ConnId,
    pub queue: Arc<Queue>,
}

/// Who a relayed message is for.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// Every other member.
    Others,
    Peer(&'a str),
}

/// The local recipients of a message, and whether members on other relays
/// (in cluster mode) must get it too.
pub struct Delivery {
    pub local: Vec<Recipient>,
    pub remote: bool,
}

/// Why a join was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinError {
    RoomFull,
    TooManyRooms,
    /// The peer id is bound to another key.
    KeyMismatch,
}

/// Why a relayed message has no recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendError {
    /// No such peer in the room.
    UnknownPeer,
    /// The sender itself is no longer in the room (replaced or dropped);
    /// its connection is about to close.
    NotMember,
}

fn kick(queue: &Queue, code: ErrorCode, message: &str, close: u16) {
    queue.close(Closing::Error { code, message: message.to_owned(), close_code: close });
}

/// Ends a local member's connection as a slow consumer.
pub fn kick_slow(queue: &Queue) {
    kick(queue, ErrorCode::SlowConsumer, "too many undelivered messages; reconnect", close_code::SLOW_CONSUMER);
}

#[derive(Default)]
struct Room {
    /// Sorted, so the `peers` list in `joined` is deterministic.
    members: BTreeMap<Arc<str>, Member>,
}

impl Room {
    /// Queues a presence frame for every local member except `except`;
    /// members that cannot take it are removed and returned.
    fn announce(&mut self, except: Option<&str>, frame: &Bytes) -> Vec<Arc<str>> {
        let mut slow = Vec::new();
        for (name, m) in &self.members {
            if Some(&**name) == except {
                continue;
            }
            if let Some(q) = m.queue() {
                if q.push_now(frame) == Push::Full {
                    tracing::warn!(peer = %name, conn = m.conn, "not reading its presence frames; dropping");
                    kick_slow(q);
                    slow.push(name.clone());
                }
            }
        }
        for name in &slow {
            self.members.remove(name);
        }
        slow
    }

    /// Announces that `gone` left, and whoever that announcement overflows.
    fn announce_departures(&mut self, mut gone: Vec<Arc<str>>) {
        while let Some(name) = gone.pop() {
            let frame = outbound::text(&ServerFrame::PeerLeft { peer: &name }.to_json());
            gone.extend(self.announce(None, &frame));
        }
    }

    fn peers(&self) -> Vec<PeerInfo> {
        self.members.iter().map(|(name, m)| PeerInfo { peer: name.to_string(), pubkey: m.key.to_hex() }).collect()
    }

    fn is_current(&self, peer: &str, conn: ConnId) -> bool {
        self.members.get(peer).is_some_and(|m| m.conn == conn)
    }

    fn has_local(&self) -> bool {
        self.members.values().any(|m| m.queue().is_some())
    }
}

/// Everything behind the one lock.
struct State {
    rooms: HashMap<String, Room>,
    bindings: Bindings,
}

impl State {
    /// Drops `room` if no local member is left (remote members are only a
    /// view for local ones), starting its bindings' grace period.
    fn drop_if_empty(&mut self, room: &str) {
        if self.rooms.get(room).is_some_and(|r| !r.has_local()) {
            self.rooms.remove(room);
            self.bindings.sleep(room, Instant::now());
        }
    }

    fn local_rooms(&self) -> usize {
        self.rooms.values().filter(|r| r.has_local()).count()
    }
}

/// All rooms of the relay.
pub struct Rooms {
    inner: Mutex<State>,
    max_rooms: usize,
    max_peers: usize,
}

impl Rooms {
    pub fn new(max_rooms: usize, max_peers: usize, bindings: Bindings) -> Self {
        Rooms { inner: Mutex::new(State { rooms: HashMap::new(), bindings }), max_rooms, max_peers }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // Nothing panics while holding the lock, but if something ever did,
        // the map is still structurally valid; keep serving.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds a local `member` to `room` as `peer` if the id is unbound or bound
    /// to its key (`confirmed`: the cluster's binding store already said so,
    /// and the local table follows it). Replaces (and kicks) a connection
    /// with the same id. Queues `joined` for the member first, then
    /// `peer-joined` for the others.
    pub fn join(&self, room: &str, peer: &str, member: Member, confirmed: bool) -> Result<(), JoinError> {
        let mut state = self.lock();
        let exists = state.rooms.get(room).is_some_and(Room::has_local);
        if !exists && state.local_rooms() >= self.max_rooms {
            return Err(JoinError::TooManyRooms);
        }
        let State { rooms, bindings } = &mut *state;
        let replacing = rooms.get(room).is_some_and(|r| r.members.contains_key(peer));
        let size = rooms.get(room).map_or(0, |r| r.members.len());
        if !replacing && size >= self.max_peers {
            return Err(JoinError::RoomFull);
        }
        let now = Instant::now();
        if confirmed {
            bindings.confirm(room, peer, member.key, now);
        } else {
            match bindings.bind(room, peer, member.key, now) {
                Ok(()) => {}
                Err(BindError::KeyMismatch) => return Err(JoinError::KeyMismatch),
                Err(BindError::TooMany) => return Err(JoinError::RoomFull),
            }
        }
        bindings.wake(room);
        let queue = member.queue().expect("joins are local").clone();
        let r = rooms.entry(room.to_owned()).or_default();
        r.replace(peer);
        let joined = ServerFrame::Joined { room, peer, peers: &r.peers() }.to_json();
        queue.push_now(&outbound::text(&joined));
        let hello = outbound::text(&ServerFrame::PeerJoined { peer, pubkey: &member.key.to_hex() }.to_json());
        let slow = r.announce(None, &hello);
        r.members.insert(peer.into(), member);
        r.announce_departures(slow);
        Ok(())
    }

    /// Removes `peer` from `room` if it is still connection `conn` (a replaced
    /// connection must not remove its successor). Empty rooms are dropped.
    pub fn leave(&self, room: &str, peer: &str, conn: ConnId) -> bool {
        let mut state = self.lock();
        let Some(r) = state.rooms.get_mut(room) else {
            return false;
        };
        if !r.is_current(peer, conn) {
            return false;
        }
        r.members.remove(peer);
        r.announce_departures(vec![peer.into()]);
        state.drop_if_empty(room);
        true
    }

    /// The local recipients of a message from `from` (connection `conn`).
    pub fn recipients(&self, room: &str, from: &str, conn: ConnId, target: Target<'_>) -> Result<Delivery, SendError> {
        let state = self.lock();
        let r = state.rooms.get(room).ok_or(SendError::NotMember)?;
        if !r.is_current(from, conn) {
            return Err(SendError::NotMember);
        }
        let recipient = |(name, m): (&Arc<str>, &Member)| {
            m.queue().map(|q| Recipient { peer: name.clone(), conn: m.conn, queue: q.clone() })
        };
        match target {
            Target::Others => Ok(Delivery {
                local: r.members.iter().filter(|(name, _)| &***name != from).filter_map(recipient).collect(),
                remote: r.members.values().any(|m| m.queue().is_none()),
            }),
            Target::Peer(to) => {
                let (name, m) = r.members.get_key_value(to).ok_or(SendError::UnknownPeer)?;
                Ok(Delivery { remote: m.queue().is_none(), local: recipient((name, m)).into_iter().collect() })
            }
        }
    }

    /// Drops a recipient whose queue stayed full while a sender waited.
    pub fn drop_slow(&self, room: &str, peer: &str, conn: ConnId) {
        let mut state = self.lock();
        let Some(r) = state.rooms.get_mut(room) else { return };
        if !r.is_current(peer, conn) {
            return;
        }
        if let Some(q) = r.members.remove(peer).as_ref().and_then(Member::queue) {
            tracing::warn!(room, peer, conn, "outbound queue stayed full; dropping slow peer");
            kick_slow(q);
        }
        r.announce_departures(vec![peer.into()]);
        state.drop_if_empty(room);
    }

    /// Number of rooms with a local member.
    pub fn room_count(&self) -> usize {
        self.lock().local_rooms()
    }

    /// Peers currently in `room` (0 if it does not exist).
    pub fn peer_count(&self, room: &str) -> usize {
        self.lock().rooms.get(room).map_or(0, |r| r.members.len())
    }
}

impl Room {
    /// Removes an existing member `peer` (a rejoin), kicking it if local,
    /// and announces its departure.
    fn replace(&mut self, peer: &str) {
        let Some(old) = self.members.remove(peer) else { return };
        tracing::info!(peer, "peer id rejoined; replacing old connection");
        if let Some(q) = old.queue() {
            kick(q, ErrorCode::Replaced, "another connection joined with this peer id", close_code::REPLACED);
        }
        self.announce_departures(vec![peer.into()]);
    }
}

mod remote;

#[cfg(test)]
mod tests;
