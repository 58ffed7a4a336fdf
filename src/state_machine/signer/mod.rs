//! The signer: a driver over its round types, [`dkg`] (also run by a
//! reshare), [`sign`] and [`repair`] (a repair attempt, held in memory only).
//!
//! The driver decodes and authenticates each packet once, takes requests
//! only from the coordinator and shares only from signers, routes each to
//! its round and applies the effects the round returns. It owns what
//! outlives a round: the key material, which DKG made the key, the replay
//! guard for signing ids, the nonces made ahead of time for ROAST
//! ([`presign`], never saved), and the saved state. Signers have no
//! deadlines: the coordinator's timeouts (or its ROAST sessions) drive retries.

mod dkg;
mod epochs;
mod presign;
mod repair;
mod repair_driver;
mod reshare;
mod saved_v2;
mod sign;
mod store;

use std::collections::{BTreeSet, VecDeque};

use serde::{Deserialize, Serialize};

use self::{
    dkg::DkgRound,
    presign::NonceStore,
    repair_driver::RepairInput,
    reshare::{NewEpoch, PreviousEpoch, ReshareRound, ReshareState},
    sign::SignRound,
};
pub use super::events::SignerEvent;
use super::{
    effects::{Effect, Effects, PacketSigner},
    invalid,
    saved::{self, Machine},
    CeremonyConfig, Millis, Rng, StateError, Transmit,
};
use crate::{
    crypto::{bip340, encoding::point_to_bytes, secret::SecretScalar, signing::SignatureType, Point, SignerId},
    keys::SignerKeys,
    net::{DkgBegin, NonceRequest, Packet, Sender, TypedPacket},
};

/// How a round ended.
enum Outcome {
    /// Our key shares for `dkg_id` are stored.
    Key { dkg_id: u64 },
    /// A reshare made a new epoch: these keys become current.
    Epoch(Box<NewEpoch>),
    /// A repair restored our lost shares.
    Repaired(Box<repair::Restored>),
}

type Fx = Effects<SignerEvent, Outcome>;

/// What a round may use: our key material, and our network key to sign with.
struct Ctx<'a> {
    config: &'a CeremonyConfig,
    me: SignerId,
    keys: &'a mut SignerKeys,
    signer: PacketSigner<'a, rand_chacha::ChaCha20Rng>,
    /// The reshare whose round this is, if it is one.
    reshare: Option<&'a ReshareState>,
}

/// Everything saved.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct State {
    config: CeremonyConfig,
    signer_id: SignerId,
    keys: SignerKeys,
    dkg: Option<DkgRound>,
    /// The DKG whose key shares `keys` holds.
    key_dkg_id: Option<u64>,
    /// Highest `(sign_id, sign_iter_id)` seen, against replays.
    last_sign: Option<(u64, u64)>,
    /// The epoch of `keys`: 0 after DKG, one more after each reshare.
    epoch: u64,
    reshare: Option<ReshareRound>,
    /// The old epoch's keys, until a signature under the current one is confirmed.
    previous: Option<PreviousEpoch>,
}

pub struct Signer {
    state: State,
    network_key: SecretScalar,
    /// The signing attempt in progress. Never saved.
    signing: Option<SignRound>,
    /// Nonces committed ahead of time (ROAST). Never saved.
    nonces: NonceStore,
    /// The group key a joining signer was told out of band to expect
    /// ([`Signer::expect_group_key`]). Never saved.
    expected_group_key: Option<Point>,
    /// The repair attempt we take part in. Never saved.
    repair: Option<repair::RepairRound>,
    outbox: VecDeque<Transmit>,
    events: VecDeque<SignerEvent>,
    rng: Rng,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("signer_id", &self.state.signer_id)
            .field("dkg_id", &self.state.dkg.as_ref().map(|d| d.dkg_id))
            .field("key_dkg_id", &self.state.key_dkg_id)
            .field("last_sign", &self.state.last_sign)
            .finish_non_exhaustive()
    }
}

fn check_key(config: &CeremonyConfig, signer_id: SignerId, network_key: &SecretScalar) -> Result<(), StateError> {
    config.validate()?;
    let expected = usize::try_from(signer_id).ok().and_then(|i| config.network.signers.get(i));
    if expected != Some(&crate::crypto::base_mul(network_key.expose())) {
        return Err(StateError::Config(format!("network key does not match signer {signer_id}'s public key")));
    }
    Ok(())
}

impl Signer {
    pub fn new(config: CeremonyConfig, signer_id: SignerId, network_key: SecretScalar) -> Result<Self, StateError> {
        check_key(&config, signer_id, &network_key)?;
        let keys = SignerKeys::new(config.keys.clone(), signer_id).map_err(|e| StateError::Config(e.to_string()))?;
        let state = State {
            config,
            signer_id,
            keys,
            dkg: None,
            key_dkg_id: None,
            last_sign: None,
            epoch: 0,
            reshare: None,
            previous: None,
        };
        Ok(Signer::from_state(state, network_key))
    }

    fn from_state(state: State, network_key: SecretScalar) -> Self {
        Signer {
            state,
            network_key,
            signing: None,
            nonces: NonceStore::default(),
            expected_group_key: None,
            repair: None,
            outbox: VecDeque::new(),
            events: VecDeque::new(),
            rng: Rng::default(),
        }
    }

    /// Save the whole state but the network key. Holds the key shares: store
    /// it as you would a key. Nonces are deliberately not included.
    pub fn save(&self) -> Vec<u8> {
        saved::save(Machine::Signer, &self.state)
    }

    /// Restore a saved state with its network key.
    pub fn restore(bytes: &[u8], network_key: SecretScalar) -> Result<Self, StateError> {
        let state: State = saved::restore::<State, saved_v2::StateV2>(Machine::Signer, bytes)?;
        check_key(&state.config, state.signer_id, &network_key)
            .map_err(|_| StateError::Config("network key does not match the saved signer".into()))?;
        Ok(Signer::from_state(state, network_key))
    }

    /// Use a deterministic random source (simulations and tests only).
    pub fn reseed(&mut self, seed: u64) {
        self.rng = Rng::seeded(seed);
    }

    pub fn signer_id(&self) -> SignerId {
        self.state.signer_id
    }

    pub fn ceremony_config(&self) -> &CeremonyConfig {
        &self.state.config
    }

    /// This signer's key material.
    pub fn keys(&self) -> &SignerKeys {
        &self.state.keys
    }

    /// The group key from the last successful DKG.
    pub fn group_key(&self) -> Option<Point> {
        self.state.key_dkg_id.and(self.state.keys.public_keys().map(|k| k.group_key))
    }

    /// The aggregate key in compressed form, for display.
    pub fn group_key_hex(&self) -> Option<String> {
        self.group_key().map(|k| hex::encode(point_to_bytes(&k)))
    }

    pub fn poll_transmit(&mut self) -> Option<Transmit> {
        self.outbox.pop_front()
    }

    pub fn poll_event(&mut self) -> Option<SignerEvent> {
        self.events.pop_front()
    }

    /// Signers have no deadlines: the coordinator's timeouts drive retries.
    pub fn poll_timeout(&self) -> Option<Millis> {
        None
    }

    pub fn handle_timeout(&mut self, _now: Millis) {}

    /// Apply a round's effects, in order.
    fn apply(&mut self, fx: Fx) {
        for effect in fx.0 {
            match effect {
                Effect::Send(t) | Effect::Forward(t) => self.outbox.push_back(t),
                Effect::Report(event) => self.events.push_back(event),
                Effect::Done(Outcome::Key { dkg_id }) => self.state.key_dkg_id = Some(dkg_id),
                Effect::Done(Outcome::Epoch(epoch)) => self.enter_epoch(*epoch),
                Effect::Done(Outcome::Repaired(restored)) => self.finish_repair(*restored),
                // Blame is the coordinator's: signer rounds never prove or time out anyone.
                Effect::Prove(_) | Effect::Unresponsive(_) | Effect::ClearUnresponsive => {}
            }
        }
    }

    /// Handle one received packet: requests from the coordinator, shares
    /// from signers, nothing else.
    pub fn handle_packet(&mut self, bytes: &[u8], _now: Millis) -> Result<(), StateError> {
        let packet = Packet::from_bytes(bytes, self.network())?;
        let name = packet.message().name();
        let peer = match packet.sender() {
            Sender::Signer(s) => Some(s),
            Sender::Coordinator => None,
        };
        let fx = match (packet.typed(), peer) {
            (TypedPacket::DkgBegin(p), None) => self.on_dkg_begin(p.message())?,
            (TypedPacket::ReshareBegin(p), None) => self.on_reshare_begin(p.into_message())?,
            (TypedPacket::EpochConfirmed(p), None) => self.on_epoch_confirmed(p.message())?,
            (TypedPacket::DkgPublicShares(p), Some(from)) => {
                self.in_dkg(name, p.message().dkg_id, |round, ctx| round.on_public_shares(ctx, from, p))?
            }
            (TypedPacket::DkgPrivateShares(p), Some(from)) => {
                self.in_dkg(name, p.message().dkg_id, |round, ctx| round.on_private_shares(ctx, from, p))?
            }
            (TypedPacket::DkgPrivateBegin(p), None) => {
                self.in_dkg(name, p.message().dkg_id, |round, ctx| round.on_private_begin(ctx, p.into_message()))?
            }
            (TypedPacket::DkgEndBegin(p), None) => {
                self.in_dkg(name, p.message().dkg_id, |round, ctx| round.on_end_begin(ctx, p.into_message()))?
            }
            (TypedPacket::NonceRequest(p), None) => self.on_nonce_request(p.into_message())?,
            (TypedPacket::NonceBatchRequest(p), None) => self.on_batch_request(p.message())?,
            (TypedPacket::SessionRequest(p), None) => self.on_session_request(p.into_message())?,
            (TypedPacket::SignatureShareRequest(p), None) => self.on_share_request(p.into_message())?,
            (TypedPacket::RepairBegin(p), None) => self.on_repair_begin(p.into_message())?,
            (TypedPacket::RepairCommitments(p), Some(_)) => {
                self.in_repair(name, p.message().repair_id, RepairInput::Commitments(Box::new(p)))?
            }
            (TypedPacket::RepairPieces(p), Some(_)) => self.in_repair(name, p.message().repair_id, RepairInput::Pieces(p))?,
            (TypedPacket::RepairSum(p), Some(_)) => self.in_repair(name, p.message().repair_id, RepairInput::Sum(p))?,
            (TypedPacket::RepairPiecesBegin(p), None) => {
                self.in_repair(name, p.message().repair_id, RepairInput::PiecesBegin(p.into_message()))?
            }
            (TypedPacket::RepairSumBegin(p), None) => {
                self.in_repair(name, p.message().repair_id, RepairInput::SumBegin(p.into_message()))?
            }
            (TypedPacket::RepairEndBegin(p), None) => {
                self.in_repair(name, p.message().repair_id, RepairInput::EndBegin(p.into_message()))?
            }
            _ => {
                return Err(StateError::Unexpected {
                    message: name,
                    state: "signers only take coordinator requests and peer shares",
                })
            }
        };
        self.apply(fx);
        Ok(())
    }

    /// Call the DKG round `dkg_id`, if it is the current one.
    fn in_dkg(
        &mut self,
        name: &'static str,
        dkg_id: u64,
        call: impl FnOnce(&mut DkgRound, &mut Ctx<'_>) -> Result<Fx, StateError>,
    ) -> Result<Fx, StateError> {
        let Signer { state, network_key, rng, .. } = self;
        let State { config, signer_id, keys, dkg, reshare, .. } = state;
        let signer = PacketSigner { sender: Sender::Signer(*signer_id), key: network_key, rng: &mut rng.0 };
        if let Some(ReshareRound { state, round }) = reshare.as_mut().filter(|r| r.round.dkg_id == dkg_id) {
            return call(round, &mut Ctx { config, me: *signer_id, keys, signer, reshare: Some(state) });
        }
        let current = dkg.as_ref().map(|d| d.dkg_id).max(reshare.as_ref().map(|r| r.round.dkg_id));
        match dkg {
            Some(round) if round.dkg_id == dkg_id => {
                call(round, &mut Ctx { config, me: *signer_id, keys, signer, reshare: None })
            }
            _ if current.is_some_and(|c| dkg_id < c) => Err(StateError::Replay { message: name }),
            _ => Err(StateError::WrongDkgRound { message: name, got: dkg_id, current }),
        }
    }

    /// Call `action` with a context, and the round state it may change.
    fn with_ctx<T>(&mut self, action: impl FnOnce(&mut Ctx<'_>, &mut Rounds<'_>) -> T) -> T {
        let Signer { state, network_key, rng, signing, .. } = self;
        let State { config, signer_id, keys, dkg, last_sign, .. } = state;
        let signer = PacketSigner { sender: Sender::Signer(*signer_id), key: network_key, rng: &mut rng.0 };
        let ctx = &mut Ctx { config, me: *signer_id, keys, signer, reshare: None };
        action(ctx, &mut Rounds { dkg, signing, last_sign })
    }

    fn on_dkg_begin(&mut self, m: &DkgBegin) -> Result<Fx, StateError> {
        if self.last_dkg_id().is_some_and(|l| m.dkg_id <= l) {
            return Err(StateError::Replay { message: "DkgBegin" });
        }
        let invited: BTreeSet<SignerId> = m.signers.iter().copied().collect();
        if invited.iter().any(|s| !self.state.config.keys.signers.contains_key(s)) {
            return Err(invalid("DkgBegin", "unknown signer invited"));
        }
        self.nonces.clear();
        Ok(self.with_ctx(|ctx, rounds| {
            *rounds.signing = None;
            let (round, fx) = DkgRound::start(ctx, m.dkg_id, invited);
            *rounds.dkg = Some(round);
            fx
        }))
    }

    fn on_nonce_request(&mut self, m: NonceRequest) -> Result<Fx, StateError> {
        const NAME: &str = "NonceRequest";
        if let Some(fx) = self.catch_up(m.dkg_id)? {
            return Ok(fx);
        }
        self.roll_back_if_old(m.dkg_id);
        let Some(key_dkg_id) = self.state.key_dkg_id else { return Err(StateError::NoKey) };
        if m.dkg_id != key_dkg_id {
            return Err(StateError::WrongDkgRound { message: NAME, got: m.dkg_id, current: Some(key_dkg_id) });
        }
        let ids = (m.sign_id, m.sign_iter_id);
        if self.state.last_sign.is_some_and(|last| ids <= last) {
            return Err(StateError::Replay { message: NAME });
        }
        if let SignatureType::Taproot { merkle_root } = m.sig_type {
            let keys = self.state.keys.public_keys().ok_or(StateError::NoKey)?;
            bip340::tweaked_key(&keys.group_key, merkle_root.as_ref()).map_err(|e| invalid(NAME, e))?;
        }
        Ok(self.with_ctx(|ctx, rounds| {
            *rounds.last_sign = Some(ids);
            let (round, fx) = SignRound::start(ctx, m);
            *rounds.signing = Some(round);
            fx
        }))
    }

    /// A request for the key of a DKG or reshare we took part in but never
    /// saw end: we missed `DkgEndBegin`, so ask for it (once). The request
    /// is the coordinator's, signed; what comes back is checked as in the
    /// attempt (a reshare's round under its dealing, [`reshare`]).
    fn catch_up(&mut self, dkg_id: u64) -> Result<Option<Fx>, StateError> {
        let ours = |id: Option<u64>| id == Some(dkg_id);
        let reshare = self.state.reshare.as_ref().map(|r| r.round.dkg_id);
        if ours(self.state.key_dkg_id) || !(ours(self.state.dkg.as_ref().map(|d| d.dkg_id)) || ours(reshare)) {
            return Ok(None);
        }
        self.in_dkg("key request", dkg_id, |round, ctx| round.on_key_request(ctx).ok_or(StateError::NoKey)).map(Some)
    }

    fn on_share_request(&mut self, m: crate::net::SignatureShareRequest) -> Result<Fx, StateError> {
        let got = (m.sign_id, m.sign_iter_id);
        let current = self.signing.as_ref().map(SignRound::ids);
        if current != Some(got) {
            return Err(StateError::WrongSignRound { message: "SignatureShareRequest", got, current });
        }
        self.with_ctx(|ctx, rounds| match rounds.signing.as_mut() {
            Some(round) => round.on_share_request(ctx, m),
            None => Err(StateError::WrongSignRound { message: "SignatureShareRequest", got, current: None }),
        })
    }
}

/// The rounds, and the replay guard, borrowed apart from the context.
struct Rounds<'a> {
    dkg: &'a mut Option<DkgRound>,
    signing: &'a mut Option<SignRound>,
    last_sign: &'a mut Option<(u64, u64)>,
}
