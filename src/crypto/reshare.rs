//! Refresh and reshare of a weighted group key, without changing it.
//!
//! **Refresh** (proactive secret sharing: Herzberg, Jarecki, Krawczyk and
//! Yung, CRYPTO 1995; ZF frost-core `keys::refresh`). Every dealer deals a
//! polynomial `h_d` of the same degree with `h_d(0) = 0` and commitment
//! `[O, H_1, …]`; key id k's new share is `x_k + Σ_d h_d(k)`. The new
//! polynomial `f + Σ h_d` has the same constant `f(0)` and degree, so the group
//! key and the threshold hold; old and new shares lie on different polynomials,
//! so mixing them interpolates garbage.
//!
//! **Reshare** (verifiable secret redistribution: Desmedt and Jajodia 1997;
//! Wong, Wang and Wing 2002), made weighted. A set D of old signers whose key
//! ids S reach the old threshold t deals; with `λ_k` the Lagrange coefficients
//! at zero over S, dealer d's secret is `a_d = Σ_{k∈K_d} λ_k x_k`, so
//! `Σ_d a_d = f(0)`. It deals `g_d` of the new degree t′−1 with `g_d(0) = a_d`
//! to the new key ids. Its constant-term commitment must equal
//! `Σ_{k∈K_d} λ_k X_k` over the old public key shares `X_k`: anyone holding
//! the old group's public data checks it ([`check_commitment`]), so
//! `Σ_d G_{d,0} = Y` and the group key holds. New shares are
//! `x′_k = Σ_d g_d(k)`, checked like DKG shares (summed and batched,
//! [`super::share_verify`]). The new polynomial `Σ_d g_d` has degree exactly
//! t′−1 as long as one dealer is honest (its top coefficient is random), so t′
//! new key ids sign and fewer learn nothing. Removed signers' old shares are
//! points of `f`, unrelated to `Σ g_d` except at zero: useless with new ones.
//! As frost's book warns, t old shares kept together still rebuild `f(0)`,
//! so old shares must be deleted once the new epoch is confirmed.
//!
//! Every secret here is a scalar sum of products (constant time in
//! libsecp256k1) or goes through [`Polynomial::commit`].

use std::collections::BTreeMap;

use rand_chacha::ChaCha20Rng;
use rand_core::{CryptoRng, RngCore, SeedableRng};
use serde::{Deserialize, Serialize};

use super::{
    hash::TaggedHash,
    is_identity,
    lagrange::{self, LagrangeError},
    polynomial::Polynomial,
    secret::SecretScalar,
    share_verify::DealtShares,
    signing::GroupPublicKeys,
    KeyId, Point, Scalar, SignerId,
};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReshareError {
    #[error("the dealers hold {have} key ids, below the old threshold {threshold}")]
    BelowThreshold { have: usize, threshold: usize },
    #[error(transparent)]
    KeyIds(#[from] LagrangeError),
    #[error("signer {0} is not a dealer")]
    UnknownDealer(SignerId),
    #[error("dealer {0} holds no key ids")]
    NoKeyIds(SignerId),
    #[error("no share for key id {0}")]
    MissingShare(KeyId),
    #[error("the threshold must be at least 1")]
    ZeroThreshold,
    #[error("commitment has {got} coefficients, expected {expected}")]
    WrongLength { expected: usize, got: usize },
    #[error("coefficient {0} of the commitment is the identity")]
    IdentityCoefficient(usize),
    #[error("the constant term is not the one the old public key shares fix")]
    WrongConstant,
    #[error("the new key ids must be exactly 1..=n, each held once, with the new threshold at most n")]
    BadRecipients,
}

/// The old signers that deal a reshare, their key ids, and the Lagrange
/// coefficients at zero over all of them. Saved as the dealers and the old
/// threshold; the coefficients are computed again (and checked) on loading.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(into = "DealerSetParts", try_from = "DealerSetParts")]
pub struct DealerSet {
    dealers: BTreeMap<SignerId, Vec<KeyId>>,
    old_threshold: usize,
    lambdas: BTreeMap<KeyId, Scalar>,
}

#[derive(Serialize, Deserialize)]
struct DealerSetParts {
    dealers: BTreeMap<SignerId, Vec<KeyId>>,
    old_threshold: usize,
}

impl From<DealerSet> for DealerSetParts {
    fn from(d: DealerSet) -> Self {
        DealerSetParts { dealers: d.dealers, old_threshold: d.old_threshold }
    }
}

impl TryFrom<DealerSetParts> for DealerSet {
    type Error = ReshareError;

    fn try_from(p: DealerSetParts) -> Result<Self, ReshareError> {
        DealerSet::new(p.dealers, p.old_threshold)
    }
}

impl DealerSet {
    /// Dealers whose key ids together reach `old_threshold`.
    pub fn new(dealers: BTreeMap<SignerId, Vec<KeyId>>, old_threshold: usize) -> Result<Self, ReshareError> {
        if let Some((&d, _)) = dealers.iter().find(|(_, k)| k.is_empty()) {
            return Err(ReshareError::NoKeyIds(d));
        }
        let all: Vec<KeyId> = dealers.values().flatten().copied().collect();
        if all.len() < old_threshold.max(1) {
            return Err(ReshareError::BelowThreshold { have: all.len(), threshold: old_threshold });
        }
        let lambdas = all.iter().copied().zip(lagrange::coefficients(&all, &all)?).collect();
        Ok(DealerSet { dealers, old_threshold, lambdas })
    }

    pub fn dealers(&self) -> impl Iterator<Item = SignerId> + '_ {
        self.dealers.keys().copied()
    }

    pub fn key_ids(&self, dealer: SignerId) -> Result<&[KeyId], ReshareError> {
        self.dealers.get(&dealer).map(Vec::as_slice).ok_or(ReshareError::UnknownDealer(dealer))
    }

    fn lambdas_of(&self, dealer: SignerId) -> Result<(&[KeyId], Vec<Scalar>), ReshareError> {
        let keys = self.key_ids(dealer)?;
        let lambdas = keys.iter().map(|k| self.lambdas.get(k).copied().ok_or(ReshareError::MissingShare(*k)));
        Ok((keys, lambdas.collect::<Result<_, _>>()?))
    }

    /// `a_d = Σ_{k∈K_d} λ_k x_k`: the dealer's part of the old secret.
    pub fn dealer_secret(
        &self,
        dealer: SignerId,
        shares: &BTreeMap<KeyId, SecretScalar>,
    ) -> Result<SecretScalar, ReshareError> {
        let (keys, lambdas) = self.lambdas_of(dealer)?;
        let mut secret = SecretScalar::new(Scalar::from(0));
        for (k, l) in keys.iter().zip(&lambdas) {
            let x = shares.get(k).ok_or(ReshareError::MissingShare(*k))?;
            secret = SecretScalar::new(secret.expose() + l * x.expose());
        }
        Ok(secret)
    }

    /// `Σ_{k∈K_d} λ_k X_k`: what the dealer's constant-term commitment must
    /// be, from the old group's public data alone.
    pub fn expected_constant(&self, dealer: SignerId, old: &GroupPublicKeys) -> Result<Point, ReshareError> {
        let (keys, lambdas) = self.lambdas_of(dealer)?;
        Ok(old.weighted_key(keys, &lambdas))
    }

    /// Check the constant terms of the given dealers at once: with weights
    /// `r_d` hashed from all of them, `Σ_d r_d·A_{d,0} = Σ_j C_j·Σ_{k} r_{d(k)} λ_k k^j`,
    /// one multi-scalar multiplication of `t + D` points instead of one of
    /// `t` per dealer. Only if that fails is each dealer checked alone; the
    /// error names every dealer whose constant term is wrong (or who is not
    /// a dealer), never another.
    pub fn check_constants(
        &self,
        old: &GroupPublicKeys,
        constants: &BTreeMap<SignerId, Point>,
    ) -> Result<(), Vec<SignerId>> {
        if constants.is_empty() {
            return Ok(());
        }
        let strangers: Vec<SignerId> = constants.keys().copied().filter(|d| !self.dealers.contains_key(d)).collect();
        if !strangers.is_empty() {
            return Err(strangers);
        }
        let seed =
            constants.iter().fold(TaggedHash::new("wsts-web/v1/reshare-constants"), |h, (d, a)| h.u32(*d).point(a));
        let mut rng = ChaCha20Rng::from_seed(seed.finish());
        let (mut key_ids, mut weights, mut scalars, mut points) = (vec![], vec![], vec![], vec![]);
        for (&d, a) in constants {
            let r = Scalar::random(&mut rng);
            let (keys, lambdas) = self.lambdas_of(d).map_err(|_| vec![d])?;
            key_ids.extend_from_slice(keys);
            weights.extend(lambdas.iter().map(|l| r * l));
            scalars.push(-r);
            points.push(*a);
        }
        let mut w = super::small_horner::weighted_power_sums(&key_ids, &weights, old.threshold());
        w.extend(scalars);
        points.splice(0..0, old.summed_commitment.iter().copied());
        if is_identity(&super::msm(&w, &points)) {
            return Ok(());
        }
        let bad: Vec<SignerId> = constants
            .iter()
            .filter(|(&d, a)| self.expected_constant(d, old).ok() != Some(**a))
            .map(|(d, _)| *d)
            .collect();
        if bad.is_empty() {
            Ok(())
        } else {
            Err(bad)
        }
    }

    /// The dealer's polynomial for a new threshold: `g_d(0) = a_d`.
    pub fn deal<R: RngCore + CryptoRng>(
        &self,
        dealer: SignerId,
        shares: &BTreeMap<KeyId, SecretScalar>,
        new_threshold: usize,
        rng: &mut R,
    ) -> Result<Polynomial, ReshareError> {
        if new_threshold == 0 {
            return Err(ReshareError::ZeroThreshold);
        }
        Ok(Polynomial::with_constant(self.dealer_secret(dealer, shares)?, new_threshold, rng))
    }
}

/// A refresh dealer's polynomial: zero constant term, same threshold.
pub fn deal_refresh<R: RngCore + CryptoRng>(threshold: usize, rng: &mut R) -> Result<Polynomial, ReshareError> {
    if threshold == 0 {
        return Err(ReshareError::ZeroThreshold);
    }
    Ok(Polynomial::with_constant(SecretScalar::new(Scalar::from(0)), threshold, rng))
}

/// The public check of a reshare or refresh dealer's commitment: `threshold`
/// coefficients, the constant term equal to `expected` (the identity for a
/// refresh, [`DealerSet::expected_constant`] for a reshare), and no other
/// coefficient the identity (so the top one keeps the degree).
pub fn check_commitment(commitment: &[Point], threshold: usize, expected: &Point) -> Result<(), ReshareError> {
    if commitment.len() != threshold {
        return Err(ReshareError::WrongLength { expected: threshold, got: commitment.len() });
    }
    if let Some(i) = commitment.iter().skip(1).position(is_identity) {
        return Err(ReshareError::IdentityCoefficient(i + 1));
    }
    match commitment.first() {
        Some(c) if c == expected || (is_identity(c) && is_identity(expected)) => Ok(()),
        _ => Err(ReshareError::WrongConstant),
    }
}

/// `[Σ_d A_{d,0}, …, Σ_d A_{d,t-1}]`, or `None` if a commitment has another length.
pub fn sum_commitments<'a>(commitments: impl IntoIterator<Item = &'a [Point]>, threshold: usize) -> Option<Vec<Point>> {
    let mut sum = vec![Point::identity(); threshold];
    for c in commitments {
        if c.len() != threshold {
            return None;
        }
        for (acc, a) in sum.iter_mut().zip(c) {
            *acc += a;
        }
    }
    Some(sum)
}

/// The new epoch's public keys after a reshare: the summed commitment, whose
/// constant term is the old group key when every dealer passed
/// [`check_commitment`].
pub fn reshared_keys(summed: Vec<Point>) -> GroupPublicKeys {
    let group_key = summed.first().copied().unwrap_or_else(Point::identity);
    GroupPublicKeys { group_key, summed_commitment: summed }
}

/// The public keys after a refresh: the old summed commitment plus the
/// refresh's (whose constant term is the identity).
pub fn refreshed_keys(old: &GroupPublicKeys, summed: &[Point]) -> Option<GroupPublicKeys> {
    if summed.len() != old.summed_commitment.len() {
        return None;
    }
    let summed_commitment = old.summed_commitment.iter().zip(summed).map(|(a, b)| *a + *b).collect();
    Some(GroupPublicKeys { group_key: old.group_key, summed_commitment })
}

/// `Σ_d s_{d,k}` for each of `key_ids` (in the order of each dealer's
/// `shares`), added to `base` (the old shares in a refresh, none in a reshare).
pub fn sum_shares<D>(
    key_ids: &[KeyId],
    dealt: &[DealtShares<'_, D>],
    base: Option<&BTreeMap<KeyId, SecretScalar>>,
) -> Result<BTreeMap<KeyId, SecretScalar>, ReshareError> {
    let mut out = BTreeMap::new();
    for (i, &k) in key_ids.iter().enumerate() {
        let start = match base {
            Some(old) => *old.get(&k).ok_or(ReshareError::MissingShare(k))?.expose(),
            None => Scalar::from(0),
        };
        let mut sum = SecretScalar::new(start);
        for d in dealt {
            let s = d.shares.get(i).ok_or(ReshareError::MissingShare(k))?;
            sum = SecretScalar::new(sum.expose() + s.expose());
        }
        out.insert(k, sum);
    }
    Ok(out)
}
