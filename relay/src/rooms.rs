//! Room membership and fan-out.
//!
//! One mutex guards all rooms. It is never held across an `.await`: delivery
//! is `try_send` into each member's bounded queue, so a slow member can never
//! stall the sender or the lock. A member whose queue is full is evicted
//! (kicked, and `peer-left` announced) rather than buffered without bound.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use axum::extract::ws::Utf8Bytes;
use tokio::sync::oneshot;

use crate::auth::PeerKey;
use crate::bindings::{BindError, Bindings};
use crate::protocol::{PeerInfo, ServerFrame};
use crate::queue::QueueTx;

/// Unique per WebSocket connection; distinguishes a reloaded tab's new
/// connection from the old one that used the same peer id.
pub type ConnId = u64;

/// A serialized server frame. Cheap to clone, so a broadcast serializes once
/// and every recipient's queue shares the same bytes.
pub type Outbound = Utf8Bytes;

/// Why a connection was removed from its room by someone else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kick {
    /// A new connection joined with the same room and peer id.
    Replaced,
    /// Its outbound queue was full.
    SlowConsumer,
}

/// What the room keeps for each connected peer.
pub struct Member {
    conn: ConnId,
    key: PeerKey,
    /// `key` as announced (lowercase hex).
    pubkey: String,
    tx: QueueTx,
    kick: oneshot::Sender<Kick>,
}

impl Member {
    pub fn new(conn: ConnId, key: PeerKey, tx: QueueTx, kick: oneshot::Sender<Kick>) -> Self {
        Member { conn, key, pubkey: key.to_hex(), tx, kick }
    }

    /// Queues without waiting; false if the queue is full or the connection is gone.
    fn offer(&self, msg: &Outbound) -> bool {
        self.tx.offer(msg)
    }
}

#[derive(Default)]
struct Room {
    /// Sorted, so the `peers` list in `joined` is deterministic.
    members: BTreeMap<String, Member>,
}

impl Room {
    /// Offers `msg` to every member except `except`; evicts and returns the
    /// names of those that could not take it.
    fn deliver_all(&mut self, except: Option<&str>, msg: &Outbound) -> Vec<String> {
        let slow: Vec<String> = self
            .members
            .iter()
            .filter(|(name, _)| Some(name.as_str()) != except)
            .filter(|(_, m)| !m.offer(msg))
            .map(|(name, _)| name.clone())
            .collect();
        for name in &slow {
            self.evict(name, Kick::SlowConsumer);
        }
        slow
    }

    fn evict(&mut self, name: &str, why: Kick) {
        if let Some(m) = self.members.remove(name) {
            if why == Kick::SlowConsumer {
                tracing::warn!(peer = name, conn = m.conn, "outbound queue full; dropping slow peer");
            }
            let Member { tx, kick, .. } = m;
            // The reason goes out before the queue closes, so the connection
            // can always tell why it was removed. (It may already be gone.)
            let _ = kick.send(why);
            drop(tx);
        }
    }

    /// Tells everyone left that `gone` peers left. Announcing can itself
    /// overflow someone's queue, so this runs until no more evictions happen.
    fn announce_departures(&mut self, mut gone: Vec<String>) {
        while let Some(name) = gone.pop() {
            let msg: Outbound = ServerFrame::PeerLeft { peer: &name }.to_json().into();
            gone.extend(self.deliver_all(None, &msg));
        }
    }
}

/// Why a join was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinError {
    RoomFull,
    TooManyRooms,
    /// The peer id is bound to another key.
    KeyMismatch,
}

/// Why a directed send did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendError {
    /// No such peer in the room.
    UnknownPeer,
    /// The sender itself is no longer in the room (replaced or evicted while
    /// this frame was in flight); its connection is about to close.
    NotMember,
}

/// Everything behind the one lock.
struct State {
    rooms: HashMap<String, Room>,
    bindings: Bindings,
}

impl State {
    /// Drops `room` if it has no members left, starting its bindings' grace period.
    fn drop_if_empty(&mut self, room: &str) {
        if self.rooms.get(room).is_some_and(|r| r.members.is_empty()) {
            self.rooms.remove(room);
            self.bindings.sleep(room, Instant::now());
        }
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

    /// Adds `member` to `room` as `peer`, replacing (and kicking) a previous
    /// connection with the same peer id, if the id is unbound or bound to
    /// the member's key. Returns the other peers present.
    ///
    /// Runs entirely under the lock, so the returned list and the
    /// `peer-joined`/`peer-left` frames queued afterwards are consistent.
    pub fn join(&self, room: &str, peer: &str, member: Member) -> Result<Vec<PeerInfo>, JoinError> {
        let mut state = self.lock();
        let State { rooms, bindings } = &mut *state;
        let exists = rooms.contains_key(room);
        if !exists && rooms.len() >= self.max_rooms {
            return Err(JoinError::TooManyRooms);
        }
        let replacing = rooms.get(room).is_some_and(|r| r.members.contains_key(peer));
        let size = rooms.get(room).map_or(0, |r| r.members.len());
        if !replacing && size >= self.max_peers {
            return Err(JoinError::RoomFull);
        }
        match bindings.bind(room, peer, member.key, Instant::now()) {
            Ok(()) => bindings.wake(room),
            Err(BindError::KeyMismatch) => return Err(JoinError::KeyMismatch),
            Err(BindError::TooMany) => return Err(JoinError::RoomFull),
        }
        let r = rooms.entry(room.to_owned()).or_default();
        if replacing {
            tracing::info!(room, peer, "peer id rejoined; replacing old connection");
            r.evict(peer, Kick::Replaced);
            r.announce_departures(vec![peer.to_owned()]);
        }
        let peers =
            r.members.iter().map(|(name, m)| PeerInfo { peer: name.clone(), pubkey: m.pubkey.clone() }).collect();
        let hello: Outbound = ServerFrame::PeerJoined { peer, pubkey: &member.pubkey }.to_json().into();
        let slow = r.deliver_all(None, &hello);
        r.members.insert(peer.to_owned(), member);
        r.announce_departures(slow);
        Ok(peers)
    }

    /// Removes `peer` from `room` if it is still connection `conn` (a replaced
    /// connection must not remove its successor). Empty rooms are dropped.
    pub fn leave(&self, room: &str, peer: &str, conn: ConnId) -> bool {
        let mut state = self.lock();
        let Some(r) = state.rooms.get_mut(room) else {
            return false;
        };
        if r.members.get(peer).map(|m| m.conn) != Some(conn) {
            return false;
        }
        r.members.remove(peer);
        r.announce_departures(vec![peer.to_owned()]);
        state.drop_if_empty(room);
        true
    }

    /// Queues `msg` for every peer in `room` except the sender.
    /// Returns false if the sender is no longer a member.
    pub fn broadcast(&self, room: &str, from: &str, conn: ConnId, msg: &Outbound) -> bool {
        let mut state = self.lock();
        let Some(r) = state.rooms.get_mut(room) else {
            return false;
        };
        if r.members.get(from).map(|m| m.conn) != Some(conn) {
            return false;
        }
        let slow = r.deliver_all(Some(from), msg);
        r.announce_departures(slow);
        true
    }

    /// Queues `msg` for peer `to` in `room`.
    pub fn send_to(&self, room: &str, from: &str, conn: ConnId, to: &str, msg: &Outbound) -> Result<(), SendError> {
        let mut state = self.lock();
        let Some(r) = state.rooms.get_mut(room) else {
            return Err(SendError::NotMember);
        };
        if r.members.get(from).map(|m| m.conn) != Some(conn) {
            return Err(SendError::NotMember);
        }
        let Some(target) = r.members.get(to) else {
            return Err(SendError::UnknownPeer);
        };
        if !target.offer(msg) {
            r.evict(to, Kick::SlowConsumer);
            r.announce_departures(vec![to.to_owned()]);
            state.drop_if_empty(room);
        }
        Ok(())
    }

    /// Number of rooms currently open.
    pub fn room_count(&self) -> usize {
        self.lock().rooms.len()
    }

    /// Peers currently in `room` (0 if it does not exist).
    pub fn peer_count(&self, room: &str) -> usize {
        self.lock().rooms.get(room).map_or(0, |r| r.members.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::queue::{queue, QueueRx};
    use std::time::Duration;

    /// A fixed valid key for test peer number `n`.
    pub(crate) fn test_key(n: u8) -> PeerKey {
        use k256::elliptic_curve::sec1::ToEncodedPoint as _;
        let pk = k256::SecretKey::from_slice(&[n.max(1); 32]).unwrap().public_key();
        PeerKey::from_hex(&hex::encode(pk.to_encoded_point(true).as_bytes())).unwrap()
    }

    fn rooms(max_rooms: usize, max_peers: usize) -> Rooms {
        Rooms::new(max_rooms, max_peers, Bindings::new(Duration::from_secs(60), max_peers, 16))
    }

    struct Conn {
        rx: QueueRx,
        kick: oneshot::Receiver<Kick>,
    }

    fn member(conn: ConnId, cap: usize) -> (Member, Conn) {
        keyed_member(conn, cap, test_key(1))
    }

    fn keyed_member(conn: ConnId, cap: usize, key: PeerKey) -> (Member, Conn) {
        let (tx, rx) = queue(cap, 1 << 20);
        let (ktx, krx) = oneshot::channel();
        (Member::new(conn, key, tx, ktx), Conn { rx, kick: krx })
    }

    fn drain(c: &mut Conn) -> Vec<String> {
        let mut out = Vec::new();
        while let Some(m) = c.rx.try_recv() {
            out.push(m.as_str().to_owned());
        }
        out
    }

    #[test]
    fn join_broadcast_leave() {
        let rooms = rooms(10, 10);
        let (m1, mut c1) = member(1, 8);
        let (m2, mut c2) = member(2, 8);
        assert!(rooms.join("r", "a", m1).unwrap().is_empty());
        let peers = rooms.join("r", "b", m2).unwrap();
        assert_eq!(peers.len(), 1);
        assert_eq!(peers[0].peer, "a");
        assert_eq!(
            drain(&mut c1),
            vec![format!(r#"{{"type":"peer-joined","peer":"b","pubkey":"{}"}}"#, test_key(1).to_hex())]
        );
        assert!(rooms.broadcast("r", "a", 1, &"hi".into()));
        assert_eq!(drain(&mut c2), vec!["hi"]);
        assert!(drain(&mut c1).is_empty());
        // A stale connection id cannot act for the peer.
        assert!(!rooms.broadcast("r", "a", 99, &"x".into()));
        assert!(!rooms.leave("r", "a", 99));
        assert!(rooms.leave("r", "a", 1));
        assert_eq!(drain(&mut c2), vec![r#"{"type":"peer-left","peer":"a"}"#]);
        assert!(rooms.leave("r", "b", 2));
        assert_eq!(rooms.room_count(), 0);
    }

    #[test]
    fn replacement_kicks_old_connection() {
        let rooms = rooms(10, 10);
        let (m1, mut c1) = member(1, 8);
        let (m2, mut c2) = member(2, 8);
        let (m3, _c3) = member(3, 8);
        rooms.join("r", "a", m1).unwrap();
        rooms.join("r", "b", m2).unwrap();
        drain(&mut c2);
        rooms.join("r", "a", m3).unwrap();
        assert_eq!(c1.kick.try_recv().unwrap(), Kick::Replaced);
        assert_eq!(
            drain(&mut c2),
            vec![
                r#"{"type":"peer-left","peer":"a"}"#.to_owned(),
                format!(r#"{{"type":"peer-joined","peer":"a","pubkey":"{}"}}"#, test_key(1).to_hex())
            ]
        );
        // The old connection's late leave must not remove the new one.
        assert!(!rooms.leave("r", "a", 1));
        assert_eq!(rooms.peer_count("r"), 2);
    }

    #[test]
    fn slow_consumer_is_evicted_not_buffered() {
        let rooms = rooms(10, 10);
        let (m1, _c1) = member(1, 8);
        let (m2, mut c2) = member(2, 1);
        let (m3, mut c3) = member(3, 64);
        rooms.join("r", "a", m1).unwrap();
        rooms.join("r", "slow", m2).unwrap();
        rooms.join("r", "c", m3).unwrap(); // fills slow's queue (peer-joined c)
        for _ in 0..3 {
            assert!(rooms.broadcast("r", "a", 1, &"x".into()));
        }
        assert_eq!(c2.kick.try_recv().unwrap(), Kick::SlowConsumer);
        assert_eq!(rooms.peer_count("r"), 2);
        assert!(drain(&mut c3).contains(&r#"{"type":"peer-left","peer":"slow"}"#.to_owned()));
        assert_eq!(rooms.send_to("r", "a", 1, "slow", &"x".into()), Err(SendError::UnknownPeer));
    }

    #[test]
    fn limits() {
        let rooms = rooms(1, 1);
        let (m1, _c1) = member(1, 8);
        let (m2, _c2) = member(2, 8);
        let (m3, _c3) = member(3, 8);
        let (m4, _c4) = member(4, 8);
        rooms.join("r", "a", m1).unwrap();
        assert_eq!(rooms.join("r", "b", m2).err(), Some(JoinError::RoomFull));
        assert_eq!(rooms.join("s", "b", m3).err(), Some(JoinError::TooManyRooms));
        // Replacing does not count against the room size.
        rooms.join("r", "a", m4).unwrap();
        assert!(rooms.leave("r", "a", 4));
        assert_eq!(rooms.room_count(), 0);
    }

    #[test]
    fn a_bound_id_refuses_another_key_and_keeps_its_connection() {
        let rooms = rooms(10, 10);
        let (m1, mut c1) = keyed_member(1, 8, test_key(1));
        let (m2, mut c2) = keyed_member(2, 8, test_key(2));
        rooms.join("r", "a", m1).unwrap();
        rooms.join("r", "b", m2).unwrap();
        drain(&mut c1);
        let (impostor, _ci) = keyed_member(3, 8, test_key(3));
        assert_eq!(rooms.join("r", "a", impostor).err(), Some(JoinError::KeyMismatch));
        assert!(c1.kick.try_recv().is_err(), "the owner was not kicked");
        assert!(drain(&mut c2).is_empty(), "nobody heard of the attempt");
        assert!(rooms.broadcast("r", "a", 1, &"still here".into()));
        assert_eq!(drain(&mut c2), vec!["still here"]);
        // The binding outlives the owner's connection while the room lives.
        assert!(rooms.leave("r", "a", 1));
        let (impostor, _ci) = keyed_member(4, 8, test_key(3));
        assert_eq!(rooms.join("r", "a", impostor).err(), Some(JoinError::KeyMismatch));
        let (owner, _co) = keyed_member(5, 8, test_key(1));
        rooms.join("r", "a", owner).unwrap();
    }
}
