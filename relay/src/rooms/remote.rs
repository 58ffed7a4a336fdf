//! Members connected to other relays of a cluster: what their relays
//! announce, applied to the local view of the rooms this relay follows.

use std::sync::Arc;
use std::time::Instant;

use super::{Member, Recipient, Room, Rooms, Seat};
use crate::auth::PeerKey;
use crate::protocol::ServerFrame;
use crate::rooms::ConnId;
use crate::ws::outbound;

/// A local member, as announced to the other relays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalMember {
    pub peer: String,
    pub conn: ConnId,
    pub key: PeerKey,
    pub since_ms: u64,
}

/// The later of two joins of one id wins; ties go to the greater relay id,
/// then connection, so every relay picks the same winner.
fn newer(a: (u64, &str, ConnId), b: (u64, &str, ConnId)) -> bool {
    a > b
}

impl Room {
    fn seat_id<'a>(m: &'a Member, own: &'a str) -> (u64, &'a str, ConnId) {
        match &m.seat {
            Seat::Local(_) => (m.since_ms, own, m.conn),
            Seat::Remote(relay) => (m.since_ms, relay, m.conn),
        }
    }
}

impl Rooms {
    /// A member joined on relay `relay` (or re-announced itself). Applies to
    /// rooms with local members only; a local member with the same id is
    /// replaced if the remote join is the later one.
    pub fn remote_join(&self, own: &str, relay: &str, room: &str, peer: &str, member: Member) {
        let mut state = self.lock();
        let super::State { rooms, bindings } = &mut *state;
        let Some(r) = rooms.get_mut(room) else { return };
        if let Some(current) = r.members.get(peer) {
            if matches!(&current.seat, Seat::Remote(at) if &**at == relay) && current.conn == member.conn {
                return; // a roster repeat
            }
            if !newer((member.since_ms, relay, member.conn), Room::seat_id(current, own)) {
                return; // ours is the later join; that relay will yield to it
            }
        } else if r.members.len() >= self.max_peers {
            tracing::warn!(room, peer, relay, "room full here; ignoring a remote join");
            return;
        }
        bindings.confirm(room, peer, member.key, Instant::now());
        r.replace(peer);
        let hello = outbound::text(&ServerFrame::PeerJoined { peer, pubkey: &member.key.to_hex() }.to_json());
        let slow = r.announce(None, &hello);
        r.members.insert(peer.into(), member);
        r.announce_departures(slow);
    }

    /// A member left relay `relay`, if it is still that connection.
    pub fn remote_leave(&self, relay: &str, room: &str, peer: &str, conn: ConnId) {
        let mut state = self.lock();
        let Some(r) = state.rooms.get_mut(room) else { return };
        let current = r
            .members
            .get(peer)
            .is_some_and(|m| m.conn == conn && matches!(&m.seat, Seat::Remote(at) if &**at == relay));
        if current {
            r.members.remove(peer);
            r.announce_departures(vec![peer.into()]);
        }
    }

    /// Relay `relay` is gone: its members leave every room.
    pub fn remove_relay(&self, relay: &str) -> usize {
        let mut state = self.lock();
        let mut removed = 0;
        for r in state.rooms.values_mut() {
            let gone: Vec<Arc<str>> = r
                .members
                .iter()
                .filter(|(_, m)| matches!(&m.seat, Seat::Remote(at) if &**at == relay))
                .map(|(name, _)| name.clone())
                .collect();
            for name in &gone {
                r.members.remove(name);
            }
            removed += gone.len();
            r.announce_departures(gone);
        }
        removed
    }

    /// The members of `room` connected here.
    pub fn local_members(&self, room: &str) -> Vec<LocalMember> {
        let state = self.lock();
        let Some(r) = state.rooms.get(room) else { return Vec::new() };
        r.members
            .iter()
            .filter(|(_, m)| m.queue().is_some())
            .map(|(name, m)| LocalMember { peer: name.to_string(), conn: m.conn, key: m.key, since_ms: m.since_ms })
            .collect()
    }

    /// True if `room` has a member connected here.
    pub fn has_local(&self, room: &str) -> bool {
        self.lock().rooms.get(room).is_some_and(Room::has_local)
    }

    /// Local recipients of a frame relayed by another relay: everyone here
    /// but its sender, or only `to`.
    pub fn local_recipients(&self, room: &str, from: &str, to: Option<&str>) -> Vec<Recipient> {
        let state = self.lock();
        let Some(r) = state.rooms.get(room) else { return Vec::new() };
        r.members
            .iter()
            .filter(|(name, _)| match to {
                Some(to) => &***name == to,
                None => &***name != from,
            })
            .filter_map(|(name, m)| m.queue().map(|q| Recipient { peer: name.clone(), conn: m.conn, queue: q.clone() }))
            .collect()
    }
}
