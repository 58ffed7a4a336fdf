//! The coordinator's side of a reshare or refresh
//! ([`crate::crypto::reshare`]): a [`super::dkg::DkgRun`] under the rules of
//! a [`ReshareDealing`] instead of the DKG's [`Config`].
//!
//! Each attempt opens with a signed `ReshareBegin` naming the old signers
//! that deal (every old holder not proven malicious; those silent in the
//! last attempt are left out while the rest still reach the old threshold),
//! the new signers, weights and threshold, and the old public keys. Then the
//! DKG's three steps run with these [`Rules`]: every dealer and every new
//! signer must publish (the Lagrange coefficients are over all dealers), the
//! dealers deal, the new signers report. Packets are judged by the DKG's pure
//! blame functions under the dealing, so a bad constant term is named from
//! public data and nothing else changes. A failed attempt retries with a new
//! dealer set; the old epoch stays current until an attempt makes the new
//! one, whose group key is the old one by construction. After the first
//! signature under the new epoch, under any policy, `EpochConfirmed` goes
//! to every holder of the new epoch and to the old holders that left, so
//! that no old threshold of undeleted shares is left behind.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{dkg::DkgRun, Coordinator, Ctx, Fx, Round};
use crate::{
    blame::{self, DkgTranscript, Finding, Offence},
    config::{Dealing, ReshareDealing},
    crypto::{polynomial, signing::GroupPublicKeys, Point, SignerId},
    keys,
    net::{Packet, Sender, DkgEndFailure, DkgPrivateShares, DkgPublicShares, EpochConfirmed, ReshareBegin},
    state_machine::{events::{CoordinatorEvent, SignatureOutcome}, CeremonyConfig, Destination, Millis, StateError, Transmit},
};

/// A reshare the coordinator runs: where it goes, and the attempt's dealing.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct ReshareSpec {
    pub target: CeremonyConfig,
    pub old_dkg_id: u64,
    /// The epoch the reshare makes.
    pub epoch: u64,
    /// Dealers silent in the last attempt.
    pub silent: BTreeSet<SignerId>,
    /// The dealing of the attempt in progress.
    pub dealing: Option<ReshareDealing>,
}

impl ReshareSpec {
    /// A reshare of the current key to `target`, checked: a valid config
    /// whose network keys extend ours, under the same coordinator key.
    pub fn new(current: &CeremonyConfig, target: CeremonyConfig, old_dkg_id: u64, epoch: u64) -> Result<Self, StateError> {
        target.validate()?;
        let extends = target.network.coordinator == current.network.coordinator
            && target.network.signers.starts_with(&current.network.signers);
        if !extends {
            return Err(StateError::Config("a reshare keeps the coordinator and extends the network keys".into()));
        }
        Ok(ReshareSpec { target, old_dkg_id, epoch: epoch + 1, silent: BTreeSet::new(), dealing: None })
    }

    /// Sign and send the next attempt's `ReshareBegin`; its participants.
    pub fn invite(&mut self, ctx: &mut Ctx<'_>, dkg_id: u64, fx: &mut Fx) -> Result<BTreeSet<SignerId>, String> {
        let key = ctx.key.ok_or("no key to reshare")?;
        let old = &ctx.config.keys;
        let candidates: BTreeSet<SignerId> =
            key.holders.iter().filter(|s| !ctx.malicious.contains_key(s)).copied().collect();
        let responsive: BTreeSet<SignerId> = candidates.difference(&self.silent).copied().collect();
        let dealers = if old.weight_of(&responsive) >= old.threshold { responsive } else { candidates };
        let dealers = dealers.into_iter().map(|d| (d, old.key_ids(d).to_vec())).collect();
        let begin = ReshareBegin {
            dkg_id,
            old_dkg_id: self.old_dkg_id,
            epoch: self.epoch,
            old_keys: key.public_keys.clone(),
            dealers,
            config: self.target.keys.clone(),
            network: self.target.network.clone(),
        };
        let dealing = begin.dealing().map_err(|e| format!("cannot reshare: {e}"))?;
        let invited = begin.participants().into_iter().filter(|s| !ctx.malicious.contains_key(s)).collect();
        fx.send(Destination::AllSigners, &ctx.sign(begin));
        self.dealing = Some(dealing);
        Ok(invited)
    }
}

/// What a DKG attempt's steps ask of the ceremony's rules: a DKG's config or
/// a reshare's dealing.
pub(super) enum Rules<'a> {
    Dkg(&'a CeremonyConfig),
    Reshare(&'a ReshareDealing, &'a CeremonyConfig),
}

impl Rules<'_> {
    pub fn of<'a>(config: &'a CeremonyConfig, spec: Option<&'a ReshareSpec>) -> Rules<'a> {
        match spec.and_then(|s| s.dealing.as_ref().map(|d| (d, &s.target))) {
            Some((dealing, target)) => Rules::Reshare(dealing, target),
            None => Rules::Dkg(config),
        }
    }

    pub fn check_public(&self, dkg_id: u64, m: &DkgPublicShares) -> Result<(), Offence> {
        match self {
            Rules::Dkg(c) => blame::check_public_shares(&c.keys, dkg_id, m),
            Rules::Reshare(d, _) => blame::check_public_shares(*d, dkg_id, m),
        }
    }

    /// Who sends private shares, of the signers whose public shares are in.
    pub fn dealers(&self, included_public: &[SignerId]) -> Vec<SignerId> {
        match self {
            Rules::Dkg(_) => included_public.to_vec(),
            Rules::Reshare(d, _) => included_public.iter().filter(|s| d.polynomials_of(**s) > 0).copied().collect(),
        }
    }

    pub fn check_private(&self, dkg_id: u64, m: &DkgPrivateShares, included_public: &[SignerId]) -> Result<(), Offence> {
        match self {
            Rules::Dkg(c) => blame::check_private_shares(&c.keys, dkg_id, m, included_public),
            Rules::Reshare(d, _) => {
                let recipients: Vec<SignerId> =
                    included_public.iter().filter(|s| !d.recipient_key_ids(**s).is_empty()).copied().collect();
                blame::check_private_shares(*d, dkg_id, m, &recipients)
            }
        }
    }

    /// Who reports a result: the dealers whose private shares are in (DKG),
    /// or the new signers whose public shares are (a reshare).
    pub fn reporters(&self, included_public: &[SignerId], included_private: &[SignerId]) -> Vec<SignerId> {
        match self {
            Rules::Dkg(_) => included_private.to_vec(),
            Rules::Reshare(d, _) => {
                included_public.iter().filter(|s| !d.recipient_key_ids(**s).is_empty()).copied().collect()
            }
        }
    }

    /// Enough public shares to go on: weight for a DKG; for a reshare, every
    /// dealer (the Lagrange coefficients are over all of them) and new
    /// signers reaching the new threshold (the silent and the proven
    /// malicious get no shares in this epoch).
    pub fn enough_public(&self, included: &[SignerId]) -> bool {
        match self {
            Rules::Dkg(c) => c.keys.weight_of(included) >= c.keys.dkg_threshold,
            Rules::Reshare(d, t) => {
                let recipients = included.iter().filter(|s| t.keys.signers.contains_key(s));
                d.dealers().dealers().all(|s| included.contains(&s)) && t.keys.weight_of(recipients) >= t.keys.threshold
            }
        }
    }

    /// Enough private shares to make the key: weight for a DKG; every dealer
    /// for a reshare.
    pub fn enough_private(&self, included: &[SignerId]) -> bool {
        match self {
            Rules::Dkg(c) => c.keys.weight_of(included) >= c.keys.dkg_threshold,
            Rules::Reshare(d, _) => d.dealers().dealers().all(|s| included.contains(&s)),
        }
    }

    /// Enough signers confirmed the key: DKG threshold, or the new threshold.
    pub fn enough_successes(&self, successes: &BTreeSet<SignerId>) -> bool {
        match self {
            Rules::Dkg(c) => c.keys.weight_of(successes) >= c.keys.dkg_threshold,
            Rules::Reshare(_, t) => t.keys.weight_of(successes) >= t.keys.threshold,
        }
    }

    /// `[A_1, …, A_{t-1}]` summed over the dealers' commitments.
    pub fn aggregate_rest<'p>(&self, dealers: impl IntoIterator<Item = &'p DkgPublicShares>) -> Option<Vec<Point>> {
        match self {
            Rules::Dkg(c) => keys::aggregate_rest(&c.keys, dealers),
            Rules::Reshare(d, _) => {
                polynomial::aggregate_rest(dealers.into_iter().flat_map(|p| &p.commitments), d.dealing_threshold())
            }
        }
    }

    /// The public keys the dealers' full commitments make.
    pub fn public_keys(&self, transcript: &DkgTranscript, dealers: &[SignerId]) -> Option<GroupPublicKeys> {
        let shares = dealers.iter().filter_map(|s| transcript.public_shares(*s));
        match self {
            Rules::Dkg(c) => keys::group_public_keys(&c.keys, shares),
            Rules::Reshare(d, _) => {
                let shares: Vec<&DkgPublicShares> = shares.collect();
                let rest = self.aggregate_rest(shares.iter().copied())?;
                let constants = shares.iter().flat_map(|p| p.commitments.iter().map(|c| c.constant()));
                let keys = GroupPublicKeys::from_parts(constants, &rest);
                (keys.group_key == *d.group_key()).then_some(keys)
            }
        }
    }

    pub fn settle(&self, transcript: &DkgTranscript, reporter: SignerId, failure: &DkgEndFailure) -> Vec<Finding> {
        match self {
            Rules::Dkg(c) => blame::settle_dkg_failure(&c.keys, &c.network, transcript, reporter, failure),
            Rules::Reshare(d, t) => blame::settle_dkg_failure(*d, &t.network, transcript, reporter, failure),
        }
    }

}

impl Coordinator {
    /// Reshare the key to `target` (signers, weights, threshold, network
    /// keys extending ours), keeping the group key. The old epoch stays
    /// current until an attempt succeeds.
    pub fn start_reshare(&mut self, target: CeremonyConfig, now: Millis) -> Result<(), StateError> {
        if !self.is_idle() {
            return Err(StateError::Busy(self.phase_name()));
        }
        let key = self.state.key.as_ref().ok_or(StateError::NoKey)?;
        let spec = ReshareSpec::new(&self.state.config, target, key.dkg_id, self.state.epoch)?;
        self.state.progress = Default::default();
        let mut fx = Fx::default();
        fx.report(CoordinatorEvent::ReshareStarted { epoch: spec.epoch });
        self.state.reshare = Some(spec);
        let (_, mut ctx) = self.split(now);
        let (run, start) = DkgRun::start(&mut ctx);
        fx.extend(start);
        self.state.round = Round::Dkg(Box::new(run));
        self.apply(fx);
        Ok(())
    }

    /// Refresh: reshare to the same signers, weights and threshold.
    pub fn start_refresh(&mut self, now: Millis) -> Result<(), StateError> {
        self.start_reshare(self.state.config.clone(), now)
    }

    /// The signers, weights, thresholds and network keys of the current epoch.
    pub fn ceremony_config(&self) -> &CeremonyConfig {
        &self.state.config
    }

    /// The current key's epoch: 0 after DKG, one more after each reshare.
    pub fn epoch(&self) -> u64 {
        self.state.epoch
    }

    /// The config a reshare in progress moves to (joiners' keys included),
    /// or `None` when none runs: what a reloaded page routes by.
    pub fn reshare_target(&self) -> Option<&CeremonyConfig> {
        self.state.reshare.as_ref().map(|s| &s.target)
    }

    /// Packets are checked against the reshare's network keys while one
    /// runs (they extend ours with the joining signers').
    pub(super) fn network(&self) -> &crate::net::NetworkKeys {
        match &self.state.reshare {
            Some(spec) => &spec.target.network,
            None => &self.state.config.network,
        }
    }

    /// A signature under a new epoch, under any policy: tell every signer
    /// still keeping old shares (the epoch's signers, whether they signed
    /// this time or not, and the old signers that left), once. A holder
    /// still catching up (it missed `DkgEndBegin`) holds no new epoch yet:
    /// it is told after a later signature.
    pub(super) fn confirm_epoch(&mut self, s: &SignatureOutcome) -> Vec<Transmit> {
        let Some(key) = self.state.key.as_ref() else { return vec![] };
        let (late, to): (BTreeSet<SignerId>, BTreeSet<SignerId>) =
            std::mem::take(&mut self.state.unconfirmed).into_iter().partition(|x| key.catchup.is_late(*x));
        self.state.unconfirmed = late;
        if to.is_empty() {
            return vec![];
        }
        let confirmed = EpochConfirmed {
            dkg_id: key.dkg_id,
            sign_id: s.sign_id,
            sign_iter_id: s.sign_iter_id,
            message: s.message.clone(),
            sig_type: s.sig_type,
            signature: s.signature.clone(),
        };
        let bytes = Packet::sign(Sender::Coordinator, confirmed, &self.network_key, &mut self.rng.0).to_bytes();
        to.into_iter().map(|x| Transmit { to: Destination::Signer(x), message: "EpochConfirmed", bytes: bytes.clone() }).collect()
    }
}
