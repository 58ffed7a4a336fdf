//! Server frames (RFC 6455 §5.2; unmasked), encoded once into shared bytes.
//!
//! A frame is built whole (header and payload) in one allocation, so a
//! broadcast to a hundred peers is one buffer referenced by a hundred
//! queues, written to each socket without copying. A frame built by a
//! client's input carries its [`Charge`] against the relay's memory budget,
//! released when the last queue lets go of it.

use bytes::Bytes;
use tungstenite::protocol::frame::coding::{Control, Data, OpCode};
use tungstenite::protocol::frame::FrameHeader;

use crate::budget::Charge;

/// Room left in front of the payload for the longest server frame header.
const HEADER_ROOM: usize = 10;

/// WebSocket close codes the relay sends (RFC 6455 §7.4, plus private ones).
pub mod close_code {
    pub const NORMAL: u16 = 1000;
    pub const GOING_AWAY: u16 = 1001;
    pub const PROTOCOL_ERROR: u16 = 1002;
    pub const INVALID_DATA: u16 = 1007;
    pub const POLICY: u16 = 1008;
    pub const TOO_BIG: u16 = 1009;
    pub const TRY_AGAIN_LATER: u16 = 1013;
    pub const REPLACED: u16 = 4001;
    pub const SLOW_CONSUMER: u16 = 4002;
}

/// A frame under construction: write the payload into [`body`](Self::body),
/// then [`finish`](Self::finish).
pub struct FrameBuf {
    buf: Vec<u8>,
}

struct Owned {
    buf: Vec<u8>,
    _charge: Option<Charge>,
}

impl AsRef<[u8]> for Owned {
    fn as_ref(&self) -> &[u8] {
        &self.buf
    }
}

impl FrameBuf {
    /// Room for a payload of about `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        let mut buf = Vec::with_capacity(HEADER_ROOM + capacity);
        buf.resize(HEADER_ROOM, 0);
        FrameBuf { buf }
    }

    pub fn body(&mut self) -> &mut Vec<u8> {
        &mut self.buf
    }

    /// The encoded frame; `charge` (if any) is released with the last copy.
    pub fn finish(mut self, opcode: OpCode, charge: Option<Charge>) -> Bytes {
        let payload_len = (self.buf.len() - HEADER_ROOM) as u64;
        let header = FrameHeader { opcode, ..FrameHeader::default() };
        let header_len = header.len(payload_len);
        let start = HEADER_ROOM - header_len;
        let mut slot = &mut self.buf[start..HEADER_ROOM];
        header.format(payload_len, &mut slot).expect("the header fits its slot");
        Bytes::from_owner(Owned { buf: self.buf, _charge: charge }).slice(start..)
    }
}

/// A text frame.
pub fn text(payload: &str) -> Bytes {
    let mut f = FrameBuf::with_capacity(payload.len());
    f.body().extend_from_slice(payload.as_bytes());
    f.finish(OpCode::Data(Data::Text), None)
}

fn control(control: Control, payload: &[u8]) -> Bytes {
    let mut f = FrameBuf::with_capacity(payload.len());
    f.body().extend_from_slice(&payload[..payload.len().min(125)]);
    f.finish(OpCode::Control(control), None)
}

pub fn ping() -> Bytes {
    control(Control::Ping, b"")
}

pub fn pong(payload: &[u8]) -> Bytes {
    control(Control::Pong, payload)
}

/// A close frame; the reason is cut to fit the 125-byte control payload.
pub fn close(code: u16, reason: &str) -> Bytes {
    let mut payload = code.to_be_bytes().to_vec();
    payload.extend_from_slice(crate::protocol::truncate(reason, 123).as_bytes());
    control(Control::Close, &payload)
}

/// The payload of an encoded server frame (for tests and the bench).
pub fn payload_of(frame: &[u8]) -> &[u8] {
    let mut cursor = std::io::Cursor::new(frame);
    match FrameHeader::parse(&mut cursor) {
        Ok(Some(_)) => &frame[cursor.position() as usize..],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::Budget;
    use std::io::Cursor;

    fn parse(frame: &[u8]) -> (FrameHeader, Vec<u8>) {
        let mut c = Cursor::new(frame);
        let (h, len) = FrameHeader::parse(&mut c).unwrap().unwrap();
        let body = frame[c.position() as usize..].to_vec();
        assert_eq!(body.len() as u64, len);
        (h, body)
    }

    #[test]
    fn frames_of_every_header_size_round_trip() {
        for n in [0usize, 1, 125, 126, 65_535, 65_536, 200_000] {
            let s = "x".repeat(n);
            let (h, body) = parse(&text(&s));
            assert!(h.is_final && h.mask.is_none());
            assert_eq!(h.opcode, OpCode::Data(Data::Text));
            assert_eq!(body, s.as_bytes());
        }
        let (h, body) = parse(&close(1009, &"é".repeat(100)));
        assert_eq!(h.opcode, OpCode::Control(Control::Close));
        assert!(body.len() <= 125);
        assert_eq!(&body[..2], &1009u16.to_be_bytes());
        assert!(std::str::from_utf8(&body[2..]).is_ok(), "cut on a char boundary");
        assert_eq!(parse(&pong(&[7; 200])).1.len(), 125);
    }

    #[test]
    fn the_charge_lives_as_long_as_the_last_copy() {
        let budget = Budget::new(1000);
        let mut f = FrameBuf::with_capacity(100);
        f.body().extend_from_slice(&[b'a'; 100]);
        let frame = f.finish(OpCode::Data(Data::Text), budget.try_charge(110));
        let copies: Vec<Bytes> = (0..50).map(|_| frame.clone()).collect();
        assert_eq!(budget.used(), 110, "shared, charged once");
        drop(frame);
        drop(copies);
        assert_eq!(budget.used(), 0);
    }
}
