// Runs `benchCeremony` (the wasm build of `wsts-sim bench`) off the main thread.
import init, { benchCeremony } from '/pkg/wsts_web.js';

const ready = init();

// `weights` (key ids per signer, optional) must agree with `signers` and `keys`.
// `mode` (optional): `{ coordinator: 'fire' | 'roast', attack, skewed }`.
self.onmessage = async ({ data: { id, signers, keys, threshold, weights, mode } }) => {
  await ready;
  try {
    // Warm up on the same workload, untimed, for at least a second (once for
    // large ones): V8 runs wasm in a baseline tier until functions are hot
    // enough to be optimized, and the figures are meant to be warm.
    const workload = `${signers}/${keys}/${threshold}/${weights ?? 'even'}/${JSON.stringify(mode ?? {})}`;
    self.warmedUp ??= new Set();
    if (!self.warmedUp.has(workload)) {
      const started = performance.now();
      do {
        benchCeremony(signers, keys, threshold, weights, mode);
      } while (performance.now() - started < 1000);
      self.warmedUp.add(workload);
    }
    self.postMessage({ id, report: benchCeremony(signers, keys, threshold, weights, mode) });
  } catch (err) {
    self.postMessage({ id, error: String(err && err.message || err) });
  }
};
