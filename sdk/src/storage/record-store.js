// Record stores: where the vault keeps its records. The vault encrypts before
// it writes, so a store only ever holds ciphertexts, salts, wrapped keys and,
// in the default (device-key) mode, the vault's non-extractable CryptoKey.
//
// The interface (every method async; a wallet may plug in its own):
//   get(id)        -> record | undefined
//   put(id, record)        (records are structured-cloneable objects)
//   delete(id)
//   list(prefix)   -> ids starting with prefix, sorted
// A put of one record is atomic; nothing else is assumed.

const ALL_AFTER = '\uffff';

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The default store: one IndexedDB object store with out-of-line string keys. */
export class IndexedDbRecordStore {
  constructor({ database = 'wsts-web', objectStore = 'records' } = {}) {
    this.database = database;
    this.objectStore = objectStore;
    this.db = null;
  }

  async open() {
    if (this.db) return this.db;
    const req = indexedDB.open(this.database, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(this.objectStore);
    this.db = await request(req);
    // Another tab upgrading the database: let it, and reopen on next use.
    this.db.onversionchange = () => { this.db.close(); this.db = null; };
    return this.db;
  }

  async run(mode, fn) {
    const db = await this.open();
    const tx = db.transaction(this.objectStore, mode);
    const result = await request(fn(tx.objectStore(this.objectStore)));
    if (mode === 'readwrite') {
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error || new Error('transaction aborted'));
      });
    }
    return result;
  }

  get(id) { return this.run('readonly', (s) => s.get(id)); }
  put(id, record) { return this.run('readwrite', (s) => s.put(record, id)); }
  delete(id) { return this.run('readwrite', (s) => s.delete(id)); }
  list(prefix = '') {
    return this.run('readonly', (s) => s.getAllKeys(IDBKeyRange.bound(prefix, prefix + ALL_AFTER)));
  }
}

/** A store in memory (tests, or a wallet that keeps nothing between sessions). */
export class MemoryRecordStore {
  constructor() { this.map = new Map(); }
  async get(id) { return this.map.has(id) ? structuredClone(this.map.get(id)) : undefined; }
  async put(id, record) { this.map.set(id, structuredClone(record)); }
  async delete(id) { this.map.delete(id); }
  async list(prefix = '') { return [...this.map.keys()].filter((k) => k.startsWith(prefix)).sort(); }
}
