//! Wire format: JSON text frames, tagged by `"type"` (relay/README.md).
//!
//! The relay is untrusted: protocol payloads (`data`) are end-to-end signed by
//! the signers, so here they are only checked to be well-formed base64 and then
//! forwarded verbatim. Everything in this module is pure (no I/O) so it can be
//! unit tested and fuzzed in isolation.

use std::borrow::Cow;
use std::fmt;

use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

mod parse;

pub use parse::parse_client_frame;

/// Largest accepted `signal` payload (WebRTC offer/answer/ICE), as sent.
/// Real SDP blobs are a few KiB.
pub const MAX_SIGNAL_BYTES: usize = 64 * 1024;

/// Longest room or peer id.
pub const MAX_NAME_LEN: usize = 64;

/// A frame sent by a browser tab to the relay, borrowing from its text so a
/// large `data` is never copied before it is forwarded.
#[derive(Debug, Clone)]
pub enum ClientFrame<'a> {
    /// Must be the first frame; puts the connection into `room` as `peer`,
    /// proving the key `pubkey` by a BIP-340 `signature` over this
    /// connection's challenge (see [`crate::auth`]).
    Join { room: Cow<'a, str>, peer: Cow<'a, str>, pubkey: Cow<'a, str>, signature: Cow<'a, str> },
    /// Forward `data` (base64) to every other peer in the room.
    Broadcast { data: Cow<'a, str> },
    /// Forward `data` (base64) to one peer.
    Send { to: Cow<'a, str>, data: Cow<'a, str> },
    /// Forward an opaque JSON value (WebRTC signalling) to one peer, as sent.
    Signal { to: Cow<'a, str>, signal: &'a RawValue },
    /// Application-level liveness check; answered with `pong`.
    Ping,
}

/// One entry of the `joined.peers` list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerInfo {
    pub peer: String,
    /// The key the peer proved at join (compressed point, lowercase hex).
    pub pubkey: String,
}

/// A frame sent by the relay to a browser tab.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ServerFrame<'a> {
    /// The first frame of every connection: the nonce a `join` must sign.
    Challenge {
        nonce: &'a str,
    },
    Joined {
        room: &'a str,
        peer: &'a str,
        peers: &'a [PeerInfo],
    },
    PeerJoined {
        peer: &'a str,
        pubkey: &'a str,
    },
    PeerLeft {
        peer: &'a str,
    },
    Message {
        from: &'a str,
        data: &'a str,
    },
    Signal {
        from: &'a str,
        signal: &'a RawValue,
    },
    Pong,
    Error {
        code: ErrorCode,
        message: &'a str,
    },
}

impl ServerFrame<'_> {
    /// Serializes the frame. Cannot fail: every field is a string, a list of
    /// strings or an already-valid JSON value.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("server frames always serialize")
    }

    /// Serializes the frame into `out`.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        serde_json::to_writer(out, self).expect("server frames always serialize")
    }
}

/// Stable, machine-readable error codes. Clients switch on these; the
/// accompanying `message` is for humans and may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// Unparseable JSON, unknown `type`, missing/extra fields, bad base64, or
    /// a binary frame.
    BadFrame,
    /// A non-`join` frame (other than `ping`) before joining.
    NotJoined,
    /// A second `join` on the same connection.
    AlreadyJoined,
    BadRoom,
    BadPeer,
    /// `pubkey` is not 66 hex chars of a compressed secp256k1 point.
    BadPubkey,
    /// The join signature does not verify under `pubkey` for this connection's challenge.
    BadSignature,
    /// The peer id is bound to another key; the existing connection stays.
    PeerKeyMismatch,
    /// `send`/`signal` to a peer that is not in the room.
    UnknownPeer,
    /// The WebSocket message exceeded `--max-frame-bytes`; the connection is closed.
    FrameTooLarge,
    /// A `signal` value larger than [`MAX_SIGNAL_BYTES`]; dropped, connection kept.
    SignalTooLarge,
    /// Over the per-connection message rate; the frame was dropped.
    RateLimited,
    /// The room already holds `--max-peers-per-room` peers.
    RoomFull,
    /// Too many connections (connection closed) or too many rooms (join refused).
    ServerFull,
    /// Another connection joined with the same room and peer id; this one is closed.
    Replaced,
    /// This connection did not read its messages fast enough and was dropped.
    SlowConsumer,
    /// Broken WebSocket framing or a text message that is not UTF-8; closed (1002 or 1007).
    ProtocolError,
    /// A message was not complete within `--message-timeout-secs`; closed (1008).
    MessageTimeout,
    /// The relay's memory budget stayed exhausted; closed (1013).
    ServerBusy,
}

impl ErrorCode {
    /// The kebab-case wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::BadFrame => "bad-frame",
            ErrorCode::NotJoined => "not-joined",
            ErrorCode::AlreadyJoined => "already-joined",
            ErrorCode::BadRoom => "bad-room",
            ErrorCode::BadPeer => "bad-peer",
            ErrorCode::BadPubkey => "bad-pubkey",
            ErrorCode::BadSignature => "bad-signature",
            ErrorCode::PeerKeyMismatch => "peer-key-mismatch",
            ErrorCode::UnknownPeer => "unknown-peer",
            ErrorCode::FrameTooLarge => "frame-too-large",
            ErrorCode::SignalTooLarge => "signal-too-large",
            ErrorCode::RateLimited => "rate-limited",
            ErrorCode::RoomFull => "room-full",
            ErrorCode::ServerFull => "server-full",
            ErrorCode::Replaced => "replaced",
            ErrorCode::SlowConsumer => "slow-consumer",
            ErrorCode::ProtocolError => "protocol-error",
            ErrorCode::MessageTimeout => "message-timeout",
            ErrorCode::ServerBusy => "server-busy",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Longest human `message` in an error frame (and in the log line about it):
/// explanations may quote client input, which must not come back unbounded.
pub const MAX_MESSAGE_BYTES: usize = 256;

/// `text` cut to at most `max` bytes, on a char boundary.
pub fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A rejected input: the code for the error frame plus a human explanation
/// (at most [`MAX_MESSAGE_BYTES`]; JSON-escaped on the wire, and logged with
/// `{:?}` so control characters are escaped in logs too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub code: ErrorCode,
    pub message: String,
}

impl Rejection {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        let mut message = message.into();
        if message.len() > MAX_MESSAGE_BYTES {
            let keep = truncate(&message, MAX_MESSAGE_BYTES - '…'.len_utf8()).len();
            message.truncate(keep);
            message.push('…');
        }
        Rejection { code, message }
    }

    /// The error frame to send back to the offending connection.
    pub fn to_frame(&self) -> String {
        ServerFrame::Error { code: self.code, message: &self.message }.to_json()
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {:?}", self.code, self.message)
    }
}

/// True for 1..=64 chars of `[A-Za-z0-9_-]`: safe to log, to use as a map
/// key and to show in a UI without escaping.
pub fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_NAME_LEN
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Checks the ids of a `join` frame (the key and signature are checked by
/// [`crate::auth::verify_join`]).
pub fn validate_join(room: &str, peer: &str) -> Result<(), Rejection> {
    if !is_valid_name(room) {
        return Err(Rejection::new(ErrorCode::BadRoom, "room must be 1..64 chars of [A-Za-z0-9_-]"));
    }
    if !is_valid_name(peer) {
        return Err(Rejection::new(ErrorCode::BadPeer, "peer must be 1..64 chars of [A-Za-z0-9_-]"));
    }
    Ok(())
}

/// Validates standard, padded base64 without materializing the decoded bytes
/// (frames may be tens of MiB), by decoding 4 KiB chunks into a stack buffer.
///
/// Chunks are multiples of 4 chars, so each decodes independently; padding is
/// only legal in the final 2 chars, which is checked up front so a chunk that
/// happens to end in `=` cannot pass on its own.
pub fn is_valid_base64(s: &str) -> bool {
    const CHUNK: usize = 4096;
    let bytes = s.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return false;
    }
    let body = &bytes[..bytes.len().saturating_sub(2)];
    if body.contains(&b'=') {
        return false;
    }
    let mut buf = [0u8; CHUNK / 4 * 3];
    bytes.chunks(CHUNK).all(|chunk| base64::engine::general_purpose::STANDARD.decode_slice(chunk, &mut buf).is_ok())
}

#[cfg(test)]
mod tests;
