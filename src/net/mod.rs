//! The wire protocol: messages, and the signed packets that carry them.
//!
//! Every packet is signed by its sender (BIP-340, with the sender's network
//! key) over the canonical encoding of the whole packet body. Decoding and
//! signature checks happen here, before any state machine sees a packet.

mod invitation;
mod message;
mod packet;
pub mod relay_auth;

pub use invitation::*;
pub use message::*;
pub use packet::*;
