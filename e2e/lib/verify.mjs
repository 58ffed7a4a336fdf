// Verify a signature record (as the coordinator page reports it) in node:
// with the independent BigInt BIP-340 verifier, with the wasm build's own
// verifier (re-run here, outside the browser), and for taproot, re-derive
// the tweaked output key from the internal key and merkle root.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as bip340 from './bip340.mjs';
import { ROOT } from './harness.mjs';

let wasm = null;
async function loadWasm() {
  if (!wasm) {
    globalThis.self ??= globalThis; // getrandom's browser detection
    wasm = await import(join(ROOT, 'pkg', 'wsts_web.js'));
    wasm.initSync({ module: readFileSync(join(ROOT, 'pkg', 'wsts_web_bg.wasm')) });
  }
  return wasm;
}

export async function checkSignature(sig) {
  const w = await loadWasm();
  const key = Buffer.from(sig.verify_key, 'hex');
  const msg = Buffer.from(sig.message, 'hex');
  const s = Buffer.from(sig.signature, 'hex');
  const out = {
    independent: bip340.verify(key, msg, s),
    wasm: w.verifyBip340(key, msg, s),
    tweak: true,
  };
  if (sig.type === 'taproot') out.tweak = bip340.taprootOutputKey(sig.internal_key, sig.merkle_root) === sig.verify_key;
  else out.tweak = sig.verify_key === sig.internal_key;
  // A signature over another message must not verify.
  const other = Buffer.concat([msg, Buffer.from([0])]);
  out.rejectsOther = !bip340.verify(key, other, s) && !w.verifyBip340(key, other, s);
  out.ok = out.independent && out.wasm && out.tweak && out.rejectsOther;
  return out;
}
