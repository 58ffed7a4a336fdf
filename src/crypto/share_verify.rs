//! Verifying received DKG shares against their dealers' commitments, batched.
//!
//! A recipient holding key ids K gets, from every dealer d, shares `s_{d,k}`
//! that must satisfy `s_{d,k}·G = Σ_j A_{d,j}·k^j`. Checking each one costs
//! |K|·|D| multi-scalar multiplications of threshold size. Instead we pick
//! random `r_d` and `ρ_k` and check one combination:
//!
//! `(Σ_d r_d Σ_k ρ_k s_{d,k})·G = Σ_d Σ_j (r_d·u_j)·A_{d,j}`, with `u_j = Σ_k ρ_k k^j`.
//!
//! That is one multi-scalar multiplication of |D|·t points (Pippenger, in
//! libsecp256k1). A wrong share makes it fail except with probability 1/n.
//! Only when it fails do we check each dealer alone, which names every bad
//! dealer and never an honest one (an honest dealer's check is an identity).
//!
//! The multi-scalar multiplication takes variable time, so its scalars must
//! not depend on secrets: the random weights and key ids are harmless, but
//! the weighted sum of the shares is not (timing could reveal the weights
//! through `u_j`, then the shares through the sum). That side is computed
//! apart, `(Σ ρ_k s_k)·G` with the constant-time [`base_mul`], and enters as
//! a point with weight 1.

use p256k1::traits::MultiMult;
use rand_core::{CryptoRng, RngCore};

use super::{base_mul, is_identity, scalar_from_u32, secret::SecretScalar, KeyId, Point, Scalar};

/// One dealer's commitment and the shares it sent for the recipient's key ids
/// (in the same order as the `key_ids` passed to [`verify_shares`]).
pub struct DealtShares<'a, D> {
    pub dealer: D,
    pub commitment: &'a [Point],
    pub shares: &'a [SecretScalar],
}

/// Check one share the slow, obvious way. Used for settling disputes.
pub fn verify_share(commitment: &[Point], key_id: KeyId, share: &Scalar) -> bool {
    base_mul(share) == super::polynomial::evaluate_commitment(commitment, &scalar_from_u32(key_id))
}

/// A multi-scalar multiplication over borrowed commitments: no copies of the
/// points, only of the scalars. The last term is `1·secret_side`.
struct CommitmentMsm<'a> {
    commitments: Vec<&'a [Point]>,
    t: usize,
    scalars: Vec<Scalar>,
    secret_side: Point,
}

impl<'a> CommitmentMsm<'a> {
    /// `Σ_d Σ_j scalars[d·t + j]·commitments[d][j] - σ·G`, where σ (secret)
    /// is multiplied in constant time.
    fn new(commitments: Vec<&'a [Point]>, t: usize, mut scalars: Vec<Scalar>, sigma: &Scalar) -> Self {
        scalars.push(Scalar::from(1));
        CommitmentMsm { commitments, t, scalars, secret_side: base_mul(&-*sigma) }
    }
}

impl MultiMult for CommitmentMsm<'_> {
    fn get_scalar(&self, i: usize) -> &Scalar {
        &self.scalars[i]
    }

    fn get_point(&self, i: usize) -> &Point {
        let d = i / self.t;
        if d == self.commitments.len() {
            &self.secret_side
        } else {
            &self.commitments[d][i % self.t]
        }
    }

    fn get_size(&self) -> usize {
        self.scalars.len()
    }

    fn get_scratch_size(&self) -> Option<usize> {
        // Pippenger runs in batches when the scratch space is smaller.
        Some((self.get_size() * 512).clamp(64 << 10, 16 << 20))
    }
}

fn msm_is_identity(msm: &mut CommitmentMsm) -> bool {
    match Point::multimult_trait(msm) {
        Ok(p) => is_identity(&p),
        Err(_) => {
            // Only fails for lack of memory; compute it plainly instead.
            let sum = (0..msm.get_size()).fold(Point::identity(), |acc, i| acc + msm.get_point(i) * msm.get_scalar(i));
            is_identity(&sum)
        }
    }
}

/// Check summed shares `x_k = Σ_d s_{d,k}` against the summed commitment
/// `C_j = Σ_d A_{d,j}` with one multi-scalar multiplication of t+1 points:
/// `(Σ_k ρ_k x_k)·G = Σ_j C_j·u_j`.
///
/// This is all correctness needs: `x_k` is then a share of the summed
/// polynomial, whatever the individual dealers did. Only when it fails must
/// [`verify_shares`] look at each dealer to name the culprits.
pub fn verify_summed<R: RngCore + CryptoRng>(
    key_ids: &[KeyId],
    summed_commitment: &[Point],
    summed_shares: &[Scalar],
    rng: &mut R,
) -> bool {
    if summed_shares.len() != key_ids.len() || summed_commitment.is_empty() {
        return false;
    }
    let rho: Vec<Scalar> = key_ids.iter().map(|_| Scalar::random(rng)).collect();
    let t = summed_commitment.len();
    let scalars = super::small_horner::weighted_power_sums(key_ids, &rho, t);
    let sigma = summed_shares.iter().zip(&rho).fold(Scalar::from(0), |acc, (x, r)| acc + x * r);
    msm_is_identity(&mut CommitmentMsm::new(vec![summed_commitment], t, scalars, &sigma))
}

/// Verify every dealer's shares for `key_ids`. Returns the dealers whose
/// shares are wrong or malformed (wrong number of shares or coefficients).
pub fn verify_shares<D: Copy, R: RngCore + CryptoRng>(
    key_ids: &[KeyId],
    threshold: usize,
    dealt: &[DealtShares<'_, D>],
    rng: &mut R,
) -> Result<(), Vec<D>> {
    let (well_formed, malformed): (Vec<_>, Vec<_>) =
        dealt.iter().partition(|d| d.commitment.len() == threshold && d.shares.len() == key_ids.len());
    let mut bad: Vec<D> = malformed.iter().map(|d| d.dealer).collect();

    let rho: Vec<Scalar> = key_ids.iter().map(|_| Scalar::random(rng)).collect();
    let u = super::small_horner::weighted_power_sums(key_ids, &rho, threshold);
    // Σ_k ρ_k s_{d,k} for each dealer.
    let combined: Vec<Scalar> = well_formed
        .iter()
        .map(|d| d.shares.iter().zip(&rho).fold(Scalar::from(0), |acc, (s, r)| acc + s.expose() * r))
        .collect();

    let batch_ok = {
        let r: Vec<Scalar> = well_formed.iter().map(|_| Scalar::random(rng)).collect();
        let mut scalars = Vec::with_capacity(well_formed.len() * threshold + 1);
        let mut sigma = Scalar::from(0);
        for (rd, c) in r.iter().zip(&combined) {
            scalars.extend(u.iter().map(|uj| rd * uj));
            sigma += rd * c;
        }
        let commitments = well_formed.iter().map(|d| d.commitment).collect();
        msm_is_identity(&mut CommitmentMsm::new(commitments, threshold, scalars, &sigma))
    };

    if !batch_ok {
        for (d, c) in well_formed.iter().zip(&combined) {
            if !msm_is_identity(&mut CommitmentMsm::new(vec![d.commitment], threshold, u.clone(), c)) {
                bad.push(d.dealer);
            }
        }
    }
    if bad.is_empty() {
        Ok(())
    } else {
        Err(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::polynomial::Polynomial;
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

    fn deal(
        n_dealers: usize,
        t: usize,
        key_ids: &[KeyId],
        rng: &mut ChaCha20Rng,
    ) -> (Vec<Vec<Point>>, Vec<Vec<SecretScalar>>) {
        let polys: Vec<Polynomial> = (0..n_dealers).map(|_| Polynomial::random(t, rng)).collect();
        let commitments = polys.iter().map(|p| p.commit()).collect();
        let shares = polys.iter().map(|p| key_ids.iter().map(|&k| p.share_for(k)).collect()).collect();
        (commitments, shares)
    }

    fn dealt<'a>(c: &'a [Vec<Point>], s: &'a [Vec<SecretScalar>]) -> Vec<DealtShares<'a, usize>> {
        c.iter().zip(s).enumerate().map(|(i, (c, s))| DealtShares { dealer: i, commitment: c, shares: s }).collect()
    }

    #[test]
    fn honest_shares_pass() {
        let mut rng = ChaCha20Rng::seed_from_u64(17);
        let keys = [3, 4, 9];
        let (c, s) = deal(5, 4, &keys, &mut rng);
        assert_eq!(verify_shares(&keys, 4, &dealt(&c, &s), &mut rng), Ok(()));
        assert!(verify_share(&c[0], 4, s[0][1].expose()));
    }

    #[test]
    fn every_bad_dealer_is_named_and_no_other() {
        let mut rng = ChaCha20Rng::seed_from_u64(19);
        let keys = [1, 2, 5, 6];
        let (c, mut s) = deal(6, 3, &keys, &mut rng);
        s[1][2] = SecretScalar::new(s[1][2].expose() + Scalar::from(1));
        s[4][0] = SecretScalar::new(Scalar::from(77));
        assert_eq!(verify_shares(&keys, 3, &dealt(&c, &s), &mut rng), Err(vec![1, 4]));
        assert!(!verify_share(&c[1], 5, s[1][2].expose()));
    }

    #[test]
    fn summed_check_accepts_honest_and_rejects_a_bad_share() {
        let mut rng = ChaCha20Rng::seed_from_u64(31);
        let keys = [2, 5, 7];
        let (c, mut s) = deal(4, 3, &keys, &mut rng);
        let summed_c: Vec<Point> = (0..3).map(|j| c.iter().fold(Point::identity(), |acc, d| acc + d[j])).collect();
        let sum = |s: &Vec<Vec<SecretScalar>>| -> Vec<Scalar> {
            (0..keys.len()).map(|i| s.iter().fold(Scalar::from(0), |acc, d| acc + d[i].expose())).collect()
        };
        assert!(verify_summed(&keys, &summed_c, &sum(&s), &mut rng));
        s[3][1] = SecretScalar::new(s[3][1].expose() + Scalar::from(1));
        assert!(!verify_summed(&keys, &summed_c, &sum(&s), &mut rng));
        assert!(!verify_summed(&keys, &summed_c, &sum(&s)[..2], &mut rng));
    }

    #[test]
    fn malformed_dealers_are_named() {
        let mut rng = ChaCha20Rng::seed_from_u64(23);
        let keys = [1, 2];
        let (mut c, mut s) = deal(3, 3, &keys, &mut rng);
        c[0].pop();
        s[2].pop();
        assert_eq!(verify_shares(&keys, 3, &dealt(&c, &s), &mut rng), Err(vec![0, 2]));
    }

    #[test]
    fn shares_swapped_between_keys_are_caught() {
        // Each share is valid for some key id, just not the one it was sent for.
        let mut rng = ChaCha20Rng::seed_from_u64(29);
        let keys = [2, 3];
        let (c, mut s) = deal(2, 2, &keys, &mut rng);
        s[0].swap(0, 1);
        assert_eq!(verify_shares(&keys, 2, &dealt(&c, &s), &mut rng), Err(vec![0]));
    }
}
