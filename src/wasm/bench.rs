//! The browser benchmarks: the same workloads as `wsts-sim bench`
//! (`benchCeremony`) and the reshare example (`benchReshare`), timed with
//! `performance.now()`. Run them in a Web Worker, as the product runs signers.

use wasm_bindgen::prelude::*;

use super::util::*;

fn performance_now() -> f64 {
    let performance = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).unwrap_or(JsValue::UNDEFINED);
    let now = js_sys::Reflect::get(&performance, &"now".into()).unwrap_or(JsValue::UNDEFINED);
    match now.dyn_ref::<js_sys::Function>() {
        Some(f) => f.call0(&performance).ok().and_then(|v| v.as_f64()).unwrap_or(0.0),
        None => js_sys::Date::now(),
    }
}

fn wasm_memory_bytes() -> Option<u64> {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().dyn_into().ok()?;
    let buffer: js_sys::ArrayBuffer = memory.buffer().dyn_into().ok()?;
    Some(u64::from(buffer.byte_length()))
}

/// How `benchCeremony` runs its signing round: `wsts-sim bench`'s
/// `--coordinator`, `--attack` and `--skewed`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct BenchMode {
    /// `"fire"` (the default) or `"roast"`.
    coordinator: Option<String>,
    /// The lightest signers, as many as the weight allows, answer the nonce
    /// request and then go silent.
    attack: bool,
    /// Spread the key ids 1/rank over the signers instead of evenly.
    skewed: bool,
}

impl BenchMode {
    fn read(mode: JsValue) -> Result<Self, JsValue> {
        if mode.is_undefined() || mode.is_null() {
            return Ok(Self::default());
        }
        from_js(mode, "mode")
    }

    fn run_mode(&self) -> Result<crate::sim::bench::Mode, JsValue> {
        let roast = match self.coordinator.as_deref() {
            None | Some("fire") => false,
            Some("roast") => true,
            Some(other) => {
                return Err(js_error("config", format!("coordinator {other:?}: the bench runs fire or roast")))
            }
        };
        Ok(crate::sim::bench::Mode { roast, attack: self.attack })
    }
}

/// Run DKG and one signing round for `signers/keys/threshold` and return the
/// same report as `wsts-sim bench --json`, with `runtime: "wasm-chromium"`.
/// `weights` (key ids per signer), when given, replaces the even spread and
/// must agree with `signers` and `keys`. `mode` (optional) is
/// `{ coordinator: "fire" | "roast", attack: bool, skewed: bool }`, as the
/// native bench's flags.
#[wasm_bindgen(js_name = benchCeremony)]
pub fn bench_ceremony(
    signers: u32,
    keys: u32,
    threshold: u32,
    weights: Option<Vec<u32>>,
    mode: JsValue,
) -> Result<JsValue, JsValue> {
    let mode = BenchMode::read(mode)?;
    let weights = match (mode.skewed, weights) {
        (true, Some(_)) => return Err(js_error("config", "give weights or skewed, not both")),
        (true, None) => Some(crate::sim::bench::skewed_weights(signers, keys)),
        (false, weights) => weights,
    };
    let weights =
        crate::config::checked_weights(Some(signers), Some(keys), weights).map_err(|e| js_error("config", e))?;
    let report = crate::sim::bench::run(
        &weights,
        threshold,
        mode.run_mode()?,
        "wasm-chromium",
        Box::new(performance_now),
        &wasm_memory_bytes,
    )
    .map_err(|e| js_error("bench", e))?;
    to_js(&report)
}

/// The reshare benchmark (issue 12), as `cargo run --release --features sim
/// --example reshare_bench` runs it natively, timed with
/// `performance.now()`: an old group of `signers` over `keys` at `threshold`
/// (set up untimed), whose first `signers - swapped` signers deal to
/// themselves and `swapped` joiners at `new_threshold`; `swapped` 0 and the
/// same threshold is a refresh. Returns the `ReshareBench` report (per
/// dealer, per recipient, dealing setup, bytes per signer).
#[wasm_bindgen(js_name = benchReshare)]
pub fn bench_reshare(
    signers: u32,
    keys: u32,
    threshold: u32,
    swapped: u32,
    new_threshold: u32,
) -> Result<JsValue, JsValue> {
    let report = crate::sim::bench_reshare::reshare(signers, keys, threshold, swapped, new_threshold, &performance_now)
        .map_err(|e| js_error("bench", e))?;
    to_js(&report)
}
