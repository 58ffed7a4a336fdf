//! The simulated network: deliveries, faults (lost messages, offline
//! signers) and chaos (loss, duplication, corruption, reordering).

use rand_core::RngCore;

use super::{Endpoint, Fault, InFlight, Phase, Recorded, Simulation};
use crate::{
    crypto::SignerId,
    net::{Message, Packet},
};

impl Simulation {
    /// Is this delivery lost to a fault?
    fn lost(&mut self, m: &InFlight) -> bool {
        let network = &self.network;
        let dkg_round = || Packet::from_bytes(&m.bytes, network).ok().map(|p| p.message);
        let sign_round = self.current_sign_round;
        for (i, fault) in self.options.faults.iter().enumerate() {
            match fault {
                Fault::Drop { from, to, message } => {
                    let matches = endpoint_matches(*from, m.from) && endpoint_matches(*to, m.to) && message == m.name;
                    if matches && !self.dropped_once.contains(&i) {
                        self.dropped_once.insert(i);
                        return true;
                    }
                }
                Fault::Offline { signer, phase, rounds } => {
                    let involved = m.to == Endpoint::Signer(*signer) || m.from == Endpoint::Signer(*signer);
                    if !involved {
                        continue;
                    }
                    let Some(message) = dkg_round() else { continue };
                    let (in_phase, round) = match (&message, phase) {
                        (
                            Message::DkgBegin(_)
                            | Message::ReshareBegin(_)
                            | Message::DkgPublicShares(_)
                            | Message::DkgPrivateBegin(_)
                            | Message::DkgPrivateShares(_)
                            | Message::DkgEndBegin(_)
                            | Message::DkgEnd(_)
                            | Message::TranscriptRequest(_),
                            Phase::Dkg,
                        ) => (true, message.dkg_id()),
                        (Message::NonceRequest(r), Phase::Nonce | Phase::Sign) => (true, r.sign_id),
                        (Message::NonceResponse(r), Phase::Nonce | Phase::Sign) => (true, r.sign_id),
                        (Message::SignatureShareRequest(r), Phase::Share | Phase::Sign) => (true, r.sign_id),
                        (Message::SignatureShareResponse(r), Phase::Share | Phase::Sign) => (true, r.sign_id),
                        // ROAST: commitments are its nonce step, sessions its share step.
                        (Message::NonceBatchRequest(_) | Message::NonceBatch(_), Phase::Nonce | Phase::Sign) => {
                            (true, sign_round)
                        }
                        (Message::SessionRequest(r), Phase::Share | Phase::Sign) => (true, r.sign_id),
                        (Message::SessionResponse(r), Phase::Share | Phase::Sign) => (true, r.sign_id),
                        _ => (false, 0),
                    };
                    if in_phase && rounds.as_ref().is_none_or(|r| r.contains(&round)) {
                        return true;
                    }
                }
            }
        }
        false
    }

    pub(super) fn deliver(&mut self, m: InFlight) {
        if self.lost(&m) {
            return;
        }
        self.meter.hops = m.hops;
        if self.options.record {
            let to = match m.to {
                Endpoint::Coordinator => None,
                Endpoint::Signer(s) => Some(s),
            };
            self.recorded.push(Recorded { to, message: m.name, bytes: m.bytes.clone() });
        }
        let started = self.meter.now();
        let result = match m.to {
            Endpoint::Coordinator => self.coordinator.handle_packet(&m.bytes, self.now),
            Endpoint::Signer(s) => {
                let i = s as usize;
                if let Some(adv) = self.behaviours.get_mut(&s) {
                    adv.incoming(&m.bytes, &self.signers[i]);
                }
                self.signers[i].handle_packet(&m.bytes, self.now)
            }
        };
        if let (Some(t0), Some(t1)) = (started, self.meter.now()) {
            match m.to {
                Endpoint::Coordinator => self.meter.coordinator_ms += t1 - t0,
                Endpoint::Signer(s) => {
                    if let Some(ms) = self.meter.signer_ms.get_mut(s as usize) {
                        *ms += t1 - t0;
                    }
                    if let Some(b) = self.meter.signer_bytes_in.get_mut(s as usize) {
                        *b += m.bytes.len() as u64;
                    }
                }
            }
        }
        if let Err(e) = result {
            let kind = format!("{e:?}");
            let kind = kind.split(['(', ' ', '{']).next().unwrap_or("error").to_string();
            *self.rejected.entry(kind).or_default() += 1;
        }
    }

    pub(super) fn next_in_flight(&mut self) -> Option<InFlight> {
        let Some(chaos) = self.options.chaos else { return self.queue.pop_front() };
        while !self.queue.is_empty() {
            let i = if chaos.reorder { (self.chaos_rng.next_u32() as usize) % self.queue.len() } else { 0 };
            let mut m = self.queue.remove(i).expect("in range");
            let roll = self.chaos_rng.next_u32() % 100;
            if roll < chaos.drop_percent {
                continue;
            }
            if roll < chaos.drop_percent + chaos.duplicate_percent {
                self.queue.push_back(InFlight {
                    from: m.from,
                    to: m.to,
                    name: m.name,
                    bytes: m.bytes.clone(),
                    hops: m.hops,
                });
            } else if roll < chaos.drop_percent + chaos.duplicate_percent + chaos.corrupt_percent {
                let at = (self.chaos_rng.next_u32() as usize) % m.bytes.len();
                m.bytes[at] ^= 1 << (self.chaos_rng.next_u32() % 8);
            }
            return Some(m);
        }
        None
    }
}

fn endpoint_matches(spec: Option<SignerId>, e: Endpoint) -> bool {
    match (spec, e) {
        (None, Endpoint::Coordinator) => true,
        (Some(s), Endpoint::Signer(t)) => s == t,
        _ => false,
    }
}
