// What a ceremony is asked for and what it yields, as plain data: demo
// deadlines, weight lists, signature types, and the coordinator's wasm
// events turned into the records that `state()` and the events carry.
import { hex } from './common.js';
import { verifyBip340, verifyFrost } from './wasm.js';

/** Short deadlines for the demo: an offline signer costs seconds, not minutes. */
export const DEMO_TIMEOUTS = { dkg_public: 3000, dkg_private: 3000, dkg_end: 3000, nonce: 2500, signature_share: 2500 };
export const DEMO_RETRY = { max_dkg_attempts: 4, max_sign_attempts: 6, backoff_base: 300, backoff_max: 2000 };

function xOnly(compressedHex) {
  return compressedHex.length === 66 ? compressedHex.slice(2) : compressedHex;
}

/** `"Schnorr"`, `"taproot"`, `{Taproot: {merkle_root}}`, … → the wasm SignatureType. */
export function parseSigType(type) {
  if (type === undefined || type === null) return 'Schnorr';
  if (typeof type === 'string') {
    const t = type.toLowerCase();
    if (t === 'schnorr' || t === 'bip340' || t === 'bip-340') return 'Schnorr';
    if (t === 'frost') return 'Frost';
    if (t === 'taproot') return { Taproot: { merkle_root: null } };
    throw new Error(`unknown signature type ${type}`);
  }
  if (type.Taproot) return { Taproot: { merkle_root: type.Taproot.merkle_root ?? null } };
  if (type.taproot !== undefined) return { Taproot: { merkle_root: type.taproot?.merkle_root ?? type.merkle_root ?? null } };
  throw new Error(`unknown signature type ${JSON.stringify(type)}`);
}

/**
 * Parse and check a weight list ("3,1,5" or [3, 1, 5]): positive integers,
 * agreeing with `signers` and `keys` when those were given explicitly.
 */
export function checkWeights(weights, { signers, keys } = {}) {
  const list = typeof weights === 'string' ? weights.split(',').map((w) => w.trim()) : [...weights];
  const out = list.map(Number);
  if (!out.length || out.some((w) => !Number.isInteger(w) || w < 1)) throw new Error(`weights must be positive integers: ${weights}`);
  const total = out.reduce((a, b) => a + b, 0);
  if (signers !== undefined && signers !== out.length) throw new Error(`${signers} signers but ${out.length} weights`);
  if (keys !== undefined && keys !== total) throw new Error(`${keys} key ids but the weights sum to ${total}`);
  return out;
}

/** A DkgAttempt event as a record (malicious by signer id). */
export function dkgAttempt(body) {
  return {
    dkg_id: body.dkg_id, ok: body.ok,
    reported_failures: body.reported_failures.map(([reporter, failure]) => ({ reporter, failure })),
    malicious: Object.fromEntries(body.malicious.map((f) => [f.signer, f.offence])),
    unresponsive: body.unresponsive,
  };
}

/** A RepairAttempt event as a record (malicious by signer id). */
export function repairAttempt(body) {
  return {
    repair_id: body.repair_id, ok: body.ok, helpers: body.helpers,
    malicious: Object.fromEntries(body.malicious.map((f) => [f.signer, f.offence])), unresponsive: body.unresponsive,
  };
}

/** A SignAttempt event as a record. */
export function signAttempt(body) {
  return {
    sign_id: body.sign_id, sign_iter_id: body.sign_iter_id, ok: body.ok,
    malicious: Object.fromEntries(body.malicious.map((f) => [f.signer, f.offence])), unresponsive: body.unresponsive,
  };
}

/** A Signature event as the record pages and tests read, verified here (BIP-340 or FROST). */
export function describeSignature(body, round, groupKey) {
  const [kind, sigHex] = Object.entries(body.signature)[0];
  // The message arrives as hex (or, from older builds, as an array of bytes).
  const msgBytes = typeof body.message === 'string' ? hex.decode(body.message) : Uint8Array.from(body.message);
  const message = hex.encode(msgBytes);
  const taproot = typeof body.sig_type === 'object' && body.sig_type.Taproot;
  const type = taproot ? 'taproot' : body.sig_type === 'Frost' ? 'frost' : 'schnorr';
  const sig = hex.decode(sigHex);
  let ok;
  let verifyKey;
  if (sig.length === 64) {
    verifyKey = xOnly(body.verify_key);
    ok = verifyBip340(hex.decode(verifyKey), msgBytes, sig);
  } else {
    verifyKey = body.verify_key;
    ok = verifyFrost(hex.decode(verifyKey), msgBytes, sig);
  }
  return {
    round, sign_id: body.sign_id, type, message, signature: sigHex, signature_kind: kind,
    verify_key: verifyKey, internal_key: type === 'frost' ? groupKey : xOnly(groupKey),
    merkle_root: taproot ? (taproot.merkle_root ?? null) : null, signers_used: body.signers_used,
    attempts: body.sign_iter_id + 1, ok,
  };
}
