// Test and runner harness: start the relay (target/release/wsts-relay), launch
// the system Chromium through playwright-core, open signer and coordinator
// pages, tear everything down.
// Builds nothing: expects the SDK's wasm (sdk/wasm/, scripts/build-browser.sh)
// and the relay binary to exist. The relay serves www/ at / and the SDK (sdk/) at /pkg/.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT = join(ROOT, 'test-output');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-features=WebRtcHideLocalIpsWithMdns',
  // Several pages run at once: do not throttle the ones in the background.
  '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows',
];

// The pages' own helper (plain ES module, no browser APIs at load time).
export { withTimeout } from '../../sdk/src/common.js';
import { withTimeout } from '../../sdk/src/common.js';

/** Start the relay on 127.0.0.1 (`port` 0: any free port), with extra flags
 * `args` (e.g. `--cluster`), serving `www` at / and `pkg` at /pkg/ (paths
 * from the repository root). Resolves {url, port, stop, kill, output}. */
export async function startRelay({ port = 0, quiet = true, args = [], www = 'www', pkg = 'sdk' } = {}) {
  const bin = process.env.WSTS_RELAY_BIN || join(ROOT, 'target', 'release', 'wsts-relay');
  if (!existsSync(bin)) throw new Error(`${bin} not found: run \`cargo build --release -p wsts-relay\``);
  if (pkg === 'sdk' && !existsSync(join(ROOT, 'sdk', 'wasm', 'wsts_web.js'))) throw new Error('sdk/wasm/ not built: run `bash scripts/build-browser.sh`');
  const child = spawn(bin, ['--addr', `127.0.0.1:${port}`, '--www', www, '--pkg', pkg, ...args], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RUST_LOG: process.env.RUST_LOG || 'warn' },
  });
  const output = [];
  const keep = (s) => { output.push(s); if (output.length > 300) output.splice(0, output.length - 300); };
  child.stderr.on('data', (d) => { keep(String(d)); if (!quiet) process.stderr.write(d); });
  const lines = createInterface({ input: child.stdout });
  const exited = new Promise((r) => child.once('exit', (code, sig) => r({ code, sig })));
  // Never leave a relay behind, even if this process dies early.
  const reap = () => { try { child.kill('SIGKILL'); } catch {} };
  process.once('exit', reap);
  exited.then(() => process.removeListener('exit', reap));
  const url = await withTimeout(new Promise((ok, fail) => {
    lines.once('line', (line) => {
      const m = /listening on (http:\/\/[0-9.]+:(\d+))/.exec(line);
      if (m) ok(m[1] + '/'); else fail(new Error(`unexpected first line from wsts-relay: ${line}`));
    });
    exited.then(({ code, sig }) => fail(new Error(`wsts-relay exited (${code ?? sig}): ${output.join('')}`)));
  }), 15000, 'waiting for wsts-relay to listen');
  lines.on('line', (l) => { keep(l + '\n'); if (!quiet) process.stderr.write(`[relay] ${l}\n`); });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(t);
  };
  // A crash: no goodbye to anyone.
  const kill = async () => { child.kill('SIGKILL'); await exited; };
  return { url, port: Number(new URL(url).port), stop, kill, output, child };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/** Start a private nats-server (JetStream on) on a free loopback port, for
 * clustered relays. Debian's package, installed by scripts/setup.sh.
 * Resolves {url, stop}. */
export async function startNats() {
  const bin = ['/usr/sbin/nats-server', '/usr/bin/nats-server'].find((p) => existsSync(p)) || 'nats-server';
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'wsts-nats-'));
  const conf = join(dir, 'nats.conf');
  writeFileSync(conf, `listen: 127.0.0.1:${port}\nmax_payload: 40000000\njetstream { store_dir: ${JSON.stringify(join(dir, 'js'))} }\n`);
  const child = spawn(bin, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  const output = [];
  child.stderr.on('data', (d) => { output.push(String(d)); if (output.length > 100) output.shift(); });
  const exited = new Promise((r) => child.once('exit', r));
  const reap = () => { try { child.kill('SIGKILL'); } catch {} };
  process.once('exit', reap);
  const listening = async () => {
    for (let i = 0; i < 200; i++) {
      const ok = await new Promise((r) => { const s = connect(port, '127.0.0.1', () => { s.end(); r(true); }); s.on('error', () => r(false)); });
      if (ok) return;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`nats-server did not start (is it installed? bash scripts/setup.sh): ${output.join('')}`);
  };
  await withTimeout(listening(), 10000, 'starting nats-server');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) { child.kill('SIGTERM'); await exited; }
    process.removeListener('exit', reap);
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `nats://127.0.0.1:${port}`, stop };
}

/** Chromium, started again (3 tries) if it fails to start: a start failure
 *  is the machine's, not the test's, and no test step has run yet. */
export async function launchBrowser() {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTimeout(
        chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30000 }), 40000, 'launching Chromium');
    } catch (e) {
      if (attempt >= 3) throw e;
      console.error(`Chromium did not start (try ${attempt} of 3): ${e.message}`);
    }
  }
}

/** Everything a test needs; `close()` tears it all down (bounded). */
export async function setup({ port = 0, relayArgs = [], www, pkg } = {}) {
  const relay = await startRelay({ port, args: relayArgs, www, pkg });
  let browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await relay.stop();
    throw e;
  }
  const env = {
    relay, browser, url: relay.url, pageErrors: [],
    async newContext() {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      ctx.setDefaultTimeout(20000);
      return ctx;
    },
    watch(page, name) {
      page.on('pageerror', (e) => env.pageErrors.push(`${name}: ${e.message}`));
      page.on('console', (m) => { if (process.env.E2E_CONSOLE) console.error(`[${name}] ${m.text()}`); });
      return page;
    },
    async close() {
      await withTimeout(browser.close(), 10000, 'closing Chromium').catch(() => {});
      await env.relay.stop().catch(() => {});
    },
  };
  return env;
}

export function roomName(prefix) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Open signer pages (one context each unless `context` given) and a coordinator page. */
export async function openCeremony(env, { room, signers = 4, keys = 20, threshold = 13, context } = {}) {
  const ctx = context || (await env.newContext());
  const coordinator = env.watch(await ctx.newPage(), 'coordinator');
  await coordinator.goto(`${env.url}coordinator.html?room=${room}&signers=${signers}&keys=${keys}&threshold=${threshold}`);
  await coordinator.waitForFunction(() => window.wsts && window.wsts.state().connected, null, { timeout: 20000 });
  const signerPages = [];
  for (let i = 0; i < signers; i++) {
    const p = env.watch(await ctx.newPage(), `signer-${i}`);
    await p.goto(signerUrl(env, room, i));
    signerPages.push(p);
  }
  await coordinator.evaluate(() => window.wsts.ready());
  // Every signer has taken the config.
  for (const p of signerPages) await p.waitForFunction(() => window.wstsSigner?.state().hasConfig, null, { timeout: 20000 });
  return { ctx, coordinator, signers: signerPages };
}

export function signerUrl(env, room, id) {
  return `${env.url}signer.html?room=${room}&id=${id}`;
}

/** `text` as the hex message a signing round takes. */
export const hexMessage = (text) => Buffer.from(text).toString('hex');

/**
 * A signer page's key-share entry in its vault for `groupKey` (one per group
 * key), or null: a retired entry as it is saved, otherwise its epochs and key ids.
 */
export const shareEntry = (page, groupKey) => page.evaluate(async (k) => {
  const s = window.wstsSigner;
  const e = await s.vault.getJson(s.records.shareId(k));
  if (!e) return null;
  if (e.retired) return { retired: true, epoch: e.epoch, state: e.state ?? null, config: e.config ?? null };
  return { epoch: e.epoch, previousEpoch: e.previousEpoch, keyIds: e.config.keys.signers[String(s.id)] ?? [] };
}, groupKey);

export function ensureOut() {
  mkdirSync(OUT, { recursive: true });
  return OUT;
}
