//! What a round asks its driver to do. Rounds return [`Effects`]; the driver
//! applies them in order, so a round never touches the outbox, the event
//! queue or another round's state.

use rand_core::{CryptoRng, RngCore};

use super::{Destination, Transmit};
use crate::{
    blame::Finding,
    crypto::{secret::SecretScalar, SignerId},
    net::{Body, Packet, Sender},
};

pub(crate) enum Effect<E, D> {
    /// Send a packet this machine signed.
    Send(Transmit),
    /// Relay a packet another signer signed, as it is.
    Forward(Transmit),
    /// Record proven offences (coordinator).
    Prove(Vec<Finding>),
    /// These signers missed a deadline (coordinator).
    Unresponsive(Vec<SignerId>),
    /// A new DKG attempt or signing round begins: forget who was silent.
    ClearUnresponsive,
    /// Tell the application.
    Report(E),
    /// The round is over, with this outcome.
    Done(D),
}

/// The effects of one call into a round, in order.
#[must_use]
pub(crate) struct Effects<E, D>(pub Vec<Effect<E, D>>);

impl<E, D> Default for Effects<E, D> {
    fn default() -> Self {
        Effects(Vec::new())
    }
}

impl<E, D> Effects<E, D> {
    pub fn push(&mut self, effect: Effect<E, D>) {
        self.0.push(effect);
    }

    pub fn extend(&mut self, other: Effects<E, D>) {
        self.0.extend(other.0);
    }

    pub fn send<M: Body>(&mut self, to: Destination, packet: &Packet<M>) {
        self.push(Effect::Send(Transmit { to, message: packet.message().name(), bytes: packet.to_bytes() }));
    }

    pub fn forward<M: Body>(&mut self, to: Destination, packet: &Packet<M>) {
        self.push(Effect::Forward(Transmit { to, message: packet.message().name(), bytes: packet.to_bytes() }));
    }

    pub fn report(&mut self, event: E) {
        self.push(Effect::Report(event));
    }

    /// These effects end the round.
    pub fn ends_round(&self) -> bool {
        self.0.iter().any(|e| matches!(e, Effect::Done(_)))
    }
}

/// A machine's network key, lent to its rounds so they can sign what they
/// send (and keep their own signed copies) without holding the key.
pub(crate) struct PacketSigner<'a, R> {
    pub sender: Sender,
    pub key: &'a SecretScalar,
    pub rng: &'a mut R,
}

impl<R: RngCore + CryptoRng> PacketSigner<'_, R> {
    pub fn sign<M: Body>(&mut self, message: M) -> Packet<M> {
        Packet::sign(self.sender, message, self.key, self.rng)
    }
}
