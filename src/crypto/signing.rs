//! FROST signing (Komlo and Goldberg, SAC 2020, §5.2; RFC 9591 §5) over
//! weighted key ids, as in WSTS.
//!
//! A *signing party* holds one nonce pair and a set of key ids: in v2 a signer
//! is one party with all its key ids; in v1 every key id is its own party.
//! For parties P with nonces `(D_p, E_p)`:
//!
//! - binding factors `ρ_p = H(p, H(Y, type, m, [(p, K_p, D_p, E_p)]))`,
//! - group commitment `R = Σ_p D_p + ρ_p·E_p`,
//! - challenge `c` (FROST, BIP-340, or BIP-340 under the taproot output key),
//! - share `z_p = ε_R·(d_p + ρ_p·e_p) + c·ε_Y·Σ_{k∈K_p} λ_k·x_k`,
//!
//! where `ε_R, ε_Y ∈ {±1}` make `R` and the verification key even-y for
//! BIP-340. Each share is checked against `Σ_k λ_k·X_k`, computed from the
//! summed DKG commitments, so the aggregator names every bad party.

use std::{collections::BTreeMap, sync::OnceLock};

use rand_core::{CryptoRng, RngCore, SeedableRng};
use serde::{Deserialize, Serialize};

use super::{
    base_mul,
    bip340::{self, Bip340Error, SchnorrSignature},
    encoding::{serde_point, serde_points, serde_scalar},
    hash::{tags, TaggedHash},
    is_identity, lagrange,
    nonce::{PublicNonce, SigningNonces},
    scalar_from_u32,
    secret::SecretScalar,
    KeyId, Point, Scalar,
};

mod across_sessions;
mod session_setup;
mod sig_type;

pub use across_sessions::{bad_claims, Claim};

use session_setup::{binding_factors, index_parties, Challenge};
pub use sig_type::SignatureType;

/// A plain FROST signature.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrostSignature {
    #[serde(with = "serde_point")]
    pub r: Point,
    #[serde(with = "serde_scalar")]
    pub z: Scalar,
}

impl FrostSignature {
    pub fn verify(&self, group_key: &Point, msg: &[u8]) -> bool {
        let c = frost_challenge(&self.r, group_key, msg);
        !is_identity(&self.r) && base_mul(&self.z) == self.r + (group_key * &c)
    }
}

fn frost_challenge(r: &Point, y: &Point, msg: &[u8]) -> Scalar {
    TaggedHash::new(tags::FROST_CHALLENGE).point(r).point(y).var_bytes(msg).finish_scalar()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Signature {
    Frost(FrostSignature),
    /// BIP-340, for both the `Schnorr` and `Taproot` types.
    Schnorr(SchnorrSignature),
}

/// One party's signature share.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignatureShare {
    pub party_id: u32,
    #[serde(with = "serde_scalar")]
    pub z: Scalar,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SigningError {
    #[error("no nonces were given")]
    NoParties,
    #[error("party {0} appears more than once")]
    DuplicateParty(u32),
    #[error("party {0} has no key ids")]
    NoKeyIds(u32),
    #[error(transparent)]
    KeyIds(#[from] lagrange::LagrangeError),
    #[error("the signing set holds {have} key ids, below the threshold {threshold}")]
    BelowThreshold { have: usize, threshold: usize },
    #[error("the group commitment is the identity")]
    IdentityCommitment,
    #[error(transparent)]
    Tweak(#[from] Bip340Error),
    #[error("party {0} is not in this signing session")]
    UnknownParty(u32),
    #[error("party {0}'s nonces do not match its published commitments")]
    NonceMismatch(u32),
    #[error("no signature share from parties {0:?}")]
    MissingShares(Vec<u32>),
    #[error("invalid signature shares from parties {0:?}")]
    BadShares(Vec<u32>),
    #[error("the aggregate signature does not verify")]
    InvalidSignature,
}

/// The public keys that DKG fixed: the group key and the summed commitment
/// `C_j = Σ_d A_{d,j}`, from which `X_k = Σ_j C_j·k^j` for any key id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupPublicKeys {
    #[serde(with = "serde_point")]
    pub group_key: Point,
    #[serde(with = "serde_points")]
    pub summed_commitment: Vec<Point>,
}

impl GroupPublicKeys {
    /// The group key `Σ A_0` from every dealer's constant term, and the rest
    /// of the summed commitment `[Σ A_1, …, Σ A_{t-1}]` as summed already.
    pub fn from_parts(constants: impl IntoIterator<Item = Point>, summed_rest: &[Point]) -> Self {
        let group_key = constants.into_iter().fold(Point::identity(), |acc, a| acc + a);
        let mut summed_commitment = Vec::with_capacity(summed_rest.len() + 1);
        summed_commitment.push(group_key);
        summed_commitment.extend_from_slice(summed_rest);
        GroupPublicKeys { group_key, summed_commitment }
    }

    pub fn threshold(&self) -> usize {
        self.summed_commitment.len()
    }

    /// `X_k`, the public key of one key id.
    pub fn key_share(&self, key_id: KeyId) -> Point {
        super::polynomial::evaluate_commitment(&self.summed_commitment, &scalar_from_u32(key_id))
    }

    /// `Σ_k λ_k·X_k` as one multi-scalar multiplication over `C`:
    /// `Σ_j C_j·(Σ_k λ_k·k^j)`.
    pub fn weighted_key(&self, key_ids: &[KeyId], lambdas: &[Scalar]) -> Point {
        let w = super::small_horner::weighted_power_sums(key_ids, lambdas, self.threshold());
        super::msm(&w, &self.summed_commitment)
    }
}

/// Everything both signers and the aggregator derive from the public signing
/// inputs. Building it validates them.
#[derive(Clone, Debug)]
pub struct SigningSession {
    message: Vec<u8>,
    sig_type: SignatureType,
    parties: BTreeMap<u32, (PublicNonce, Vec<KeyId>)>,
    all_key_ids: Vec<KeyId>,
    binding: BTreeMap<u32, Scalar>,
    /// The group commitment R, made even-y for BIP-340 types.
    commitment: Point,
    nonce_sign: Scalar,
    /// The key signatures verify under: Y, even(Y), or the taproot output key.
    verify_key: Point,
    key_sign: Scalar,
    /// `ε·t` for taproot, added once by the aggregator.
    tweak_term: Scalar,
    challenge: Scalar,
    /// `λ_k` of every key id, computed on first use: an aggregator checking
    /// many parties' shares needs them all, a signer only its own.
    all_lambdas: OnceLock<BTreeMap<KeyId, Scalar>>,
}

impl SigningSession {
    /// `nonces` are the public nonces of every signing party; `party_keys`
    /// gives each party's key ids.
    pub fn new(
        group_key: &Point,
        threshold: usize,
        message: &[u8],
        sig_type: SignatureType,
        nonces: &[PublicNonce],
        party_keys: impl Fn(u32) -> Option<Vec<KeyId>>,
    ) -> Result<Self, SigningError> {
        let parties = index_parties(nonces, party_keys)?;
        let all_key_ids: Vec<KeyId> = parties.values().flat_map(|(_, k)| k.iter().copied()).collect();
        lagrange::validate_set(&all_key_ids)?;
        if all_key_ids.len() < threshold {
            return Err(SigningError::BelowThreshold { have: all_key_ids.len(), threshold });
        }
        let binding = binding_factors(group_key, message, sig_type, &parties);
        let (scalars, points): (Vec<Scalar>, Vec<Point>) =
            parties.iter().flat_map(|(id, (n, _))| [(Scalar::from(1), n.hiding), (binding[id], n.binding)]).unzip();
        let r = super::msm(&scalars, &points);
        if is_identity(&r) {
            return Err(SigningError::IdentityCommitment);
        }
        let Challenge { commitment, nonce_sign, verify_key, key_sign, tweak_term, challenge } =
            Challenge::new(&r, group_key, message, sig_type)?;

        Ok(SigningSession {
            message: message.to_vec(),
            sig_type,
            parties,
            all_key_ids,
            binding,
            commitment,
            nonce_sign,
            verify_key,
            key_sign,
            tweak_term,
            challenge,
            all_lambdas: OnceLock::new(),
        })
    }

    /// The key a finished signature verifies under (x-only for BIP-340 types:
    /// use its x coordinate).
    pub fn verify_key(&self) -> &Point {
        &self.verify_key
    }

    pub fn party_ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.parties.keys().copied()
    }

    fn lambdas(&self, keys: &[KeyId]) -> Vec<Scalar> {
        lagrange::coefficients(&self.all_key_ids, keys).expect("validated when the session was built")
    }

    fn all_lambdas(&self) -> &BTreeMap<KeyId, Scalar> {
        self.all_lambdas.get_or_init(|| self.all_key_ids.iter().copied().zip(self.lambdas(&self.all_key_ids)).collect())
    }

    /// `ε_R·(D + ρ·E)` for one party: its share of the group commitment.
    fn party_commitment(&self, party_id: u32) -> Point {
        let (nonce, _) = &self.parties[&party_id];
        (nonce.hiding + nonce.binding * self.binding[&party_id]) * self.nonce_sign
    }

    /// Make this party's signature share. Consumes the nonces: they can sign
    /// once only.
    pub fn sign_share(
        &self,
        party_id: u32,
        key_shares: &BTreeMap<KeyId, SecretScalar>,
        nonces: SigningNonces,
    ) -> Result<SignatureShare, SigningError> {
        let (public, keys) = self.parties.get(&party_id).ok_or(SigningError::UnknownParty(party_id))?;
        if nonces.public(party_id) != *public {
            return Err(SigningError::NonceMismatch(party_id));
        }
        let lambdas = self.lambdas(keys);
        let mut weighted_secret = Scalar::from(0);
        for (k, l) in keys.iter().zip(&lambdas) {
            let x = key_shares.get(k).ok_or(SigningError::UnknownParty(party_id))?;
            weighted_secret += l * x.expose();
        }
        let nonce_part = nonces.hiding.expose() + (self.binding[&party_id] * nonces.binding.expose());
        let z = self.nonce_sign * nonce_part + self.challenge * self.key_sign * weighted_secret;
        Ok(SignatureShare { party_id, z })
    }

    /// `z_p·G = ε_R·(D_p + ρ_p·E_p) + c·ε_Y·Σ_k λ_k·X_k`.
    pub fn verify_share(&self, share: &SignatureShare, keys: &GroupPublicKeys) -> bool {
        let Some((_, party_keys)) = self.parties.get(&share.party_id) else { return false };
        let weighted = keys.weighted_key(party_keys, &self.lambdas(party_keys));
        base_mul(&share.z) == self.party_commitment(share.party_id) + weighted * (self.challenge * self.key_sign)
    }

    /// Check many shares at once: with random `a_p`,
    /// `(Σ a_p·z_p)·G = Σ a_p·ε_R·(D_p + ρ_p·E_p) + c·ε_Y·Σ_j C_j·u_j`, where
    /// `u_j = Σ_p a_p Σ_{k∈p} λ_k·k^j`: one multi-scalar multiplication of
    /// (2·parties + t + 1) points instead of a t-point one per share. Only if
    /// that fails is each share checked alone; the error names every bad party.
    pub fn verify_shares<R: RngCore + CryptoRng>(
        &self,
        shares: &[SignatureShare],
        keys: &GroupPublicKeys,
        rng: &mut R,
    ) -> Result<(), Vec<u32>> {
        let unknown: Vec<u32> =
            shares.iter().filter(|s| !self.parties.contains_key(&s.party_id)).map(|s| s.party_id).collect();
        if !unknown.is_empty() {
            return Err(unknown);
        }
        if self.batch_holds(shares, keys, rng) {
            return Ok(());
        }
        let bad: Vec<u32> = shares.iter().filter(|s| !self.verify_share(s, keys)).map(|s| s.party_id).collect();
        if bad.is_empty() {
            // Unreachable except with negligible probability: the batch is
            // implied by the individual checks.
            Ok(())
        } else {
            Err(bad)
        }
    }

    /// The batch above: [`across_sessions`]'s check over one session.
    fn batch_holds<R: RngCore + CryptoRng>(
        &self,
        shares: &[SignatureShare],
        keys: &GroupPublicKeys,
        rng: &mut R,
    ) -> bool {
        across_sessions::batch_holds(&[Claim { session: self, shares }], &[0], keys, rng)
    }

    /// Check every share, name every bad or missing party, and combine.
    pub fn aggregate(&self, shares: &[SignatureShare], keys: &GroupPublicKeys) -> Result<Signature, SigningError> {
        let by_party: BTreeMap<u32, &SignatureShare> = shares.iter().map(|s| (s.party_id, s)).collect();
        let missing: Vec<u32> = self.parties.keys().filter(|p| !by_party.contains_key(p)).copied().collect();
        if !missing.is_empty() {
            return Err(SigningError::MissingShares(missing));
        }
        // The batch's random weights come from the shares themselves: no
        // signer can aim for a combination it does not know in advance.
        let seed = shares.iter().fold(TaggedHash::new("wsts-web/v1/share-batch").scalar(&self.challenge), |h, s| {
            h.u32(s.party_id).scalar(&s.z)
        });
        let unique: Vec<SignatureShare> = by_party.values().map(|s| (*s).clone()).collect();
        if let Err(mut bad) = self.verify_shares(&unique, keys, &mut rand_chacha::ChaCha20Rng::from_seed(seed.finish()))
        {
            bad.sort_unstable();
            return Err(SigningError::BadShares(bad));
        }
        self.combine(shares)
    }

    /// Combine shares already checked with [`SigningSession::verify_share`]:
    /// sum them and verify the finished signature, without re-checking each.
    pub fn combine(&self, shares: &[SignatureShare]) -> Result<Signature, SigningError> {
        let by_party: BTreeMap<u32, &SignatureShare> = shares.iter().map(|s| (s.party_id, s)).collect();
        if by_party.len() != self.parties.len() || by_party.keys().any(|p| !self.parties.contains_key(p)) {
            let missing: Vec<u32> = self.parties.keys().filter(|p| !by_party.contains_key(p)).copied().collect();
            return Err(SigningError::MissingShares(missing));
        }
        let z = by_party.values().fold(self.challenge * self.tweak_term, |acc, s| acc + s.z);
        let signature = match self.sig_type {
            SignatureType::Frost => Signature::Frost(FrostSignature { r: self.commitment, z }),
            SignatureType::Schnorr | SignatureType::Taproot { .. } => {
                let mut sig = [0u8; 64];
                sig[..32].copy_from_slice(&bip340::x_only(&self.commitment));
                sig[32..].copy_from_slice(&z.to_bytes());
                Signature::Schnorr(SchnorrSignature(sig))
            }
        };
        if !verify_signature(&signature, &self.verify_key, &self.message) {
            return Err(SigningError::InvalidSignature);
        }
        Ok(signature)
    }
}

/// Verify a finished signature under the session's verify key.
pub fn verify_signature(signature: &Signature, verify_key: &Point, message: &[u8]) -> bool {
    match signature {
        Signature::Frost(sig) => sig.verify(verify_key, message),
        Signature::Schnorr(sig) => bip340::verify(&bip340::x_only(verify_key), message, sig),
    }
}

/// Hex helpers for signatures, used by tools and bindings.
impl Signature {
    pub fn to_bytes(&self) -> Vec<u8> {
        match self {
            Signature::Frost(s) => [&super::encoding::point_to_bytes(&s.r)[..], &s.z.to_bytes()].concat(),
            Signature::Schnorr(s) => s.0.to_vec(),
        }
    }
}
