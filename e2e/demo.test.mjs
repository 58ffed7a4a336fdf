// (e) The demo page (index.html), driven through its buttons: start the
//     ceremony (signers open as iframes), make one signer misbehave, run DKG,
//     sign BIP-340 and taproot; screenshots go to test-output/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setup, ensureOut } from './lib/harness.mjs';
import { checkSignature } from './lib/verify.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('the demo page runs a whole ceremony from its buttons', { timeout: 90000 }, async () => {
  const out = ensureOut();
  const ctx = await env.newContext();
  const page = env.watch(await ctx.newPage(), 'demo');
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(env.url);
  await page.fill('#signers', '4');
  await page.fill('#keys', '20');
  await page.fill('#threshold', '13');
  await page.dispatchEvent('#signers', 'change');
  await page.click('#start');
  // Four signer iframes join and take the config.
  await page.waitForFunction(() => window.wsts && window.wsts.state().config !== null, null, { timeout: 30000 });
  await page.waitForFunction(() => Object.values(window.wsts.state().signers).every((s) => s.status && s.status.startsWith('Ready')), null, { timeout: 20000 });
  assert.equal(page.frames().filter((f) => f.url().includes('signer.html')).length, 4);
  await page.waitForSelector('#dkg:not([disabled])');

  // Make signer 2 withhold its private shares from signer 1.
  await page.selectOption('#bad-signer', '2');
  await page.selectOption('#behaviour', 'withhold-private-shares=');
  await page.selectOption('#victim', '1');
  await page.check('#misbehave');
  await page.waitForFunction(() => window.wsts.state().signers[2].misbehaving === 'withhold-private-shares=1', null, { timeout: 10000 });

  await page.click('#dkg');
  await page.waitForFunction(() => window.wsts.state().groupKey, null, { timeout: 45000 });
  await page.waitForSelector('#sign-schnorr:not([disabled])');
  await page.fill('#message', 'signed in a browser demo');
  await page.click('#sign-schnorr');
  await page.waitForFunction(() => window.wsts.state().signatures.length === 1, null, { timeout: 30000 });
  await page.waitForSelector('#sign-taproot:not([disabled])');
  await page.click('#sign-taproot');
  await page.waitForFunction(() => window.wsts.state().signatures.length === 2, null, { timeout: 30000 });
  await page.waitForTimeout(400); // let the view render the last update

  const s = await page.evaluate(() => window.wsts.state());
  assert.deepEqual(s.malicious, { 2: 'WithheldPrivateShares' });
  assert.equal(s.dkg.ok, true);
  assert.deepEqual(s.signatures.map((g) => g.type), ['schnorr', 'taproot']);
  for (const sig of s.signatures) {
    assert.equal(sig.ok, true);
    assert.equal(sig.message, Buffer.from('signed in a browser demo').toString('hex'));
    assert.equal((await checkSignature(sig)).ok, true);
  }
  // The page shows it.
  assert.equal(await page.textContent('#aggregate-key'), s.groupKey);
  assert.equal(await page.locator('table.sigs td.good').count(), 2);
  assert.ok((await page.textContent('ul.log')).includes('signer 2 proven malicious: WithheldPrivateShares'));

  await page.screenshot({ path: join(out, 'demo-finished.png'), fullPage: true });
  await page.screenshot({ path: join(out, 'demo-finished-top.png') });
  assert.deepEqual(env.pageErrors, []);
  await ctx.close();
});
