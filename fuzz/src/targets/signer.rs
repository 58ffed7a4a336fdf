//! Sequences of packets and timeouts into a `Signer`: one signer's view of a
//! recorded ceremony, edited (see [`crate::replay`]). The oracle is the
//! absence of panics; a signer blames no one, so there is nothing else to
//! judge here that the coordinator target does not.

use wsts_web::{
    crypto::SignerId,
    state_machine::{signer::Signer, Millis},
};

use crate::{
    replay::{ceremony_of, plan, replay, Machine},
    world::{Ceremony, Step},
};

pub fn run(data: &[u8]) {
    let Some(plan) = plan(data) else { return };
    let ceremony = ceremony_of(&plan);
    let signers = ceremony.fresh_signers.len();
    let id = SignerId::try_from(usize::from(plan.machine) % signers).unwrap_or(0);
    let mut machine = SignerUnderTest::new(ceremony, id);
    replay(ceremony, Some(id), ceremony.steps_for(Some(id)), &plan.edits, &mut machine);
}

/// A signer restored from its state before the ceremony, with the random
/// source the simulator gave it, so an unedited replay repeats the recording.
pub struct SignerUnderTest<'a> {
    ceremony: &'a Ceremony,
    id: SignerId,
    pub signer: Signer,
    pub events: Vec<wsts_web::state_machine::signer::SignerEvent>,
}

impl<'a> SignerUnderTest<'a> {
    pub fn new(ceremony: &'a Ceremony, id: SignerId) -> Self {
        let index = usize::try_from(id).expect("signer ids fit usize");
        let mut signer = Signer::restore(&ceremony.fresh_signers[index], ceremony.signer_keys[index].clone())
            .expect("a saved signer restores");
        signer.reseed(ceremony.signer_seed(id));
        SignerUnderTest { ceremony, id, signer, events: Vec::new() }
    }

    fn drain(&mut self) {
        while self.signer.poll_transmit().is_some() {}
        while let Some(event) = self.signer.poll_event() {
            self.events.push(event);
        }
    }
}

impl Machine for SignerUnderTest<'_> {
    fn deliver(&mut self, _to: Option<SignerId>, bytes: &[u8], now: Millis) {
        let _ = self.signer.handle_packet(bytes, now);
        self.drain();
    }

    fn clock(&mut self, now: Millis) {
        self.signer.handle_timeout(now);
        self.drain();
    }

    fn command(&mut self, _step: &Step, _now: Millis) {}

    fn reload(&mut self) {
        let index = usize::try_from(self.id).expect("signer ids fit usize");
        let key = self.ceremony.signer_keys[index].clone();
        let mut restored = Signer::restore(&self.signer.save(), key).expect("a signer's own save restores");
        restored.reseed(self.ceremony.signer_seed(self.id) ^ 0x5eed);
        self.signer = restored;
    }
}
