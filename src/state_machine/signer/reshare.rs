//! The signer's side of a reshare or refresh ([`crate::crypto::reshare`]):
//! `ReshareBegin`, then the DKG round of [`super::dkg`] under the reshare's
//! dealing, and an epoch change at the end.
//!
//! An old signer takes `ReshareBegin` only if it is for its current key and
//! epoch, names the coordinator it trusts, extends its network keys, lists
//! its own public keys and the dealers' key ids as its saved config has
//! them ([`ReshareBegin::check_against`]); so each dealer's constant term is
//! checked against the old public key shares it saved itself, never against
//! the coordinator's word. A joining signer holds no key: it takes the
//! reshare for the config it was invited with (its trust anchor, as a DKG
//! signer's config is), and the old public keys on the coordinator's word,
//! except the group key when the wallet gave it one to expect
//! ([`super::Signer::expect_group_key`]).
//! New shares are checked as in DKG (summed, batched, encrypted); the round
//! accuses only on the coordinator's own copies. A new signer (joining or
//! staying) that missed the reshare's `DkgEndBegin` catches up as a DKG
//! holder does: the first request for the new key makes it ask the
//! coordinator, which kept its copies (`coordinator/catchup.rs`).
//!
//! Epochs: the new shares become current when the round ends, and the old
//! ones are kept ([`PreviousEpoch`]) until a signature under the new epoch
//! is confirmed (`EpochConfirmed`: the signature is checked here under our
//! own group key, and against our own signing round if we signed in it).
//! A dealer that leaves (no key ids in the new epoch) keeps its old shares
//! until the same confirmation, then deletes them. If the coordinator goes
//! on with the old epoch instead (its reshare attempt failed elsewhere), the
//! signer goes back to it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{dkg::DkgRound, Ctx, Outcome};
use crate::{
    config::Dealing,
    crypto::{
        bip340,
        signing::{verify_signature, SignatureType},
        Point, SignerId,
    },
    keys::{ReshareKeys, SignerKeys},
    net::{DkgEndBegin, DkgEndFailure, DkgPrivateShares, DkgPublicShares, EpochConfirmed, ReshareBegin},
    state_machine::{invalid, CeremonyConfig, StateError},
};

/// A reshare in progress: what was called, our secrets, and the DKG round.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct ReshareRound {
    pub state: ReshareState,
    pub round: DkgRound,
}

/// What the DKG round reads of a reshare.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct ReshareState {
    pub begin: ReshareBegin,
    pub keys: ReshareKeys,
}

impl ReshareState {
    pub fn deals(&self, me: SignerId) -> bool {
        self.keys.dealing().polynomials_of(me) > 0
    }

    pub fn receives(&self, me: SignerId) -> bool {
        !self.keys.dealing().recipient_key_ids(me).is_empty()
    }
}

/// The epoch a finished reshare makes.
#[derive(Clone, Debug)]
pub(super) struct NewEpoch {
    pub dkg_id: u64,
    /// The key the reshare dealt (for a joining signer: one it never held).
    pub old_dkg_id: u64,
    pub epoch: u64,
    pub config: CeremonyConfig,
    pub keys: SignerKeys,
}

/// The old epoch, kept until the new one is confirmed. A joining signer's
/// holds no shares (`had_key` false): going back to it means holding none.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct PreviousEpoch {
    pub dkg_id: u64,
    pub had_key: bool,
    pub epoch: u64,
    pub config: CeremonyConfig,
    pub keys: SignerKeys,
}

/// Check a `ReshareBegin` against our state (see the module docs).
pub(super) fn check_begin(
    begin: &ReshareBegin,
    config: &CeremonyConfig,
    keys: &SignerKeys,
    key: Option<(u64, u64)>,
) -> Result<(), StateError> {
    const NAME: &str = "ReshareBegin";
    begin.dealing().map_err(|e| invalid(NAME, e))?;
    match (key, keys.public_keys()) {
        (Some((key_dkg_id, epoch)), Some(public)) => {
            if begin.old_dkg_id != key_dkg_id {
                return Err(StateError::WrongDkgRound { message: NAME, got: begin.old_dkg_id, current: Some(key_dkg_id) });
            }
            begin.check_against(&config.network, &config.keys, public, epoch).map_err(|e| invalid(NAME, e))
        }
        _ if begin.config == config.keys && begin.network == config.network && begin.epoch > 0 => Ok(()),
        _ => Err(invalid(NAME, "not the configuration this joining signer was invited with")),
    }
}

/// Start our part: a dealer's commitment and key-exchange key, or (joining,
/// or staying without dealing) a key-exchange key only.
pub(super) fn start(ctx: &mut Ctx<'_>, begin: ReshareBegin, has_key: bool) -> Result<(ReshareRound, super::Fx), StateError> {
    let dealing = begin.dealing().map_err(|e| invalid("ReshareBegin", e))?;
    let (keys, public) = if has_key {
        ctx.keys.start_reshare(begin.dkg_id, dealing, ctx.signer.rng).map_err(|e| invalid("ReshareBegin", e))?
    } else {
        ReshareKeys::join(begin.dkg_id, ctx.me, dealing, ctx.signer.rng)
    };
    let invited = begin.participants();
    let (round, fx) = DkgRound::reshare(ctx, invited, public);
    Ok((ReshareRound { state: ReshareState { begin, keys }, round }, fx))
}

/// Every listed packet is in: check it all and make the new epoch's keys.
pub(super) fn finish_epoch(
    r: &ReshareState,
    me: SignerId,
    end: &DkgEndBegin,
    public: &BTreeMap<SignerId, DkgPublicShares>,
    private: &BTreeMap<SignerId, DkgPrivateShares>,
    rng: &mut rand_chacha::ChaCha20Rng,
) -> Result<(Point, Outcome), DkgEndFailure> {
    let bad_state = |why: &str| DkgEndFailure::BadState(why.into());
    // The Lagrange coefficients are over every dealer: all must be listed.
    let listed: BTreeSet<SignerId> = end.private_digests.iter().map(|d| d.signer).collect();
    if !listed.iter().eq(r.keys.dealing().dealers().dealers().collect::<Vec<_>>().iter()) {
        return Err(DkgEndFailure::Threshold);
    }
    if end.aggregate_rest.len() + 1 != r.begin.config.threshold as usize {
        return Err(bad_state("DkgEndBegin's summed commitment has the wrong length"));
    }
    let participants: BTreeSet<SignerId> = public.keys().copied().collect();
    let reshared = r
        .keys
        .finish(&participants, public, private, &end.aggregate_rest, rng)
        .map_err(DkgEndFailure::Shares)?
        .ok_or_else(|| bad_state("we receive no shares in this reshare"))?;
    let config = CeremonyConfig { keys: r.begin.config.clone(), network: r.begin.network.clone() };
    let group_key = reshared.public_keys.group_key;
    let keys = SignerKeys::from_shares(config.keys.clone(), me, reshared.public_keys, reshared.key_shares)
        .map_err(|e| bad_state(&e.to_string()))?;
    let (dkg_id, old_dkg_id) = (r.begin.dkg_id, r.begin.old_dkg_id);
    let epoch = NewEpoch { dkg_id, old_dkg_id, epoch: r.begin.epoch, config, keys };
    Ok((group_key, Outcome::Epoch(Box::new(epoch))))
}

/// Does `confirmed` carry a valid signature under `group_key` (tweaked for
/// Taproot) over its message? Our group key, never the coordinator's word.
pub(super) fn confirms(confirmed: &EpochConfirmed, group_key: &Point) -> Result<(), StateError> {
    const NAME: &str = "EpochConfirmed";
    let verify_key = match confirmed.sig_type {
        SignatureType::Taproot { merkle_root } => {
            bip340::tweaked_key(group_key, merkle_root.as_ref()).map_err(|e| invalid(NAME, e))?.0
        }
        SignatureType::Frost | SignatureType::Schnorr => *group_key,
    };
    if !verify_signature(&confirmed.signature, &verify_key, &confirmed.message) {
        return Err(invalid(NAME, "the signature does not verify"));
    }
    Ok(())
}
