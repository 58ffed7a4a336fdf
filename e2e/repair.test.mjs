// A joiner that pins the group key, and the repair of a lost share, in the
// browser. (1) A signer page opened with `groupKey=` naming another key (what
// `expectedGroupKey` guards against: a coordinator moving a joiner to a key
// of its own making) refuses the reshare with `unexpected-group-key` and
// holds no share; a key that is no point is a `bad-option`. (2) After DKG and
// a signature, a signer page removes its key share and reloads: a fresh
// signer of the same session, same id and network key. The coordinator
// page's Repair button rebuilds its shares from the others; the signer saves
// them and reports `repair`; a signature that needs it (another signer gone)
// verifies under the same group key.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openCeremony, roomName, signerUrl, hexMessage as message, shareEntry } from './lib/harness.mjs';
import { checkSignature } from './lib/verify.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('a joiner expecting another group key refuses the reshare and holds no share', { timeout: 60000 }, async () => {
  const t0 = Date.now();
  const room = roomName('expect');
  const c = await openCeremony(env, { room, signers: 3, keys: 6, threshold: 4 });
  const w = c.coordinator;
  const dkg = await w.evaluate(() => window.wsts.runDkg());
  // Another valid point: the coordinator's network key.
  const other = await w.evaluate(() => window.wsts.state().pubkey);
  assert.notEqual(other, dkg.group_key);

  // A key that is not a point: refused before anything starts.
  const bad = await w.evaluate(async (room) => {
    const { createSigner } = await import('/pkg/src/index.js');
    const format = (() => { try { createSigner({ room, signerId: 9, expectedGroupKey: 'zz' }); return 'none'; } catch (e) { return e.code; } })();
    const s = createSigner({ room, signerId: 9, expectedGroupKey: `02${'f'.repeat(64)}` });
    const point = await s.start().then(() => 'none', (e) => e.code);
    s.close();
    return { format, point };
  }, room);
  assert.deepEqual(bad, { format: 'bad-option', point: 'bad-option' });
  // The wasm binding's own typed errors (a Signer with no key yet).
  const wasmCodes = await w.evaluate(async (groupKey) => {
    const wasm = await import('/pkg/src/wasm.js');
    const { configToWasm } = await import('/pkg/src/common.js');
    await wasm.initWasm();
    const k = wasm.generateNetworkKey();
    const config = JSON.parse(JSON.stringify(window.wsts.app.config));
    config.network.signers[0] = k.public;
    const signer = new wasm.Signer(configToWasm(config), 0, k.secret);
    const code = (key) => { try { signer.expectGroupKey(key); return 'none'; } catch (e) { return e.code ?? e.message; } };
    return [code('zz'), code(`02${'f'.repeat(64)}`), code(groupKey)];
  }, dkg.group_key);
  assert.deepEqual(wasmCodes, ['bad-key', 'bad-key', 'none']);

  const joiner = env.watch(await c.ctx.newPage(), 'signer-3');
  await joiner.goto(`${signerUrl(env, room, 3)}&groupKey=${other}`);
  await joiner.waitForFunction(() => window.wstsSigner?.started, null, { timeout: 20000 });
  await joiner.evaluate(() => {
    window.errors = [];
    window.wstsSigner.addEventListener('error', (ev) => window.errors.push(ev.detail.code));
  });
  await w.waitForFunction(() => window.wsts.state().signers[3]?.present, null, { timeout: 20000 });
  await w.evaluate(() => {
    window.stop = new AbortController();
    window.outcome = window.wsts.reshare({ weights: [2, 2, 2, 1], threshold: 4, signal: window.stop.signal })
      .then(() => 'reshared', (e) => e.code);
  });
  await joiner.waitForFunction(() => window.errors.includes('unexpected-group-key'), null, { timeout: 20000 });
  await w.evaluate(() => window.stop.abort());
  assert.equal(await w.evaluate(() => window.outcome), 'aborted');
  assert.equal(await w.evaluate(() => window.wsts.state().epoch), 0, 'the old epoch stays');
  const s = await joiner.evaluate(() => window.wstsSigner.state());
  assert.deepEqual([s.groupKey, s.keyShares, s.hasConfig], [null, [], true], 'invited, but took no share');
  assert.equal(await shareEntry(joiner, dkg.group_key), null);
  assert.match(await joiner.evaluate(() => document.querySelector('#status').textContent), /not the expected group key/);
  assert.deepEqual(env.pageErrors, []);
  console.log(`expected group key e2e: ${Date.now() - t0} ms`);
  await c.ctx.close();
});

test('a signer that lost its share is repaired from the others and signs again under the same key', { timeout: 60000 }, async () => {
  const t0 = Date.now();
  const room = roomName('repair');
  // Three signers with 2 key ids each, threshold 4: any two sign, and two can repair the third.
  const c = await openCeremony(env, { room, signers: 3, keys: 6, threshold: 4 });
  const w = c.coordinator;
  const dkg = await w.evaluate(() => window.wsts.runDkg());
  const first = await w.evaluate((m) => window.wsts.sign(m, 'Schnorr'), message('before the loss'));
  assert.equal((await checkSignature(first)).ok, true);

  // Signer 2 loses its share: stopped, the entry removed (the deliberate
  // call), reloaded. It comes back with its network key and takes the session's invitation.
  const lost = c.signers[2];
  const pubkey = await lost.evaluate(() => window.wstsSigner.state().pubkey);
  await lost.evaluate(async (k) => {
    const s = window.wstsSigner;
    await s.persisted();
    s.close();
    const { removeKeyShare } = await import('/pkg/src/index.js');
    await removeKeyShare(s.vault, { groupKey: k, room: s.room, signerId: s.id });
  }, dkg.group_key);
  await lost.reload();
  await lost.waitForFunction(() => window.wstsSigner?.started && window.wstsSigner.state().hasConfig, null, { timeout: 20000 });
  const fresh = await lost.evaluate(() => window.wstsSigner.state());
  assert.deepEqual([fresh.groupKey, fresh.keyShares, fresh.pubkey], [null, [], pubkey]);
  assert.equal(await shareEntry(lost, dkg.group_key), null);
  const session = await w.evaluate(() => window.wsts.state().session);
  await w.waitForFunction((sess) => window.wsts.state().signers[2]?.status && window.wsts.app.signerInfo.get(2)?.session === sess,
    session, { timeout: 10000 });
  await lost.evaluate(() => {
    window.repairs = [];
    const s = window.wstsSigner;
    s.addEventListener('repair', async (ev) => {
      const e = await s.vault.getJson(s.records.shareId(ev.detail.groupKey));
      window.repairs.push({ ...ev.detail, saved: !!e?.state });
    });
  });

  // The coordinator page's Repair control.
  await w.evaluate(() => {
    window.repaired = new Promise((resolve) => window.wsts.app.addEventListener('repair', (ev) => resolve(ev.detail), { once: true }));
  });
  await w.fill('#repair-signer', '2');
  await w.click('#repair');
  const result = await w.evaluate(() => window.repaired);
  assert.equal(result.signer, 2);
  assert.deepEqual([...result.helpers].sort(), [0, 1]);
  await lost.waitForFunction(() => window.repairs.length === 1, null, { timeout: 10000 });
  const [ev] = await lost.evaluate(() => window.repairs);
  assert.deepEqual([ev.groupKey, ev.epoch, ev.saved], [dkg.group_key, 0, true], 'saved before the event');
  await lost.waitForFunction((k) => window.wstsSigner.state().keyShares.includes(k), dkg.group_key, { timeout: 5000 });
  const attempts = await w.evaluate(() => window.wsts.state().repair.attempts);
  assert.deepEqual(attempts.map((a) => a.ok), [true]);

  // Signer 0 gone: signers 1 and 2 (the repaired one) must sign.
  await c.signers[0].close();
  await w.waitForFunction(() => !window.wsts.state().signers[0]?.present, null, { timeout: 10000 });
  const after = await w.evaluate((m) => window.wsts.sign(m, 'Schnorr'), message('after the repair'));
  assert.deepEqual([...after.signers_used].sort(), [1, 2]);
  assert.equal(after.verify_key, dkg.group_key.slice(2), 'the same group key');
  assert.deepEqual(await checkSignature(after), { independent: true, wasm: true, tweak: true, rejectsOther: true, ok: true });
  assert.deepEqual(env.pageErrors, []);
  console.log(`repair e2e: ${Date.now() - t0} ms`);
  await c.ctx.close();
});
