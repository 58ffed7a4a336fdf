//! Settling one signer's `DkgEnd` complaint against the coordinator's
//! transcript (the rules are in the table of [`crate::blame`]).

use std::collections::BTreeMap;

use super::{
    check_public_shares,
    checks::offence_of,
    dealt::{settle_bad_private_shares, settle_bad_share_sum, SettleError, SumVerdict, Verdict},
    DkgTranscript, Finding, Offence,
};
use crate::{
    config::Dealing,
    crypto::SignerId,
    net::{
        BadShareEvidence, DkgEndFailure, DkgFailure, DkgPrivateShares, DkgPublicShares, Message, NetworkKeys, Packet,
        Sender,
    },
};

/// Settle one signer's `DkgEnd` failure against the transcript. Returns the
/// offences it proves, against the accused or against the reporter.
pub fn settle_dkg_failure(
    config: &impl Dealing,
    keys: &NetworkKeys,
    transcript: &DkgTranscript,
    reporter: SignerId,
    failure: &DkgEndFailure,
) -> Vec<Finding> {
    let mut findings = match failure {
        DkgEndFailure::BadState(_) | DkgEndFailure::Threshold => vec![],
        DkgEndFailure::Equivocation { signer, packet } => {
            vec![settle_equivocation(keys, transcript, reporter, *signer, packet)]
        }
        DkgEndFailure::Shares(failures) => {
            failures.iter().flat_map(|f| settle_share_failure(config, transcript, reporter, f)).collect()
        }
    };
    findings.sort();
    findings.dedup();
    findings
}

/// `packet` proves `signer` equivocated if `signer` signed it for this DKG
/// and it differs from the transcript's packet of the same kind.
fn settle_equivocation(
    keys: &NetworkKeys,
    transcript: &DkgTranscript,
    reporter: SignerId,
    signer: SignerId,
    packet: &[u8],
) -> Finding {
    let proven = Packet::from_bytes(packet, keys).ok().is_some_and(|p| {
        let ours = match p.message() {
            Message::DkgPublicShares(_) => transcript.public.get(&signer).map(Packet::digest),
            Message::DkgPrivateShares(_) => transcript.private.get(&signer).map(Packet::digest),
            _ => None,
        };
        p.sender() == Sender::Signer(signer)
            && p.message().dkg_id() == transcript.dkg_id
            && ours.is_some_and(|d| d != p.digest())
    });
    if proven {
        Finding { signer, offence: Offence::Equivocation }
    } else {
        Finding { signer: reporter, offence: Offence::FalseAccusation }
    }
}

fn settle_share_failure(
    config: &impl Dealing,
    transcript: &DkgTranscript,
    reporter: SignerId,
    failure: &DkgFailure,
) -> Vec<Finding> {
    let false_accusation = Finding { signer: reporter, offence: Offence::FalseAccusation };
    let dkg_id = transcript.dkg_id;
    match failure {
        // An accused signer absent from the transcript was not included: no finding.
        DkgFailure::MissingPublicShares(accused) => {
            accused.iter().filter_map(|s| transcript.public_shares(*s)).map(|_| false_accusation).collect()
        }
        DkgFailure::BadPublicShares(accused) => accused
            .iter()
            .filter_map(|s| {
                Some(match check_public_shares(config, dkg_id, transcript.public_shares(*s)?) {
                    Ok(()) => false_accusation,
                    Err(offence) => Finding { signer: *s, offence },
                })
            })
            .collect(),
        DkgFailure::MissingPrivateShares(accused) => accused
            .iter()
            .filter_map(|s| {
                Some(match transcript.private_shares(*s)?.ciphertext_for(reporter) {
                    Some(_) => false_accusation,
                    None => Finding { signer: *s, offence: Offence::WithheldPrivateShares },
                })
            })
            .collect(),
        DkgFailure::BadPrivateShares(claims) => settle_bad_private(config, transcript, reporter, claims),
        DkgFailure::BadShareSum(evidence) => settle_sum(config, transcript, reporter, evidence),
    }
}

fn settle_bad_private(
    config: &impl Dealing,
    transcript: &DkgTranscript,
    reporter: SignerId,
    claims: &BTreeMap<SignerId, BadShareEvidence>,
) -> Vec<Finding> {
    let false_accusation = Finding { signer: reporter, offence: Offence::FalseAccusation };
    let reporter_public = transcript.public_shares(reporter);
    claims
        .iter()
        .filter_map(|(s, evidence)| {
            let (accused_public, accused_private) = (transcript.public_shares(*s)?, transcript.private_shares(*s)?);
            Some(match settle_bad_private_shares(config, accused_public, accused_private, reporter_public?, evidence) {
                Ok(Verdict::AccusedAtFault) => Finding { signer: *s, offence: Offence::BadPrivateShares },
                Ok(Verdict::ReporterAtFault) => false_accusation,
                // The accused's own public shares are malformed.
                Err(SettleError::BadAccusedPublicShares(e)) => Finding { signer: *s, offence: offence_of(e) },
                Err(_) => Finding { signer: *s, offence: Offence::BadPublicShares },
            })
        })
        .collect()
}

fn settle_sum(
    config: &impl Dealing,
    transcript: &DkgTranscript,
    reporter: SignerId,
    evidence: &BTreeMap<SignerId, BadShareEvidence>,
) -> Vec<Finding> {
    // The key's dealers are exactly the signers whose private shares are in
    // the transcript. A reshare's recipient that deals nothing sends none.
    let mut dealers: BTreeMap<SignerId, (&DkgPublicShares, &DkgPrivateShares)> = transcript
        .private
        .iter()
        .filter_map(|(&s, private)| Some((s, (transcript.public_shares(s)?, private.message()))))
        .collect();
    let dealt_nothing = DkgPrivateShares { dkg_id: transcript.dkg_id, signer_id: reporter, shares: vec![] };
    match transcript.public_shares(reporter) {
        Some(public) if public.commitments.is_empty() && config.polynomials_of(reporter) == 0 => {
            dealers.entry(reporter).or_insert((public, &dealt_nothing));
        }
        _ => {}
    }
    if dealers.len() != transcript.private.len() + usize::from(!transcript.private.contains_key(&reporter))
        || !dealers.contains_key(&reporter)
    {
        return vec![];
    }
    match settle_bad_share_sum(config, &dealers, reporter, evidence) {
        Ok(SumVerdict::SendersAtFault(senders)) => {
            senders.into_iter().map(|s| Finding { signer: s, offence: Offence::BadPrivateShares }).collect()
        }
        Ok(SumVerdict::ReporterAtFault) => vec![Finding { signer: reporter, offence: Offence::FalseAccusation }],
        // Malformed packets in the transcript: refused on receipt, so never here.
        Err(_) => vec![],
    }
}
