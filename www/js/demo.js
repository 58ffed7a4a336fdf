// The demo page (index.html) and the stand-alone coordinator page
// (coordinator.html). Both host the SDK's coordinator (createCoordinator) in the tab; the demo page also
// opens the signers as same-origin iframes (signer.html), each with its own
// worker, key and storage, talking to the coordinator through the relay and
// WebRTC exactly as separate tabs or machines would.
import { createCoordinator, checkWeights, keyFingerprint } from '/pkg/src/index.js';
import { exposeApi } from './automation.js';
import { mountUnlockForm } from './unlock-form.js';
import { mountReshare } from './reshare-controls.js';

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const $ = (id) => document.getElementById(id);

function bar(label, step, malicious = {}) {
  const done = !!step?.done;
  const expected = step ? step.expected.length : 0;
  const got = step ? step.got.filter((s) => step.expected.includes(s) && !(s in malicious)).length : 0;
  const pct = expected ? Math.round((100 * got) / expected) : 0;
  const cls = !step ? 'idle' : (got >= expected && expected > 0) || done ? 'full' : 'live';
  const who = step ? step.expected.map((s) => `<span class="dot ${s in malicious ? 'bad' : step.got.includes(s) ? 'on' : ''}" title="signer ${s}${s in malicious ? ': malicious' : ''}">${s}</span>`).join('') : '';
  return `<div class="bar ${cls}"><div class="bar-label">${esc(label)}</div>
    <div class="bar-track"><div class="bar-fill" style="width:${step ? pct : 0}%"></div></div>
    <div class="bar-count">${step ? `${got}/${expected}` : '—'}</div><div class="bar-who">${who}</div></div>`;
}

function progressHtml(s) {
  const p = s.progress;
  const dkg = p.dkg;
  const sign = p.sign;
  const dkgDone = !!s.groupKey;
  const what = s.resharing ? `Reshare to epoch ${(s.epoch ?? 0) + 1}` : s.epoch ? `Reshare (epoch ${s.epoch})` : 'DKG';
  return `<div class="progress">
    <div><h3>${what} ${dkg ? `<span class="muted">attempt ${dkg.attempt}${dkg.running ? ' · running' : dkg.failed ? ' · failed' : dkgDone ? ' · complete' : ''}</span>` : ''}</h3>
      ${bar('public shares', dkg?.steps.public, s.malicious)}${bar('private shares', dkg?.steps.private, s.malicious)}${bar('end (results)', dkg?.steps.end, s.malicious)}</div>
    <div><h3>Signing ${sign ? `<span class="muted">round ${s.signatures.length + (sign.running ? 1 : 0)} · attempt ${sign.attempt}${sign.running ? ' · running' : sign.failed ? ' · failed' : ' · signed'}</span>` : ''}</h3>
      ${bar('nonces', sign?.steps.nonce, s.malicious)}${bar('signature shares', sign?.steps.share, s.malicious)}</div>
  </div>`;
}

function signersHtml(s) {
  const cards = Object.entries(s.signers).map(([id, g]) => {
    const mal = s.malicious[id];
    const unr = s.unresponsive.includes(Number(id));
    const badges = [
      g.present ? '' : '<span class="pill bad">offline</span>',
      mal ? `<span class="pill bad" title="proven by the coordinator">malicious: ${esc(mal)}</span>` : '',
      unr ? '<span class="pill warn">unresponsive</span>' : '',
      g.misbehaving ? `<span class="pill bad">misbehaving: ${esc(g.misbehaving)}</span>` : '',
      g.restored ? '<span class="pill">restored</span>' : '',
    ].join('');
    const path = g.path ? `<span class="pill ${g.path === 'webrtc' ? 'ok' : ''}">${g.path}</span>` : '<span class="pill">—</span>';
    const traffic = g.sent ? `${g.sent.webrtc + g.sent.relay}↑ ${g.received.webrtc + g.received.relay}↓ <span class="muted">(rtc ${g.sent.webrtc}/${g.received.webrtc})</span>` : '';
    return `<div class="signer ${mal ? 'is-bad' : unr ? 'is-warn' : g.groupKey && g.groupKey === s.groupKey ? 'is-ok' : ''}" data-signer="${id}">
      <div class="row"><strong>Signer ${id}</strong>${path}${badges}${g.joining ? '<span class="pill warn">joining</span>' : ''}${g.epoch ? `<span class="pill">epoch ${esc(g.epoch)}</span>` : ''}</div>
      <div class="muted small">key ids ${esc((g.keyIds || []).join(', ') || '—')}</div>
      <div class="small">${esc(g.status || (g.present ? 'joined' : 'not joined'))}</div>
      <div class="small muted">${traffic}</div></div>`;
  });
  return `<div class="signers">${cards.join('')}</div>`;
}

/** The message as text, when it is printable UTF-8. */
function asText(hexStr) {
  try {
    const bytes = Uint8Array.from(hexStr.match(/../g) || [], (h) => parseInt(h, 16));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text && /^[\x20-\x7e\u00a0-\uffff]+$/.test(text) ? `<div class="muted small">“${esc(text)}”</div>` : '';
  } catch {
    return '';
  }
}

function resultsHtml(s) {
  const sigs = s.signatures.map((g) => `<tr>
      <td>${esc(g.round)}</td><td>${g.type === 'taproot' ? 'taproot' : 'BIP-340'}</td>
      <td><code class="hex">${esc(g.message)}</code>${asText(g.message)}</td>
      <td><code class="hex">${esc(g.signature)}</code></td>
      <td><code class="hex">${esc(g.verify_key)}</code></td>
      <td>${esc(g.signers_used.join(', '))}</td><td>${esc(g.epoch ?? 0)}</td><td>${esc(g.attempts)}</td>
      <td class="${g.ok ? 'good' : 'badtext'}">${g.ok ? '✔ valid' : '✘ invalid'}</td></tr>`).join('');
  return `<div class="results">
    <div class="kv"><span class="k">aggregate public key</span><code class="hex big" id="aggregate-key">${esc(s.groupKey || '— (run DKG)')}</code></div>
    <table class="sigs"><thead><tr><th>#</th><th>type</th><th>message</th><th>signature</th><th>verifies under (x-only)</th><th>signers</th><th>epoch</th><th>attempts</th><th>check</th></tr></thead>
    <tbody>${sigs || '<tr><td colspan="9" class="muted">no signatures yet</td></tr>'}</tbody></table></div>`;
}

function logHtml(s, all) {
  const lines = s.log.filter((l) => all || l.level !== 'net').slice(-60).reverse();
  return `<ul class="log">${lines.map((l) => `<li class="lv-${esc(l.level)}"><span class="muted">${esc(l.t)}</span> ${esc(l.text)}</li>`).join('')}</ul>`;
}

function attemptsHtml(s) {
  const reshares = s.reshare.attempts.map((a) => `<li class="${a.ok ? 'good' : 'badtext'}">reshare ${a.dkg_id}: ${a.ok ? 'ok' : 'failed'}${Object.keys(a.malicious).length ? ` · malicious ${esc(Object.entries(a.malicious).map(([k, v]) => `${k} (${v})`).join(', '))}` : ''}${a.unresponsive.length ? ` · unresponsive ${esc(a.unresponsive.join(', '))}` : ''}</li>`);
  if (!s.dkg.attempts.length && !s.signAttempts.length) return reshares.length ? `<ul class="attempts">${reshares.join('')}</ul>` : '';
  const dkg = s.dkg.attempts.map((a) => `<li class="${a.ok ? 'good' : 'badtext'}">DKG ${a.dkg_id}: ${a.ok ? 'ok' : 'failed'}${Object.keys(a.malicious).length ? ` · malicious ${esc(Object.entries(a.malicious).map(([k, v]) => `${k} (${v})`).join(', '))}` : ''}${a.unresponsive.length ? ` · unresponsive ${esc(a.unresponsive.join(', '))}` : ''}${a.reported_failures.length ? ` · ${a.reported_failures.length} reported failure(s)` : ''}</li>`);
  const sign = s.signAttempts.map((a) => `<li class="${a.ok ? 'good' : 'badtext'}">sign ${a.sign_id}.${a.sign_iter_id}: ${a.ok ? 'ok' : 'failed'}${Object.keys(a.malicious).length ? ` · malicious ${esc(Object.keys(a.malicious).join(', '))}` : ''}${a.unresponsive.length ? ` · unresponsive ${esc(a.unresponsive.join(', '))}` : ''}</li>`);
  return `<ul class="attempts">${dkg.join('')}${reshares.join('')}${sign.join('')}</ul>`;
}

export function renderInto(app, el, { showNet = false } = {}) {
  const s = app.state();
  el.innerHTML = `
    <section class="card"><h2>Progress</h2>${progressHtml(s)}</section>
    <section class="card"><h2>Signers</h2>${signersHtml(s)}</section>
    <section class="card"><h2>Result</h2>${resultsHtml(s)}</section>
    <section class="card"><h2>Attempts, failures and blame</h2>${attemptsHtml(s)}${logHtml(s, showNet)}</section>`;
  return s;
}

function throttledRender(app, fn) {
  let queued = false;
  const go = () => {
    if (queued) return;
    queued = true;
    setTimeout(() => { queued = false; fn(); }, 80);
  };
  app.addEventListener('change', go);
  app.addEventListener('log', go);
  setInterval(go, 1000);
  go();
}

function numberParam(params, name, dflt) {
  const v = Number(params.get(name));
  return Number.isFinite(v) && v > 0 ? v : dflt;
}

/** A command with the page's buttons disabled while it runs. */
function busyRunner(app, onError) {
  return async (fn) => {
    document.body.classList.add('busy');
    for (const b of document.querySelectorAll('button.action')) b.disabled = true;
    try { await fn(); } catch (e) { onError(e); } finally {
      document.body.classList.remove('busy');
      updateButtons(app);
    }
  };
}

function wireButtons(app, { onError }) {
  const busy = busyRunner(app, onError);
  $('dkg').onclick = () => busy(() => app.runDkg());
  $('sign-schnorr').onclick = () => busy(() => app.sign(messageBytes(), 'Schnorr'));
  $('sign-taproot').onclick = () => busy(() => {
    const root = ($('merkle-root')?.value || '').trim();
    return app.sign(messageBytes(), { Taproot: { merkle_root: root || null } });
  });
}

function messageBytes() {
  return new TextEncoder().encode($('message').value);
}

function updateButtons(app) {
  const busy = document.body.classList.contains('busy');
  $('dkg').disabled = busy || !app.config;
  $('sign-schnorr').disabled = busy || !app.groupKey;
  $('sign-taproot').disabled = busy || !app.groupKey;
}

// ---- coordinator.html -------------------------------------------------------------

export async function coordinatorPage() {
  const params = new URLSearchParams(location.search);
  const app = createCoordinator({
    room: params.get('room') || 'demo',
    // `weights=3,1,5` gives uneven weights; `signers`/`keys` then need not be given.
    ...(params.get('weights')
      ? { weights: params.get('weights'), signers: numberParam(params, 'signers', undefined), keys: numberParam(params, 'keys', undefined) }
      : { signers: numberParam(params, 'signers', 4), keys: numberParam(params, 'keys', 20) }),
    threshold: numberParam(params, 'threshold', 13), dkgThreshold: params.get('dkg_threshold') ? Number(params.get('dkg_threshold')) : undefined,
    relays: params.get('relay') || undefined, webrtc: params.get('webrtc') !== '0', fresh: params.get('new') === '1',
    policy: params.get('policy') === 'roast' ? 'roast' : 'fire',
  });
  exposeApi(app);
  $('room').textContent = app.room;
  wireButtons(app, { onError: (e) => app.log(e.message, 'error') });
  // "Add signer" opens a signer tab under the next id.
  const updateReshare = mountReshare(app, $('reshare-card'), {
    openSigner: (id, url) => window.open(url, `signer-${id}`),
    busy: busyRunner(app, (e) => app.log(`${e.code ?? 'error'}: ${e.message}`, 'error')),
  });
  app.addEventListener('locked', () => { $('unlock').hidden = false; });
  mountUnlockForm($('unlock'), async (how) => { await app.unlock(how); $('unlock').hidden = true; },
    (e) => app.log(`unlock: ${e.message}`, 'error'));
  throttledRender(app, () => {
    const s = renderInto(app, $('view'), { showNet: params.get('net') === '1' });
    updateReshare(s);
    $('phase').textContent = `${s.phase}${s.config ? '' : ` — waiting for ${app.n} signers to join room “${app.room}”`}`;
    $('conn').textContent = s.connected ? 'relay connected' : 'relay offline';
    $('conn').className = `pill ${s.connected ? 'ok' : 'bad'}`;
    updateButtons(app);
  });
  await app.start();
  const link = `${location.origin}/signer.html?room=${encodeURIComponent(app.room)}&id=0&coordinator=${app.pubkey}`;
  $('fingerprint').textContent = keyFingerprint(app.pubkey);
  $('signer-link').href = link;
  $('signer-link').textContent = link;
}

// ---- index.html ----------------------------------------------------------------------

function signerFrame(id, src) {
  const f = document.createElement('iframe');
  f.src = src;
  f.title = `signer ${id}`;
  f.id = `signer-frame-${id}`;
  return f;
}

export async function demoPage() {
  const params = new URLSearchParams(location.search);
  for (const k of ['signers', 'keys', 'threshold', 'weights']) if (params.get(k)) $(k).value = params.get(k);
  let app = null;
  const frames = $('frames');

  const fillMisbehaveOptions = (n) => {
    $('bad-signer').innerHTML = Array.from({ length: n }, (_, i) => `<option value="${i}">signer ${i}</option>`).join('');
    $('bad-signer').value = String(Math.min(2, n - 1));
    $('victim').innerHTML = Array.from({ length: n }, (_, i) => `<option value="${i}">signer ${i}</option>`).join('');
    $('victim').value = String(Math.min(1, n - 1));
  };
  const signerCount = () => {
    const w = $('weights').value.trim();
    return w ? w.split(',').length : Number($('signers').value);
  };
  fillMisbehaveOptions(signerCount());
  $('signers').onchange = () => fillMisbehaveOptions(signerCount());
  $('weights').onchange = () => fillMisbehaveOptions(signerCount());

  const misbehaviourSpec = () => {
    const kind = $('behaviour').value;
    const victim = $('victim').value;
    return kind.endsWith('=') ? `${kind}${victim}` : kind;
  };
  const applyMisbehaviour = () => {
    if (!app) return;
    for (let i = 0; i < app.n; i++) app.setMisbehaviour(i, null);
    if ($('misbehave').checked) app.setMisbehaviour(Number($('bad-signer').value), misbehaviourSpec());
  };
  $('misbehave').onchange = applyMisbehaviour;
  $('bad-signer').onchange = applyMisbehaviour;
  $('behaviour').onchange = () => { $('victim').disabled = !$('behaviour').value.endsWith('='); applyMisbehaviour(); };
  $('victim').onchange = applyMisbehaviour;

  $('start').onclick = async () => {
    $('start').disabled = true;
    const threshold = Number($('threshold').value);
    // A weight list (key ids per signer) sets the signers and key ids itself.
    let workload;
    try {
      workload = $('weights').value.trim() ? { weights: checkWeights($('weights').value) }
        : { signers: Number($('signers').value), keys: Number($('keys').value) };
    } catch (e) {
      $('setup-summary').textContent = e.message;
      $('start').disabled = false;
      return;
    }
    const room = `demo-${Math.random().toString(36).slice(2, 10)}`;
    app = createCoordinator({ room, ...workload, threshold, relays: params.get('relay') || undefined });
    const n = app.n;
    exposeApi(app);
    $('room').textContent = room;
    $('setup-summary').textContent = `${n} signers · ${app.keys} key ids${app.weights ? ` (weights ${app.weights.join(',')})` : ''} · threshold ${threshold} · room ${room}`;
    document.body.classList.add('started');
    wireButtons(app, { onError: (e) => app.log(e.message, 'error') });
    // "Add signer" adds a frame under the next id.
    const updateReshare = mountReshare(app, $('reshare-card'), {
      openSigner: (id, url) => frames.appendChild(signerFrame(id, `${url}&compact=1`)),
      busy: busyRunner(app, (e) => app.log(`${e.code ?? 'error'}: ${e.message}`, 'error')),
    });
    throttledRender(app, () => {
      const s = renderInto(app, $('view'), { showNet: $('show-net').checked });
      updateReshare(s);
      $('phase').textContent = s.phase + (s.config ? '' : ` — ${Object.values(s.signers).filter((g) => g.present).length}/${n} signers joined`);
      $('conn').textContent = s.connected ? 'relay connected' : 'relay offline';
      $('conn').className = `pill ${s.connected ? 'ok' : 'bad'}`;
      updateButtons(app);
    });
    try {
      await app.start();
      frames.innerHTML = '';
      for (let i = 0; i < n; i++) {
        // The link pins the coordinator's key: the signer takes no other.
        frames.appendChild(signerFrame(i, `/signer.html?room=${encodeURIComponent(room)}&id=${i}&coordinator=${app.pubkey}&compact=1`));
      }
      await app.waitForSigners(30000);
      if ($('misbehave').checked) applyMisbehaviour();
    } catch (e) {
      app.log(e.message, 'error');
    }
  };

  if (params.get('autostart') === '1') $('start').click();
}
