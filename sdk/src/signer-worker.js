// Module worker that owns one wasm `Signer` and its `CoordinatorTrust`. The
// page does the networking and the storage; this worker does the crypto and
// the trust decisions, so the page stays responsive.
//
// Requests (page -> worker): {id, op, ...}; each gets one reply
// {id, ok: true, result} or {id, ok: false, error: {code, message, ...}}.
//   keygen                                   -> {secret: Uint8Array, public: hex}
//   signJoin {nonce, room, peer}             -> hex (the relay's join challenge, signed with the network key)
//   open  {secret, signerId, room, trust?, pin?, ceremony?, expectedGroupKey?}
//         trust: saved CoordinatorTrust bytes; pin: a coordinator key (hex) from
//         an invitation link; ceremony: {session, state, config} to restore;
//         expectedGroupKey: the only key a joiner takes a reshare of (not saved)
//                                            -> {pubkey, trusted, session, groupKey, epoch, config, pinConflict}
//   invitation {bytes}                       -> {changed, session, config, coordinator, fingerprint, firstUse}
//   directive  {bytes}                       -> {request}
//   trustKey   {key}                         -> trusted   (the user's deliberate choice)
//   packet     {bytes}                       -> {message, handled: bool, error?}
//   hold       {messages: [names]}           (test hook: do not answer these)
// Unsolicited posts (worker -> page), in order, after each request:
//   {op: 'transmit', to, message, bytes}
//   {op: 'event', event}
//   {op: 'state', state: Uint8Array, groupKey, session, config, epoch, previousEpoch}
//         (after every change; persist it. After a reshare `config` is the new
//         epoch's, and `previousEpoch` says the state still holds the old shares)
//   {op: 'trust', trust: Uint8Array, trusted}             (after every change; persist it)
import { initWasm, Signer, CoordinatorTrust, generateNetworkKey, networkPublicKey, packetMessageName, signRelayJoin,
  keyFingerprint } from './wasm.js';
import { configToWasm } from './common.js';

const ready = initWasm();
let me = null; // {secret, signerId, room, pubkey}
let trust = null;
let signer = null;
let session = null;
let config = null; // the joined ceremony's, as plain JSON
let misbehaving = null;
let hold = new Set();
let expectedGroupKey = null;

function fail(code, message) {
  return Object.assign(new Error(message), { code });
}

function drain() {
  let t;
  while ((t = signer.pollTransmit()) !== undefined) {
    self.postMessage({ op: 'transmit', to: t.to, message: t.message, bytes: t.bytes }, [t.bytes.buffer]);
  }
  let e;
  while ((e = signer.pollEvent()) !== undefined) {
    // A reshare (or its undoing) changes whose key ids are whose.
    if (e.Reshared || e.EpochRolledBack) config = signer.ceremonyConfig();
    self.postMessage({ op: 'event', event: e });
  }
}

function postState() {
  const state = signer.save();
  self.postMessage({ op: 'state', state, groupKey: signer.groupKey() ?? null, session, config, epoch: signer.epoch,
    previousEpoch: signer.holdsPreviousEpoch }, [state.buffer]);
}

function postTrust() {
  const saved = trust.save();
  self.postMessage({ op: 'trust', trust: saved, trusted: trust.trusted() ?? null }, [saved.buffer]);
}

/** Run `fn` on a copy of the trust and adopt the copy only if `fn` returns: a refusal changes nothing. */
function withTrustCopy(fn) {
  const copy = CoordinatorTrust.restore(trust.save());
  let out;
  try {
    out = fn(copy);
  } catch (e) {
    copy.free();
    throw e;
  }
  trust.free();
  trust = copy;
  postTrust();
  return out;
}

/** A signer with no key yet takes a reshare only of the expected group key (the wasm does not save it). */
function applyExpectedKey(s) {
  if (expectedGroupKey && s.groupKey() === undefined) s.expectGroupKey(expectedGroupKey);
  return s;
}

function applyMisbehaviour() {
  if (!signer) return;
  if (misbehaving) signer.misbehave(misbehaving);
  else signer.behave?.();
}

const ops = {
  keygen() {
    const k = generateNetworkKey();
    return { secret: k.secret, public: k.public };
  },
  signJoin({ nonce, room, peer }) {
    if (!me) throw fail('not-open', 'no network key yet');
    return signRelayJoin(me.secret, nonce, room, peer);
  },
  open({ secret, signerId, room, trust: savedTrust, pin, ceremony, expectedGroupKey: expected }) {
    if (expected) {
      try { keyFingerprint(expected); } catch (e) { throw fail('bad-option', `\`expectedGroupKey\` is not a public key: ${e.message}`); }
    }
    expectedGroupKey = expected ?? null;
    const pubkey = networkPublicKey(secret);
    me = { secret, signerId, room, pubkey };
    trust = savedTrust ? CoordinatorTrust.restore(savedTrust) : CoordinatorTrust.firstUse(room);
    // A link's pin applies while no key is trusted yet; it never overrides
    // one already held: that takes the user's choice.
    const pinConflict = !!(pin && trust.trusted() && trust.trusted().key !== pin);
    if (pin && !trust.trusted()) {
      trust.free();
      trust = CoordinatorTrust.pinned(room, pin);
      savedTrust = null;
    }
    if (ceremony) {
      signer = applyExpectedKey(Signer.restore(ceremony.state, secret));
      session = ceremony.session;
      // The state's own config: after a reshare, the new epoch's.
      config = signer.ceremonyConfig();
    }
    if (!savedTrust) postTrust();
    return { pubkey, trusted: trust.trusted() ?? null, session, groupKey: signer?.groupKey() ?? null, epoch: signer?.epoch ?? 0,
      config, pinConflict };
  },
  invitation({ bytes }) {
    const { admitted, fresh } = withTrustCopy((t) => {
      const admitted = t.acceptInvitation(bytes, me.signerId, me.pubkey);
      // A signer with no key yet follows a new config in its session (a
      // joiner invited again to a retried reshare); one with a key keeps it.
      const joined = signer && session === admitted.session
        && (signer.groupKey() !== undefined || JSON.stringify(admitted.config) === JSON.stringify(config));
      // A new ceremony: a new signer. The previous one's key share stays in
      // storage under its group key (the page keeps one entry per group key).
      return { admitted, fresh: joined ? null : applyExpectedKey(new Signer(configToWasm(admitted.config), me.signerId, me.secret)) };
    });
    const info = { session: admitted.session, config: admitted.config, coordinator: admitted.coordinator,
      fingerprint: admitted.fingerprint, firstUse: admitted.firstUse };
    if (!fresh) return { changed: false, ...info };
    signer?.free();
    signer = fresh;
    session = admitted.session;
    config = admitted.config;
    misbehaving = null;
    postState();
    return { changed: true, ...info };
  },
  directive({ bytes }) {
    if (!session) throw fail('no-session', 'no ceremony joined yet');
    const request = withTrustCopy((t) => {
      const r = t.acceptDirective(bytes, me.signerId, session);
      if (r !== 'Behave' && typeof Signer.prototype.misbehave !== 'function') {
        throw fail('demo-only', 'this build has no demonstration misbehaviour');
      }
      return r;
    });
    misbehaving = request === 'Behave' ? null : request.Misbehave;
    applyMisbehaviour();
    return { request, misbehaving };
  },
  trustKey({ key }) {
    trust.trustKey(key);
    postTrust();
    return trust.trusted() ?? null;
  },
  packet({ bytes }) {
    if (!signer) throw fail('no-signer', 'no signer yet (waiting for an invitation)');
    // An unauthenticated peek, for the log and the test hook; the state machine authenticates.
    const message = packetMessageName(bytes) ?? '?';
    if (hold.has(message)) return { message, handled: false, held: true };
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
    const error = { code: e?.code || 'error', message: String(e?.message || e) };
    if (e?.presented) Object.assign(error, { presented: e.presented, presentedFingerprint: e.presentedFingerprint });
    self.postMessage({ id, ok: false, error });
  }
};
