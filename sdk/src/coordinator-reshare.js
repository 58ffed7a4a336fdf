// Reshare and refresh for the coordinator (`CoordinatorClient.reshare` and
// `.refresh`): the same group key, new shares, a new epoch.
//
// A reshare may change weights and the threshold, let signers leave (weight
// 0) and admit new ones: a joining signer opens the room under the next
// signer id; the coordinator takes its network key from the relay (which
// bound it to the peer id by a signed challenge; the signer's `hello` says
// the same), signs an invitation with the NEW ceremony config for it, and
// starts the reshare once the joiner reports it took the invitation. Old
// signers need no invitation: the coordinator's signed `ReshareBegin` is
// checked by each against its own saved keys. The new config becomes the
// session's (saved, and the invitation later joiners and reloads get) only
// when the reshare succeeds; until then the old epoch signs.
import { configToWasm, keysOf, sleep } from './common.js';
import { SdkError, abortable, abortError } from './errors.js';

/** `weights` as a list of non-negative integers (a string "1,0,2" or an array). */
function weightList(weights) {
  const list = typeof weights === 'string' ? weights.split(',').map((w) => w.trim()) : [...(weights ?? [])];
  const out = list.map(Number);
  if (!out.length || out.some((w) => !Number.isInteger(w) || w < 0)) {
    throw new SdkError('bad-option', `reshare weights must be integers ≥ 0 (0: the signer leaves): ${weights}`);
  }
  return out;
}

/** Network keys of signers present in the room under ids ≥ `from` (would-be joiners). */
export function joiningKeys(c, from = c.n) {
  const out = new Map();
  for (const [peer, info] of c.transport?.peers ?? []) {
    const m = /^signer-(\d+)$/.exec(peer);
    if (m && Number(m[1]) >= from && info.pubkey) out.set(Number(m[1]), info.pubkey);
  }
  return out;
}

/** The reshare request for the wasm coordinator: weights, threshold, joiners' keys in id order. */
function request(c, weights, threshold) {
  const present = joiningKeys(c);
  const joiners = [];
  for (let id = c.n; id < weights.length; id++) {
    const key = present.get(id);
    if (!key) throw new SdkError('missing-signer', `signer ${id} would join but is not in room ${c.room}`);
    joiners.push(key);
  }
  return { weights, threshold, joiners };
}

/** A signed invitation to `config` in this session (the issuer's). */
export function invitationFor(c, config) {
  return c.issuer.invite(configToWasm(config), c.secret, Date.now());
}

/** Resolves when every joiner has reported this session (it took the invitation). */
async function joinersAdmitted(c, ids, ms, signal) {
  const until = performance.now() + ms;
  while (!ids.every((id) => c.signerInfo.get(id)?.session === c.session)) {
    if (signal?.aborted) throw abortError(signal, 'reshare');
    if (performance.now() > until) {
      const late = ids.filter((id) => c.signerInfo.get(id)?.session !== c.session);
      throw new SdkError('timeout', `joining signer(s) ${late.join(', ')} did not take the invitation`);
    }
    await sleep(50);
  }
}

/** Key ids per signer id now. */
export function currentWeights(c) {
  return Array.from({ length: c.n }, (_, i) => keysOf(c.config, i).length);
}

/**
 * Reshare (new `weights`, `threshold`) or refresh; resolves with `{groupKey, epoch, dkgId, signers}`.
 * @param {any} c the CoordinatorClient
 */
export async function runReshare(c, { weights, threshold, timeoutMs = 90000, signal } = {}, refresh = false) {
  if (!c.groupKey) throw new SdkError('no-group-key', 'no group key: run DKG first');
  if (c.resharing) throw new SdkError('busy', 'a reshare is already running');
  let target = c.config;
  let joining = [];
  let req = null;
  if (!refresh) {
    const list = weightList(weights ?? currentWeights(c));
    req = request(c, list, threshold ?? c.threshold);
    // Checked by the wasm coordinator (typed errors), before anyone is invited.
    target = c.coord.reshareConfig(req);
    joining = list.map((w, id) => id).filter((id) => id >= c.n);
  }
  c.resharing = { target, invitation: refresh ? null : invitationFor(c, target), joining };
  try {
    if (joining.length) {
      // Admitted again: a joiner's status names the session once it took this invitation.
      for (const id of joining) delete c.signerInfo.get(id)?.session;
      c.announceJoin(joining);
      c.log(`inviting joining signer(s) ${joining.join(', ')} to the reshare`);
      await joinersAdmitted(c, joining, 15000, signal);
    }
    await c.settleRtc(1000);
    if (signal?.aborted) throw abortError(signal, 'reshare');
    // Started first: a refusal (`busy`, ...) leaves no waiter behind; its
    // events come out of the coordinator only at the next pump.
    if (refresh) c.coord.startRefresh(c.now());
    else c.coord.startReshare(req, c.now());
    const done = c.expect('reshare', timeoutMs, refresh ? 'refresh' : 'reshare');
    c.phase = refresh ? 'refresh' : 'reshare';
    c.pump();
    return await abortable(done, signal, refresh ? 'refresh' : 'reshare', () => c.abandon(refresh ? 'refresh' : 'reshare', 'reshare'));
  } finally {
    c.resharing = null;
  }
}

/**
 * A page restored while its reshare runs (the wasm coordinator's state goes
 * on): route to the reshare's joiners, invite them again if they ask, and
 * count its attempts as the reshare's. Nobody awaits its promise any more.
 */
export function resumeReshare(c) {
  const target = c.coord.reshareTarget();
  if (!target) return;
  const joining = target.network.signers.map((_, id) => id).filter((id) => id >= c.n);
  c.resharing = { target, invitation: invitationFor(c, target), joining };
  c.phase = 'restored mid-reshare: it goes on';
}

/** After `Reshared`: the new config is the session's; later joiners and reloads get its invitation. */
export function adoptReshare(c, body) {
  const r = c.resharing;
  const config = c.coord.ceremonyConfig();
  c.config = config;
  c.n = config.network.signers.length;
  c.weights = Array.from({ length: c.n }, (_, i) => config.keys.signers[String(i)]?.length ?? 0);
  c.keys = c.weights.reduce((a, b) => a + b, 0);
  c.threshold = config.keys.threshold;
  c.dkgThreshold = config.keys.dkg_threshold;
  c.epoch = body.epoch;
  if (r?.invitation) c.invitation = r.invitation;
  c.resharing = null;
  c.save();
}
