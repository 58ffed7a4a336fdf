//! `signRelayJoin`: the browser's answer to the relay's join challenge
//! (see `crate::net::relay_auth`).

use wasm_bindgen::prelude::*;

use super::util::{js_error, secret_from_bytes};
use crate::net::relay_auth::{parse_relay_nonce, sign_relay_join};

/// Signs the join of `room` as `peer` for the relay's challenge `nonceHex`
/// with the network `secret`; returns the 64-byte BIP-340 signature as hex.
/// Errors carry the code `bad-key`, `bad-nonce` or `bad-id`.
#[wasm_bindgen(js_name = signRelayJoin)]
pub fn sign_relay_join_js(secret: &[u8], nonce_hex: &str, room: &str, peer: &str) -> Result<String, JsValue> {
    let secret = secret_from_bytes(secret)?;
    let nonce = parse_relay_nonce(nonce_hex).map_err(|e| js_error("bad-nonce", e))?;
    let sig = sign_relay_join(&secret, &nonce, room, peer, &mut rand_core::OsRng).map_err(|e| js_error("bad-id", e))?;
    Ok(hex::encode(sig.0))
}
