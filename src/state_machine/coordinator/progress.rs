//! What the coordinator waits for, step by step, for display: the same
//! picture the browser page draws as progress bars.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    dkg::{DkgRun, DkgStep, RunState},
    roast::RoastRun,
    sign::{SignRun, SignState},
};
use crate::{
    blame::Offence,
    crypto::SignerId,
    state_machine::report::{RoundProgress, StepProgress},
};

/// Who is out of the running: proven malicious, or silent past a deadline.
pub(super) struct Standing<'a> {
    pub malicious: &'a BTreeMap<SignerId, Offence>,
    pub unresponsive: &'a BTreeSet<SignerId>,
}

/// A step: whom it expects, whom it heard, and (while `live`) whom it still
/// awaits: neither heard, nor silent past a deadline, nor proven malicious.
fn step(
    ctx: &Standing<'_>,
    unresponsive: &BTreeSet<SignerId>,
    expected: Vec<SignerId>,
    got: Vec<SignerId>,
    live: bool,
) -> Option<StepProgress> {
    let out = |s: &SignerId| unresponsive.contains(s) || ctx.malicious.contains_key(s);
    let awaited =
        if live { expected.iter().filter(|s| !got.contains(s) && !out(s)).copied().collect() } else { vec![] };
    Some(StepProgress { done: !live, expected, got, awaited })
}

fn named(steps: &[&str]) -> BTreeMap<String, Option<StepProgress>> {
    steps.iter().map(|s| (s.to_string(), None)).collect()
}

pub(super) fn of_dkg(run: &DkgRun, ctx: &Standing<'_>) -> RoundProgress {
    let RunState::Attempt(a) = &run.state else {
        let previous = run.previous.clone().unwrap_or_default();
        return RoundProgress { attempt: run.attempt, running: true, ..previous };
    };
    let mut steps = named(&["public", "private", "end"]);
    let live = |s: DkgStep| a.step == s;
    let public_got = if live(DkgStep::Public) { a.public.keys().copied().collect() } else { a.included_public.clone() };
    let invited = a.invited.iter().copied().collect();
    steps.insert("public".into(), step(ctx, &a.unresponsive, invited, public_got, live(DkgStep::Public)));
    if a.step >= DkgStep::Private {
        let got = if live(DkgStep::Private) { a.private.keys().copied().collect() } else { a.included_private.clone() };
        let expected = a.included_public.clone();
        steps.insert("private".into(), step(ctx, &a.unresponsive, expected, got, live(DkgStep::Private)));
    }
    if live(DkgStep::End) {
        let got = a.ends.keys().copied().collect();
        steps.insert("end".into(), step(ctx, &a.unresponsive, a.included_private.clone(), got, true));
    }
    let current = match a.step {
        DkgStep::Public => "public",
        DkgStep::Private => "private",
        DkgStep::End => "end",
    };
    RoundProgress { attempt: run.attempt, running: true, failed: false, current: Some(current.into()), steps }
}

pub(super) fn of_signing(run: &SignRun, ctx: &Standing<'_>) -> RoundProgress {
    let mut steps = named(&["nonce", "share"]);
    let none = BTreeSet::new();
    let current = match &run.state {
        SignState::Backoff { .. } => {
            let previous = run.previous.clone().unwrap_or_default();
            return RoundProgress { attempt: run.attempt, running: true, ..previous };
        }
        SignState::Nonce(s) => {
            let (expected, got) = (s.asked.iter().copied().collect(), s.nonces.keys().copied().collect());
            steps.insert("nonce".into(), step(ctx, ctx.unresponsive, expected, got, true));
            "nonce"
        }
        SignState::Share(s) => {
            let (expected, got) = (s.asked.iter().copied().collect(), s.chosen().copied().collect());
            steps.insert("nonce".into(), step(ctx, &none, expected, got, false));
            let (expected, got) = (s.chosen().copied().collect(), s.shares.keys().copied().collect());
            steps.insert("share".into(), step(ctx, ctx.unresponsive, expected, got, true));
            "share"
        }
    };
    RoundProgress { attempt: run.attempt, running: true, failed: false, current: Some(current.into()), steps }
}

/// A ROAST round: its sessions as attempts; the current step is the shares
/// of the latest session (its members pending, whom it awaits, never late).
pub(super) fn of_roast(run: &RoastRun, ctx: &Standing<'_>) -> RoundProgress {
    let mut steps = named(&["nonce", "share"]);
    let none = BTreeSet::new();
    let Some((id, latest)) = run.sessions.iter().next_back() else {
        return RoundProgress { attempt: 0, running: true, failed: false, current: Some("nonce".into()), steps };
    };
    let members: Vec<SignerId> = latest.members.keys().copied().collect();
    steps.insert("nonce".into(), step(ctx, &none, members.clone(), members.clone(), false));
    let queued = run.unverified.iter().filter(|r| r.session_id == *id).map(|r| r.from);
    let got = latest.shares.keys().copied().chain(queued).collect();
    let live = members.iter().any(|s| run.pending.get(s) == Some(id));
    steps.insert("share".into(), step(ctx, &none, members, got, live));
    RoundProgress { attempt: run.started(), running: true, failed: false, current: Some("share".into()), steps }
}
