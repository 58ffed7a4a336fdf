//! A participant's side of a reshare ([`crate::crypto::reshare`]): the DKG's
//! rounds, packets and checks under a [`ReshareDealing`].
//!
//! An old signer in the dealer set deals one polynomial of the new threshold
//! whose constant term is its Lagrange-weighted part of the old secret (and
//! proves possession of it, as a DKG dealer does); every participant, dealer
//! or joining signer, publishes a key-exchange key. A recipient checks every
//! dealer's constant term against the old public key shares
//! ([`crate::net::DkgPublicShares::verify`] under the dealing), its shares
//! summed and batched against the summed commitment, and ends with the new
//! key shares and public keys, whose group key is the old one. A refresh is a
//! reshare to the same signers, weights and threshold. The old key shares
//! stay where they are ([`SignerKeys`] is not touched) until the caller
//! replaces them with [`SignerKeys::from_shares`].

use std::collections::{BTreeMap, BTreeSet};

use rand_core::{CryptoRng, RngCore};

use super::{
    dkg::{commit_dealing, encrypt_dealt, evidence_against, Party},
    DkgSecrets, SignerKeys,
};
use crate::{
    config::{Config, ConfigError, Dealing, ReshareDealing},
    crypto::{
        reshare::ReshareError, secret::SecretScalar, signing::GroupPublicKeys, KeyId, Point, SignerId,
    },
    net::{BadShareEvidence, DkgFailure, DkgPrivateShares, DkgPublicShares},
};

/// One participant's secrets for a reshare attempt.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ReshareKeys {
    signer_id: SignerId,
    dealing: ReshareDealing,
    secrets: DkgSecrets,
}

/// What a finished reshare gives a recipient.
#[derive(Clone, Debug)]
pub struct Reshared {
    pub public_keys: GroupPublicKeys,
    pub key_shares: BTreeMap<KeyId, SecretScalar>,
}

impl SignerKeys {
    /// Round 1 of a reshare for this old signer: its dealing if it is a
    /// dealer, its key-exchange key in any case.
    pub fn start_reshare<R: RngCore + CryptoRng>(
        &self,
        dkg_id: u64,
        dealing: ReshareDealing,
        rng: &mut R,
    ) -> Result<(ReshareKeys, DkgPublicShares), ReshareError> {
        let polynomials = if dealing.polynomials_of(self.signer_id) > 0 {
            let t = dealing.dealing_threshold();
            vec![dealing.dealers().deal(self.signer_id, &self.key_shares, t, rng)?]
        } else {
            vec![]
        };
        Ok(ReshareKeys::start(dkg_id, self.signer_id, dealing, polynomials, rng))
    }

    /// A signer's keys from the shares a reshare (or a DKG) gave it.
    pub fn from_shares(
        config: Config,
        signer_id: SignerId,
        public_keys: GroupPublicKeys,
        key_shares: BTreeMap<KeyId, SecretScalar>,
    ) -> Result<Self, ConfigError> {
        let mut keys = SignerKeys::new(config, signer_id)?;
        if key_shares.keys().ne(keys.key_ids().iter()) {
            return Err(ConfigError::SignerWithoutKeys(signer_id));
        }
        keys.key_shares = key_shares;
        keys.public_keys = Some(public_keys);
        Ok(keys)
    }
}

impl ReshareKeys {
    /// Round 1 for a signer joining the new set: a key-exchange key only.
    pub fn join<R: RngCore + CryptoRng>(
        dkg_id: u64,
        signer_id: SignerId,
        dealing: ReshareDealing,
        rng: &mut R,
    ) -> (Self, DkgPublicShares) {
        Self::start(dkg_id, signer_id, dealing, vec![], rng)
    }

    fn start<R: RngCore + CryptoRng>(
        dkg_id: u64,
        signer_id: SignerId,
        dealing: ReshareDealing,
        polynomials: Vec<crate::crypto::polynomial::Polynomial>,
        rng: &mut R,
    ) -> (Self, DkgPublicShares) {
        let (secrets, public) = commit_dealing(dkg_id, signer_id, polynomials, rng);
        (ReshareKeys { signer_id, dealing, secrets }, public)
    }

    pub fn dealing(&self) -> &ReshareDealing {
        &self.dealing
    }

    /// Round 2: encrypt this dealer's shares to every other recipient among
    /// `peers`; `None` if this participant deals nothing.
    pub fn encrypt_shares<R: RngCore + CryptoRng>(
        &self,
        peers: &BTreeMap<SignerId, DkgPublicShares>,
        rng: &mut R,
    ) -> Option<DkgPrivateShares> {
        self.encrypt_altered_shares(peers, rng, |_, _| {})
    }

    /// [`ReshareKeys::encrypt_shares`], letting `alter` change each
    /// recipient's plaintext shares first (adversary simulations and tests).
    pub fn encrypt_altered_shares<R: RngCore + CryptoRng>(
        &self,
        peers: &BTreeMap<SignerId, DkgPublicShares>,
        rng: &mut R,
        mut alter: impl FnMut(SignerId, &mut Vec<SecretScalar>),
    ) -> Option<DkgPrivateShares> {
        if self.secrets.polynomials.is_empty() {
            return None;
        }
        Some(encrypt_dealt(&self.dealing, self.signer_id, &self.secrets, peers, rng, &mut alter))
    }

    /// The evidence for a complaint against `sender`'s shares.
    pub fn bad_share_evidence<R: RngCore + CryptoRng>(
        &self,
        sender: &DkgPublicShares,
        rng: &mut R,
    ) -> BadShareEvidence {
        evidence_against(self.signer_id, &self.secrets, sender, rng)
    }

    /// End: check every participant's public shares (dealers' constant terms
    /// against the old public key shares) and the shares dealt to us, as a
    /// DKG does. `participants` are the dealers and recipients whose public
    /// shares are in `public`; every dealer of the dealing must be among them
    /// (the Lagrange coefficients assume all: without one, a new attempt with
    /// a new dealer set is needed). `aggregate_rest` is `[G_1, …, G_{t′-1}]`
    /// summed over the dealers. `None` for a dealer that receives nothing.
    pub fn finish<R: RngCore + CryptoRng>(
        &self,
        participants: &BTreeSet<SignerId>,
        public: &BTreeMap<SignerId, DkgPublicShares>,
        private: &BTreeMap<SignerId, DkgPrivateShares>,
        aggregate_rest: &[Point],
        rng: &mut R,
    ) -> Result<Option<Reshared>, Vec<DkgFailure>> {
        let my_keys = self.dealing.recipient_key_ids(self.signer_id);
        if my_keys.is_empty() {
            return Ok(None);
        }
        let absent: BTreeSet<SignerId> = self.dealing.dealers().dealers().filter(|d| !participants.contains(d)).collect();
        if !absent.is_empty() {
            return Err(vec![DkgFailure::MissingPublicShares(absent)]);
        }
        let party = Party { rules: &self.dealing, me: self.signer_id, my_keys, secrets: &self.secrets };
        let (public_keys, key_shares) = party.finish(participants, public, private, aggregate_rest, rng)?;
        if public_keys.group_key != *self.dealing.group_key() {
            // Unreachable when every dealer's constant term checked out; it
            // proves nothing against anyone, so it accuses no one.
            return Err(vec![DkgFailure::BadPublicShares(BTreeSet::new())]);
        }
        Ok(Some(Reshared { public_keys, key_shares }))
    }
}
