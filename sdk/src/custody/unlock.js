// Unlocking a protected vault: one gate that a signer or coordinator awaits
// (the page's form lives in www/js/unlock-form.js).
import { unlockWithPasskey } from './passkey.js';
import { Vault } from './vault.js';
import { SdkError } from '../errors.js';

/** Unlock `vault` with `{passphrase}` or `{passkey: true}` (a WebAuthn prompt). */
export function unlock(vault, how) {
  return how.passkey === true ? unlockWithPasskey(vault) : vault.unlock(how);
}

/** Resolves once `vault` is unlocked: at once if it is, else after `gate.unlock(how)` succeeds. */
export class VaultGate {
  constructor(vault) {
    this.vault = vault;
    this.opened = new Promise((resolve) => { this.resolve = resolve; });
    if (!vault.locked) this.resolve();
  }

  get locked() { return this.vault.locked; }

  async unlock(how) {
    await unlock(this.vault, how);
    this.resolve();
  }
}

/** True if `x` has the record-store interface (`get/put/delete/list`). */
function isRecordStore(x) {
  return ['get', 'put', 'delete', 'list'].every((m) => typeof x?.[m] === 'function');
}

/**
 * The vault for a signer's or coordinator's `storage` option: a `Vault` as
 * it is, a record store (the wallet's own) under a new `Vault`, or by default
 * the encrypted IndexedDB vault.
 */
export async function openStorage(storage) {
  if (storage === undefined || storage === null) return Vault.open();
  // A Vault (also one from another copy of this module).
  if (storage instanceof Vault || typeof storage.getJson === 'function') return storage;
  if (isRecordStore(storage)) return Vault.open({ store: storage });
  throw new SdkError('bad-option', '`storage` must be a Vault or a record store (get/put/delete/list)');
}
