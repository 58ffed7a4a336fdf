// signer.html (?room=R&id=N[&coordinator=KEY][&groupKey=KEY][&relay=URLS][&webrtc=0]):
// the SDK's signer (createSigner), its status, the coordinator it trusts,
// refusals, and the vault's unlock form. `groupKey` (the coordinator page's
// Add-signer link) is the only key this signer takes a reshare of while it
// holds none: `expectedGroupKey`, passed on every load (it is not saved).
import { createSigner } from '/pkg/src/index.js';
import { mountUnlockForm } from './unlock-form.js';

const $ = (id) => document.getElementById(id);
const BASIS = { Pinned: 'pinned by the link', FirstUse: 'trusted on first use', UserChoice: 'chosen by you' };

function renderRefusal(app) {
  const last = app.refusals.at(-1);
  $('refusal').hidden = !last;
  if (!last) return;
  const who = last.presentedFingerprint ? ` (coordinator ${last.presentedFingerprint})` : '';
  $('refusal-text').textContent = `${last.kind ?? 'control'}${last.from ? ` from ${last.from}` : ''}${who}: ${last.message} [${last.code}]`;
  const overrulable = app.overrulable();
  $('trust-presented').hidden = !overrulable;
  $('trust-presented').textContent = overrulable?.presentedFingerprint
    ? `Trust coordinator ${overrulable.presentedFingerprint} instead…` : 'Trust the link’s coordinator instead…';
}

function render(app) {
  const s = app.state();
  $('title').textContent = `Signer ${s.id}`;
  $('room').textContent = s.room;
  $('status').textContent = s.status;
  $('keyids').textContent = s.keyIds.length ? s.keyIds.join(', ') : '—';
  $('coordinator').textContent = s.trusted ? s.trusted.fingerprint : 'none yet: the first invitation sets it';
  $('trust-basis').textContent = s.trusted ? BASIS[s.trusted.basis] ?? s.trusted.basis : '';
  $('pubkey').textContent = s.pubkey || '—';
  $('groupkey').textContent = s.groupKey || '—';
  // Left the group in a reshare: this signer deleted every share of that key.
  $('retired').hidden = !s.retired;
  $('retired').textContent = s.retired ? `Left group ${s.retired.groupKey?.slice(0, 16) ?? ''}… at epoch ${s.retired.epoch}: `
    + 'this signer holds no share of it' : '';
  $('epoch').textContent = s.groupKey ? String(s.epoch) : '—';
  $('previous-epoch').textContent = s.previousEpoch ? `(epoch ${s.epoch - 1} kept until a signature confirms this one)` : '';
  $('shares').textContent = `${s.keyShares.length} here${s.allKeyShares > s.keyShares.length ? `, ${s.allKeyShares} in this browser` : ''}`;
  $('storage').textContent = !s.storage ? '—' : s.storage.locked ? 'locked'
    : `encrypted in IndexedDB (${s.storage.protection.join(' + ')})`;
  const c = s.transport.coordinator;
  $('path').textContent = c ? `${c.path}${c.connected ? '' : ' (coordinator offline)'} · sent ${c.sent.relay + c.sent.webrtc}, received ${c.received.relay + c.received.webrtc}` : 'coordinator not seen yet';
  $('path').className = `pill ${c?.path === 'webrtc' ? 'ok' : ''}`;
  $('misbehaving').hidden = !s.misbehaving;
  $('misbehaving').textContent = s.misbehaving ? `misbehaving: ${s.misbehaving}` : '';
  $('unlock').hidden = !s.storage?.locked;
  renderRefusal(app);
  $('log').textContent = app.logLines.slice(-40).join('\n');
}

function wireForms(app) {
  mountUnlockForm($('unlock'), (how) => app.unlock(how), (e) => app.log(`unlock: ${e.message}`));
  $('trust-presented').onclick = () => {
    const r = app.overrulable();
    const ok = confirm(`Trust coordinator ${r.presentedFingerprint ?? r.presented} instead of ${app.trusted?.fingerprint ?? 'none'}?\n`
      + 'Only do this if you know the coordinator changed its key. Your key shares are kept either way.');
    if (ok) app.trustRefused(r).catch((e) => app.log(`trust: ${e.message}`));
  };
}

export async function main() {
  const params = new URLSearchParams(location.search);
  const pin = params.get('coordinator');
  let app;
  try {
    app = createSigner({
      room: params.get('room') || 'demo', signerId: Number(params.get('id') ?? '0'), relays: params.get('relay') || undefined,
      webrtc: params.get('webrtc') !== '0', trust: pin ? { coordinator: pin } : {},
      expectedGroupKey: params.get('groupKey') || undefined,
    });
  } catch (e) {
    // A link with a bad parameter (e.g. a malformed coordinator key): say so, start nothing.
    $('status').textContent = `Error: ${e.code ?? 'error'}: ${e.message}`;
    return;
  }
  window.wstsSigner = app;
  document.body.classList.toggle('compact', params.get('compact') === '1');
  wireForms(app);
  let pending = false;
  const rerender = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; render(app); });
  };
  for (const ev of ['status', 'log', 'transport', 'event', 'config', 'held', 'refused', 'locked', 'reshare', 'repair', 'error']) app.addEventListener(ev, rerender);
  setInterval(rerender, 1000);
  try {
    await app.start();
  } catch (e) {
    app.setStatus(`Error: ${e.message}`);
  }
  rerender();
  app.started = true;
}
