//! A signer's signing steps (FROST round 1 and 2, RFC 9591 §5.1–5.2), one
//! nonce and one signature share per signing party it speaks for.

use rand_core::{CryptoRng, RngCore};

use super::SignerKeys;
use crate::crypto::{
    nonce::{PublicNonce, SigningNonces},
    signing::{SignatureShare, SigningError, SigningSession},
    Scalar,
};

impl SignerKeys {
    /// Fresh nonces for every signing party this signer speaks for.
    pub fn generate_nonces<R: RngCore + CryptoRng>(
        &self,
        rng: &mut R,
    ) -> (Vec<(u32, SigningNonces)>, Vec<PublicNonce>) {
        self.config
            .parties_of(self.signer_id)
            .into_iter()
            .map(|(party_id, keys)| {
                let hedge =
                    keys.iter().filter_map(|k| self.key_shares.get(k)).fold(Scalar::from(0), |acc, x| acc + x.expose());
                let nonces = SigningNonces::generate(&hedge, rng);
                let public = nonces.public(party_id);
                ((party_id, nonces), public)
            })
            .unzip()
    }

    /// Signature shares for every party this signer speaks for. Consumes the
    /// nonces from [`SignerKeys::generate_nonces`].
    pub fn sign(
        &self,
        session: &SigningSession,
        nonces: Vec<(u32, SigningNonces)>,
    ) -> Result<Vec<SignatureShare>, SigningError> {
        nonces.into_iter().map(|(party_id, n)| session.sign_share(party_id, &self.key_shares, n)).collect()
    }
}
