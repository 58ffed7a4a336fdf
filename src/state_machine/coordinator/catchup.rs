//! Catching up a key holder that missed the end of DKG (issue: a signer that
//! missed `DkgEndBegin` got no key share until the next DKG).
//!
//! When an attempt makes a key, the coordinator keeps, for every holder that
//! did not report its result, the private-shares packets pruned for it. Such
//! a signer learns it is behind when a request for the new key reaches it;
//! it then asks (`TranscriptRequest` with `end_begin`), gets the
//! coordinator's own signed `DkgEndBegin` and the copies, finishes DKG and
//! reports. Every packet it gets is signed by its dealer or by the
//! coordinator and checked as in the attempt itself, so nobody else can
//! change its state this way.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::Fx;
use crate::{
    blame::DkgTranscript,
    crypto::{Point, SignerId},
    net::{DkgEnd, DkgEndBegin, DkgPrivateShares, DkgPublicShares, DkgStatus, Packet, TranscriptRequest},
    state_machine::{Destination, StateError},
};

/// An honest signer asks at most once per step for what it lacks; this leaves
/// room for that and stops a signer from making the coordinator resend the
/// transcript without end.
const MAX_TRANSCRIPT_REQUESTS: u32 = 4;

/// Count one more request from `from`, refusing it past the limit.
pub(super) fn count_request(answered: &mut BTreeMap<SignerId, u32>, from: SignerId) -> Result<(), StateError> {
    let count = answered.entry(from).or_insert(0);
    if *count >= MAX_TRANSCRIPT_REQUESTS {
        return Err(StateError::Invalid {
            message: "TranscriptRequest",
            reason: "too many transcript requests this attempt".into(),
        });
    }
    *count += 1;
    Ok(())
}

/// Resend what `to` asked for: each named packet at most once per request,
/// in the copy made for it, and `DkgEndBegin` if it asks.
pub(super) fn resend(
    to: SignerId,
    request: &TranscriptRequest,
    public: impl Fn(SignerId) -> Option<Packet<DkgPublicShares>>,
    private: impl Fn(SignerId) -> Option<Packet<DkgPrivateShares>>,
    end_begin: Option<&Packet<DkgEndBegin>>,
) -> Fx {
    let to = Destination::Signer(to);
    let mut fx = Fx::default();
    for copy in request.public.iter().collect::<BTreeSet<_>>().into_iter().filter_map(|s| public(*s)) {
        fx.forward(to, &copy);
    }
    for copy in request.private.iter().collect::<BTreeSet<_>>().into_iter().filter_map(|s| private(*s)) {
        fx.forward(to, &copy);
    }
    if let Some(end_begin) = end_begin.filter(|_| request.end_begin) {
        fx.send(to, end_begin);
    }
    fx
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(super) struct Catchup {
    /// For each holder not yet heard from: every dealer's packet, pruned for it.
    private: BTreeMap<SignerId, BTreeMap<SignerId, Packet<DkgPrivateShares>>>,
    /// Requests answered per holder.
    answered: BTreeMap<SignerId, u32>,
}

impl Catchup {
    pub fn new(transcript: &DkgTranscript, late: &BTreeSet<SignerId>) -> Self {
        let copies = |holder: SignerId| transcript.private.iter().map(|(d, p)| (*d, p.pruned_for(holder))).collect();
        Catchup { private: late.iter().map(|h| (*h, copies(*h))).collect(), answered: BTreeMap::new() }
    }

    /// Answer a late holder's request, at most [`MAX_TRANSCRIPT_REQUESTS`]
    /// times; anyone else's is a replay of the finished attempt.
    pub fn answer(
        &mut self,
        from: SignerId,
        request: &TranscriptRequest,
        end_begin: Option<&Packet<DkgEndBegin>>,
    ) -> Result<Fx, StateError> {
        let Some(copies) = self.private.get(&from) else {
            return Err(StateError::Replay { message: "TranscriptRequest" });
        };
        count_request(&mut self.answered, from)?;
        Ok(resend(from, request, |_| None, |s| copies.get(&s).cloned(), end_begin))
    }

    /// Is `holder` still behind (it has not reported the key)?
    pub fn is_late(&self, holder: SignerId) -> bool {
        self.private.contains_key(&holder)
    }

    /// A late holder reports the key: it needs nothing more.
    pub fn confirm(&mut self, from: SignerId, end: &DkgEnd, group_key: &Point) -> Result<(), StateError> {
        const NAME: &str = "DkgEnd";
        if !self.private.contains_key(&from) {
            return Err(StateError::Replay { message: NAME });
        }
        match &end.status {
            DkgStatus::Success { group_key: theirs } if theirs == group_key => {
                self.private.remove(&from);
                self.answered.remove(&from);
                Ok(())
            }
            _ => Err(StateError::Invalid { message: NAME, reason: "a late result must confirm the group key".into() }),
        }
    }
}
