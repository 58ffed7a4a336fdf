// Passkeys as vault unlockers, through the WebAuthn PRF extension: the
// authenticator derives the same 32-byte secret for the same credential and
// salt, and only after the user's presence and verification. The vault turns
// it into a key-encryption key (HKDF, see crypto.js); nothing of it is stored.
import { randomBytes } from './crypto.js';
import { VaultError } from './vault.js';

function prfResult(credential) {
  const first = credential.getClientExtensionResults().prf?.results?.first;
  return first ? new Uint8Array(first) : null;
}

/** The PRF output of an existing passkey for `prfSalt`. */
export async function evaluatePasskey({ credentialId, prfSalt }) {
  const assertion = await navigator.credentials.get({
    publicKey: {
      challenge: randomBytes(32),
      allowCredentials: [{ type: 'public-key', id: credentialId }],
      userVerification: 'required',
      extensions: { prf: { eval: { first: prfSalt } } },
    },
  });
  const prf = prfResult(assertion);
  if (!prf) throw new VaultError('no-prf', 'the passkey gave no PRF output (the authenticator lacks the PRF extension)');
  return prf;
}

/**
 * Register a new passkey and evaluate its PRF: an unlocker for
 * `vault.protect([{ passkey }])`. Resolves `{credentialId, prfSalt, prf}`.
 */
export async function createPasskey({ userName = 'wsts-web signer' } = {}) {
  const prfSalt = randomBytes(32);
  const credential = await navigator.credentials.create({
    publicKey: {
      rp: { name: 'wsts-web' },
      user: { id: randomBytes(16), name: userName, displayName: userName },
      challenge: randomBytes(32),
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }, { type: 'public-key', alg: -257 }],
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      extensions: { prf: { eval: { first: prfSalt } } },
    },
  });
  const ext = credential.getClientExtensionResults().prf;
  if (!ext?.enabled && !ext?.results) throw new VaultError('no-prf', 'this authenticator does not support the PRF extension');
  const credentialId = new Uint8Array(credential.rawId);
  // Some authenticators only evaluate the PRF on assertion, not on creation.
  const prf = prfResult(credential) ?? await evaluatePasskey({ credentialId, prfSalt });
  return { credentialId, prfSalt, prf };
}

/** Unlock `vault` with whichever of its passkeys the user presents. */
export async function unlockWithPasskey(vault) {
  const passkeys = vault.passkeys();
  if (!passkeys.length) throw new VaultError('no-passkey', 'no passkey opens this vault');
  let last;
  for (const pk of passkeys) {
    try {
      const prf = await evaluatePasskey(pk);
      await vault.unlock({ passkey: { credentialId: pk.credentialId, prf } });
      return;
    } catch (e) {
      last = e;
    }
  }
  throw last;
}
