// A zero-dependency stand-in for `wsts-relay`, for developing the pages
// without the Rust relay (WSTS_RELAY=node). Same protocol, same routes:
// www/ at /, pkg/ at /pkg/, WebSocket at /ws, COOP/COEP headers.
// Not used by default: the tests run against target/release/wsts-relay.
//
//   node e2e/lib/dev-relay.mjs --addr 127.0.0.1:0 --www www --pkg pkg
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.ts': 'text/plain',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.md': 'text/markdown; charset=utf-8',
};
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function startDevRelay({ host = '127.0.0.1', port = 0, www = 'www', pkg = 'pkg' } = {}) {
  const rooms = new Map(); // room -> Map(peer -> {sock, pubkey})
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let root = resolve(www), path = decodeURIComponent(url.pathname);
    if (path.startsWith('/pkg/')) { root = resolve(pkg); path = path.slice(4); }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin', 'Cache-Control': 'no-cache',
    };
    try {
      if (!file.startsWith(root) || !(await stat(file)).isFile()) throw new Error('nf');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, headers); res.end('not found');
    }
  });

  const sockets = new Set();
  server.on('upgrade', (req, socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    if (new URL(req.url, 'http://x').pathname !== '/ws') { socket.destroy(); return; }
    const accept = createHash('sha1').update(req.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket.setNoDelay(true);
    const conn = { socket, room: null, peer: null, closed: false };
    let buf = Buffer.alloc(0), frag = [];
    const send = (obj) => {
      if (conn.closed) return;
      const data = Buffer.from(JSON.stringify(obj));
      let head;
      if (data.length < 126) head = Buffer.from([0x81, data.length]);
      else if (data.length < 65536) { head = Buffer.alloc(4); head[0] = 0x81; head[1] = 126; head.writeUInt16BE(data.length, 2); }
      else { head = Buffer.alloc(10); head[0] = 0x81; head[1] = 127; head.writeBigUInt64BE(BigInt(data.length), 2); }
      socket.write(Buffer.concat([head, data]));
    };
    conn.send = send;
    const leave = () => {
      if (conn.closed) return;
      conn.closed = true;
      const r = conn.room && rooms.get(conn.room);
      if (r && r.get(conn.peer) === conn) {
        r.delete(conn.peer);
        for (const other of r.values()) other.send({ type: 'peer-left', peer: conn.peer });
        if (r.size === 0) rooms.delete(conn.room);
      }
    };
    const onText = (text) => {
      let m;
      try { m = JSON.parse(text); } catch { return send({ type: 'error', code: 'bad-json', message: 'not JSON' }); }
      if (!conn.peer) {
        if (m.type !== 'join' || !ID.test(m.room || '') || !ID.test(m.peer || '')) {
          return send({ type: 'error', code: 'bad-join', message: 'first frame must be a valid join' });
        }
        const r = rooms.get(m.room) || new Map();
        rooms.set(m.room, r);
        const old = r.get(m.peer);
        if (old) { old.closed = true; old.socket.destroy(); }
        conn.room = m.room; conn.peer = m.peer; conn.pubkey = m.pubkey ?? null;
        send({ type: 'joined', room: m.room, peer: m.peer, peers: [...r.entries()].filter(([p]) => p !== m.peer).map(([peer, c]) => ({ peer, pubkey: c.pubkey })) });
        for (const [p, c] of r) if (p !== m.peer) c.send({ type: 'peer-joined', peer: m.peer, pubkey: conn.pubkey });
        r.set(m.peer, conn);
        return;
      }
      const r = rooms.get(conn.room);
      switch (m.type) {
        case 'ping': return send({ type: 'pong' });
        case 'broadcast': for (const [p, c] of r) if (p !== conn.peer) c.send({ type: 'message', from: conn.peer, data: m.data }); return;
        case 'send': case 'signal': {
          const c = r.get(m.to);
          if (!c) return send({ type: 'error', code: 'unknown-peer', message: `no peer ${m.to}` });
          return c.send(m.type === 'send' ? { type: 'message', from: conn.peer, data: m.data } : { type: 'signal', from: conn.peer, signal: m.signal });
        }
        default: return send({ type: 'error', code: 'bad-type', message: `unknown type ${m.type}` });
      }
    };
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        if (buf.length < 2) return;
        const fin = buf[0] & 0x80, op = buf[0] & 0x0f, masked = buf[1] & 0x80;
        let len = buf[1] & 0x7f, off = 2;
        if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); off = 4; }
        else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); off = 10; }
        const maskOff = off; if (masked) off += 4;
        if (buf.length < off + len) return;
        const payload = Buffer.from(buf.subarray(off, off + len));
        if (masked) for (let i = 0; i < len; i++) payload[i] ^= buf[maskOff + (i & 3)];
        buf = buf.subarray(off + len);
        if (op === 0x8) { leave(); socket.end(Buffer.from([0x88, 0])); return; }
        if (op === 0x9) { socket.write(Buffer.concat([Buffer.from([0x8a, payload.length]), payload])); continue; }
        if (op === 0x1 || op === 0x0 || op === 0x2) {
          frag.push(payload);
          if (fin) { const t = Buffer.concat(frag).toString('utf8'); frag = []; onText(t); }
        }
      }
    });
    socket.on('close', leave);
    socket.on('error', leave);
  });

  return new Promise((ok) => server.listen(port, host, () => {
    const a = server.address();
    ok({ url: `http://${a.address}:${a.port}/`, port: a.port, close: () => new Promise((r) => { for (const s of sockets) s.destroy(); server.closeAllConnections?.(); server.close(() => r()); }) , server });
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const get = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
  const [host, port] = get('--addr', '127.0.0.1:0').split(':');
  const r = await startDevRelay({ host, port: Number(port), www: get('--www', 'www'), pkg: get('--pkg', 'pkg') });
  console.log(`listening on ${r.url.replace(/\/$/, '')}`);
}
