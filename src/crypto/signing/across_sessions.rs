//! Checking signature shares of several signing sessions over one key at
//! once: ROAST's coordinator (Ruffing et al., CCS 2022, §4) holds replies to
//! many concurrent sessions, each with its own nonces, Lagrange coefficients
//! and challenge.
//!
//! A share `z` of party `p` in session `s` must satisfy
//! `z·G = ε_R,s·(D_p + ρ_{s,p}·E_p) + c_s·ε_Y,s·Σ_{k∈K_p} λ_{s,k}·X_k`.
//! With a random `a` per share, and every `X_k = Σ_j C_j·k^j` written over
//! the summed DKG commitment `C`, all of them hold (except with probability
//! about 1/n) if
//!
//! `(Σ a·z)·G = Σ a·ε_R,s·(D_p + ρ_{s,p}·E_p) + Σ_j C_j·u_j`,
//! `u_j = Σ_k w_k·k^j`, `w_k = Σ_{shares over k} a·c_s·ε_Y,s·λ_{s,k}`:
//!
//! one multi-scalar multiplication of `2·shares + t + 1` points whatever the
//! number of sessions, and power sums over the distinct key ids only. A
//! failing batch is halved until each bad claim stands alone; a claim is
//! named bad only after its shares fail the exact check, one by one
//! ([`SigningSession::verify_share`]), so an honest claim is never named.

use std::collections::BTreeMap;

use rand_core::{CryptoRng, RngCore};

use super::{GroupPublicKeys, SignatureShare, SigningSession};
use crate::crypto::{generator, is_identity, msm, small_horner::weighted_power_sums, KeyId, Point, Scalar};

/// One sender's shares in one session.
#[derive(Clone, Copy)]
pub struct Claim<'a> {
    pub session: &'a SigningSession,
    pub shares: &'a [SignatureShare],
}

impl Claim<'_> {
    fn known(&self) -> bool {
        self.shares.iter().all(|s| self.session.parties.contains_key(&s.party_id))
    }

    fn holds_alone(&self, keys: &GroupPublicKeys) -> bool {
        self.known() && self.shares.iter().all(|s| self.session.verify_share(s, keys))
    }
}

/// The indices of the claims with a share that fails (or names a party not
/// in its session), ascending. Honest claims cost one batch in all.
pub fn bad_claims<R: RngCore + CryptoRng>(claims: &[Claim<'_>], keys: &GroupPublicKeys, rng: &mut R) -> Vec<usize> {
    let (known, mut bad): (Vec<usize>, Vec<usize>) = (0..claims.len()).partition(|i| claims[*i].known());
    find_bad(claims, &known, keys, rng, &mut bad);
    bad.sort_unstable();
    bad
}

/// Halve a failing batch until each bad claim stands alone.
fn find_bad<R: RngCore + CryptoRng>(
    claims: &[Claim<'_>],
    subset: &[usize],
    keys: &GroupPublicKeys,
    rng: &mut R,
    bad: &mut Vec<usize>,
) {
    match subset {
        [] => {}
        [one] => {
            if !claims[*one].holds_alone(keys) {
                bad.push(*one);
            }
        }
        _ if batch_holds(claims, subset, keys, rng) => {}
        _ => {
            let (left, right) = subset.split_at(subset.len() / 2);
            find_bad(claims, left, keys, rng, bad);
            find_bad(claims, right, keys, rng, bad);
        }
    }
}

/// The randomized check of the module doc over `claims[i]` for `i` in
/// `subset` (all of whose parties are known).
pub(super) fn batch_holds<R: RngCore + CryptoRng>(
    claims: &[Claim<'_>],
    subset: &[usize],
    keys: &GroupPublicKeys,
    rng: &mut R,
) -> bool {
    let mut scalars = Vec::with_capacity(2 * subset.len() + keys.threshold() + 1);
    let mut points: Vec<Point> = Vec::with_capacity(scalars.capacity());
    let mut key_weights: BTreeMap<KeyId, Scalar> = BTreeMap::new();
    let mut z_sum = Scalar::from(0);
    for claim in subset.iter().map(|i| &claims[*i]) {
        let session = claim.session;
        let lambdas = session.all_lambdas();
        let c = session.challenge * session.key_sign;
        for share in claim.shares {
            let (nonce, party_keys) = &session.parties[&share.party_id];
            let a = Scalar::random(rng);
            z_sum += a * share.z;
            let a_r = a * session.nonce_sign;
            scalars.push(a_r);
            points.push(nonce.hiding);
            scalars.push(a_r * session.binding[&share.party_id]);
            points.push(nonce.binding);
            let ac = a * c;
            for k in party_keys {
                *key_weights.entry(*k).or_insert_with(|| Scalar::from(0)) += ac * lambdas[k];
            }
        }
    }
    let (key_ids, weights): (Vec<KeyId>, Vec<Scalar>) = key_weights.into_iter().unzip();
    scalars.extend(weighted_power_sums(&key_ids, &weights, keys.threshold()));
    points.extend_from_slice(&keys.summed_commitment);
    scalars.push(-z_sum);
    points.push(generator());
    is_identity(&msm(&scalars, &points))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::{nonce::SigningNonces, polynomial::Polynomial, secret::SecretScalar, signing::SignatureType};
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

    /// Two sessions over one key (threshold 5, party `p` holds key ids
    /// `2p-1` and `2p`): parties 1-3 sign a BIP-340 message, parties 2-4 a
    /// FROST one. `shares` are (session, one party's shares), A's then B's.
    struct Fixture {
        keys: GroupPublicKeys,
        sessions: Vec<SigningSession>,
        shares: Vec<(usize, Vec<SignatureShare>)>,
    }

    fn two_sessions(seed: u64) -> Fixture {
        let mut rng = ChaCha20Rng::seed_from_u64(seed);
        let poly = Polynomial::random(5, &mut rng);
        let commitment = poly.commit();
        let keys = GroupPublicKeys { group_key: commitment[0], summed_commitment: commitment };
        let party_keys = |p: u32| Some(vec![2 * p - 1, 2 * p]);
        let runs = [(SignatureType::Schnorr, &b"A"[..], [1, 2, 3]), (SignatureType::Frost, &b"B"[..], [2, 3, 4])];
        let (mut sessions, mut shares) = (vec![], vec![]);
        for (index, (sig_type, message, parties)) in runs.into_iter().enumerate() {
            let nonces: Vec<SigningNonces> =
                parties.iter().map(|_| SigningNonces::generate(&Scalar::from(7), &mut rng)).collect();
            let public: Vec<_> = parties.iter().zip(&nonces).map(|(p, n)| n.public(*p)).collect();
            let session = SigningSession::new(&keys.group_key, 5, message, sig_type, &public, party_keys).unwrap();
            for (p, n) in parties.iter().zip(nonces) {
                let own: BTreeMap<KeyId, SecretScalar> =
                    party_keys(*p).unwrap().into_iter().map(|k| (k, poly.share_for(k))).collect();
                shares.push((index, vec![session.sign_share(*p, &own, n).unwrap()]));
            }
            sessions.push(session);
        }
        Fixture { keys, sessions, shares }
    }

    fn claims(f: &Fixture) -> Vec<Claim<'_>> {
        f.shares.iter().map(|(s, shares)| Claim { session: &f.sessions[*s], shares }).collect()
    }

    #[test]
    fn honest_shares_of_two_sessions_pass_in_one_batch_and_sign() {
        let f = two_sessions(41);
        let mut rng = ChaCha20Rng::seed_from_u64(1);
        assert!(batch_holds(&claims(&f), &(0..f.shares.len()).collect::<Vec<_>>(), &f.keys, &mut rng));
        assert!(bad_claims(&claims(&f), &f.keys, &mut rng).is_empty());
        let of = |s: usize| -> Vec<SignatureShare> {
            f.shares.iter().filter(|(i, _)| *i == s).flat_map(|(_, z)| z.clone()).collect()
        };
        assert!(f.sessions[0].combine(&of(0)).is_ok() && f.sessions[1].combine(&of(1)).is_ok());
    }

    #[test]
    fn every_bad_claim_is_named_and_no_other() {
        let mut f = two_sessions(43);
        let mut rng = ChaCha20Rng::seed_from_u64(2);
        let all: Vec<usize> = (0..f.shares.len()).collect();
        // Party 2's share off by one; party 3's share of B sent as its share of A.
        f.shares[1].1[0].z += Scalar::from(1);
        f.shares[2] = (0, f.shares[4].1.clone());
        assert!(!batch_holds(&claims(&f), &all, &f.keys, &mut rng));
        assert_eq!(bad_claims(&claims(&f), &f.keys, &mut rng), vec![1, 2]);
    }

    #[test]
    fn a_share_for_a_party_outside_its_session_is_bad() {
        let mut f = two_sessions(47);
        f.shares[0].1[0].party_id = 4;
        let mut rng = ChaCha20Rng::seed_from_u64(3);
        assert_eq!(bad_claims(&claims(&f), &f.keys, &mut rng), vec![0]);
    }
}
