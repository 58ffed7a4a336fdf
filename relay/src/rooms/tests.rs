use super::*;
use crate::queue::{Bounds, Pop};
use crate::ws::outbound::payload_of;
use std::time::Duration;

/// A fixed valid key for test peer number `n`.
fn key(n: u8) -> PeerKey {
    use k256::elliptic_curve::sec1::ToEncodedPoint as _;
    let pk = k256::SecretKey::from_slice(&[n.max(1); 32]).unwrap().public_key();
    PeerKey::from_hex(&hex::encode(pk.to_encoded_point(true).as_bytes())).unwrap()
}

fn rooms(max_rooms: usize, max_peers: usize) -> Rooms {
    Rooms::new(max_rooms, max_peers, Bindings::new(Duration::from_secs(60), max_peers, 16))
}

fn member(conn: ConnId, key_n: u8, cap: usize) -> (Member, Arc<Queue>) {
    let q = Arc::new(Queue::new(Bounds { len: cap, bytes: 1 << 20 }));
    (Member { conn, key: key(key_n), seat: Seat::Local(q.clone()), since_ms: 0 }, q)
}

/// Texts queued so far; `None` marks a closed queue.
fn drain(q: &Queue) -> Vec<Option<String>> {
    let mut out = Vec::new();
    while let Some(pop) = q.try_pop() {
        match pop {
            Pop::Frames(f) => out.extend(f.iter().map(|f| Some(String::from_utf8(payload_of(f).to_vec()).unwrap()))),
            Pop::Close(_) => {
                out.push(None);
                break;
            }
        }
    }
    out
}

fn types(q: &Queue) -> Vec<String> {
    drain(q)
        .into_iter()
        .map(|t| match t {
            Some(t) => {
                let v: serde_json::Value = serde_json::from_str(&t).unwrap();
                format!("{}:{}", v["type"].as_str().unwrap(), v["peer"].as_str().unwrap_or(""))
            }
            None => "closed".into(),
        })
        .collect()
}

#[test]
fn join_announce_leave() {
    let rooms = rooms(10, 10);
    let (m1, q1) = member(1, 1, 8);
    let (m2, q2) = member(2, 2, 8);
    rooms.join("r", "a", m1, false).unwrap();
    rooms.join("r", "b", m2, false).unwrap();
    assert_eq!(types(&q1), ["joined:a", "peer-joined:b"]);
    let joined = drain(&q2).remove(0).unwrap();
    assert_eq!(
        joined,
        format!(r#"{{"type":"joined","room":"r","peer":"b","peers":[{{"peer":"a","pubkey":"{}"}}]}}"#, key(1).to_hex())
    );
    let to_b = rooms.recipients("r", "a", 1, Target::Others).unwrap();
    assert_eq!(to_b.local.iter().map(|r| &*r.peer).collect::<Vec<_>>(), ["b"]);
    assert!(!to_b.remote);
    // A stale connection id cannot act for the peer.
    assert_eq!(rooms.recipients("r", "a", 99, Target::Others).err(), Some(SendError::NotMember));
    assert!(!rooms.leave("r", "a", 99));
    assert!(rooms.leave("r", "a", 1));
    assert_eq!(types(&q2), ["peer-left:a"]);
    assert!(rooms.leave("r", "b", 2));
    assert_eq!(rooms.room_count(), 0);
}

#[test]
fn directed_recipients() {
    let rooms = rooms(10, 10);
    let (m1, _q1) = member(1, 1, 8);
    let (m2, _q2) = member(2, 2, 8);
    rooms.join("r", "a", m1, false).unwrap();
    rooms.join("r", "b", m2, false).unwrap();
    let d = rooms.recipients("r", "a", 1, Target::Peer("b")).unwrap();
    assert_eq!(d.local.len(), 1);
    assert_eq!(d.local[0].conn, 2);
    assert_eq!(rooms.recipients("r", "a", 1, Target::Peer("zed")).err(), Some(SendError::UnknownPeer));
}

#[test]
fn replacement_kicks_old_connection() {
    let rooms = rooms(10, 10);
    let (m1, q1) = member(1, 1, 8);
    let (m2, q2) = member(2, 2, 8);
    let (m3, q3) = member(3, 1, 8);
    rooms.join("r", "a", m1, false).unwrap();
    rooms.join("r", "b", m2, false).unwrap();
    drain(&q1);
    drain(&q2);
    rooms.join("r", "a", m3, false).unwrap();
    assert!(matches!(
        q1.try_pop(),
        Some(Pop::Close(Closing::Error { code: ErrorCode::Replaced, close_code: 4001, .. }))
    ));
    assert_eq!(types(&q2), ["peer-left:a", "peer-joined:a"]);
    assert_eq!(types(&q3), ["joined:a"]);
    // The old connection's late leave must not remove the new one.
    assert!(!rooms.leave("r", "a", 1));
    assert_eq!(rooms.peer_count("r"), 2);
}

#[test]
fn a_member_not_reading_presence_is_dropped() {
    let rooms = rooms(10, 100);
    let (m1, q1) = member(1, 1, 2);
    rooms.join("r", "idle", m1, false).unwrap();
    // Its bound is 2 (presence may use twice that): the 4th newcomer overflows it.
    let mut queues = Vec::new();
    for i in 0..4u8 {
        let (m, q) = member(10 + u64::from(i), 10 + i, 64);
        rooms.join("r", &format!("p{i}"), m, false).unwrap();
        queues.push(q);
    }
    assert_eq!(drain(&q1).last(), Some(&None), "closed");
    assert!(types(&queues[0]).contains(&"peer-left:idle".to_owned()));
    assert_eq!(rooms.peer_count("r"), 4);
}

#[test]
fn drop_slow_removes_only_the_current_connection() {
    let rooms = rooms(10, 10);
    let (m1, _q1) = member(1, 1, 8);
    let (m2, q2) = member(2, 2, 8);
    rooms.join("r", "a", m1, false).unwrap();
    rooms.join("r", "b", m2, false).unwrap();
    rooms.drop_slow("r", "b", 99);
    assert_eq!(rooms.peer_count("r"), 2);
    rooms.drop_slow("r", "b", 2);
    assert_eq!(rooms.peer_count("r"), 1);
    assert!(matches!(drain(&q2).last(), Some(None)));
}

#[test]
fn limits() {
    let rooms = rooms(1, 1);
    let (m1, _q1) = member(1, 1, 8);
    let (m2, _q2) = member(2, 2, 8);
    let (m3, _q3) = member(3, 3, 8);
    let (m4, _q4) = member(4, 1, 8);
    rooms.join("r", "a", m1, false).unwrap();
    assert_eq!(rooms.join("r", "b", m2, false).err(), Some(JoinError::RoomFull));
    assert_eq!(rooms.join("s", "b", m3, false).err(), Some(JoinError::TooManyRooms));
    // Replacing does not count against the room size.
    rooms.join("r", "a", m4, false).unwrap();
    assert!(rooms.leave("r", "a", 4));
    assert_eq!(rooms.room_count(), 0);
}

#[test]
fn a_bound_id_refuses_another_key_and_keeps_its_connection() {
    let rooms = rooms(10, 10);
    let (m1, q1) = member(1, 1, 8);
    let (m2, q2) = member(2, 2, 8);
    rooms.join("r", "a", m1, false).unwrap();
    rooms.join("r", "b", m2, false).unwrap();
    drain(&q1);
    drain(&q2);
    let (impostor, qi) = member(3, 3, 8);
    assert_eq!(rooms.join("r", "a", impostor, false).err(), Some(JoinError::KeyMismatch));
    assert!(drain(&q1).is_empty(), "the owner was not kicked");
    assert!(drain(&q2).is_empty(), "nobody heard of the attempt");
    assert!(drain(&qi).is_empty());
    assert!(rooms.recipients("r", "a", 1, Target::Others).is_ok());
    // The binding outlives the owner's connection while the room lives.
    assert!(rooms.leave("r", "a", 1));
    let (impostor, _) = member(4, 3, 8);
    assert_eq!(rooms.join("r", "a", impostor, false).err(), Some(JoinError::KeyMismatch));
    let (owner, _) = member(5, 1, 8);
    rooms.join("r", "a", owner, false).unwrap();
    // A binding confirmed by the cluster overrides the local table.
    let (other, _) = member(6, 3, 8);
    rooms.join("r", "a", other, true).unwrap();
}
