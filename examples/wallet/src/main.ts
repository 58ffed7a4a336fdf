// An example wallet page: one role per page, as on separate devices.
//   ?role=coordinator&room=R&signers=3&keys=6&threshold=4   runs a DKG, then signs
//   ?role=signer&room=R&id=N[&coordinator=KEY][&storage=memory]   holds one key share
//     (storage=memory: the wallet's own record store instead of IndexedDB;
//     here an in-memory one, so the share is gone with the page)
// Everything threshold-related comes from the SDK: one import.
import { createCoordinator, createSigner, MemoryRecordStore, SdkError, type SignatureResult } from 'wsts-web';

interface ExampleState {
  role: string;
  pubkey?: string;
  groupKey?: string;
  signature?: SignatureResult;
  /** Records the signer wrote to its own store (storage=memory). */
  storedRecords?: number;
  /** The code a cancelled signing rejected with (the coordinator cancels one first). */
  cancelled?: string;
  events: Record<string, number>;
  errors: string[];
  done: boolean;
  failed?: string;
}

declare global {
  interface Window { walletExample: ExampleState }
}

const params = new URLSearchParams(location.search);
const room = params.get('room') ?? 'example';
const state: ExampleState = { role: params.get('role') ?? 'signer', events: {}, errors: [], done: false };
window.walletExample = state;

const $ = (id: string) => document.getElementById(id) as HTMLElement;
const log = (line: string) => { $('log').textContent += `${new Date().toISOString().slice(11, 23)} ${line}\n`; };
const count = (name: string) => { state.events[name] = (state.events[name] ?? 0) + 1; };
const num = (name: string, fallback: number) => Number(params.get(name) ?? fallback);

async function runSigner(): Promise<void> {
  const coordinator = params.get('coordinator');
  const store = params.get('storage') === 'memory' ? new MemoryRecordStore() : undefined;
  const signer = createSigner({ room, signerId: num('id', 0), trust: coordinator ? { coordinator } : {}, storage: store });
  signer.addEventListener('progress', (ev) => { count('progress'); log(ev.detail.status); });
  signer.addEventListener('signature', (ev) => { count('signature'); log(`signature share sent (round ${ev.detail.signId})`); });
  signer.addEventListener('error', (ev) => { state.errors.push(ev.detail.code); log(`error ${ev.detail.code}: ${ev.detail.message}`); });
  await signer.start();
  state.pubkey = signer.pubkey;
  const dkg = await signer.waitForDkg();
  count('dkg');
  state.groupKey = dkg.groupKey;
  $('group-key').textContent = dkg.groupKey;
  await signer.persisted();
  if (store) state.storedRecords = (await store.list()).length;
  state.done = true;
}

async function runCoordinator(): Promise<void> {
  const coordinator = createCoordinator({
    room, signers: num('signers', 3), keys: num('keys', 6), threshold: num('threshold', 4), fresh: true,
  });
  coordinator.addEventListener('progress', () => count('progress'));
  coordinator.addEventListener('dkg', (ev) => { count('dkg'); log(`DKG complete: ${ev.detail.groupKey}`); });
  coordinator.addEventListener('signature', (ev) => { count('signature'); log(`signature ${ev.detail.ok ? 'verifies' : 'FAILS'}`); });
  coordinator.addEventListener('blame', (ev) => { count('blame'); log(`blame: ${JSON.stringify(ev.detail)}`); });
  coordinator.addEventListener('error', (ev) => { state.errors.push(ev.detail.code); log(`error ${ev.detail.code}: ${ev.detail.message}`); });
  await coordinator.start();
  state.pubkey = coordinator.pubkey;
  log(`coordinator key ${coordinator.pubkey}: waiting for the signers`);
  await coordinator.waitForSigners(60000);
  const dkg = await coordinator.runDkg();
  state.groupKey = dkg.group_key;
  $('group-key').textContent = dkg.group_key;

  const message = new TextEncoder().encode('sent from the example wallet');
  // A signing the user cancels once it runs: it rejects with code "aborted" and the next one runs.
  const cancel = new AbortController();
  coordinator.addEventListener('progress', () => cancel.abort(), { once: true });
  const cancelled = coordinator.sign(message, 'bip340', { signal: cancel.signal });
  state.cancelled = await cancelled.then(() => 'not cancelled', (e: SdkError) => e.code);
  state.signature = await coordinator.sign(message, 'bip340');
  $('signature').textContent = state.signature.signature;
  state.done = true;
}

$('role').textContent = `(${state.role})`;
(state.role === 'coordinator' ? runCoordinator() : runSigner()).catch((e: unknown) => {
  state.failed = e instanceof Error ? `${(e as SdkError).code ?? 'error'}: ${e.message}` : String(e);
  log(`failed: ${state.failed}`);
});
