//! Signed ceremony control: invitations and directives from a coordinator.
//!
//! Control decides what a signer does before any protocol packet flows
//! (which ceremony it joins, under which coordinator key) and, in the demo,
//! how it behaves. So it is signed like a protocol packet (`packet.rs`):
//! BIP-340 under the coordinator's network key, over
//! `H("wsts-web/v1/control", encode(version, coordinator, control))` in the
//! canonical binary encoding. The tag differs from the packet tag, so a control
//! signature never verifies as a packet signature, nor the reverse.
//!
//! This module only says *who signed what*. Whether that key is trusted is the
//! signer's decision (`state_machine::trust`).

use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};

use crate::{
    crypto::{
        base_mul,
        bip340::{self, SchnorrSignature},
        encoding::{self, fixed, serde_point, EncodingError},
        hash::tagged_hash,
        secret::SecretScalar,
        Point, SignerId,
    },
    state_machine::CeremonyConfig,
};

pub const CONTROL_VERSION: u8 = 1;
/// Larger control messages are refused before decoding.
pub const MAX_CONTROL_BYTES: usize = 1 << 20;
pub const MAX_ROOM_LEN: usize = 256;
pub const MAX_REQUEST_LEN: usize = 256;
const CONTROL_TAG: &str = "wsts-web/v1/control";

/// Names one ceremony: fresh and random for each coordinator session.
pub type SessionId = [u8; 16];

/// "Join this ceremony": its configuration (which names the coordinator's
/// key), in a room, for one session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Invitation {
    pub room: String,
    #[serde(with = "fixed")]
    pub session: SessionId,
    /// The coordinator's clock (ms since the Unix epoch) when it invited: a
    /// signer takes no invitation older than one it already took.
    pub issued_at: u64,
    pub config: CeremonyConfig,
}

/// What a directive asks of one signer (demonstrations of blame only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// Misbehave as `wsts-sim --adversary` describes, e.g. `withhold-private-shares=1`.
    Misbehave(String),
    Behave,
}

/// A request to one signer within one session, numbered against replays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directive {
    pub room: String,
    #[serde(with = "fixed")]
    pub session: SessionId,
    pub seq: u64,
    pub signer: SignerId,
    pub request: Request,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Control {
    Invitation(Invitation),
    Directive(Directive),
}

impl Control {
    pub fn name(&self) -> &'static str {
        match self {
            Control::Invitation(_) => "Invitation",
            Control::Directive(_) => "Directive",
        }
    }

    pub fn room(&self) -> &str {
        match self {
            Control::Invitation(i) => &i.room,
            Control::Directive(d) => &d.room,
        }
    }

    pub fn session(&self) -> &SessionId {
        match self {
            Control::Invitation(i) => &i.session,
            Control::Directive(d) => &d.session,
        }
    }

    fn check_limits(&self) -> Result<(), ControlError> {
        if self.room().len() > MAX_ROOM_LEN {
            return Err(ControlError::Invalid(format!("room name over {MAX_ROOM_LEN} bytes")));
        }
        if let Control::Directive(Directive { request: Request::Misbehave(spec), .. }) = self {
            if spec.len() > MAX_REQUEST_LEN {
                return Err(ControlError::Invalid(format!("request over {MAX_REQUEST_LEN} bytes")));
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ControlError {
    #[error("control message of {0} bytes exceeds the limit")]
    TooLarge(usize),
    #[error("undecodable control message: {0}")]
    Decode(#[from] EncodingError),
    #[error("unsupported control version {0}")]
    Version(u8),
    #[error("bad signature on a control message")]
    BadSignature,
    #[error("the invitation is signed by a key other than the coordinator it names")]
    CoordinatorMismatch,
    #[error("invalid control message: {0}")]
    Invalid(String),
}

#[derive(Serialize)]
struct SigningBody<'a> {
    version: u8,
    #[serde(with = "serde_point")]
    coordinator: Point,
    control: &'a Control,
}

/// A control message with the coordinator's key and signature.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignedControl {
    version: u8,
    #[serde(with = "serde_point")]
    coordinator: Point,
    control: Control,
    signature: SchnorrSignature,
}

impl SignedControl {
    fn signed_hash(version: u8, coordinator: &Point, control: &Control) -> [u8; 32] {
        tagged_hash(CONTROL_TAG, &encoding::to_bytes(&SigningBody { version, coordinator: *coordinator, control }))
    }

    /// Sign `control` with the coordinator's network key.
    pub fn sign<R: RngCore + CryptoRng>(
        control: Control,
        key: &SecretScalar,
        rng: &mut R,
    ) -> Result<Self, ControlError> {
        control.check_limits()?;
        let coordinator = base_mul(key.expose());
        if let Control::Invitation(i) = &control {
            if i.config.network.coordinator != coordinator {
                return Err(ControlError::CoordinatorMismatch);
            }
        }
        let mut aux = [0u8; 32];
        rng.fill_bytes(&mut aux);
        let hash = Self::signed_hash(CONTROL_VERSION, &coordinator, &control);
        let signature = bip340::sign(&key.expose().to_bytes(), &hash, &aux)
            .map_err(|_| ControlError::Invalid("not a valid network key".into()))?;
        Ok(SignedControl { version: CONTROL_VERSION, coordinator, control, signature })
    }

    /// Decode and authenticate: size, canonical encoding, version, limits,
    /// an invitation's coordinator equal to its signer, and the signature.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ControlError> {
        if bytes.len() > MAX_CONTROL_BYTES {
            return Err(ControlError::TooLarge(bytes.len()));
        }
        let signed: SignedControl = encoding::from_bytes(bytes)?;
        if signed.version != CONTROL_VERSION {
            return Err(ControlError::Version(signed.version));
        }
        signed.control.check_limits()?;
        if let Control::Invitation(i) = &signed.control {
            i.config.validate().map_err(|e| ControlError::Invalid(e.to_string()))?;
            if i.config.network.coordinator != signed.coordinator {
                return Err(ControlError::CoordinatorMismatch);
            }
        }
        let hash = Self::signed_hash(signed.version, &signed.coordinator, &signed.control);
        if !bip340::verify_point(&signed.coordinator, &hash, &signed.signature) {
            return Err(ControlError::BadSignature);
        }
        Ok(signed)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        encoding::to_bytes(self)
    }

    /// The key that signed this message (authenticated, not yet trusted).
    pub fn coordinator(&self) -> &Point {
        &self.coordinator
    }

    pub fn control(&self) -> &Control {
        &self.control
    }

    pub fn into_control(self) -> Control {
        self.control
    }
}

/// The coordinator's side: one session in one room, making signed
/// invitations and numbered directives. Holds no secret: the network key is
/// passed to each call, as the state machines take it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControlIssuer {
    room: String,
    #[serde(with = "fixed")]
    session: SessionId,
    /// The last directive's number.
    seq: u64,
}

impl ControlIssuer {
    /// A new session (random id) in `room`.
    pub fn new<R: RngCore + CryptoRng>(room: impl Into<String>, rng: &mut R) -> Result<Self, ControlError> {
        let room = room.into();
        if room.len() > MAX_ROOM_LEN {
            return Err(ControlError::Invalid(format!("room name over {MAX_ROOM_LEN} bytes")));
        }
        let mut session = [0u8; 16];
        rng.fill_bytes(&mut session);
        Ok(ControlIssuer { room, session, seq: 0 })
    }

    pub fn room(&self) -> &str {
        &self.room
    }

    pub fn session(&self) -> &SessionId {
        &self.session
    }

    /// Invite signers to the ceremony `config` (whose coordinator must be `key`'s).
    pub fn invite<R: RngCore + CryptoRng>(
        &self,
        config: CeremonyConfig,
        issued_at: u64,
        key: &SecretScalar,
        rng: &mut R,
    ) -> Result<SignedControl, ControlError> {
        config.validate().map_err(|e| ControlError::Invalid(e.to_string()))?;
        let invitation = Invitation { room: self.room.clone(), session: self.session, issued_at, config };
        SignedControl::sign(Control::Invitation(invitation), key, rng)
    }

    /// A directive to `signer`, numbered after the previous one.
    pub fn direct<R: RngCore + CryptoRng>(
        &mut self,
        signer: SignerId,
        request: Request,
        key: &SecretScalar,
        rng: &mut R,
    ) -> Result<SignedControl, ControlError> {
        let directive =
            Directive { room: self.room.clone(), session: self.session, seq: self.seq + 1, signer, request };
        let signed = SignedControl::sign(Control::Directive(directive), key, rng)?;
        self.seq += 1;
        Ok(signed)
    }
}
