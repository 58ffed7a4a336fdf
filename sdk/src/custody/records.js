// What the pages keep in the vault, and under which ids. Every value is
// encrypted by the vault; ids name only public things (room, signer id,
// group key).
//
//   signer/<room>/<id>/identity     {secret, public}     the signer's network key
//   signer/<room>/<id>/trust        bytes                CoordinatorTrust.save()
//   signer/<room>/<id>/ceremony     {session, config, state, groupKey, coordinator, retired}   the live signer state
//   share/<groupKey>/<room>/<id>    {..., state, epoch}  one entry per group key: kept until the user removes it;
//                                                        a reshare keeps the key, so its state replaces the entry's,
//                                                        holding the old epoch's shares too until a signature
//                                                        confirms the new one (previousEpoch: true); a signer that
//                                                        left in a reshare keeps {..., retired: true, epoch} and
//                                                        no state (it deleted every share; none stays at rest)
//   coordinator/<room>/identity     {secret, public}
//   coordinator/<room>/session      {issuer, invitation, config, state}
import { bytesToBase64, base64ToBytes } from '../common.js';

const part = (s) => encodeURIComponent(String(s));

/** A network key pair as JSON, for the vault. */
const identityOf = (json) => (json ? { secret: base64ToBytes(json.secret), public: json.public } : undefined);
const identityJson = ({ secret, public: pub }) => ({ secret: bytesToBase64(secret), public: pub });

/** One signer's records (room, signer id). */
export class SignerRecords {
  constructor(vault, { room, signerId }) {
    this.vault = vault;
    this.room = room;
    this.signerId = signerId;
    this.base = `signer/${part(room)}/${signerId}/`;
    this.queue = [];
    this.writer = null;
  }

  async identity() { return identityOf(await this.vault.getJson(this.base + 'identity')); }
  saveIdentity(pair) { return this.vault.putJson(this.base + 'identity', identityJson(pair)); }

  trust() { return this.vault.get(this.base + 'trust'); }
  saveTrust(bytes) { return this.vault.put(this.base + 'trust', bytes); }

  async ceremony() {
    const c = await this.vault.getJson(this.base + 'ceremony');
    return c && { ...c, state: base64ToBytes(c.state) };
  }

  shareId(groupKey) { return `share/${groupKey}/${part(this.room)}/${this.signerId}`; }

  /**
   * Queue the signer's state `{session, config, state, groupKey, epoch, previousEpoch, coordinator, retired}` to be
   * saved. States that arrive while a write is under way are merged, but never
   * past a change of group key: every group key's last state reaches its
   * share entry before the live record moves on. Resolves when written.
   */
  saveCeremony(entry) {
    this.queue.push(entry);
    this.writer ??= this.drain().finally(() => { this.writer = null; });
    return this.writer;
  }

  async drain() {
    while (this.queue.length) {
      const batch = this.queue.splice(0);
      const lastPerKey = new Map();
      for (const e of batch) if (e.groupKey) lastPerKey.set(e.groupKey, e);
      // Share entries first: the live record may be overwritten by a new ceremony next.
      for (const [groupKey, e] of lastPerKey) {
        if (e.retired?.groupKey === groupKey) {
          // Left in a reshare: the entry says so and holds no state (the retired state has no share, but nothing else either).
          await this.vault.putJson(this.shareId(groupKey), {
            groupKey, room: this.room, signerId: this.signerId, session: e.session, coordinator: e.coordinator,
            retired: true, epoch: e.retired.epoch, previousEpoch: false, savedAt: new Date().toISOString(),
          });
          continue;
        }
        await this.vault.putJson(this.shareId(groupKey), {
          groupKey, room: this.room, signerId: this.signerId, session: e.session, coordinator: e.coordinator,
          config: e.config, state: bytesToBase64(e.state), epoch: e.epoch ?? 0, previousEpoch: !!e.previousEpoch,
          savedAt: new Date().toISOString(),
        });
      }
      const last = batch[batch.length - 1];
      await this.vault.putJson(this.base + 'ceremony', {
        session: last.session, groupKey: last.retired ? null : last.groupKey ?? null, coordinator: last.coordinator,
        config: last.config, state: bytesToBase64(last.state), retired: last.retired ?? null,
      });
    }
  }

  /** Resolves once every queued state is written. */
  flushed() { return this.writer ?? Promise.resolve(); }
}

/**
 * A coordinator's records in one room. Its session is saved from
 * `snapshot()` (`{issuer, invitation, config, state}` or null), in order,
 * coalesced while packets stream in.
 */
export class CoordinatorRecords {
  constructor(vault, { room }, snapshot = () => null, onError = () => {}) {
    this.vault = vault;
    this.base = `coordinator/${part(room)}/`;
    this.snapshot = snapshot;
    this.onError = onError;
    this.saving = Promise.resolve();
    this.timer = null;
  }

  async identity() { return identityOf(await this.vault.getJson(this.base + 'identity')); }
  saveIdentity(pair) { return this.vault.putJson(this.base + 'identity', identityJson(pair)); }

  async session() {
    const s = await this.vault.getJson(this.base + 'session');
    if (!s) return undefined;
    return { ...s, issuer: base64ToBytes(s.issuer), invitation: base64ToBytes(s.invitation), state: s.state ? base64ToBytes(s.state) : null };
  }

  /** Save the session as it is now; resolves when written. */
  save() {
    clearTimeout(this.timer);
    this.timer = null;
    const s = this.snapshot();
    if (!s) return this.saving;
    const record = {
      issuer: bytesToBase64(s.issuer), invitation: bytesToBase64(s.invitation), config: s.config,
      state: s.state ? bytesToBase64(s.state) : null, savedAt: new Date().toISOString(),
    };
    this.saving = this.saving.then(() => this.vault.putJson(this.base + 'session', record)).catch(this.onError);
    return this.saving;
  }

  /** Save within a quarter of a second, once for any number of calls. */
  saveSoon() {
    this.timer ??= setTimeout(() => this.save(), 250);
  }

  forgetSession() { return this.vault.delete(this.base + 'session'); }
}

/** Every key share in the vault: `[{id, groupKey, room, signerId}]`, from ids alone (works while locked). */
export async function listKeyShares(vault) {
  return (await vault.list('share/')).map((id) => {
    const [, groupKey, room, signerId] = id.split('/');
    return { id, groupKey, room: decodeURIComponent(room), signerId: Number(signerId) };
  });
}

/**
 * Remove one key share: the deliberate act that discards it. Also drops the
 * signer's live record if it holds that same key.
 */
export async function removeKeyShare(vault, { groupKey, room, signerId }) {
  const records = new SignerRecords(vault, { room, signerId });
  await vault.delete(records.shareId(groupKey));
  const live = await vault.getJson(records.base + 'ceremony');
  if (live?.groupKey === groupKey) await vault.delete(records.base + 'ceremony');
}
