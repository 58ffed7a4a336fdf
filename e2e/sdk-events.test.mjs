// The SDK's typed events and cancellation, on the pages' own clients
// (window.wsts.app: the SDK's CoordinatorClient; window.wstsSigner: its
// SignerClient): `blame` names a proven-malicious signer with its offence
// and never as unresponsive, `dkg`/`signature`/`progress` fire on both
// sides, a signer's refusal of unsigned control is an `error` with a stable
// code, an aborted DKG rejects with code `aborted` and leaves the
// coordinator able to run the next one, and an aborted start joins nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openCeremony, roomName } from './lib/harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Record every SDK event of `target` (an expression in the page) into window.sdkEvents. */
const record = (page, target) => page.evaluate((t) => {
  window.sdkEvents = [];
  const client = t === 'coordinator' ? window.wsts.app : window.wstsSigner;
  for (const type of ['progress', 'dkg', 'signature', 'blame', 'error']) {
    client.addEventListener(type, (ev) => window.sdkEvents.push({ type, detail: JSON.parse(JSON.stringify(ev.detail ?? null)) }));
  }
}, target);
const events = (page, type) => page.evaluate((t) => window.sdkEvents.filter((e) => e.type === t).map((e) => e.detail), type);

test('SDK events: blame, dkg, signature, progress, error codes; an aborted DKG; an aborted start', { timeout: 120000 }, async () => {
  const room = roomName('sdk-events');
  const c = await openCeremony(env, { room });
  await record(c.coordinator, 'coordinator');
  for (const p of c.signers) await record(p, 'signer');

  // Cancelled as soon as it runs (its first progress): rejects with
  // `aborted`, the round is abandoned, and the next DKG runs.
  const aborted = await c.coordinator.evaluate(async () => {
    const app = window.wsts.app;
    const ac = new AbortController();
    app.addEventListener('progress', () => ac.abort(), { once: true });
    const code = await app.runDkg({ signal: ac.signal }).then(() => 'resolved', (e) => e.code);
    return { code, running: app.coord.progress().dkg?.running ?? false, groupKey: app.groupKey };
  });
  assert.deepEqual(aborted, { code: 'aborted', running: false, groupKey: null });

  await c.coordinator.evaluate(() => window.wsts.misbehave(2, 'withhold-private-shares=1'));
  await c.signers[2].waitForFunction(() => window.wstsSigner.state().misbehaving, null, { timeout: 10000 });
  const dkg = await c.coordinator.evaluate(() => window.wsts.runDkg());
  const blames = await events(c.coordinator, 'blame');
  assert.ok(blames.some((b) => b.phase === 'dkg' && b.malicious['2'] === 'WithheldPrivateShares'), JSON.stringify(blames));
  for (const b of blames) assert.ok(!b.unresponsive.includes(2), 'malice is not silence');
  assert.deepEqual((await events(c.coordinator, 'dkg')).map((d) => d.groupKey), [dkg.group_key]);

  const sig = await c.coordinator.evaluate(() => window.wsts.sign('0a0b0c', 'bip340'));
  const sigs = await events(c.coordinator, 'signature');
  assert.equal(sigs.length, 1);
  assert.equal(sigs[0].signature, sig.signature);
  assert.equal(sigs[0].ok, true);
  assert.ok((await events(c.coordinator, 'progress')).length > 0);

  for (const id of dkg.signers) {
    const p = c.signers[id];
    assert.deepEqual((await events(p, 'dkg')).map((d) => d.groupKey), [dkg.group_key]);
    assert.ok((await events(p, 'progress')).length > 0);
  }
  const sent = await Promise.all(sig.signers_used.map((id) => events(c.signers[id], 'signature')));
  for (const s of sent) assert.equal(s.length, 1);

  // Unsigned control, as an old coordinator sent it: refused with code `unsigned`.
  const signer0 = c.signers[0];
  await signer0.evaluate(() => window.wstsSigner.onControl({ from: 'coordinator', message: { type: 'config', config: {} } }));
  const errors = await events(signer0, 'error');
  assert.deepEqual(errors.map((e) => [e.code, e.kind]), [['unsigned', 'config']]);

  // A start aborted before it joins leaves nothing behind; a bounded wait ends with `timeout`.
  const early = await signer0.evaluate(async (room) => {
    const { createSigner, MemoryRecordStore } = await import('/pkg/src/index.js');
    const ac = new AbortController();
    const late = createSigner({ room, signerId: 7, storage: new MemoryRecordStore() });
    const started = late.start({ signal: ac.signal }).then(() => 'started', (e) => e.code);
    ac.abort();
    const waited = await late.waitForDkg({ timeoutMs: 50 }).then(() => 'dkg', (e) => e.code);
    const code = await started;
    await new Promise((r) => setTimeout(r, 1000));
    return { code, waited, joined: !!late.transport };
  }, room);
  assert.deepEqual(early, { code: 'aborted', waited: 'timeout', joined: false });
  const peers = await c.coordinator.evaluate(() => [...window.wsts.app.transport.peers.keys()]);
  assert.ok(!peers.includes('signer-7'), JSON.stringify(peers));
  assert.deepEqual(env.pageErrors, []);
  await c.ctx.close();
});
