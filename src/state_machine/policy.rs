//! The coordinator's retry and timeout policies.
//!
//! - **FIRE** (timeouts, retries, blame): deadlines on every step; a signer
//!   that misses one is *unresponsive*, left out of that attempt only, and
//!   the coordinator goes on with the rest while their weight reaches the
//!   threshold, retrying with back-off up to a bound. Within a signing round
//!   a retry leaves out the signers that went silent, unless the rest fall
//!   short of the threshold, in which case everyone is asked again (ROAST's
//!   insight, Ruffing et al., CCS 2022: a staller delays one attempt but is
//!   never pinned to the honest set for good).
//! - **FROST**: waits for every signer, with no deadlines and no retries.
//!
//! A new policy (ROAST's concurrent sessions, say) is a new variant here and
//! the rounds that consult it; the drivers do not change.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::Millis;
use crate::{config::Config, crypto::SignerId};

/// How long each step may take, in milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeouts {
    pub dkg_public: Millis,
    pub dkg_private: Millis,
    pub dkg_end: Millis,
    pub nonce: Millis,
    pub signature_share: Millis,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts { dkg_public: 10_000, dkg_private: 10_000, dkg_end: 10_000, nonce: 5_000, signature_share: 5_000 }
    }
}

/// How often to retry, and how long to wait between attempts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetryPolicy {
    pub max_dkg_attempts: u32,
    /// Attempts (sign_iter_id values) per signing round.
    pub max_sign_attempts: u32,
    /// The wait after the first failed attempt, doubling each time.
    pub backoff_base: Millis,
    pub backoff_max: Millis,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { max_dkg_attempts: 5, max_sign_attempts: 8, backoff_base: 500, backoff_max: 8_000 }
    }
}

impl RetryPolicy {
    /// Back-off after `failed` attempts (1-based).
    pub fn backoff(&self, failed: u32) -> Millis {
        self.backoff_base.saturating_mul(1 << failed.saturating_sub(1).min(20)).min(self.backoff_max)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Policy {
    Fire { timeouts: Timeouts, retry: RetryPolicy },
    Frost,
}

/// The steps that can have a deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    DkgPublic,
    DkgPrivate,
    DkgEnd,
    Nonce,
    SignatureShare,
}

impl Policy {
    pub fn fire() -> Self {
        Policy::Fire { timeouts: Timeouts::default(), retry: RetryPolicy::default() }
    }

    /// When `step`, begun at `now`, times out (never under FROST).
    pub(crate) fn deadline(&self, step: Step, now: Millis) -> Option<Millis> {
        let Policy::Fire { timeouts: t, .. } = self else { return None };
        let wait = match step {
            Step::DkgPublic => t.dkg_public,
            Step::DkgPrivate => t.dkg_private,
            Step::DkgEnd => t.dkg_end,
            Step::Nonce => t.nonce,
            Step::SignatureShare => t.signature_share,
        };
        Some(now.saturating_add(wait))
    }

    pub(crate) fn retry(&self) -> RetryPolicy {
        match self {
            Policy::Fire { retry, .. } => *retry,
            Policy::Frost => RetryPolicy { max_dkg_attempts: 1, max_sign_attempts: 1, backoff_base: 0, backoff_max: 0 },
        }
    }

    /// Does the nonce step wait for every signer asked (rather than for
    /// enough weight)?
    pub(crate) fn waits_for_every_nonce(&self) -> bool {
        matches!(self, Policy::Frost)
    }

    /// May a DKG attempt succeed without every included signer's `DkgEnd`?
    pub(crate) fn accepts_partial_dkg_end(&self) -> bool {
        matches!(self, Policy::Fire { .. })
    }
}

/// Whom to ask for nonces: the eligible signers that answered last time,
/// if their weight reaches the threshold, else every eligible signer.
pub(crate) fn signers_to_ask(
    config: &Config,
    eligible: &BTreeSet<SignerId>,
    unresponsive: &BTreeSet<SignerId>,
) -> BTreeSet<SignerId> {
    let responsive: BTreeSet<SignerId> = eligible.difference(unresponsive).copied().collect();
    if config.weight_of(&responsive) >= config.threshold {
        responsive
    } else {
        eligible.clone()
    }
}
