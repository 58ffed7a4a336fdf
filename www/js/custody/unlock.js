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
 * Fill the (empty) `<form>` `form` with a passphrase input and a passkey
 * button, and send what the user picks to `unlockWith(how)`; errors go to
 * `onError`. The page shows or hides the form.
 */
export function mountUnlockForm(form, unlockWith, onError) {
  form.innerHTML = `<strong>Locked.</strong>
    <input id="unlock-passphrase" type="password" placeholder="vault passphrase" autocomplete="current-password">
    <button type="submit">Unlock</button> <button id="unlock-with-passkey" type="button">Use passkey</button>`;
  form.onsubmit = (ev) => {
    ev.preventDefault();
    unlockWith({ passphrase: form.querySelector('#unlock-passphrase').value }).catch(onError);
  };
  form.querySelector('#unlock-with-passkey').onclick = () => unlockWith({ passkey: true }).catch(onError);
}
