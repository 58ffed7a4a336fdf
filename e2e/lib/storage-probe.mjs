// Read everything a page's origin keeps in localStorage and IndexedDB, raw
// (nothing decrypted), and look for secret bytes in it in any usual form:
// raw bytes, hex, base64, or inside JSON text.

/** Runs in the page: every localStorage entry and every IndexedDB record, bytes as base64. */
export async function dumpOriginStorage(page) {
  return page.evaluate(async () => {
    const b64 = (u8) => { let s = ''; for (const b of u8) s += String.fromCharCode(b); return btoa(s); };
    const req = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    // Flatten a structured-cloned value into strings, byte strings and opaque objects.
    const flatten = (v, out) => {
      if (v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean') return out;
      if (typeof v === 'string') { out.strings.push(v); return out; }
      if (v instanceof ArrayBuffer) { out.bytes.push(b64(new Uint8Array(v))); return out; }
      if (ArrayBuffer.isView(v)) { out.bytes.push(b64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength))); return out; }
      if (typeof CryptoKey !== 'undefined' && v instanceof CryptoKey) {
        out.keys.push({ extractable: v.extractable, algorithm: v.algorithm.name, usages: v.usages });
        return out;
      }
      if (Array.isArray(v) && v.length && v.every((n) => Number.isInteger(n) && n >= 0 && n < 256)) { out.bytes.push(b64(Uint8Array.from(v))); return out; }
      if (Array.isArray(v)) { for (const x of v) flatten(x, out); return out; }
      if (typeof v === 'object') { for (const [k, x] of Object.entries(v)) { out.strings.push(k); flatten(x, out); } return out; }
      out.strings.push(String(v));
      return out;
    };
    const out = { localStorage: [], indexedDB: [] };
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out.localStorage.push({ key: k, value: flatten(localStorage.getItem(k), { strings: [k], bytes: [], keys: [] }) });
    }
    for (const { name } of await indexedDB.databases()) {
      const db = await req(indexedDB.open(name));
      for (const store of db.objectStoreNames) {
        const s = db.transaction(store, 'readonly').objectStore(store);
        const [keys, values] = [await req(s.getAllKeys()), await req(s.getAll())];
        keys.forEach((key, i) => out.indexedDB.push({ db: name, store, key: String(key), value: flatten(values[i], { strings: [], bytes: [], keys: [] }) }));
      }
      db.close();
    }
    return out;
  });
}

const HEX_RUN = /[0-9a-fA-F]{32,}/g;
const B64_RUN = /[A-Za-z0-9+/_-]{22,}={0,2}/g;

/** Every byte string a flattened value could be hiding: raw, and decoded from hex, base64 or JSON text. */
function haystacks(flat) {
  const out = flat.bytes.map((b) => Buffer.from(b, 'base64'));
  const strings = [...flat.strings];
  while (strings.length) {
    const s = strings.pop();
    out.push(Buffer.from(s, 'utf8'));
    for (const run of s.match(HEX_RUN) ?? []) for (const at of [0, 1]) out.push(Buffer.from(run.slice(at, run.length - ((run.length - at) % 2)), 'hex'));
    for (const run of s.match(B64_RUN) ?? []) for (let at = 0; at < 4; at++) out.push(Buffer.from(run.slice(at), 'base64'));
    let parsed;
    try { parsed = JSON.parse(s); } catch { continue; }
    const walk = (x) => {
      if (typeof x === 'string') strings.push(x);
      else if (Array.isArray(x) && x.length && x.every((n) => Number.isInteger(n) && n >= 0 && n < 256)) out.push(Buffer.from(x));
      else if (x && typeof x === 'object') for (const [k, y] of Object.entries(x)) { strings.push(k); walk(y); }
    };
    if (parsed && typeof parsed === 'object') walk(parsed);
  }
  return out;
}

/**
 * Which `secrets` ({name: Buffer}) show up in `dump`: any `window`-byte run of
 * a secret found in any haystack. Returns [{secret, where}] (empty: none).
 */
export function findSecrets(dump, secrets, window = 16) {
  const entries = [
    ...dump.localStorage.map((e) => ({ where: `localStorage ${e.key}`, value: e.value })),
    ...dump.indexedDB.map((e) => ({ where: `IndexedDB ${e.db}/${e.store}/${e.key}`, value: e.value })),
  ];
  const found = [];
  for (const { where, value } of entries) {
    const seen = new Set();
    for (const hay of haystacks(value)) for (let i = 0; i + window <= hay.length; i++) seen.add(hay.toString('hex', i, i + window));
    for (const [name, secret] of Object.entries(secrets)) {
      for (let i = 0; i + window <= secret.length; i++) {
        if (seen.has(secret.toString('hex', i, i + window))) {
          found.push({ secret: name, where });
          break;
        }
      }
    }
  }
  return found;
}
