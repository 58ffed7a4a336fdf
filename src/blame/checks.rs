//! Checks of signed DKG packets as the coordinator receives them: a packet
//! that fails is its sender's offence.

use crate::{
    config::Dealing,
    crypto::{encryption::TAG_LEN, polynomial::CommitmentError, Point, SignerId},
    net::{Body, DkgEnd, DkgPrivateShares, DkgPublicShares, DkgStatus, Packet, SharePayload},
};

use super::{Finding, Offence};

/// Two packets of one kind, both signed by their sender for one round, that
/// differ: the sender equivocated. `None` if they are the same packet.
pub fn check_equivocation<M: Body>(first: &Packet<M>, second: &Packet<M>) -> Option<Finding> {
    let crate::net::Sender::Signer(signer) = first.sender() else { return None };
    (first.sender() == second.sender() && first.digest() != second.digest())
        .then_some(Finding { signer, offence: Offence::Equivocation })
}

/// A signed `DkgEnd` claiming success with a key other than the one the
/// transcript makes.
pub fn check_reported_key(signer: SignerId, end: &DkgEnd, group_key: &Point) -> Option<Finding> {
    match &end.status {
        DkgStatus::Success { group_key: reported } if reported != group_key => {
            Some(Finding { signer, offence: Offence::WrongGroupKey })
        }
        _ => None,
    }
}

/// Check a signed `DkgPublicShares` packet on its own.
pub fn check_public_shares(config: &impl Dealing, dkg_id: u64, shares: &DkgPublicShares) -> Result<(), Offence> {
    if shares.dkg_id != dkg_id {
        return Err(Offence::BadPublicShares);
    }
    shares.verify_full(config).map_err(offence_of)
}

/// A reshare dealer's wrong constant term has its own name: it is proven
/// from the old group's public data alone.
pub(crate) fn offence_of(error: CommitmentError) -> Offence {
    match error {
        CommitmentError::WrongConstant => Offence::BadConstantTerm,
        _ => Offence::BadPublicShares,
    }
}

/// Check a signed `DkgPrivateShares` packet (a full copy) on its own: one
/// well-sized ciphertext for every other signer in `recipients`, nothing else.
pub fn check_private_shares(
    config: &impl Dealing,
    dkg_id: u64,
    shares: &DkgPrivateShares,
    recipients: &[SignerId],
) -> Result<(), Offence> {
    if shares.dkg_id != dkg_id {
        return Err(Offence::WithheldPrivateShares);
    }
    let sender = shares.signer_id;
    let expected: Vec<SignerId> = recipients.iter().copied().filter(|r| *r != sender).collect();
    let got: Vec<SignerId> = shares.shares.iter().map(|s| s.recipient).collect();
    if got != expected {
        return Err(Offence::WithheldPrivateShares);
    }
    for entry in &shares.shares {
        let SharePayload::Ciphertext(c) = &entry.payload else { return Err(Offence::WithheldPrivateShares) };
        let plaintext = config.polynomials_of(sender) * config.recipient_key_ids(entry.recipient).len() * 32;
        if c.bytes.len() != plaintext + TAG_LEN {
            return Err(Offence::WithheldPrivateShares);
        }
    }
    Ok(())
}
