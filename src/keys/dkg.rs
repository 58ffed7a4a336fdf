//! A signer's side of distributed key generation (Pedersen DKG with proofs of
//! possession, FROST §5.1), with encrypted shares and verifiable complaints.
//!
//! Round 1: [`SignerKeys::start_dkg`] publishes commitments, proofs of
//! possession and a fresh key-exchange key. Round 2:
//! [`SignerKeys::encrypt_shares`] sends every other signer its shares,
//! encrypted. End: [`SignerKeys::finish_dkg`] checks it all and either stores
//! the key shares or returns failures that carry evidence a third party can
//! check with [`crate::blame`].

use std::collections::{BTreeMap, BTreeSet};

use rand_core::{CryptoRng, RngCore};

use super::{DkgSecrets, SignerKeys};
use crate::{
    config::Dealing,
    crypto::{
        dh_tuple::{TupleContext, TupleProof},
        encryption::{self, CipherContext, KexKeyPair},
        polynomial::{PolyCommitment, Polynomial},
        proof_of_possession::ProofOfPossession,
        secret::SecretScalar,
        share_verify,
        signing::GroupPublicKeys,
        small_horner::Evaluator,
        KeyId, Point, Scalar, SignerId,
    },
    net::{
        kex_context, poly_context, BadShareEvidence, DkgFailure, DkgPrivateShares, DkgPublicShares, RecipientShares,
        SharePayload,
    },
};

/// Every dealer's public shares, and the shares each dealt this signer.
struct Dealt<'a> {
    public: BTreeMap<SignerId, &'a DkgPublicShares>,
    shares: BTreeMap<SignerId, Vec<SecretScalar>>,
}

impl SignerKeys {
    /// Round 1: fresh polynomials and key-exchange key for `dkg_id`.
    pub fn start_dkg<R: RngCore + CryptoRng>(&mut self, dkg_id: u64, rng: &mut R) -> DkgPublicShares {
        let t = self.config.threshold as usize;
        let polynomials: Vec<Polynomial> =
            (0..self.config.polynomials_of(self.signer_id)).map(|_| Polynomial::random(t, rng)).collect();
        let (secrets, public) = commit_dealing(dkg_id, self.signer_id, polynomials, rng);
        self.dkg = Some(secrets);
        public
    }

    /// Round 2: encrypt shares to every other signer whose (verified)
    /// key-exchange key is in `peers`. Returns `None` before `start_dkg`.
    pub fn encrypt_shares<R: RngCore + CryptoRng>(
        &self,
        peers: &BTreeMap<SignerId, DkgPublicShares>,
        rng: &mut R,
    ) -> Option<DkgPrivateShares> {
        self.encrypt_altered_shares(peers, rng, |_, _| {})
    }

    /// [`SignerKeys::encrypt_shares`], letting `alter` change each recipient's
    /// plaintext shares first. Only adversary simulations and tests want this.
    pub fn encrypt_altered_shares<R: RngCore + CryptoRng>(
        &self,
        peers: &BTreeMap<SignerId, DkgPublicShares>,
        rng: &mut R,
        mut alter: impl FnMut(SignerId, &mut Vec<SecretScalar>),
    ) -> Option<DkgPrivateShares> {
        Some(encrypt_dealt(&self.config, self.signer_id, self.dkg.as_ref()?, peers, rng, &mut alter))
    }

    /// The evidence for a `BadPrivateShares` claim against `sender`: the
    /// shared key with that one sender and its tuple proof. Returns `None`
    /// before `start_dkg`.
    pub fn bad_share_evidence<R: RngCore + CryptoRng>(
        &self,
        sender: &DkgPublicShares,
        rng: &mut R,
    ) -> Option<BadShareEvidence> {
        Some(self.evidence_against(self.dkg.as_ref()?, sender, rng))
    }

    fn evidence_against<R: RngCore + CryptoRng>(
        &self,
        secrets: &DkgSecrets,
        sender: &DkgPublicShares,
        rng: &mut R,
    ) -> BadShareEvidence {
        evidence_against(self.signer_id, secrets, sender, rng)
    }

    /// End of DKG: check every dealer's public shares and the private shares
    /// sent to this signer, then keep the key shares.
    ///
    /// `public` and `private` hold the packets of the `dealers` (this signer
    /// included for `public`); public shares may be pruned. `aggregate_rest`
    /// is `[A_1, …, A_{t-1}]` summed over every dealer's polynomials (from the
    /// coordinator, or [`super::aggregate_rest`] over full commitments). On
    /// failure, nothing is stored and every failure found is returned, each
    /// naming the signers it blames.
    pub fn finish_dkg<R: RngCore + CryptoRng>(
        &mut self,
        dealers: &BTreeSet<SignerId>,
        public: &BTreeMap<SignerId, DkgPublicShares>,
        private: &BTreeMap<SignerId, DkgPrivateShares>,
        aggregate_rest: &[Point],
        rng: &mut R,
    ) -> Result<&GroupPublicKeys, Vec<DkgFailure>> {
        let Some(secrets) = self.dkg.clone() else {
            return Err(vec![DkgFailure::MissingPublicShares(BTreeSet::from([self.signer_id]))]);
        };
        let party = Party { rules: &self.config, me: self.signer_id, my_keys: self.key_ids(), secrets: &secrets };
        let (keys, shares) = party.finish(dealers, public, private, aggregate_rest, rng)?;
        self.key_shares = shares;
        self.dkg = None;
        Ok(self.public_keys.insert(keys))
    }
}

/// One participant's view of a dealing (a DKG or a reshare): the rules, who
/// it is, the key ids it receives shares for, and its secrets for the attempt.
pub(super) struct Party<'a, D: Dealing> {
    pub rules: &'a D,
    pub me: SignerId,
    pub my_keys: &'a [KeyId],
    pub secrets: &'a DkgSecrets,
}

impl<D: Dealing> Party<'_, D> {
    /// Check every dealer's public shares and the private shares sent to us,
    /// then sum our shares and check them against the summed commitment
    /// (each dealer's constant term, and `aggregate_rest`).
    pub fn finish<R: RngCore + CryptoRng>(
        &self,
        dealers: &BTreeSet<SignerId>,
        public: &BTreeMap<SignerId, DkgPublicShares>,
        private: &BTreeMap<SignerId, DkgPrivateShares>,
        aggregate_rest: &[Point],
        rng: &mut R,
    ) -> Result<(GroupPublicKeys, BTreeMap<KeyId, SecretScalar>), Vec<DkgFailure>> {
        let public = self.checked_public(dealers, public)?;
        let dealt = Dealt { shares: self.decrypt_dealt(&public, private, rng)?, public };
        let keys = GroupPublicKeys::from_parts(
            dealt.public.values().flat_map(|p| p.commitments.iter().map(PolyCommitment::constant)),
            aggregate_rest,
        );
        let n = self.my_keys.len();
        let summed_shares: Vec<Scalar> = (0..n).map(|i| summed(&dealt.shares, i, n)).collect();
        let t = self.rules.dealing_threshold();
        if keys.threshold() != t
            || !share_verify::verify_summed(self.my_keys, &keys.summed_commitment, &summed_shares, rng)
        {
            let evidence = dealt
                .public
                .iter()
                .filter(|(&s, p)| s != self.me && !p.commitments.is_empty())
                .map(|(s, p)| (*s, evidence_against(self.me, self.secrets, p, rng)))
                .collect();
            return Err(vec![DkgFailure::BadShareSum(evidence)]);
        }
        let shares = self.my_keys.iter().zip(summed_shares).map(|(&k, x)| (k, SecretScalar::new(x))).collect();
        Ok((keys, shares))
    }

    /// Every dealer's public shares, present and well formed for this attempt.
    fn checked_public<'a>(
        &self,
        dealers: &BTreeSet<SignerId>,
        public: &'a BTreeMap<SignerId, DkgPublicShares>,
    ) -> Result<BTreeMap<SignerId, &'a DkgPublicShares>, Vec<DkgFailure>> {
        let missing: BTreeSet<SignerId> = dealers.iter().filter(|s| !public.contains_key(s)).copied().collect();
        let found: BTreeMap<SignerId, &DkgPublicShares> =
            dealers.iter().filter_map(|s| Some((*s, public.get(s)?))).collect();
        let mut bad: BTreeSet<SignerId> = found
            .values()
            .filter(|p| p.dkg_id != self.secrets.dkg_id || p.verify_proofs(self.rules).is_err())
            .map(|p| p.signer_id)
            .collect();
        // A reshare's constant terms, every dealer's in one check.
        let constants = found
            .values()
            .filter(|p| !bad.contains(&p.signer_id))
            .filter_map(|p| Some((p.signer_id, p.commitments.first()?.constant())))
            .collect();
        bad.extend(self.rules.check_constants(&constants).err().unwrap_or_default());
        let failures = [
            (!missing.is_empty()).then_some(DkgFailure::MissingPublicShares(missing)),
            (!bad.is_empty()).then_some(DkgFailure::BadPublicShares(bad)),
        ];
        ok_unless(failures, found)
    }

    /// Decrypt what every dealer sent us (our own shares we compute).
    fn decrypt_dealt<R: RngCore + CryptoRng>(
        &self,
        public: &BTreeMap<SignerId, &DkgPublicShares>,
        private: &BTreeMap<SignerId, DkgPrivateShares>,
        rng: &mut R,
    ) -> Result<BTreeMap<SignerId, Vec<SecretScalar>>, Vec<DkgFailure>> {
        let (secrets, dkg_id, me) = (self.secrets, self.secrets.dkg_id, self.me);
        let mut received = BTreeMap::new();
        let mut missing = BTreeSet::new();
        let mut bad = BTreeMap::new();
        for (&sender, &sender_public) in public {
            if sender == me {
                let evaluators: Vec<Evaluator> = secrets.polynomials.iter().map(Polynomial::evaluator).collect();
                received.insert(sender, shares_for(self.my_keys, &evaluators));
                continue;
            }
            if sender_public.commitments.is_empty() {
                continue; // a reshare's recipient that deals nothing
            }
            let Some(ciphertext) =
                private.get(&sender).filter(|p| p.dkg_id == dkg_id).and_then(|p| p.ciphertext_for(me))
            else {
                missing.insert(sender);
                continue;
            };
            let ctx = CipherContext { dkg_id, sender, recipient: me };
            let key = encryption::derive_key(&secrets.kex.shared_point(&sender_public.kex_public), &ctx);
            let count = self.rules.polynomials_of(sender) * self.my_keys.len();
            match encryption::decrypt_shares(&key, &ctx, ciphertext, count) {
                Ok(shares) => {
                    received.insert(sender, shares);
                }
                Err(_) => {
                    bad.insert(sender, evidence_against(me, secrets, sender_public, rng));
                }
            }
        }
        let failures = [
            (!missing.is_empty()).then_some(DkgFailure::MissingPrivateShares(missing)),
            (!bad.is_empty()).then_some(DkgFailure::BadPrivateShares(bad)),
        ];
        ok_unless(failures, received)
    }
}

/// Round 1 of a dealing: commit to `polynomials` with proofs of possession,
/// and make a fresh key-exchange key.
pub(super) fn commit_dealing<R: RngCore + CryptoRng>(
    dkg_id: u64,
    me: SignerId,
    polynomials: Vec<Polynomial>,
    rng: &mut R,
) -> (DkgSecrets, DkgPublicShares) {
    let commitments = polynomials
        .iter()
        .enumerate()
        .map(|(i, p)| PolyCommitment::new(p, &poly_context(dkg_id, me, i), rng))
        .collect();
    let kex = KexKeyPair::generate(rng);
    let kex_proof = ProofOfPossession::prove(&kex.secret, &kex.public, &kex_context(dkg_id, me), rng);
    let public = DkgPublicShares { dkg_id, signer_id: me, commitments, kex_public: kex.public, kex_proof };
    (DkgSecrets { dkg_id, polynomials, kex }, public)
}

/// The plaintext shares a dealer deals to `keys`, polynomial by polynomial.
fn shares_for(keys: &[KeyId], polynomials: &[Evaluator]) -> Vec<SecretScalar> {
    polynomials.iter().flat_map(|p| p.evaluate_many(keys)).collect()
}

/// Round 2 of a dealing: `me`'s shares encrypted to every other recipient
/// among `peers` (those the rules give key ids), each first passed to `alter`.
pub(super) fn encrypt_dealt<R: RngCore + CryptoRng>(
    rules: &impl Dealing,
    me: SignerId,
    secrets: &DkgSecrets,
    peers: &BTreeMap<SignerId, DkgPublicShares>,
    rng: &mut R,
    alter: &mut impl FnMut(SignerId, &mut Vec<SecretScalar>),
) -> DkgPrivateShares {
    let evaluators: Vec<Evaluator> = secrets.polynomials.iter().map(Polynomial::evaluator).collect();
    let shares = peers
        .iter()
        .filter(|(&id, _)| id != me && !rules.recipient_key_ids(id).is_empty())
        .map(|(&recipient, public)| {
            let ctx = CipherContext { dkg_id: secrets.dkg_id, sender: me, recipient };
            let key = encryption::derive_key(&secrets.kex.shared_point(&public.kex_public), &ctx);
            let mut plaintext = shares_for(rules.recipient_key_ids(recipient), &evaluators);
            alter(recipient, &mut plaintext);
            let ciphertext = encryption::encrypt_shares(&key, &ctx, &plaintext, rng);
            RecipientShares { recipient, payload: SharePayload::Ciphertext(ciphertext) }
        })
        .collect();
    DkgPrivateShares { dkg_id: secrets.dkg_id, signer_id: me, shares }
}

/// The ECDH key `me` shares with `sender` and its DH-tuple proof.
pub(super) fn evidence_against<R: RngCore + CryptoRng>(
    me: SignerId,
    secrets: &DkgSecrets,
    sender: &DkgPublicShares,
    rng: &mut R,
) -> BadShareEvidence {
    let ctx = TupleContext { dkg_id: secrets.dkg_id, prover: me, other: sender.signer_id };
    let (shared_key, proof) = TupleProof::prove(&secrets.kex.secret, &sender.kex_public, &ctx, rng);
    BadShareEvidence { shared_key, proof }
}

/// `value`, unless some failure was found.
fn ok_unless<T>(failures: [Option<DkgFailure>; 2], value: T) -> Result<T, Vec<DkgFailure>> {
    let failures: Vec<DkgFailure> = failures.into_iter().flatten().collect();
    if failures.is_empty() {
        Ok(value)
    } else {
        Err(failures)
    }
}

/// The sum over dealers of the shares for our `index`-th key id (each
/// dealer's shares run polynomial by polynomial, `keys` per polynomial).
fn summed(shares: &BTreeMap<SignerId, Vec<SecretScalar>>, index: usize, keys: usize) -> Scalar {
    shares
        .values()
        .flat_map(|s| s.iter().skip(index).step_by(keys.max(1)))
        .fold(Scalar::from(0), |acc, s| acc + s.expose())
}
