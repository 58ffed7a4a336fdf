//! Signed ceremony control for the browser: the coordinator's `ControlIssuer`
//! and the signer's `CoordinatorTrust` (see `net::invitation` and
//! `state_machine::trust`).

use js_sys::{Object, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::util::{from_js, js_error, secret_from_bytes, to_js};
use crate::{
    crypto::{encoding, Point},
    net::{ControlError, ControlIssuer, Invitation, Request, SessionId, SignedControl},
    state_machine::{
        trust::{fingerprint, CoordinatorTrust, TrustBasis, TrustError},
        CeremonyConfig,
    },
};

#[wasm_bindgen(typescript_custom_section)]
const TS_CONTROL: &'static str = r#"
/** An invitation a signer took: the ceremony to join. */
export interface AdmittedInvitation {
  room: string; session: string; issuedAt: number; config: CeremonyConfig;
  coordinator: string; fingerprint: string; firstUse: boolean;
}
export interface TrustedCoordinator { key: string; fingerprint: string; basis: "Pinned" | "FirstUse" | "UserChoice"; }
/** What a directive asks (demonstrations of blame only). */
export type ControlRequest = "Behave" | { Misbehave: string };
/** An authenticated but not yet trusted view of a control message. */
export interface ControlSummary { kind: "Invitation" | "Directive"; room: string; session: string; coordinator: string; fingerprint: string; }
"#;

fn control_code(e: &ControlError) -> &'static str {
    match e {
        ControlError::TooLarge(_) => "too-large",
        ControlError::Decode(_) => "decode",
        ControlError::Version(_) => "version",
        ControlError::BadSignature => "bad-signature",
        ControlError::CoordinatorMismatch => "coordinator-mismatch",
        ControlError::Invalid(_) => "invalid",
    }
}

/// A `WstsError`; an untrusted key's error also carries `presented` (hex) and
/// `presentedFingerprint`, so a user can be asked whether to trust it.
fn trust_error(e: TrustError) -> JsValue {
    let code = match &e {
        TrustError::Control(c) => control_code(c),
        TrustError::Untrusted { .. } => "untrusted-coordinator",
        TrustError::WrongRoom { .. } => "wrong-room",
        TrustError::NotForMe(_) => "not-for-me",
        TrustError::WrongSession => "wrong-session",
        TrustError::Stale => "stale",
        TrustError::Replay => "replay",
        TrustError::Unexpected { .. } => "unexpected",
    };
    let err = js_error(code, &e);
    if let TrustError::Untrusted { presented, .. } = &e {
        let _ = Reflect::set(&err, &"presented".into(), &key_hex(presented).into());
        let _ = Reflect::set(&err, &"presentedFingerprint".into(), &fingerprint(presented).into());
    }
    err
}

fn key_hex(key: &Point) -> String {
    hex::encode(encoding::point_to_bytes(key))
}

fn point_from_hex(key: &str) -> Result<Point, JsValue> {
    let bytes = hex::decode(key).map_err(|_| js_error("bad-key", "a key must be hex"))?;
    encoding::point_from_bytes(&bytes).map_err(|e| js_error("bad-key", e))
}

fn session_from_hex(session: &str) -> Result<SessionId, JsValue> {
    let bytes = hex::decode(session).map_err(|_| js_error("bad-input", "a session id must be hex"))?;
    bytes.try_into().map_err(|_| js_error("bad-input", "a session id is 16 bytes"))
}

fn decode_saved<T: serde::de::DeserializeOwned + Serialize>(bytes: &[u8], what: &str) -> Result<T, JsValue> {
    encoding::from_bytes(bytes).map_err(|e| js_error("bad-state", format!("saved {what}: {e}")))
}

fn set(obj: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(obj, &key.into(), &value);
}

fn admitted_to_js(invitation: Invitation, coordinator: &Point, first_use: bool) -> Result<JsValue, JsValue> {
    let obj = Object::new();
    set(&obj, "room", invitation.room.into());
    set(&obj, "session", hex::encode(invitation.session).into());
    set(&obj, "issuedAt", (invitation.issued_at as f64).into());
    set(&obj, "config", to_js(&invitation.config)?);
    set(&obj, "coordinator", key_hex(coordinator).into());
    set(&obj, "fingerprint", fingerprint(coordinator).into());
    set(&obj, "firstUse", first_use.into());
    Ok(obj.into())
}

/// The coordinator's side: one session in one room, signing invitations and
/// numbered directives with the network secret passed to each call.
#[wasm_bindgen(js_name = ControlIssuer)]
pub struct WasmControlIssuer {
    inner: ControlIssuer,
}

#[wasm_bindgen(js_class = ControlIssuer)]
impl WasmControlIssuer {
    /// A new session (fresh random id) in `room`.
    #[wasm_bindgen(constructor)]
    pub fn new(room: &str) -> Result<WasmControlIssuer, JsValue> {
        let inner = ControlIssuer::new(room, &mut rand_core::OsRng).map_err(|e| js_error(control_code(&e), e))?;
        Ok(WasmControlIssuer { inner })
    }

    /// Restore from `save()`'s bytes: the same session, numbering on.
    pub fn restore(state: &[u8]) -> Result<WasmControlIssuer, JsValue> {
        Ok(WasmControlIssuer { inner: decode_saved(state, "control issuer")? })
    }

    /// No secret in it: the room, the session and the last directive's number.
    pub fn save(&self) -> Uint8Array {
        Uint8Array::from(&encoding::to_bytes(&self.inner)[..])
    }

    /// The session id (16 bytes, hex).
    #[wasm_bindgen(getter)]
    pub fn session(&self) -> String {
        hex::encode(self.inner.session())
    }

    /// An invitation to `config` (whose coordinator key must be this secret's),
    /// stamped `issuedAt` (ms since the epoch, e.g. `Date.now()`).
    pub fn invite(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CeremonyConfig")] config: JsValue,
        network_secret: &[u8],
        #[wasm_bindgen(js_name = issuedAt)] issued_at: f64,
    ) -> Result<Uint8Array, JsValue> {
        let config: CeremonyConfig = from_js(config, "config")?;
        let key = secret_from_bytes(network_secret)?;
        let signed = self
            .inner
            .invite(config, issued_at.max(0.0) as u64, &key, &mut rand_core::OsRng)
            .map_err(|e| js_error(control_code(&e), e))?;
        Ok(Uint8Array::from(&signed.to_bytes()[..]))
    }

    /// A directive to signer `signerId`: misbehave as `misbehaviour` says, or,
    /// with `undefined`, behave. For demonstrations of blame.
    pub fn direct(
        &mut self,
        #[wasm_bindgen(js_name = signerId)] signer_id: u32,
        misbehaviour: Option<String>,
        network_secret: &[u8],
    ) -> Result<Uint8Array, JsValue> {
        let key = secret_from_bytes(network_secret)?;
        let request = misbehaviour.map_or(Request::Behave, Request::Misbehave);
        let signed = self
            .inner
            .direct(signer_id, request, &key, &mut rand_core::OsRng)
            .map_err(|e| js_error(control_code(&e), e))?;
        Ok(Uint8Array::from(&signed.to_bytes()[..]))
    }
}

/// The signer's side: which coordinator key it takes control from.
#[wasm_bindgen(js_name = CoordinatorTrust)]
pub struct WasmCoordinatorTrust {
    inner: CoordinatorTrust,
}

#[wasm_bindgen(js_class = CoordinatorTrust)]
impl WasmCoordinatorTrust {
    /// Trust the first coordinator whose invitation lists this signer.
    #[wasm_bindgen(js_name = firstUse)]
    pub fn first_use(room: &str) -> WasmCoordinatorTrust {
        WasmCoordinatorTrust { inner: CoordinatorTrust::first_use(room) }
    }

    /// Trust only `key` (compressed, hex), e.g. from an invitation link.
    pub fn pinned(room: &str, key: &str) -> Result<WasmCoordinatorTrust, JsValue> {
        Ok(WasmCoordinatorTrust { inner: CoordinatorTrust::pinned(room, point_from_hex(key)?) })
    }

    pub fn restore(state: &[u8]) -> Result<WasmCoordinatorTrust, JsValue> {
        Ok(WasmCoordinatorTrust { inner: decode_saved(state, "coordinator trust")? })
    }

    /// No secret in it, but its integrity matters: store it with the key shares.
    pub fn save(&self) -> Uint8Array {
        Uint8Array::from(&encoding::to_bytes(&self.inner)[..])
    }

    /// The trusted key, or `undefined` before the first invitation.
    #[wasm_bindgen(unchecked_return_type = "TrustedCoordinator | undefined")]
    pub fn trusted(&self) -> JsValue {
        let Some(t) = self.inner.trusted() else { return JsValue::UNDEFINED };
        let obj = Object::new();
        set(&obj, "key", key_hex(&t.key).into());
        set(&obj, "fingerprint", fingerprint(&t.key).into());
        let basis = match t.basis {
            TrustBasis::Pinned => "Pinned",
            TrustBasis::FirstUse => "FirstUse",
            TrustBasis::UserChoice => "UserChoice",
        };
        set(&obj, "basis", basis.into());
        obj.into()
    }

    /// Take an invitation for signer `signerId` whose network key is `ownKey`
    /// (hex). Throws a `WstsError` (`untrusted-coordinator`, `bad-signature`,
    /// `stale`, `wrong-room`, `not-for-me`, ...) and changes nothing if refused.
    #[wasm_bindgen(js_name = acceptInvitation, unchecked_return_type = "AdmittedInvitation")]
    pub fn accept_invitation(
        &mut self,
        bytes: &[u8],
        #[wasm_bindgen(js_name = signerId)] signer_id: u32,
        #[wasm_bindgen(js_name = ownKey)] own_key: &str,
    ) -> Result<JsValue, JsValue> {
        let own = point_from_hex(own_key)?;
        let admitted = self.inner.accept_invitation(bytes, signer_id, &own).map_err(trust_error)?;
        admitted_to_js(admitted.invitation, &admitted.coordinator, admitted.first_use)
    }

    /// Take a directive for signer `signerId` in `session` (hex).
    #[wasm_bindgen(js_name = acceptDirective, unchecked_return_type = "ControlRequest")]
    pub fn accept_directive(
        &mut self,
        bytes: &[u8],
        #[wasm_bindgen(js_name = signerId)] signer_id: u32,
        session: &str,
    ) -> Result<JsValue, JsValue> {
        let session = session_from_hex(session)?;
        let request = self.inner.accept_directive(bytes, signer_id, &session).map_err(trust_error)?;
        to_js(&request)
    }

    /// The user's deliberate choice to trust `key` (hex) instead.
    #[wasm_bindgen(js_name = trustKey)]
    pub fn trust_key(&mut self, key: &str) -> Result<(), JsValue> {
        self.inner.trust_key(point_from_hex(key)?);
        Ok(())
    }
}

/// The fingerprint people compare for a network key (hex), e.g. `1a2b-3c4d-5e6f-7a8b`.
#[wasm_bindgen(js_name = keyFingerprint)]
pub fn key_fingerprint(key: &str) -> Result<String, JsValue> {
    Ok(fingerprint(&point_from_hex(key)?))
}

/// Authenticate a control message without trusting its key: who signed what,
/// for showing a user what was refused.
#[wasm_bindgen(js_name = readControl, unchecked_return_type = "ControlSummary")]
pub fn read_control(bytes: &[u8]) -> Result<JsValue, JsValue> {
    let signed = SignedControl::from_bytes(bytes).map_err(|e| js_error(control_code(&e), e))?;
    let obj = Object::new();
    set(&obj, "kind", signed.control().name().into());
    set(&obj, "room", signed.control().room().into());
    set(&obj, "session", hex::encode(signed.control().session()).into());
    set(&obj, "coordinator", key_hex(signed.coordinator()).into());
    set(&obj, "fingerprint", fingerprint(signed.coordinator()).into());
    Ok(obj.into())
}
