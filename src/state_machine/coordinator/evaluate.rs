//! The end of a DKG attempt: every included signer's result is in (or its
//! deadline passed). Settle each reported failure against the transcript,
//! check each reported key, and decide whether the key is made.

use std::collections::BTreeSet;

use super::{
    catchup::Catchup,
    dkg::{Attempt, AttemptEnd},
    Ctx, Fx, KeyState,
};
use crate::{
    blame::{self, DkgTranscript},
    crypto::{signing::GroupPublicKeys, SignerId},
    net::{DkgEndFailure, DkgStatus},
    state_machine::{
        effects::Effect,
        events::{CoordinatorEvent, DkgAttemptReport},
    },
};

/// Judge the attempt. Its packets move into the transcript.
pub(super) fn evaluate(a: &mut Attempt, ctx: &mut Ctx<'_>, fx: &mut Fx) -> AttemptEnd {
    let transcript = DkgTranscript {
        dkg_id: a.dkg_id,
        public: std::mem::take(&mut a.public),
        private: std::mem::take(&mut a.private),
        end_begin: a.end_begin.take(),
    };
    let rules = ctx.rules();
    let Some(public_keys) = rules.public_keys(&transcript, &a.included_private) else {
        return a.fail(fx, "malformed public shares");
    };
    let (reported, successes) = judge_results(a, ctx, &transcript, &public_keys);
    a.findings.sort();
    a.findings.dedup();
    fx.push(Effect::Prove(a.findings.clone()));
    let reporters = rules.reporters(&a.included_public, &a.included_private);
    let everyone_answered = reporters.iter().all(|s| a.ends.contains_key(s));
    // Signers proven malicious before `DkgEndBegin` were left out of the key;
    // only offences by signers whose shares are in it spoil the attempt.
    let spoiled = a.findings.iter().any(|f| a.included_private.contains(&f.signer));
    let ok = !spoiled
        && reported.is_empty()
        && rules.enough_successes(&successes)
        && (everyone_answered || ctx.policy.accepts_partial_dkg_end());
    fx.push(Effect::Unresponsive(a.unresponsive.iter().copied().collect()));
    fx.report(CoordinatorEvent::DkgAttempt(DkgAttemptReport {
        dkg_id: a.dkg_id,
        ok,
        reported_failures: reported,
        malicious: a.findings.clone(),
        unresponsive: a.unresponsive.clone(),
    }));
    if !ok {
        return AttemptEnd::Failed("signers reported failures or too few succeeded");
    }
    let holders: BTreeSet<SignerId> = reporters.iter().copied().collect();
    let (dkg_id, group_key, signers) = (a.dkg_id, public_keys.group_key, holders.iter().copied().collect());
    fx.report(match ctx.reshare.as_deref() {
        None => CoordinatorEvent::DkgComplete { dkg_id, group_key, signers },
        Some(spec) => CoordinatorEvent::Reshared { dkg_id, epoch: spec.epoch, group_key, signers },
    });
    // Holders that did not report: they may have missed `DkgEndBegin`.
    let late: BTreeSet<SignerId> = holders.iter().filter(|s| !successes.contains(s)).copied().collect();
    let catchup = Catchup::new(&transcript, &late);
    let end_begin = transcript.end_begin;
    AttemptEnd::Key(Box::new(KeyState { dkg_id: a.dkg_id, public_keys, holders, end_begin, catchup }))
}

/// Every reported failure (settled into findings) and every signer that
/// reported the transcript's key.
fn judge_results(
    a: &mut Attempt,
    ctx: &Ctx<'_>,
    transcript: &DkgTranscript,
    public_keys: &GroupPublicKeys,
) -> (Vec<(SignerId, DkgEndFailure)>, BTreeSet<SignerId>) {
    let mut reported = Vec::new();
    let mut successes = BTreeSet::new();
    for (signer, end) in &a.ends {
        match &end.status {
            DkgStatus::Success { group_key } if *group_key == public_keys.group_key => {
                successes.insert(*signer);
            }
            DkgStatus::Success { .. } => a.findings.extend(blame::check_reported_key(*signer, end, &public_keys.group_key)),
            DkgStatus::Failure(failure) => {
                reported.push((*signer, failure.clone()));
                a.findings.extend(ctx.rules().settle(transcript, *signer, failure));
            }
        }
    }
    (reported, successes)
}
