//! Sans-IO state machines: the [`signer::Signer`], and the
//! [`coordinator::Coordinator`] under a FIRE (timeouts, retries, blame) or
//! FROST (wait for everyone) [`policy::Policy`].
//!
//! In the manner of quinn-proto's `Connection`, each machine is a *driver*
//! that owns no logic of its own protocol rounds: it decodes and
//! authenticates every packet once, routes it to the round in progress
//! (`dkg.rs`, `sign.rs`), and applies the [`effects::Effect`]s the round
//! returns (send, forward, prove, report, done). Rounds own their logic and
//! never touch the outbox, the event queue or the saved state.
//!
//! Use a machine like this, in this order:
//!
//! 1. `handle_packet(bytes, now)` for every packet received, and
//!    `handle_timeout(now)` once `now` reaches `poll_timeout()`;
//! 2. `poll_transmit()` until `None`, sending each packet;
//! 3. `poll_event()` until `None`, acting on each result;
//! 4. `poll_timeout()`: the next instant to call `handle_timeout`, if any.
//!
//! There is no clock, socket, thread or global state inside; `now` is the
//! caller's monotonic clock in milliseconds. A packet that fails a check is
//! answered with a typed error and changes nothing.

pub mod coordinator;
pub(crate) mod effects;
pub mod events;
pub mod policy;
pub mod report;
pub mod saved;
pub mod signer;
pub mod trust;

use rand_chacha::ChaCha20Rng;
use rand_core::{OsRng, RngCore, SeedableRng};
use serde::{Deserialize, Serialize};

pub use saved::SavedStateError;

use crate::{
    config::Config,
    crypto::SignerId,
    net::{NetworkKeys, PacketError},
};

/// Milliseconds on the caller's monotonic clock.
pub type Millis = u64;

/// Everything both sides must agree on before a ceremony.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CeremonyConfig {
    pub keys: Config,
    pub network: NetworkKeys,
}

impl CeremonyConfig {
    pub fn validate(&self) -> Result<(), StateError> {
        self.keys.validate().map_err(|e| StateError::Config(e.to_string()))?;
        // Signer ids index the network keys; after a reshare some ids may
        // hold no key ids (they left), so there may be more keys than signers.
        let count = self.network.signers.len();
        if let Some(s) = self.keys.signers.keys().find(|s| usize::try_from(**s).map_or(true, |i| i >= count)) {
            return Err(StateError::Config(format!("signer {s} has no network key ({count} network keys)")));
        }
        Ok(())
    }
}

/// Where a packet goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Destination {
    Coordinator,
    Signer(SignerId),
    AllSigners,
}

/// An encoded, signed packet to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transmit {
    pub to: Destination,
    /// The message name, for logs and fault injection.
    pub message: &'static str,
    pub bytes: Vec<u8>,
}

/// Why a packet or a call was refused. The state is unchanged whenever one
/// is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StateError {
    #[error(transparent)]
    Packet(#[from] PacketError),
    #[error("invalid configuration: {0}")]
    Config(String),
    #[error(transparent)]
    SavedState(#[from] SavedStateError),
    #[error("{message} for DKG {got} but the current DKG is {current:?}")]
    WrongDkgRound { message: &'static str, got: u64, current: Option<u64> },
    #[error("{message} for signing round {got:?} but the current one is {current:?}")]
    WrongSignRound { message: &'static str, got: (u64, u64), current: Option<(u64, u64)> },
    #[error("{message} is from an earlier round")]
    Replay { message: &'static str },
    #[error("duplicate {message} from {from:?}")]
    Duplicate { message: &'static str, from: crate::net::Sender },
    #[error("{message} is not expected now ({state})")]
    Unexpected { message: &'static str, state: &'static str },
    #[error("{message} from signer {signer}, who is not part of this round")]
    NotParticipating { message: &'static str, signer: SignerId },
    #[error("invalid {message}: {reason}")]
    Invalid { message: &'static str, reason: String },
    #[error("no group key yet: run DKG first")]
    NoKey,
    #[error("busy with {0}")]
    Busy(&'static str),
    #[error(transparent)]
    Repair(#[from] crate::crypto::repair::RepairError),
    #[error("nonce commitment {index} of epoch {epoch} is spent or discarded: a nonce signs once")]
    NonceSpent { epoch: u64, index: u64 },
    /// A joining signer was told which group key to expect
    /// ([`signer::Signer::expect_group_key`]), and `message` is for another.
    #[error("{message} is for another group key than the one this signer expects")]
    UnexpectedGroupKey { message: &'static str },
}

pub(crate) fn invalid(message: &'static str, reason: impl ToString) -> StateError {
    StateError::Invalid { message, reason: reason.to_string() }
}

/// The state machines' random source: fresh from the OS on construction and
/// after a restore (it is never saved, so a restored state can't replay
/// randomness), or seeded for deterministic simulations.
#[derive(Clone, Debug)]
pub(crate) struct Rng(pub ChaCha20Rng);

impl Default for Rng {
    fn default() -> Self {
        let mut seed = [0u8; 32];
        OsRng.fill_bytes(&mut seed);
        Rng(ChaCha20Rng::from_seed(seed))
    }
}

impl Rng {
    pub fn seeded(seed: u64) -> Self {
        Rng(ChaCha20Rng::seed_from_u64(seed))
    }
}
