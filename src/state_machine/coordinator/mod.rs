//! The coordinator: a driver over its round types, [`dkg`] (also run by a
//! reshare), [`sign`] (or ROAST's) and [`repair`], under a retry and
//! timeout [`Policy`].
//!
//! The driver decodes and authenticates each packet once, routes it by kind
//! to the round in progress (or, for a finished DKG, to [`catchup`]), and
//! applies the [`Effect`]s the round returns. It owns what outlives a round:
//! the key, the ids, the two sets of signers kept apart, the journal of
//! events (for [`Coordinator::report`]) and the saved state.
//!
//! Both policies settle every DKG complaint with [`crate::blame`] and check
//! every signature share. Only that evidence makes a signer *malicious*;
//! silence never does:
//!
//! - `malicious` persists across attempts and rounds until an operator clears it;
//! - `unresponsive` covers one DKG attempt, or one signing round and its
//!   retries, and is cleared when the next attempt or round starts.
//!
//! [`Coordinator::reset`] abandons the round in progress and clears
//! `unresponsive`; it never touches `malicious` and never turns silence
//! into malice. Adding a round type (a reshare, say) means a module here
//! with `on_*`/`on_timeout` methods returning effects, a [`Round`] variant
//! and its routes in [`Coordinator::route`].

mod catchup;
mod dkg;
mod evaluate;
mod handle;
mod intake;
mod nonce_pool;
mod operator;
mod progress;
mod repair;
mod reshare;
mod saved_v2;
mod roast;
mod roast_queue;
mod sign;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::{Deserialize, Serialize};

use self::{
    catchup::Catchup,
    dkg::DkgRun,
    progress::Standing,
    repair::RepairRun,
    reshare::{ReshareSpec, Rules},
    roast::{NoncePool, RoastRun},
    sign::SignRun,
};
use super::{
    effects::{Effect, Effects, PacketSigner},
    report::{Journal, Progress},
    saved::{self, Machine},
    CeremonyConfig, Millis, Rng, StateError, Transmit,
};
pub use super::{
    events::{CoordinatorEvent, DkgAttemptReport, SignAttemptReport, SignatureOutcome},
    policy::{Policy, RetryPolicy, Timeouts},
};
use crate::{
    blame::Offence,
    crypto::{secret::SecretScalar, signing::GroupPublicKeys, SignerId},
    net::{Body, DkgEndBegin, Packet, Sender},
};

/// The key DKG made, who holds shares of it, and what a holder that missed
/// the end of DKG needs to catch up.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct KeyState {
    dkg_id: u64,
    public_keys: GroupPublicKeys,
    holders: BTreeSet<SignerId>,
    /// The coordinator's signed `DkgEndBegin` for this key: the digests and
    /// the summed commitment it vouched for.
    end_begin: Option<Packet<DkgEndBegin>>,
    catchup: Catchup,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Ids {
    last_dkg_id: u64,
    last_sign_id: u64,
}

/// How a round ended.
enum Outcome {
    Key(Box<KeyState>),
    NoKey,
    Signing,
    /// A repair ended (the key is unchanged either way).
    Repair,
}

type Fx = Effects<CoordinatorEvent, Outcome>;

/// What a round may read, and how it signs what it sends.
struct Ctx<'a> {
    config: &'a CeremonyConfig,
    policy: &'a Policy,
    malicious: &'a BTreeMap<SignerId, Offence>,
    unresponsive: &'a BTreeSet<SignerId>,
    key: Option<&'a KeyState>,
    /// ROAST: signed nonce commitments held unused.
    nonces: &'a mut NoncePool,
    ids: &'a mut Ids,
    signer: PacketSigner<'a, rand_chacha::ChaCha20Rng>,
    now: Millis,
    /// The epoch of the key.
    epoch: u64,
    /// The reshare a DKG run is for, if it is one.
    reshare: Option<&'a mut ReshareSpec>,
}

impl Ctx<'_> {
    fn sign<M: Body>(&mut self, message: M) -> Packet<M> {
        self.signer.sign(message)
    }

    fn rng(&mut self) -> &mut rand_chacha::ChaCha20Rng {
        self.signer.rng
    }

    fn standing(&self) -> Standing<'_> {
        Standing { malicious: self.malicious, unresponsive: self.unresponsive }
    }

    /// The rules of the DKG run: the config's, or the reshare's.
    fn rules(&self) -> Rules<'_> {
        Rules::of(self.config, self.reshare.as_deref())
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
enum Round {
    Idle,
    Dkg(Box<DkgRun>),
    Sign(Box<SignRun>),
    Roast(Box<RoastRun>),
    Repair(Box<RepairRun>),
}

/// Everything saved.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct State {
    config: CeremonyConfig,
    policy: Policy,
    ids: Ids,
    malicious: BTreeMap<SignerId, Offence>,
    unresponsive: BTreeSet<SignerId>,
    key: Option<KeyState>,
    /// ROAST: signed nonce commitments held unused, across signing rounds.
    #[serde(default)]
    nonces: NoncePool,
    round: Round,
    journal: Journal,
    /// The last DKG run and signing round that ended.
    progress: Progress,
    /// The epoch of the key: 0 after DKG, one more after each reshare.
    epoch: u64,
    /// The reshare in progress (its DKG run is the round).
    reshare: Option<ReshareSpec>,
    /// Holders of the current epoch and of the one before it not yet told
    /// that it signs (`EpochConfirmed`), so they still keep old shares.
    unconfirmed: BTreeSet<SignerId>,
}

pub struct Coordinator {
    state: State,
    network_key: SecretScalar,
    outbox: VecDeque<Transmit>,
    events: VecDeque<CoordinatorEvent>,
    rng: Rng,
}

impl std::fmt::Debug for Coordinator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Coordinator")
            .field("policy", &self.state.policy)
            .field("malicious", &self.state.malicious)
            .field("unresponsive", &self.state.unresponsive)
            .field("phase", &self.phase_name())
            .finish_non_exhaustive()
    }
}

/// A FIRE coordinator: [`Coordinator`] with [`Policy::Fire`].
pub fn fire_coordinator(
    config: CeremonyConfig,
    network_key: SecretScalar,
    timeouts: Timeouts,
    retry: RetryPolicy,
) -> Result<Coordinator, StateError> {
    Coordinator::new(config, Policy::Fire { timeouts, retry }, network_key)
}

/// A FROST coordinator: [`Coordinator`] with [`Policy::Frost`].
pub fn frost_coordinator(config: CeremonyConfig, network_key: SecretScalar) -> Result<Coordinator, StateError> {
    Coordinator::new(config, Policy::Frost, network_key)
}

fn check_key(config: &CeremonyConfig, network_key: &SecretScalar) -> Result<(), StateError> {
    config.validate()?;
    if crate::crypto::base_mul(network_key.expose()) != config.network.coordinator {
        return Err(StateError::Config("network key does not match the coordinator's public key".into()));
    }
    Ok(())
}

impl Coordinator {
    pub fn new(config: CeremonyConfig, policy: Policy, network_key: SecretScalar) -> Result<Self, StateError> {
        check_key(&config, &network_key)?;
        let state = State {
            config,
            policy,
            ids: Ids::default(),
            malicious: BTreeMap::new(),
            unresponsive: BTreeSet::new(),
            key: None,
            nonces: NoncePool::default(),
            round: Round::Idle,
            journal: Journal::default(),
            progress: Progress::default(),
            epoch: 0,
            reshare: None,
            unconfirmed: BTreeSet::new(),
        };
        Ok(Coordinator { state, network_key, outbox: VecDeque::new(), events: VecDeque::new(), rng: Rng::default() })
    }

    /// Use a deterministic random source (simulations and tests only).
    pub fn reseed(&mut self, seed: u64) {
        self.rng = Rng::seeded(seed);
    }

    /// Save the whole state but the network key.
    pub fn save(&self) -> Vec<u8> {
        saved::save(Machine::Coordinator, &self.state)
    }

    /// Restore a saved state with its network key.
    pub fn restore(bytes: &[u8], network_key: SecretScalar) -> Result<Self, StateError> {
        let state: State = saved::restore::<State, saved_v2::StateV2>(Machine::Coordinator, bytes)?;
        check_key(&state.config, &network_key)
            .map_err(|_| StateError::Config("network key does not match the saved coordinator".into()))?;
        Ok(Coordinator { state, network_key, outbox: VecDeque::new(), events: VecDeque::new(), rng: Rng::default() })
    }

    /// The round in progress, and what it may read.
    fn split(&mut self, now: Millis) -> (&mut Round, Ctx<'_>) {
        let State { config, policy, ids, malicious, unresponsive, key, nonces, round, reshare, epoch, .. } = &mut self.state;
        let signer = PacketSigner { sender: Sender::Coordinator, key: &self.network_key, rng: &mut self.rng.0 };
        let reshare = reshare.as_mut();
        let (key, epoch) = (key.as_ref(), *epoch);
        (round, Ctx { config, policy, malicious, unresponsive, key, nonces, ids, signer, now, epoch, reshare })
    }

    /// Apply a round's effects, in order.
    fn apply(&mut self, fx: Fx) {
        for effect in fx.0 {
            match effect {
                Effect::Send(t) | Effect::Forward(t) => self.outbox.push_back(t),
                Effect::Prove(findings) => {
                    for f in findings {
                        self.state.malicious.entry(f.signer).or_insert(f.offence);
                        self.state.unresponsive.remove(&f.signer);
                    }
                }
                Effect::Unresponsive(silent) => self.state.unresponsive.extend(silent),
                Effect::ClearUnresponsive => self.state.unresponsive.clear(),
                Effect::Report(event) => {
                    self.state.journal.record(&event);
                    if let CoordinatorEvent::Signature(s) = &event {
                        let confirm = self.confirm_epoch(s);
                        self.outbox.extend(confirm);
                    }
                    self.events.push_back(event);
                }
                Effect::Done(outcome) => self.finish_round(outcome),
            }
        }
    }

    fn finish_round(&mut self, outcome: Outcome) {
        let standing = Standing { malicious: &self.state.malicious, unresponsive: &self.state.unresponsive };
        let failed = !matches!(outcome, Outcome::Key(_));
        match &self.state.round {
            Round::Dkg(run) => self.state.progress.dkg = Some(progress::of_dkg(run, &standing).finished(failed)),
            Round::Sign(run) => {
                let signed = self.state.journal.signatures.last().is_some_and(|s| s.ok);
                self.state.progress.sign = Some(progress::of_signing(run, &standing).finished(!signed));
            }
            Round::Roast(run) => {
                let signed = self.state.journal.signatures.last().is_some_and(|s| s.ok);
                self.state.progress.sign = Some(progress::of_roast(run, &standing).finished(!signed));
            }
            Round::Repair(_) | Round::Idle => {}
        }
        self.state.round = Round::Idle;
        let reshare = self.state.reshare.take();
        if let Outcome::Key(key) = outcome {
            // Commitments were made for the old key's shares.
            self.state.nonces.clear();
            self.state.unconfirmed.clear();
            if let Some(spec) = reshare {
                self.state.config = spec.target;
                self.state.epoch = spec.epoch;
                // The new epoch's holders keep their old shares until it
                // signs; so do the old holders that left.
                let old_holders = self.state.key.as_ref().map(|k| k.holders.clone()).unwrap_or_default();
                self.state.unconfirmed = key.holders.union(&old_holders).copied().collect();
            }
            self.state.key = Some(*key);
        }
    }
}
