// A signer (peer id `signer-N`): what `createSigner` returns.
//
// Keeps its network key, its trust in a coordinator and its signer state in
// the encrypted vault (custody/), one key-share entry per group key, so a
// reload restores it and rejoins under the same peer id. Ceremonies come only
// as invitations signed by the trusted coordinator key (pinned by the link's
// `coordinator`, or trusted on first use); anything else is refused, shown,
// and changes nothing. The wasm Signer and the trust decisions run in
// signer-worker.js; this module moves packets and keeps records.
//
// Events (CustomEvent, `detail` typed in index.d.ts): `progress`, `dkg`,
// `reshare` (new shares of the same key: `reshared`, then `confirmed` or
// `rolled-back`; or `retired`, this signer left in the reshare and deleted
// every share; each once the state it leaves is in the vault),
// `repair` (its lost shares restored by the others, once saved),
// `signature` (this signer's share sent), `blame` (its DKG complaint),
// `error` (a refusal, a storage or worker failure, with a stable `code`);
// and, for pages, `status`, `log`, `transport`, `event`, `config`, `held`,
// `refused`, `locked`.
import { Transport } from './transport.js';
import { keysOf, base64ToBytes, bytesToBase64, withTimeout } from './common.js';
import { SignerRecords, listKeyShares } from './custody/records.js';
import { VaultGate, openStorage } from './custody/unlock.js';
import { SdkError, abortable } from './errors.js';

const STEP_OF = {
  DkgPublicShares: 'DKG: public shares sent',
  DkgPrivateShares: 'DKG: private shares sent',
  DkgEnd: 'DKG: finished, result reported',
  TranscriptRequest: 'DKG: asked the coordinator for missing shares',
  NonceResponse: 'Signing: nonces sent',
  SignatureShareResponse: 'Signing: signature share sent',
};

/** Control frames that once changed a signer's state unsigned: refused now. */
const UNSIGNED_CONTROL = new Set(['config', 'misbehave', 'behave']);

/** What the page says of a signer that left its group. */
const retiredStatus = (r) => `Retired: left the group at epoch ${r.epoch}; holds no share of its key`;

export class SignerClient extends EventTarget {
  /**
   * @param {{room: string, id: number, relayUrl?: string | string[], webrtc?: boolean, pin?: string | null,
   *   storage?: object | null, expectedGroupKey?: string | null}} options
   */
  constructor({ room, id, relayUrl, webrtc = true, pin = null, storage = null, expectedGroupKey = null }) {
    super();
    if (typeof room !== 'string' || !room) throw new SdkError('bad-option', '`room` must be a non-empty string');
    if (!Number.isInteger(id) || id < 0) throw new SdkError('bad-option', '`signerId` must be an integer ≥ 0');
    this.room = room;
    this.id = id;
    this.peer = `signer-${id}`;
    this.relayUrl = relayUrl;
    this.webrtc = webrtc;
    this.pin = pin;
    this.storage = storage;
    /** A joiner takes a reshare only of this key (memory only: given again on every start). */
    this.expectedGroupKey = expectedGroupKey;
    this.vault = null;
    this.config = null;
    this.session = null;
    this.groupKey = null;
    this.trusted = null;
    this.refusals = [];
    this.status = 'starting';
    this.misbehaving = null;
    this.held = [];
    this.counts = { handled: 0, refused: 0, sent: 0 };
    this.logLines = [];
    this.restored = false;
    this.reqs = new Map();
    this.nextReq = 1;
    this.controlChain = Promise.resolve();
    this.trustWrite = Promise.resolve();
    this.keyShares = [];
    this.epoch = 0;
    this.previousEpoch = false;
    /** `reshare` and `repair` events waiting for their state to reach the vault. */
    this.pendingEvents = [];
    /** `{groupKey, epoch, dkgId}` once this signer left a group in a reshare (no share of it is kept). */
    this.retired = null;
  }

  log(line) {
    const entry = `${new Date().toISOString().slice(11, 23)} ${line}`;
    this.logLines.push(entry);
    if (this.logLines.length > 200) this.logLines.shift();
    this.emit('log', { line: entry });
  }

  emit(type, detail = {}) { this.dispatchEvent(new CustomEvent(type, { detail })); }

  setStatus(text, step = null) {
    this.status = text;
    this.emit('status', { status: text });
    this.emit('progress', { status: text, step });
    this.reportStatus();
  }

  call(op, args = {}, transfer = []) {
    const id = this.nextReq++;
    return new Promise((resolve, reject) => {
      this.reqs.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, ...args }, transfer);
    });
  }

  /** Open the vault; if it is protected, wait for `unlock()`. */
  async openVault() {
    this.gate = new VaultGate(await openStorage(this.storage));
    this.vault = this.gate.vault;
    if (this.gate.locked) {
      this.setStatus('Locked: unlock the vault with its passphrase or passkey');
      this.emit('locked');
    }
    await this.gate.opened;
  }

  /** Unlock with `{passphrase}` or `{passkey: true}` (a WebAuthn prompt). */
  unlock(how) { return this.gate.unlock(how); }

  /** Open the vault, restore what it holds, and join the room. Call once, after adding listeners. */
  start({ signal } = {}) {
    this.starting ??= this.startInner();
    return abortable(this.starting, signal, 'starting the signer', () => this.close());
  }

  async startInner() {
    this.worker = new Worker(new URL('./signer-worker.js', import.meta.url), { type: 'module' });
    this.worker.onmessage = (ev) => this.onWorker(ev.data);
    this.worker.onerror = (ev) => {
      this.log(`worker error: ${ev.message}`);
      this.emit('error', { code: 'worker', message: String(ev.message) });
    };
    await this.openVault();
    this.records = new SignerRecords(this.vault, { room: this.room, signerId: this.id });
    let identity = await this.records.identity();
    if (!identity) {
      identity = await this.call('keygen');
      await this.records.saveIdentity(identity);
    }
    this.pubkey = identity.public;
    await this.openWorker(identity.secret);
    await this.refreshKeyShares();
    // Closed (or its start aborted) meanwhile: do not join.
    if (this.closed) throw new SdkError('closed', 'the signer was closed');
    this.transport = new Transport({
      url: this.relayUrl, room: this.room, peer: this.peer, pubkey: this.pubkey, webrtc: this.webrtc,
      // The worker holds the network key: it answers the relay's challenge.
      signJoin: (nonce) => this.call('signJoin', { nonce, room: this.room, peer: this.peer }),
      rtcWith: (p) => p === 'coordinator', log: (l) => this.log(l),
    });
    this.wireTransport();
    this.setStatus(this.session ? (this.groupKey ? 'Ready (restored, holds a key share)'
      : this.retired ? retiredStatus(this.retired) : 'Restored; waiting for the coordinator') : 'Waiting for an invitation from the coordinator');
    await this.transport.connect();
  }

  async openWorker(secret) {
    const trust = await this.records.trust();
    let ceremony = await this.records.ceremony();
    const open = (c) => this.call('open', { secret, signerId: this.id, room: this.room, trust, pin: this.pin, ceremony: c,
      expectedGroupKey: this.expectedGroupKey });
    let r;
    try {
      r = await open(ceremony);
    } catch (e) {
      if (e.code === 'bad-option') throw new SdkError('bad-option', e.message);
      // Kept in the vault as it is: it may hold a key share.
      this.log(`could not restore the saved ceremony (${e.message}); waiting for a new one`);
      ceremony = null;
      r = await open(undefined);
    }
    this.session = r.session;
    this.config = r.config ?? ceremony?.config ?? null;
    this.groupKey = r.groupKey;
    this.epoch = r.epoch;
    this.trusted = r.trusted;
    this.restored = !!ceremony;
    this.retired = ceremony?.retired ?? null;
    if (ceremony) this.log(`restored saved state${r.groupKey ? `, group key ${r.groupKey.slice(0, 16)}…` : ''}`);
    if (r.pinConflict) {
      this.refuse({ code: 'pin-conflict', presented: this.pin, message: `the link names coordinator key ${this.pin.slice(0, 16)}…, but this signer already trusts ${r.trusted.fingerprint}` });
    }
  }

  wireTransport() {
    const t = this.transport;
    t.addEventListener('joined', (ev) => {
      this.log(`joined room ${this.room} (${ev.detail.peers.length} other peers)`);
      if (t.peers.has('coordinator')) this.hello();
    });
    t.addEventListener('peer-joined', (ev) => { if (ev.detail.peer === 'coordinator') this.hello(); });
    t.addEventListener('status', (ev) => this.emit('transport', ev.detail));
    t.addEventListener('path', (ev) => {
      this.log(`path to ${ev.detail.peer}: ${ev.detail.path}`);
      this.emit('transport', {});
    });
    t.addEventListener('control', (ev) => this.onControl(ev.detail));
    t.addEventListener('packet', (ev) => this.onPacket(ev.detail));
  }

  hello() {
    this.transport.sendControl('coordinator', {
      type: 'hello', signerId: this.id, pubkey: this.pubkey, groupKey: this.groupKey, restored: this.restored,
      session: this.session,
    });
    this.reportStatus();
  }

  reportStatus() {
    if (!this.transport || !this.transport.peers.has('coordinator')) return;
    this.transport.sendControl('coordinator', {
      type: 'status', signerId: this.id, status: this.status, groupKey: this.groupKey,
      misbehaving: this.misbehaving, restored: this.restored, counts: this.counts, session: this.session, epoch: this.epoch,
    });
  }

  /** Record a refused control message; it is shown until the next one. */
  refuse(refusal) {
    const r = { at: new Date().toISOString(), ...refusal };
    this.refusals.push(r);
    if (this.refusals.length > 20) this.refusals.shift();
    this.counts.refused++;
    this.log(`REFUSED ${r.kind ?? 'control'}${r.from ? ` from ${r.from}` : ''}: ${r.code}: ${r.message}`);
    this.emit('refused', r);
    this.emit('error', { code: r.code, message: r.message, kind: r.kind ?? null, from: r.from ?? null });
    this.reportStatus();
  }

  onControl({ from, message }) {
    if (!message || typeof message !== 'object') return undefined;
    const { type } = message;
    if (type === 'invitation' || type === 'directive') {
      // One at a time: each decision sees the previous one's trust.
      this.controlChain = this.controlChain.then(() => this.onSigned(from, type, message.bytes)).catch((e) => this.log(`control: ${e.message}`));
      return this.controlChain;
    }
    if (UNSIGNED_CONTROL.has(type)) {
      this.refuse({ from, kind: type, code: 'unsigned', message: `unsigned "${type}" control; only signed invitations and directives count` });
    } else if (type === 'status?' && from === 'coordinator') {
      this.reportStatus();
    }
    return undefined;
  }

  async onSigned(from, type, b64) {
    let bytes;
    try { bytes = base64ToBytes(String(b64)); } catch { bytes = new Uint8Array(0); }
    try {
      const r = await this.call(type, { bytes });
      if (type === 'invitation') this.onInvited(r, from);
      else this.onDirected(r);
    } catch (e) {
      this.refuse({ from, kind: type, code: e.code, message: e.message, presented: e.presented, presentedFingerprint: e.presentedFingerprint, bytes });
    }
  }

  onInvited(r, from) {
    if (r.firstUse) this.log(`trusting coordinator ${r.fingerprint} from now on (first use)`);
    // Taken either way: the coordinator may be waiting for our session.
    if (!r.changed) { this.reportStatus(); return; }
    this.config = r.config;
    this.session = r.session;
    this.groupKey = null;
    this.restored = false;
    this.retired = null;
    this.misbehaving = null;
    this.log(`new ceremony ${r.session.slice(0, 8)}… from ${from} (coordinator ${r.fingerprint}): ${Object.keys(r.config.keys.signers).length} signers, key ids ${keysOf(r.config, this.id).join(',')}`);
    this.setStatus('Ready: waiting for DKG');
    this.emit('config', { config: r.config });
  }

  onDirected(r) {
    this.misbehaving = r.misbehaving;
    this.log(r.misbehaving ? `now misbehaving: ${r.misbehaving}` : 'behaving honestly');
    this.setStatus(this.status);
  }

  /** The latest refusal the user could overrule by trusting its key: an untrusted invitation, or a conflicting pin. */
  overrulable() {
    return this.refusals.findLast((r) => r.presented && (r.kind === 'invitation' || r.code === 'pin-conflict')) ?? null;
  }

  /** The user's deliberate choice: trust the coordinator of a refused invitation, and take it. */
  async trustRefused(refusal = this.overrulable()) {
    if (!refusal?.presented) throw new Error('that refusal names no coordinator key');
    this.trusted = await this.call('trustKey', { key: refusal.presented });
    this.log(`the user chose to trust coordinator ${this.trusted.fingerprint}`);
    if (refusal.bytes?.length && refusal.kind === 'invitation') await this.onSigned(refusal.from, 'invitation', bytesToBase64(refusal.bytes));
    this.emit('status', { status: this.status });
  }

  async onPacket({ from, bytes, via }) {
    if (from !== 'coordinator') return;
    let r;
    try {
      r = await this.call('packet', { bytes }, []);
    } catch (e) {
      this.counts.refused++;
      this.log(`packet not handled: ${e.message}`);
      return;
    }
    if (r.held) {
      this.held.push(r.message);
      this.log(`holding ${r.message} (test hook): not answering`);
      this.emit('held', { message: r.message });
      return;
    }
    if (r.handled) {
      this.counts.handled++;
    } else {
      this.counts.refused++;
      this.log(`refused ${r.message} via ${via}: ${r.error?.code} ${r.error?.message}`);
      if (r.error?.code === 'unexpected-group-key') {
        // Not the key this joiner was told to expect: it takes no share of it.
        this.setStatus(`Refused ${r.message}: not the expected group key ${this.expectedGroupKey?.slice(0, 16)}…`);
        this.emit('error', { code: r.error.code, message: r.error.message, kind: 'packet', from });
      }
    }
  }

  onWorker(m) {
    if (m.id !== undefined) {
      const r = this.reqs.get(m.id);
      if (!r) return;
      this.reqs.delete(m.id);
      if (m.ok) r.resolve(m.result);
      else r.reject(Object.assign(new Error(m.error.message), m.error));
      return;
    }
    switch (m.op) {
      case 'transmit': {
        this.counts.sent++;
        const path = this.transport.sendPacket('coordinator', m.bytes);
        if (STEP_OF[m.message]) this.setStatus(STEP_OF[m.message], m.message);
        this.log(`sent ${m.message} (${m.bytes.length} B) via ${path ?? 'nowhere (offline)'}`);
        break;
      }
      case 'event': this.onSignerEvent(m.event); break;
      case 'state': this.persistState(m); break;
      case 'trust':
        this.trusted = m.trusted;
        this.trustWrite = this.trustWrite.then(() => this.records.saveTrust(m.trust)).catch((e) => this.storageFailed(e));
        break;
      default: break;
    }
  }

  onSignerEvent(event) {
    const [name, body] = Object.entries(event)[0];
    if (name === 'DkgComplete') {
      this.groupKey = body.group_key;
      this.setStatus('DKG complete: holds a key share', name);
      this.emit('dkg', { groupKey: body.group_key, dkgId: body.dkg_id, session: this.session });
    } else if (name === 'DkgFailed') {
      this.setStatus(`DKG ${body.dkg_id} failed here: ${JSON.stringify(body.failure).slice(0, 120)}`, name);
      this.emit('blame', { dkgId: body.dkg_id, failure: body.failure });
    } else if (name === 'Reshared' || name === 'EpochConfirmed' || name === 'EpochRolledBack' || name === 'Retired') {
      this.onEpochEvent(name, body);
    } else if (name === 'Repaired') {
      this.setStatus(`Repaired: holds its epoch ${body.epoch} shares again`, name);
      this.pendingEvents.push({ type: 'repair', detail: { groupKey: null, epoch: body.epoch, dkgId: body.dkg_id, repairId: body.repair_id } });
    } else if (name === 'Signed') {
      this.emit('signature', { signId: body.sign_id, attempt: body.sign_iter_id + 1 });
    }
    this.log(`event ${name} ${JSON.stringify(body).slice(0, 160)}`);
    this.emit('event', { name, body });
  }

  /**
   * A reshare gave new shares of the same key (`Reshared`), a signature under
   * them confirmed them (`EpochConfirmed`: the old epoch's are deleted), or
   * the coordinator went on under the old epoch (`EpochRolledBack`), or this
   * signer left in the reshare a signature confirmed (`Retired`: it deleted
   * every share of the key). The `reshare` event goes out once the state
   * that follows is in the vault.
   */
  onEpochEvent(name, body) {
    const stage = { Reshared: 'reshared', EpochConfirmed: 'confirmed', EpochRolledBack: 'rolled-back', Retired: 'retired' }[name];
    if (name === 'Retired') {
      // The signer no longer knows the key it left: keep it for the record.
      this.retired = { groupKey: this.groupKey, epoch: body.epoch, dkgId: body.dkg_id };
      this.groupKey = null;
      this.setStatus(retiredStatus(this.retired), name);
    } else if (name === 'Reshared') {
      const joined = !this.groupKey;
      this.groupKey = body.group_key;
      this.setStatus(joined ? `Joined by a reshare: holds epoch ${body.epoch} shares`
        : `Reshared: holds epoch ${body.epoch} shares (the old ones kept until a signature confirms)`, name);
    } else if (name === 'EpochConfirmed') {
      this.setStatus(`Epoch ${body.epoch} confirmed by a signature: the old shares are deleted`, name);
    } else {
      this.setStatus(`Back to epoch ${body.epoch}: the coordinator went on under the old shares`, name);
    }
    const groupKey = body.group_key ?? this.groupKey ?? this.retired?.groupKey ?? null;
    this.pendingEvents.push({ type: 'reshare', detail: { stage, groupKey, epoch: body.epoch, dkgId: body.dkg_id } });
  }

  persistState({ state, groupKey, session, config, epoch = 0, previousEpoch = false }) {
    if (groupKey) this.groupKey = groupKey;
    if (config) this.config = config;
    this.epoch = epoch;
    this.previousEpoch = previousEpoch;
    // Ours: other signers in this browser may hold entries of the same key.
    const newShare = groupKey && !this.keyShares.some((s) => s.groupKey === groupKey && s.room === this.room && s.signerId === this.id);
    // The share entry (one per group key) gets this state; after a reshare it
    // still holds the old epoch's shares until `EpochConfirmed`.
    const events = this.pendingEvents.splice(0);
    for (const e of events) if (e.type === 'repair') e.detail.groupKey = groupKey;
    // Retired just now: the key's share entry gets the retired record, with no state.
    const retiring = events.some((e) => e.detail.stage === 'retired');
    const entry = { session, config, state, groupKey: retiring ? this.retired.groupKey : groupKey, epoch, previousEpoch,
      coordinator: this.trusted?.key ?? null, retired: this.retired };
    this.records.saveCeremony(entry)
      .then(() => (newShare || retiring ? this.refreshKeyShares() : undefined))
      .then(() => { for (const { type, detail } of events) this.emit(type, detail); })
      .catch((e) => this.storageFailed(e));
  }

  storageFailed(e) {
    this.log(`could not save to the vault: ${e.code ?? ''} ${e.message}`);
    this.setStatus(`Storage error: ${e.message}`);
    this.emit('error', { code: 'storage', message: String(e.message), cause: e.code ?? null });
  }

  async refreshKeyShares() {
    const all = await listKeyShares(this.vault);
    // Our retired entries hold no share: not listed as ours.
    const retired = new Set();
    for (const s of all) {
      if (s.room !== this.room || s.signerId !== this.id) continue;
      // Locked meanwhile: listed as ids alone, as before.
      const entry = await this.vault.getJson(s.id).catch(() => null);
      if (entry?.retired) retired.add(s.groupKey);
    }
    this.keyShares = all.map((s) => ({ ...s, retired: retired.has(s.groupKey) }));
    this.emit('status', { status: this.status });
  }

  /** Resolves when every state and trust change so far is in the vault. */
  async persisted() {
    await this.controlChain;
    await Promise.all([this.records.flushed(), this.trustWrite]);
  }

  async hold(messages) {
    this.held = [];
    return this.call('hold', { messages });
  }

  /**
   * Resolves with `{groupKey, dkgId, session}` when this signer completes its
   * next DKG (the coordinator runs it); rejects on `signal` or `timeoutMs`.
   */
  waitForDkg({ signal, timeoutMs } = {}) {
    let listener;
    const done = new Promise((resolve) => {
      listener = (ev) => resolve(ev.detail);
      this.addEventListener('dkg', listener, { once: true });
    });
    const bounded = timeoutMs ? withTimeout(done, timeoutMs, 'waiting for DKG') : done;
    return abortable(bounded, signal, 'waiting for DKG').finally(() => this.removeEventListener('dkg', listener));
  }

  /** Leave the room and stop the worker. Stored key shares stay in the vault. */
  close() {
    this.closed = true;
    this.transport?.close();
    this.worker?.terminate();
    for (const { reject } of this.reqs.values()) reject(new SdkError('closed', 'the signer was closed'));
    this.reqs.clear();
  }

  state() {
    const mine = this.keyShares.filter((s) => s.room === this.room && s.signerId === this.id && !s.retired);
    return {
      room: this.room, id: this.id, peer: this.peer, pubkey: this.pubkey, status: this.status,
      hasConfig: !!this.session, session: this.session, keyIds: this.config && !this.retired ? keysOf(this.config, this.id) : [],
      groupKey: this.groupKey, epoch: this.epoch, previousEpoch: this.previousEpoch, restored: this.restored,
      retired: this.retired && { ...this.retired },
      misbehaving: this.misbehaving, held: [...this.held],
      trusted: this.trusted, refusals: this.refusals.map(({ bytes, ...r }) => r),
      keyShares: mine.map((s) => s.groupKey), allKeyShares: this.keyShares.length,
      storage: this.vault ? { locked: this.vault.locked, protection: this.vault.protection } : null,
      counts: { ...this.counts }, transport: this.transport ? this.transport.paths() : {},
      connected: !!this.transport?.ws && this.transport.ws.readyState === 1,
    };
  }
}
