// Types of the wsts-web SDK (src/index.js). The wasm bindings' own types are
// in wasm/wsts_web.d.ts (import them from "wsts-web/wasm").
import type {
  CeremonyConfig, Progress, Offence, DkgEndFailure, SignatureType, Timeouts, RetryPolicy,
  CeremonyReport, TrustedCoordinator,
} from './wasm/wsts_web.js';

export type {
  CeremonyConfig, Progress, Offence, DkgEndFailure, SignatureType, Timeouts, RetryPolicy, CeremonyReport,
  TrustedCoordinator,
} from './wasm/wsts_web.js';

/** Error codes of the SDK layer. The wasm state machines' codes (e.g. `bad-signature`, `untrusted-coordinator`) pass through. */
export type SdkErrorCode =
  | 'aborted' | 'timeout' | 'closed' | 'bad-option' | 'no-group-key' | 'config' | 'dkg-failed'
  | 'signing-failed' | 'reshare-failed' | 'repair-failed' | 'missing-signer' | 'relay-refused' | 'storage' | 'worker';

export const SDK_ERROR_CODES: readonly SdkErrorCode[];

/** An error with a stable `code`. */
export class SdkError extends Error {
  constructor(code: string, message: string, detail?: unknown);
  readonly code: SdkErrorCode | string;
  readonly detail?: unknown;
}

// ---- storage -------------------------------------------------------------------

/** What the vault writes to: encrypted records by id. A wallet may pass its own. */
export interface RecordStore {
  get(id: string): Promise<unknown>;
  put(id: string, value: unknown): Promise<void>;
  delete(id: string): Promise<void>;
  list(prefix?: string): Promise<string[]>;
}

export class IndexedDbRecordStore implements RecordStore {
  constructor(options?: { database?: string; objectStore?: string });
  get(id: string): Promise<unknown>;
  put(id: string, value: unknown): Promise<void>;
  delete(id: string): Promise<void>;
  list(prefix?: string): Promise<string[]>;
}

export class MemoryRecordStore implements RecordStore {
  constructor();
  get(id: string): Promise<unknown>;
  put(id: string, value: unknown): Promise<void>;
  delete(id: string): Promise<void>;
  list(prefix?: string): Promise<string[]>;
}

/** How a protected vault is opened: a passphrase (PBKDF2-SHA-256, 600,000 iterations) or a passkey (WebAuthn PRF). */
export type Unlock = { passphrase: string } | { passkey: true };

export class VaultError extends Error {
  readonly code: string;
}

/** AES-256-GCM records under a non-extractable WebCrypto key, optionally wrapped by a passphrase or passkey. */
export class Vault {
  static open(options?: { store?: RecordStore }): Promise<Vault>;
  readonly locked: boolean;
  readonly protection: string[];
  unlock(unlocker: unknown): Promise<void>;
  lock(): void;
  get(id: string): Promise<Uint8Array | undefined>;
  put(id: string, bytes: Uint8Array): Promise<void>;
  delete(id: string): Promise<void>;
  list(prefix?: string): Promise<string[]>;
  /** Re-encrypt under new unlockers (`[]`: the device key alone). */
  protect(unlockers?: unknown[]): Promise<void>;
}

/** The signer/coordinator `storage` option: a Vault, a record store under a new Vault, or (default) the IndexedDB vault. */
export type Storage = Vault | RecordStore;

export function openStorage(storage?: Storage | null): Promise<Vault>;
export function unlock(vault: Vault, how: Unlock): Promise<void>;

/** One key share held in the vault (one entry per group key). */
export interface KeyShareEntry { groupKey: string; room: string; signerId: number; [more: string]: unknown }
export function listKeyShares(vault: Vault): Promise<KeyShareEntry[]>;
/** Remove a key share: only ever by this deliberate call. */
export function removeKeyShare(vault: Vault, share: { groupKey: string; room: string; signerId: number }): Promise<void>;
/** An encrypted backup file (JSON text; PBKDF2-SHA-256 600,000 iterations, AES-256-GCM), openable only with `passphrase`. */
export function exportBackup(vault: Vault, passphrase: string, options?: { prefix?: string }): Promise<string>;
/** Restore a backup; a record that exists with other content is kept (a conflict) unless `replace`. */
export function importBackup(vault: Vault, text: string, passphrase: string, options?: { replace?: boolean }):
  Promise<{ added: string[]; unchanged: string[]; replaced: string[]; conflicts: string[] }>;
/** Register a passkey with the WebAuthn PRF extension, as an unlocker for `Vault.protect`. */
export function createPasskey(options?: { userName?: string }): Promise<{ credentialId: unknown; prfSalt: unknown; prf: unknown }>;

// ---- events ------------------------------------------------------------------------

/** An error event's detail: a refusal, a storage or worker failure. */
export interface ErrorDetail { code: SdkErrorCode | string; message: string; [more: string]: unknown }

export interface SignerProgress { status: string; step: string | null }
export interface SignerDkg { groupKey: string; dkgId: number; session: string | null }
export interface SignerSigned { signId: number; attempt: number }
export interface SignerBlame { dkgId: number; failure: DkgEndFailure }
/**
 * A reshare or refresh at this signer, each stage sent once the state it
 * leaves is in the vault: `reshared` (new shares of the same group key under
 * `epoch`; the old epoch's are kept in the same entry), `confirmed` (a
 * signature under `epoch` verified: the old shares are deleted),
 * `rolled-back` (the coordinator went on under the old epoch, `epoch`),
 * `retired` (this signer left in the reshare to `epoch` and a signature
 * under it verified: it deleted every share of `groupKey`; its vault entry
 * for the key says `retired: true` and holds no state).
 */
export interface SignerReshare { stage: 'reshared' | 'confirmed' | 'rolled-back' | 'retired'; groupKey: string | null; epoch: number; dkgId: number }

/**
 * This signer's lost shares were rebuilt by the other holders (a repair the
 * coordinator ran): sent once the repaired state is in the vault.
 */
export interface SignerRepair { groupKey: string | null; epoch: number; dkgId: number; repairId: number }

export interface SignerEventMap {
  progress: CustomEvent<SignerProgress>;
  dkg: CustomEvent<SignerDkg>;
  /** This signer's signature share went out. */
  signature: CustomEvent<SignerSigned>;
  /** This signer's DKG failed and it reported the evidence. */
  blame: CustomEvent<SignerBlame>;
  /** New shares of the same key (a reshare or refresh), their confirmation, their undoing, or this signer's retirement. */
  reshare: CustomEvent<SignerReshare>;
  /** This signer's lost shares are back (a repair), and saved. */
  repair: CustomEvent<SignerRepair>;
  /**
   * A refusal, a storage or worker failure. A joiner given `expectedGroupKey`
   * that is sent a reshare of another key reports `unexpected-group-key`.
   */
  error: CustomEvent<ErrorDetail>;
  locked: CustomEvent<Record<string, never>>;
}

export interface CoordinatorDkg { groupKey: string; dkgId: number; signers: number[] }
/** A finished reshare or refresh: the same group key at a new `epoch`, held by `signers`. */
export interface ReshareResult { groupKey: string; epoch: number; dkgId: number; signers: number[] }
/** A finished repair: `signer` holds its shares again, rebuilt by `helpers`. */
export interface RepairResult { signer: number; repairId: number; helpers: number[] }

/** A verified (or, `ok: false`, failing) signature. */
export interface SignatureResult {
  round: number; sign_id: number; type: 'schnorr' | 'taproot' | 'frost'; message: string; signature: string;
  signature_kind: string; verify_key: string; internal_key: string; merkle_root: string | null;
  signers_used: number[]; attempts: number; ok: boolean;
  /** The key's epoch it was made under (0 after DKG, one more per reshare or refresh). */
  epoch: number;
}

/** An attempt that proved signers malicious (evidence) or found them unresponsive (silence, this attempt only). */
export interface Blame {
  phase: 'dkg' | 'reshare' | 'sign' | 'repair'; round: number; malicious: Record<string, Offence>; unresponsive: number[];
}

export interface CoordinatorEventMap {
  progress: CustomEvent<Progress>;
  dkg: CustomEvent<CoordinatorDkg>;
  /** A reshare or refresh finished (its attempts report `blame` with phase `reshare`; `progress` shows its rounds as `dkg`). */
  reshare: CustomEvent<ReshareResult>;
  /** A repair finished (its attempts report `blame` with phase `repair`). */
  repair: CustomEvent<RepairResult>;
  signature: CustomEvent<SignatureResult>;
  blame: CustomEvent<Blame>;
  error: CustomEvent<ErrorDetail>;
  locked: CustomEvent<Record<string, never>>;
}

export interface Cancel { signal?: AbortSignal }

// ---- signer ----------------------------------------------------------------------

export interface SignerOptions {
  /** Relay WebSocket URL(s); several: tried in order, a lost one replaced by the next. Default: this page's `/ws`. */
  relays?: string | string[];
  room: string;
  /** This signer's index in the ceremony (peer id `signer-<signerId>`). */
  signerId: number;
  /** Where keys and shares live (encrypted). Default: the IndexedDB vault. */
  storage?: Storage;
  /** `coordinator`: the only coordinator key (compressed, hex) to take ceremonies from. Without it: the first that invites. */
  trust?: { coordinator?: string };
  /** Data channels to the coordinator when the browser has WebRTC (default true). */
  webrtc?: boolean;
  /**
   * For a signer joining an existing group by a reshare: the group key
   * (compressed, hex) it was told out of band (the demo's Add-signer link
   * carries it). While this signer holds no key, it refuses a reshare of any
   * other key (`error` event, code `unexpected-group-key`) and takes no
   * share: a coordinator, or whoever holds its key, cannot move the joiner
   * to a key of its own making. It does not check the old holders' public
   * key shares, nor help a joiner told a wrong key. Held in memory only (not
   * in the vault): pass it on every `createSigner` until the reshare
   * begins. A bad key: `bad-option`.
   */
  expectedGroupKey?: string;
}

/** A signer (peer id `signer-<id>`); events typed by `SignerEventMap`. */
export class SignerClient extends EventTarget {
  addEventListener<K extends keyof SignerEventMap>(type: K, listener: (ev: SignerEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof SignerEventMap>(type: K, listener: (ev: SignerEventMap[K]) => void, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
  readonly room: string;
  readonly id: number;
  /** This signer's network public key (after `start`). */
  readonly pubkey: string;
  readonly groupKey: string | null;
  /** The epoch of the shares held (0 after DKG, one more per reshare or refresh). */
  readonly epoch: number;
  readonly session: string | null;
  readonly trusted: TrustedCoordinator | null;
  /** The key a joiner takes a reshare of (`expectedGroupKey`), or null. */
  readonly expectedGroupKey: string | null;
  /** Set once this signer left its group in a reshare (`retired` stage): the key it holds no share of any more. */
  readonly retired: { groupKey: string | null; epoch: number; dkgId: number } | null;
  /** Open the vault (waits while it is locked: see `unlock`), restore, join the room. */
  start(options?: Cancel): Promise<void>;
  unlock(how: Unlock): Promise<void>;
  /** Resolves when this signer completes its next DKG. */
  waitForDkg(options?: Cancel & { timeoutMs?: number }): Promise<SignerDkg>;
  /** Resolves when every state change so far is in the vault. */
  persisted(): Promise<void>;
  /** Trust the coordinator of the latest refused invitation instead (the user's deliberate choice). */
  trustRefused(refusal?: unknown): Promise<void>;
  close(): void;
  state(): Record<string, unknown>;
}

export function createSigner(options: SignerOptions): SignerClient;

// ---- coordinator -----------------------------------------------------------------

export interface CoordinatorOptions {
  relays?: string | string[];
  room: string;
  /** Signers holding `keys` key ids evenly... */
  signers?: number;
  keys?: number;
  /** ...or key ids per signer ("3,1,5" or [3, 1, 5]). */
  weights?: string | number[];
  /** Key ids needed to sign. */
  threshold: number;
  dkgThreshold?: number;
  /** FIRE (deadlines, retries) or ROAST (concurrent sessions, no signing deadline). */
  policy?: 'fire' | 'roast';
  timeouts?: Timeouts;
  retry?: RetryPolicy;
  storage?: Storage;
  webrtc?: boolean;
  /** Start a new session instead of restoring the saved one. */
  fresh?: boolean;
}

export interface DkgResult { dkg_id: number; group_key: string; signers: number[] }

/** `"schnorr"` (BIP-340), `"taproot"`, `"frost"`, or the wasm SignatureType. */
export type SignatureKind = 'Schnorr' | 'schnorr' | 'bip340' | 'taproot' | 'frost' | SignatureType;

/** A coordinator (peer id `coordinator`); events typed by `CoordinatorEventMap`. */
export class CoordinatorClient extends EventTarget {
  addEventListener<K extends keyof CoordinatorEventMap>(type: K, listener: (ev: CoordinatorEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof CoordinatorEventMap>(type: K, listener: (ev: CoordinatorEventMap[K]) => void, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
  readonly room: string;
  readonly pubkey: string;
  readonly groupKey: string | null;
  /** The key's epoch: 0 after DKG, one more per reshare or refresh. */
  readonly epoch: number;
  readonly session: string | null;
  start(options?: Cancel): Promise<void>;
  unlock(how: Unlock): Promise<void>;
  /** Resolves when every signer has joined and been invited. */
  waitForSigners(ms?: number, options?: Cancel): Promise<void>;
  runDkg(options?: Cancel & { timeoutMs?: number }): Promise<DkgResult>;
  /** Sign a message (hex, bytes, or text); resolves with the verified signature. */
  sign(message: string | Uint8Array, type?: SignatureKind, options?: Cancel & { timeoutMs?: number }): Promise<SignatureResult>;
  /**
   * Reshare the key to new `weights` (key ids per signer id; 0: it leaves;
   * default: today's) and `threshold` (default: today's). Ids past the
   * current signers join: they must be in the room (`signer-<id>`) and are
   * sent a signed invitation with the new config. The group key stays; the
   * old epoch signs until this resolves. Errors: `missing-signer`,
   * `reshare-failed`, `timeout`, `aborted`, and the wasm's (`bad-weights`,
   * `bad-joiners`, `config`, `busy`, ...).
   */
  reshare(options?: Cancel & { weights?: string | number[]; threshold?: number; timeoutMs?: number }): Promise<ReshareResult>;
  /** New shares of the same key for the same signers, weights and threshold. */
  refresh(options?: Cancel & { timeoutMs?: number }): Promise<ReshareResult>;
  /**
   * Rebuild signer `signerId`'s lost shares of the current key from the
   * other holders (their key ids must reach the threshold). The signer must
   * be back in the room as a fresh signer of this session: it lost its
   * state, and started again under the same id and network key, taking the
   * invitation again. Its shares are checked against the group's public
   * shares. Errors: `repair-failed`, `timeout`, `aborted`, `no-group-key`,
   * and the wasm's (`repair`: too little weight to help; `busy`).
   */
  repair(signerId: number, options?: Cancel & { timeoutMs?: number }): Promise<RepairResult>;
  persisted(): Promise<void>;
  report(): CeremonyReport | null;
  close(): void;
  state(): Record<string, unknown>;
}

export function createCoordinator(options: CoordinatorOptions): CoordinatorClient;

// ---- helpers -----------------------------------------------------------------------

export const DEMO_TIMEOUTS: Timeouts;
export const DEMO_RETRY: RetryPolicy;
export function checkWeights(weights: string | number[], given?: { signers?: number; keys?: number }): number[];
export function initWasm(): Promise<unknown>;
export function keyFingerprint(key: string): string;
export function verifyBip340(publicKeyX: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
export function verifyFrost(groupKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
export const hex: { encode(bytes: Uint8Array): string; decode(text: string): Uint8Array };
export function bytesToBase64(bytes: Uint8Array): string;
export function base64ToBytes(text: string): Uint8Array;
