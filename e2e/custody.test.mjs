// Key custody in the browser, on one ceremony (3 signers, 6 key ids, threshold
// 6, so every signer is needed to sign):
// (b) after DKG, nothing in localStorage or IndexedDB holds a signer's key
//     share or network secret (or the coordinator's) in any readable form;
// (a) a second coordinator page in a fresh browser context: the relay keeps
//     the peer id `coordinator` for the real key, and when it speaks under
//     another peer id every signer refuses its invitation (and unsigned,
//     tampered and directive control), shows it, and keeps its group key and
//     key share, also after a reload;
// then the real coordinator page is reloaded: it restores its session and signs;
// (c) a backup exported in one context restores in a fresh one, and that
//     signer signs; a new DKG adds a second key-share entry; removing one
//     takes a confirmed click;
// (d) a passkey (WebAuthn PRF, Chromium's virtual authenticator) and a
//     passphrase unlock a protected vault;
// and the vault over another record store: re-encryption on a change of
// key, records bound to their ids.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openCeremony, roomName, signerUrl } from './lib/harness.mjs';
import { checkSignature } from './lib/verify.mjs';
import { dumpOriginStorage, findSecrets } from './lib/storage-probe.mjs';

let env;
let c; // the ceremony: {ctx, coordinator, signers}
let room;
let groupKey;
const PASSPHRASE = 'correct horse battery staple';

before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** What a signer page holds in memory, read back through its vault (decrypted), checked against its wasm state. */
async function signerSecrets(page) {
  return page.evaluate(async () => {
    const s = window.wstsSigner;
    await s.persisted();
    const b64 = (u8) => { let t = ''; for (const b of u8) t += String.fromCharCode(b); return btoa(t); };
    const identity = await s.records.identity();
    const ceremony = await s.records.ceremony();
    const { default: init, Signer } = await import('/pkg/wasm/wsts_web.js');
    await init();
    const restored = Signer.restore(ceremony.state, identity.secret);
    return { secret: b64(identity.secret), state: b64(ceremony.state), groupKey: restored.groupKey(), memoryGroupKey: s.groupKey };
  });
}

async function sign(message) {
  const sig = await c.coordinator.evaluate((m) => window.wsts.sign(m, 'Schnorr'), message);
  assert.equal(sig.ok, true);
  assert.equal((await checkSignature(sig)).ok, true);
  return sig;
}

test('after DKG no stored value holds a key share or a network secret', { timeout: 60000 }, async () => {
  room = roomName('custody');
  c = await openCeremony(env, { room, signers: 3, keys: 6, threshold: 6 });
  const dkg = await c.coordinator.evaluate(() => window.wsts.runDkg());
  groupKey = dkg.group_key;
  const secrets = {};
  for (const [i, p] of c.signers.entries()) {
    await p.waitForFunction((k) => window.wstsSigner.state().groupKey === k, groupKey);
    const s = await signerSecrets(p);
    assert.equal(s.groupKey, groupKey, 'the decrypted state is the signer’s, key shares included');
    assert.equal(s.memoryGroupKey, groupKey);
    secrets[`signer ${i} network secret`] = Buffer.from(s.secret, 'base64');
    secrets[`signer ${i} state (key shares)`] = Buffer.from(s.state, 'base64');
  }
  secrets['coordinator network secret'] = Buffer.from(await c.coordinator.evaluate(() => {
    let t = '';
    for (const b of window.wsts.app.secret) t += String.fromCharCode(b);
    return btoa(t);
  }), 'base64');
  await c.coordinator.evaluate(() => window.wsts.persisted());

  const dump = await dumpOriginStorage(c.signers[0]);
  assert.deepEqual(dump.localStorage, [], 'nothing in localStorage');
  assert.ok(dump.indexedDB.length >= 8, `the vault holds the records: ${dump.indexedDB.map((e) => e.key).join(', ')}`);
  assert.deepEqual(findSecrets(dump, secrets), []);
  const keys = dump.indexedDB.flatMap((e) => e.value.keys);
  assert.ok(keys.length >= 1 && keys.every((k) => !k.extractable), `only non-extractable keys: ${JSON.stringify(keys)}`);
  // The probe does find a secret stored in the clear (so an empty result means something).
  const planted = { ...dump, localStorage: [{ key: 'x', value: { strings: [JSON.stringify({ s: secrets['signer 1 network secret'].toString('hex') })], bytes: [], keys: [] } }] };
  assert.deepEqual(findSecrets(planted, secrets).map((f) => f.secret), ['signer 1 network secret']);
});

/**
 * Runs in the impostor's page: join the room under a free peer id and send
 * every signer (now, and again whenever one rejoins) an unsigned `config`, a
 * tampered invitation, the impostor's own validly signed invitation and a
 * directive. Resolves the impostor's coordinator key.
 */
async function attackFromAnotherPeerId(page, room) {
  return page.evaluate(async (room) => {
    const wasm = await import('/pkg/wasm/wsts_web.js');
    const { Transport } = await import('/pkg/src/transport.js');
    const { bytesToBase64 } = await import('/pkg/src/common.js');
    const app = window.wsts.app;
    const relayKey = wasm.generateNetworkKey();
    const t = new Transport({
      room, peer: 'observer', pubkey: relayKey.public, webrtc: false,
      signJoin: async (nonce) => wasm.signRelayJoin(relayKey.secret, nonce, room, 'observer'),
    });
    await t.connect();
    const signers = [0, 1, 2].map((i) => t.peers.get(`signer-${i}`).pubkey);
    const config = { keys: wasm.evenKeyConfig(3, 6, 6, 6, false), network: { coordinator: app.pubkey, signers } };
    const issuer = new wasm.ControlIssuer(room);
    const invitation = issuer.invite(config, app.secret, Date.now());
    const tampered = invitation.slice();
    tampered[tampered.length - 1] ^= 1;
    const send = (peer) => {
      const id = Number(peer.slice('signer-'.length));
      t.sendControl(peer, { type: 'config', config, session: 'x' });
      t.sendControl(peer, { type: 'invitation', bytes: bytesToBase64(tampered) });
      t.sendControl(peer, { type: 'invitation', bytes: bytesToBase64(invitation) });
      t.sendControl(peer, { type: 'directive', bytes: bytesToBase64(issuer.direct(id, 'bad-signature-share', app.secret)) });
    };
    [0, 1, 2].forEach((i) => send(`signer-${i}`));
    t.addEventListener('peer-joined', (ev) => { if (ev.detail.peer.startsWith('signer-')) send(ev.detail.peer); });
    window.attacker = t;
    return app.pubkey;
  }, room);
}

test('an impostor coordinator is refused by the relay and by every signer, which keeps its key, also after a reload', { timeout: 60000 }, async () => {
  const sessions = await Promise.all(c.signers.map((p) => p.evaluate(() => window.wstsSigner.state().session)));
  const ctx = await env.newContext();
  const impostor = env.watch(await ctx.newPage(), 'impostor');
  await impostor.goto(`${env.url}coordinator.html?room=${room}&signers=3&keys=6&threshold=6`);
  // The relay holds the peer id `coordinator` for the real coordinator's key.
  await impostor.waitForFunction(() => window.wsts?.state().log.some((l) => /peer-key-mismatch/.test(l.text)));
  await impostor.waitForFunction(() => /refused by the relay/.test(document.getElementById('phase').textContent));
  assert.equal(await c.coordinator.evaluate(() => window.wsts.state().connected), true, 'the real coordinator keeps its place');

  // Under another peer id, whatever it sends is refused by the signers themselves.
  const impostorKey = await attackFromAnotherPeerId(impostor, room);
  const refusedAll = (key) => {
    const r = window.wstsSigner.state().refusals;
    const has = (kind, code, presented) => r.some((x) => x.kind === kind && x.code === code && (!presented || x.presented === presented));
    return has('config', 'unsigned') && has('invitation', 'bad-signature') && has('invitation', 'untrusted-coordinator', key)
      && has('directive', 'untrusted-coordinator', key);
  };
  for (const [i, p] of c.signers.entries()) {
    await p.waitForFunction(refusedAll, impostorKey);
    const s = await p.evaluate(() => window.wstsSigner.state());
    assert.equal(s.groupKey, groupKey, `signer ${i} keeps its group key`);
    assert.equal(s.session, sessions[i], `signer ${i} stays in its ceremony`);
    assert.equal(s.misbehaving, null);
    assert.deepEqual(s.keyShares, [groupKey]);
    // The page shows the last refusal (it renders on the next frame).
    await p.waitForSelector('#refusal', { state: 'visible', timeout: 5000 });
    await p.waitForFunction(() => /directive from observer .*untrusted-coordinator/.test(document.getElementById('refusal-text').textContent),
      null, { timeout: 5000 });
  }

  // Changing the trusted key takes the user's confirmation: dismissed, nothing changes.
  const trusted = await c.signers[1].evaluate(() => window.wstsSigner.state().trusted);
  assert.equal(trusted.basis, 'FirstUse');
  c.signers[1].once('dialog', (d) => d.dismiss());
  await c.signers[1].click('#trust-presented');
  assert.deepEqual(await c.signers[1].evaluate(() => window.wstsSigner.state().trusted), trusted);

  // Reloaded, a signer restores its key share and refuses the impostor again.
  await c.signers[0].reload();
  await c.signers[0].waitForFunction((k) => window.wstsSigner?.state().restored && window.wstsSigner.state().groupKey === k, groupKey);
  await c.signers[0].waitForFunction(refusedAll, impostorKey);
  await c.signers[0].waitForSelector('#refusal', { state: 'visible', timeout: 5000 });
  assert.equal((await signerSecrets(c.signers[0])).groupKey, groupKey);
  await ctx.close();
});

test('a reloaded coordinator page restores its session and signs under the same key', { timeout: 60000 }, async () => {
  await c.coordinator.reload();
  await c.coordinator.waitForFunction((k) => window.wsts?.state().restored && window.wsts.state().groupKey === k, groupKey);
  await c.coordinator.waitForFunction(() => Object.values(window.wsts.state().signers).every((s) => s.present));
  const sig = await sign('c0ffee');
  assert.equal(sig.verify_key, groupKey.slice(2));
});

test('a backup restores in a fresh context and signs; a new DKG adds an entry; removal is confirmed', { timeout: 90000 }, async () => {
  const wallet = env.watch(await c.ctx.newPage(), 'wallet');
  await wallet.goto(`${env.url}wallet.html`);
  await wallet.waitForFunction(() => window.wstsWallet?.ready);
  const backup = await wallet.evaluate((p) => window.wstsWallet.exportBackup(p), PASSPHRASE);
  const pubkey = await c.signers[2].evaluate(() => window.wstsSigner.state().pubkey);
  await c.signers[2].close();
  await c.coordinator.waitForFunction(() => !window.wsts.state().signers[2].present);

  const fresh = await env.newContext();
  const restore = env.watch(await fresh.newPage(), 'restore');
  await restore.goto(`${env.url}wallet.html`);
  await restore.waitForFunction(() => window.wstsWallet?.ready);
  const wrong = await restore.evaluate((t) => window.wstsWallet.importBackup(t, 'not the passphrase').catch((e) => e.code), backup);
  assert.equal(wrong, 'bad-passphrase');
  const imported = await restore.evaluate(([t, p]) => window.wstsWallet.importBackup(t, p), [backup, PASSPHRASE]);
  assert.ok(imported.added.some((id) => id.endsWith('/2/identity')), JSON.stringify(imported));
  assert.deepEqual(imported.conflicts, []);

  const signer = env.watch(await fresh.newPage(), 'signer-2-restored');
  await signer.goto(signerUrl(env, room, 2));
  await signer.waitForFunction((k) => window.wstsSigner?.state().restored && window.wstsSigner.state().groupKey === k, groupKey);
  assert.equal(await signer.evaluate(() => window.wstsSigner.state().pubkey), pubkey);
  await c.coordinator.waitForFunction(() => window.wsts.state().signers[2].present);
  const sig = await sign('0b0b');
  assert.ok(sig.signers_used.includes(2));

  // A new DKG: the signer's second group key is a second entry, the first stays.
  const second = await c.coordinator.evaluate(() => window.wsts.runDkg());
  assert.notEqual(second.group_key, groupKey);
  await signer.waitForFunction((k) => window.wstsSigner.state().groupKey === k, second.group_key);
  await signer.evaluate(() => window.wstsSigner.persisted());
  await restore.reload();
  await restore.waitForFunction(() => window.wstsWallet?.ready);
  const mine = (shares) => shares.filter((s) => s.signerId === 2).map((s) => s.groupKey).sort();
  assert.deepEqual(mine(await restore.evaluate(() => window.wstsWallet.shares())), [groupKey, second.group_key].sort());

  // Removing the first takes a confirmed click: dismissed, it stays; accepted, it goes.
  const row = restore.locator('tr', { hasText: groupKey })
    .filter({ has: restore.locator('td:nth-child(3)', { hasText: /^2$/ }) }).locator('button');
  restore.once('dialog', (d) => d.dismiss());
  await row.click();
  await restore.waitForFunction(() => /kept/.test(document.getElementById('message').textContent));
  assert.equal(mine(await restore.evaluate(() => window.wstsWallet.shares())).length, 2);
  restore.once('dialog', (d) => d.accept());
  await row.click();
  await restore.waitForFunction(() => /removed/.test(document.getElementById('message').textContent));
  assert.deepEqual(mine(await restore.evaluate(() => window.wstsWallet.shares())), [second.group_key]);
  await fresh.close();
  await c.ctx.close();
  assert.deepEqual(env.pageErrors, []);
});

test('a passkey (WebAuthn PRF) and a passphrase unlock a protected vault', { timeout: 60000 }, async () => {
  // WebAuthn needs a domain, not an IP address: the same relay as localhost.
  const origin = env.url.replace('127.0.0.1', 'localhost');
  const ctx = await env.newContext();
  const page = env.watch(await ctx.newPage(), 'passkey');
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2', ctap2Version: 'ctap2_1', transport: 'internal', hasResidentKey: true,
      hasUserVerification: true, isUserVerified: true, hasPrf: true, automaticPresenceSimulation: true,
    },
  });
  const passkeyRoom = roomName('passkey');
  const url = `${origin}signer.html?room=${passkeyRoom}&id=0`;
  await page.goto(url);
  await page.waitForFunction(() => window.wstsSigner?.started);
  const pubkey = await page.evaluate(() => window.wstsSigner.state().pubkey);

  await page.goto(`${origin}wallet.html`);
  await page.waitForFunction(() => window.wstsWallet?.ready);
  await page.evaluate(() => window.wstsWallet.protect({ passkey: true }));
  assert.deepEqual(await page.evaluate(() => window.wstsWallet.state().protection), ['passkey']);
  const meta = (await dumpOriginStorage(page)).indexedDB.find((e) => e.key === 'vault/meta');
  assert.deepEqual(meta.value.keys, [], 'no device key left in storage');

  await page.goto(url);
  await page.waitForFunction(() => window.wstsSigner?.state().storage?.locked);
  assert.ok(await page.isVisible('#unlock'));
  await page.evaluate(() => window.wstsSigner.unlock({ passkey: true }));
  await page.waitForFunction(() => window.wstsSigner.started);
  assert.equal(await page.evaluate(() => window.wstsSigner.state().pubkey), pubkey, 'the same network key, decrypted');

  // A passphrase instead (PBKDF2-SHA-256, 600,000 iterations): a wrong one opens nothing.
  await page.goto(`${origin}wallet.html`);
  await page.waitForFunction(() => window.wstsWallet?.ready);
  await page.evaluate(() => window.wstsWallet.unlock({ passkey: true }));
  await page.evaluate((p) => window.wstsWallet.protect({ passphrase: p }), PASSPHRASE);
  await page.reload();
  await page.waitForFunction(() => window.wstsWallet?.ready);
  assert.equal(await page.evaluate(() => window.wstsWallet.unlock({ passphrase: 'wrong passphrase' }).catch((e) => e.code)), 'bad-unlock');
  await page.evaluate((p) => window.wstsWallet.unlock({ passphrase: p }), PASSPHRASE);
  assert.equal(await page.evaluate(() => window.wstsWallet.state().locked), false);
  // A coordinator page on a protected vault waits for its passphrase too.
  await page.goto(`${origin}coordinator.html?room=${passkeyRoom}&signers=2&keys=2&threshold=2`);
  await page.waitForSelector('#unlock', { state: 'visible' });
  await page.fill('#unlock-passphrase', PASSPHRASE);
  await page.click('#unlock button[type=submit]');
  await page.waitForFunction(() => window.wsts.state().connected);
  await ctx.close();
});

test('the vault works over any record store; a change of key re-encrypts every record', { timeout: 30000 }, async () => {
  const ctx = await env.newContext();
  const page = env.watch(await ctx.newPage(), 'vault');
  await page.goto(`${env.url}wallet.html`);
  const r = await page.evaluate(async (passphrase) => {
    const { Vault } = await import('/pkg/src/custody/vault.js');
    const { MemoryRecordStore } = await import('/pkg/src/storage/record-store.js');
    const store = new MemoryRecordStore();
    const secret = crypto.getRandomValues(new Uint8Array(32));
    const hex = (u8) => Array.from(u8, (b) => b.toString(16).padStart(2, '0')).join('');
    const rawHas = async () => {
      for (const id of await store.list('')) {
        const rec = await store.get(id);
        if (rec.ct && hex(rec.ct).includes(hex(secret).slice(0, 32))) return true;
      }
      return false;
    };
    const vault = await Vault.open({ store });
    await vault.put('a/secret', secret);
    const before = { ids: await store.list(''), raw: await rawHas() };
    await vault.protect([{ passphrase }]);
    const after = { ids: await store.list(''), same: hex(await vault.get('a/secret')) === hex(secret) };
    const reopened = await Vault.open({ store });
    const locked = reopened.locked;
    const refused = await reopened.get('a/secret').catch((e) => e.code);
    await reopened.unlock({ passphrase });
    // A record moved to another id does not decrypt there (bound to its id).
    await store.put('data/2/b/moved', await store.get('data/2/a/secret'));
    const moved = await reopened.get('b/moved').catch((e) => e.code);
    return { before, after, locked, refused, reread: hex(await reopened.get('a/secret')) === hex(secret), moved };
  }, PASSPHRASE);
  assert.deepEqual(r.before, { ids: ['data/1/a/secret', 'vault/meta'], raw: false });
  assert.deepEqual(r.after, { ids: ['data/2/a/secret', 'vault/meta'], same: true });
  assert.equal(r.locked, true);
  assert.equal(r.refused, 'vault-locked');
  assert.equal(r.reread, true);
  assert.equal(r.moved, 'vault-corrupt');
  await ctx.close();
});
