// wallet.html: the key shares this browser holds, their removal (confirmed),
// the vault's protection (passphrase, passkey) and encrypted backups.
// `window.wstsWallet` drives the same actions for automation.
import { Vault, listKeyShares, removeKeyShare, exportBackup, importBackup, createPasskey, unlock } from '/pkg/src/index.js';
import { mountUnlockForm } from './unlock-form.js';

const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch]));

export class WalletApp {
  constructor(vault) {
    this.vault = vault;
  }

  shares() { return listKeyShares(this.vault); }

  /** Remove one key share: the API's deliberate call (the page asks first). */
  removeShare(share) { return removeKeyShare(this.vault, share); }

  unlock(how) { return unlock(this.vault, how); }

  /** Protect with `{passphrase}` and/or `{passkey: true}` (registers a new passkey); `{}` returns to the device key. */
  async protect({ passphrase, passkey } = {}) {
    const unlockers = [];
    if (passkey) unlockers.push({ passkey: await createPasskey() });
    if (passphrase !== undefined) unlockers.push({ passphrase });
    await this.vault.protect(unlockers);
  }

  exportBackup(passphrase) { return exportBackup(this.vault, passphrase); }
  importBackup(text, passphrase, options) { return importBackup(this.vault, text, passphrase, options); }

  state() { return { locked: this.vault.locked, protection: this.vault.protection }; }
}

async function render(app) {
  const s = app.state();
  $('protection').textContent = s.locked ? 'locked' : `encrypted (${s.protection.join(' + ')})`;
  $('protection').className = `pill ${s.locked ? 'warn' : 'ok'}`;
  $('unlock').hidden = !s.locked;
  const shares = await app.shares();
  $('shares').innerHTML = shares.length ? shares.map((sh, i) => `<tr><td><code class="hex">${esc(sh.groupKey)}</code></td>
    <td>${esc(sh.room)}</td><td>${esc(sh.signerId)}</td><td><button class="danger" data-remove="${i}">Remove…</button></td></tr>`).join('')
    : '<tr><td colspan="4" class="muted">none</td></tr>';
  for (const b of document.querySelectorAll('[data-remove]')) {
    b.onclick = () => act(app, async () => {
      const sh = shares[Number(b.dataset.remove)];
      const ok = confirm(`Remove the key share of signer ${sh.signerId} (room ${sh.room}) for group key ${sh.groupKey.slice(0, 18)}…?\n`
        + 'Without it (or a backup) this signer can never sign for that key again.');
      if (!ok) return 'kept';
      await app.removeShare(sh);
      return 'key share removed';
    });
  }
}

async function act(app, fn) {
  try {
    const msg = await fn();
    $('message').textContent = msg ?? 'done';
  } catch (e) {
    $('message').textContent = `${e.code ? `${e.code}: ` : ''}${e.message}`;
  }
  await render(app);
}

function wire(app) {
  mountUnlockForm($('unlock'), (how) => act(app, () => app.unlock(how)), () => {});
  $('protect-passphrase').onclick = () => act(app, async () => { await app.protect({ passphrase: $('new-passphrase').value }); return 'protected with a passphrase'; });
  $('protect-passkey').onclick = () => act(app, async () => { await app.protect({ passkey: true }); return 'protected with a passkey'; });
  $('unprotect').onclick = () => act(app, async () => {
    if (!confirm('Let this browser open the vault without asking?')) return 'kept';
    await app.protect({});
    return 'back to the device key';
  });
  $('export').onclick = () => act(app, async () => {
    const text = await app.exportBackup($('backup-passphrase').value);
    const a = $('download');
    URL.revokeObjectURL(a.href);
    a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    a.download = `wsts-web-backup-${new Date().toISOString().slice(0, 10)}.json`;
    a.hidden = false;
    a.click();
    return 'backup exported';
  });
  $('restore').onclick = () => act(app, async () => {
    const file = $('restore-file').files[0];
    if (!file) return 'choose a backup file first';
    const text = await file.text();
    const pass = $('restore-passphrase').value;
    let r = await app.importBackup(text, pass);
    if (r.conflicts.length && confirm(`${r.conflicts.length} record(s) differ from what this browser holds. Replace them with the backup's?`)) {
      r = await app.importBackup(text, pass, { replace: true });
    }
    return `restored: ${r.added.length} added, ${r.replaced.length} replaced, ${r.unchanged.length} already here, ${r.conflicts.length} kept as they were`;
  });
}

export async function main() {
  const app = new WalletApp(await Vault.open());
  window.wstsWallet = app;
  wire(app);
  await render(app);
  app.ready = true;
}
