// A signer page: signer.html?room=R&id=N (peer id `signer-N`).
//
// Keeps its network key, its ceremony config and its saved Signer state in
// localStorage (per room and signer id), so a reload restores it and rejoins
// under the same peer id. The wasm Signer runs in signer-worker.js; this page
// only moves packets between the relay/data channel and the worker.
import { Transport } from './transport.js';
import { hex, bytesToBase64, base64ToBytes, keysOf } from './common.js';

const STEP_OF = {
  DkgPublicShares: 'DKG: public shares sent',
  DkgPrivateShares: 'DKG: private shares sent',
  DkgEnd: 'DKG: finished, result reported',
  TranscriptRequest: 'DKG: asked the coordinator for missing shares',
  NonceResponse: 'Signing: nonces sent',
  SignatureShareResponse: 'Signing: signature share sent',
};

export class SignerApp extends EventTarget {
  constructor({ room, id, relayUrl, webrtc = true }) {
    super();
    this.room = room;
    this.id = id;
    this.peer = `signer-${id}`;
    this.relayUrl = relayUrl;
    this.webrtc = webrtc;
    this.prefix = `wsts/${room}/${this.peer}/`;
    this.config = null;
    this.hasSigner = false;
    this.groupKey = null;
    this.status = 'starting';
    this.misbehaving = null;
    this.held = [];
    this.counts = { handled: 0, refused: 0, sent: 0 };
    this.logLines = [];
    this.restored = false;
    this.reqs = new Map();
    this.nextReq = 1;
  }

  log(line) {
    const entry = `${new Date().toISOString().slice(11, 23)} ${line}`;
    this.logLines.push(entry);
    if (this.logLines.length > 200) this.logLines.shift();
    this.emit('log', { line: entry });
  }

  emit(type, detail = {}) { this.dispatchEvent(new CustomEvent(type, { detail })); }

  setStatus(text) {
    this.status = text;
    this.emit('status', { status: text });
    this.reportStatus();
  }

  call(op, args = {}, transfer = []) {
    const id = this.nextReq++;
    return new Promise((resolve, reject) => {
      this.reqs.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, ...args }, transfer);
    });
  }

  store(key, value) {
    try {
      if (value === null) localStorage.removeItem(this.prefix + key);
      else localStorage.setItem(this.prefix + key, value);
    } catch (e) {
      this.log(`localStorage: ${e.message}`);
    }
  }

  load(key) {
    try { return localStorage.getItem(this.prefix + key); } catch { return null; }
  }

  async start() {
    this.worker = new Worker('/js/signer-worker.js', { type: 'module' });
    this.worker.onmessage = (ev) => this.onWorker(ev.data);
    this.worker.onerror = (ev) => this.log(`worker error: ${ev.message}`);

    let secretHex = this.load('key');
    if (secretHex) {
      this.pubkey = await this.call('pubkey', { secret: hex.decode(secretHex) });
    } else {
      const k = await this.call('keygen');
      secretHex = hex.encode(k.secret);
      this.pubkey = k.public;
      this.store('key', secretHex);
    }
    this.secret = hex.decode(secretHex);

    const state = this.load('state');
    const config = this.load('config');
    if (state && config) {
      try {
        this.config = JSON.parse(config);
        this.session = this.load('session');
        const r = await this.call('restore', { state: base64ToBytes(state), secret: this.secret, config: this.config });
        this.hasSigner = true;
        this.restored = true;
        this.groupKey = r.groupKey;
        this.log(`restored saved state${r.groupKey ? `, group key ${r.groupKey.slice(0, 16)}…` : ''}`);
      } catch (e) {
        this.log(`could not restore saved state (${e.message}); starting afresh`);
        this.config = null;
        this.store('state', null);
      }
    }

    this.transport = new Transport({
      url: this.relayUrl, room: this.room, peer: this.peer, pubkey: this.pubkey, webrtc: this.webrtc,
      signJoin: (nonce) => this.call('signJoin', { secret: this.secret, nonce, room: this.room, peer: this.peer }),
      rtcWith: (p) => p === 'coordinator', log: (l) => this.log(l),
    });
    this.transport.addEventListener('joined', (ev) => {
      this.log(`joined room ${this.room} (${ev.detail.peers.length} other peers)`);
      if (this.transport.peers.has('coordinator')) this.hello();
    });
    this.transport.addEventListener('peer-joined', (ev) => { if (ev.detail.peer === 'coordinator') this.hello(); });
    this.transport.addEventListener('status', (ev) => this.emit('transport', ev.detail));
    this.transport.addEventListener('path', (ev) => {
      this.log(`path to ${ev.detail.peer}: ${ev.detail.path}`);
      this.emit('transport', {});
    });
    this.transport.addEventListener('control', (ev) => this.onControl(ev.detail));
    this.transport.addEventListener('packet', (ev) => this.onPacket(ev.detail));
    this.setStatus(this.hasSigner ? (this.groupKey ? 'Ready (restored, holds a key share)' : 'Restored; waiting for the coordinator') : 'Waiting for the coordinator’s ceremony config');
    await this.transport.connect();
  }

  hello() {
    this.transport.sendControl('coordinator', {
      type: 'hello', signerId: this.id, pubkey: this.pubkey, groupKey: this.groupKey, restored: this.restored,
      config: this.config ? JSON.stringify(this.config) : null, session: this.session ?? null,
    });
    this.reportStatus();
  }

  reportStatus() {
    if (!this.transport || !this.transport.peers.has('coordinator')) return;
    this.transport.sendControl('coordinator', {
      type: 'status', signerId: this.id, status: this.status, groupKey: this.groupKey,
      misbehaving: this.misbehaving, restored: this.restored, counts: this.counts,
    });
  }

  async onControl({ from, message }) {
    if (from !== 'coordinator' || !message || typeof message !== 'object') return;
    switch (message.type) {
      case 'config':
        // One at a time: the same config may arrive twice (announce + answer to hello).
        this.configChain = (this.configChain || Promise.resolve())
          .then(() => this.onConfig(message.config, message.session ?? null)).catch(() => {});
        return this.configChain;
      case 'misbehave': return this.misbehave(message.spec);
      case 'behave': return this.behave();
      case 'status?': return this.reportStatus();
      default: return undefined;
    }
  }

  async onConfig(config, session) {
    const mine = config?.network?.signers?.[this.id];
    if (mine !== this.pubkey) {
      this.setStatus(`The coordinator's config does not list my key as signer ${this.id}`);
      return;
    }
    const json = JSON.stringify(config);
    if (this.hasSigner && this.config && JSON.stringify(this.config) === json && this.session === session) return; // same ceremony
    try {
      await this.call('init', { config, signerId: this.id, secret: this.secret });
    } catch (e) {
      this.setStatus(`Bad config: ${e.message}`);
      return;
    }
    this.config = config;
    this.session = session;
    this.hasSigner = true;
    this.restored = false;
    this.groupKey = null;
    this.store('config', json);
    this.store('session', session);
    this.log(`new ceremony: ${Object.keys(config.keys.signers).length} signers, key ids ${keysOf(config, this.id).join(',')}`);
    this.setStatus('Ready: waiting for DKG');
    this.emit('config', { config });
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
    }
  }

  onWorker(m) {
    if (m.id !== undefined) {
      const r = this.reqs.get(m.id);
      if (!r) return;
      this.reqs.delete(m.id);
      if (m.ok) r.resolve(m.result);
      else r.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
      return;
    }
    switch (m.op) {
      case 'transmit': {
        this.counts.sent++;
        const path = this.transport.sendPacket('coordinator', m.bytes);
        if (STEP_OF[m.message]) this.setStatus(STEP_OF[m.message]);
        this.log(`sent ${m.message} (${m.bytes.length} B) via ${path ?? 'nowhere (offline)'}`);
        break;
      }
      case 'event': {
        const [name, body] = Object.entries(m.event)[0];
        if (name === 'DkgComplete') {
          this.groupKey = body.group_key;
          this.setStatus('DKG complete: holds a key share');
        } else if (name === 'DkgFailed') {
          this.setStatus(`DKG ${body.dkg_id} failed here: ${JSON.stringify(body.failure).slice(0, 120)}`);
        }
        this.log(`event ${name} ${JSON.stringify(body).slice(0, 160)}`);
        this.emit('event', { name, body });
        break;
      }
      case 'state':
        this.store('state', bytesToBase64(m.state));
        if (m.groupKey) this.groupKey = m.groupKey;
        break;
      default:
        break;
    }
  }

  async misbehave(spec) {
    try {
      await this.call('misbehave', { spec });
    } catch (e) {
      this.log(`refused to misbehave: ${e.message}`);
      this.setStatus(`Refused a misbehave request: ${e.message}`);
      return;
    }
    this.misbehaving = spec;
    this.log(`now misbehaving: ${spec}`);
    this.setStatus(this.status);
  }

  async behave() {
    await this.call('behave');
    this.misbehaving = null;
    this.log('behaving honestly again');
    this.setStatus(this.status);
  }

  async hold(messages) {
    this.held = [];
    return this.call('hold', { messages });
  }

  state() {
    return {
      room: this.room, id: this.id, peer: this.peer, pubkey: this.pubkey, status: this.status,
      hasConfig: !!this.config, keyIds: this.config ? keysOf(this.config, this.id) : [],
      groupKey: this.groupKey, restored: this.restored, misbehaving: this.misbehaving, held: [...this.held],
      counts: { ...this.counts }, transport: this.transport ? this.transport.paths() : {},
      connected: !!this.transport?.ws && this.transport.ws.readyState === 1,
    };
  }
}

// ---- page wiring (signer.html) ----------------------------------------------

function render(app) {
  const s = app.state();
  const $ = (id) => document.getElementById(id);
  $('title').textContent = `Signer ${s.id}`;
  $('room').textContent = s.room;
  $('status').textContent = s.status;
  $('keyids').textContent = s.keyIds.length ? s.keyIds.join(', ') : '—';
  $('pubkey').textContent = s.pubkey || '—';
  $('groupkey').textContent = s.groupKey || '—';
  const c = s.transport.coordinator;
  $('path').textContent = c ? `${c.path}${c.connected ? '' : ' (coordinator offline)'} · sent ${c.sent.relay + c.sent.webrtc}, received ${c.received.relay + c.received.webrtc}` : 'coordinator not seen yet';
  $('path').className = `pill ${c?.path === 'webrtc' ? 'ok' : ''}`;
  $('misbehaving').hidden = !s.misbehaving;
  $('misbehaving').textContent = s.misbehaving ? `misbehaving: ${s.misbehaving}` : '';
  $('log').textContent = app.logLines.slice(-40).join('\n');
}

export async function main() {
  const params = new URLSearchParams(location.search);
  const room = params.get('room') || 'demo';
  const id = Number(params.get('id') ?? '0');
  const app = new SignerApp({ room, id, relayUrl: params.get('relay') || undefined, webrtc: params.get('webrtc') !== '0' });
  window.wstsSigner = app;
  document.body.classList.toggle('compact', params.get('compact') === '1');
  let pending = false;
  const rerender = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; render(app); });
  };
  for (const ev of ['status', 'log', 'transport', 'event', 'config', 'held']) app.addEventListener(ev, rerender);
  setInterval(rerender, 1000);
  try {
    await app.start();
  } catch (e) {
    app.setStatus(`Error: ${e.message}`);
  }
  rerender();
  app.started = true;
}
