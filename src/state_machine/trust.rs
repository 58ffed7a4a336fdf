//! Which coordinator a signer takes ceremonies and directives from.
//!
//! The key is either pinned in advance (an invitation link carries it) or
//! trusted on first use, as SSH trusts a host key: the first validly signed
//! invitation that lists this signer fixes the key, and its fingerprint is
//! shown to the user. From then on any other key is refused, whatever the
//! relay calls its sender, until the user deliberately trusts another key
//! ([`CoordinatorTrust::trust_key`]).
//!
//! Within the trusted key, an invitation older than one already taken is
//! stale, and a directive counts only for the session it names and only once
//! (its number must grow). A refusal changes nothing.

use serde::{Deserialize, Serialize};

use crate::{
    crypto::{encoding::point_to_bytes, encoding::serde_point, hash::tagged_hash, Point, SignerId},
    net::{Control, ControlError, Invitation, Request, SessionId, SignedControl},
};

const FINGERPRINT_TAG: &str = "wsts-web/v1/key-fingerprint";

/// A short, stable name for a network key, for people to compare:
/// `H("wsts-web/v1/key-fingerprint", compressed key)`, 8 bytes as 4 groups of hex.
pub fn fingerprint(key: &Point) -> String {
    let hash = tagged_hash(FINGERPRINT_TAG, &point_to_bytes(key));
    hash.chunks(2).take(4).map(hex::encode).collect::<Vec<_>>().join("-")
}

/// How the trusted key came to be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TrustBasis {
    /// Given in advance (an invitation link).
    Pinned,
    /// The first coordinator met (TOFU).
    FirstUse,
    /// Chosen by the user in place of an earlier key.
    UserChoice,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrustedCoordinator {
    #[serde(with = "serde_point")]
    pub key: Point,
    pub basis: TrustBasis,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrustError {
    #[error(transparent)]
    Control(#[from] ControlError),
    #[error("coordinator {} is not trusted{}", fingerprint(presented), trusted.as_ref().map(|t| format!(" (this signer trusts {})", fingerprint(t))).unwrap_or_default())]
    Untrusted { presented: Box<Point>, trusted: Option<Box<Point>> },
    #[error("control for room {got:?}, but this signer is in room {expected:?}")]
    WrongRoom { expected: String, got: String },
    #[error("{0}")]
    NotForMe(&'static str),
    #[error("a directive for another session")]
    WrongSession,
    #[error("an invitation older than one already taken")]
    Stale,
    #[error("a directive already taken (replayed)")]
    Replay,
    #[error("expected {expected}, got {got}")]
    Unexpected { expected: &'static str, got: &'static str },
}

/// One signer's trust in a coordinator, in one room. Saved with the signer's
/// records; holds nothing secret.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoordinatorTrust {
    room: String,
    trusted: Option<TrustedCoordinator>,
    /// The newest invitation taken from the trusted key: `(issued_at, session)`.
    newest: Option<(u64, SessionId)>,
    /// The last directive taken: `(session, seq)`.
    last_directive: Option<(SessionId, u64)>,
}

/// An invitation taken: what to join, and whether it fixed the trusted key.
#[derive(Clone, Debug, PartialEq)]
pub struct Admitted {
    pub invitation: Invitation,
    /// The key that signed it: the trusted one.
    pub coordinator: Point,
    pub first_use: bool,
}

impl CoordinatorTrust {
    /// Trust the first coordinator that invites this signer.
    pub fn first_use(room: impl Into<String>) -> Self {
        CoordinatorTrust { room: room.into(), trusted: None, newest: None, last_directive: None }
    }

    /// Trust `key` only, from the start.
    pub fn pinned(room: impl Into<String>, key: Point) -> Self {
        let mut trust = Self::first_use(room);
        trust.trusted = Some(TrustedCoordinator { key, basis: TrustBasis::Pinned });
        trust
    }

    pub fn room(&self) -> &str {
        &self.room
    }

    pub fn trusted(&self) -> Option<&TrustedCoordinator> {
        self.trusted.as_ref()
    }

    /// The user's deliberate choice to trust `key` instead. Forgets the
    /// previous key's invitations and directives; keeps nothing else.
    pub fn trust_key(&mut self, key: Point) {
        if self.trusted.as_ref().is_some_and(|t| t.key == key) {
            return;
        }
        self.trusted = Some(TrustedCoordinator { key, basis: TrustBasis::UserChoice });
        self.newest = None;
        self.last_directive = None;
    }

    /// Authenticate `bytes` and check that its signer is the trusted key and
    /// its room this one. Changes nothing.
    fn authenticate(&self, bytes: &[u8]) -> Result<SignedControl, TrustError> {
        let signed = SignedControl::from_bytes(bytes)?;
        if signed.control().room() != self.room {
            return Err(TrustError::WrongRoom { expected: self.room.clone(), got: signed.control().room().into() });
        }
        match &self.trusted {
            Some(t) if t.key != *signed.coordinator() => Err(TrustError::Untrusted {
                presented: Box::new(*signed.coordinator()),
                trusted: Some(Box::new(t.key)),
            }),
            _ => Ok(signed),
        }
    }

    /// Take an invitation for signer `signer_id`, whose network key is
    /// `own_key`: it must come from the trusted key (or, with none yet, it
    /// fixes the key), list this signer under its key, and not be stale.
    pub fn accept_invitation(
        &mut self,
        bytes: &[u8],
        signer_id: SignerId,
        own_key: &Point,
    ) -> Result<Admitted, TrustError> {
        let signed = self.authenticate(bytes)?;
        let coordinator = *signed.coordinator();
        let Control::Invitation(invitation) = signed.into_control() else {
            return Err(TrustError::Unexpected { expected: "Invitation", got: "Directive" });
        };
        if invitation.config.network.signers.get(signer_id as usize) != Some(own_key) {
            return Err(TrustError::NotForMe("the invitation does not list this signer's key"));
        }
        let this = (invitation.issued_at, invitation.session);
        if let Some(newest) = self.newest {
            if this != newest && this.0 <= newest.0 {
                return Err(TrustError::Stale);
            }
        }
        let first_use = self.trusted.is_none();
        if first_use {
            self.trusted = Some(TrustedCoordinator { key: coordinator, basis: TrustBasis::FirstUse });
        }
        self.newest = Some(this);
        Ok(Admitted { invitation, coordinator, first_use })
    }

    /// Take a directive for signer `signer_id` in the session it has joined.
    pub fn accept_directive(
        &mut self,
        bytes: &[u8],
        signer_id: SignerId,
        session: &SessionId,
    ) -> Result<Request, TrustError> {
        let signed = self.authenticate(bytes)?;
        if self.trusted.is_none() {
            return Err(TrustError::Untrusted { presented: Box::new(*signed.coordinator()), trusted: None });
        }
        let Control::Directive(directive) = signed.into_control() else {
            return Err(TrustError::Unexpected { expected: "Directive", got: "Invitation" });
        };
        if directive.signer != signer_id {
            return Err(TrustError::NotForMe("the directive is for another signer"));
        }
        if directive.session != *session {
            return Err(TrustError::WrongSession);
        }
        if self.last_directive.is_some_and(|(s, seq)| s == *session && directive.seq <= seq) {
            return Err(TrustError::Replay);
        }
        self.last_directive = Some((*session, directive.seq));
        Ok(directive.request)
    }
}
