//! The wire protocol: every message type, and the signed packets that carry
//! them. This module is the one home of the message types: the key material
//! ([`crate::keys`]), blame ([`crate::blame`]) and the state machines all work
//! on these types directly.
//!
//! Every packet is signed by its sender (BIP-340, with the sender's network
//! key) over the canonical encoding of the whole packet body. Decoding and
//! signature checks happen here, before any state machine sees a packet.

mod dkg;
mod invitation;
mod message;
mod packet;
pub mod relay_auth;
mod repair;
mod reshare;
mod roast;
mod sign;

pub use dkg::*;
pub use invitation::*;
pub use message::*;
pub use packet::*;
pub use repair::*;
pub use reshare::*;
pub use roast::*;
pub use sign::*;
