//! `wsts-sim bench`: per-signer costs of a whole ceremony through the real
//! state machines (packets encoded, signed, verified and decoded), measured
//! with a caller-supplied clock so the same code runs natively and in a
//! browser.

use std::collections::BTreeMap;

use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use serde::Serialize;

use super::{Fault, Options, Phase, Simulation};
use crate::{
    blame::{settle_bad_private_shares, Verdict},
    config::Config,
    crypto::{secret::SecretScalar, signing::SignatureType, Scalar, SignerId},
    keys::SignerKeys,
};

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Spread {
    pub median: f64,
    pub max: f64,
}

fn spread(values: &[f64]) -> Spread {
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let median = if v.is_empty() { 0.0 } else { v[v.len() / 2] };
    Spread { median: round(median), max: round(v.last().copied().unwrap_or(0.0)) }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[derive(Clone, Debug, Serialize)]
pub struct BenchReport {
    pub runtime: String,
    pub signers: u32,
    pub keys: u32,
    pub threshold: u32,
    /// The smallest and largest weight (key ids of one signer).
    pub weight_range: (u32, u32),
    /// `fire` or `roast`.
    pub coordinator: String,
    /// Signers that answer the nonce request, then go silent (the lightest,
    /// as many as leave the threshold's weight to the rest).
    pub attackers: u32,
    /// Signing sessions (FIRE: attempts) started for the signature.
    pub sessions: u32,
    /// Message round-trips from the signing command to the signature.
    pub round_trips: f64,
    /// Each signer's computation during DKG (handling every packet it got).
    pub dkg_signer_ms: Spread,
    /// The coordinator's computation during DKG.
    pub dkg_coordinator_ms: f64,
    /// Each signing signer's computation during one BIP-340 signing round.
    pub sign_signer_ms: Spread,
    /// The coordinator's computation during that round: nonce handling,
    /// per-share verification and aggregation.
    pub aggregate_ms: f64,
    /// Settling one `BadPrivateShares` claim from public data: the unit of
    /// work of blame (a `BadShareSum` claim costs one per other sender).
    pub blame_check_ms: f64,
    /// Bytes each signer received and sent during DKG (what crosses the relay).
    pub dkg_bytes_in_per_signer: Spread,
    pub dkg_bytes_out_per_signer: Spread,
    /// Peak resident memory natively (VmHWM), or wasm linear memory in a browser.
    pub peak_memory_bytes: Option<u64>,
    /// Wall time of the whole run, including every signer's work in turn.
    pub total_ms: f64,
}

/// How the signing round is run.
#[derive(Clone, Copy, Debug, Default)]
pub struct Mode {
    pub roast: bool,
    /// A coordinated attack: see [`BenchReport::attackers`].
    pub attack: bool,
}

/// The lightest signers, as many as leave `threshold` to the rest.
pub fn attackers(weights: &[u32], threshold: u32) -> Vec<SignerId> {
    let mut by_weight: Vec<(u32, SignerId)> = (0u32..).zip(weights).map(|(s, w)| (*w, s)).collect();
    by_weight.sort();
    let mut spare = weights.iter().sum::<u32>().saturating_sub(threshold);
    let mut out = vec![];
    for (w, s) in by_weight {
        if w > spare {
            break;
        }
        spare -= w;
        out.push(s);
    }
    out.sort();
    out
}

/// `keys` key ids over `signers` drawn from a skewed (Zipf-like, 1/rank)
/// distribution, every signer holding at least one; deterministic.
pub fn skewed_weights(signers: u32, keys: u32) -> Vec<u32> {
    let n = signers.max(1);
    let spare = keys.saturating_sub(n);
    let harmonic: f64 = (1..=n).map(|r| 1.0 / f64::from(r)).sum();
    let mut w: Vec<u32> = (1..=n).map(|r| 1 + (f64::from(spare) / (f64::from(r) * harmonic)) as u32).collect();
    let short = keys.saturating_sub(w.iter().sum());
    let len = w.len();
    for i in 0..short as usize {
        w[i % len] += 1;
    }
    w
}

/// Run DKG and one signing round (v2): signer `i` holds `weights[i]` key
/// ids, `threshold` of them sign; FIRE or ROAST, attacked or not.
pub fn run(
    weights: &[u32],
    threshold: u32,
    mode: Mode,
    runtime: &str,
    clock: Box<dyn Fn() -> f64>,
    peak_memory: &dyn Fn() -> Option<u64>,
) -> Result<BenchReport, String> {
    let start = clock();
    let attackers = if mode.attack { attackers(weights, threshold) } else { vec![] };
    let faults = attackers.iter().map(|s| Fault::Offline { signer: *s, phase: Phase::Share, rounds: None }).collect();
    let options = Options { threshold, sign_rounds: 1, seed: 1, roast: mode.roast, faults, ..Options::default() }
        .weighted(weights);
    let (signers, keys) = (options.signers, options.keys);
    let key_config = options.key_config()?;
    let mut sim = Simulation::new(options)?;
    sim.meter.clock = Some(clock);
    sim.meter.reset(signers as usize);
    let (ok, _) = sim.run_dkg();
    if !ok {
        return Err("DKG failed".into());
    }
    let dkg_signer: Vec<f64> = sim.meter.signer_ms.clone();
    let dkg_coordinator_ms = sim.meter.coordinator_ms;
    let bytes_in: Vec<f64> = sim.meter.signer_bytes_in.iter().map(|b| *b as f64).collect();
    let bytes_out: Vec<f64> = sim.meter.signer_bytes_out.iter().map(|b| *b as f64).collect();

    sim.meter.reset(signers as usize);
    sim.options.sig_type = SignatureType::Schnorr;
    let signature = sim.sign_round(1);
    if !signature.ok {
        return Err(format!("signing failed: {:?}", signature.error));
    }
    let sign_signer: Vec<f64> = signature.signers_used.iter().map(|s| sim.meter.signer_ms[*s as usize]).collect();
    let aggregate_ms = sim.meter.coordinator_ms;
    let hops = sim.meter.hops_to_signature.unwrap_or(0);
    let clock = sim.meter.clock.take().expect("set above");

    let blame_check_ms = time_blame_check(key_config, &*clock)?;
    let total_ms = clock() - start;
    Ok(BenchReport {
        runtime: runtime.to_string(),
        signers,
        keys,
        threshold,
        weight_range: (weights.iter().copied().min().unwrap_or(0), weights.iter().copied().max().unwrap_or(0)),
        coordinator: if mode.roast { "roast" } else { "fire" }.into(),
        attackers: attackers.len() as u32,
        sessions: signature.sessions,
        round_trips: f64::from(hops) / 2.0,
        dkg_signer_ms: spread(&dkg_signer),
        dkg_coordinator_ms: round(dkg_coordinator_ms),
        sign_signer_ms: spread(&sign_signer),
        aggregate_ms: round(aggregate_ms),
        blame_check_ms: round(blame_check_ms),
        dkg_bytes_in_per_signer: spread(&bytes_in),
        dkg_bytes_out_per_signer: spread(&bytes_out),
        peak_memory_bytes: peak_memory(),
        total_ms: round(total_ms),
    })
}

/// Time one `BadPrivateShares` settlement: signer 0 deals a bad share to signer 1.
fn time_blame_check(config: Config, clock: &dyn Fn() -> f64) -> Result<f64, String> {
    let mut rng = ChaCha20Rng::seed_from_u64(9);
    let mut accused = SignerKeys::new(config.clone(), 0).map_err(|e| e.to_string())?;
    let mut reporter = SignerKeys::new(config.clone(), 1).map_err(|e| e.to_string())?;
    let accused_public = accused.start_dkg(1, &mut rng);
    let reporter_public = reporter.start_dkg(1, &mut rng);
    let peers = BTreeMap::from([(1, reporter_public.clone())]);
    let private = accused
        .encrypt_altered_shares(&peers, &mut rng, |_, shares| {
            shares[0] = SecretScalar::new(shares[0].expose() + Scalar::from(1));
        })
        .ok_or("DKG not started")?;
    let evidence = reporter.bad_share_evidence(&accused_public, &mut rng).ok_or("DKG not started")?;
    let t0 = clock();
    let verdict = settle_bad_private_shares(&config, &accused_public, &private, &reporter_public, &evidence)
        .map_err(|e| e.to_string())?;
    let elapsed = clock() - t0;
    if verdict != Verdict::AccusedAtFault {
        return Err("the blame check reached the wrong verdict".into());
    }
    Ok(elapsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attackers_are_the_lightest_the_weight_allows() {
        // 20 key ids, threshold 13: 7 spare; 1 + 2 + 3 = 6 fit, 5 does not.
        assert_eq!(attackers(&[5, 1, 3, 9, 2], 13), vec![1, 2, 4]);
        assert_eq!(attackers(&[1; 100], 67).len(), 33);
        assert!(attackers(&[4, 4], 8).is_empty());
    }

    #[test]
    fn skewed_weights_sum_to_the_keys_and_fall_with_rank() {
        let w = skewed_weights(100, 4000);
        assert_eq!(w.len(), 100);
        assert_eq!(w.iter().sum::<u32>(), 4000);
        assert!(w.iter().all(|x| *x >= 1));
        assert!(w.windows(2).all(|p| p[0] >= p[1]), "{w:?}");
        assert!(w[0] > 20 * w[99], "skewed: {} vs {}", w[0], w[99]);
    }
}
