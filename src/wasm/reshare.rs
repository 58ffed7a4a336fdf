//! Reshare and refresh for the browser's `Coordinator`, and the epoch of both
//! machines. The request is a plain JS object (the new weight of every signer
//! id, the new threshold, the joiners' network keys); every bad input is a
//! `WstsError` with a stable code, checked before the state machine sees it.

use std::collections::BTreeMap;

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::{coordinator::WasmCoordinator, signer::WasmSigner, util::*};
use crate::{
    config::{Config, MAX_KEY_IDS},
    crypto::encoding,
    state_machine::CeremonyConfig,
};

#[wasm_bindgen(typescript_custom_section)]
const TS_RESHARE: &'static str = r#"
/**
 * A reshare: `weights[i]` key ids for signer id `i` in the new epoch (0: it
 * leaves; every current signer id must be listed; ids past them join),
 * `threshold` key ids to sign (DKG threshold the same unless given), and
 * `joiners`: the network keys (hex) of the ids past the current ones, in order.
 * Errors: `bad-input`, `bad-weights`, `bad-joiners`, `bad-key`, `config`, then
 * the state machine's (`busy`, `no-key`).
 */
export interface ReshareRequest { weights: number[]; threshold: number; dkgThreshold?: number; joiners?: string[]; }
"#;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ReshareRequest {
    weights: Vec<u32>,
    threshold: u32,
    #[serde(default)]
    dkg_threshold: Option<u32>,
    #[serde(default)]
    joiners: Vec<String>,
}

/// The new epoch's ceremony config: key ids dealt out in signer order
/// (leavers get none), network keys the current ones then the joiners'.
fn target_config(current: &CeremonyConfig, request: ReshareRequest) -> Result<CeremonyConfig, JsValue> {
    let old = current.network.signers.len();
    if request.weights.len() < old {
        return Err(js_error(
            "bad-weights",
            format!(
                "{} weights for {old} signer ids: give every current signer a weight (0 leaves)",
                request.weights.len()
            ),
        ));
    }
    let joining = request.weights.len() - old;
    if request.joiners.len() != joining {
        return Err(js_error(
            "bad-joiners",
            format!("{joining} signer ids join but {} joiners' network keys were given", request.joiners.len()),
        ));
    }
    let mut network = current.network.clone();
    for key in &request.joiners {
        let bytes = hex::decode(key).map_err(|_| js_error("bad-key", "a joiner's network key must be hex"))?;
        let point = encoding::point_from_bytes(&bytes).map_err(|e| js_error("bad-key", e))?;
        if network.signers.contains(&point) || network.coordinator == point {
            return Err(js_error("bad-joiners", "a joiner's network key is already in the ceremony"));
        }
        network.signers.push(point);
    }
    let mut signers = BTreeMap::new();
    let mut next = 1u32;
    for (id, &weight) in (0u32..).zip(&request.weights).filter(|(_, w)| **w > 0) {
        let end = next.checked_add(weight).filter(|e| *e <= MAX_KEY_IDS + 1);
        let end = end.ok_or_else(|| js_error("bad-weights", format!("more than {MAX_KEY_IDS} key ids")))?;
        signers.insert(id, (next..end).collect());
        next = end;
    }
    if signers.is_empty() {
        return Err(js_error("bad-weights", "every weight is 0: no signer would hold the key"));
    }
    let dkg_threshold = request.dkg_threshold.unwrap_or(request.threshold);
    let keys = Config { scheme: current.keys.scheme, threshold: request.threshold, dkg_threshold, signers };
    keys.validate().map_err(|e| js_error("config", e))?;
    Ok(CeremonyConfig { keys, network })
}

#[wasm_bindgen(js_class = Coordinator)]
impl WasmCoordinator {
    /// The ceremony config a reshare `request` would make (checked, nothing
    /// started): what a joining signer is invited with.
    #[wasm_bindgen(js_name = reshareConfig, unchecked_return_type = "CeremonyConfig")]
    pub fn reshare_config(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ReshareRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        let request: ReshareRequest = from_js(request, "reshare request")?;
        to_js(&target_config(self.inner.ceremony_config(), request)?)
    }

    /// Reshare the key as `request` says, keeping the group key; returns the
    /// new ceremony config. Events: `ReshareStarted`, `DkgAttempt`s, then
    /// `Reshared` (or `DkgFailed`). The old epoch stays current until then.
    #[wasm_bindgen(js_name = startReshare, unchecked_return_type = "CeremonyConfig")]
    pub fn start_reshare(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ReshareRequest")] request: JsValue,
        now: f64,
    ) -> Result<JsValue, JsValue> {
        let request: ReshareRequest = from_js(request, "reshare request")?;
        let target = target_config(self.inner.ceremony_config(), request)?;
        let out = to_js(&target)?;
        self.inner.start_reshare(target, millis(now)).map_err(state_error)?;
        Ok(out)
    }

    /// Refresh: new shares of the same key for the same signers, weights and
    /// threshold (old shares become useless with the new ones).
    #[wasm_bindgen(js_name = startRefresh)]
    pub fn start_refresh(&mut self, now: f64) -> Result<(), JsValue> {
        self.inner.start_refresh(millis(now)).map_err(state_error)
    }

    /// The current key's epoch: 0 after DKG, one more per reshare or refresh.
    #[wasm_bindgen(getter)]
    pub fn epoch(&self) -> f64 {
        self.inner.epoch() as f64
    }

    /// The signers, weights, thresholds and network keys of the current epoch.
    #[wasm_bindgen(js_name = ceremonyConfig, unchecked_return_type = "CeremonyConfig")]
    pub fn ceremony_config(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.ceremony_config())
    }

    /// The config a reshare in progress moves to, or `undefined` (a page
    /// restored mid-reshare routes to its joiners by it).
    #[wasm_bindgen(js_name = reshareTarget, unchecked_return_type = "CeremonyConfig | undefined")]
    pub fn reshare_target(&self) -> Result<JsValue, JsValue> {
        self.inner.reshare_target().map_or(Ok(JsValue::UNDEFINED), to_js)
    }
}

#[wasm_bindgen(js_class = Signer)]
impl WasmSigner {
    /// The epoch of the current key shares (0 after DKG).
    #[wasm_bindgen(getter)]
    pub fn epoch(&self) -> f64 {
        self.inner.epoch() as f64
    }

    /// Whether the previous epoch's shares are still kept (until a signature
    /// under the new epoch is confirmed).
    #[wasm_bindgen(getter, js_name = holdsPreviousEpoch)]
    pub fn holds_previous_epoch(&self) -> bool {
        self.inner.holds_previous_epoch()
    }

    /// The ceremony config of the current epoch (after a reshare, the new one).
    #[wasm_bindgen(js_name = ceremonyConfig, unchecked_return_type = "CeremonyConfig")]
    pub fn ceremony_config(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.ceremony_config())
    }
}
