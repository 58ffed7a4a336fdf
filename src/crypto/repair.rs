//! Repair of lost shares by helpers, without any helper learning them: the
//! enrollment protocol of Laing and Stinson's repairable threshold schemes
//! (eprint 2017/1155, §3; ZF frost-core `keys::repairable`), made weighted and
//! publicly checkable.
//!
//! Helpers H (signers) whose key ids S reach the threshold t restore the
//! lost key ids L (disjoint from S). With `λ_k(r)` the Lagrange coefficients
//! at r over S, `f(r) = Σ_{i∈H} ζ_{i,r}` where `ζ_{i,r} = Σ_{k∈K_i} λ_k(r) x_k`.
//!
//! 1. Helper i splits each `ζ_{i,r}` into random pieces `δ_{i,j,r}`, one per
//!    helper j, summing to `ζ_{i,r}`, sends piece j to helper j and publishes
//!    `Δ_{i,j,r} = δ_{i,j,r}·G`. Anyone checks `Σ_j Δ_{i,j,r} = Σ_{k∈K_i}
//!    λ_k(r) X_k` from the old public key shares ([`check_deal`]); helper j
//!    checks its piece against `Δ_{i,j,r}`.
//! 2. Helper j sends `σ_{j,r} = Σ_i δ_{i,j,r}` to the repaired signer.
//! 3. It sums `f(r) = Σ_j σ_{j,r}` and checks each `σ_{j,r}` against
//!    `Σ_i Δ_{i,j,r}` ([`recover`]), so a bad sum names its helper.
//!
//! Every piece a helper receives is uniform and independent of the rest (the
//! sender keeps the other pieces), so helper j's view, and its sum, says
//! nothing of `f(r)`; the published `Δ` reveal only what `X_r` already does.

use std::collections::BTreeMap;

use rand_core::{CryptoRng, RngCore};

use super::{
    base_mul,
    lagrange::{self, LagrangeError},
    scalar_from_u32,
    secret::SecretScalar,
    signing::GroupPublicKeys,
    KeyId, Point, Scalar, SignerId,
};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RepairError {
    #[error("the helpers hold {have} key ids, below the threshold {threshold}")]
    BelowThreshold { have: usize, threshold: usize },
    #[error(transparent)]
    KeyIds(#[from] LagrangeError),
    #[error("no key id to repair, or key id 0")]
    NothingToRepair,
    #[error("key id {0} is both lost and held by a helper")]
    LostHeld(KeyId),
    #[error("signer {0} is not a helper")]
    UnknownHelper(SignerId),
    #[error("no share for key id {0}")]
    MissingShare(KeyId),
    #[error("helpers {0:?} sent pieces or sums that are missing, malformed or wrong")]
    BadHelpers(Vec<SignerId>),
    #[error("the repaired shares do not match the old public key shares (a deal went unchecked)")]
    WrongTotal,
}

/// The helpers of one repair, the key ids it restores, and for each lost key
/// id r the Lagrange coefficients at r over the helpers' key ids.
#[derive(Clone, Debug)]
pub struct RepairSet {
    helpers: BTreeMap<SignerId, Vec<KeyId>>,
    lost: Vec<KeyId>,
    /// `lambdas[r][k] = λ_k(lost[r])`.
    lambdas: Vec<BTreeMap<KeyId, Scalar>>,
}

/// What helper i sends: to each helper j one piece per lost key id, and the
/// public commitments `Δ_{i,j,r}` of all of them.
#[derive(Clone, Debug)]
pub struct RepairDeal {
    pub pieces: BTreeMap<SignerId, Vec<SecretScalar>>,
    pub commitments: BTreeMap<SignerId, Vec<Point>>,
}

impl RepairSet {
    pub fn new(
        helpers: BTreeMap<SignerId, Vec<KeyId>>,
        lost: Vec<KeyId>,
        threshold: usize,
    ) -> Result<Self, RepairError> {
        let all: Vec<KeyId> = helpers.values().flatten().copied().collect();
        if all.len() < threshold.max(1) {
            return Err(RepairError::BelowThreshold { have: all.len(), threshold });
        }
        if lost.is_empty() || lost.contains(&0) {
            return Err(RepairError::NothingToRepair);
        }
        lagrange::validate_set(&lost)?;
        if let Some(&k) = lost.iter().find(|k| all.contains(k)) {
            return Err(RepairError::LostHeld(k));
        }
        let lambdas = lost
            .iter()
            .map(|&r| {
                let l = lagrange::coefficients_at(&all, &all, &scalar_from_u32(r))?;
                Ok(all.iter().copied().zip(l).collect())
            })
            .collect::<Result<_, LagrangeError>>()?;
        Ok(RepairSet { helpers, lost, lambdas })
    }

    pub fn lost(&self) -> &[KeyId] {
        &self.lost
    }

    pub fn helpers(&self) -> impl Iterator<Item = SignerId> + '_ {
        self.helpers.keys().copied()
    }

    fn key_ids(&self, helper: SignerId) -> Result<&[KeyId], RepairError> {
        self.helpers.get(&helper).map(Vec::as_slice).ok_or(RepairError::UnknownHelper(helper))
    }

    /// `λ_k(r)` for the helper's key ids, for each lost r.
    fn lambdas_of(&self, helper: SignerId) -> Result<(&[KeyId], Vec<Vec<Scalar>>), RepairError> {
        let keys = self.key_ids(helper)?;
        let per_lost = self
            .lambdas
            .iter()
            .map(|l| keys.iter().map(|k| l.get(k).copied().ok_or(RepairError::MissingShare(*k))).collect())
            .collect::<Result<_, _>>()?;
        Ok((keys, per_lost))
    }

    /// Step 1 for `helper`: split each `ζ_{i,r}` into pieces for every helper.
    pub fn deal<R: RngCore + CryptoRng>(
        &self,
        helper: SignerId,
        shares: &BTreeMap<KeyId, SecretScalar>,
        rng: &mut R,
    ) -> Result<RepairDeal, RepairError> {
        let (keys, per_lost) = self.lambdas_of(helper)?;
        let mut pieces: BTreeMap<SignerId, Vec<SecretScalar>> = self.helpers().map(|j| (j, Vec::new())).collect();
        for lambdas in &per_lost {
            let mut rest = Scalar::from(0);
            for (k, l) in keys.iter().zip(lambdas) {
                rest += l * shares.get(k).ok_or(RepairError::MissingShare(*k))?.expose();
            }
            // Random pieces for all helpers but the last, which gets the remainder.
            let count = pieces.len();
            for (n, list) in pieces.values_mut().enumerate() {
                let piece = if n + 1 == count { SecretScalar::new(rest) } else { SecretScalar::random(rng) };
                rest = rest - *piece.expose();
                list.push(piece);
            }
        }
        let commitments =
            pieces.iter().map(|(&j, list)| (j, list.iter().map(|p| base_mul(p.expose())).collect())).collect();
        Ok(RepairDeal { pieces, commitments })
    }

    /// `Σ_{k∈K_i} λ_k(r) X_k` for each lost r: what the helper's pieces must
    /// add up to, from public data alone.
    pub fn expected_totals(&self, helper: SignerId, old: &GroupPublicKeys) -> Result<Vec<Point>, RepairError> {
        let (keys, per_lost) = self.lambdas_of(helper)?;
        Ok(per_lost.iter().map(|l| old.weighted_key(keys, l)).collect())
    }

    /// The public check of helper i's deal: a commitment per helper and lost
    /// key id, adding up to [`RepairSet::expected_totals`].
    pub fn check_deal(
        &self,
        helper: SignerId,
        commitments: &BTreeMap<SignerId, Vec<Point>>,
        old: &GroupPublicKeys,
    ) -> Result<(), RepairError> {
        let bad = || RepairError::BadHelpers(vec![helper]);
        let expected = self.expected_totals(helper, old)?;
        if commitments.len() != self.helpers.len()
            || self.helpers().any(|j| commitments.get(&j).map(Vec::len) != Some(self.lost.len()))
        {
            return Err(bad());
        }
        for (r, want) in expected.iter().enumerate() {
            let sum = commitments.values().filter_map(|c| c.get(r)).fold(Point::identity(), |acc, p| acc + p);
            if sum != *want {
                return Err(bad());
            }
        }
        Ok(())
    }

    /// [`RepairSet::check_deal`] for every helper's deal at once: with a
    /// random weight `ρ_i` per helper, `Σ_i ρ_i Σ_j Δ_{i,j,r}` against one
    /// multi-scalar multiplication over the old public keys per lost key id
    /// (instead of one per helper). On failure, checks each deal alone to
    /// name its helpers. The weights are random and the points public, so
    /// variable time is fine here.
    pub fn check_deals<R: RngCore + CryptoRng>(
        &self,
        deals: &BTreeMap<SignerId, BTreeMap<SignerId, Vec<Point>>>,
        old: &GroupPublicKeys,
        rng: &mut R,
    ) -> Result<(), RepairError> {
        let complete = deals.keys().eq(self.helpers.keys())
            && deals.values().all(|d| {
                d.len() == self.helpers.len()
                    && self.helpers().all(|j| d.get(&j).map(Vec::len) == Some(self.lost.len()))
            });
        let weights: Vec<Scalar> = deals.keys().map(|_| *SecretScalar::random(rng).expose()).collect();
        let batch_holds = complete
            && self.lambdas.iter().enumerate().all(|(r, lambdas)| {
                let (mut keys, mut combined) = (Vec::new(), Vec::new());
                for ((helper, _), rho) in deals.iter().zip(&weights) {
                    for k in self.helpers.get(helper).into_iter().flatten() {
                        keys.push(*k);
                        combined.push(rho * lambdas.get(k).copied().unwrap_or_else(|| Scalar::from(0)));
                    }
                }
                let sums: Vec<Point> = deals
                    .values()
                    .map(|d| d.values().filter_map(|c| c.get(r)).fold(Point::identity(), |acc, p| acc + p))
                    .collect();
                super::msm(&weights, &sums) == old.weighted_key(&keys, &combined)
            });
        if batch_holds {
            return Ok(());
        }
        let bad: Vec<SignerId> =
            self.helpers().filter(|h| deals.get(h).is_none_or(|d| self.check_deal(*h, d, old).is_err())).collect();
        Err(RepairError::BadHelpers(bad))
    }

    /// Step 2 for helper j: check each sender's pieces against its public
    /// commitments (`deals[i]`, already passed [`RepairSet::check_deal`]) and
    /// sum them. Names the senders whose pieces are missing or wrong.
    pub fn sum_pieces(
        &self,
        recipient: SignerId,
        received: &BTreeMap<SignerId, Vec<SecretScalar>>,
        deals: &BTreeMap<SignerId, BTreeMap<SignerId, Vec<Point>>>,
    ) -> Result<Vec<SecretScalar>, RepairError> {
        let mut sums = vec![Scalar::from(0); self.lost.len()];
        let mut bad = Vec::new();
        for i in self.helpers() {
            let pieces = received.get(&i).filter(|p| p.len() == self.lost.len());
            let public = deals.get(&i).and_then(|d| d.get(&recipient));
            match (pieces, public) {
                (Some(p), Some(c)) if p.iter().zip(c).all(|(s, pt)| base_mul(s.expose()) == *pt) => {
                    sums.iter_mut().zip(p).for_each(|(acc, s)| *acc += s.expose());
                }
                _ => bad.push(i),
            }
        }
        if bad.is_empty() {
            Ok(sums.into_iter().map(SecretScalar::new).collect())
        } else {
            Err(RepairError::BadHelpers(bad))
        }
    }

    /// `Σ_i Δ_{i,j,r}`: the public value of helper j's sums.
    pub fn sum_commitment(
        &self,
        helper: SignerId,
        deals: &BTreeMap<SignerId, BTreeMap<SignerId, Vec<Point>>>,
    ) -> Vec<Point> {
        (0..self.lost.len())
            .map(|r| {
                deals
                    .values()
                    .filter_map(|d| d.get(&helper).and_then(|c| c.get(r)))
                    .fold(Point::identity(), |a, p| a + p)
            })
            .collect()
    }

    /// Step 3 for the repaired signer: add the helpers' sums, naming any
    /// helper whose sums do not match their public value, and check the
    /// result against the old public key shares.
    pub fn recover(
        &self,
        sums: &BTreeMap<SignerId, Vec<SecretScalar>>,
        deals: &BTreeMap<SignerId, BTreeMap<SignerId, Vec<Point>>>,
        old: &GroupPublicKeys,
    ) -> Result<BTreeMap<KeyId, SecretScalar>, RepairError> {
        let mut totals = vec![Scalar::from(0); self.lost.len()];
        let mut bad = Vec::new();
        for j in self.helpers() {
            let public = self.sum_commitment(j, deals);
            match sums.get(&j).filter(|s| s.len() == self.lost.len()) {
                Some(s) if s.iter().zip(&public).all(|(x, p)| base_mul(x.expose()) == *p) => {
                    totals.iter_mut().zip(s).for_each(|(acc, x)| *acc += x.expose());
                }
                _ => bad.push(j),
            }
        }
        let wrong_total = self.lost.iter().zip(&totals).any(|(&r, x)| base_mul(x) != old.key_share(r));
        if !bad.is_empty() {
            return Err(RepairError::BadHelpers(bad));
        }
        if wrong_total {
            // Every sum matches its public value, so some deal skipped
            // [`RepairSet::check_deal`]; that check names its helper.
            return Err(RepairError::WrongTotal);
        }
        Ok(self.lost.iter().copied().zip(totals.into_iter().map(SecretScalar::new)).collect())
    }
}
