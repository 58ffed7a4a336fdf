// @ts-check
// Errors with stable codes. The wasm state machines throw their own (a
// `WstsError` with `.code`, e.g. `bad-signature`, `untrusted-coordinator`);
// the SDK adds the codes of its own layer and keeps theirs as they are.

/** Codes the SDK layer itself uses (the wasm ones pass through unchanged). */
export const SDK_ERROR_CODES = Object.freeze([
  'aborted', // an AbortSignal fired
  'timeout', // a bounded wait ran out
  'closed', // the signer or coordinator was closed
  'bad-option', // an option of createSigner / createCoordinator is wrong
  'no-group-key', // signing before a DKG
  'config', // the ceremony config could not be built
  'dkg-failed', // the coordinator gave up on DKG (every attempt failed)
  'signing-failed', // the coordinator gave up on a signing round
  'reshare-failed', // the coordinator gave up on a reshare or refresh (the old epoch stays)
  'repair-failed', // the coordinator gave up on repairing a signer's lost shares
  'missing-signer', // a reshare names a joining signer that is not in the room
  'relay-refused', // the relay bound this peer id to another key
  'storage', // the vault could not be written
  'worker', // the signer's Web Worker failed
]);

export class SdkError extends Error {
  /** @param {string} code @param {string} message @param {object} [detail] */
  constructor(code, message, detail = undefined) {
    super(message);
    this.name = 'SdkError';
    this.code = code;
    if (detail !== undefined) this.detail = detail;
  }
}

/**
 * The error an aborted operation rejects with (`signal.reason` if it is an SdkError).
 * @param {AbortSignal} signal @param {string} what
 */
export function abortError(signal, what) {
  const reason = signal?.reason;
  if (reason instanceof SdkError) return reason;
  return new SdkError('aborted', `${what}: aborted${reason?.message ? ` (${reason.message})` : ''}`);
}

/**
 * `promise`, or a rejection with `abortError` as soon as `signal` aborts;
 * `onAbort` runs once then (to undo what the operation started).
 * @template T
 * @param {Promise<T>} promise @param {AbortSignal | undefined} signal @param {string} what
 * @param {() => void} [onAbort]
 * @returns {Promise<T>}
 */
export function abortable(promise, signal, what, onAbort = () => {}) {
  if (!signal) return promise;
  // Once aborted, nobody awaits `promise`: its later rejection is expected.
  promise.catch(() => {});
  if (signal.aborted) {
    onAbort();
    return Promise.reject(abortError(signal, what));
  }
  let off = () => {};
  /** @type {Promise<never>} */
  const aborted = new Promise((_, reject) => {
    off = () => signal.removeEventListener('abort', listener);
    const listener = () => { onAbort(); reject(abortError(signal, what)); };
    signal.addEventListener('abort', listener, { once: true });
  });
  return Promise.race([promise, aborted]).finally(off);
}
