// The coordinator's wasm events, one handler each: update the client's
// records and phase, log, emit the SDK's typed events (`dkg`, `signature`,
// `blame`) and settle the promise that waits for the round.
import { SdkError } from './errors.js';
import { dkgAttempt, signAttempt, repairAttempt, describeSignature } from './ceremony.js';

/** Is the DKG round running a reshare (or refresh) rather than a DKG? */
const resharing = (c) => !!c.resharing;

/** A `blame` event for an attempt that proved signers malicious or found them silent. */
function blame(c, phase, round, { malicious, unresponsive, ok }) {
  if (!Object.keys(malicious).length && !(unresponsive.length && !ok)) return;
  c.emit('blame', { phase, round, malicious, unresponsive: ok ? [] : [...unresponsive] });
}

function logMalicious(c, malicious) {
  for (const [s, o] of Object.entries(malicious)) c.log(`signer ${s} proven malicious: ${o}`, 'blame');
}

export const ON_EVENT = {
  DkgAttempt(c, body) {
    const a = dkgAttempt(body);
    const what = resharing(c) ? 'reshare' : 'DKG';
    (resharing(c) ? c.reshareAttempts : c.attempts).push(a);
    c.log(`${what} attempt ${a.dkg_id}: ${a.ok ? 'ok' : 'failed'}`, a.ok ? 'ok' : 'warn');
    logMalicious(c, a.malicious);
    for (const s of a.unresponsive) c.log(`signer ${s} unresponsive in ${what} ${a.dkg_id}`, 'warn');
    for (const f of a.reported_failures) c.log(`signer ${f.reporter} reported ${JSON.stringify(f.failure).slice(0, 160)}`, 'warn');
    blame(c, resharing(c) ? 'reshare' : 'dkg', a.dkg_id, a);
  },
  DkgComplete(c, body) {
    c.groupKey = body.group_key;
    c.dkgOk = true;
    c.holders = body.signers;
    c.phase = 'DKG complete: key ready — sign a message';
    c.log(`DKG complete: aggregate key ${body.group_key} (holders ${body.signers.join(', ')})`, 'ok');
    c.emit('dkg', { groupKey: body.group_key, dkgId: body.dkg_id, signers: body.signers });
    c.settle('dkg', null, body);
  },
  ReshareStarted(c, body) {
    c.phase = `resharing to epoch ${body.epoch}`;
    c.log(`reshare to epoch ${body.epoch} started (the key stays at epoch ${c.epoch} until it succeeds)`);
  },
  Reshared(c, body) {
    c.adoptReshare(body);
    c.holders = body.signers;
    c.phase = `reshared: epoch ${body.epoch} of the same key — sign a message`;
    c.log(`reshared to epoch ${body.epoch}: key ${body.group_key} (holders ${body.signers.join(', ')})`, 'ok');
    const detail = { groupKey: body.group_key, epoch: body.epoch, dkgId: body.dkg_id, signers: body.signers };
    c.emit('reshare', detail);
    c.settle('reshare', null, detail);
  },
  DkgFailed(c, body) {
    if (resharing(c)) {
      c.phase = `reshare failed: the key stays at epoch ${c.epoch}`;
      c.log(`reshare failed after ${body.attempts} attempts: ${body.reason}`, 'error');
      c.settle('reshare', new SdkError('reshare-failed', `reshare failed: ${body.reason}`, { attempts: body.attempts }));
      c.resharing = null;
      return;
    }
    c.dkgOk = false;
    c.phase = 'DKG failed';
    c.log(`DKG failed after ${body.attempts} attempts: ${body.reason}`, 'error');
    c.settle('dkg', new SdkError('dkg-failed', `DKG failed: ${body.reason}`, { attempts: body.attempts }));
  },
  SignAttempt(c, body) {
    const a = signAttempt(body);
    c.signAttempts.push(a);
    c.log(`signing round ${a.sign_id} attempt ${a.sign_iter_id + 1}: ${a.ok ? 'ok' : 'failed'}`, a.ok ? 'ok' : 'warn');
    logMalicious(c, a.malicious);
    if (!a.ok) for (const s of a.unresponsive) c.log(`signer ${s} unresponsive in signing round ${a.sign_id}`, 'warn');
    blame(c, 'sign', a.sign_id, a);
  },
  Signature(c, body) {
    const sig = { ...describeSignature(body, c.signatures.length + 1, c.groupKey), epoch: c.epoch };
    c.signatures.push(sig);
    c.phase = `signature ${sig.round} ${sig.ok ? 'verified' : 'DOES NOT VERIFY'} — ready to sign again`;
    c.log(`signature (${sig.type}) ${sig.ok ? 'verifies' : 'DOES NOT VERIFY'}: ${sig.signature}`, sig.ok ? 'ok' : 'error');
    c.emit('signature', sig);
    c.settle(`sign-${body.sign_id}`, null, sig);
  },
  RepairAttempt(c, body) {
    const a = repairAttempt(body);
    c.repairAttempts.push(a);
    c.log(`repair attempt ${a.repair_id} (helpers ${a.helpers.join(', ')}): ${a.ok ? 'ok' : 'failed'}`, a.ok ? 'ok' : 'warn');
    logMalicious(c, a.malicious);
    if (!a.ok) for (const s of a.unresponsive) c.log(`signer ${s} unresponsive in repair ${a.repair_id}`, 'warn');
    blame(c, 'repair', a.repair_id, a);
  },
  Repaired(c, body) {
    c.phase = `signer ${body.signer} repaired — sign a message`;
    c.log(`signer ${body.signer} repaired by ${body.helpers.join(', ')} (repair ${body.repair_id})`, 'ok');
    const detail = { signer: body.signer, repairId: body.repair_id, helpers: body.helpers };
    c.emit('repair', detail);
    c.settle('repair', null, detail);
  },
  RepairFailed(c, body) {
    c.phase = `repair of signer ${body.signer} failed — key ready`;
    c.log(`repair of signer ${body.signer} failed after ${body.attempts} attempts: ${body.reason}`, 'error');
    c.settle('repair', new SdkError('repair-failed', `repair failed: ${body.reason}`, { attempts: body.attempts }));
  },
  SigningFailed(c, body) {
    c.phase = 'key ready';
    c.log(`signing round ${body.sign_id} failed after ${body.attempts} attempts: ${body.reason}`, 'error');
    c.settle(`sign-${body.sign_id}`, new SdkError('signing-failed', `signing failed: ${body.reason}`, { attempts: body.attempts }));
  },
};
