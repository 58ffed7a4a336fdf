// Transport: the relay WebSocket plus WebRTC data channels between peers.
//
// Every payload is a byte string framed by its first byte:
//   0x00  a protocol packet (the rest is handed to / produced by the wasm state machines)
//   0x01  a UTF-8 JSON control message of the demo app
// Over the relay the framed bytes travel base64-encoded in `send`/`broadcast`
// frames; over a data channel they travel as they are (binary messages).
//
// When a data channel to a peer is open, `send` uses it; otherwise it falls
// back to the relay. `paths()` tells which path each peer is on, with byte
// and packet counters per path.
//
// Joining proves the peer's network key: the relay opens each connection
// with `{"type":"challenge","nonce"}` and the page's `signJoin(nonceHex)`
// returns the BIP-340 signature (wasm `signRelayJoin`) that `join` carries.
// The relay binds the peer id to that key (relay/README.md).

import { bytesToBase64, base64ToBytes } from './common.js';

export const FRAME_PACKET = 0x00;
export const FRAME_CONTROL = 0x01;

const enc = new TextEncoder();
const dec = new TextDecoder();

export function frame(kind, payload) {
  const body = kind === FRAME_CONTROL ? enc.encode(JSON.stringify(payload)) : payload;
  const out = new Uint8Array(body.length + 1);
  out[0] = kind;
  out.set(body, 1);
  return out;
}

export function unframe(bytes) {
  if (bytes.length < 1) throw new Error('empty frame');
  const kind = bytes[0];
  const body = bytes.subarray(1);
  if (kind === FRAME_PACKET) return { kind: 'packet', bytes: body };
  if (kind === FRAME_CONTROL) return { kind: 'control', message: JSON.parse(dec.decode(body)) };
  throw new Error(`unknown frame type ${kind}`);
}

export function defaultRelayUrl() {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${location.host}/ws`;
}

/** Relay URLs from an array, or a comma-separated string (`?relay=` of the pages). */
export function relayUrls(url) {
  const list = Array.isArray(url) ? url : String(url).split(',');
  const urls = list.map((u) => u.trim()).filter(Boolean);
  if (urls.length === 0) throw new Error('no relay URL');
  return urls;
}

function newStats() {
  return { path: 'relay', rtc: 'none', sent: { relay: 0, webrtc: 0 }, received: { relay: 0, webrtc: 0 },
    sentBytes: { relay: 0, webrtc: 0 }, receivedBytes: { relay: 0, webrtc: 0 } };
}

/**
 * Options: `room`, `peer`, `pubkey` (compressed hex), `signJoin(nonceHex) =>
 * Promise<signatureHex>` (required: signs the relay's challenge with the
 * network secret behind `pubkey`), `url` (one relay URL, or several as an
 * array or comma-separated: relays of one cluster), `webrtc`, `rtcWith`, `log`.
 *
 * With several relays, a connection that fails or drops moves on to the next
 * one and joins again (a fresh challenge, the same key); back-off grows only
 * once every relay has failed in a row.
 *
 * Events (EventTarget, `event.detail`):
 *   `status`      {state: 'connecting'|'open'|'closed'|'replaced'|'refused', attempt, url}
 *   `joined`      {peers: [{peer, pubkey}]}           (after every (re)join)
 *   `peer-joined` {peer, pubkey}
 *   `peer-left`   {peer}
 *   `packet`      {from, bytes, via}                   (frame 0x00)
 *   `control`     {from, message, via}                 (frame 0x01)
 *   `path`        {peer, path}                         (data channel opened/closed)
 *   `error`       {code, message}                      (relay errors)
 * `refused`: the relay bound this peer id to another key (`peer-key-mismatch`);
 * the transport stops reconnecting, as for `replaced`.
 */
export class Transport extends EventTarget {
  constructor({ url = defaultRelayUrl(), room, peer, pubkey, signJoin, webrtc = true, rtcWith = () => true,
    log = () => {} } = {}) {
    super();
    if (typeof signJoin !== 'function' || !pubkey) throw new Error('Transport needs `pubkey` and `signJoin`');
    this.urls = relayUrls(url);
    this.urlIndex = 0;
    this.room = room;
    this.peer = peer;
    this.pubkey = pubkey;
    this.signJoin = signJoin;
    this.webrtc = webrtc && typeof RTCPeerConnection !== 'undefined';
    this.rtcWith = rtcWith;
    this.log = log;
    this.peers = new Map(); // peer -> {pubkey}
    this.stats = new Map(); // peer -> counters
    this.rtc = new Map(); // peer -> {pc, dc, session, pending: []}
    this.ws = null;
    this.closed = false;
    this.attempt = 0;
    this.joinedOnce = null;
    this.pingTimer = null;
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  statsFor(peer) {
    if (!this.stats.has(peer)) this.stats.set(peer, newStats());
    return this.stats.get(peer);
  }

  /** Connect and join; resolves on the first `joined`. Reconnects with back-off afterwards. */
  connect(timeoutMs = 10000) {
    if (!this.joinedOnce) {
      this.joinedOnce = new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no 'joined' from the relay within ${timeoutMs} ms`)), timeoutMs);
        this.addEventListener('joined', () => { clearTimeout(t); resolve(); }, { once: true });
      });
      this.openSocket();
    }
    return this.joinedOnce;
  }

  /** The relay currently (or last) in use. */
  get url() { return this.urls[this.urlIndex]; }

  openSocket() {
    if (this.closed) return;
    const url = this.url;
    this.emit('status', { state: 'connecting', attempt: this.attempt, url });
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.onmessage = (ev) => { if (this.ws === ws) this.onRelayFrame(ev.data, ws); };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      clearInterval(this.pingTimer);
      const state = this.replaced ? 'replaced' : this.refused ? 'refused' : 'closed';
      this.emit('status', { state, attempt: this.attempt, url });
      if (this.closed || this.replaced || this.refused) return;
      // The next relay of the cluster; back off only after a whole round failed.
      this.urlIndex = (this.urlIndex + 1) % this.urls.length;
      const rounds = Math.floor(this.attempt / this.urls.length);
      const delay = Math.min(200 * 2 ** rounds, 5000) * (0.75 + Math.random() / 2);
      this.attempt++;
      if (this.urls.length > 1) this.log(`relay ${url} lost; trying ${this.url}`);
      setTimeout(() => this.openSocket(), delay);
    };
    ws.onerror = () => {};
  }

  /** Answers the relay's challenge with a signed `join` (once per connection). */
  async answerChallenge(ws, nonce) {
    let signature;
    try {
      signature = await this.signJoin(nonce);
    } catch (e) {
      this.log(`cannot sign the relay's challenge: ${e.message}`);
      ws.close();
      return;
    }
    if (this.ws !== ws || ws.readyState !== WebSocket.OPEN) return;
    ws.send(JSON.stringify({ type: 'join', room: this.room, peer: this.peer, pubkey: this.pubkey, signature }));
  }

  onRelayFrame(text, ws) {
    let m;
    try { m = JSON.parse(text); } catch { return; }
    switch (m.type) {
      case 'challenge':
        if (typeof m.nonce === 'string') this.answerChallenge(ws, m.nonce);
        break;
      case 'joined': {
        this.attempt = 0;
        this.peers = new Map(m.peers.map((p) => [p.peer, { pubkey: p.pubkey ?? null }]));
        this.emit('status', { state: 'open', attempt: 0, url: this.url });
        clearInterval(this.pingTimer);
        this.pingTimer = setInterval(() => this.rawSend({ type: 'ping' }), 15000);
        for (const p of m.peers) this.maybeStartRtc(p.peer);
        this.emit('joined', { peers: m.peers });
        break;
      }
      case 'peer-joined':
        this.peers.set(m.peer, { pubkey: m.pubkey ?? null });
        // A rejoin replaces the old connection: any data channel to it is stale.
        this.closeRtc(m.peer);
        this.maybeStartRtc(m.peer);
        this.emit('peer-joined', { peer: m.peer, pubkey: m.pubkey ?? null });
        break;
      case 'peer-left':
        this.peers.delete(m.peer);
        this.closeRtc(m.peer);
        this.emit('peer-left', { peer: m.peer });
        break;
      case 'message': {
        let bytes;
        try { bytes = base64ToBytes(m.data); } catch { return; }
        this.deliver(m.from, bytes, 'relay');
        break;
      }
      case 'signal':
        this.onSignal(m.from, m.signal).catch((e) => this.log(`webrtc signal from ${m.from}: ${e.message}`));
        break;
      case 'pong':
        break;
      case 'error':
        // Another connection joined with our room and peer id (the same page
        // opened twice): stand down instead of fighting over the id.
        if (m.code === 'replaced') this.replaced = true;
        // Our peer id is bound to another key: someone else holds it, and
        // retrying cannot change that. Stand down; the page shows the error.
        if (m.code === 'peer-key-mismatch') {
          this.refused = true;
          ws.close();
        }
        this.emit('error', { code: m.code, message: m.message });
        break;
      default:
        break;
    }
  }

  deliver(from, bytes, via) {
    const s = this.statsFor(from);
    s.received[via]++;
    s.receivedBytes[via] += bytes.length;
    let f;
    try { f = unframe(bytes); } catch (e) { this.log(`bad frame from ${from}: ${e.message}`); return; }
    if (f.kind === 'packet') this.emit('packet', { from, bytes: f.bytes, via });
    else this.emit('control', { from, message: f.message, via });
  }

  rawSend(obj) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify(obj));
      return true;
    }
    return false;
  }

  /** Send framed bytes to one peer: over its data channel when open, else over the relay. */
  sendFramed(to, bytes) {
    const s = this.statsFor(to);
    const r = this.rtc.get(to);
    if (r && r.dc && r.dc.readyState === 'open') {
      try {
        r.dc.send(bytes);
        s.sent.webrtc++;
        s.sentBytes.webrtc += bytes.length;
        return 'webrtc';
      } catch (e) {
        this.log(`data channel to ${to} failed (${e.message}); using the relay`);
      }
    }
    if (this.rawSend({ type: 'send', to, data: bytesToBase64(bytes) })) {
      s.sent.relay++;
      s.sentBytes.relay += bytes.length;
      return 'relay';
    }
    return null; // not connected: dropped (the protocol's timeouts and retries recover)
  }

  sendPacket(to, bytes) { return this.sendFramed(to, frame(FRAME_PACKET, bytes)); }
  sendControl(to, message) { return this.sendFramed(to, frame(FRAME_CONTROL, message)); }

  /**
   * Send to several peers (default: every peer in the room). Uses one relay
   * `broadcast` frame when none of them has an open data channel and the
   * targets are the whole room, else one send per peer.
   */
  broadcastFramed(bytes, peers = [...this.peers.keys()]) {
    const whole = peers.length === this.peers.size && peers.every((p) => this.peers.has(p));
    const anyRtc = peers.some((p) => this.rtc.get(p)?.dc?.readyState === 'open');
    if (whole && !anyRtc && peers.length > 0) {
      if (this.rawSend({ type: 'broadcast', data: bytesToBase64(bytes) })) {
        for (const p of peers) {
          const s = this.statsFor(p);
          s.sent.relay++;
          s.sentBytes.relay += bytes.length;
        }
      }
      return;
    }
    for (const p of peers) this.sendFramed(p, bytes);
  }

  broadcastPacket(bytes, peers) { this.broadcastFramed(frame(FRAME_PACKET, bytes), peers); }
  broadcastControl(message, peers) { this.broadcastFramed(frame(FRAME_CONTROL, message), peers); }

  /** Per-peer path in use and counters. */
  paths() {
    const out = {};
    for (const peer of new Set([...this.peers.keys(), ...this.stats.keys()])) {
      const s = this.statsFor(peer);
      const r = this.rtc.get(peer);
      out[peer] = {
        connected: this.peers.has(peer),
        path: r?.dc?.readyState === 'open' ? 'webrtc' : 'relay',
        rtc: r ? (r.dc ? r.dc.readyState : r.pc.connectionState) : 'none',
        sent: { ...s.sent }, received: { ...s.received },
        sentBytes: { ...s.sentBytes }, receivedBytes: { ...s.receivedBytes },
      };
    }
    return out;
  }

  // ---- WebRTC ----------------------------------------------------------------
  // The peer whose id sorts first makes the offer; the other answers. Offers,
  // answers and ICE candidates travel as relay `signal` frames, tagged with a
  // session id so that stale ones (from before a reload) are ignored.

  maybeStartRtc(peer) {
    if (!this.webrtc || !this.rtcWith(peer) || !(this.peer < peer)) return;
    // After a relay reconnect, keep a data channel that still works.
    if (this.rtc.get(peer)?.dc?.readyState === 'open') return;
    this.startRtc(peer).catch((e) => this.log(`webrtc to ${peer}: ${e.message}`));
  }

  newPc(peer, session) {
    const pc = new RTCPeerConnection({ iceServers: [] });
    const entry = { pc, dc: null, session, remoteSet: false, pending: [] };
    this.rtc.set(peer, entry);
    pc.onicecandidate = (ev) => {
      if (ev.candidate && this.rtc.get(peer) === entry) {
        this.rawSend({ type: 'signal', to: peer, signal: { kind: 'ice', session, candidate: ev.candidate.toJSON() } });
      }
    };
    pc.onconnectionstatechange = () => {
      if (this.rtc.get(peer) !== entry) return;
      if (pc.connectionState === 'failed' || pc.connectionState === 'closed') {
        this.closeRtc(peer);
      }
    };
    return entry;
  }

  setupDc(peer, entry, dc) {
    entry.dc = dc;
    dc.binaryType = 'arraybuffer';
    dc.onopen = () => {
      if (this.rtc.get(peer) !== entry) return;
      entry.open = true;
      this.statsFor(peer).rtc = 'open';
      this.log(`data channel to ${peer} open`);
      this.emit('path', { peer, path: 'webrtc' });
    };
    dc.onclose = () => {
      if (this.rtc.get(peer) !== entry) return;
      this.closeRtc(peer);
    };
    dc.onmessage = (ev) => {
      if (this.rtc.get(peer) !== entry) return;
      this.deliver(peer, new Uint8Array(ev.data), 'webrtc');
    };
  }

  async startRtc(peer) {
    this.closeRtc(peer);
    const session = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const entry = this.newPc(peer, session);
    this.setupDc(peer, entry, entry.pc.createDataChannel('wsts', { ordered: true }));
    const offer = await entry.pc.createOffer();
    await entry.pc.setLocalDescription(offer);
    this.rawSend({ type: 'signal', to: peer, signal: { kind: 'offer', session, sdp: entry.pc.localDescription.sdp } });
  }

  async onSignal(from, signal) {
    if (!signal || typeof signal !== 'object' || !this.webrtc) return;
    if (signal.kind === 'offer') {
      this.closeRtc(from);
      const entry = this.newPc(from, signal.session);
      entry.pc.ondatachannel = (ev) => this.setupDc(from, entry, ev.channel);
      await entry.pc.setRemoteDescription({ type: 'offer', sdp: signal.sdp });
      entry.remoteSet = true;
      for (const c of entry.pending.splice(0)) await entry.pc.addIceCandidate(c).catch(() => {});
      const answer = await entry.pc.createAnswer();
      await entry.pc.setLocalDescription(answer);
      this.rawSend({ type: 'signal', to: from, signal: { kind: 'answer', session: signal.session, sdp: entry.pc.localDescription.sdp } });
      return;
    }
    const entry = this.rtc.get(from);
    if (!entry || entry.session !== signal.session) return; // stale
    if (signal.kind === 'answer') {
      await entry.pc.setRemoteDescription({ type: 'answer', sdp: signal.sdp });
      entry.remoteSet = true;
      for (const c of entry.pending.splice(0)) await entry.pc.addIceCandidate(c).catch(() => {});
    } else if (signal.kind === 'ice' && signal.candidate) {
      if (entry.remoteSet) await entry.pc.addIceCandidate(signal.candidate).catch(() => {});
      else entry.pending.push(signal.candidate);
    }
  }

  closeRtc(peer) {
    const entry = this.rtc.get(peer);
    if (!entry) return;
    this.rtc.delete(peer);
    const wasOpen = !!entry.open;
    try { entry.dc?.close(); } catch {}
    try { entry.pc.close(); } catch {}
    if (this.stats.has(peer)) this.stats.get(peer).rtc = 'closed';
    if (wasOpen) this.emit('path', { peer, path: 'relay' });
  }

  close() {
    this.closed = true;
    clearInterval(this.pingTimer);
    for (const p of [...this.rtc.keys()]) this.closeRtc(p);
    try { this.ws?.close(); } catch {}
  }
}
