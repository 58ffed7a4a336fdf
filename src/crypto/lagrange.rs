//! Lagrange coefficients at zero over key ids, with batch inversion.
//!
//! For a set S of key ids, the coefficient of key id k is
//! `λ_k = Π_{m∈S, m≠k} m / (m − k)`, so that `Σ_k λ_k f(k) = f(0)` for any
//! polynomial of degree below |S|. Writing `N = Π_{m∈S} m`, each
//! `λ_k = N / (k·Π_{m≠k}(m − k))`; all the denominators are inverted together
//! with Montgomery's trick, one field inversion in all.

use std::collections::BTreeSet;

use super::{scalar_from_u32, KeyId, Scalar};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LagrangeError {
    #[error("key id 0 is not a valid key id")]
    ZeroKeyId,
    #[error("key id {0} appears more than once")]
    DuplicateKeyId(KeyId),
    #[error("key id {0} is not in the signing set")]
    NotInSet(KeyId),
}

/// Invert every element in place (Montgomery's trick). Zero elements are left
/// as zero; callers guarantee none occur.
pub fn batch_invert(values: &mut [Scalar]) {
    let zero = Scalar::from(0);
    let mut prefix = Vec::with_capacity(values.len());
    let mut acc = Scalar::from(1);
    for v in values.iter() {
        prefix.push(acc);
        if *v != zero {
            acc *= v;
        }
    }
    let mut inv = acc.invert();
    for (v, before) in values.iter_mut().zip(prefix).rev() {
        if *v == zero {
            continue;
        }
        let next = inv * *v;
        *v = inv * before;
        inv = next;
    }
}

/// Check a signing set: nonzero and distinct key ids.
pub fn validate_set(set: &[KeyId]) -> Result<(), LagrangeError> {
    let mut seen = BTreeSet::new();
    for &k in set {
        if k == 0 {
            return Err(LagrangeError::ZeroKeyId);
        }
        if !seen.insert(k) {
            return Err(LagrangeError::DuplicateKeyId(k));
        }
    }
    Ok(())
}

/// `λ_k` for each `k` in `targets`, over the set `set`.
///
/// Signing sets are mostly contiguous runs of key ids, so when fewer ids in
/// `1..=max(set)` are missing from the set than present, the products run
/// over the missing ids `E` instead, with factorials for the rest:
/// `Π_{m∈S,m≠k}(m − k) = (−1)^{k−1}(k−1)!(n−k)! / Π_{e∈E}(e − k)`.
/// That costs `n + |targets|·|E|` multiplications instead of
/// `|targets|·|S|`; both ways invert once.
pub fn coefficients(set: &[KeyId], targets: &[KeyId]) -> Result<Vec<Scalar>, LagrangeError> {
    validate_set(set)?;
    let members: BTreeSet<KeyId> = set.iter().copied().collect();
    if let Some(&k) = targets.iter().find(|k| !members.contains(k)) {
        return Err(LagrangeError::NotInSet(k));
    }
    let n = members.last().copied().unwrap_or(0);
    let missing = n as usize - set.len();
    if missing < set.len() {
        Ok(via_missing(&members, targets, n))
    } else {
        Ok(direct(set, targets))
    }
}

/// `λ_k(x) = Π_{m∈S, m≠k} (x − m) / (k − m)` for each `k` in `targets`: the
/// coefficients that evaluate at `x` a polynomial of degree below |S| from
/// its values on S (a repair evaluates at a lost key id, eprint 2017/1155).
/// One inversion for all targets.
pub fn coefficients_at(set: &[KeyId], targets: &[KeyId], x: &Scalar) -> Result<Vec<Scalar>, LagrangeError> {
    validate_set(set)?;
    if let Some(&k) = targets.iter().find(|k| !set.contains(k)) {
        return Err(LagrangeError::NotInSet(k));
    }
    let mut denominators: Vec<Scalar> = targets
        .iter()
        .map(|&k| {
            let xk = scalar_from_u32(k);
            set.iter().filter(|&&m| m != k).fold(Scalar::from(1), |acc, &m| acc * (xk - scalar_from_u32(m)))
        })
        .collect();
    batch_invert(&mut denominators);
    Ok(targets
        .iter()
        .zip(denominators)
        .map(|(&k, d)| set.iter().filter(|&&m| m != k).fold(d, |acc, &m| acc * (*x - scalar_from_u32(m))))
        .collect())
}

/// `λ_k = N / (k·Π_{m≠k}(m − k))` with `N = Π_{m∈S} m`.
fn direct(set: &[KeyId], targets: &[KeyId]) -> Vec<Scalar> {
    let numerator = set.iter().fold(Scalar::from(1), |acc, &m| acc * scalar_from_u32(m));
    let mut denominators: Vec<Scalar> = targets
        .iter()
        .map(|&k| {
            let xk = scalar_from_u32(k);
            set.iter().filter(|&&m| m != k).fold(xk, |acc, &m| acc * (scalar_from_u32(m) - xk))
        })
        .collect();
    batch_invert(&mut denominators);
    denominators.into_iter().map(|d| numerator * d).collect()
}

/// `λ_k = n!·Π_{e∈E}(e − k) / (Π_{e∈E} e · (−1)^{k−1}·k!·(n−k)!)`, where `E`
/// are the ids in `1..=n` missing from the set.
fn via_missing(members: &BTreeSet<KeyId>, targets: &[KeyId], n: KeyId) -> Vec<Scalar> {
    let missing: Vec<KeyId> = (1..=n).filter(|m| !members.contains(m)).collect();
    let mut factorial = Vec::with_capacity(n as usize + 1);
    factorial.push(Scalar::from(1));
    for i in 1..=n {
        let next = factorial[i as usize - 1] * scalar_from_u32(i);
        factorial.push(next);
    }
    let missing_product = missing.iter().fold(Scalar::from(1), |acc, &e| acc * scalar_from_u32(e));
    let mut denominators: Vec<Scalar> = targets
        .iter()
        .map(|&k| {
            let d = factorial[k as usize] * factorial[(n - k) as usize] * missing_product;
            if k % 2 == 0 {
                -d
            } else {
                d
            }
        })
        .collect();
    batch_invert(&mut denominators);
    targets
        .iter()
        .zip(denominators)
        .map(|(&k, d)| {
            let xk = scalar_from_u32(k);
            let numerator = missing.iter().fold(factorial[n as usize], |acc, &e| acc * (scalar_from_u32(e) - xk));
            numerator * d
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::polynomial::Polynomial;
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

    #[test]
    fn interpolates_the_secret() {
        let mut rng = ChaCha20Rng::seed_from_u64(13);
        let f = Polynomial::random(4, &mut rng);
        for set in [vec![1, 2, 3, 4], vec![2, 5, 9, 11, 12], vec![7, 3, 100, 42]] {
            let lambdas = coefficients(&set, &set).unwrap();
            let sum = set
                .iter()
                .zip(&lambdas)
                .fold(Scalar::from(0), |acc, (&k, l)| acc + f.evaluate(&scalar_from_u32(k)) * l);
            assert_eq!(sum, *f.constant().expose(), "set {set:?}");
        }
        // Too few points do not interpolate.
        let set = [1, 2, 3];
        let lambdas = coefficients(&set, &set).unwrap();
        let sum =
            set.iter().zip(&lambdas).fold(Scalar::from(0), |acc, (&k, l)| acc + f.evaluate(&scalar_from_u32(k)) * l);
        assert_ne!(sum, *f.constant().expose());
    }

    #[test]
    fn both_ways_agree() {
        // Sets with few gaps take the factorial path; sparse ones the direct path.
        for set in
            [vec![1, 2, 3, 5, 6, 7, 8], vec![2, 3, 4, 5, 6], vec![1, 9, 20], (1..=40).collect(), vec![4, 1, 3, 2]]
        {
            let members: BTreeSet<KeyId> = set.iter().copied().collect();
            let n = *members.last().unwrap();
            assert_eq!(via_missing(&members, &set, n), direct(&set, &set), "{set:?}");
            assert_eq!(coefficients(&set, &set[..2]).unwrap(), direct(&set, &set[..2]));
        }
    }

    #[test]
    fn batch_inversion_matches_single() {
        let mut values: Vec<Scalar> = (1..20u32).map(Scalar::from).collect();
        let expected: Vec<Scalar> = values.iter().map(|v| v.invert()).collect();
        batch_invert(&mut values);
        assert_eq!(values, expected);
    }

    #[test]
    fn interpolates_at_any_point() {
        let mut rng = ChaCha20Rng::seed_from_u64(14);
        let f = Polynomial::random(3, &mut rng);
        let set = [2, 5, 6, 9];
        for x in [0u32, 1, 7, 40] {
            let lambdas = coefficients_at(&set, &set, &scalar_from_u32(x)).unwrap();
            let sum = set
                .iter()
                .zip(&lambdas)
                .fold(Scalar::from(0), |acc, (&k, l)| acc + f.evaluate(&scalar_from_u32(k)) * l);
            assert_eq!(sum, f.evaluate(&scalar_from_u32(x)), "at {x}");
        }
        assert_eq!(coefficients_at(&set, &set, &Scalar::from(0)).unwrap(), coefficients(&set, &set).unwrap());
        assert_eq!(coefficients_at(&set, &[3], &Scalar::from(1)), Err(LagrangeError::NotInSet(3)));
    }

    #[test]
    fn rejects_bad_sets() {
        assert_eq!(coefficients(&[1, 0], &[1]), Err(LagrangeError::ZeroKeyId));
        assert_eq!(coefficients(&[1, 2, 2], &[1]), Err(LagrangeError::DuplicateKeyId(2)));
        assert_eq!(coefficients(&[1, 2], &[3]), Err(LagrangeError::NotInSet(3)));
    }
}
