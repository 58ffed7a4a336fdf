// The wasm state machines (wasm-bindgen, `--target web`), initialised once.
// The glue loads `wsts_web_bg.wasm` with `new URL(..., import.meta.url)`, so
// bundlers (Vite, webpack, Rollup) emit it as an asset next to the code.
import init from '../wasm/wsts_web.js';

export * from '../wasm/wsts_web.js';

let ready = null;

/** Resolves once the wasm module is instantiated (the first call starts it). */
export function initWasm() {
  ready ??= init();
  return ready;
}
