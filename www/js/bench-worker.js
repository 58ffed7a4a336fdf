// Runs `benchCeremony` (the wasm build of `wsts-sim bench`) off the main thread.
import init, { benchCeremony } from '/pkg/wsts_web.js';

const ready = init();

self.onmessage = async ({ data: { id, signers, keys, threshold } }) => {
  await ready;
  try {
    // Warm up once so V8's tier-up is not in the figures.
    if (!self.warmedUp) {
      benchCeremony(4, 20, 13);
      self.warmedUp = true;
    }
    self.postMessage({ id, report: benchCeremony(signers, keys, threshold) });
  } catch (err) {
    self.postMessage({ id, error: String(err && err.message || err) });
  }
};
