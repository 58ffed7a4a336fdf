//! Wire format: JSON text frames, tagged by `"type"`.
//!
//! The relay is untrusted: protocol payloads (`data`) are end-to-end signed by
//! the signers, so here they are only checked to be well-formed base64 and then
//! forwarded verbatim. Everything in this module is pure (no I/O) so it can be
//! unit tested and fuzzed in isolation.

use std::borrow::Cow;
use std::fmt;

use base64::Engine as _;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

/// Largest accepted `signal` payload (WebRTC offer/answer/ICE), measured as
/// compact JSON. Real SDP blobs are a few KiB.
pub const MAX_SIGNAL_BYTES: usize = 64 * 1024;

/// Longest room or peer id.
pub const MAX_NAME_LEN: usize = 64;

/// A frame sent by a browser tab to the relay.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ClientFrame {
    /// Must be the first frame; puts the connection into `room` as `peer`,
    /// proving the key `pubkey` by a BIP-340 `signature` over this
    /// connection's challenge (see [`crate::auth`]).
    Join { room: String, peer: String, pubkey: String, signature: String },
    /// Forward `data` (base64) to every other peer in the room.
    Broadcast { data: String },
    /// Forward `data` (base64) to one peer.
    Send { to: String, data: String },
    /// Forward an opaque JSON value (WebRTC signalling) to one peer.
    Signal { to: String, signal: serde_json::Value },
    /// Application-level liveness check; answered with `pong`. (A struct
    /// variant so that `deny_unknown_fields` applies to it too.)
    Ping {},
}

/// One entry of the `joined.peers` list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerInfo {
    pub peer: String,
    /// The key the peer proved at join (compressed point, lowercase hex).
    pub pubkey: String,
}

/// A frame sent by the relay to a browser tab.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
        signal: &'a serde_json::Value,
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
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rejected input: the code for the error frame plus a human explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub code: ErrorCode,
    pub message: String,
}

impl Rejection {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Rejection { code, message: message.into() }
    }

    /// The error frame to send back to the offending connection.
    pub fn to_frame(&self) -> String {
        ServerFrame::Error { code: self.code, message: &self.message }.to_json()
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

/// Cheap first pass over a frame, run before the real parse.
///
/// serde's internally tagged enums buffer every field of the object into an
/// in-memory tree before choosing the variant; a 32 MiB frame full of tiny
/// JSON values would expand ~16x. This pass borrows strings, skips values
/// without allocating, and rejects unknown fields and non-string fields, so the
/// only value that can reach that buffering is `signal`, which is size-checked
/// first.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope<'a> {
    #[serde(rename = "type", borrow)]
    ty: Cow<'a, str>,
    #[serde(default, borrow)]
    room: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    peer: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pubkey: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    signature: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    to: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    data: Option<Cow<'a, str>>,
    #[serde(default)]
    signal: Option<IgnoredAny>,
}

/// Slack allowed around the `signal` value in a signal frame (type, `to`,
/// whitespace), so oversized signals are refused before being parsed into a tree.
const SIGNAL_FRAME_OVERHEAD: usize = 4 * 1024;

/// Parses and validates one client text frame.
///
/// Checks the shape and the base64 of `data`; room/peer/pubkey syntax is
/// checked by [`validate_join`] because those errors have their own codes.
pub fn parse_client_frame(text: &str) -> Result<ClientFrame, Rejection> {
    let env: Envelope<'_> =
        serde_json::from_str(text).map_err(|e| Rejection::new(ErrorCode::BadFrame, format!("invalid frame: {e}")))?;
    // Fields only checked for their type in the envelope; silence dead-code lints.
    let _ = (&env.room, &env.peer, &env.pubkey, &env.signature, &env.to, &env.data);
    if env.signal.is_some() {
        if env.ty != "signal" {
            return Err(Rejection::new(
                ErrorCode::BadFrame,
                format!("unexpected field `signal` in `{}` frame", env.ty),
            ));
        }
        if text.len() > MAX_SIGNAL_BYTES + SIGNAL_FRAME_OVERHEAD {
            return Err(signal_too_large(text.len()));
        }
    }
    let frame: ClientFrame =
        serde_json::from_str(text).map_err(|e| Rejection::new(ErrorCode::BadFrame, format!("invalid frame: {e}")))?;
    match &frame {
        ClientFrame::Broadcast { data } | ClientFrame::Send { data, .. } => {
            if !is_valid_base64(data) {
                return Err(Rejection::new(
                    ErrorCode::BadFrame,
                    "`data` is not valid base64 (standard alphabet, padded)",
                ));
            }
        }
        ClientFrame::Signal { signal, .. } => {
            let len = serde_json::to_string(signal).map(|s| s.len()).unwrap_or(usize::MAX);
            if len > MAX_SIGNAL_BYTES {
                return Err(signal_too_large(len));
            }
        }
        ClientFrame::Join { .. } | ClientFrame::Ping {} => {}
    }
    Ok(frame)
}

fn signal_too_large(len: usize) -> Rejection {
    Rejection::new(ErrorCode::SignalTooLarge, format!("signal is {len} bytes, limit is {MAX_SIGNAL_BYTES}"))
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
mod tests {
    use super::*;
    use base64::engine::general_purpose::STANDARD;

    #[test]
    fn base64_matches_full_decoder() {
        let mut cases: Vec<String> = vec![
            "".into(),
            "QQ==".into(),
            "QUI=".into(),
            "QUJD".into(),
            "QQ==QUJD".into(),
            "QQ=".into(),
            "Q===".into(),
            "QR==".into(), // non-canonical trailing bits
            "QUJD\n".into(),
            "QU JD".into(),
            "QUJD-_==".into(),
            "====".into(),
        ];
        // Long strings crossing the chunk boundary, with padding/garbage at
        // every interesting position.
        for n in [3070usize, 3071, 3072, 3073, 6144, 6145, 10_000] {
            let payload: Vec<u8> = (0..n).map(|i| (i * 7 % 251) as u8).collect();
            let good = STANDARD.encode(&payload);
            cases.push(good.clone());
            for pos in [0, 4093, 4094, 4095, 4096, 4097, good.len() - 3, good.len() - 1] {
                if pos < good.len() {
                    for c in ['=', '*', 'A'] {
                        let mut bad = good.clone().into_bytes();
                        bad[pos] = c as u8;
                        cases.push(String::from_utf8(bad).unwrap());
                    }
                }
            }
        }
        for case in &cases {
            assert_eq!(
                is_valid_base64(case),
                STANDARD.decode(case).is_ok(),
                "disagreement on {:?}",
                &case[..case.len().min(40)]
            );
        }
    }

    #[test]
    fn names() {
        assert!(is_valid_name("room-1_A"));
        assert!(is_valid_name(&"a".repeat(64)));
        assert!(!is_valid_name(&"a".repeat(65)));
        assert!(!is_valid_name(""));
        assert!(!is_valid_name("a b"));
        assert!(!is_valid_name("é"));
        assert!(!is_valid_name("../x"));
    }

    #[test]
    fn parses_every_client_frame() {
        assert_eq!(
            parse_client_frame(r#"{"type":"join","room":"r","peer":"p","pubkey":"ab","signature":"cd"}"#).unwrap(),
            ClientFrame::Join { room: "r".into(), peer: "p".into(), pubkey: "ab".into(), signature: "cd".into() }
        );
        assert_eq!(
            parse_client_frame(r#"{"type":"broadcast","data":"QQ=="}"#).unwrap(),
            ClientFrame::Broadcast { data: "QQ==".into() }
        );
        assert_eq!(
            parse_client_frame(r#"{"type":"send","to":"x","data":""}"#).unwrap(),
            ClientFrame::Send { to: "x".into(), data: "".into() }
        );
        assert_eq!(
            parse_client_frame(r#"{"type":"signal","to":"x","signal":{"sdp":[1,2]}}"#).unwrap(),
            ClientFrame::Signal { to: "x".into(), signal: serde_json::json!({"sdp":[1,2]}) }
        );
        assert_eq!(parse_client_frame(r#"{"type":"ping"}"#).unwrap(), ClientFrame::Ping {});
    }

    #[test]
    fn rejects_malformed_frames() {
        for bad in [
            "",
            "not json",
            "[]",
            "{}",
            r#"{"type":"nope"}"#,
            r#"{"type":"ping","extra":1}"#,
            r#"{"type":"ping","data":"QQ=="}"#,
            r#"{"type":"broadcast"}"#,
            r#"{"type":"broadcast","data":5}"#,
            r#"{"type":"broadcast","data":"not base64!"}"#,
            r#"{"type":"broadcast","data":"QQ==","signal":[0,0,0]}"#,
            r#"{"type":"send","data":"QQ=="}"#,
            r#"{"type":"join","room":"r"}"#,
            r#"{"type":"join","room":"r","peer":"p","pubkey":"ab"}"#,
            r#"{"type":"join","room":"r","peer":"p","signature":"ab"}"#,
            r#"{"type":"broadcast","data":"QQ==","data":"QQ=="}"#,
        ] {
            let err = parse_client_frame(bad).unwrap_err();
            assert_eq!(err.code, ErrorCode::BadFrame, "{bad}: {err}");
        }
    }

    #[test]
    fn rejects_large_signals() {
        let big = format!(r#"{{"type":"signal","to":"x","signal":"{}"}}"#, "a".repeat(MAX_SIGNAL_BYTES));
        assert_eq!(parse_client_frame(&big).unwrap_err().code, ErrorCode::SignalTooLarge);
        let huge = format!(r#"{{"type":"signal","to":"x","signal":[{}0]}}"#, "0,".repeat(MAX_SIGNAL_BYTES));
        assert_eq!(parse_client_frame(&huge).unwrap_err().code, ErrorCode::SignalTooLarge);
    }

    #[test]
    fn server_frames_serialize_to_documented_shape() {
        let peers = [PeerInfo { peer: "a".into(), pubkey: "02ab".into() }];
        assert_eq!(ServerFrame::Challenge { nonce: "00ff" }.to_json(), r#"{"type":"challenge","nonce":"00ff"}"#);
        assert_eq!(
            ServerFrame::Joined { room: "r", peer: "b", peers: &peers }.to_json(),
            r#"{"type":"joined","room":"r","peer":"b","peers":[{"peer":"a","pubkey":"02ab"}]}"#
        );
        assert_eq!(
            ServerFrame::PeerJoined { peer: "a", pubkey: "ab" }.to_json(),
            r#"{"type":"peer-joined","peer":"a","pubkey":"ab"}"#
        );
        assert_eq!(ServerFrame::PeerLeft { peer: "a" }.to_json(), r#"{"type":"peer-left","peer":"a"}"#);
        assert_eq!(
            ServerFrame::Message { from: "a", data: "QQ==" }.to_json(),
            r#"{"type":"message","from":"a","data":"QQ=="}"#
        );
        assert_eq!(ServerFrame::Pong.to_json(), r#"{"type":"pong"}"#);
        assert_eq!(
            Rejection::new(ErrorCode::RateLimited, "slow down").to_frame(),
            r#"{"type":"error","code":"rate-limited","message":"slow down"}"#
        );
        for code in [ErrorCode::BadFrame, ErrorCode::SlowConsumer, ErrorCode::ServerFull] {
            assert_eq!(serde_json::to_value(code).unwrap(), serde_json::Value::String(code.as_str().into()));
        }
    }
}
