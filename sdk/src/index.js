// @ts-check
// wsts-web: weighted threshold Schnorr signers and coordinators for browser
// wallets. One import: `createSigner` and `createCoordinator` (transport over
// one relay or several, WebRTC when available, the signer in a Web Worker,
// keys in the encrypted vault), plus the vault and the wasm bindings.
//
//   const signer = createSigner({ relays: 'wss://relay.example/ws', room, signerId: 0 });
//   signer.addEventListener('dkg', (ev) => console.log(ev.detail.groupKey));
//   await signer.start();
//
// Types: index.d.ts. Errors carry a stable `code` (errors.js, and the wasm
// state machines' own codes).
import { SignerClient } from './signer.js';
import { CoordinatorClient } from './coordinator.js';
import { SdkError } from './errors.js';

/**
 * A relay list from `relays` (a URL, a comma-separated list or an array); undefined: this page's `/ws`.
 * @param {unknown} relays @returns {string | string[] | undefined}
 */
function relaysOption(relays) {
  if (relays === undefined) return undefined;
  if (typeof relays === 'string') return relays;
  if (Array.isArray(relays) && relays.every((r) => typeof r === 'string')) return relays;
  throw new SdkError('bad-option', '`relays` must be a URL or a list of URLs');
}

/**
 * A signer for `room` as `signer-<signerId>`. It takes ceremonies only from
 * the coordinator key in `trust.coordinator` (or, without it, the first one
 * that invites it, until the user chooses another). Not started: add
 * listeners, then `await signer.start()`.
 * @param {import('../index').SignerOptions} options
 * @returns {import('../index').SignerClient}
 */
export function createSigner({ relays, room, signerId, storage, trust = {}, webrtc = true, expectedGroupKey }) {
  if (trust.coordinator !== undefined && !/^0[23][0-9a-fA-F]{64}$/.test(String(trust.coordinator))) {
    throw new SdkError('bad-option', '`trust.coordinator` must be a compressed public key (66 hex digits)');
  }
  if (expectedGroupKey !== undefined && !/^0[23][0-9a-fA-F]{64}$/.test(String(expectedGroupKey))) {
    throw new SdkError('bad-option', '`expectedGroupKey` must be a compressed public key (66 hex digits)');
  }
  const client = new SignerClient({ room, id: signerId, relayUrl: relaysOption(relays), webrtc, pin: trust.coordinator ?? null, storage,
    expectedGroupKey: expectedGroupKey ?? null });
  return /** @type {any} */ (client);
}

/**
 * A coordinator for `room` (peer id `coordinator`) of `signers` signers
 * holding `keys` key ids evenly, or of uneven `weights`; `threshold` counts
 * key ids. Not started: add listeners, then `await coordinator.start()`.
 * @param {import('../index').CoordinatorOptions} options
 * @returns {import('../index').CoordinatorClient}
 */
export function createCoordinator({ relays, room, signers, keys, weights, threshold, dkgThreshold, policy = 'fire',
  timeouts, retry, storage, webrtc = true, fresh = false }) {
  if (!Number.isInteger(threshold) || threshold < 1) throw new SdkError('bad-option', '`threshold` must be a positive integer (key ids)');
  if (policy !== 'fire' && policy !== 'roast') throw new SdkError('bad-option', `unknown coordinator policy ${policy}`);
  /** @type {Record<string, unknown>} */
  const options = { room, signers, keys, weights: weights ?? null, threshold, dkgThreshold, policy, relayUrl: relaysOption(relays),
    storage, webrtc, fresh };
  if (timeouts) options.timeouts = timeouts;
  if (retry) options.retry = retry;
  return /** @type {any} */ (new CoordinatorClient(options));
}

export { SignerClient, CoordinatorClient };
export { SdkError, SDK_ERROR_CODES } from './errors.js';
export { DEMO_TIMEOUTS, DEMO_RETRY, checkWeights } from './ceremony.js';
export { Vault, VaultError } from './custody/vault.js';
export { unlock, openStorage } from './custody/unlock.js';
export { listKeyShares, removeKeyShare } from './custody/records.js';
export { exportBackup, importBackup } from './custody/backup.js';
export { createPasskey } from './custody/passkey.js';
export { IndexedDbRecordStore, MemoryRecordStore } from './storage/record-store.js';
export { hex, bytesToBase64, base64ToBytes } from './common.js';
export { initWasm, keyFingerprint, verifyBip340, verifyFrost } from './wasm.js';
