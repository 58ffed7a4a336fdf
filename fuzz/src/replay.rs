//! Replaying a recorded ceremony into one state machine, edited by a plan
//! the fuzzer chooses: packets dropped, repeated, delayed, mutated and
//! signed again, injected from elsewhere, corrupted; the clock jumped; the
//! machine saved and restored in between.

use std::collections::VecDeque;

use arbitrary::{Arbitrary, Unstructured};
use wsts_web::{crypto::SignerId, state_machine::Millis};

use crate::{
    mutate::Resigner,
    tree::Op,
    world::{world, Ceremony, Step},
};

/// At most this many edits are applied, so every input runs in bounded time.
pub const MAX_EDITS: usize = 48;

/// What the fuzzer chooses: a ceremony, a machine in it, and edits.
#[derive(Arbitrary, Debug)]
pub struct Plan {
    pub ceremony: u8,
    /// A signer (modulo their number) for the signer target; unused by the
    /// coordinator target.
    pub machine: u8,
    pub edits: Vec<Edit>,
}

/// One change to the recorded sequence, applied at the current position.
#[derive(Arbitrary, Debug)]
pub enum Edit {
    /// Deliver the next `steps` recorded steps unchanged.
    Pass { steps: u8 },
    /// Lose the next packet.
    Drop,
    /// Deliver the next packet twice.
    Duplicate,
    /// Deliver the next packet `later` steps later.
    Delay { later: u8 },
    /// Deliver the next packet with its message changed and signed again by
    /// the sender it then claims (see [`crate::mutate`]).
    Mutate { ops: Vec<Op> },
    /// Deliver an authentic packet from this ceremony or, with
    /// `any_ceremony`, from any recorded one (same network keys).
    Inject { packet: u16, any_ceremony: bool },
    /// Deliver the next packet with one byte changed or cut short (it then
    /// fails authentication, or decoding).
    Corrupt { at: u16, xor: u8, truncate: bool },
    /// Advance the clock and fire what is due.
    Clock { advance_ms: u32 },
    /// Save the machine and put its restored copy in its place (a reload).
    Reload,
}

/// A state machine under test, as the replay drives it.
pub trait Machine {
    fn deliver(&mut self, to: Option<SignerId>, bytes: &[u8], now: Millis);
    fn clock(&mut self, now: Millis);
    /// An operator command (coordinator only).
    fn command(&mut self, step: &Step, now: Millis);
    fn reload(&mut self);
}

/// The plan read from `data`, or `None` if the bytes run out first.
pub fn plan(data: &[u8]) -> Option<Plan> {
    Unstructured::new(data).arbitrary().ok()
}

/// The ceremony a plan names.
pub fn ceremony_of(plan: &Plan) -> &'static Ceremony {
    let ceremonies = &world().ceremonies;
    &ceremonies[usize::from(plan.ceremony) % ceremonies.len()]
}

/// Replay `steps` (one machine's view of `ceremony`) into `machine`, with
/// `edits` applied at the front of what is left, then the rest unchanged.
pub fn replay(ceremony: &Ceremony, to: Option<SignerId>, steps: Vec<Step>, edits: &[Edit], machine: &mut dyn Machine) {
    let world = world();
    let resigner = Resigner::new(ceremony, &world.donors);
    let mut queue: VecDeque<Step> = steps.into();
    let mut now: Millis = 0;
    let mut run = |step: &Step, now: &mut Millis, machine: &mut dyn Machine| match step {
        Step::Deliver { bytes, .. } => machine.deliver(to, bytes, *now),
        Step::Clock(t) => {
            *now = (*now).max(*t);
            machine.clock(*now);
        }
        command => machine.command(command, *now),
    };
    for edit in edits.iter().take(MAX_EDITS) {
        match edit {
            Edit::Pass { steps } => {
                for _ in 0..*steps {
                    let Some(step) = queue.pop_front() else { break };
                    run(&step, &mut now, machine);
                }
            }
            Edit::Drop => {
                pop_delivery(&mut queue, &mut now, machine, &mut run);
            }
            Edit::Duplicate => {
                if let Some(bytes) = pop_delivery(&mut queue, &mut now, machine, &mut run) {
                    machine.deliver(to, &bytes, now);
                    machine.deliver(to, &bytes, now);
                }
            }
            Edit::Delay { later } => {
                if let Some(bytes) = pop_delivery(&mut queue, &mut now, machine, &mut run) {
                    let at = usize::from(*later).min(queue.len());
                    queue.insert(at, Step::Deliver { to, bytes });
                }
            }
            Edit::Mutate { ops } => {
                if let Some(bytes) = pop_delivery(&mut queue, &mut now, machine, &mut run) {
                    match resigner.mutate(&bytes, ops) {
                        Some(mutated) => machine.deliver(to, &mutated, now),
                        None => machine.deliver(to, &bytes, now),
                    }
                }
            }
            Edit::Inject { packet, any_ceremony } => {
                let pool: Vec<_> = if *any_ceremony {
                    world.packets.iter().collect()
                } else {
                    world.packets.iter().filter(|p| p.ceremony == ceremony.name).collect()
                };
                if let Some(pooled) = pool.get(usize::from(*packet) % pool.len().max(1)) {
                    machine.deliver(to, &pooled.bytes, now);
                }
            }
            Edit::Corrupt { at, xor, truncate } => {
                if let Some(mut bytes) = pop_delivery(&mut queue, &mut now, machine, &mut run) {
                    let at = usize::from(*at) % bytes.len().max(1);
                    if *truncate {
                        bytes.truncate(at);
                    } else if let Some(b) = bytes.get_mut(at) {
                        *b ^= xor | 1;
                    }
                    machine.deliver(to, &bytes, now);
                }
            }
            Edit::Clock { advance_ms } => {
                now = now.saturating_add(Millis::from(*advance_ms));
                machine.clock(now);
            }
            Edit::Reload => machine.reload(),
        }
    }
    while let Some(step) = queue.pop_front() {
        run(&step, &mut now, machine);
    }
}

/// Run the steps before the next delivery and take that delivery's bytes.
fn pop_delivery(
    queue: &mut VecDeque<Step>,
    now: &mut Millis,
    machine: &mut dyn Machine,
    run: &mut impl FnMut(&Step, &mut Millis, &mut dyn Machine),
) -> Option<Vec<u8>> {
    while let Some(step) = queue.pop_front() {
        match step {
            Step::Deliver { bytes, .. } => return Some(bytes),
            other => run(&other, now, machine),
        }
    }
    None
}
