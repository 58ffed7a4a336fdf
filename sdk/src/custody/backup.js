// Encrypted backup files: every vault record (or those under a prefix),
// decrypted and sealed again under a key derived from the backup's own
// passphrase (PBKDF2-SHA-256, 600,000 iterations, fresh salt; AES-256-GCM
// bound to the file's header). A file restores into any browser profile.
import { bytesToBase64, base64ToBytes } from '../common.js';
import * as c from './crypto.js';
import { VaultError } from './vault.js';

const FORMAT = 'wsts-web-backup';
const VERSION = 1;
const enc = new TextEncoder();
const dec = new TextDecoder();

const context = (iterations, salt) => `${FORMAT}/${VERSION}/pbkdf2-sha256/${iterations}/${salt}`;

/** A backup of `vault` as JSON text, openable only with `passphrase`. */
export async function exportBackup(vault, passphrase, { prefix = '' } = {}) {
  if (typeof passphrase !== 'string' || passphrase.length < 8) {
    throw new VaultError('weak-passphrase', 'a backup passphrase needs at least 8 characters');
  }
  const records = [];
  for (const id of await vault.list(prefix)) records.push([id, bytesToBase64(await vault.get(id))]);
  const salt = c.randomBytes(16);
  const iterations = c.PBKDF2_ITERATIONS;
  const key = await c.passphraseKey(passphrase, salt, iterations);
  const saltText = bytesToBase64(salt);
  const sealed = await c.seal(key, context(iterations, saltText), enc.encode(JSON.stringify({ records })));
  return JSON.stringify({
    format: FORMAT, version: VERSION, created: new Date().toISOString(),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: saltText },
    cipher: 'AES-256-GCM', iv: bytesToBase64(sealed.iv), ciphertext: bytesToBase64(sealed.ct),
  }, null, 1);
}

function parseFile(text) {
  let file;
  try { file = JSON.parse(text); } catch { throw new VaultError('bad-backup', 'not a wsts-web backup file'); }
  const iterations = file?.kdf?.iterations;
  if (file?.format !== FORMAT || file.version !== VERSION || !Number.isInteger(iterations)
    || iterations < c.PBKDF2_ITERATIONS || iterations > 10 * c.PBKDF2_ITERATIONS) {
    throw new VaultError('bad-backup', 'not a wsts-web backup file of a known version');
  }
  return file;
}

/** The records in a backup file: `[[id, Uint8Array]]`. Throws `bad-passphrase` on a wrong one. */
export async function readBackup(text, passphrase) {
  const file = parseFile(text);
  let plain;
  try {
    const key = await c.passphraseKey(passphrase, base64ToBytes(file.kdf.salt), file.kdf.iterations);
    plain = await c.open(key, context(file.kdf.iterations, file.kdf.salt),
      { iv: base64ToBytes(file.iv), ct: base64ToBytes(file.ciphertext) });
  } catch {
    throw new VaultError('bad-passphrase', 'wrong passphrase, or the file was changed');
  }
  const { records } = JSON.parse(dec.decode(plain));
  return records.map(([id, b64]) => [String(id), base64ToBytes(b64)]);
}

/**
 * Restore a backup into `vault`. A record that exists with other content is
 * kept as it is and reported in `conflicts`, unless `replace` (the user's
 * explicit choice) is set. Resolves `{added, unchanged, replaced, conflicts}` (ids).
 */
export async function importBackup(vault, text, passphrase, { replace = false } = {}) {
  const out = { added: [], unchanged: [], replaced: [], conflicts: [] };
  for (const [id, bytes] of await readBackup(text, passphrase)) {
    const existing = await vault.get(id);
    if (existing === undefined) {
      await vault.put(id, bytes);
      out.added.push(id);
    } else if (existing.length === bytes.length && existing.every((b, i) => b === bytes[i])) {
      out.unchanged.push(id);
    } else if (replace) {
      await vault.put(id, bytes);
      out.replaced.push(id);
    } else {
      out.conflicts.push(id);
    }
  }
  return out;
}
