//! What relays tell each other about a room, as NATS messages: the event
//! and its fields in headers, a relayed frame's JSON as the payload (so a
//! large message is not re-encoded). Decoding refuses anything malformed:
//! other relays are peers, not a source of panics.

use async_nats::HeaderMap;
use bytes::Bytes;

use crate::auth::PeerKey;
use crate::protocol::is_valid_name;
use crate::rooms::ConnId;

/// Subject prefix of every room's events.
pub const ROOM_SUBJECT: &str = "wsts-relay.room";
/// Subject of the relays' heartbeats.
pub const HEARTBEAT_SUBJECT: &str = "wsts-relay.alive";

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

fn header(h: &HeaderMap, name: &str) -> Option<String> {
    h.get(name).map(|v| v.as_str().to_owned())
}

fn name(h: &HeaderMap, field: &str) -> Option<String> {
    header(h, field).filter(|n| is_valid_name(n))
}

fn number(h: &HeaderMap, field: &str) -> Option<u64> {
    header(h, field)?.parse().ok()
}

impl RoomEvent {
    /// Headers and payload of the event as relay `relay` sends it.
    pub fn encode(&self, relay: &str) -> (HeaderMap, Bytes) {
        let mut h = HeaderMap::new();
        h.insert("relay", relay);
        let payload = match self {
            RoomEvent::Join { peer, conn, key, since_ms } => {
                h.insert("kind", "join");
                h.insert("peer", peer.as_str());
                h.insert("conn", conn.to_string());
                h.insert("key", key.to_hex());
                h.insert("since", since_ms.to_string());
                Bytes::new()
            }
            RoomEvent::Leave { peer, conn } => {
                h.insert("kind", "leave");
                h.insert("peer", peer.as_str());
                h.insert("conn", conn.to_string());
                Bytes::new()
            }
            RoomEvent::Frame { from, to, json } => {
                h.insert("kind", "frame");
                h.insert("peer", from.as_str());
                if let Some(to) = to {
                    h.insert("to", to.as_str());
                }
                json.clone()
            }
            RoomEvent::Sync => {
                h.insert("kind", "sync");
                Bytes::new()
            }
        };
        (h, payload)
    }

    /// The sending relay and the event, or `None` if malformed.
    pub fn decode(headers: Option<&HeaderMap>, payload: Bytes) -> Option<(String, RoomEvent)> {
        let h = headers?;
        let relay = header(h, "relay").filter(|r| is_valid_name(r))?;
        let event = match header(h, "kind")?.as_str() {
            "join" => RoomEvent::Join {
                peer: name(h, "peer")?,
                conn: number(h, "conn")?,
                key: PeerKey::from_hex(&header(h, "key")?)?,
                since_ms: number(h, "since")?,
            },
            "leave" => RoomEvent::Leave { peer: name(h, "peer")?, conn: number(h, "conn")? },
            "frame" => {
                let to = match header(h, "to") {
                    Some(to) if is_valid_name(&to) => Some(to),
                    Some(_) => return None,
                    None => None,
                };
                RoomEvent::Frame { from: name(h, "peer")?, to, json: payload }
            }
            "sync" => RoomEvent::Sync,
            _ => return None,
        };
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
            RoomEvent::Frame { from: "a".into(), to: None, json: Bytes::from_static(br#"{"type":"message"}"#) },
            RoomEvent::Frame { from: "a".into(), to: Some("b".into()), json: Bytes::from_static(b"{}") },
            RoomEvent::Sync,
        ] {
            let (h, payload) = event.encode("relay-1");
            assert_eq!(RoomEvent::decode(Some(&h), payload), Some(("relay-1".to_owned(), event)));
        }
    }

    #[test]
    fn malformed_events_are_refused() {
        let (good, _) = RoomEvent::Join { peer: "p".into(), conn: 1, key: key(), since_ms: 1 }.encode("r");
        assert!(RoomEvent::decode(None, Bytes::new()).is_none());
        for (field, value) in
            [("kind", "teleport"), ("peer", "../x"), ("conn", "-1"), ("key", "02zz"), ("relay", ""), ("since", "x")]
        {
            let mut h = good.clone();
            h.insert(field, value);
            assert!(RoomEvent::decode(Some(&h), Bytes::new()).is_none(), "{field}={value}");
        }
        let (mut frame, _) = RoomEvent::Frame { from: "a".into(), to: None, json: Bytes::new() }.encode("r");
        frame.insert("to", "a b");
        assert!(RoomEvent::decode(Some(&frame), Bytes::new()).is_none());
    }
}
