//! What relays tell each other about a room, as NATS message payloads: one
//! ASCII line (`<kind> <relay> <fields>`), then, for a relayed frame, the
//! frame's JSON as is (so a large message is not re-encoded). No NATS
//! headers: they cost a map and a string per field on both sides, on every
//! frame. Decoding refuses anything malformed: other relays are peers, not a
//! source of panics.

use bytes::{BufMut as _, Bytes, BytesMut};

use crate::auth::PeerKey;
use crate::protocol::is_valid_name;
use crate::rooms::ConnId;

/// Subject prefix of every room's events.
pub const ROOM_SUBJECT: &str = "wsts-relay.room";
/// Subject of the relays' heartbeats (payload: the relay id).
pub const HEARTBEAT_SUBJECT: &str = "wsts-relay.alive";

/// Longest first line: kind, relay id, two names, a key and two numbers.
const MAX_LINE: usize = 512;

/// The subject carrying `room`'s events (room ids are valid subject tokens).
pub fn room_subject(room: &str) -> String {
    format!("{ROOM_SUBJECT}.{room}")
}

/// One thing that happened in a room on some relay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoomEvent {
    /// A peer joined (or is still there: rosters are re-sent as joins).
    Join {
        peer: String,
        conn: ConnId,
        key: PeerKey,
        since_ms: u64,
    },
    Leave {
        peer: String,
        conn: ConnId,
    },
    /// A relayed frame (`message` or `signal` JSON) for everyone but its
    /// sender, or for `to` only.
    Frame {
        from: String,
        to: Option<String>,
        json: Bytes,
    },
    /// "Send me your roster": a relay just started following the room.
    Sync,
}

impl RoomEvent {
    /// The payload of the event as relay `relay` sends it.
    pub fn encode(&self, relay: &str) -> Bytes {
        let line = match self {
            RoomEvent::Join { peer, conn, key, since_ms } => {
                format!("join {relay} {peer} {conn} {} {since_ms}", key.to_hex())
            }
            RoomEvent::Leave { peer, conn } => format!("leave {relay} {peer} {conn}"),
            RoomEvent::Frame { from, to: Some(to), .. } => format!("frame {relay} {from} {to}"),
            RoomEvent::Frame { from, to: None, .. } => format!("frame {relay} {from}"),
            RoomEvent::Sync => format!("sync {relay}"),
        };
        let body = match self {
            RoomEvent::Frame { json, .. } => &json[..],
            _ => &[],
        };
        let mut out = BytesMut::with_capacity(line.len() + 1 + body.len());
        out.put_slice(line.as_bytes());
        out.put_u8(b'\n');
        out.put_slice(body);
        out.freeze()
    }

    /// The sending relay and the event, or `None` if malformed.
    pub fn decode(payload: Bytes) -> Option<(String, RoomEvent)> {
        let end = payload.iter().take(MAX_LINE).position(|&b| b == b'\n')?;
        let line = std::str::from_utf8(&payload[..end]).ok()?;
        let mut fields = line.split(' ');
        let kind = fields.next()?;
        let relay = fields.next().filter(|r| is_valid_name(r))?.to_owned();
        let mut name = || fields.next().filter(|n| is_valid_name(n)).map(str::to_owned);
        let event = match kind {
            "join" => {
                let peer = name()?;
                let conn = fields.next()?.parse().ok()?;
                let key = PeerKey::from_hex(fields.next()?)?;
                RoomEvent::Join { peer, conn, key, since_ms: fields.next()?.parse().ok()? }
            }
            "leave" => {
                let peer = name()?;
                RoomEvent::Leave { peer, conn: fields.next()?.parse().ok()? }
            }
            "frame" => {
                let from = name()?;
                let to = match fields.next() {
                    Some(to) if is_valid_name(to) => Some(to.to_owned()),
                    Some(_) => return None,
                    None => None,
                };
                RoomEvent::Frame { from, to, json: payload.slice(end + 1..) }
            }
            "sync" => RoomEvent::Sync,
            _ => return None,
        };
        if fields.next().is_some() {
            return None;
        }
        Some((relay, event))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> PeerKey {
        PeerKey::from_hex("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798").unwrap()
    }

    #[test]
    fn every_event_round_trips() {
        for event in [
            RoomEvent::Join { peer: "signer-1".into(), conn: 7, key: key(), since_ms: 1_700_000_000_000 },
            RoomEvent::Leave { peer: "coordinator".into(), conn: u64::MAX },
            RoomEvent::Frame { from: "a".into(), to: None, json: Bytes::from_static(b"{\"type\":\"message\"}\n\n") },
            RoomEvent::Frame { from: "a".into(), to: Some("b".into()), json: Bytes::new() },
            RoomEvent::Sync,
        ] {
            assert_eq!(RoomEvent::decode(event.encode("relay-1")), Some(("relay-1".to_owned(), event)));
        }
    }

    #[test]
    fn malformed_events_are_refused() {
        for bad in [
            "",
            "join r p 1",
            "join r p 1 02zz 5\n",
            "join r ../p 1 0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798 5\n",
            "leave r p -1\n",
            "leave r p 1 extra\n",
            "frame r a b c\n",
            "frame r a b!\n",
            "teleport r\n",
            "sync\n",
            "sync r\u{e9}\n",
        ] {
            assert!(RoomEvent::decode(Bytes::from(bad)).is_none(), "{bad:?}");
        }
        let long = format!("frame {} a\n", "r".repeat(600));
        assert!(RoomEvent::decode(Bytes::from(long)).is_none());
    }
}
