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

/// `λ_k` for each `k` in `targets`, over the set `set`. Costs
/// `|targets|·|set|` multiplications and one inversion.
pub fn coefficients(set: &[KeyId], targets: &[KeyId]) -> Result<Vec<Scalar>, LagrangeError> {
    validate_set(set)?;
    let members: BTreeSet<KeyId> = set.iter().copied().collect();
    if let Some(&k) = targets.iter().find(|k| !members.contains(k)) {
        return Err(LagrangeError::NotInSet(k));
    }
    let numerator = set.iter().fold(Scalar::from(1), |acc, &m| acc * scalar_from_u32(m));
    let mut denominators: Vec<Scalar> = targets
        .iter()
        .map(|&k| {
            let xk = scalar_from_u32(k);
            set.iter()
                .filter(|&&m| m != k)
                .fold(xk, |acc, &m| acc * (scalar_from_u32(m) - xk))
        })
        .collect();
    batch_invert(&mut denominators);
    Ok(denominators.into_iter().map(|d| numerator * d).collect())
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
        let sum = set.iter().zip(&lambdas).fold(Scalar::from(0), |acc, (&k, l)| acc + f.evaluate(&scalar_from_u32(k)) * l);
        assert_ne!(sum, *f.constant().expose());
    }

    #[test]
    fn batch_inversion_matches_single() {
        let mut values: Vec<Scalar> = (1..20u32).map(Scalar::from).collect();
        let expected: Vec<Scalar> = values.iter().map(|v| v.invert()).collect();
        batch_invert(&mut values);
        assert_eq!(values, expected);
    }

    #[test]
    fn rejects_bad_sets() {
        assert_eq!(coefficients(&[1, 0], &[1]), Err(LagrangeError::ZeroKeyId));
        assert_eq!(coefficients(&[1, 2, 2], &[1]), Err(LagrangeError::DuplicateKeyId(2)));
        assert_eq!(coefficients(&[1, 2], &[3]), Err(LagrangeError::NotInSet(3)));
    }
}
