// Module worker that owns one wasm `Signer`. The page does the networking;
// this worker does only crypto, so the page stays responsive.
//
// Requests (page -> worker): {id, op, ...}; each gets one reply
// {id, ok: true, result} or {id, ok: false, error: {code, message}}.
//   keygen                       -> {secret: Uint8Array, public: hex}
//   pubkey   {secret}            -> hex
//   signJoin {secret, nonce, room, peer} -> hex (answer to the relay's challenge)
//   init     {config, signerId, secret}  (config as plain JSON)
//   restore  {state, secret}     -> {signerId, groupKey}
//   packet   {bytes}             -> {message, handled: bool, error?}
//   misbehave {spec} | behave | hold {messages: [names]}
// Unsolicited posts (worker -> page), in order, after each request:
//   {op: 'transmit', to, message, bytes}
//   {op: 'event', event}
//   {op: 'state', state: Uint8Array, groupKey}   (after every change; persist it)
import init, { Signer, generateNetworkKey, networkPublicKey, packetMessageName, signRelayJoin } from '/pkg/wsts_web.js';
import { configToWasm } from './common.js';

const ready = init();
let signer = null;
let misbehaving = null;
let hold = new Set();

function drain() {
  let t;
  while ((t = signer.pollTransmit()) !== undefined) {
    self.postMessage({ op: 'transmit', to: t.to, message: t.message, bytes: t.bytes }, [t.bytes.buffer]);
  }
  let e;
  while ((e = signer.pollEvent()) !== undefined) self.postMessage({ op: 'event', event: e });
}

function postState() {
  const state = signer.save();
  self.postMessage({ op: 'state', state, groupKey: signer.groupKey() ?? null, misbehaving }, [state.buffer]);
}

const ops = {
  keygen() {
    const k = generateNetworkKey();
    return { secret: k.secret, public: k.public };
  },
  pubkey({ secret }) {
    return networkPublicKey(secret);
  },
  signJoin({ secret, nonce, room, peer }) {
    return signRelayJoin(secret, nonce, room, peer);
  },
  init({ config, signerId, secret }) {
    signer?.free();
    signer = null;
    signer = new Signer(configToWasm(config), signerId, secret);
    if (misbehaving) signer.misbehave(misbehaving);
    postState();
    return { signerId, groupKey: signer.groupKey() ?? null };
  },
  restore({ state, secret, config }) {
    const s = Signer.restore(state, secret);
    signer?.free();
    signer = s;
    if (misbehaving) signer.misbehave(misbehaving);
    return { signerId: signer.signerId, groupKey: signer.groupKey() ?? null };
  },
  packet({ bytes }) {
    if (!signer) throw Object.assign(new Error('no signer yet (waiting for the ceremony config)'), { code: 'no-signer' });
    // An unauthenticated peek, for the log and the test hook; the state machine authenticates.
    const message = packetMessageName(bytes) ?? '?';
    if (hold.has(message)) {
      return { message, handled: false, held: true };
    }
    const t0 = performance.now();
    try {
      signer.handlePacket(bytes, performance.now());
    } catch (e) {
      drain();
      return { message, handled: false, error: { code: e.code || 'error', message: String(e.message || e) } };
    }
    drain();
    postState();
    return { message, handled: true, ms: performance.now() - t0 };
  },
  misbehave({ spec }) {
    // Only the demo build (cargo feature `demo`) has `misbehave`.
    if (typeof Signer.prototype.misbehave !== 'function') {
      throw Object.assign(new Error('this build cannot misbehave (not a demo build)'), { code: 'refused' });
    }
    if (signer) signer.misbehave(spec);
    misbehaving = spec;
    return spec;
  },
  behave() {
    if (signer && typeof signer.behave === 'function') signer.behave();
    misbehaving = null;
    return null;
  },
  hold({ messages }) {
    hold = new Set(messages || []);
    return [...hold];
  },
};

self.onmessage = async (ev) => {
  const { id, op, ...args } = ev.data;
  try {
    await ready;
    if (!ops[op]) throw new Error(`unknown op ${op}`);
    const result = ops[op](args);
    self.postMessage({ id, ok: true, result });
  } catch (e) {
    self.postMessage({ id, ok: false, error: { code: e?.code || 'error', message: String(e?.message || e) } });
  }
};
