//! Mutated packets that still authenticate: decode a recorded packet, change
//! its message through [`crate::tree`], and sign it again with the network key
//! of the sender it now claims, so it passes `Packet::from_bytes` and reaches
//! the round logic.

use std::cell::RefCell;

use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use wsts_web::net::{Message, Packet};

use crate::{
    tree::{self, DonorPool, Op, Resign},
    world::{sender_of, Ceremony},
};

/// Signs mutated messages as their senders in one ceremony.
pub struct Resigner<'a> {
    ceremony: &'a Ceremony,
    donors: &'a DonorPool,
    rng: RefCell<ChaCha20Rng>,
}

impl<'a> Resigner<'a> {
    pub fn new(ceremony: &'a Ceremony, donors: &'a DonorPool) -> Self {
        Resigner { ceremony, donors, rng: RefCell::new(ChaCha20Rng::seed_from_u64(0x6675_7a7a)) }
    }

    /// `bytes` (an authentic packet) with `ops` applied to its message and
    /// signed again, or `None` if the result is no message or has no key.
    pub fn mutate(&self, bytes: &[u8], ops: &[Op]) -> Option<Vec<u8>> {
        let packet = Packet::from_bytes(bytes, &self.ceremony.network).ok()?;
        let message = self.mutate_message(packet.message(), ops)?;
        self.sign(message)
    }

    /// `message` with `ops` applied, if it is still a message.
    pub fn mutate_message(&self, message: &Message, ops: &[Op]) -> Option<Message> {
        let mut tree = tree::to_tree(message)?;
        let mut changed = false;
        for op in ops {
            changed |= tree::apply(&mut tree, op, self.donors, self);
        }
        if !changed {
            return None;
        }
        tree::from_tree(&tree)
    }

    /// Sign `message` as the sender it claims.
    pub fn sign(&self, message: Message) -> Option<Vec<u8>> {
        let sender = sender_of(&message);
        let key = self.ceremony.key_of(sender)?;
        Some(Packet::sign(sender, message, key, &mut *self.rng.borrow_mut()).to_bytes())
    }
}

impl Resign for Resigner<'_> {
    fn resign(&self, bytes: &[u8], ops: &[Op]) -> Option<Vec<u8>> {
        self.mutate(bytes, ops)
    }
}
