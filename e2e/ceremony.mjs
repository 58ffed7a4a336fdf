#!/usr/bin/env node
// The main job: a whole WSTS ceremony between real browser pages.
//
// Starts wsts-relay and headless Chromium, opens N signer pages and a
// coordinator page (each signer its own page, worker, key and storage; the
// FIRE coordinator runs in its tab), runs DKG, then a BIP-340 and a taproot
// signature, verifies them (in the page, and again here in node), and prints
// the result.
//
//   node e2e/ceremony.mjs [--signers N] [--keys K] [--threshold T]
//                         [--message HEX] [--merkle-root HEX] [--json] [--serve] [--port P]
//
// --json prints exactly one JSON object shaped like `wsts-sim run --json`.
// --serve keeps the relay running afterwards and prints the demo URL, until Ctrl-C.
// Exit status: 0 when DKG and every signature succeeded and verified.
import { parseArgs } from 'node:util';
import { setup, openCeremony, roomName, withTimeout } from './lib/harness.mjs';
import { checkSignature } from './lib/verify.mjs';

const USAGE = `usage: node e2e/ceremony.mjs [--signers N] [--keys K] [--threshold T] [--dkg-threshold D]
       [--message HEX] [--merkle-root HEX] [--json] [--serve] [--port P] [--timeout SECONDS]`;

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      signers: { type: 'string', default: '4' },
      keys: { type: 'string', default: '20' },
      threshold: { type: 'string', default: '13' },
      'dkg-threshold': { type: 'string' },
      message: { type: 'string', default: Buffer.from('wsts-web browser ceremony').toString('hex') },
      'merkle-root': { type: 'string' },
      json: { type: 'boolean', default: false },
      serve: { type: 'boolean', default: false },
      port: { type: 'string', default: '0' },
      timeout: { type: 'string', default: '150' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (e) {
  console.error(`${e.message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const int = (name, min) => {
  const v = Number(args[name]);
  if (!Number.isInteger(v) || v < min) {
    console.error(`--${name} must be an integer ≥ ${min}\n${USAGE}`);
    process.exit(2);
  }
  return v;
};
const signers = int('signers', 1);
const keys = int('keys', 1);
const threshold = int('threshold', 1);
const dkgThreshold = args['dkg-threshold'] === undefined ? threshold : int('dkg-threshold', 1);
const port = int('port', 0);
if (keys < signers || threshold > keys || dkgThreshold > keys || dkgThreshold < threshold) {
  console.error(`need signers ≤ keys, threshold ≤ dkg-threshold ≤ keys (got ${signers} signers, ${keys} keys, threshold ${threshold}, dkg-threshold ${dkgThreshold})`);
  process.exit(2);
}
const timeoutMs = int('timeout', 1) * 1000;
if (!/^([0-9a-fA-F]{2})*$/.test(args.message)) { console.error('--message must be hex'); process.exit(2); }
if (args['merkle-root'] !== undefined && !/^[0-9a-fA-F]{64}$/.test(args['merkle-root'])) {
  console.error('--merkle-root must be 32 bytes of hex');
  process.exit(2);
}
const message = args.message.toLowerCase();
const merkleRoot = args['merkle-root']?.toLowerCase() ?? null;

const say = (line = '') => { if (!args.json) console.log(line); };
const info = (line) => { if (args.json) console.error(line); else console.log(line); };
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function ceremony(env, timings) {
  const room = roomName('ceremony');
  let t = Date.now();
  const c = await openCeremony(env, { room, signers, keys, threshold, dkgThreshold });
  timings.open = Date.now() - t;
  const w = c.coordinator;
  t = Date.now();
  let dkgError = null;
  await w.evaluate(() => window.wsts.runDkg()).catch((e) => { dkgError = e.message; });
  timings.dkg = Date.now() - t;
  const signatures = [];
  const errors = [];
  if (!dkgError) {
    for (const [type, sigType] of [['schnorr', 'Schnorr'], ['taproot', { Taproot: { merkle_root: merkleRoot } }]]) {
      t = Date.now();
      try {
        const sig = await w.evaluate(([m, st]) => window.wsts.sign(m, st), [message, sigType]);
        timings[type] = Date.now() - t;
        const v = await checkSignature(sig);
        signatures.push({ ...sig, browserOk: sig.ok, node: v, ok: sig.ok && v.ok });
      } catch (e) {
        errors.push(`${type}: ${e.message.split('\n')[0]}`);
        signatures.push({ round: signatures.length + 1, type, message, signature: null, verify_key: null, internal_key: null,
          merkle_root: type === 'taproot' ? merkleRoot : null, signers_used: [], ok: false, error: e.message.split('\n')[0] });
      }
      timings[type] ??= Date.now() - t;
    }
  }
  const state = await w.evaluate(() => window.wsts.state());
  return { state, signatures, dkgError, errors, pageErrors: env.pageErrors };
}

function toReport({ state, signatures }) {
  return {
    dkg: { ok: !!state.dkg.ok, attempts: state.dkg.attempts },
    aggregate_public_key: state.groupKey ?? null,
    signatures: signatures.map((s, i) => ({
      round: i + 1, type: s.type, message: s.message, signature: s.signature, verify_key: s.verify_key,
      internal_key: s.internal_key, merkle_root: s.merkle_root, signers_used: s.signers_used, ok: !!s.ok,
      ...(s.error ? { error: s.error } : {}),
    })),
    malicious: state.malicious,
    unresponsive: state.unresponsive,
  };
}

function printHuman(result, timings, url) {
  const { state, signatures } = result;
  const tick = (b) => (b ? '✔' : '✘');
  say(`WSTS ceremony in headless Chromium: ${signers} signer pages + 1 coordinator page, ${keys} key ids, threshold ${threshold} (${state.config?.scheme ?? '?'})`);
  say(`relay ${url} · pages ready in ${secs(timings.open)}`);
  say();
  say(`DKG: ${state.dkg.ok ? 'ok' : 'FAILED'} after ${state.dkg.attempts.length} attempt(s), ${secs(timings.dkg)}${result.dkgError ? ` — ${result.dkgError}` : ''}`);
  for (const a of state.dkg.attempts) {
    const extra = [
      Object.keys(a.malicious).length ? `malicious ${JSON.stringify(a.malicious)}` : '',
      a.unresponsive.length ? `unresponsive [${a.unresponsive.join(', ')}]` : '',
      a.reported_failures.length ? `${a.reported_failures.length} reported failure(s)` : '',
    ].filter(Boolean).join(', ');
    say(`  attempt ${a.dkg_id}: ${a.ok ? 'ok' : 'failed'}${extra ? ` (${extra})` : ''}`);
  }
  say(`  aggregate public key: ${state.groupKey ?? '—'}`);
  for (const s of signatures) {
    say();
    const label = s.type === 'taproot' ? `taproot (BIP-341 key path${s.merkle_root ? `, merkle root ${s.merkle_root}` : ', no script tree'})` : 'BIP-340 Schnorr';
    say(`Signature ${s.round}: ${label} — ${s.ok ? 'VALID' : 'FAILED'}${timings[s.type] ? `, ${secs(timings[s.type])}` : ''}`);
    if (s.error) { say(`  error: ${s.error}`); continue; }
    say(`  message:      ${s.message}`);
    say(`  signature:    ${s.signature}`);
    if (s.type === 'taproot') {
      say(`  internal key: ${s.internal_key}`);
      say(`  output key:   ${s.verify_key}  (tweak re-derived in node ${tick(s.node.tweak)})`);
    } else {
      say(`  public key:   ${s.verify_key}  (x-only aggregate key)`);
    }
    say(`  signers used: ${s.signers_used.join(', ')} (attempts: ${s.attempts})`);
    say(`  verified:     in the page (wasm) ${tick(s.browserOk)} · in node, independent BIP-340 ${tick(s.node.independent)} · in node, wasm ${tick(s.node.wasm)}`);
  }
  say();
  const paths = Object.entries(state.transport).filter(([p]) => p.startsWith('signer-'))
    .map(([p, t]) => `${p} ${t.path} (${t.sent.webrtc + t.sent.relay}↑ ${t.received.webrtc + t.received.relay}↓, ${t.sent.webrtc + t.received.webrtc} over WebRTC)`);
  say(`transport: ${paths.join('; ')}`);
  say(`malicious: ${JSON.stringify(state.malicious)} · unresponsive: [${state.unresponsive.join(', ')}]`);
  if (result.pageErrors.length) say(`page errors: ${result.pageErrors.join(' | ')}`);
}

const started = Date.now();
let env = null;
let exit = 1;
try {
  env = await setup({ port });
  const timings = {};
  const result = await withTimeout(ceremony(env, timings), timeoutMs, 'the ceremony');
  const report = toReport(result);
  const ok = report.dkg.ok && report.signatures.length === 2 && report.signatures.every((s) => s.ok) && result.pageErrors.length === 0;
  if (args.json) console.log(JSON.stringify(report, null, 2));
  else {
    printHuman(result, timings, env.url);
    say();
    say(`${ok ? 'OK' : 'FAILED'}: ceremony finished in ${secs(Date.now() - started)}`);
  }
  exit = ok ? 0 : 1;
} catch (e) {
  if (args.json) console.log(JSON.stringify({ dkg: { ok: false, attempts: [] }, aggregate_public_key: null, signatures: [], malicious: {}, unresponsive: [], error: e.message }));
  else console.error(`FAILED: ${e.message}`);
  exit = 1;
}

if (args.serve && env) {
  await withTimeout(env.browser.close(), 10000, 'closing Chromium').catch(() => {});
  info(`serving the demo at ${env.url} — open it in a browser; Ctrl-C to stop`);
  const stop = async () => { await env.relay.stop().catch(() => {}); process.exit(exit); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  env.relay.child?.once('exit', () => { info('the relay stopped'); process.exit(exit); });
} else {
  await env?.close();
  process.exit(exit);
}
