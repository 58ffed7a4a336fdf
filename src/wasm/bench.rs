//! The browser benchmark: the same workload as `wsts-sim bench`, timed with
//! `performance.now()`. Run it in a Web Worker, as the product runs signers.

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

/// Run DKG and one signing round for `signers/keys/threshold` and return the
/// same report as `wsts-sim bench --json`, with `runtime: "wasm-chromium"`.
/// `weights` (key ids per signer), when given, replaces the even spread and
/// must agree with `signers` and `keys`.
#[wasm_bindgen(js_name = benchCeremony)]
pub fn bench_ceremony(signers: u32, keys: u32, threshold: u32, weights: Option<Vec<u32>>) -> Result<JsValue, JsValue> {
    let weights =
        crate::config::checked_weights(Some(signers), Some(keys), weights).map_err(|e| js_error("config", e))?;
    let report = crate::sim::bench::run(
        &weights,
        threshold,
        Default::default(),
        "wasm-chromium",
        Box::new(performance_now),
        &wasm_memory_bytes,
    )
    .map_err(|e| js_error("bench", e))?;
    to_js(&report)
}
