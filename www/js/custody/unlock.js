// Unlocking a protected vault from a page: one gate that the page's app
// awaits, and the small form (passphrase, passkey) that opens it.
import { unlockWithPasskey } from './passkey.js';

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

/**
 * Wire a form holding a password input and a passkey button (by element id)
 * to `unlockWith(how)`; errors go to `onError`.
 */
export function wireUnlockForm({ form, passphrase, passkey }, unlockWith, onError) {
  const $ = (id) => document.getElementById(id);
  $(form).onsubmit = (ev) => {
    ev.preventDefault();
    unlockWith({ passphrase: $(passphrase).value }).catch(onError);
  };
  $(passkey).onclick = () => unlockWith({ passkey: true }).catch(onError);
}
