//! `Coordinator` for the browser: can run in a tab, settling blame locally.

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;

use super::util::*;
use crate::{
    crypto::signing::SignatureType,
    state_machine::{
        coordinator::{Coordinator, Policy, RetryPolicy, Timeouts},
        CeremonyConfig,
    },
};

#[wasm_bindgen(js_name = Coordinator)]
pub struct WasmCoordinator {
    pub(super) inner: Coordinator,
}

#[wasm_bindgen(typescript_custom_section)]
const TS_COORDINATOR: &'static str = r#"
export interface Timeouts { dkg_public: number; dkg_private: number; dkg_end: number; nonce: number; signature_share: number; }
export interface RetryPolicy { max_dkg_attempts: number; max_sign_attempts: number; backoff_base: number; backoff_max: number; }
/** One step of a round: whom it expects, whom it heard, whom it still awaits. */
export interface StepProgress { expected: number[]; got: number[]; awaited: number[]; done: boolean; }
/** Steps are `public`, `private`, `end` (DKG) or `nonce`, `share` (signing). */
export interface RoundProgress { attempt: number; running: boolean; failed: boolean; current: string | null; steps: Record<string, StepProgress | null>; }
export interface Progress { dkg: RoundProgress | null; sign: RoundProgress | null; }
export interface AttemptJson { dkg_id: number; ok: boolean; reported_failures: { reporter: number; failure: DkgEndFailure }[]; malicious: Record<string, Offence>; unresponsive: number[]; }
export interface SignatureJson { round: number; type: "frost" | "schnorr" | "taproot"; message: string; signature: string | null; verify_key: string | null; internal_key: string | null; merkle_root: string | null; signers_used: number[]; epoch: number; attempts: number; sessions: number; ok: boolean; error: string | null; }
/** The ceremony so far: the shape of `wsts-sim run --json`. */
export interface CeremonyReport { dkg: { attempts: AttemptJson[]; ok: boolean }; aggregate_public_key: string | null; reshare?: { attempts: AttemptJson[]; ok: boolean }; reshared_group_key?: string; signatures: SignatureJson[]; malicious: Record<string, Offence>; unresponsive: number[]; }
/** One repair attempt (`startRepair`): its helpers, whom it proved malicious, who was silent. */
export interface RepairAttemptReport { repair_id: number; ok: boolean; helpers: number[]; malicious: Finding[]; unresponsive: number[]; }
"#;

#[wasm_bindgen(js_class = Coordinator)]
impl WasmCoordinator {
    /// A FIRE coordinator (timeouts, retries, blame). `timeouts` and `retry`
    /// may be `undefined` for the defaults.
    pub fn fire(
        #[wasm_bindgen(unchecked_param_type = "CeremonyConfig")] config: JsValue,
        network_secret: &[u8],
        #[wasm_bindgen(unchecked_param_type = "Timeouts | undefined")] timeouts: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RetryPolicy | undefined")] retry: JsValue,
    ) -> Result<WasmCoordinator, JsValue> {
        let config: CeremonyConfig = from_js(config, "config")?;
        let timeouts = if timeouts.is_undefined() { Timeouts::default() } else { from_js(timeouts, "timeouts")? };
        let retry = if retry.is_undefined() { RetryPolicy::default() } else { from_js(retry, "retry")? };
        let key = secret_from_bytes(network_secret)?;
        let inner = Coordinator::new(config, Policy::Fire { timeouts, retry }, key).map_err(state_error)?;
        Ok(WasmCoordinator { inner })
    }

    /// A ROAST coordinator: signing runs concurrent sessions with no
    /// deadline (a signature after at most f+1 sessions); DKG runs as FIRE's,
    /// with `timeouts` and `retry` (either may be `undefined`). `presign`:
    /// how many nonce commitments to ask of a signer at a time (default 2).
    pub fn roast(
        #[wasm_bindgen(unchecked_param_type = "CeremonyConfig")] config: JsValue,
        network_secret: &[u8],
        #[wasm_bindgen(unchecked_param_type = "Timeouts | undefined")] timeouts: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RetryPolicy | undefined")] retry: JsValue,
        presign: Option<u32>,
    ) -> Result<WasmCoordinator, JsValue> {
        let config: CeremonyConfig = from_js(config, "config")?;
        let timeouts = if timeouts.is_undefined() { Timeouts::default() } else { from_js(timeouts, "timeouts")? };
        let retry = if retry.is_undefined() { RetryPolicy::default() } else { from_js(retry, "retry")? };
        let key = secret_from_bytes(network_secret)?;
        let policy = Policy::Roast { timeouts, retry, presign: presign.unwrap_or(2) };
        Ok(WasmCoordinator { inner: Coordinator::new(config, policy, key).map_err(state_error)? })
    }

    /// A FROST coordinator: waits for every signer, no timeouts.
    pub fn frost(
        #[wasm_bindgen(unchecked_param_type = "CeremonyConfig")] config: JsValue,
        network_secret: &[u8],
    ) -> Result<WasmCoordinator, JsValue> {
        let config: CeremonyConfig = from_js(config, "config")?;
        let key = secret_from_bytes(network_secret)?;
        Ok(WasmCoordinator { inner: Coordinator::new(config, Policy::Frost, key).map_err(state_error)? })
    }

    /// Restore from `save()`'s bytes and the network secret (not in them).
    pub fn restore(state: &[u8], network_secret: &[u8]) -> Result<WasmCoordinator, JsValue> {
        let key = secret_from_bytes(network_secret)?;
        Ok(WasmCoordinator { inner: Coordinator::restore(state, key).map_err(state_error)? })
    }

    pub fn save(&self) -> Uint8Array {
        Uint8Array::from(&self.inner.save()[..])
    }

    #[wasm_bindgen(js_name = startDkg)]
    pub fn start_dkg(&mut self, now: f64) -> Result<(), JsValue> {
        self.inner.start_dkg(millis(now)).map_err(state_error)
    }

    /// Start signing `message`; returns the signing round id.
    #[wasm_bindgen(js_name = startSigning)]
    pub fn start_signing(
        &mut self,
        message: &[u8],
        #[wasm_bindgen(unchecked_param_type = "SignatureType")] sig_type: JsValue,
        now: f64,
    ) -> Result<f64, JsValue> {
        let sig_type: SignatureType = from_js(sig_type, "signature type")?;
        self.inner.start_signing(message, sig_type, millis(now)).map(|id| id as f64).map_err(state_error)
    }

    #[wasm_bindgen(js_name = handlePacket)]
    pub fn handle_packet(&mut self, bytes: &[u8], now: f64) -> Result<(), JsValue> {
        self.inner.handle_packet(bytes, millis(now)).map_err(state_error)
    }

    #[wasm_bindgen(js_name = handleTimeout)]
    pub fn handle_timeout(&mut self, now: f64) {
        self.inner.handle_timeout(millis(now))
    }

    /// When to call `handleTimeout` next (ms), or `undefined`.
    #[wasm_bindgen(js_name = pollTimeout)]
    pub fn poll_timeout(&self) -> Option<f64> {
        self.inner.poll_timeout().map(|t| t as f64)
    }

    #[wasm_bindgen(js_name = pollTransmit, unchecked_return_type = "Transmit | undefined")]
    pub fn poll_transmit(&mut self) -> JsValue {
        self.inner.poll_transmit().map(transmit_to_js).unwrap_or(JsValue::UNDEFINED)
    }

    /// The next event (`DkgAttempt`, `DkgComplete`, `DkgFailed`,
    /// `ReshareStarted`, `Reshared`, `SignAttempt`, `Signature`,
    /// `SigningFailed`), or `undefined`.
    #[wasm_bindgen(js_name = pollEvent, unchecked_return_type = "CoordinatorEvent | undefined")]
    pub fn poll_event(&mut self) -> Result<JsValue, JsValue> {
        match self.inner.poll_event() {
            Some(e) => to_js(&e),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Signers proven malicious: `{ [signerId]: offence }`.
    #[wasm_bindgen(unchecked_return_type = "Record<string, Offence>")]
    pub fn malicious(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.malicious())
    }

    /// Signers that missed a deadline in the current attempt or round.
    pub fn unresponsive(&self) -> Vec<u32> {
        self.inner.unresponsive().iter().copied().collect()
    }

    #[wasm_bindgen(js_name = clearMalicious)]
    pub fn clear_malicious(&mut self, signer: Option<u32>) {
        self.inner.clear_malicious(signer)
    }

    #[wasm_bindgen(js_name = clearUnresponsive)]
    pub fn clear_unresponsive(&mut self) {
        self.inner.clear_unresponsive()
    }

    /// Abandon the round in progress; keeps the key and the malicious set.
    pub fn reset(&mut self) {
        self.inner.reset()
    }

    /// The DKG run and signing round in progress, or the last ones over,
    /// step by step.
    #[wasm_bindgen(unchecked_return_type = "Progress")]
    pub fn progress(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.progress())
    }

    /// The signers the step in progress still waits for.
    pub fn awaited(&self) -> Vec<u32> {
        self.inner.awaited()
    }

    /// The ceremony so far, in the shape of `wsts-sim run --json`.
    #[wasm_bindgen(unchecked_return_type = "CeremonyReport")]
    pub fn report(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.report())
    }

    #[wasm_bindgen(js_name = groupKey)]
    pub fn group_key(&self) -> Option<String> {
        self.inner.group_key().map(|k| hex::encode(crate::crypto::encoding::point_to_bytes(&k)))
    }

    /// Repair `signerId`'s lost shares of the current key from the other
    /// holders (their weight must reach the threshold: else a `repair`
    /// error). The repaired signer is a fresh `Signer` with its config and
    /// network key; it ends holding its shares, checked against the group's.
    #[wasm_bindgen(js_name = startRepair)]
    pub fn start_repair(&mut self, signer_id: u32, now: f64) -> Result<(), JsValue> {
        self.inner.start_repair(signer_id, millis(now)).map_err(state_error)
    }
}
