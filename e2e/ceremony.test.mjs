// (a) DKG + BIP-340 + taproot signatures with 4 signer pages and a coordinator
//     page over the relay, verified in the page and again in node;
// (d) WebRTC data channels carry the traffic when available.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openCeremony, roomName, startRelay } from './lib/harness.mjs';
import { checkSignature } from './lib/verify.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const MESSAGE = Buffer.from('wsts-web e2e: a message to sign').toString('hex');
const MERKLE_ROOT = 'a'.repeat(64);

test('DKG, a BIP-340 and two taproot signatures across 5 pages, over WebRTC', { timeout: 90000 }, async () => {
  const room = roomName('full');
  const c = await openCeremony(env, { room, signers: 4, keys: 20, threshold: 13 });
  const w = c.coordinator;

  const dkg = await w.evaluate(() => window.wsts.runDkg());
  assert.match(dkg.group_key, /^0[23][0-9a-f]{64}$/);
  assert.deepEqual(dkg.signers, [0, 1, 2, 3]);
  // Every signer reached the same key.
  for (const p of c.signers) {
    await p.waitForFunction((k) => window.wstsSigner.state().groupKey === k, dkg.group_key, { timeout: 10000 });
  }

  const schnorr = await w.evaluate((m) => window.wsts.sign(m, 'Schnorr'), MESSAGE);
  const taproot = await w.evaluate((m) => window.wsts.sign(m, { Taproot: { merkle_root: null } }), MESSAGE);
  const scripted = await w.evaluate(([m, r]) => window.wsts.sign(m, { Taproot: { merkle_root: r } }), [MESSAGE, MERKLE_ROOT]);

  for (const [sig, type] of [[schnorr, 'schnorr'], [taproot, 'taproot'], [scripted, 'taproot']]) {
    assert.equal(sig.type, type);
    assert.equal(sig.message, MESSAGE);
    assert.equal(sig.ok, true, 'verified in the page (wasm verifyBip340)');
    assert.ok(sig.signers_used.length >= 3);
    const v = await checkSignature(sig);
    assert.deepEqual(v, { independent: true, wasm: true, tweak: true, rejectsOther: true, ok: true }, JSON.stringify(sig));
  }
  assert.equal(schnorr.verify_key, dkg.group_key.slice(2));
  assert.notEqual(taproot.verify_key, schnorr.verify_key);
  assert.equal(scripted.merkle_root, MERKLE_ROOT);
  assert.notEqual(scripted.verify_key, taproot.verify_key);

  const state = await w.evaluate(() => window.wsts.state());
  assert.equal(state.dkg.ok, true);
  assert.deepEqual(state.malicious, {});
  assert.deepEqual(state.unresponsive, []);

  // (d) WebRTC: data channels to the signers are open and carried packets both ways.
  const rtc = Object.entries(state.transport).filter(([p, t]) => p.startsWith('signer-') && t.path === 'webrtc');
  assert.ok(rtc.length >= 1, `no signer on webrtc: ${JSON.stringify(state.transport)}`);
  for (const [peer, t] of rtc) {
    assert.ok(t.sent.webrtc > 0 && t.received.webrtc > 0, `${peer}: ${JSON.stringify(t)}`);
  }
  const signerSide = await c.signers[0].evaluate(() => window.wstsSigner.state().transport.coordinator);
  if (state.transport['signer-0'].path === 'webrtc') {
    assert.equal(signerSide.path, 'webrtc');
    assert.ok(signerSide.received.webrtc > 0 && signerSide.sent.webrtc > 0);
  }
  assert.deepEqual(env.pageErrors, []);
  await c.ctx.close();
});

test('without WebRTC everything goes through the relay; uneven weights count by key ids', { timeout: 60000 }, async () => {
  const room = roomName('relayonly');
  const ctx = await env.newContext();
  const w = env.watch(await ctx.newPage(), 'coordinator');
  // Signer 1 holds 4 of 6 key ids: no threshold-4 signature without it.
  await w.goto(`${env.url}coordinator.html?room=${room}&signers=3&weights=1,4,1&threshold=4&webrtc=0`);
  await w.waitForFunction(() => window.wsts?.state().connected);
  const pages = [];
  for (let i = 0; i < 3; i++) {
    const p = env.watch(await ctx.newPage(), `signer-${i}`);
    await p.goto(`${env.url}signer.html?room=${room}&id=${i}&webrtc=0`);
    pages.push(p);
  }
  await w.evaluate(() => window.wsts.ready());
  await w.evaluate(() => window.wsts.runDkg());
  const sig = await w.evaluate(() => window.wsts.sign('00ff', 'Schnorr'));
  assert.equal((await checkSignature(sig)).ok, true);
  assert.ok(sig.signers_used.includes(1), JSON.stringify(sig.signers_used));
  const state = await w.evaluate(() => window.wsts.state());
  assert.deepEqual(state.config.weights, [1, 4, 1]);
  assert.deepEqual(state.signers['1'].keyIds, [2, 3, 4, 5]);
  const t = state.transport;
  for (let i = 0; i < 3; i++) {
    assert.equal(t[`signer-${i}`].path, 'relay');
    assert.equal(t[`signer-${i}`].sent.webrtc, 0);
    assert.ok(t[`signer-${i}`].received.relay > 0);
  }
  await ctx.close();
});

test('ROAST in the tab: signers that answer the nonce request and then freeze never delay it with a deadline, and are not malicious', { timeout: 60000 }, async () => {
  const room = roomName('roast');
  const ctx = await env.newContext();
  const w = env.watch(await ctx.newPage(), 'coordinator');
  await w.goto(`${env.url}coordinator.html?room=${room}&signers=5&keys=20&threshold=12&policy=roast&webrtc=0`);
  await w.waitForFunction(() => window.wsts?.state().connected);
  const pages = [];
  for (let i = 0; i < 5; i++) {
    const p = env.watch(await ctx.newPage(), `signer-${i}`);
    await p.goto(`${env.url}signer.html?room=${room}&id=${i}&webrtc=0`);
    pages.push(p);
  }
  await w.evaluate(() => window.wsts.ready());
  await w.evaluate(() => window.wsts.runDkg());
  // Signers 0 and 1 answer the nonce request, then never answer a session.
  for (const p of pages.slice(0, 2)) await p.evaluate(() => window.wstsSigner.hold(['SessionRequest']));
  const { sig, deadlines } = await w.evaluate(async () => {
    const app = window.wsts.app;
    const seen = [];
    const probe = setInterval(() => seen.push(app.coord.pollTimeout()), 2);
    const signed = await app.sign('00ff', 'Schnorr');
    clearInterval(probe);
    seen.push(app.coord.pollTimeout());
    return { sig: signed, deadlines: seen.filter((d) => d !== undefined && d !== null).length };
  });
  assert.equal(deadlines, 0, 'a ROAST signing round never sets a deadline: no timeout could fire');
  assert.equal((await checkSignature(sig)).ok, true);
  assert.deepEqual(sig.signers_used, [2, 3, 4]);
  const state = await w.evaluate(() => window.wsts.state());
  assert.equal(state.policy, 'roast');
  assert.deepEqual(state.malicious, {});
  const report = await w.evaluate(() => window.wsts.report());
  assert.ok(report.signatures.at(-1).sessions >= 2, JSON.stringify(report.signatures.at(-1)));
  await ctx.close();
});

test('with the relay down, signing goes on over the data channels; pages reconnect when it is back', { timeout: 90000 }, async () => {
  const room = roomName('relaydown');
  const c = await openCeremony(env, { room, signers: 3, keys: 9, threshold: 6 });
  const w = c.coordinator;
  await w.evaluate(() => window.wsts.runDkg());
  const paths = (await w.evaluate(() => window.wsts.state())).transport;
  for (let i = 0; i < 3; i++) assert.equal(paths[`signer-${i}`].path, 'webrtc', JSON.stringify(paths));

  await env.relay.stop();
  await w.waitForFunction(() => !window.wsts.state().connected, null, { timeout: 10000 });
  const sig = await w.evaluate(() => window.wsts.sign('cafe', 'Schnorr'));
  assert.equal((await checkSignature(sig)).ok, true);

  // Back on the same port: every page rejoins on its own (back-off ≤ 5 s).
  env.relay = await startRelay({ port: env.relay.port });
  await w.waitForFunction(() => window.wsts.state().connected, null, { timeout: 20000 });
  for (const p of c.signers) await p.waitForFunction(() => window.wstsSigner.state().connected, null, { timeout: 20000 });
  await w.waitForFunction(() => Object.values(window.wsts.state().signers).every((s) => s.present), null, { timeout: 10000 });
  const again = await w.evaluate(() => window.wsts.sign('beef', { Taproot: { merkle_root: null } }));
  assert.equal((await checkSignature(again)).ok, true);
  await c.ctx.close();
});
