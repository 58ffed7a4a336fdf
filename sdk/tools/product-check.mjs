// `npm pack` / `npm publish` guard (prepack): the package must hold the
// product wasm build, not the demo build the repository's pages load (which
// has the simulator's misbehaviour compiled in). scripts/pack-sdk.sh stages
// the product build and packs that.
import { readFileSync } from 'node:fs';

const dts = readFileSync(new URL('../wasm/wsts_web.d.ts', import.meta.url), 'utf8');
if (/misbehave\(behaviour/.test(dts)) {
  console.error('wasm/ holds the demo build (it exports misbehave): pack with `bash scripts/pack-sdk.sh`');
  process.exit(1);
}
