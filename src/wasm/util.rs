//! Conversions between Rust and JS, errors with stable codes, and keys.

use js_sys::{Object, Reflect, Uint8Array};
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::prelude::*;

use crate::{
    crypto::{base_mul, encoding::point_to_bytes, secret::SecretScalar, Scalar},
    state_machine::{Destination, StateError, Transmit},
};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Key ids held by each signer (signer ids 0.., key ids 1..). */
export interface KeyConfig {
  scheme: "V1" | "V2";
  threshold: number;
  dkg_threshold: number;
  signers: Record<string, number[]>;
}
/** Network public keys (33-byte compressed, hex). */
export interface NetworkKeys { coordinator: string; signers: string[]; }
export interface CeremonyConfig { keys: KeyConfig; network: NetworkKeys; }
export type SignatureType =
  | "Frost" | "Schnorr" | { Taproot: { merkle_root: string | null } };
/** A packet to send: to the coordinator, one signer, or every signer. */
export interface Transmit { to: "coordinator" | "all" | number; message: string; bytes: Uint8Array; }
export interface NetworkKeyPair { secret: Uint8Array; public: string; }
/** Thrown errors carry a stable `code`, e.g. "bad-signature", "replay", "duplicate". */
export interface WstsError extends Error { code: string; }
export type Offence = "BadPublicShares" | "WithheldPrivateShares" | "BadPrivateShares"
  | "Equivocation" | "FalseAccusation" | "BadSignatureShare" | "WrongGroupKey" | "BadConstantTerm"
  | "BadRepairCommitments" | "BadRepairPieces" | "BadRepairSum";
export interface Finding { signer: number; offence: Offence; }
/** A signer's complaint, as reported in DkgEnd (evidence included). */
export type DkgEndFailure = { Shares: unknown[] } | { Equivocation: { signer: number; packet: string } }
  | { BadState: string } | "Threshold";
export type SignerEvent =
  | { DkgComplete: { dkg_id: number; group_key: string } }
  | { DkgFailed: { dkg_id: number; failure: DkgEndFailure } }
  | { Reshared: { dkg_id: number; epoch: number; group_key: string } }
  | { EpochConfirmed: { dkg_id: number; epoch: number } }
  | { EpochRolledBack: { dkg_id: number; epoch: number } }
  | { Retired: { dkg_id: number; epoch: number } }
  | { Repaired: { repair_id: number; dkg_id: number; epoch: number } }
  | { Signed: { sign_id: number; sign_iter_id: number } };
export type Signature = { Frost: { r: string; z: string } } | { Schnorr: string };
export type CoordinatorEvent =
  | { DkgAttempt: { dkg_id: number; ok: boolean; reported_failures: [number, DkgEndFailure][]; malicious: Finding[]; unresponsive: number[] } }
  | { DkgComplete: { dkg_id: number; group_key: string; signers: number[] } }
  | { Reshared: { dkg_id: number; epoch: number; group_key: string; signers: number[] } }
  | { ReshareStarted: { epoch: number } }
  | { DkgFailed: { attempts: number; reason: string } }
  | { SignAttempt: { sign_id: number; sign_iter_id: number; ok: boolean; malicious: Finding[]; unresponsive: number[] } }
  | { Signature: { sign_id: number; sign_iter_id: number; message: string; sig_type: SignatureType; signature: Signature; verify_key: string; signers_used: number[]; sessions: number } }
  | { SigningFailed: { sign_id: number; attempts: number; reason: string } }
  | { RepairAttempt: RepairAttemptReport }
  | { Repaired: { repair_id: number; signer: number; helpers: number[] } }
  | { RepairFailed: { signer: number; attempts: number; reason: string } };
"#;

/// A JS `Error` with a stable `code` property.
pub fn js_error(code: &str, message: impl std::fmt::Display) -> JsValue {
    let err = js_sys::Error::new(&message.to_string());
    let _ = Reflect::set(&err, &"code".into(), &code.into());
    err.into()
}

pub fn state_error(e: StateError) -> JsValue {
    use crate::net::PacketError as P;
    let code = match &e {
        StateError::Packet(P::TooLarge(_)) => "too-large",
        StateError::Packet(P::Decode(_)) => "decode",
        StateError::Packet(P::Version(_)) => "version",
        StateError::Packet(P::UnknownSender(_)) => "unknown-sender",
        StateError::Packet(P::BadSignature(_)) => "bad-signature",
        StateError::Packet(P::WrongSender { .. }) => "wrong-sender",
        StateError::Config(_) => "config",
        StateError::SavedState(_) => "saved-state",
        StateError::WrongDkgRound { .. } => "wrong-dkg-round",
        StateError::WrongSignRound { .. } => "wrong-sign-round",
        StateError::Replay { .. } => "replay",
        StateError::Duplicate { .. } => "duplicate",
        StateError::Unexpected { .. } => "unexpected",
        StateError::NotParticipating { .. } => "not-participating",
        StateError::Invalid { .. } => "invalid",
        StateError::NoKey => "no-key",
        StateError::Busy(_) => "busy",
        StateError::NonceSpent { .. } => "nonce-spent",
        StateError::UnexpectedGroupKey { .. } => "unexpected-group-key",
        StateError::Repair(_) => "repair",
    };
    js_error(code, e)
}

/// Serialize to a plain JS object through JSON: points and bytes as hex
/// strings, and maps with integer keys (signer ids) as objects with string
/// keys. (serde-wasm-bindgen can't write integer keys as object keys, nor read
/// them back, so JSON is the one shape both directions agree on.)
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|e| js_error("serialize", e))?;
    js_sys::JSON::parse(&json)
}

/// Read a plain JS object. Through JSON, like [`to_js`], so that whatever
/// `to_js` produced (objects with numeric string keys included) reads back.
pub fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    let json = js_sys::JSON::stringify(&value)
        .map_err(|_| js_error("bad-input", format!("{what}: not JSON-serializable")))?
        .as_string()
        .ok_or_else(|| js_error("bad-input", format!("{what}: missing")))?;
    serde_json::from_str(&json).map_err(|e| js_error("bad-input", format!("{what}: {e}")))
}

pub fn transmit_to_js(t: Transmit) -> JsValue {
    let obj = Object::new();
    let to: JsValue = match t.to {
        Destination::Coordinator => "coordinator".into(),
        Destination::AllSigners => "all".into(),
        Destination::Signer(s) => s.into(),
    };
    let _ = Reflect::set(&obj, &"to".into(), &to);
    let _ = Reflect::set(&obj, &"message".into(), &t.message.into());
    let _ = Reflect::set(&obj, &"bytes".into(), &Uint8Array::from(&t.bytes[..]).into());
    obj.into()
}

/// JS time (ms, possibly fractional) to the state machines' clock.
pub fn millis(now: f64) -> u64 {
    if now.is_finite() && now > 0.0 {
        now as u64
    } else {
        0
    }
}

pub fn secret_from_bytes(bytes: &[u8]) -> Result<SecretScalar, JsValue> {
    let s = crate::crypto::encoding::scalar_from_bytes(bytes).map_err(|e| js_error("bad-key", e))?;
    if s == Scalar::from(0) {
        return Err(js_error("bad-key", "the zero key"));
    }
    Ok(SecretScalar::new(s))
}

/// A fresh network key pair for signing packets, from the browser's CSPRNG.
#[wasm_bindgen(js_name = generateNetworkKey, unchecked_return_type = "NetworkKeyPair")]
pub fn generate_network_key() -> JsValue {
    let secret = SecretScalar::random(&mut rand_core::OsRng);
    let obj = Object::new();
    let _ = Reflect::set(&obj, &"secret".into(), &Uint8Array::from(&secret.expose().to_bytes()[..]).into());
    let public = hex::encode(point_to_bytes(&base_mul(secret.expose())));
    let _ = Reflect::set(&obj, &"public".into(), &public.into());
    obj.into()
}

/// The compressed public key (hex) of a network secret key.
#[wasm_bindgen(js_name = networkPublicKey)]
pub fn network_public_key(secret: &[u8]) -> Result<String, JsValue> {
    let s = secret_from_bytes(secret)?;
    Ok(hex::encode(point_to_bytes(&base_mul(s.expose()))))
}

/// A key configuration with key ids spread evenly over signers.
#[wasm_bindgen(js_name = evenKeyConfig, unchecked_return_type = "KeyConfig")]
pub fn even_key_config(
    signers: u32,
    keys: u32,
    threshold: u32,
    dkg_threshold: u32,
    v1: bool,
) -> Result<JsValue, JsValue> {
    let scheme = if v1 { crate::config::Scheme::V1 } else { crate::config::Scheme::V2 };
    let config = crate::config::Config::evenly(scheme, signers, keys, threshold, dkg_threshold)
        .map_err(|e| js_error("config", e))?;
    to_js(&config)
}

/// A key configuration where signer `i` holds `weights[i]` key ids
/// (uneven weights; thresholds count key ids).
#[wasm_bindgen(js_name = weightedKeyConfig, unchecked_return_type = "KeyConfig")]
pub fn weighted_key_config(
    weights: Vec<u32>,
    threshold: u32,
    dkg_threshold: u32,
    v1: bool,
) -> Result<JsValue, JsValue> {
    let scheme = if v1 { crate::config::Scheme::V1 } else { crate::config::Scheme::V2 };
    let config = crate::config::Config::from_weights(scheme, &weights, threshold, dkg_threshold)
        .map_err(|e| js_error("config", e))?;
    to_js(&config)
}
