// The coordinator (peer id `coordinator`), what `createCoordinator` returns:
// a wasm FIRE (or ROAST) Coordinator in the page, so blame claims are settled
// locally by the wasm blame code.
//
// It waits for the expected signers' network keys (announced when they join
// the room), builds the CeremonyConfig, invites the signers with an
// invitation signed by its network key (a `ControlIssuer` session), and on
// command runs DKG, signing, reshares or refreshes (coordinator-reshare.js),
// and the repair of a signer's lost shares. Its network key, session and Coordinator
// state live in the encrypted vault, so a reloaded tab restores its session
// and goes on. Time is `performance.timeOrigin + performance.now()` (one
// clock across reloads); `handleTimeout` is driven by setTimeout at the
// instant `pollTimeout()` names.
//
// Events (CustomEvent, `detail` typed in index.d.ts): `progress` (the wasm
// `progress()` after every step), `dkg`, `reshare`, `repair`, `signature`, `blame` (an attempt
// that proved signers malicious or found them unresponsive), `error` (stable
// `code`); and, for pages, `change`, `log`, `event`, `locked`.
import { initWasm, Coordinator, ControlIssuer, evenKeyConfig, weightedKeyConfig, generateNetworkKey, packetMessageName,
  signRelayJoin } from './wasm.js';
import { Transport } from './transport.js';
import { hex, configToWasm, sleep, withTimeout, bytesToBase64 } from './common.js';
import { VaultGate, openStorage } from './custody/unlock.js';
import { SdkError, abortable, abortError } from './errors.js';
import { DEMO_TIMEOUTS, DEMO_RETRY, checkWeights, parseSigType } from './ceremony.js';
import { ON_EVENT } from './coordinator-events.js';
import { CoordinatorRecords } from './custody/records.js';
import { runReshare, adoptReshare, resumeReshare, joiningKeys, currentWeights } from './coordinator-reshare.js';

export { DEMO_TIMEOUTS, DEMO_RETRY, checkWeights, parseSigType };

const enc = new TextEncoder();
/** Milliseconds on a clock that a reloaded tab continues (saved deadlines stay meaningful). */
const now = () => performance.timeOrigin + performance.now();

export class CoordinatorClient extends EventTarget {
  constructor({ room, signers, keys, weights = null, threshold = 13, dkgThreshold, v1 = false,
    timeouts = DEMO_TIMEOUTS, retry = DEMO_RETRY, relayUrl, webrtc = true, storage = null, fresh = false, policy = 'fire' } = {}) {
    super();
    if (typeof room !== 'string' || !room) throw new SdkError('bad-option', '`room` must be a non-empty string');
    this.room = room;
    // Uneven weights (key ids per signer) replace the even spread of `keys`.
    this.weights = weights ? checkWeights(weights, { signers, keys }) : null;
    this.n = this.weights ? this.weights.length : signers ?? 4;
    this.keys = this.weights ? this.weights.reduce((a, b) => a + b, 0) : keys ?? 20;
    this.threshold = threshold;
    this.dkgThreshold = dkgThreshold ?? threshold;
    this.v1 = v1;
    this.timeouts = timeouts;
    this.retry = retry;
    // 'fire' (deadlines, retries) or 'roast' (concurrent sessions, no signing deadline).
    if (policy !== 'fire' && policy !== 'roast') throw new SdkError('bad-option', `unknown coordinator policy ${policy}`);
    this.policy = policy;
    this.relayUrl = relayUrl;
    this.webrtc = webrtc;
    this.storage = storage;
    this.vault = null;
    this.fresh = fresh;
    this.config = null;
    this.issuer = null;
    this.invitation = null;
    this.session = null;
    this.restored = false;
    this.coord = null;
    this.timer = null;
    this.signerInfo = new Map(); // id -> {status, groupKey, misbehaving, restored, lastSeen}
    this.attempts = [];
    this.signAttempts = [];
    this.signatures = [];
    this.logLines = [];
    this.waiters = [];
    this.phase = 'starting';
    this.groupKey = null;
    this.dkgOk = null;
    this.refused = {};
    this.epoch = 0;
    /** A reshare under way: `{target, invitation, joining}` (coordinator-reshare.js). */
    this.resharing = null;
    this.reshareAttempts = [];
    this.repairAttempts = [];
    /** The signer id a repair is under way for, or null. */
    this.repairing = null;
  }

  /** Milliseconds on the coordinator's clock. */
  now() { return now(); }

  emit(type, detail = {}) { this.dispatchEvent(new CustomEvent(type, { detail })); }

  log(text, level = 'info') {
    const line = { t: new Date().toISOString().slice(11, 23), level, text };
    this.logLines.push(line);
    if (this.logLines.length > 500) this.logLines.shift();
    this.emit('log', line);
  }

  changed() { this.emit('change'); }

  /** Open the vault, restore a saved session, and join the room. Call once, after adding listeners. */
  start({ signal } = {}) {
    this.starting ??= this.startInner();
    return abortable(this.starting, signal, 'starting the coordinator', () => this.close());
  }

  async startInner() {
    await initWasm();
    this.gate = new VaultGate(await openStorage(this.storage));
    this.vault = this.gate.vault;
    if (this.gate.locked) {
      this.phase = 'locked: unlock the vault with its passphrase or passkey';
      this.emit('locked');
      this.changed();
    }
    await this.gate.opened;
    this.records = new CoordinatorRecords(this.vault, { room: this.room }, () => this.snapshot(), (e) => {
      this.log(`could not save the session: ${e.message}`, 'error');
      this.emit('error', { code: 'storage', message: String(e.message), cause: e.code ?? null });
    });
    let identity = await this.records.identity();
    if (!identity) {
      identity = generateNetworkKey();
      await this.records.saveIdentity(identity);
    }
    this.secret = identity.secret;
    this.pubkey = identity.public;
    await this.restoreSession();
    // Closed (or its start aborted) meanwhile: do not join.
    if (this.closed) throw new SdkError('closed', 'the coordinator was closed');
    this.transport = new Transport({
      url: this.relayUrl, room: this.room, peer: 'coordinator', pubkey: this.pubkey, webrtc: this.webrtc,
      signJoin: async (nonce) => signRelayJoin(this.secret, nonce, this.room, 'coordinator'),
      rtcWith: (p) => p.startsWith('signer-'), log: (l) => this.log(l, 'net'),
    });
    const t = this.transport;
    t.addEventListener('joined', () => { this.log(`joined room ${this.room}`); this.peersChanged(); });
    t.addEventListener('peer-joined', (ev) => { this.log(`${ev.detail.peer} joined`); this.peersChanged(); });
    t.addEventListener('peer-left', (ev) => { this.log(`${ev.detail.peer} left`, 'warn'); this.peersChanged(); });
    t.addEventListener('path', (ev) => { this.log(`${ev.detail.peer}: ${ev.detail.path}`, 'net'); this.changed(); });
    t.addEventListener('status', (ev) => {
      if (ev.detail.state === 'refused') {
        this.phase = 'refused by the relay: the coordinator of this room has another key';
        this.emit('error', { code: 'relay-refused', message: this.phase });
      }
      this.changed();
    });
    t.addEventListener('control', (ev) => this.onControl(ev.detail));
    t.addEventListener('packet', (ev) => this.onPacket(ev.detail));
    t.addEventListener('error', (ev) => this.log(`relay error ${ev.detail.code}: ${ev.detail.message}`, 'warn'));
    if (!this.restored) this.phase = 'waiting for signers';
    try {
      await t.connect();
    } catch (e) {
      // Refused (the peer id is bound to another key), or not reachable yet (it keeps trying).
      if (!t.refused) this.phase = `relay: ${e.message}`;
      this.log(this.phase, 'error');
    }
    this.changed();
  }

  /** Unlock a protected vault with `{passphrase}` or `{passkey: true}`. */
  unlock(how) { return this.gate.unlock(how); }

  signerPeer(id) { return `signer-${id}`; }

  /** Network keys of the signers present, by signer id. */
  presentKeys() {
    const out = new Map();
    for (const [peer, info] of this.transport.peers) {
      const m = /^signer-(\d+)$/.exec(peer);
      if (m && Number(m[1]) < this.n && info.pubkey) out.set(Number(m[1]), info.pubkey);
    }
    return out;
  }

  peersChanged() {
    const keys = this.presentKeys();
    if (!this.config && keys.size === this.n) this.buildConfig();
    else if (this.config && !this.groupKey && this.isIdle()) {
      // Before any DKG a signer that lost its key may rejoin with a new one.
      const changed = [...keys].some(([id, pk]) => this.config.network.signers[id] !== pk);
      if (changed && keys.size === this.n) { this.log('a signer rejoined with a new network key: new config'); this.buildConfig(); }
    }
    this.resolveWaiters();
    this.changed();
  }

  resolveWaiters() {
    for (const w of [...this.waiters]) if (w.check()) { this.waiters.splice(this.waiters.indexOf(w), 1); w.resolve(); }
  }

  waitFor(check, ms, what) {
    if (check()) return Promise.resolve();
    let entry;
    const p = new Promise((resolve, reject) => { entry = { check, resolve, reject }; this.waiters.push(entry); });
    return withTimeout(p, ms, what).finally(() => {
      const i = this.waiters.indexOf(entry);
      if (i >= 0) this.waiters.splice(i, 1);
    });
  }

  /** Resolves when every expected signer has joined and the config is built. */
  waitForSigners(ms = 30000, { signal } = {}) {
    if (this.configError) return Promise.reject(this.configError);
    return abortable(this.waitFor(() => !!this.config, ms, `waiting for ${this.n} signers`), signal, 'waiting for signers');
  }

  buildConfig() {
    try {
      this.buildConfigOrThrow();
    } catch (e) {
      this.configError = new SdkError('config', e.message, { cause: e.code ?? null });
      this.phase = `cannot build the ceremony config: ${e.message}`;
      this.log(this.phase, 'error');
      for (const w of this.waiters.splice(0)) w.reject?.(this.configError);
      this.emit('error', { code: 'config', message: e.message });
      this.changed();
    }
  }

  buildConfigOrThrow() {
    const keys = this.presentKeys();
    const signers = Array.from({ length: this.n }, (_, i) => keys.get(i));
    const keyConfig = this.weights
      ? weightedKeyConfig(Uint32Array.from(this.weights), this.threshold, this.dkgThreshold, this.v1)
      : evenKeyConfig(this.n, this.keys, this.threshold, this.dkgThreshold, this.v1);
    const config = { keys: keyConfig, network: { coordinator: this.pubkey, signers } };
    const coord = this.newCoordinator(config);
    // A new session for a new config: signers holding another one join this one,
    // keeping their earlier key shares.
    const issuer = new ControlIssuer(this.room);
    this.invitation = issuer.invite(configToWasm(config), this.secret, Date.now());
    this.coord?.free();
    this.issuer?.free();
    this.coord = coord;
    this.issuer = issuer;
    this.config = config;
    this.session = issuer.session;
    this.phase = 'all signers joined — run DKG';
    this.log(`ceremony config: ${this.n} signers, ${this.keys} keys${this.weights ? ` (weights ${this.weights.join(',')})` : ''}, threshold ${this.threshold} (${keyConfig.scheme}); session ${this.session.slice(0, 8)}…`);
    this.save();
    this.announce();
    this.changed();
  }

  /** A wasm coordinator for `config` under this app's policy (ROAST's DKG runs on FIRE's deadlines). */
  newCoordinator(config) {
    return this.policy === 'roast'
      ? Coordinator.roast(configToWasm(config), this.secret, this.timeouts, this.retry, undefined)
      : Coordinator.fire(configToWasm(config), this.secret, this.timeouts, this.retry);
  }

  /** Send the signed invitation to these signers (default: every one present). */
  announce(ids = [...this.presentKeys().keys()]) {
    if (!this.invitation) return;
    const message = { type: 'invitation', bytes: bytesToBase64(this.invitation) };
    for (const id of ids) this.transport.sendControl(this.signerPeer(id), message);
  }

  // ---- persistence: the session survives a reload ----------------------------------

  async restoreSession() {
    if (this.fresh) await this.records.forgetSession();
    const saved = await this.records.session();
    if (!saved) return;
    try {
      const coord = saved.state ? Coordinator.restore(saved.state, this.secret)
        : this.newCoordinator(saved.config);
      this.issuer = ControlIssuer.restore(saved.issuer);
      this.coord = coord;
    } catch (e) {
      this.log(`could not restore the saved session (${e.message}); starting a new one`, 'warn');
      return;
    }
    this.invitation = saved.invitation;
    this.config = saved.config;
    this.session = this.issuer.session;
    this.n = saved.config.network.signers.length;
    this.weights = Array.from({ length: this.n }, (_, i) => saved.config.keys.signers[String(i)]?.length ?? 0);
    this.keys = this.weights.reduce((a, b) => a + b, 0);
    this.threshold = saved.config.keys.threshold;
    this.dkgThreshold = saved.config.keys.dkg_threshold;
    this.groupKey = this.coord.groupKey() ?? null;
    this.dkgOk = this.groupKey ? true : null;
    this.epoch = this.coord.epoch;
    this.restored = true;
    this.phase = this.groupKey ? 'restored: key ready — sign a message' : 'restored — run DKG';
    resumeReshare(this);
    this.log(`restored session ${this.session.slice(0, 8)}…${this.groupKey ? ` with group key ${this.groupKey}` : ''}${this.resharing ? ', mid-reshare' : ''}`, 'ok');
    this.pump();
  }

  /** What a reload needs: the issuer, the invitation, the config and the Coordinator's state. */
  snapshot() {
    if (!this.issuer) return null;
    return { issuer: this.issuer.save(), invitation: this.invitation, config: this.config, state: this.coord.save() };
  }

  save() { return this.records?.save(); }

  /** Resolves when the session as it is now is in the vault. */
  persisted() { return this.records.save(); }

  onControl({ from, message }) {
    const m = /^signer-(\d+)$/.exec(from);
    if (!m || !message) return;
    const id = Number(m[1]);
    const info = this.signerInfo.get(id) || {};
    if (message.type === 'hello') {
      Object.assign(info, { pubkey: message.pubkey, groupKey: message.groupKey, restored: message.restored });
      this.signerInfo.set(id, info);
      if (this.invitation && message.session !== this.session) {
        // The session's invitation lists ids below n; a joiner gets the reshare's.
        if (id < this.n) this.announce([id]);
        else if (this.resharing?.joining.includes(id)) this.announceJoin([id]);
      }
      if (message.restored) this.log(`signer ${id} is back with its saved state`);
    } else if (message.type === 'status') {
      Object.assign(info, {
        status: message.status, groupKey: message.groupKey, misbehaving: message.misbehaving,
        restored: message.restored, counts: message.counts, session: message.session ?? null, epoch: message.epoch ?? null,
        lastSeen: Date.now(),
      });
      this.signerInfo.set(id, info);
    }
    this.changed();
  }

  /** Send the reshare's invitation (its new config) to these joining signers. */
  announceJoin(ids) {
    const invitation = this.resharing?.invitation;
    if (!invitation) return;
    const message = { type: 'invitation', bytes: bytesToBase64(invitation) };
    for (const id of ids) this.transport.sendControl(this.signerPeer(id), message);
  }

  isIdle() {
    return !this.coord || this.coord.pollTimeout() === undefined;
  }

  // ---- the sans-IO loop --------------------------------------------------------

  onPacket({ from, bytes, via }) {
    if (!this.coord) return;
    // For the log only: an unauthenticated peek at the name. handlePacket
    // authenticates the packet.
    const name = packetMessageName(bytes) ?? '?';
    try {
      this.coord.handlePacket(bytes, now());
    } catch (e) {
      const code = e.code || 'error';
      this.refused[code] = (this.refused[code] || 0) + 1;
      if (!['unexpected', 'replay', 'duplicate', 'wrong-sign-round'].includes(code)) {
        this.log(`refused ${name} from ${from} via ${via}: ${code}: ${e.message}`, 'warn');
      }
    }
    this.pump();
  }

  pump() {
    const c = this.coord;
    if (!c || this.closed) return;
    let t;
    while ((t = c.pollTransmit()) !== undefined) this.route(t);
    let e;
    while ((e = c.pollEvent()) !== undefined) this.onEvent(e);
    clearTimeout(this.timer);
    this.timer = null;
    const deadline = c.pollTimeout();
    if (deadline !== undefined) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.coord.handleTimeout(now());
        this.pump();
      }, Math.max(0, deadline - now()) + 2);
    }
    this.records?.saveSoon();
    this.emit('progress', c.progress());
    this.changed();
  }

  route(t) {
    if (t.to === 'all') {
      // During a reshare, the joiners too.
      const count = Math.max(this.n, this.resharing?.target.network.signers.length ?? 0);
      const peers = Array.from({ length: count }, (_, i) => this.signerPeer(i)).filter((p) => this.transport.peers.has(p));
      this.transport.broadcastPacket(t.bytes, peers);
    } else if (typeof t.to === 'number') {
      this.transport.sendPacket(this.signerPeer(t.to), t.bytes);
    }
  }

  // ---- events --------------------------------------------------------------------

  onEvent(e) {
    const [name, body] = Object.entries(e)[0];
    this.emit('event', { name, body });
    ON_EVENT[name]?.(this, body);
  }

  settle(key, error, value) {
    const p = this.pending?.[key];
    if (!p) return;
    delete this.pending[key];
    if (error) p.reject(error); else p.resolve(value);
  }

  expect(key, ms, what) {
    this.pending ??= {};
    const p = new Promise((resolve, reject) => { this.pending[key] = { resolve, reject }; });
    return withTimeout(p, ms, what).finally(() => { delete this.pending?.[key]; });
  }

  /** Wait (bounded) for data channels to the signers to open, so most traffic takes them. */
  async settleRtc(ms = 2500) {
    if (!this.webrtc) return;
    const until = performance.now() + ms;
    while (performance.now() < until) {
      const paths = this.transport.paths();
      const ids = [...this.presentKeys().keys()];
      if (ids.every((id) => paths[this.signerPeer(id)]?.path === 'webrtc')) return;
      await sleep(50);
    }
  }

  // ---- commands ------------------------------------------------------------------

  /** Run a DKG; resolves with `{dkg_id, group_key, signers}`. `signal` abandons it. */
  async runDkg({ timeoutMs = 90000, signal } = {}) {
    await this.waitForSigners(30000, { signal });
    await this.settleRtc();
    if (signal?.aborted) throw abortError(signal, 'DKG');
    const done = this.expect('dkg', timeoutMs, 'DKG');
    this.phase = 'DKG';
    this.log('starting DKG');
    this.coord.startDkg(now());
    this.pump();
    return abortable(done, signal, 'DKG', () => this.abandon('DKG', 'dkg'));
  }

  /** Abandon the round in progress (the key and the malicious set stay); its promise (`key`) settles as aborted. */
  abandon(what, key) {
    this.settle(key, new SdkError('aborted', `${what}: aborted`));
    if (!this.coord) return;
    this.coord.reset();
    this.phase = this.groupKey ? `${what} abandoned — key ready` : `${what} abandoned`;
    this.log(`${what} abandoned`, 'warn');
    this.pump();
    this.save();
  }

  /** Sign `messageHex` (hex string, or a Uint8Array / plain string) as BIP-340 or taproot. */
  async sign(message, type = 'Schnorr', { timeoutMs = 60000, signal } = {}) {
    if (!this.groupKey) throw new SdkError('no-group-key', 'no group key: run DKG first');
    let bytes;
    if (message instanceof Uint8Array) bytes = message;
    else if (typeof message === 'string' && /^([0-9a-fA-F]{2})*$/.test(message)) bytes = hex.decode(message);
    else bytes = enc.encode(String(message));
    const sigType = parseSigType(type);
    await this.settleRtc(1000);
    if (signal?.aborted) throw abortError(signal, 'signing');
    const id = this.coord.startSigning(bytes, sigType, now());
    this.phase = 'signing';
    this.log(`signing round ${id}: ${typeof sigType === 'string' ? sigType : 'Taproot'} over ${hex.encode(bytes).slice(0, 64)}`);
    const done = this.expect(`sign-${id}`, timeoutMs, `signing round ${id}`);
    this.pump();
    const aborted = abortable(done, signal, `signing round ${id}`, () => this.abandon(`signing round ${id}`, `sign-${id}`));
    // ROAST never gives up by itself (silence only keeps signers pending):
    // when the caller stops waiting, abandon the round so the next can start.
    if (this.policy === 'roast') {
      return aborted.catch((e) => {
        if (e.code !== 'aborted') { this.coord.reset(); this.save(); }
        throw e;
      });
    }
    return aborted;
  }

  /**
   * Reshare the key: `weights[i]` key ids for signer id `i` (0: it leaves;
   * ids past the current ones join, and must be in the room), `threshold`
   * key ids to sign. Resolves with `{groupKey, epoch, dkgId, signers}`: the
   * same group key, the next epoch. `signal` abandons it (the old epoch stays).
   */
  reshare({ weights, threshold, timeoutMs, signal } = {}) {
    return runReshare(this, { weights, threshold, timeoutMs, signal });
  }

  /** New shares of the same key for the same signers; resolves like `reshare`. */
  refresh({ timeoutMs, signal } = {}) {
    return runReshare(this, { timeoutMs, signal }, true);
  }

  /**
   * Repair signer `signerId`'s lost shares of the current key from the other
   * holders. The signer must be in the room as a fresh signer of this
   * session (it lost its state, reloaded and took the invitation again,
   * under the same id and network key). Resolves with `{signer, repairId,
   * helpers}`; rejects with the wasm's `repair` (too little weight left to
   * help), `busy`, `no-key`, or `repair-failed`, `timeout`, `aborted`.
   */
  async repair(signerId, { timeoutMs = 60000, signal } = {}) {
    if (!this.groupKey) throw new SdkError('no-group-key', 'no group key: run DKG first');
    if (!Number.isInteger(signerId) || signerId < 0) throw new SdkError('bad-option', '`signerId` must be an integer ≥ 0');
    await this.settleRtc(1000);
    if (signal?.aborted) throw abortError(signal, 'repair');
    // Started first: a refusal leaves no waiter behind.
    this.coord.startRepair(signerId, now());
    this.repairing = signerId;
    this.phase = `repairing signer ${signerId}`;
    this.log(`repairing signer ${signerId}`);
    const done = this.expect('repair', timeoutMs, `repair of signer ${signerId}`);
    this.pump();
    try {
      return await abortable(done, signal, `repair of signer ${signerId}`, () => this.abandon(`repair of signer ${signerId}`, 'repair'));
    } finally {
      this.repairing = null;
    }
  }

  /** Adopt a finished reshare's config (called on the wasm `Reshared` event). */
  adoptReshare(body) { adoptReshare(this, body); }

  /** Ask signer `id` to misbehave (demo of blame), or to behave with `spec = null`: a signed directive. */
  setMisbehaviour(id, spec) {
    if (!this.issuer) throw new Error('no ceremony yet: directives belong to a session');
    const bytes = this.issuer.direct(id, spec ?? undefined, this.secret);
    this.save();
    this.transport.sendControl(this.signerPeer(id), { type: 'directive', bytes: bytesToBase64(bytes) });
    this.log(spec ? `asked signer ${id} to misbehave: ${spec}` : `asked signer ${id} to behave`, 'warn');
  }

  state() {
    const paths = this.transport ? this.transport.paths() : {};
    const present = this.transport ? this.presentKeys() : new Map();
    const signers = {};
    const joining = this.transport ? joiningKeys(this) : new Map();
    const count = Math.max(this.n, ...[...joining.keys()].map((id) => id + 1));
    for (let i = 0; i < count; i++) {
      if (i >= this.n && !joining.has(i)) continue;
      const info = this.signerInfo.get(i) || {};
      const p = paths[this.signerPeer(i)];
      signers[i] = {
        present: present.has(i) || joining.has(i), pubkey: present.get(i) ?? joining.get(i) ?? null,
        keyIds: this.config ? this.config.keys.signers[String(i)] ?? [] : [], joining: i >= this.n, epoch: info.epoch ?? null,
        status: info.status ?? null, groupKey: info.groupKey ?? null, misbehaving: info.misbehaving ?? null,
        restored: !!info.restored, path: p ? p.path : null, rtc: p ? p.rtc : null,
        sent: p ? p.sent : null, received: p ? p.received : null,
      };
    }
    const malicious = this.coord ? this.coord.malicious() : {};
    return {
      room: this.room, phase: this.phase, pubkey: this.pubkey, session: this.session, restored: this.restored, policy: this.policy, config: this.config ? { signers: this.n, keys: this.keys, weights: this.weights, threshold: this.threshold, dkg_threshold: this.dkgThreshold, scheme: this.config.keys.scheme } : null,
      groupKey: this.groupKey, aggregate_public_key: this.groupKey, epoch: this.epoch,
      weights: this.config ? currentWeights(this) : null, resharing: !!this.resharing,
      reshare: { attempts: this.reshareAttempts }, repair: { attempts: this.repairAttempts, running: this.repairing },
      dkg: { ok: !!this.dkgOk, attempts: this.attempts },
      signAttempts: this.signAttempts, signatures: this.signatures,
      malicious, unresponsive: this.coord ? [...this.coord.unresponsive()] : [],
      progress: this.coord ? this.coord.progress() : { dkg: null, sign: null }, signers, transport: paths, refused: { ...this.refused },
      connected: !!this.transport?.ws && this.transport.ws.readyState === 1,
      log: this.logLines.slice(-100),
    };
  }

  /** Leave the room and stop the timers. The session stays in the vault. */
  close() {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = null;
    this.transport?.close();
    for (const key of Object.keys(this.pending ?? {})) this.settle(key, new SdkError('closed', 'the coordinator was closed'));
  }

  /** The ceremony so far, as the coordinator (wasm) records it: the shape of `wsts-sim run --json`. */
  report() {
    return this.coord ? this.coord.report() : null;
  }
}
