//! Parsing client frames in one borrowed pass.
//!
//! serde's internally tagged enums buffer every field into an in-memory tree
//! before choosing the variant (a 32 MiB frame of tiny JSON values would
//! expand ~16x), and would copy `data`. Instead, one flat struct borrows every
//! string field and keeps `signal` as raw JSON text; each frame type then
//! checks which fields it needs and refuses the rest.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{is_valid_base64, ClientFrame, ErrorCode, Rejection, MAX_SIGNAL_BYTES};

/// A JSON string, borrowed from the frame unless it had escapes. (serde
/// borrows a `Cow` field only when it is not inside an `Option`.)
#[derive(Deserialize)]
struct Text<'a>(#[serde(borrow)] Cow<'a, str>);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope<'a> {
    #[serde(rename = "type", borrow)]
    ty: Cow<'a, str>,
    #[serde(default, borrow)]
    room: Option<Text<'a>>,
    #[serde(default, borrow)]
    peer: Option<Text<'a>>,
    #[serde(default, borrow)]
    pubkey: Option<Text<'a>>,
    #[serde(default, borrow)]
    signature: Option<Text<'a>>,
    #[serde(default, borrow)]
    to: Option<Text<'a>>,
    #[serde(default, borrow)]
    data: Option<Text<'a>>,
    #[serde(default, borrow)]
    signal: Option<&'a RawValue>,
}

fn bad(message: impl Into<String>) -> Rejection {
    Rejection::new(ErrorCode::BadFrame, message)
}

impl<'a> Envelope<'a> {
    /// Names of the fields present, in declaration order.
    fn present(&self) -> impl Iterator<Item = &'static str> + '_ {
        [
            ("room", self.room.is_some()),
            ("peer", self.peer.is_some()),
            ("pubkey", self.pubkey.is_some()),
            ("signature", self.signature.is_some()),
            ("to", self.to.is_some()),
            ("data", self.data.is_some()),
            ("signal", self.signal.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, present)| present.then_some(name))
    }

    /// Refuses fields outside `allowed` for this frame type.
    fn only(&self, allowed: &[&str]) -> Result<(), Rejection> {
        match self.present().find(|f| !allowed.contains(f)) {
            Some(field) => Err(bad(format!("unexpected field `{field}` in a `{}` frame", self.ty))),
            None => Ok(()),
        }
    }

    fn into_frame(self) -> Result<ClientFrame<'a>, Rejection> {
        fn need<T>(field: Option<T>, name: &str, ty: &str) -> Result<T, Rejection> {
            field.ok_or_else(|| bad(format!("missing field `{name}` in a `{ty}` frame")))
        }
        fn text<'b>(field: Option<Text<'b>>, name: &str, ty: &str) -> Result<Cow<'b, str>, Rejection> {
            need(field, name, ty).map(|t| t.0)
        }
        let ty = self.ty.as_ref();
        Ok(match ty {
            "join" => {
                self.only(&["room", "peer", "pubkey", "signature"])?;
                ClientFrame::Join {
                    room: text(self.room, "room", ty)?,
                    peer: text(self.peer, "peer", ty)?,
                    pubkey: text(self.pubkey, "pubkey", ty)?,
                    signature: text(self.signature, "signature", ty)?,
                }
            }
            "broadcast" => {
                self.only(&["data"])?;
                ClientFrame::Broadcast { data: text(self.data, "data", ty)? }
            }
            "send" => {
                self.only(&["to", "data"])?;
                ClientFrame::Send { to: text(self.to, "to", ty)?, data: text(self.data, "data", ty)? }
            }
            "signal" => {
                self.only(&["to", "signal"])?;
                ClientFrame::Signal { to: text(self.to, "to", ty)?, signal: need(self.signal, "signal", ty)? }
            }
            "ping" => {
                self.only(&[])?;
                ClientFrame::Ping
            }
            other => return Err(bad(format!("unknown frame type {other:?}"))),
        })
    }
}

/// Parses and validates one client text frame.
///
/// Checks the shape, the base64 of `data` and the size of `signal`;
/// room/peer/key syntax is checked at join because those errors have their
/// own codes.
pub fn parse_client_frame(text: &str) -> Result<ClientFrame<'_>, Rejection> {
    let env: Envelope<'_> = serde_json::from_str(text).map_err(|e| bad(format!("invalid frame: {e}")))?;
    let frame = env.into_frame()?;
    match &frame {
        ClientFrame::Broadcast { data } | ClientFrame::Send { data, .. } if !is_valid_base64(data) => {
            Err(bad("`data` is not valid base64 (standard alphabet, padded)"))
        }
        ClientFrame::Signal { signal, .. } if signal.get().len() > MAX_SIGNAL_BYTES => Err(Rejection::new(
            ErrorCode::SignalTooLarge,
            format!("signal is {} bytes, limit is {MAX_SIGNAL_BYTES}", signal.get().len()),
        )),
        _ => Ok(frame),
    }
}
