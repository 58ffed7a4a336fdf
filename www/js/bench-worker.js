// Runs `benchCeremony` (the wasm build of `wsts-sim bench`) off the main thread.
import init, { benchCeremony } from '/pkg/wsts_web.js';

const ready = init();

self.onmessage = async ({ data: { id, signers, keys, threshold } }) => {
  await ready;
  try {
    // Run each workload once untimed first, so that V8's tier-up (which
    // compiles hot functions in the background) is not in the figures.
    const workload = `${signers}/${keys}/${threshold}`;
    self.warmedUp ??= new Set();
    if (!self.warmedUp.has(workload)) {
      benchCeremony(signers, keys, threshold);
      self.warmedUp.add(workload);
    }
    self.postMessage({ id, report: benchCeremony(signers, keys, threshold) });
  } catch (err) {
    self.postMessage({ id, error: String(err && err.message || err) });
  }
};
