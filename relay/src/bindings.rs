//! Which key owns which peer id in a room.
//!
//! The first successful join binds `(room, peer)` to its key; later joins
//! under that id must prove the same key. A binding lives as long as its
//! room has any connected peer, and `ttl` longer once the room is empty
//! (dormant), so a reloaded tab, or a whole room reconnecting after a relay
//! restart of its network, gets its ids back, while nobody can take an id by
//! waiting for its owner's connection to drop.
//!
//! Memory is bounded twice: a room holds at most `max_per_room` bindings
//! (a new id beyond that is refused as `room-full`), and at most
//! `max_dormant` empty rooms are remembered (the longest-empty is forgotten
//! first). Pure data structure: the caller passes the time.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use crate::auth::PeerKey;

/// Why a binding was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BindError {
    /// The id is bound to another key.
    KeyMismatch,
    /// The room already binds `max_per_room` ids.
    TooMany,
}

#[derive(Default)]
struct RoomKeys {
    keys: HashMap<String, PeerKey>,
    /// `Some(epoch)` while the room is dormant; matches its queue entry.
    dormant: Option<u64>,
}

/// The binding table of one relay (or of one cluster's local cache).
pub struct Bindings {
    rooms: HashMap<String, RoomKeys>,
    /// Dormant rooms, oldest first. Entries whose epoch no longer matches
    /// the room's are stale (the room woke up) and are skipped.
    dormant: VecDeque<(Instant, u64, String)>,
    next_epoch: u64,
    ttl: Duration,
    max_per_room: usize,
    max_dormant: usize,
}

impl Bindings {
    pub fn new(ttl: Duration, max_per_room: usize, max_dormant: usize) -> Self {
        Bindings {
            rooms: HashMap::new(),
            dormant: VecDeque::new(),
            next_epoch: 0,
            ttl,
            max_per_room: max_per_room.max(1),
            max_dormant,
        }
    }

    /// The key `peer` is bound to in `room`, if any.
    pub fn get(&self, room: &str, peer: &str) -> Option<PeerKey> {
        self.rooms.get(room)?.keys.get(peer).copied()
    }

    /// Accepts `key` for `peer` if the id is unbound (binding it) or already
    /// bound to `key`. Does not change the room's dormancy.
    pub fn bind(&mut self, room: &str, peer: &str, key: PeerKey, now: Instant) -> Result<(), BindError> {
        self.expire(now);
        let entry = self.rooms.entry(room.to_owned()).or_default();
        match entry.keys.get(peer) {
            Some(bound) if *bound == key => Ok(()),
            Some(_) => Err(BindError::KeyMismatch),
            None if entry.keys.len() >= self.max_per_room => Err(BindError::TooMany),
            None => {
                entry.keys.insert(peer.to_owned(), key);
                Ok(())
            }
        }
    }

    /// Records `key` for `peer` as decided elsewhere (the cluster's binding
    /// store), replacing whatever this table had.
    pub fn confirm(&mut self, room: &str, peer: &str, key: PeerKey, now: Instant) {
        self.expire(now);
        self.rooms.entry(room.to_owned()).or_default().keys.insert(peer.to_owned(), key);
    }

    /// The room has connected peers: its bindings do not expire.
    pub fn wake(&mut self, room: &str) {
        if let Some(r) = self.rooms.get_mut(room) {
            r.dormant = None;
        }
    }

    /// The room's last peer left: its bindings expire after `ttl`.
    pub fn sleep(&mut self, room: &str, now: Instant) {
        let Some(r) = self.rooms.get_mut(room) else { return };
        if r.dormant.is_some() {
            return;
        }
        let epoch = self.next_epoch;
        self.next_epoch += 1;
        r.dormant = Some(epoch);
        self.dormant.push_back((now, epoch, room.to_owned()));
        self.expire(now);
    }

    /// Forgets dormant rooms past their time, then the oldest ones while
    /// more than `max_dormant` remain.
    pub fn expire(&mut self, now: Instant) {
        while let Some((since, epoch, room)) = self.dormant.front() {
            let current = self.rooms.get(room).and_then(|r| r.dormant) == Some(*epoch);
            let expired = now.saturating_duration_since(*since) >= self.ttl;
            // The queue may hold stale entries, so it can exceed the count of
            // dormant rooms; trimming it to `max_dormant` is conservative.
            let over = self.dormant.len() > self.max_dormant;
            if current && !expired && !over {
                break;
            }
            let (_, _, room) = self.dormant.pop_front().expect("front exists");
            if current {
                self.rooms.remove(&room);
            }
        }
    }

    /// Rooms with bindings (live and dormant).
    pub fn room_count(&self) -> usize {
        self.rooms.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> PeerKey {
        use k256::elliptic_curve::sec1::ToEncodedPoint as _;
        let pk = k256::SecretKey::from_slice(&[n; 32]).unwrap().public_key();
        PeerKey::from_hex(&hex::encode(pk.to_encoded_point(true).as_bytes())).unwrap()
    }

    #[test]
    fn first_key_wins_and_same_key_rebinds() {
        let t = Instant::now();
        let mut b = Bindings::new(Duration::from_secs(60), 10, 10);
        assert_eq!(b.bind("r", "p", key(1), t), Ok(()));
        assert_eq!(b.bind("r", "p", key(1), t), Ok(()));
        assert_eq!(b.bind("r", "p", key(2), t), Err(BindError::KeyMismatch));
        assert_eq!(b.get("r", "p"), Some(key(1)));
        // Another room, or another id, is independent.
        assert_eq!(b.bind("r2", "p", key(2), t), Ok(()));
        assert_eq!(b.bind("r", "q", key(2), t), Ok(()));
    }

    #[test]
    fn live_rooms_never_expire_dormant_ones_do_after_ttl() {
        let t = Instant::now();
        let ttl = Duration::from_secs(60);
        let mut b = Bindings::new(ttl, 10, 10);
        b.bind("r", "p", key(1), t).unwrap();
        b.wake("r");
        b.expire(t + ttl * 100);
        assert_eq!(b.bind("r", "p", key(2), t + ttl * 100), Err(BindError::KeyMismatch), "live room kept");
        // Empty: kept for ttl, then forgotten.
        let t1 = t + ttl * 100;
        b.sleep("r", t1);
        b.expire(t1 + ttl - Duration::from_secs(1));
        assert_eq!(b.get("r", "p"), Some(key(1)));
        // Waking resets the clock: the stale queue entry is ignored.
        b.wake("r");
        b.expire(t1 + ttl * 2);
        assert_eq!(b.get("r", "p"), Some(key(1)));
        b.sleep("r", t1 + ttl * 2);
        b.expire(t1 + ttl * 3);
        assert_eq!(b.get("r", "p"), None);
        assert_eq!(b.room_count(), 0);
        assert_eq!(b.bind("r", "p", key(2), t1 + ttl * 3), Ok(()));
    }

    #[test]
    fn bounded_per_room_and_in_dormant_rooms() {
        let t = Instant::now();
        let mut b = Bindings::new(Duration::from_secs(3600), 2, 3);
        b.bind("r", "a", key(1), t).unwrap();
        b.bind("r", "b", key(2), t).unwrap();
        assert_eq!(b.bind("r", "c", key(3), t), Err(BindError::TooMany));
        assert_eq!(b.bind("r", "a", key(1), t), Ok(()), "a bound id still rejoins");
        for (i, room) in ["d1", "d2", "d3", "d4"].into_iter().enumerate() {
            b.bind(room, "p", key(1), t).unwrap();
            b.sleep(room, t + Duration::from_secs(i as u64));
        }
        // Four dormant rooms, at most three kept: the longest-empty went first.
        assert_eq!(b.get("d1", "p"), None);
        for room in ["d2", "d3", "d4", "r"] {
            assert!(b.get(room, "p").is_some() || room == "r", "{room}");
        }
        assert_eq!(b.room_count(), 4);
    }
}
