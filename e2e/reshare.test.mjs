// (issue 12) Reshare and refresh in the browser: a coordinator page and
// three signer pages run DKG and sign; the coordinator page's "Add signer"
// opens a new signer page (id 3), and its weight and threshold editors and
// Reshare button remove signer 1 and raise the threshold: the same group key
// signs at epoch 1 with the new signer taking part (its weight is needed),
// verified in node. Then a refresh (the SDK's promise): epoch 2, same key,
// another verified signature. The wasm bindings' typed errors for bad
// reshare requests are checked on the way. And the demo page (index.html):
// its Add signer adds a signer frame that a reshare from its buttons takes in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setup, openCeremony, roomName, ensureOut, signerUrl, hexMessage as message, shareEntry } from './lib/harness.mjs';
import { checkSignature } from './lib/verify.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Record a signer page's `reshare` events (window.reshares), each with its vault entry as the event found it. */
const recordReshares = (page) => page.evaluate(() => {
  window.reshares = [];
  const s = window.wstsSigner;
  s.addEventListener('reshare', async (ev) => {
    const r = { ...ev.detail };
    window.reshares.push(r);
    const e = await s.vault.getJson(s.records.shareId(ev.detail.groupKey));
    r.saved = e.retired ? `retired at epoch ${e.epoch}, ${e.state ? 'a state kept' : 'no state'}`
      : `epoch ${e.epoch}${e.previousEpoch ? ' and the previous' : ''}`;
  });
});

/** The wasm coordinator's error code for a reshare request, or 'none'. */
function reshareErrorCode(page, request) {
  return page.evaluate((r) => {
    try {
      window.wsts.app.coord.reshareConfig(r);
      return 'none';
    } catch (e) {
      return e.code ?? `no code: ${e.message}`;
    }
  }, request);
}

test('a new signer joins a reshare; the same key signs at epoch 1 with it, then at epoch 2 after a refresh', { timeout: 90000 }, async () => {
  const t0 = Date.now();
  const room = roomName('reshare');
  // Three signers with 2 key ids each, threshold 4.
  const c = await openCeremony(env, { room, signers: 3, keys: 6, threshold: 4 });
  const w = c.coordinator;
  const dkg = await w.evaluate(() => window.wsts.runDkg());
  const before = await w.evaluate((m) => window.wsts.sign(m, 'Schnorr'), message('epoch 0'));
  assert.equal(before.epoch, 0);
  assert.equal((await checkSignature(before)).ok, true);

  // "Add signer": a new signer page under the next id (a link pinning this
  // coordinator's key), not in the ceremony yet.
  const popup = w.waitForEvent('popup');
  await w.click('#add-signer');
  const joiner = env.watch(await popup, 'signer-3');
  assert.equal(new URL(joiner.url()).searchParams.get('id'), '3');
  // The link carries the group key: the joiner takes a reshare of it alone (expectedGroupKey).
  assert.equal(new URL(joiner.url()).searchParams.get('groupKey'), dkg.group_key);
  await joiner.waitForFunction(() => window.wstsSigner?.started, null, { timeout: 20000 });
  await w.waitForFunction(() => window.wsts.state().signers[3]?.present, null, { timeout: 20000 });
  assert.equal(await joiner.evaluate(() => window.wstsSigner.state().hasConfig), false, 'not invited before the reshare');

  // Bad requests are refused with stable codes, before anything starts.
  const joinerKey = await joiner.evaluate(() => window.wstsSigner.state().pubkey);
  assert.equal(await reshareErrorCode(w, { weights: [2, 2], threshold: 3 }), 'bad-weights');
  assert.equal(await reshareErrorCode(w, { weights: [0, 0, 0], threshold: 1 }), 'bad-weights');
  assert.equal(await reshareErrorCode(w, { weights: [2, 2, 2, 2], threshold: 4 }), 'bad-joiners');
  assert.equal(await reshareErrorCode(w, { weights: [2, 2, 2, 2], threshold: 4, joiners: ['zz'] }), 'bad-key');
  assert.equal(await reshareErrorCode(w, { weights: [2, 2, 2], threshold: 7 }), 'config');
  assert.equal(await reshareErrorCode(w, { weights: [2, 2, 2], threshold: 4, typo: 1 }), 'bad-input');
  assert.equal(await reshareErrorCode(w, { weights: [2, 0, 2, 3], threshold: 5, joiners: [joinerKey] }), 'none');
  const missing = await w.evaluate(() => window.wsts.reshare({ weights: [2, 2, 2, 2, 2], threshold: 5 }).then(() => 'none', (e) => e.code));
  assert.equal(missing, 'missing-signer', 'signer 4 is not in the room');

  // A reshare given up while its joiner is being invited (an aborted
  // signal): the joiner took that config, and follows the next one.
  const aborted = await w.evaluate(() => window.wsts.reshare({ weights: [2, 0, 2, 1], threshold: 4, signal: AbortSignal.abort() })
    .then(() => 'none', (e) => e.code));
  assert.equal(aborted, 'aborted');
  await joiner.waitForFunction(() => window.wstsSigner.state().keyIds.join() === '5', null, { timeout: 10000 });
  assert.equal(await w.evaluate(() => window.wsts.state().epoch), 0);

  await recordReshares(joiner);
  await recordReshares(c.signers[0]);
  await recordReshares(c.signers[2]);
  await recordReshares(c.signers[1]);
  // On the page: signer 1 leaves, signer 3 joins with 3 key ids, threshold
  // 5: the stayers (0 and 2) hold 4 key ids, so no signature without the new signer.
  await w.fill('input[data-signer="1"]', '0');
  await w.fill('input[data-signer="3"]', '3');
  await w.fill('#reshare-threshold', '5');
  await w.click('#reshare');
  await w.waitForFunction(() => window.wsts.state().epoch === 1, null, { timeout: 30000 }).catch(async (e) => {
    console.error(JSON.stringify(await w.evaluate(() => window.wsts.state().log.slice(-15).map((l) => l.text)), null, 1));
    throw e;
  });
  await w.waitForFunction(() => document.querySelector('#epoch')?.textContent === '1', null, { timeout: 5000 });
  const reshared = await w.evaluate(() => window.wsts.state());
  assert.equal(reshared.groupKey, dkg.group_key, 'the group key is unchanged');
  assert.deepEqual(reshared.weights, [2, 0, 2, 3]);
  assert.equal(reshared.config.threshold, 5);
  assert.deepEqual(reshared.reshare.attempts.map((a) => a.ok), [true]);
  await joiner.waitForFunction((k) => {
    const s = window.wstsSigner.state();
    return s.groupKey === k && s.epoch === 1 && s.keyShares.includes(k);
  }, dkg.group_key, { timeout: 10000 }).catch(async (e) => {
    console.error(JSON.stringify(await joiner.evaluate(() => ({ ...window.wstsSigner.state(), log: window.wstsSigner.logLines.slice(-20) })), null, 1));
    throw e;
  });
  assert.deepEqual(await joiner.evaluate(() => window.wstsSigner.state().keyIds), [5, 6, 7]);
  // An old signer's key ids follow the new config (signer 2 held 5, 6).
  await c.signers[2].waitForFunction(() => window.wstsSigner.state().keyIds.join() === '3,4', null, { timeout: 10000 });

  const after = await w.evaluate((m) => window.wsts.sign(m, 'Schnorr'), message('epoch 1'));
  assert.equal(after.epoch, 1);
  assert.equal(after.verify_key, dkg.group_key.slice(2), 'signed under the same key');
  assert.ok(after.signers_used.includes(3) && !after.signers_used.includes(1), JSON.stringify(after.signers_used));
  assert.deepEqual(await checkSignature(after), { independent: true, wasm: true, tweak: true, rejectsOther: true, ok: true });
  // Every old signer of the new epoch gets EpochConfirmed, whether it signed
  // or not: its old shares go, and the saved state (written before the
  // event) no longer holds them.
  for (const id of [0, 2]) {
    await c.signers[id].waitForFunction(() => {
      const s = window.wstsSigner.state();
      return s.epoch === 1 && s.previousEpoch === false;
    }, null, { timeout: 10000 });
  }
  // An old signer that signed (0 or 2: the joiner's 3 key ids need 2 more)
  // saved the reshared state (both epochs), then the confirmed one, each
  // before its `reshare` event; so did the joiner.
  for (const [page, keyIds] of [[c.signers[0], [1, 2]], [c.signers[2], [3, 4]], [joiner, [5, 6, 7]]]) {
    await page.waitForFunction(() => window.reshares.length === 2 && window.reshares.every((r) => r.saved), null, { timeout: 10000 });
    const stages = await page.evaluate(() => window.reshares.map((r) => `${r.stage}@${r.epoch}:${r.groupKey} (saved: ${r.saved})`));
    assert.deepEqual(stages, [
      `reshared@1:${dkg.group_key} (saved: epoch 1 and the previous)`, `confirmed@1:${dkg.group_key} (saved: epoch 1)`]);
    assert.deepEqual(await shareEntry(page, dkg.group_key), { epoch: 1, previousEpoch: false, keyIds });
  }
  // The leaver (signer 1) gets EpochConfirmed too: it deletes every share,
  // saves that, then reports `retired`; its entry for the key holds no
  // state, and the page says it left. A reload keeps it so.
  const leaver = c.signers[1];
  await leaver.waitForFunction(() => window.reshares.some((r) => r.stage === 'retired' && r.saved), null, { timeout: 10000 });
  assert.deepEqual(await leaver.evaluate(() => window.reshares.map((r) => `${r.stage}@${r.epoch}:${r.groupKey} (saved: ${r.saved})`)),
    [`retired@1:${dkg.group_key} (saved: retired at epoch 1, no state)`]);
  const retiredEntry = { retired: true, epoch: 1, state: null, config: null };
  assert.deepEqual(await shareEntry(leaver, dkg.group_key), retiredEntry);
  const leaverState = async () => leaver.evaluate(() => {
    const s = window.wstsSigner.state();
    return { groupKey: s.groupKey, keyShares: s.keyShares, keyIds: s.keyIds, retired: s.retired, shown: document.querySelector('#retired').hidden ? null : document.querySelector('#retired').textContent };
  });
  const retiredView = {
    groupKey: null, keyShares: [], keyIds: [], retired: { groupKey: dkg.group_key, epoch: 1, dkgId: reshared.reshare.attempts.at(-1).dkg_id },
    shown: `Left group ${dkg.group_key.slice(0, 16)}… at epoch 1: this signer holds no share of it`,
  };
  await leaver.waitForFunction(() => !document.querySelector('#retired').hidden, null, { timeout: 5000 });
  assert.deepEqual(await leaverState(), retiredView);
  // The live record holds the retired state: no key after a reload either.
  await leaver.reload();
  await leaver.waitForFunction(() => window.wstsSigner?.started, null, { timeout: 20000 });
  await leaver.waitForFunction(() => !document.querySelector('#retired').hidden, null, { timeout: 5000 });
  assert.deepEqual(await leaverState(), retiredView);
  assert.deepEqual(await shareEntry(leaver, dkg.group_key), retiredEntry);

  // A refresh: same signers, same key, epoch 2.
  const refreshedKey = await w.evaluate(() => window.wsts.refresh());
  assert.deepEqual([refreshedKey.groupKey, refreshedKey.epoch, refreshedKey.signers], [dkg.group_key, 2, [0, 2, 3]]);
  await w.waitForFunction(() => document.querySelector('#epoch')?.textContent === '2', null, { timeout: 5000 });
  const refreshed = await w.evaluate((m) => window.wsts.sign(m, 'Schnorr'), message('epoch 2'));
  assert.equal(refreshed.epoch, 2);
  assert.equal(refreshed.verify_key, dkg.group_key.slice(2));
  assert.equal((await checkSignature(refreshed)).ok, true);
  await joiner.waitForFunction(() => window.wstsSigner.state().epoch === 2, null, { timeout: 10000 });

  // The coordinator page reloaded mid-reshare, with signer 4 joining: the
  // restored coordinator goes on and still reaches the joiner. Signer 0
  // holds back (test hook) so that the round waits for its deadline.
  const late = env.watch(await c.ctx.newPage(), 'signer-4');
  await late.goto(signerUrl(env, room, 4));
  await w.waitForFunction(() => window.wsts.state().signers[4]?.present, null, { timeout: 20000 });
  await c.signers[0].evaluate(() => window.wstsSigner.hold(['ReshareBegin']));
  await w.evaluate(() => { window.wsts.reshare({ weights: [2, 0, 2, 3, 1], threshold: 5 }).catch(() => {}); });
  await w.waitForFunction(() => window.wsts.state().progress.dkg?.running && window.wsts.state().resharing, null, { timeout: 20000 });
  await w.waitForTimeout(500); // the session is saved within 250 ms
  await w.reload();
  await w.waitForFunction(() => window.wsts?.state().connected, null, { timeout: 20000 });
  assert.equal(await w.evaluate(() => window.wsts.state().resharing), true, 'restored mid-reshare');
  await c.signers[0].evaluate(() => window.wstsSigner.hold([]));
  await w.waitForFunction(() => window.wsts.state().epoch === 3, null, { timeout: 40000 });
  await late.waitForFunction((k) => {
    const s = window.wstsSigner.state();
    return s.groupKey === k && s.epoch === 3 && s.keyShares.includes(k);
  }, dkg.group_key, { timeout: 10000 });
  const last = await w.evaluate((m) => window.wsts.sign(m, 'Schnorr'), message('epoch 3'));
  assert.deepEqual([last.epoch, last.verify_key], [3, dkg.group_key.slice(2)]);
  assert.equal((await checkSignature(last)).ok, true);

  await w.waitForTimeout(200); // the view renders the last update
  await w.screenshot({ path: join(ensureOut(), 'reshare-coordinator.png'), fullPage: true });
  await joiner.screenshot({ path: join(ensureOut(), 'reshare-joiner.png') });
  assert.deepEqual(env.pageErrors, []);
  console.log(`reshare e2e: ${Date.now() - t0} ms`);
  await c.ctx.close();
});

test('the demo page: Add signer opens a frame that joins a reshare from the buttons', { timeout: 60000 }, async () => {
  const ctx = await env.newContext();
  const page = env.watch(await ctx.newPage(), 'demo');
  await page.goto(`${env.url}?signers=3&keys=6&threshold=4&autostart=1`);
  await page.waitForFunction(() => window.wsts?.state().config !== null, null, { timeout: 30000 });
  await page.waitForSelector('#dkg:not([disabled])');
  await page.click('#dkg');
  await page.waitForFunction(() => window.wsts.state().groupKey, null, { timeout: 30000 });
  const groupKey = await page.evaluate(() => window.wsts.state().groupKey);
  await page.waitForSelector('#add-signer:not([disabled])');
  await page.click('#add-signer');
  await page.waitForSelector('#signer-frame-3');
  await page.waitForFunction(() => window.wsts.state().signers[3]?.present, null, { timeout: 20000 });
  await page.waitForSelector('input[data-signer="3"]');
  await page.fill('input[data-signer="3"]', '2');
  await page.waitForSelector('#reshare:not([disabled])');
  await page.click('#reshare');
  await page.waitForFunction(() => window.wsts.state().epoch === 1, null, { timeout: 30000 });
  const s = await page.evaluate(() => window.wsts.state());
  assert.equal(s.groupKey, groupKey);
  assert.deepEqual(s.weights, [2, 2, 2, 2]);
  await page.waitForSelector('#sign-schnorr:not([disabled])');
  await page.click('#sign-schnorr');
  await page.waitForFunction(() => window.wsts.state().signatures.length === 1, null, { timeout: 30000 });
  const [sig] = await page.evaluate(() => window.wsts.state().signatures);
  assert.equal(sig.epoch, 1);
  assert.equal(sig.verify_key, groupKey.slice(2));
  assert.equal((await checkSignature(sig)).ok, true);
  // The new frame holds a share of the same key.
  const frame = page.frames().find((f) => f.url().includes('id=3'));
  await frame.waitForFunction((k) => window.wstsSigner.state().keyShares.includes(k), groupKey, { timeout: 10000 });
  assert.deepEqual(env.pageErrors, []);
  await ctx.close();
});
