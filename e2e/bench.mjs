// Browser benchmark: runs `wsts-sim bench`'s workload on the wasm build in
// headless Chromium (in a Web Worker) and prints one JSON object per workload,
// with "runtime": "wasm-chromium".
//
//   node e2e/bench.mjs [--workload S/K/T]... [--coordinator fire|roast] [--attack] [--skewed] [--timeout-s N]
//   node e2e/bench.mjs --reshare [--w5] [--reshare-workload S/K/T/SWAPPED/T2]... [--timeout-s N]
//
// --reshare runs the reshare benchmark instead (`benchReshare`, the workload
// of `cargo run --release --features sim --example reshare_bench`): by default
// W4 20/1000/700 with 5 signers swapped and t 750, and with --w5 a refresh at
// W5 100/4000/2800. One JSON line per workload, as the native example prints.
//
// --coordinator, --attack and --skewed are `wsts-sim bench`'s flags, applied
// to every workload.
//
// Serves www/ and pkg/ itself (with COOP/COEP, for fine-grained timers) on
// 127.0.0.1; expects `pkg/` built with `wasm-pack build --target web --release`.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(new URL('..', import.meta.url).pathname);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };

const args = process.argv.slice(2);
const workloads = [];
let timeoutS = 1800;
const mode = { coordinator: 'fire', attack: false, skewed: false };
let reshare = false;
let w5 = false;
const reshareWorkloads = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--workload') workloads.push(args[++i].split('/').map(Number));
  else if (args[i] === '--timeout-s') timeoutS = Number(args[++i]);
  else if (args[i] === '--coordinator' && ['fire', 'roast'].includes(args[i + 1])) mode.coordinator = args[++i];
  else if (args[i] === '--attack') mode.attack = true;
  else if (args[i] === '--skewed') mode.skewed = true;
  else if (args[i] === '--reshare') reshare = true;
  else if (args[i] === '--w5') w5 = true;
  else if (args[i] === '--reshare-workload') reshareWorkloads.push(args[++i].split('/').map(Number));
  else { console.error(`unknown argument ${args[i]}`); process.exit(2); }
}
if (workloads.length === 0) workloads.push([4, 20, 13]);
if (reshareWorkloads.length === 0) {
  reshareWorkloads.push(['reshare W4, 5 swapped, t 700 -> 750', 20, 1000, 700, 5, 750]);
  if (w5) reshareWorkloads.push(['refresh W5', 100, 4000, 2800, 0, 2800]);
} else {
  reshareWorkloads.forEach((w, i) => { reshareWorkloads[i] = [w.join('/'), ...w]; });
}

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  const file = path.startsWith('/pkg/') ? join(root, path) : join(root, 'www', path === '/' ? 'bench.html' : path);
  if (!file.startsWith(root) || path.includes('..')) { res.writeHead(403).end(); return; }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/bench.html`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--no-first-run',
    // e.g. WSTS_BENCH_JS_FLAGS=--no-liftoff to measure without V8's baseline wasm tier.
    ...(process.env.WSTS_BENCH_JS_FLAGS ? [`--js-flags=${process.env.WSTS_BENCH_JS_FLAGS}`] : [])],
});
let failed = false;
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(timeoutS * 1000);
  await page.goto(url);
  for (const [name, s, k, t, swapped, t2] of reshare ? reshareWorkloads : []) {
    try {
      const report = await page.evaluate(w => window.runReshareBench(...w), [s, k, t, swapped, t2]);
      console.log(JSON.stringify({ workload: name, report }));
    } catch (err) {
      failed = true;
      console.error(`reshare workload ${name} failed: ${err.message.split('\n')[0]}`);
    }
  }
  for (const [s, k, t] of reshare ? [] : workloads) {
    try {
      const report = await page.evaluate(([s, k, t, mode]) => window.runBench(s, k, t, undefined, mode), [s, k, t, mode]);
      console.log(JSON.stringify(report));
    } catch (err) {
      failed = true;
      console.error(`workload ${s}/${k}/${t} failed: ${err.message.split('\n')[0]}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
