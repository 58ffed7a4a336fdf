// WebCrypto for the vault: AES-GCM records, AES-KW key wrapping, and the key
// derivations that unlock a vault (PBKDF2-SHA-256 for a passphrase, HKDF-SHA-256
// for a passkey's PRF output). No hand-rolled cryptography.

export const PBKDF2_ITERATIONS = 600_000; // OWASP 2023 for PBKDF2-HMAC-SHA-256
const enc = new TextEncoder();
const subtle = () => globalThis.crypto.subtle;

export function randomBytes(n) {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** A fresh AES-256-GCM data key. Extractable only so that it can be wrapped. */
export function newDataKey({ extractable = false } = {}) {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, extractable, ['encrypt', 'decrypt']);
}

/** Encrypt `bytes` under `key`, bound to `context` (additional data). */
export async function seal(key, context, bytes) {
  const iv = randomBytes(12);
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(context) }, key, bytes);
  return { iv, ct: new Uint8Array(ct) };
}

/** Decrypt what `seal` made with the same key and context; throws on any change. */
export async function open(key, context, { iv, ct }) {
  const pt = await subtle().decrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(context) }, key, ct);
  return new Uint8Array(pt);
}

/** An AES-KW key-encryption key from a passphrase. */
export async function passphraseKek(passphrase, salt, iterations = PBKDF2_ITERATIONS) {
  const base = await subtle().importKey('raw', enc.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base,
    { name: 'AES-KW', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

/** An AES-GCM key straight from a passphrase (backup files). */
export async function passphraseKey(passphrase, salt, iterations = PBKDF2_ITERATIONS) {
  const base = await subtle().importKey('raw', enc.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base,
    { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** An AES-KW key-encryption key from a passkey's PRF output. */
export async function prfKek(prfOutput, salt) {
  const base = await subtle().importKey('raw', prfOutput, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: enc.encode('wsts-web/v1/vault-passkey') },
    base, { name: 'AES-KW', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

export async function wrapDataKey(dataKey, kek) {
  return new Uint8Array(await subtle().wrapKey('raw', dataKey, kek, 'AES-KW'));
}

/** The data key, unwrapped as non-extractable. AES-KW's check fails on a wrong KEK. */
export function unwrapDataKey(wrapped, kek) {
  return subtle().unwrapKey('raw', wrapped, kek, 'AES-KW', { name: 'AES-GCM', length: 256 }, false,
    ['encrypt', 'decrypt']);
}
