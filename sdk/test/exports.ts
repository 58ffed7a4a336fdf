// tsc --noEmit: index.d.ts declares exactly what src/index.js exports, and
// the SDK's shape as a wallet uses it type-checks (a change to either side
// that breaks the other fails the test command).
import * as js from '../src/index.js';
import * as api from '../index.js';
import { createSigner, createCoordinator, type SignatureResult, type Blame, type ReshareResult } from '../index.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameNames: Same<keyof typeof js, keyof typeof api> = true;
void sameNames;

async function wallet(signal: AbortSignal): Promise<SignatureResult> {
  const signer = createSigner({ relays: ['ws://a/ws', 'ws://b/ws'], room: 'r', signerId: 0, trust: { coordinator: '02'.padEnd(66, '0') } });
  signer.addEventListener('dkg', (ev) => console.log(ev.detail.groupKey.length));
  signer.addEventListener('error', (ev) => console.log(ev.detail.code));
  await signer.start({ signal });
  const coordinator = createCoordinator({ room: 'r', signers: 1, keys: 3, threshold: 2 });
  coordinator.addEventListener('blame', (ev: CustomEvent<Blame>) => console.log(ev.detail.malicious));
  coordinator.addEventListener('progress', (ev) => console.log(ev.detail.dkg?.attempt));
  await coordinator.start();
  const dkg = await coordinator.runDkg({ signal });
  console.log(dkg.group_key);
  return coordinator.sign('68656c6c6f', 'taproot', { signal, timeoutMs: 1000 });
}
void wallet;

async function reshare(signal: AbortSignal): Promise<number> {
  const signer = createSigner({ room: 'r', signerId: 3 });
  signer.addEventListener('reshare', (ev) => console.log(ev.detail.stage === 'confirmed', ev.detail.epoch, signer.epoch));
  const coordinator = createCoordinator({ room: 'r', weights: [2, 2, 1], threshold: 3 });
  coordinator.addEventListener('reshare', (ev) => console.log(ev.detail.groupKey, ev.detail.epoch));
  coordinator.addEventListener('blame', (ev) => console.log(ev.detail.phase === 'reshare'));
  const moved: ReshareResult = await coordinator.reshare({ weights: [2, 0, 1, 2], threshold: 3, signal });
  const refreshed = await coordinator.refresh({ signal });
  const sig = await coordinator.sign('00', 'bip340');
  return moved.epoch + refreshed.epoch + sig.epoch + coordinator.epoch;
}
void reshare;
