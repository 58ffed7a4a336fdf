//! Sequences of packets, timeouts and operator commands into a
//! `Coordinator`: its view of a recorded ceremony, edited (see
//! [`crate::replay`]).
//!
//! The oracle is the absence of panics (and a coordinator's own save must
//! restore). Whether honest signers stay unblamed is not judged here: once an
//! edit makes the coordinator's requests differ from the recording, the
//! recorded answers no longer answer them (a `DkgPrivateShares` for another
//! signer set then reads as withheld shares), which no network can cause.
//! The `network` target judges that, with every signer running live.

use wsts_web::{
    crypto::SignerId,
    state_machine::{
        coordinator::{Coordinator, CoordinatorEvent},
        Millis,
    },
};

use crate::{
    replay::{ceremony_of, plan, replay, Machine},
    world::{Ceremony, Step},
};

pub fn run(data: &[u8]) {
    let Some(plan) = plan(data) else { return };
    let ceremony = ceremony_of(&plan);
    let mut machine = CoordinatorUnderTest::new(ceremony);
    replay(ceremony, None, ceremony.steps_for(None), &plan.edits, &mut machine);
}

/// A coordinator restored from its state before the ceremony, with the
/// random source the simulator gave it.
pub struct CoordinatorUnderTest<'a> {
    ceremony: &'a Ceremony,
    pub coordinator: Coordinator,
    pub events: Vec<CoordinatorEvent>,
}

impl<'a> CoordinatorUnderTest<'a> {
    pub fn new(ceremony: &'a Ceremony) -> Self {
        let mut coordinator = Coordinator::restore(&ceremony.fresh_coordinator, ceremony.coordinator_key.clone())
            .expect("a saved coordinator restores");
        coordinator.reseed(ceremony.seed);
        CoordinatorUnderTest { ceremony, coordinator, events: Vec::new() }
    }

    fn drain(&mut self) {
        while self.coordinator.poll_transmit().is_some() {}
        while let Some(event) = self.coordinator.poll_event() {
            self.events.push(event);
        }
    }
}

impl Machine for CoordinatorUnderTest<'_> {
    fn deliver(&mut self, _to: Option<SignerId>, bytes: &[u8], now: Millis) {
        let _ = self.coordinator.handle_packet(bytes, now);
        self.drain();
    }

    fn clock(&mut self, now: Millis) {
        self.coordinator.handle_timeout(now);
        self.drain();
    }

    fn command(&mut self, step: &Step, now: Millis) {
        let _ = match step {
            Step::StartDkg => self.coordinator.start_dkg(now),
            Step::StartSigning { message, sig_type } => {
                self.coordinator.start_signing(message, *sig_type, now).map(drop)
            }
            _ => Ok(()),
        };
        self.drain();
    }

    fn reload(&mut self) {
        let key = self.ceremony.coordinator_key.clone();
        let mut restored =
            Coordinator::restore(&self.coordinator.save(), key).expect("a coordinator's own save restores");
        restored.reseed(self.ceremony.seed ^ 0x5eed);
        self.coordinator = restored;
    }
}
