//! The signer driver's inputs for reshares and epochs: `ReshareBegin`,
//! `EpochConfirmed`, and the switch between epochs (the rules are in
//! [`super::reshare`]). A key share is never lost without cause: the old
//! epoch's is deleted only once a signature under the group key after the
//! reshare verifies (`EpochConfirmed`); a signer that left in the reshare
//! then deletes all it holds and reports `Retired`.

use super::{
    reshare::{self, NewEpoch, PreviousEpoch},
    Fx, Signer,
};
use crate::{
    keys::{ReshareKeys, SignerKeys},
    crypto::Point,
    net::{EpochConfirmed, NetworkKeys, ReshareBegin},
    state_machine::{events::SignerEvent, invalid, StateError},
};

impl Signer {
    /// The keys packets are checked against: during a reshare, the new
    /// epoch's (they extend ours with the joining signers').
    pub(super) fn network(&self) -> &NetworkKeys {
        match &self.state.reshare {
            Some(r) if !r.round.is_over() => &r.state.begin.network,
            _ => &self.state.config.network,
        }
    }

    /// The latest DKG or reshare id we took part in or hold a key from.
    pub(super) fn last_dkg_id(&self) -> Option<u64> {
        let reshare = self.state.reshare.as_ref().map(|r| r.round.dkg_id);
        self.state.dkg.as_ref().map(|d| d.dkg_id).max(self.state.key_dkg_id).max(reshare)
    }

    /// The epoch of the current key shares (0 after DKG).
    pub fn epoch(&self) -> u64 {
        self.state.epoch
    }

    /// Does this signer still hold the previous epoch's shares?
    pub fn holds_previous_epoch(&self) -> bool {
        self.state.previous.is_some()
    }

    /// Our secrets in the reshare in progress (adversary simulations).
    pub fn reshare_keys(&self) -> Option<&ReshareKeys> {
        self.state.reshare.as_ref().map(|r| &r.state.keys)
    }

    /// A signer with no key yet (a joiner, or one being repaired) takes a
    /// reshare or a repair only of `group_key`, which the wallet got out of
    /// band, instead of taking the group's public keys on the coordinator's
    /// word: a `ReshareBegin` or `RepairBegin` for another key is refused
    /// with [`StateError::UnexpectedGroupKey`], changing nothing. This closes a coordinator (or whoever holds its key) moving
    /// the joiner to a key of its own making; it does not check the old
    /// public key *shares* (the dealers' constant terms are checked against
    /// them, and the old holders check them against their own), nor protect
    /// a joiner that was given a wrong key. Not saved: call it again after
    /// [`Signer::restore`] until the reshare begins (then its key is fixed).
    pub fn expect_group_key(&mut self, group_key: Point) -> Result<(), StateError> {
        if self.state.key_dkg_id.is_some() {
            return Err(StateError::Config("a key holder checks a reshare against its own keys".into()));
        }
        self.expected_group_key = Some(group_key);
        Ok(())
    }

    pub(super) fn on_reshare_begin(&mut self, m: ReshareBegin) -> Result<Fx, StateError> {
        if self.last_dkg_id().is_some_and(|l| m.dkg_id <= l) {
            return Err(StateError::Replay { message: "ReshareBegin" });
        }
        let expected = self.expected_group_key.filter(|_| self.state.key_dkg_id.is_none());
        if expected.is_some_and(|k| k != *m.group_key()) {
            return Err(StateError::UnexpectedGroupKey { message: "ReshareBegin" });
        }
        // A retry under the old epoch, after a reshare we finished but the
        // coordinator did not: the old epoch is current again.
        self.roll_back_if_old(m.old_dkg_id);
        let key = self.state.key_dkg_id.map(|k| (k, self.state.epoch));
        reshare::check_begin(&m, &self.state.config, &self.state.keys, key)?;
        if !m.participants().contains(&self.state.signer_id) {
            return Ok(Fx::default());
        }
        let has_key = key.is_some();
        let (round, fx) = self.with_ctx(|ctx, _| reshare::start(ctx, m, has_key))?;
        self.state.reshare = Some(round);
        Ok(fx)
    }

    /// The reshare ended with our new shares: they become current, the old
    /// ones wait for confirmation.
    pub(super) fn enter_epoch(&mut self, new: NewEpoch) {
        let old_keys = std::mem::replace(&mut self.state.keys, new.keys);
        let old_config = std::mem::replace(&mut self.state.config, new.config);
        let had_key = self.state.key_dkg_id.replace(new.dkg_id).is_some();
        let epoch = new.epoch.saturating_sub(1);
        let (dkg_id, config, keys) = (new.old_dkg_id, old_config, old_keys);
        self.state.previous = Some(PreviousEpoch { dkg_id, had_key, epoch, config, keys });
        self.state.epoch = new.epoch;
        self.state.last_sign = None;
        self.signing = None;
        self.nonces.clear();
    }

    /// A request under the previous epoch: the coordinator did not take the
    /// new one (its attempt failed after ours ended), so go back.
    pub(super) fn roll_back_if_old(&mut self, dkg_id: u64) {
        if self.state.previous.as_ref().is_none_or(|p| p.dkg_id != dkg_id) {
            return;
        }
        let Some(old) = self.state.previous.take() else { return };
        let rolled = (self.state.key_dkg_id.unwrap_or_default(), self.state.epoch);
        self.state.keys = old.keys;
        self.state.config = old.config;
        self.state.key_dkg_id = old.had_key.then_some(old.dkg_id);
        self.state.epoch = old.epoch;
        self.state.last_sign = None;
        self.signing = None;
        self.nonces.clear();
        self.events.push_back(SignerEvent::EpochRolledBack { dkg_id: rolled.0, epoch: rolled.1 });
    }

    /// A signature under the current epoch verified: delete the old shares.
    /// A signer that left in the reshare deletes all it holds instead
    /// ([`Signer::retire`]).
    pub(super) fn on_epoch_confirmed(&mut self, m: &EpochConfirmed) -> Result<Fx, StateError> {
        const NAME: &str = "EpochConfirmed";
        if self.state.previous.is_none() {
            return self.retire(m);
        }
        if self.state.key_dkg_id != Some(m.dkg_id) {
            return Err(StateError::WrongDkgRound { message: NAME, got: m.dkg_id, current: self.state.key_dkg_id });
        }
        let group_key = self.group_key().ok_or(StateError::NoKey)?;
        // Our own round with these ids (FIRE, FROST): it must be what we signed.
        let ours = self.signing.as_ref().map(|s| s.request()).filter(|r| (r.sign_id, r.sign_iter_id) == (m.sign_id, m.sign_iter_id));
        if ours.is_some_and(|r| r.message != m.message || r.sig_type != m.sig_type) {
            return Err(invalid(NAME, "not the message we signed in that round"));
        }
        reshare::confirms(m, &group_key)?;
        self.state.previous = None;
        let mut fx = Fx::default();
        fx.report(SignerEvent::EpochConfirmed { dkg_id: m.dkg_id, epoch: self.state.epoch });
        Ok(fx)
    }

    /// We dealt in the reshare `m` confirms and hold no key ids after it:
    /// delete our shares, the reshare's secrets and any nonces, keeping the
    /// old config (a signer needs one; no reshare names it again). We check
    /// the signature under the group key our reshare kept; who signed we
    /// cannot check (we hold no signing round of the new epoch). A leaver
    /// that dealt in no attempt, or not in the one that made the epoch
    /// (silent, left out of the dealers), holds no record of it and keeps
    /// its shares: a gap the saved format does not cover yet.
    fn retire(&mut self, m: &EpochConfirmed) -> Result<Fx, StateError> {
        let me = self.state.signer_id;
        let left = self.state.reshare.as_ref().filter(|r| {
            let s = &r.state;
            r.round.dkg_id == m.dkg_id && s.deals(me) && !s.receives(me) && self.state.key_dkg_id == Some(s.begin.old_dkg_id)
        });
        let Some(left) = left else {
            return Err(StateError::Unexpected {
                message: "EpochConfirmed",
                state: "no previous epoch to delete and no reshare we left",
            });
        };
        let (group_key, epoch) = (*left.state.begin.group_key(), left.state.begin.epoch);
        reshare::confirms(m, &group_key)?;
        self.state.keys = SignerKeys::new(self.state.config.keys.clone(), me).map_err(|e| StateError::Config(e.to_string()))?;
        self.state.key_dkg_id = None;
        self.state.reshare = None;
        self.state.last_sign = None;
        self.signing = None;
        self.nonces.clear();
        let mut fx = Fx::default();
        fx.report(SignerEvent::Retired { dkg_id: m.dkg_id, epoch });
        Ok(fx)
    }
}
