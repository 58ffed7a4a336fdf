//! Checks of one signed DKG packet on its own, as the coordinator makes them
//! on receipt: a packet that fails is the sender's offence.

use crate::{
    config::Config,
    crypto::{encryption::TAG_LEN, SignerId},
    net::{DkgPrivateShares, DkgPublicShares, SharePayload},
};

use super::Offence;

/// Check a signed `DkgPublicShares` packet on its own.
pub fn check_public_shares(config: &Config, dkg_id: u64, shares: &DkgPublicShares) -> Result<(), Offence> {
    if shares.dkg_id != dkg_id || shares.verify_full(config).is_err() {
        return Err(Offence::BadPublicShares);
    }
    Ok(())
}

/// Check a signed `DkgPrivateShares` packet (a full copy) on its own: one
/// well-sized ciphertext for every other signer in `recipients`, nothing else.
pub fn check_private_shares(
    config: &Config,
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
        let plaintext = config.polynomials_of(sender) * config.key_ids(entry.recipient).len() * 32;
        if c.bytes.len() != plaintext + TAG_LEN {
            return Err(Offence::WithheldPrivateShares);
        }
    }
    Ok(())
}
