// Helpers shared by the SDK's modules and the worker (and the e2e harness).

export const hex = {
  encode(bytes) {
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  },
  decode(str) {
    if (typeof str !== 'string' || str.length % 2 || /[^0-9a-fA-F]/.test(str)) throw new Error(`not hex: ${str}`);
    const out = new Uint8Array(str.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = parseInt(str.substr(i * 2, 2), 16);
    return out;
  },
};

/** A CeremonyConfig as the wasm API takes it: plain JSON-shaped objects. */
export function configToWasm(config) {
  // The wasm side reads plain objects (signer ids as string keys, as JSON has them).
  const signers = config.keys.signers instanceof Map
    ? Object.fromEntries([...config.keys.signers].map(([k, v]) => [String(k), v]))
    : config.keys.signers;
  return { keys: { ...config.keys, signers }, network: config.network };
}

/** Key ids held by `signerId` under a plain-object config. */
export function keysOf(config, signerId) {
  return config.keys.signers[String(signerId)] || [];
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      t = setTimeout(() => reject(Object.assign(new Error(`${what}: timed out after ${ms} ms`), { code: 'timeout' })), ms);
    }),
  ]).finally(() => clearTimeout(t));
}

export function bytesToBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function base64ToBytes(b64) {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
