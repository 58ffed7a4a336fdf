//! Costs of a reshare through the signers' key material ([`crate::keys`]):
//! per dealer (its polynomial, commitment and encrypted shares), per new
//! signer (checking every dealer's public shares, constant terms included,
//! decrypting, the summed share check), and bytes per signer. The old group
//! is made from one polynomial (setup, untimed); no state machine or packet
//! signature is involved, so these are the reshare's own costs.

use std::collections::{BTreeMap, BTreeSet};

use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use serde::Serialize;

use crate::{
    config::{Config, ReshareDealing, Scheme},
    crypto::{
        encoding::to_bytes,
        polynomial::{aggregate_rest, Polynomial},
        reshare::DealerSet,
        signing::GroupPublicKeys,
        KeyId, SignerId,
    },
    keys::SignerKeys,
    net::{DkgPrivateShares, DkgPublicShares},
};

#[derive(Clone, Debug, Serialize)]
pub struct ReshareBench {
    pub old: (u32, u32, u32),
    pub new_threshold: u32,
    pub dealers: usize,
    pub recipients: usize,
    /// Median over dealers: `start_reshare` + `encrypt_shares`.
    pub dealer_ms: f64,
    /// Median over recipients: `finish`.
    pub recipient_ms: f64,
    /// Building the dealing (Lagrange coefficients, every expected constant term).
    pub dealing_setup_ms: f64,
    /// Median bytes a recipient receives (pruned public shares, its own
    /// ciphertexts, the summed commitment) and a dealer sends (full packets).
    pub bytes_in_per_recipient: usize,
    pub bytes_out_per_dealer: usize,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let m = v.get(v.len() / 2).copied().unwrap_or(0.0);
    (m * 100.0).round() / 100.0
}

/// Old group: `signers` of equal weight over `keys` at `threshold`. The first
/// `signers - swapped` deal and stay; `swapped` leave and as many join (ids
/// from `signers`); the new set has the same weights at `new_threshold`.
pub fn reshare(
    signers: u32,
    keys: u32,
    threshold: u32,
    swapped: u32,
    new_threshold: u32,
    clock: &dyn Fn() -> f64,
) -> Result<ReshareBench, String> {
    let mut rng = ChaCha20Rng::seed_from_u64(1);
    let config = Config::evenly(Scheme::V2, signers, keys, threshold, threshold).map_err(|e| e.to_string())?;
    let stay = signers - swapped;
    let (old_keys, old) = old_group(&config, stay, &mut rng)?;
    let ids: Vec<SignerId> = (0..stay).chain(signers..signers + swapped).collect();
    let recipients: BTreeMap<SignerId, Vec<KeyId>> =
        ids.iter().zip(config.signers.values()).map(|(&s, k)| (s, k.clone())).collect();

    let t0 = clock();
    let dealing = reshare_dealing(&config, &old_keys, stay, recipients, new_threshold)?;
    let dealing_setup_ms = clock() - t0;

    let mut states = BTreeMap::new();
    let mut public: BTreeMap<SignerId, DkgPublicShares> = BTreeMap::new();
    let mut dealer_ms = Vec::new();
    for p in &old {
        let t = clock();
        let (k, pub_shares) = p.start_reshare(1, dealing.clone(), &mut rng).map_err(|e| e.to_string())?;
        dealer_ms.push(clock() - t);
        states.insert(p.signer_id(), k);
        public.insert(p.signer_id(), pub_shares);
    }
    for s in signers..signers + swapped {
        let (k, pub_shares) = crate::keys::ReshareKeys::join(1, s, dealing.clone(), &mut rng);
        states.insert(s, k);
        public.insert(s, pub_shares);
    }
    let mut private = BTreeMap::new();
    for (i, (s, k)) in states.iter().enumerate() {
        let t = clock();
        if let Some(p) = k.encrypt_shares(&public, &mut rng) {
            private.insert(*s, p);
            if let Some(ms) = dealer_ms.get_mut(i) {
                *ms += clock() - t;
            }
        }
    }
    let rest = aggregate_rest(public.values().flat_map(|p| &p.commitments), new_threshold as usize)
        .ok_or("malformed commitments")?;
    let participants: BTreeSet<SignerId> = public.keys().copied().collect();
    let mut recipient_ms = Vec::new();
    for k in states.values() {
        let t = clock();
        let done = k.finish(&participants, &public, &private, &rest, &mut rng).map_err(|e| format!("{e:?}"))?;
        recipient_ms.push(clock() - t);
        if done.map(|r| r.public_keys.group_key) != Some(old_keys.group_key) {
            return Err("the reshare moved the group key".into());
        }
    }
    let one_recipient = ids.last().copied().unwrap_or(0);
    let (bytes_in_per_recipient, bytes_out_per_dealer) = bytes_per_signer(&public, &private, rest.len(), one_recipient);
    Ok(ReshareBench {
        old: (signers, keys, threshold),
        new_threshold,
        dealers: private.len(),
        recipients: ids.len(),
        dealer_ms: median(dealer_ms),
        recipient_ms: median(recipient_ms),
        dealing_setup_ms: median(vec![dealing_setup_ms]),
        bytes_in_per_recipient,
        bytes_out_per_dealer,
    })
}

/// The dealing: the first `stay` old signers deal to `recipients`.
fn reshare_dealing(
    config: &Config,
    old_keys: &GroupPublicKeys,
    stay: u32,
    recipients: BTreeMap<SignerId, Vec<KeyId>>,
    new_threshold: u32,
) -> Result<ReshareDealing, String> {
    let dealers = (0..stay).map(|s| (s, config.key_ids(s).to_vec())).collect();
    let dealers = DealerSet::new(dealers, config.threshold as usize).map_err(|e| e.to_string())?;
    ReshareDealing::new(old_keys, dealers, recipients, new_threshold as usize).map_err(|e| e.to_string())
}

/// The old group (setup, untimed): one polynomial of the threshold, shared
/// out to the first `stay` signers of `config`, who are the dealers.
fn old_group(config: &Config, stay: u32, rng: &mut ChaCha20Rng) -> Result<(GroupPublicKeys, Vec<SignerKeys>), String> {
    let f = Polynomial::random(config.threshold as usize, rng);
    let commitment = f.commit();
    let old_keys = GroupPublicKeys { group_key: commitment[0], summed_commitment: commitment };
    let evaluator = f.evaluator();
    let old = (0..stay)
        .map(|s| {
            let shares = config.key_ids(s).iter().map(|&k| (k, evaluator.evaluate(k))).collect();
            SignerKeys::from_shares(config.clone(), s, old_keys.clone(), shares).map_err(|e| e.to_string())
        })
        .collect::<Result<_, _>>()?;
    Ok((old_keys, old))
}

/// Bytes `recipient` receives (pruned public shares, its own ciphertexts,
/// the summed commitment of `rest_len` points) and one dealer sends.
fn bytes_per_signer(
    public: &BTreeMap<SignerId, DkgPublicShares>,
    private: &BTreeMap<SignerId, DkgPrivateShares>,
    rest_len: usize,
    recipient: SignerId,
) -> (usize, usize) {
    let pruned_public: usize = public.values().map(|p| to_bytes(&p.pruned()).len()).sum();
    let own: usize = private.values().map(|p| to_bytes(&p.pruned_for(Some(recipient))).len()).sum();
    let bytes_out = private.values().next().map(|p| to_bytes(p).len()).unwrap_or(0)
        + public.values().next().map(|p| to_bytes(p).len()).unwrap_or(0);
    (pruned_public + own + rest_len * crate::crypto::encoding::POINT_LEN, bytes_out)
}
