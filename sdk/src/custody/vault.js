// The vault: records encrypted at rest with AES-256-GCM, in a record store
// (default: IndexedDB; see ../storage/record-store.js).
//
// The data key that encrypts the records is a WebCrypto CryptoKey that never
// leaves WebCrypto as bytes while in use:
//   - device mode (the default): the data key is non-extractable and kept in
//     the store as a CryptoKey, so the vault opens by itself in this browser;
//   - protected mode: the store keeps the data key only wrapped (AES-KW) by
//     each unlocker, a passphrase (PBKDF2-SHA-256, 600,000 iterations) or a
//     passkey (WebAuthn PRF, HKDF-SHA-256); unlocking unwraps it as
//     non-extractable for this page only.
// Changing modes re-encrypts every record under a new data key: the records
// of the new generation are written first, then the vault's meta record (one
// atomic put: the commit point), then the old generation is deleted, so an
// interruption at any point leaves one complete generation.
//
// Each record is bound to its id (AES-GCM additional data), so records cannot
// be swapped. Tabs of one origin share the vault; Web Locks keep them from
// interleaving a change of key with reads and writes.
import { IndexedDbRecordStore } from '../storage/record-store.js';
import * as c from './crypto.js';

const META = 'vault/meta';
const FORMAT = 1;
const LOCK = 'wsts-web/vault';
const enc = new TextEncoder();
const dec = new TextDecoder();

export class VaultError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const dataPrefix = (generation) => `data/${generation}/`;
const recordContext = (id) => `wsts-web/v1/vault-record/${id}`;

function withLock(mode, fn) {
  const locks = globalThis.navigator?.locks;
  return locks ? locks.request(LOCK, { mode }, fn) : fn();
}

function sameBytes(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The key-encryption key an unlocker gives for a slot, or null if it does not fit the slot. */
async function kekFor(slot, unlocker) {
  if (slot.kind === 'passphrase' && typeof unlocker.passphrase === 'string') {
    return c.passphraseKek(unlocker.passphrase, slot.salt, slot.iterations);
  }
  if (slot.kind === 'passkey' && unlocker.passkey && sameBytes(unlocker.passkey.credentialId, slot.credentialId)) {
    return c.prfKek(unlocker.passkey.prf, slot.hkdfSalt);
  }
  return null;
}

/** A slot holding `dataKey` wrapped for one unlocker. */
async function makeSlot(dataKey, unlocker) {
  if (typeof unlocker.passphrase === 'string') {
    if (unlocker.passphrase.length < 8) throw new VaultError('weak-passphrase', 'a passphrase needs at least 8 characters');
    const slot = { kind: 'passphrase', salt: c.randomBytes(16), iterations: c.PBKDF2_ITERATIONS };
    return { ...slot, wrapped: await c.wrapDataKey(dataKey, await kekFor(slot, unlocker)) };
  }
  if (unlocker.passkey) {
    const { credentialId, prfSalt } = unlocker.passkey;
    const slot = { kind: 'passkey', credentialId, prfSalt, hkdfSalt: c.randomBytes(32) };
    return { ...slot, wrapped: await c.wrapDataKey(dataKey, await kekFor(slot, unlocker)) };
  }
  throw new VaultError('bad-unlocker', 'an unlocker is {passphrase} or {passkey: {credentialId, prfSalt, prf}}');
}

export class Vault {
  constructor(store) {
    this.store = store;
    this.meta = null;
    this.key = null;
  }

  /** Open (creating it on first use) the vault in `store`. */
  static async open({ store = new IndexedDbRecordStore() } = {}) {
    const vault = new Vault(store);
    await withLock('exclusive', async () => {
      let meta = await store.get(META);
      if (!meta) {
        meta = { format: FORMAT, generation: 1, deviceKey: await c.newDataKey(), slots: [] };
        await store.put(META, meta);
      }
      if (meta.format !== FORMAT) throw new VaultError('vault-format', `unknown vault format ${meta.format}`);
      vault.adopt(meta);
      await vault.sweep();
    });
    return vault;
  }

  adopt(meta) {
    this.meta = meta;
    this.key = meta.deviceKey ?? null;
  }

  get locked() { return !this.key; }

  /** `['device']`, or the kinds of unlocker that open it (`'passphrase'`, `'passkey'`). */
  get protection() {
    return this.meta.deviceKey ? ['device'] : this.meta.slots.map((s) => s.kind);
  }

  /** The passkeys that open this vault: what a WebAuthn request needs. */
  passkeys() {
    return this.meta.slots.filter((s) => s.kind === 'passkey').map(({ credentialId, prfSalt }) => ({ credentialId, prfSalt }));
  }

  /** The key of the generation in the store now; throws `vault-locked` if this page has not unlocked it. */
  async current() {
    const meta = await this.store.get(META);
    if (!meta) throw new VaultError('vault-missing', 'the vault is gone from storage');
    if (meta.generation !== this.meta.generation) this.adopt(meta); // another tab changed the key
    if (!this.key) throw new VaultError('vault-locked', 'the vault is locked: unlock it with its passphrase or passkey');
    return { generation: meta.generation, key: this.key };
  }

  /** Unlock with `{passphrase}` or `{passkey: {credentialId, prf}}`. */
  async unlock(unlocker) {
    const meta = await this.store.get(META);
    for (const slot of meta?.slots ?? []) {
      const kek = await kekFor(slot, unlocker);
      if (!kek) continue;
      try {
        this.key = await c.unwrapDataKey(slot.wrapped, kek);
        this.meta = meta;
        return;
      } catch {
        // AES-KW's integrity check: not this slot's passphrase or passkey.
      }
    }
    throw new VaultError('bad-unlock', 'wrong passphrase or passkey');
  }

  /** Forget the unwrapped key in a protected vault. */
  lock() {
    if (!this.meta.deviceKey) this.key = null;
  }

  async get(id) {
    return withLock('shared', async () => {
      const { generation, key } = await this.current();
      const record = await this.store.get(dataPrefix(generation) + id);
      if (!record) return undefined;
      try {
        return await c.open(key, recordContext(id), record);
      } catch {
        throw new VaultError('vault-corrupt', `record ${id} does not decrypt`);
      }
    });
  }

  async put(id, bytes) {
    return withLock('exclusive', async () => {
      const { generation, key } = await this.current();
      await this.store.put(dataPrefix(generation) + id, await c.seal(key, recordContext(id), bytes));
    });
  }

  async delete(id) {
    return withLock('exclusive', async () => {
      const { generation } = await this.current();
      await this.store.delete(dataPrefix(generation) + id);
    });
  }

  /** Ids of the records under `prefix`. Works while locked: ids are not secret. */
  async list(prefix = '') {
    return withLock('shared', async () => {
      const meta = await this.store.get(META);
      const base = dataPrefix(meta.generation);
      return (await this.store.list(base + prefix)).map((id) => id.slice(base.length));
    });
  }

  async getJson(id) {
    const bytes = await this.get(id);
    return bytes === undefined ? undefined : JSON.parse(dec.decode(bytes));
  }

  putJson(id, value) { return this.put(id, enc.encode(JSON.stringify(value))); }

  /**
   * Re-encrypt every record under a new data key that only `unlockers` open
   * (`[{passphrase}, {passkey: {credentialId, prfSalt, prf}}]`), or, with
   * none, under a device key again. The vault must be unlocked.
   */
  async protect(unlockers = []) {
    return withLock('exclusive', async () => {
      const { generation, key } = await this.current();
      const next = generation + 1;
      let dataKey;
      let meta;
      if (unlockers.length === 0) {
        dataKey = await c.newDataKey();
        meta = { format: FORMAT, generation: next, deviceKey: dataKey, slots: [] };
      } else {
        const wrappable = await c.newDataKey({ extractable: true });
        const slots = [];
        for (const u of unlockers) slots.push(await makeSlot(wrappable, u));
        dataKey = await c.unwrapDataKey(slots[0].wrapped, await kekFor(slots[0], unlockers[0]));
        meta = { format: FORMAT, generation: next, slots };
      }
      const from = dataPrefix(generation);
      for (const stored of await this.store.list(from)) {
        const id = stored.slice(from.length);
        const plain = await c.open(key, recordContext(id), await this.store.get(stored));
        await this.store.put(dataPrefix(next) + id, await c.seal(dataKey, recordContext(id), plain));
      }
      await this.store.put(META, meta); // the commit point
      this.meta = meta;
      this.key = dataKey;
      await this.sweep();
    });
  }

  /** Delete records of any other generation (left by a finished or interrupted change of key). */
  async sweep() {
    const keep = dataPrefix(this.meta.generation);
    for (const id of await this.store.list('data/')) if (!id.startsWith(keep)) await this.store.delete(id);
  }
}
