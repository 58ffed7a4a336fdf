//! Client frames for tests, encoded by tungstenite even where the bits are
//! invalid. Shared by the unit tests of [`super::inbound`] and the
//! integration tests' raw client (`tests/common/raw.rs`, by `#[path]`).

use bytes::Bytes;
use tungstenite::protocol::frame::coding::OpCode;
use tungstenite::protocol::frame::{Frame, FrameHeader};

pub const FIN: u8 = 0x80;
pub const CONT: u8 = 0x0;
pub const TEXT: u8 = 0x1;
pub const BINARY: u8 = 0x2;
pub const PING: u8 = 0x9;

/// A masked client frame with first byte `first` (FIN, RSV, opcode).
pub fn frame(first: u8, payload: &[u8]) -> Vec<u8> {
    let header = FrameHeader {
        is_final: first & 0x80 != 0,
        rsv1: first & 0x40 != 0,
        rsv2: first & 0x20 != 0,
        rsv3: first & 0x10 != 0,
        opcode: OpCode::from(first & 0x0f),
        mask: Some([0xa1, 0xb2, 0xc3, 0xd4]),
    };
    let mut out = Vec::new();
    Frame::from_payload(header, Bytes::copy_from_slice(payload)).format(&mut out).expect("writes to a Vec");
    out
}
