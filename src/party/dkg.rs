//! A signer's side of distributed key generation (Pedersen DKG with proofs of
//! possession, FROST §5.1), with encrypted shares and verifiable complaints.
//!
//! Round 1: [`Party::start_dkg`] publishes commitments, proofs of possession and
//! a fresh key-exchange key. Round 2: [`Party::encrypt_shares`] sends every
//! other signer its shares, encrypted. End: [`Party::finish_dkg`] checks it all
//! and either stores the key shares or returns failures that carry evidence a
//! third party can check with [`settle_bad_private_shares`].

use std::collections::{BTreeMap, BTreeSet};

use rand_chacha::ChaCha20Rng;
use rand_core::{CryptoRng, RngCore, SeedableRng};
use serde::{Deserialize, Serialize};

use super::config::Config;
use crate::crypto::{
    dh_tuple::{TupleContext, TupleProof},
    encoding::serde_point,
    encryption::{self, CipherContext, Ciphertext, DecryptError, KexKeyPair},
    hash::TaggedHash,
    nonce::{PublicNonce, SigningNonces},
    polynomial::{self, CommitmentError, PolyCommitment, Polynomial},
    proof_of_possession::{PopContext, PopPurpose, ProofOfPossession},
    secret::SecretScalar,
    share_verify::{self, DealtShares},
    signing::{GroupPublicKeys, SignatureShare, SigningError, SigningSession},
    small_horner::Evaluator,
    KeyId, Point, Scalar, SignerId,
};

/// Round 1: a signer's commitments and key-exchange key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DkgPublicShares {
    pub dkg_id: u64,
    pub signer_id: SignerId,
    /// One per polynomial: one in v2, one per key id in v1.
    pub commitments: Vec<PolyCommitment>,
    #[serde(with = "serde_point")]
    pub kex_public: Point,
    pub kex_proof: ProofOfPossession,
}

/// Shares for one recipient: for each of the sender's polynomials in order,
/// the evaluation at each of the recipient's key ids in ascending order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptedShares {
    pub recipient: SignerId,
    pub ciphertext: Ciphertext,
}

/// Round 2: a signer's encrypted shares for every other signer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DkgPrivateShares {
    pub dkg_id: u64,
    pub signer_id: SignerId,
    pub shares: Vec<EncryptedShares>,
}

impl DkgPrivateShares {
    pub fn for_recipient(&self, recipient: SignerId) -> Option<&Ciphertext> {
        self.shares.iter().find(|s| s.recipient == recipient).map(|s| &s.ciphertext)
    }
}

/// What a recipient reveals to prove a sender's shares bad: the ECDH key for
/// that one pair, with a proof that it is the right one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BadShareEvidence {
    #[serde(with = "serde_point")]
    pub shared_key: Point,
    pub proof: TupleProof,
}

/// Why a signer could not finish DKG, naming the signers it blames.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum DkgFailure {
    MissingPublicShares(BTreeSet<SignerId>),
    BadPublicShares(BTreeSet<SignerId>),
    MissingPrivateShares(BTreeSet<SignerId>),
    /// Shares from these senders fail to decrypt, or (settled against each
    /// one's full commitment) fail it.
    BadPrivateShares(BTreeMap<SignerId, BadShareEvidence>),
    /// Every share decrypted but their sum fails the summed commitment: some
    /// sender's shares are bad. Only a signer with every full commitment can
    /// say whose, so this carries the evidence against every other sender and
    /// the coordinator settles it (see [`settle_bad_share_sum`]).
    BadShareSum(BTreeMap<SignerId, BadShareEvidence>),
}

impl DkgPublicShares {
    /// Check that the shares are well formed for `config`: the right number
    /// of commitments of the right length, no identity points, and valid
    /// proofs of possession bound to this DKG and signer.
    ///
    /// A pruned copy is checked as far as it goes (constant terms and
    /// proofs); see [`DkgPublicShares::verify_full`].
    pub fn verify(&self, config: &Config) -> Result<(), CommitmentError> {
        let expected = config.polynomials_of(self.signer_id);
        if self.commitments.len() != expected {
            return Err(CommitmentError::WrongLength { expected, got: self.commitments.len() });
        }
        for (index, c) in self.commitments.iter().enumerate() {
            c.verify(config.threshold as usize, &poly_context(self.dkg_id, self.signer_id, index))?;
        }
        if !self.kex_proof.verify(&self.kex_public, &kex_context(self.dkg_id, self.signer_id)) {
            return Err(CommitmentError::BadProof);
        }
        Ok(())
    }

    /// [`DkgPublicShares::verify`], and every commitment must be full: what the
    /// coordinator requires of the packet a signer sends it.
    pub fn verify_full(&self, config: &Config) -> Result<(), CommitmentError> {
        if self.commitments.iter().any(|c| c.full().is_none()) {
            return Err(CommitmentError::Pruned);
        }
        self.verify(config)
    }

    /// The copy with every commitment pruned to its constant term.
    pub fn pruned(&self) -> DkgPublicShares {
        DkgPublicShares { commitments: self.commitments.iter().map(PolyCommitment::pruned).collect(), ..self.clone() }
    }
}

fn poly_context(dkg_id: u64, signer_id: SignerId, index: usize) -> PopContext {
    PopContext { purpose: PopPurpose::Polynomial, dkg_id, signer_id, index: index as u32 }
}

fn kex_context(dkg_id: u64, signer_id: SignerId) -> PopContext {
    PopContext { purpose: PopPurpose::KeyExchange, dkg_id, signer_id, index: 0 }
}

/// Secrets that live for one DKG round.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct DkgSecrets {
    dkg_id: u64,
    polynomials: Vec<Polynomial>,
    kex: KexKeyPair,
}

/// One signer's key material.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Party {
    config: Config,
    signer_id: SignerId,
    dkg: Option<DkgSecrets>,
    key_shares: BTreeMap<KeyId, SecretScalar>,
    public_keys: Option<GroupPublicKeys>,
}

impl Party {
    pub fn new(config: Config, signer_id: SignerId) -> Result<Self, super::ConfigError> {
        config.validate()?;
        if !config.signers.contains_key(&signer_id) {
            return Err(super::ConfigError::SignerIdsNotContiguous { count: config.num_signers(), missing: signer_id });
        }
        Ok(Party { config, signer_id, dkg: None, key_shares: BTreeMap::new(), public_keys: None })
    }

    pub fn signer_id(&self) -> SignerId {
        self.signer_id
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn key_ids(&self) -> &[KeyId] {
        self.config.key_ids(self.signer_id)
    }

    /// The group's public keys, once DKG has succeeded.
    pub fn public_keys(&self) -> Option<&GroupPublicKeys> {
        self.public_keys.as_ref()
    }

    /// Round 1: fresh polynomials and key-exchange key for `dkg_id`.
    pub fn start_dkg<R: RngCore + CryptoRng>(&mut self, dkg_id: u64, rng: &mut R) -> DkgPublicShares {
        let t = self.config.threshold as usize;
        let polynomials: Vec<Polynomial> =
            (0..self.config.polynomials_of(self.signer_id)).map(|_| Polynomial::random(t, rng)).collect();
        let commitments = polynomials
            .iter()
            .enumerate()
            .map(|(i, p)| PolyCommitment::new(p, &poly_context(dkg_id, self.signer_id, i), rng))
            .collect();
        let kex = KexKeyPair::generate(rng);
        let kex_proof = ProofOfPossession::prove(&kex.secret, &kex.public, &kex_context(dkg_id, self.signer_id), rng);
        let public =
            DkgPublicShares { dkg_id, signer_id: self.signer_id, commitments, kex_public: kex.public, kex_proof };
        self.dkg = Some(DkgSecrets { dkg_id, polynomials, kex });
        public
    }

    fn secrets(&self) -> Option<&DkgSecrets> {
        self.dkg.as_ref()
    }

    /// The plaintext shares this signer deals to `recipient`'s key ids, from
    /// its polynomials' evaluators.
    fn shares_for(&self, polynomials: &[Evaluator], recipient: SignerId) -> Vec<SecretScalar> {
        let keys = self.config.key_ids(recipient);
        polynomials.iter().flat_map(|p| p.evaluate_many(keys)).collect()
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

    /// [`Party::encrypt_shares`], letting `alter` change each recipient's
    /// plaintext shares first. Only adversary simulations and tests want this.
    pub fn encrypt_altered_shares<R: RngCore + CryptoRng>(
        &self,
        peers: &BTreeMap<SignerId, DkgPublicShares>,
        rng: &mut R,
        mut alter: impl FnMut(SignerId, &mut Vec<SecretScalar>),
    ) -> Option<DkgPrivateShares> {
        let secrets = self.secrets()?;
        let evaluators: Vec<Evaluator> = secrets.polynomials.iter().map(Polynomial::evaluator).collect();
        let shares = peers
            .iter()
            .filter(|(&id, _)| id != self.signer_id)
            .map(|(&recipient, public)| {
                let ctx = CipherContext { dkg_id: secrets.dkg_id, sender: self.signer_id, recipient };
                let key = encryption::derive_key(&secrets.kex.shared_point(&public.kex_public), &ctx);
                let mut plaintext = self.shares_for(&evaluators, recipient);
                alter(recipient, &mut plaintext);
                let ciphertext = encryption::encrypt_shares(&key, &ctx, &plaintext, rng);
                EncryptedShares { recipient, ciphertext }
            })
            .collect();
        Some(DkgPrivateShares { dkg_id: secrets.dkg_id, signer_id: self.signer_id, shares })
    }

    /// The evidence for a `BadPrivateShares` claim against `sender`: the
    /// shared key with that one sender and its tuple proof. Returns `None`
    /// before `start_dkg`.
    pub fn bad_share_evidence<R: RngCore + CryptoRng>(
        &self,
        sender: &DkgPublicShares,
        rng: &mut R,
    ) -> Option<BadShareEvidence> {
        Some(self.evidence_against(self.secrets()?, sender, rng))
    }

    fn evidence_against<R: RngCore + CryptoRng>(
        &self,
        secrets: &DkgSecrets,
        sender: &DkgPublicShares,
        rng: &mut R,
    ) -> BadShareEvidence {
        let ctx = TupleContext { dkg_id: secrets.dkg_id, prover: self.signer_id, other: sender.signer_id };
        let (shared_key, proof) = TupleProof::prove(&secrets.kex.secret, &sender.kex_public, &ctx, rng);
        BadShareEvidence { shared_key, proof }
    }

    /// End of DKG: check every participant's public shares and the private
    /// shares sent to this signer, then keep the key shares.
    ///
    /// `public` and `private` hold the packets of the participating signers
    /// (this one included for `public`); public shares may be pruned.
    /// `aggregate_rest` is `[A_1, …, A_{t-1}]` summed over every participant's
    /// polynomials (from the coordinator, or [`aggregate_rest`] over full
    /// commitments). On failure, nothing is stored and every failure found is
    /// returned, each naming the signers it blames.
    pub fn finish_dkg<R: RngCore + CryptoRng>(
        &mut self,
        participants: &BTreeSet<SignerId>,
        public: &BTreeMap<SignerId, DkgPublicShares>,
        private: &BTreeMap<SignerId, DkgPrivateShares>,
        aggregate_rest: &[Point],
        rng: &mut R,
    ) -> Result<&GroupPublicKeys, Vec<DkgFailure>> {
        let Some(secrets) = self.secrets().cloned() else {
            return Err(vec![DkgFailure::MissingPublicShares(BTreeSet::from([self.signer_id]))]);
        };
        let dkg_id = secrets.dkg_id;
        let my_keys = self.key_ids().to_vec();

        let missing_public: BTreeSet<SignerId> =
            participants.iter().filter(|s| !public.contains_key(s)).copied().collect();
        let bad_public: BTreeSet<SignerId> = participants
            .iter()
            .filter_map(|s| public.get(s))
            .filter(|p| p.dkg_id != dkg_id || p.verify(&self.config).is_err())
            .map(|p| p.signer_id)
            .collect();
        let mut failures = Vec::new();
        if !missing_public.is_empty() {
            failures.push(DkgFailure::MissingPublicShares(missing_public));
        }
        if !bad_public.is_empty() {
            failures.push(DkgFailure::BadPublicShares(bad_public));
        }
        if !failures.is_empty() {
            return Err(failures);
        }

        // Decrypt what every other participant sent us.
        let mut received: BTreeMap<SignerId, Vec<SecretScalar>> = BTreeMap::new();
        let mut missing_private = BTreeSet::new();
        let mut bad_private = BTreeMap::new();
        for &sender in participants {
            if sender == self.signer_id {
                let evaluators: Vec<Evaluator> = secrets.polynomials.iter().map(Polynomial::evaluator).collect();
                received.insert(sender, self.shares_for(&evaluators, sender));
                continue;
            }
            let sender_public = &public[&sender];
            let Some(ciphertext) =
                private.get(&sender).filter(|p| p.dkg_id == dkg_id).and_then(|p| p.for_recipient(self.signer_id))
            else {
                missing_private.insert(sender);
                continue;
            };
            let ctx = CipherContext { dkg_id, sender, recipient: self.signer_id };
            let key = encryption::derive_key(&secrets.kex.shared_point(&sender_public.kex_public), &ctx);
            let count = self.config.polynomials_of(sender) * my_keys.len();
            match encryption::decrypt_shares(&key, &ctx, ciphertext, count) {
                Ok(shares) => {
                    received.insert(sender, shares);
                }
                Err(_) => {
                    bad_private.insert(sender, self.evidence_against(&secrets, sender_public, rng));
                }
            }
        }
        if !missing_private.is_empty() {
            failures.push(DkgFailure::MissingPrivateShares(missing_private));
        }
        if !bad_private.is_empty() {
            failures.push(DkgFailure::BadPrivateShares(bad_private));
        }
        if !failures.is_empty() {
            return Err(failures);
        }

        // Every share is in: check their sum against the summed commitment,
        // `[Σ A_0 (from each sender's constant term), aggregate_rest…]`.
        let keys = GroupPublicKeys::from_parts(
            participants.iter().flat_map(|s| public[s].commitments.iter().map(PolyCommitment::constant)),
            aggregate_rest,
        );
        let summed = |i: usize| {
            received
                .values()
                .flat_map(|shares| shares.iter().skip(i).step_by(my_keys.len()))
                .fold(Scalar::from(0), |acc, s| acc + s.expose())
        };
        let summed_shares: Vec<Scalar> = (0..my_keys.len()).map(summed).collect();
        let t = self.config.threshold as usize;
        if keys.threshold() != t || !share_verify::verify_summed(&my_keys, &keys.summed_commitment, &summed_shares, rng)
        {
            let evidence = participants
                .iter()
                .filter(|&&s| s != self.signer_id)
                .map(|s| (*s, self.evidence_against(&secrets, &public[s], rng)))
                .collect();
            return Err(vec![DkgFailure::BadShareSum(evidence)]);
        }

        let key_shares: BTreeMap<KeyId, SecretScalar> =
            my_keys.iter().zip(summed_shares).map(|(&k, x)| (k, SecretScalar::new(x))).collect();
        self.key_shares = key_shares;
        self.dkg = None;
        Ok(self.public_keys.insert(keys))
    }

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
    /// nonces from [`Party::generate_nonces`].
    pub fn sign(
        &self,
        session: &SigningSession,
        nonces: Vec<(u32, SigningNonces)>,
    ) -> Result<Vec<SignatureShare>, SigningError> {
        nonces.into_iter().map(|(party_id, n)| session.sign_share(party_id, &self.key_shares, n)).collect()
    }
}

/// `[A_1, …, A_{t-1}]` summed over the participants' full public shares;
/// `None` if one is pruned or malformed.
pub fn aggregate_rest<'a>(
    config: &Config,
    public: impl IntoIterator<Item = &'a DkgPublicShares>,
) -> Option<Vec<Point>> {
    polynomial::aggregate_rest(public.into_iter().flat_map(|p| &p.commitments), config.threshold as usize)
}

/// The group's public keys from the participants' full public shares.
pub fn group_public_keys<'a>(
    config: &Config,
    public: impl IntoIterator<Item = &'a DkgPublicShares> + Clone,
) -> Option<GroupPublicKeys> {
    let rest = aggregate_rest(config, public.clone())?;
    let constants = public.into_iter().flat_map(|p| p.commitments.iter().map(PolyCommitment::constant));
    Some(GroupPublicKeys::from_parts(constants, &rest))
}

/// Who a settled complaint proves at fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// The accused sent shares that fail to decrypt or fail its commitment.
    AccusedAtFault,
    /// The reporter's evidence is invalid or the shares check out.
    ReporterAtFault,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettleError {
    #[error("the packets are not from the same DKG round")]
    RoundMismatch,
    #[error("the packets are not from the accused and the reporter")]
    WrongSigners,
    #[error("the accused's public shares are malformed: {0}")]
    BadAccusedPublicShares(CommitmentError),
}

/// Settle a `BadPrivateShares` claim by `reporter` against `accused`, from
/// public data only: both signers' public shares (the accused's full), the
/// accused's private shares packet, and the reporter's evidence.
pub fn settle_bad_private_shares(
    config: &Config,
    accused_public: &DkgPublicShares,
    accused_private: &DkgPrivateShares,
    reporter_public: &DkgPublicShares,
    evidence: &BadShareEvidence,
) -> Result<Verdict, SettleError> {
    Ok(match check_dealt_shares(config, accused_public, accused_private, reporter_public, evidence)? {
        DealtCheck::Bad => Verdict::AccusedAtFault,
        DealtCheck::BadProof | DealtCheck::NoCiphertext | DealtCheck::Good => Verdict::ReporterAtFault,
    })
}

/// What the reporter's evidence shows about the shares one sender dealt it.
enum DealtCheck {
    /// The tuple proof fails: the evidence is worthless.
    BadProof,
    /// Nothing was sent: a missing-shares matter, not a bad-shares one.
    NoCiphertext,
    /// The shares fail to decrypt or fail the sender's commitment.
    Bad,
    Good,
}

fn check_dealt_shares(
    config: &Config,
    accused_public: &DkgPublicShares,
    accused_private: &DkgPrivateShares,
    reporter_public: &DkgPublicShares,
    evidence: &BadShareEvidence,
) -> Result<DealtCheck, SettleError> {
    let dkg_id = accused_public.dkg_id;
    if accused_private.dkg_id != dkg_id || reporter_public.dkg_id != dkg_id {
        return Err(SettleError::RoundMismatch);
    }
    let (accused, reporter) = (accused_public.signer_id, reporter_public.signer_id);
    if accused_private.signer_id != accused || accused == reporter {
        return Err(SettleError::WrongSigners);
    }
    accused_public.verify_full(config).map_err(SettleError::BadAccusedPublicShares)?;

    let tuple_ctx = TupleContext { dkg_id, prover: reporter, other: accused };
    if !evidence.proof.verify(&reporter_public.kex_public, &accused_public.kex_public, &evidence.shared_key, &tuple_ctx)
    {
        return Ok(DealtCheck::BadProof);
    }
    let Some(ciphertext) = accused_private.for_recipient(reporter) else { return Ok(DealtCheck::NoCiphertext) };
    let ctx = CipherContext { dkg_id, sender: accused, recipient: reporter };
    let key = encryption::derive_key(&evidence.shared_key, &ctx);
    let keys = config.key_ids(reporter);
    let shares = match encryption::decrypt_shares(&key, &ctx, ciphertext, config.polynomials_of(accused) * keys.len()) {
        Ok(shares) => shares,
        Err(
            DecryptError::Authentication
            | DecryptError::TooShort(_)
            | DecryptError::WrongLength { .. }
            | DecryptError::BadScalar { .. },
        ) => return Ok(DealtCheck::Bad),
    };
    Ok(if shares_check_out(config, accused_public, keys, &shares) { DealtCheck::Good } else { DealtCheck::Bad })
}

/// Do `shares` (for `keys`, polynomial by polynomial) match the dealer's full
/// commitments? One multi-scalar multiplication per polynomial, with a random
/// combination derived from the inputs, so the verdict is deterministic.
fn shares_check_out(config: &Config, dealer: &DkgPublicShares, keys: &[KeyId], shares: &[SecretScalar]) -> bool {
    let mut seed = TaggedHash::new("wsts-web/v1/settle-shares").u64(dealer.dkg_id).u32(dealer.signer_id);
    for s in shares {
        seed = seed.scalar(s.expose());
    }
    let mut rng = ChaCha20Rng::from_seed(seed.finish());
    let dealt: Vec<DealtShares<'_, usize>> = dealer
        .commitments
        .iter()
        .zip(shares.chunks(keys.len()))
        .enumerate()
        .filter_map(|(i, (c, chunk))| Some(DealtShares { dealer: i, commitment: c.full()?, shares: chunk }))
        .collect();
    dealt.len() == dealer.commitments.len()
        && share_verify::verify_shares(keys, config.threshold as usize, &dealt, &mut rng).is_ok()
}

/// The outcome of settling a [`DkgFailure::BadShareSum`] claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SumVerdict {
    /// These senders' shares to the reporter fail to decrypt or fail their commitments.
    SendersAtFault(BTreeSet<SignerId>),
    /// The evidence is incomplete or invalid, or every sender's shares check out.
    ReporterAtFault,
}

/// Settle a `BadShareSum` claim by `reporter`: with the evidence against every
/// other participant, decrypt each one's shares to the reporter and check them
/// against that sender's full commitment. `participants` maps each included
/// signer (the reporter too) to its full public shares and private-shares packet.
pub fn settle_bad_share_sum(
    config: &Config,
    participants: &BTreeMap<SignerId, (&DkgPublicShares, &DkgPrivateShares)>,
    reporter: SignerId,
    evidence: &BTreeMap<SignerId, BadShareEvidence>,
) -> Result<SumVerdict, SettleError> {
    let Some((reporter_public, _)) = participants.get(&reporter) else { return Err(SettleError::WrongSigners) };
    let senders: BTreeSet<SignerId> = participants.keys().copied().filter(|s| *s != reporter).collect();
    if evidence.keys().copied().collect::<BTreeSet<_>>() != senders {
        return Ok(SumVerdict::ReporterAtFault);
    }
    let mut at_fault = BTreeSet::new();
    for (&sender, proof) in evidence {
        let (public, private) = participants[&sender];
        match check_dealt_shares(config, public, private, reporter_public, proof)? {
            DealtCheck::Bad => {
                at_fault.insert(sender);
            }
            DealtCheck::Good => {}
            DealtCheck::BadProof | DealtCheck::NoCiphertext => return Ok(SumVerdict::ReporterAtFault),
        }
    }
    Ok(if at_fault.is_empty() { SumVerdict::ReporterAtFault } else { SumVerdict::SendersAtFault(at_fault) })
}
