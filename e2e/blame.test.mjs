// (b) a misbehaving signer is proven malicious by the in-tab coordinator (wasm
//     blame code) and left out, and DKG still completes;
// (c) a signer page closed mid-round is unresponsive, not malicious; the round
//     completes without it; reopened (same context, same localStorage) it
//     restores its state and signs again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openCeremony, roomName, signerUrl } from './lib/harness.mjs';
import { checkSignature } from './lib/verify.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function misbehave(c, id, spec) {
  await c.coordinator.evaluate(([i, s]) => window.wsts.misbehave(i, s), [id, spec]);
  await c.signers[id].waitForFunction((s) => window.wstsSigner.state().misbehaving === s, spec, { timeout: 10000 });
}

test('withheld private shares: the coordinator names the signer and DKG completes without it', { timeout: 60000 }, async () => {
  const c = await openCeremony(env, { room: roomName('withhold') });
  await misbehave(c, 2, 'withhold-private-shares=1');
  const dkg = await c.coordinator.evaluate(() => window.wsts.runDkg());
  const s = await c.coordinator.evaluate(() => window.wsts.state());
  assert.deepEqual(s.malicious, { 2: 'WithheldPrivateShares' });
  assert.ok(s.dkg.attempts.some((a) => a.malicious['2'] === 'WithheldPrivateShares'), JSON.stringify(s.dkg));
  assert.equal(s.dkg.attempts.at(-1).ok, true);
  assert.deepEqual(dkg.signers, [0, 1, 3]);
  for (const a of s.dkg.attempts) assert.ok(!a.unresponsive.includes(2), 'malice is not silence');
  const sig = await c.coordinator.evaluate(() => window.wsts.sign('01020304', 'Schnorr'));
  assert.ok(!sig.signers_used.includes(2));
  assert.equal((await checkSignature(sig)).ok, true);
  await c.ctx.close();
});

test('bad private shares: a reported failure is settled in the tab, the retry succeeds', { timeout: 60000 }, async () => {
  const c = await openCeremony(env, { room: roomName('badshares') });
  await misbehave(c, 2, 'bad-private-shares=1');
  const dkg = await c.coordinator.evaluate(() => window.wsts.runDkg());
  const s = await c.coordinator.evaluate(() => window.wsts.state());
  assert.deepEqual(s.malicious, { 2: 'BadPrivateShares' });
  const first = s.dkg.attempts[0];
  assert.equal(first.ok, false);
  assert.equal(first.malicious['2'], 'BadPrivateShares');
  assert.ok(first.reported_failures.some((f) => f.reporter === 1), JSON.stringify(first.reported_failures).slice(0, 400));
  assert.equal(s.dkg.attempts.at(-1).ok, true);
  assert.ok(s.dkg.attempts.length >= 2);
  assert.ok(!dkg.signers.includes(2));
  await c.ctx.close();
});

test('a signer page closed mid-round is unresponsive, not malicious; reopened, it signs again', { timeout: 90000 }, async () => {
  const room = roomName('offline');
  const c = await openCeremony(env, { room });
  const w = c.coordinator;
  const dkg = await w.evaluate(() => window.wsts.runDkg());
  const victim = 1;
  // The victim answers nonce requests but holds the next SignatureShareRequest
  // (a test hook in its worker), then its page is closed before it answers.
  // Three of four signers are chosen per attempt, so repeat until it is.
  let sig = null;
  let caught = false;
  for (let round = 0; round < 6 && !caught; round++) {
    await c.signers[victim].evaluate(() => window.wstsSigner.hold(['SignatureShareRequest']));
    const pending = w.evaluate((m) => window.wsts.sign(m, 'Schnorr'), `0a${round.toString(16).padStart(2, '0')}`);
    // Held (chosen) comes before the signature; a signature first means it was not chosen.
    const held = c.signers[victim]
      .waitForFunction(() => window.wstsSigner.state().held.length > 0, null, { timeout: 15000 })
      .then(() => 'held', () => 'not held');
    const first = await Promise.race([held, pending.then(() => 'signed', () => 'signed')]);
    if (first === 'held') {
      caught = true;
      await c.signers[victim].close();
    }
    sig = await pending;
    if (!caught) await c.signers[victim].evaluate(() => window.wstsSigner.hold([]));
  }
  assert.ok(caught, 'the victim was never chosen to sign');
  const s = await w.evaluate(() => window.wsts.state());
  assert.equal(sig.ok, true);
  assert.ok(!sig.signers_used.includes(victim), JSON.stringify(sig));
  assert.ok(sig.attempts >= 2, 'completed by a retry');
  assert.deepEqual(s.malicious, {}, 'silence is never malice');
  assert.ok(s.unresponsive.includes(victim), JSON.stringify(s.unresponsive));
  const failed = s.signAttempts.filter((a) => a.sign_id === sig.sign_id && !a.ok);
  assert.ok(failed.some((a) => a.unresponsive.includes(victim)), JSON.stringify(s.signAttempts));
  assert.equal((await checkSignature(sig)).ok, true);

  // Reopen it in the same context: same localStorage, same peer id, restored state.
  const again = env.watch(await c.ctx.newPage(), `signer-${victim}-again`);
  await again.goto(signerUrl(env, room, victim));
  await again.waitForFunction((k) => window.wstsSigner?.state().restored && window.wstsSigner.state().groupKey === k,
    dkg.group_key, { timeout: 15000 });
  await w.waitForFunction((v) => window.wsts.state().signers[v].present, victim, { timeout: 10000 });
  c.signers[victim] = again;
  // The next rounds ask everyone again; it takes part (sends nonces) and, when
  // among the first three, its shares are in the signature.
  let included = false;
  for (let round = 0; round < 6 && !included; round++) {
    const before = (await again.evaluate(() => window.wstsSigner.state().counts.sent));
    const next = await w.evaluate((m) => window.wsts.sign(m, 'Schnorr'), `0b${round.toString(16).padStart(2, '0')}`);
    assert.equal(next.ok, true);
    assert.equal((await checkSignature(next)).ok, true);
    assert.ok((await again.evaluate(() => window.wstsSigner.state().counts.sent)) > before, 'the restored signer answered');
    included = next.signers_used.includes(victim);
  }
  assert.ok(included, 'the restored signer was never among the signers used');
  const after = await w.evaluate(() => window.wsts.state());
  assert.deepEqual(after.malicious, {});
  assert.deepEqual(after.unresponsive, []);
  await c.ctx.close();
});
