// The reshare card of the coordinator pages (coordinator.html, index.html):
// the key's epoch, "Add signer" (a new signer tab, or on the demo page a new
// frame, under the next signer id), a weight per signer id (0: it leaves;
// added signers join), the threshold, Reshare / Refresh, and Repair (a
// signer that lost its share gets it back from the others). UI only: the
// SDK's `reshare()`, `refresh()` and `repair()` do the work; progress shows
// in the DKG bars (a reshare runs the DKG round) and the log. The Add-signer
// link carries the group key, which the new signer expects (it refuses a
// reshare of any other key).

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

/**
 * Mount the card into `el`. `openSigner(id, url)` shows a new signer (a tab
 * or a frame); `busy(fn)` runs a command with the page's buttons disabled.
 * Returns `update(state)`, to call on every render.
 */
export function mountReshare(app, el, { openSigner, busy }) {
  el.hidden = false;
  el.innerHTML = `<h2>Reshare <span class="muted small">· epoch <strong id="epoch">0</strong></span></h2>
    <div class="row">
      <button id="add-signer" type="button" class="action">Add signer</button>
      <a id="add-signer-link" target="_blank" rel="noopener" class="small"></a>
    </div>
    <div class="row" id="reshare-weights" aria-label="key ids per signer"></div>
    <div class="row">
      <label>threshold <input id="reshare-threshold" type="number" min="1"></label>
      <button id="reshare" type="button" class="action">Reshare</button>
      <button id="refresh" type="button" class="action">Refresh</button>
    </div>
    <div class="row">
      <label>signer <input id="repair-signer" type="number" min="0" value="0"></label>
      <button id="repair" type="button" class="action">Repair</button>
      <span class="muted small">its lost share, rebuilt by the others (it reloads as a fresh signer under the same id first)</span>
    </div>
    <p class="muted small">Weights are key ids per signer; 0 removes a signer, and signers added past the current ones
      join. The group key stays the same; signatures afterwards are made under the next epoch by the new set.</p>`;
  const $ = (id) => el.querySelector(`#${id}`);
  const edited = new Map(); // signer id -> the weight the user typed
  let current = new Map(); // signer id -> its weight now (1 for a joiner), from the last render
  let added = 0;
  let thresholdEdited = false;
  const input = $('reshare-threshold');
  input.oninput = () => { thresholdEdited = true; };

  const signerLink = (id) => `${location.origin}/signer.html?room=${encodeURIComponent(app.room)}&id=${id}&coordinator=${app.pubkey}`
    + (app.groupKey ? `&groupKey=${app.groupKey}` : '');
  $('add-signer').onclick = () => {
    const ids = Object.keys(app.state().signers).map(Number);
    const id = Math.max(app.n + added, ...ids.map((i) => i + 1));
    added = id - app.n + 1;
    const url = signerLink(id);
    $('add-signer-link').href = url;
    $('add-signer-link').textContent = `signer ${id}: ${url}`;
    openSigner(id, url);
  };
  $('reshare').onclick = () => busy(async () => {
    const ids = [...current.keys()];
    const list = Array.from({ length: Math.max(...ids) + 1 }, (_, i) => Number(edited.get(i) ?? current.get(i) ?? 0));
    await app.reshare({ weights: list, threshold: Number(input.value) });
    thresholdEdited = false;
    edited.clear();
    added = 0;
  });
  $('refresh').onclick = () => busy(() => app.refresh());
  $('repair').onclick = () => busy(() => app.repair(Number($('repair-signer').value)));
  el.addEventListener('input', (ev) => {
    const id = ev.target?.dataset?.signer;
    if (id !== undefined) edited.set(Number(id), Number(ev.target.value));
  });

  return function update(s) {
    $('epoch').textContent = String(s.epoch ?? 0);
    if (!thresholdEdited && s.config) input.value = String(s.config.threshold);
    current = new Map(Object.entries(s.signers).map(([id, g]) => [Number(id), g.joining ? 1 : (g.keyIds ?? []).length]));
    const box = $('reshare-weights');
    const shown = [...current].map(([id, w]) => `${id}:${s.signers[id].joining ? 'j' : ''}${w}`).join(',');
    if (box.dataset.shown !== shown) {
      box.dataset.shown = shown;
      box.innerHTML = [...current].map(([id, w]) => {
        const joining = s.signers[id].joining;
        return `<label class="small">signer ${id}${joining ? ' <span class="pill warn">joins</span>' : ''}
          <input type="number" min="0" data-signer="${id}" value="${esc(edited.get(id) ?? w)}"></label>`;
      }).join('');
    }
    const idle = !document.body.classList.contains('busy');
    $('reshare').disabled = !idle || !s.groupKey;
    $('refresh').disabled = !idle || !s.groupKey;
    $('repair').disabled = !idle || !s.groupKey;
    $('add-signer').disabled = !s.config;
  };
}
