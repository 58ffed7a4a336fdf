//! Settling complaints from evidence: pure functions over signed packets.
//!
//! The coordinator runs these, and so can a coordinator in a browser tab or an
//! auditor holding the same packets: the verdicts depend on nothing else. The
//! rules (see `docs/ARCHITECTURE.md`) are:
//!
//! | claim by R against S     | S at fault when                                  | R at fault when            |
//! |--------------------------|--------------------------------------------------|----------------------------|
//! | MissingPublicShares(S)   | S's packet is absent from the transcript          | it is present              |
//! | BadPublicShares(S)       | S's packet fails its checks                       | it passes                  |
//! | MissingPrivateShares(S)  | S's packet lacks R's ciphertext                   | it has it                  |
//! | BadPrivateShares(S, K)   | tuple proof valid and the shares don't decrypt or check | proof invalid, or shares check |
//! | BadShareSum(K for every S) | S's shares (decrypted with its K) fail S's commitment | evidence incomplete or invalid, or every S's shares check |
//! | Equivocation(S, p)       | p is signed by S for this round and differs from the transcript's copy | otherwise |
//!
//! An honest signer only accuses on a packet whose digest matches the
//! coordinator's (it asks for the coordinator's copy otherwise), so an
//! accusation that contradicts the transcript is provably false.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{
    crypto::SignerId,
    net::{DkgEndFailure, Message, NetworkKeys, Packet, Sender, SharePayload},
    party::{
        settle_bad_private_shares, settle_bad_share_sum, Config, DkgFailure, DkgPublicShares, SumVerdict, Verdict,
    },
};

/// What a signer was proven to have done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Offence {
    /// Signed public shares with bad commitments, proofs or structure.
    BadPublicShares,
    /// Signed private shares lacking (or with malformed) ciphertexts for included signers.
    WithheldPrivateShares,
    /// Sent shares that fail to decrypt or fail its commitment.
    BadPrivateShares,
    /// Signed two different packets for one round.
    Equivocation,
    /// Accused another signer against the evidence.
    FalseAccusation,
    /// Sent an invalid signature share.
    BadSignatureShare,
    /// Reported success with a group key other than the transcript's.
    WrongGroupKey,
}

/// One proven offence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Finding {
    pub signer: SignerId,
    pub offence: Offence,
}

/// The coordinator's copy of one DKG attempt: every packet it relayed.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct DkgTranscript {
    pub dkg_id: u64,
    /// `DkgPublicShares` packets of the signers listed in `DkgPrivateBegin`.
    pub public: BTreeMap<SignerId, Packet>,
    /// Full `DkgPrivateShares` packets of the signers listed in `DkgEndBegin`.
    pub private: BTreeMap<SignerId, Packet>,
}

impl DkgTranscript {
    fn public_shares(&self, signer: SignerId) -> Option<&DkgPublicShares> {
        match self.public.get(&signer).map(|p| &p.message) {
            Some(Message::DkgPublicShares(m)) => Some(m),
            _ => None,
        }
    }

    fn private_shares(&self, signer: SignerId) -> Option<&crate::net::DkgPrivateShares> {
        match self.private.get(&signer).map(|p| &p.message) {
            Some(Message::DkgPrivateShares(m)) => Some(m),
            _ => None,
        }
    }
}

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
    shares: &crate::net::DkgPrivateShares,
    recipients: &[SignerId],
) -> Result<(), Offence> {
    if shares.dkg_id != dkg_id {
        return Err(Offence::WithheldPrivateShares);
    }
    let sender = shares.signer_id;
    let expected: Vec<SignerId> = recipients.iter().copied().filter(|r| *r != sender).collect();
    let got: Vec<SignerId> = shares.shares.iter().map(|(r, _)| *r).collect();
    if got != expected {
        return Err(Offence::WithheldPrivateShares);
    }
    for (recipient, payload) in &shares.shares {
        let SharePayload::Ciphertext(c) = payload else { return Err(Offence::WithheldPrivateShares) };
        let plaintext = config.polynomials_of(sender) * config.key_ids(*recipient).len() * 32;
        if c.bytes.len() != plaintext + crate::crypto::encryption::TAG_LEN {
            return Err(Offence::WithheldPrivateShares);
        }
    }
    Ok(())
}

/// Settle one signer's `DkgEnd` failure against the transcript. Returns the
/// offences it proves, against the accused or against the reporter.
pub fn settle_dkg_failure(
    config: &Config,
    keys: &NetworkKeys,
    transcript: &DkgTranscript,
    reporter: SignerId,
    failure: &DkgEndFailure,
) -> Vec<Finding> {
    let false_accusation = Finding { signer: reporter, offence: Offence::FalseAccusation };
    let mut findings = Vec::new();
    match failure {
        DkgEndFailure::BadState(_) | DkgEndFailure::Threshold => {}
        DkgEndFailure::Equivocation { signer, packet } => {
            let proven = Packet::from_bytes(packet, keys).ok().filter(|p| {
                p.sender == Sender::Signer(*signer)
                    && p.message.dkg_id() == transcript.dkg_id
                    && [transcript.public.get(signer), transcript.private.get(signer)]
                        .into_iter()
                        .flatten()
                        .any(|ours| ours.message.name() == p.message.name() && ours.digest() != p.digest())
            });
            findings.push(match proven {
                Some(_) => Finding { signer: *signer, offence: Offence::Equivocation },
                None => false_accusation,
            });
        }
        DkgEndFailure::Shares(failures) => {
            for f in failures {
                findings.extend(settle_share_failure(config, transcript, reporter, f));
            }
        }
    }
    findings.sort();
    findings.dedup();
    findings
}

fn settle_share_failure(
    config: &Config,
    transcript: &DkgTranscript,
    reporter: SignerId,
    failure: &DkgFailure,
) -> Vec<Finding> {
    let false_accusation = Finding { signer: reporter, offence: Offence::FalseAccusation };
    let dkg_id = transcript.dkg_id;
    let mut findings = Vec::new();
    match failure {
        DkgFailure::MissingPublicShares(accused) => {
            for s in accused {
                findings.push(match transcript.public_shares(*s) {
                    Some(_) => false_accusation,
                    None => continue, // not in the transcript: the accused wasn't included
                });
            }
        }
        DkgFailure::BadPublicShares(accused) => {
            for s in accused {
                findings.push(match transcript.public_shares(*s).map(|p| check_public_shares(config, dkg_id, p)) {
                    Some(Ok(())) => false_accusation,
                    Some(Err(offence)) => Finding { signer: *s, offence },
                    None => continue,
                });
            }
        }
        DkgFailure::MissingPrivateShares(accused) => {
            for s in accused {
                let Some(packet) = transcript.private_shares(*s) else { continue };
                findings.push(match packet.entry_for(reporter) {
                    Some(SharePayload::Ciphertext(_)) => false_accusation,
                    _ => Finding { signer: *s, offence: Offence::WithheldPrivateShares },
                });
            }
        }
        DkgFailure::BadPrivateShares(claims) => {
            for (s, evidence) in claims {
                let (Some(accused_public), Some(accused_private), Some(reporter_public)) =
                    (transcript.public_shares(*s), transcript.private_shares(*s), transcript.public_shares(reporter))
                else {
                    continue;
                };
                let verdict = settle_bad_private_shares(
                    config,
                    accused_public,
                    &accused_private.to_party(),
                    reporter_public,
                    evidence,
                );
                findings.push(match verdict {
                    Ok(Verdict::AccusedAtFault) => Finding { signer: *s, offence: Offence::BadPrivateShares },
                    Ok(Verdict::ReporterAtFault) => false_accusation,
                    // The accused's own public shares are malformed.
                    Err(_) => Finding { signer: *s, offence: Offence::BadPublicShares },
                });
            }
        }
        DkgFailure::BadShareSum(evidence) => {
            // The key's participants are exactly the signers whose private
            // shares are in the transcript.
            let packets: Vec<(SignerId, &DkgPublicShares, crate::party::DkgPrivateShares)> = transcript
                .private
                .keys()
                .filter_map(|&s| Some((s, transcript.public_shares(s)?, transcript.private_shares(s)?.to_party())))
                .collect();
            let participants: BTreeMap<SignerId, (&DkgPublicShares, &crate::party::DkgPrivateShares)> =
                packets.iter().map(|(s, public, private)| (*s, (*public, private))).collect();
            if participants.len() != transcript.private.len() || !participants.contains_key(&reporter) {
                return findings;
            }
            match settle_bad_share_sum(config, &participants, reporter, evidence) {
                Ok(SumVerdict::SendersAtFault(senders)) => findings
                    .extend(senders.into_iter().map(|s| Finding { signer: s, offence: Offence::BadPrivateShares })),
                Ok(SumVerdict::ReporterAtFault) => findings.push(false_accusation),
                // Malformed packets in the transcript: refused on receipt, so unreachable.
                Err(_) => {}
            }
        }
    }
    findings
}
