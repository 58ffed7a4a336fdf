//! The [`Message`] enum, generated with its name table so that names can't
//! drift from the enum (or from the encoding, which tags variants by index).
//!
//! DKG: `DkgBegin` → `DkgPublicShares` → `DkgPrivateBegin` → `DkgPrivateShares`
//! → `DkgEndBegin` → `DkgEnd`. Signing: `NonceRequest` → `NonceResponse` →
//! `SignatureShareRequest` → `SignatureShareResponse`. `TranscriptRequest`
//! asks the coordinator to resend packets a signer lacks. ROAST (see
//! [`super::roast`]): `NonceBatchRequest` → `NonceBatch` of signed
//! `NonceCommitment`s; `SessionRequest` → `SessionResponse`. Reshare (see
//! [`super::reshare`]): `ReshareBegin`, then the DKG's packets under its
//! `dkg_id`; `EpochConfirmed` after a signature under the new epoch. Repair
//! (see [`super::repair`]): `RepairBegin` → `RepairCommitments` →
//! `RepairPiecesBegin` → `RepairPieces` → `RepairSumBegin` → `RepairSum` →
//! `RepairEndBegin` → `RepairEnd`, under a repair id. Field names
//! follow the reference WSTS protocol.

use std::borrow::Cow;

use serde::{Deserialize, Serialize, Serializer};

use super::{
    DkgBegin, DkgEnd, DkgEndBegin, DkgPrivateBegin, DkgPrivateShares, DkgPublicShares, NonceBatch, NonceBatchRequest,
    NonceCommitment, NonceRequest, NonceResponse, Packet, EpochConfirmed, RepairBegin, RepairCommitments, RepairEnd,
    RepairEndBegin, RepairPieces, RepairPiecesBegin, RepairSum, RepairSumBegin, ReshareBegin, SessionRequest,
    SessionResponse, SignatureShareRequest, SignatureShareResponse, TranscriptRequest,
};
use crate::crypto::SignerId;

pub type Digest = [u8; 32];

/// What a message's signature and transcript digest cover. Most messages are
/// their own signing form; the two that carry ciphertexts or full
/// commitments are signed over a form that holds digests of those instead,
/// so a copy pruned for one recipient verifies like the full one.
pub trait SigningForm: Clone {
    fn signing_form(&self) -> Cow<'_, Self> {
        Cow::Borrowed(self)
    }

    /// Is this already its own signing form (nothing left to prune)?
    fn is_signing_form(&self) -> bool {
        true
    }
}

/// A packet body: the [`Message`] enum or one of its variants' types, for
/// packets whose kind is known (see [`super::Packet::narrow`]).
pub trait Body: SigningForm + Serialize {
    fn name(&self) -> &'static str;

    /// Serialize exactly as the same message inside [`Message`] would be.
    fn serialize_in_message<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;

    /// The message as the enum (a copy unless it is one).
    fn to_message(&self) -> Cow<'_, Message>;
}

macro_rules! messages {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        pub enum Message {
            $($(#[$doc])* $name($name),)*
        }

        /// Variant indexes, as the encoding tags them.
        #[derive(Clone, Copy)]
        enum Tag {
            $($name,)*
        }

        /// A decoded packet split by the kind of its message.
        pub enum TypedPacket {
            $($name(Packet<$name>),)*
        }

        impl Packet {
            /// This packet, typed by the kind of its message.
            pub fn typed(self) -> TypedPacket {
                let Packet { version, sender, message, signature, cache } = self;
                match message {
                    $(Message::$name(message) => {
                        TypedPacket::$name(Packet { version, sender, message, signature, cache })
                    })*
                }
            }
        }

        impl Message {
            /// Every message name, in the order of the enum and its encoding.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name),)*];

            pub fn name(&self) -> &'static str {
                match self {
                    $(Message::$name(_) => stringify!($name),)*
                }
            }
        }

        $(
            impl From<$name> for Message {
                fn from(m: $name) -> Self {
                    Message::$name(m)
                }
            }

            impl TryFrom<Message> for $name {
                type Error = Message;

                fn try_from(m: Message) -> Result<Self, Message> {
                    match m {
                        Message::$name(inner) => Ok(inner),
                        other => Err(other),
                    }
                }
            }

            impl Body for $name {
                fn name(&self) -> &'static str {
                    stringify!($name)
                }

                fn serialize_in_message<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_newtype_variant("Message", Tag::$name as u32, stringify!($name), self)
                }

                fn to_message(&self) -> Cow<'_, Message> {
                    Cow::Owned(Message::$name(self.clone()))
                }
            }
        )*
    };
}

messages! {
    DkgBegin,
    DkgPublicShares,
    DkgPrivateBegin,
    DkgPrivateShares,
    DkgEndBegin,
    DkgEnd,
    NonceRequest,
    NonceResponse,
    SignatureShareRequest,
    SignatureShareResponse,
    TranscriptRequest,
    NonceCommitment,
    NonceBatchRequest,
    NonceBatch,
    SessionRequest,
    SessionResponse,
    ReshareBegin,
    EpochConfirmed,
    RepairBegin,
    RepairCommitments,
    RepairPiecesBegin,
    RepairPieces,
    RepairSumBegin,
    RepairSum,
    RepairEndBegin,
    RepairEnd,
}

impl Message {
    /// The DKG round this message belongs to.
    pub fn dkg_id(&self) -> u64 {
        match self {
            Message::DkgBegin(m) => m.dkg_id,
            Message::DkgPublicShares(m) => m.dkg_id,
            Message::DkgPrivateBegin(m) => m.dkg_id,
            Message::DkgPrivateShares(m) => m.dkg_id,
            Message::DkgEndBegin(m) => m.dkg_id,
            Message::DkgEnd(m) => m.dkg_id,
            Message::NonceRequest(m) => m.dkg_id,
            Message::NonceResponse(m) => m.dkg_id,
            Message::SignatureShareRequest(m) => m.dkg_id,
            Message::SignatureShareResponse(m) => m.dkg_id,
            Message::TranscriptRequest(m) => m.dkg_id,
            Message::NonceCommitment(m) => m.dkg_id,
            Message::NonceBatchRequest(m) => m.dkg_id,
            Message::NonceBatch(m) => m.dkg_id,
            Message::SessionRequest(m) => m.dkg_id,
            Message::SessionResponse(m) => m.dkg_id,
            Message::ReshareBegin(m) => m.dkg_id,
            Message::EpochConfirmed(m) => m.dkg_id,
            Message::RepairBegin(m) => m.repair_id,
            Message::RepairCommitments(m) => m.repair_id,
            Message::RepairPiecesBegin(m) => m.repair_id,
            Message::RepairPieces(m) => m.repair_id,
            Message::RepairSumBegin(m) => m.repair_id,
            Message::RepairSum(m) => m.repair_id,
            Message::RepairEndBegin(m) => m.repair_id,
            Message::RepairEnd(m) => m.repair_id,
        }
    }

    /// The signer a signer-sent message claims to come from; `None` for the
    /// coordinator's messages.
    pub fn claimed_signer(&self) -> Option<SignerId> {
        match self {
            Message::DkgPublicShares(m) => Some(m.signer_id),
            Message::DkgPrivateShares(m) => Some(m.signer_id),
            Message::DkgEnd(m) => Some(m.signer_id),
            Message::NonceResponse(m) => Some(m.signer_id),
            Message::SignatureShareResponse(m) => Some(m.signer_id),
            Message::TranscriptRequest(m) => Some(m.signer_id),
            Message::NonceCommitment(m) => Some(m.signer_id),
            Message::NonceBatch(m) => Some(m.signer_id),
            Message::SessionResponse(m) => Some(m.signer_id),
            Message::RepairCommitments(m) => Some(m.signer_id),
            Message::RepairPieces(m) => Some(m.signer_id),
            Message::RepairSum(m) => Some(m.signer_id),
            Message::RepairEnd(m) => Some(m.signer_id),
            Message::DkgBegin(_)
            | Message::DkgPrivateBegin(_)
            | Message::DkgEndBegin(_)
            | Message::NonceRequest(_)
            | Message::SignatureShareRequest(_)
            | Message::NonceBatchRequest(_)
            | Message::SessionRequest(_)
            | Message::ReshareBegin(_)
            | Message::EpochConfirmed(_)
            | Message::RepairBegin(_)
            | Message::RepairPiecesBegin(_)
            | Message::RepairSumBegin(_)
            | Message::RepairEndBegin(_) => None,
        }
    }
}

impl SigningForm for Message {
    fn signing_form(&self) -> Cow<'_, Self> {
        match self {
            Message::DkgPublicShares(m) => match m.signing_form() {
                Cow::Owned(pruned) => Cow::Owned(Message::DkgPublicShares(pruned)),
                Cow::Borrowed(_) => Cow::Borrowed(self),
            },
            Message::DkgPrivateShares(m) => match m.signing_form() {
                Cow::Owned(pruned) => Cow::Owned(Message::DkgPrivateShares(pruned)),
                Cow::Borrowed(_) => Cow::Borrowed(self),
            },
            other => Cow::Borrowed(other),
        }
    }

    fn is_signing_form(&self) -> bool {
        match self {
            Message::DkgPublicShares(m) => m.is_signing_form(),
            Message::DkgPrivateShares(m) => m.is_signing_form(),
            _ => true,
        }
    }
}

impl Body for Message {
    fn name(&self) -> &'static str {
        Message::name(self)
    }

    fn serialize_in_message<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize(serializer)
    }

    fn to_message(&self) -> Cow<'_, Message> {
        Cow::Borrowed(self)
    }
}
