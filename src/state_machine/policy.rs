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
//! - **ROAST** (Ruffing, Ronge, Jin, Schneider-Bensch, Schröder, CCS 2022):
//!   signing needs no deadline at all. Sessions run concurrently, a signer is
//!   pending in at most one, and a session starts with exactly the signers
//!   ready (see [`session_members`]); the round is
//!   `coordinator/roast.rs`, with the argument for its bound. Its DKG runs as
//!   FIRE's, with the same deadlines and retries.
//!
//! A new policy is a new variant here and the rounds that consult it; the
//! drivers do not change.

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
    Fire {
        timeouts: Timeouts,
        retry: RetryPolicy,
    },
    Frost,
    /// `timeouts` and `retry` apply to DKG only. `presign`: how many nonce
    /// commitments to ask of a signer the coordinator holds none of.
    Roast {
        timeouts: Timeouts,
        retry: RetryPolicy,
        presign: u32,
    },
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

    /// ROAST with FIRE's default DKG deadlines and retries, asking for two
    /// commitments at a time.
    pub fn roast() -> Self {
        Policy::Roast { timeouts: Timeouts::default(), retry: RetryPolicy::default(), presign: 2 }
    }

    /// When `step`, begun at `now`, times out (never under FROST, and never
    /// while signing under ROAST).
    pub(crate) fn deadline(&self, step: Step, now: Millis) -> Option<Millis> {
        let t = match (self, step) {
            (Policy::Fire { timeouts, .. }, _) => timeouts,
            (Policy::Roast { timeouts, .. }, Step::DkgPublic | Step::DkgPrivate | Step::DkgEnd) => timeouts,
            _ => return None,
        };
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
            Policy::Fire { retry, .. } | Policy::Roast { retry, .. } => *retry,
            Policy::Frost => RetryPolicy { max_dkg_attempts: 1, max_sign_attempts: 1, backoff_base: 0, backoff_max: 0 },
        }
    }

    /// Does signing run ROAST sessions (rather than FIRE or FROST attempts)?
    pub(crate) fn runs_sessions(&self) -> bool {
        matches!(self, Policy::Roast { .. })
    }

    /// How many nonce commitments to ask of a signer at a time (ROAST).
    pub(crate) fn presign(&self) -> u32 {
        match self {
            Policy::Roast { presign, .. } => (*presign).clamp(1, MAX_PRESIGN),
            _ => 1,
        }
    }

    /// Does the nonce step wait for every signer asked (rather than for
    /// enough weight)?
    pub(crate) fn waits_for_every_nonce(&self) -> bool {
        matches!(self, Policy::Frost)
    }

    /// May a DKG attempt succeed without every included signer's `DkgEnd`?
    pub(crate) fn accepts_partial_dkg_end(&self) -> bool {
        matches!(self, Policy::Fire { .. } | Policy::Roast { .. })
    }
}

/// The most commitments a signer makes for one request.
pub const MAX_PRESIGN: u32 = 16;

/// ROAST: the members of the next session, once the ready signers (not
/// malicious, not pending, holding an unused commitment) reach the threshold
/// by weight: exactly all of them.
pub(crate) fn session_members(config: &Config, ready: &BTreeSet<SignerId>) -> Option<BTreeSet<SignerId>> {
    (config.weight_of(ready) >= config.threshold).then(|| ready.clone())
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
