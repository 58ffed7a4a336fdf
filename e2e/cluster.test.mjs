// Relays in a cluster (issue 13) and peer ids bound to keys (issue 9):
// (a) three relays share a room through NATS; one is killed mid-DKG, its
//     pages reconnect to another relay (transport.js takes a list of relay
//     URLs), the ceremony completes through the coordinator's retries, and
//     pages on the surviving relays see nothing but peer-left/peer-joined;
// (b) after DKG, a raw WebSocket client joining the room as `coordinator`
//     under another key is refused, and every signer keeps its group key.
// Needs node's WebSocket: scripts/e2e.sh runs node --experimental-websocket.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setup, startNats, startRelay, roomName, withTimeout } from './lib/harness.mjs';
import { publicKey, sign, taggedHash } from './lib/bip340.mjs';
import { checkSignature } from './lib/verify.mjs';

let nats;
let env;
const relays = [];

before(async () => {
  nats = await startNats();
  env = await setup({ relayArgs: ['--cluster', nats.url] });
  relays.push(env.relay);
  // The pages come from the first relay; the others accept its origin.
  const origin = env.url.replace(/\/$/, '');
  for (let i = 0; i < 2; i++) relays.push(await startRelay({ args: ['--cluster', nats.url, '--allow-origin', origin] }));
});

after(async () => {
  await env?.close();
  for (const r of relays.slice(1)) await r.stop().catch(() => {});
  await nats?.stop();
});

// Test-only: every WebSocket a page opens, with the relay frames it got.
const RECORD_WS = () => {
  const Native = window.WebSocket;
  window.__sockets = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      const rec = { url: String(args[0]), frames: [], closed: false };
      window.__sockets.push(rec);
      this.addEventListener('message', (ev) => {
        try {
          const m = JSON.parse(ev.data);
          if (m.type !== 'message' && m.type !== 'pong') rec.frames.push(`${m.type}:${m.peer ?? m.code ?? ''}`);
        } catch {}
      });
      this.addEventListener('close', () => { rec.closed = true; });
    }
  };
};

const wsUrl = (r) => `ws://127.0.0.1:${r.port}/ws`;

test('three relays share a room; one dies mid-DKG and the ceremony completes on the others', { timeout: 120000 }, async () => {
  const [r0, r1, r2] = relays;
  const room = roomName('cluster');
  const ctx = await env.newContext();
  await ctx.addInitScript(RECORD_WS);
  const list = (...rs) => rs.map(wsUrl).join(',');
  const coordinator = env.watch(await ctx.newPage(), 'coordinator');
  await coordinator.goto(`${env.url}coordinator.html?room=${room}&signers=4&keys=20&threshold=13&webrtc=0&relay=${list(r1, r0, r2)}`);
  await coordinator.waitForFunction(() => window.wsts?.state().connected);
  // signer-0 and signer-1 start on the relay that will die.
  const firsts = [[r2, r0, r1], [r2, r1, r0], [r0, r1, r2], [r1, r0, r2]];
  const signers = [];
  for (let i = 0; i < 4; i++) {
    const p = env.watch(await ctx.newPage(), `signer-${i}`);
    await p.goto(`${env.url}signer.html?room=${room}&id=${i}&webrtc=0&relay=${list(...firsts[i])}`);
    signers.push(p);
  }
  await coordinator.evaluate(() => window.wsts.ready());
  for (const p of signers) await p.waitForFunction(() => window.wstsSigner?.state().hasConfig, null, { timeout: 20000 });

  // Mid-ceremony: DKG is under way when the relay dies.
  await coordinator.evaluate(() => { window.__dkg = window.wsts.runDkg(); });
  await r2.kill();
  const dkg = await coordinator.evaluate(() => window.__dkg);
  assert.match(dkg.group_key, /^0[23][0-9a-f]{64}$/);
  // Signers cut off for a round may be left out of this key (unresponsive,
  // never malicious); enough of them hold it to sign.
  const state = await coordinator.evaluate(() => window.wsts.state());
  assert.deepEqual(state.malicious, {}, 'losing a relay is not malice');
  assert.ok(dkg.signers.length >= 3, JSON.stringify(state.dkg));
  for (const i of dkg.signers) {
    await signers[i].waitForFunction((k) => window.wstsSigner.state().groupKey === k, dkg.group_key, { timeout: 30000 });
  }
  const sig = await coordinator.evaluate(() => window.wsts.sign('c1a55e', 'Schnorr'));
  assert.equal((await checkSignature(sig)).ok, true);

  // The moved pages reconnected to a surviving relay.
  for (const i of [0, 1]) {
    const sockets = await signers[i].evaluate(() => window.__sockets);
    assert.equal(sockets[0].url, wsUrl(r2));
    assert.ok(sockets[0].closed, `signer-${i} lost its relay`);
    const last = sockets.at(-1);
    assert.ok([wsUrl(r0), wsUrl(r1)].includes(last.url) && !last.closed, JSON.stringify(sockets));
  }
  // Pages on the surviving relays kept one connection and saw nothing but
  // the moved peers leaving and joining again.
  for (const [name, page] of [['coordinator', coordinator], ['signer-2', signers[2]], ['signer-3', signers[3]]]) {
    const sockets = await page.evaluate(() => window.__sockets);
    assert.equal(sockets.length, 1, `${name}: ${JSON.stringify(sockets)}`);
    assert.equal(sockets[0].closed, false, name);
    const after = sockets[0].frames.slice(sockets[0].frames.findIndex((f) => f.startsWith('joined')) + 1);
    const unexpected = after.filter((f) => !/^peer-(left|joined):/.test(f));
    assert.deepEqual(unexpected, [], `${name}: ${JSON.stringify(after)}`);
    for (const id of [0, 1]) {
      const moves = after.filter((f) => f.endsWith(`:signer-${id}`));
      if (moves.length > 0 && name !== `signer-${id}`) {
        assert.ok(moves.includes(`peer-joined:signer-${id}`), `${name}: ${JSON.stringify(after)}`);
      }
    }
  }
  assert.deepEqual(env.pageErrors, []);
  env.room = room;
  env.signers = signers;
  env.ctx = ctx;
  env.coordinator = coordinator;
  env.groupKey = dkg.group_key;
  env.holders = dkg.signers;
});

/** A WebSocket client that joins `room` as `peer` under a fresh key; resolves
 * with the relay's answer (`joined` or an error frame). */
async function joinAs(url, room, peer) {
  const secret = randomBytes(32);
  const ws = new WebSocket(url);
  const frames = [];
  const next = () => new Promise((resolve, reject) => {
    if (frames.length) return resolve(frames.shift());
    ws.onmessage = (ev) => { ws.onmessage = null; resolve(JSON.parse(ev.data)); };
    ws.onclose = () => reject(new Error('closed'));
  });
  ws.onmessage = (ev) => frames.push(JSON.parse(ev.data));
  await withTimeout(new Promise((ok, fail) => { ws.onopen = ok; ws.onerror = () => fail(new Error(`cannot connect to ${url}`)); }), 5000, 'connecting');
  const challenge = await withTimeout(next(), 5000, 'challenge');
  assert.equal(challenge.type, 'challenge');
  const enc = new TextEncoder();
  const msg = taggedHash('wsts-web/v1/relay-join', Buffer.from(challenge.nonce, 'hex'),
    Buffer.from([room.length]), enc.encode(room), Buffer.from([peer.length]), enc.encode(peer));
  ws.send(JSON.stringify({ type: 'join', room, peer, pubkey: publicKey(secret), signature: sign(secret, msg) }));
  const answer = await withTimeout(next(), 5000, 'join answer');
  return { ws, answer };
}

test('an impostor joining as the coordinator under another key is refused; signers keep their key', { timeout: 60000 }, async () => {
  assert.ok(env.room, 'runs after the cluster ceremony');
  const holds = (k) => window.wstsSigner.state().keyShares.includes(k);
  for (const i of env.holders) await env.signers[i].waitForFunction(holds, env.groupKey, { timeout: 10000 });
  for (const r of relays.slice(0, 2)) {
    const { ws, answer } = await joinAs(wsUrl(r), env.room, 'coordinator');
    assert.equal(answer.type, 'error');
    assert.equal(answer.code, 'peer-key-mismatch');
    ws.close();
  }
  // Nothing changed for the signers: same group key, the key share still
  // in the vault, and the real coordinator still signs with them.
  await new Promise((r) => setTimeout(r, 500));
  for (const i of env.holders) {
    const s = await env.signers[i].evaluate(() => window.wstsSigner.state());
    assert.equal(s.groupKey, env.groupKey);
    assert.ok(s.keyShares.includes(env.groupKey), `signer-${i} lost its key share: ${JSON.stringify(s.keyShares)}`);
  }
  const sig = await env.coordinator.evaluate(() => window.wsts.sign('5ec0de', 'Schnorr'));
  assert.equal((await checkSignature(sig)).ok, true);
  // A fresh id is still welcome (the refusal is about the key, not the room).
  const { ws, answer } = await joinAs(wsUrl(relays[0]), env.room, 'observer');
  assert.equal(answer.type, 'joined');
  ws.close();
  await env.ctx.close();
});
