// The example wallet, built by Vite from the SDK's npm tarball
// (scripts/example-wallet.sh), against the Rust relay in headless Chromium:
// a coordinator page and three signer pages (each in its own browser
// context, as on separate devices; one keeps its records in its own store)
// run a DKG, cancel one signing and finish another; the signature is checked
// in node, independently of the wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setup, roomName, ROOT } from '../../../e2e/lib/harness.mjs';
import { checkSignature } from '../../../e2e/lib/verify.mjs';

const DIST = 'examples/wallet/dist';
let env;
before(async () => {
  if (!existsSync(join(ROOT, DIST, 'index.html'))) throw new Error(`${DIST} not built: run bash scripts/example-wallet.sh`);
  env = await setup({ www: DIST, pkg: DIST });
});
after(async () => { await env?.close(); });

const done = (page) => page.waitForFunction(() => window.walletExample?.done || window.walletExample?.failed, null, { timeout: 90000 })
  .then(() => page.evaluate(() => window.walletExample));

test('the Vite-bundled example wallet runs a DKG and a BIP-340 signature over the relay', { timeout: 150000 }, async () => {
  const room = roomName('example');
  const coordinator = env.watch(await (await env.newContext()).newPage(), 'coordinator');
  await coordinator.goto(`${env.url}?role=coordinator&room=${room}&signers=3&keys=6&threshold=4`);
  await coordinator.waitForFunction(() => window.walletExample?.pubkey, null, { timeout: 20000 });
  const key = await coordinator.evaluate(() => window.walletExample.pubkey);
  const signers = [];
  for (let id = 0; id < 3; id++) {
    const page = env.watch(await (await env.newContext()).newPage(), `signer-${id}`);
    // Signer 2 keeps its records in the wallet's own store (in memory), not IndexedDB.
    await page.goto(`${env.url}?role=signer&room=${room}&id=${id}&coordinator=${key}${id === 2 ? '&storage=memory' : ''}`);
    signers.push(page);
  }

  const result = await done(coordinator);
  assert.equal(result.failed, undefined, `coordinator failed: ${result.failed}`);
  assert.equal(result.cancelled, 'aborted');
  const sig = result.signature;
  assert.equal(sig.ok, true);
  assert.equal(sig.type, 'schnorr');
  assert.equal(sig.message, Buffer.from('sent from the example wallet').toString('hex'));
  assert.equal((await checkSignature(sig)).ok, true, 'independent BIP-340 check');
  assert.equal(result.events.dkg, 1);
  assert.equal(result.events.signature, 1);
  assert.ok(result.events.progress > 0);
  assert.deepEqual(result.errors, []);

  for (const page of signers) {
    const s = await done(page);
    assert.equal(s.failed, undefined);
    assert.equal(s.groupKey, result.groupKey);
    assert.ok(s.events.progress > 0);
    assert.deepEqual(s.errors, []);
  }
  // The storage option: signer 2's context has no IndexedDB vault, its store has the records.
  const dbs = (page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  assert.deepEqual(await dbs(signers[2]), []);
  assert.ok((await signers[2].evaluate(() => window.walletExample.storedRecords)) >= 3);
  assert.ok((await dbs(signers[0])).includes('wsts-web'));
  // Every signer took part in the signature: threshold 4 of 6 key ids needs at least two of them.
  assert.ok(sig.signers_used.length >= 2);
  assert.deepEqual(env.pageErrors, []);
});
