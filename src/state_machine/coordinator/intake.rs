//! Taking in a dealer's packet during a DKG or reshare attempt: equivocation
//! is proven by two signed packets, a bad packet is its dealer's offence
//! (both by [`crate::blame`]), a good one is kept whole and relayed.

use std::collections::BTreeMap;

use super::Fx;
use crate::{
    blame::{self, Finding, Offence},
    crypto::SignerId,
    net::{Packet, SignerDigest},
    state_machine::StateError,
};

/// Every held packet's signer and digest: what `DkgPrivateBegin` and
/// `DkgEndBegin` list.
pub(super) fn digests_of<M: crate::net::Body>(packets: &BTreeMap<SignerId, Packet<M>>) -> Vec<SignerDigest> {
    packets.iter().map(|(s, p)| SignerDigest { signer: *s, digest: p.digest() }).collect()
}

/// Take in a dealer's packet: a second, different one proves equivocation
/// (and drops the first), one that fails `check` is the dealer's offence;
/// a good one is kept and `relay`ed.
pub(super) fn take_in<M: crate::net::Body>(
    held: &mut BTreeMap<SignerId, Packet<M>>,
    findings: &mut Vec<Finding>,
    from: SignerId,
    packet: Packet<M>,
    check: impl FnOnce(&M) -> Result<(), Offence>,
    relay: impl FnOnce(&Packet<M>, &mut Fx),
) -> Result<Fx, StateError> {
    let mut fx = Fx::default();
    if let Some(first) = held.get(&from) {
        let Some(equivocation) = blame::check_equivocation(first, &packet) else {
            return Err(StateError::Duplicate { message: packet.message().name(), from: packet.sender() });
        };
        held.remove(&from);
        findings.push(equivocation);
    } else if let Err(offence) = check(packet.message()) {
        findings.push(Finding { signer: from, offence });
    } else {
        relay(&packet, &mut fx);
        held.insert(from, packet);
    }
    Ok(fx)
}
