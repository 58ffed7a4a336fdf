//! Judging a repair ([`crate::net::RepairBegin`] and what follows), as pure
//! functions over its signed packets, the coordinator's `RepairBegin` and the
//! group's public keys in it:
//!
//! | claim or packet              | sender/accused at fault when                          | reporter at fault when |
//! |------------------------------|-------------------------------------------------------|------------------------|
//! | `RepairCommitments` of i     | malformed, bad key-exchange proof, or `Σ_j Δ_{i,j,r} ≠ Σ_k λ_k(r) X_k` (public data) | — |
//! | `RepairPieces` of i          | not one well-sized ciphertext per other helper        | — |
//! | `RepairSum` of j             | a sum ciphertext of the wrong size                    | — |
//! | `BadPieces(i, K)` by j       | proof valid and i's pieces to j don't decrypt or fail `Δ_{i,j,r}` | proof invalid, or they check |
//! | `BadSums(j, K)` by repaired  | proof valid and j's sums don't decrypt or fail `Σ_i Δ_{i,j,r}` | proof invalid, or they check |
//! | two packets of one kind      | both signed by i for the attempt, and different ([`super::check_equivocation`]) | — |
//!
//! A packet that never came names nobody: its sender is *unresponsive* for
//! the attempt. Every check of a piece or a sum is against a commitment its
//! sender signed, so whichever of accuser and accused lies is the one named.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Finding, Offence};
use crate::{
    crypto::{
        base_mul,
        dh_tuple::TupleContext,
        encryption::{self, CipherContext, Ciphertext, TAG_LEN},
        repair::RepairSet,
        secret::SecretScalar,
        Point, SignerId,
    },
    net::{kex_context, BadShareEvidence, Packet, RepairBegin, RepairCommitments, RepairPieces, RepairSum, RepairSumStatus},
};

/// The coordinator's copy of one repair attempt.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RepairTranscript {
    pub begin: RepairBegin,
    pub commitments: BTreeMap<SignerId, Packet<RepairCommitments>>,
    pub pieces: BTreeMap<SignerId, Packet<RepairPieces>>,
    pub sums: BTreeMap<SignerId, Packet<RepairSum>>,
}

impl RepairTranscript {
    pub fn new(begin: RepairBegin) -> Self {
        RepairTranscript { begin, commitments: BTreeMap::new(), pieces: BTreeMap::new(), sums: BTreeMap::new() }
    }

    /// Every helper's commitments, by helper, as [`RepairSet`] takes them.
    pub fn deals(&self) -> BTreeMap<SignerId, BTreeMap<SignerId, Vec<Point>>> {
        deals_of(self.commitments.iter().map(|(s, p)| (*s, p.message())))
    }
}

/// The helpers' commitments, by helper, from their messages.
pub fn deals_of<'a>(
    commitments: impl Iterator<Item = (SignerId, &'a RepairCommitments)>,
) -> BTreeMap<SignerId, BTreeMap<SignerId, Vec<Point>>> {
    commitments.filter(|(_, m)| !m.commitments.is_empty()).map(|(s, m)| (s, m.by_helper())).collect()
}

/// Check a signed `RepairCommitments` on its own: the attempt's id, a valid
/// proof of its key-exchange key, and for a helper commitments that add up
/// to its Lagrange-weighted public key shares ([`RepairSet::check_deal`]);
/// the repaired signer commits to nothing.
pub fn check_repair_commitments(begin: &RepairBegin, set: &RepairSet, m: &RepairCommitments) -> Result<(), Offence> {
    let bad = Err(Offence::BadRepairCommitments);
    if m.repair_id != begin.repair_id || !m.kex_proof.verify(&m.kex_public, &kex_context(m.repair_id, m.signer_id)) {
        return bad;
    }
    if m.signer_id == begin.repaired {
        return if m.commitments.is_empty() { Ok(()) } else { bad };
    }
    let by_helper = m.by_helper();
    if by_helper.len() != m.commitments.len() {
        return bad;
    }
    set.check_deal(m.signer_id, &by_helper, &begin.public_keys).or(bad)
}

/// The plaintext length of `count` scalars, encrypted.
fn sealed_len(count: usize) -> usize {
    count * 32 + TAG_LEN
}

/// Check a signed `RepairPieces` (helper i's) on its own: exactly one
/// ciphertext of the right size for every other helper, in order.
pub fn check_repair_pieces(begin: &RepairBegin, m: &RepairPieces) -> Result<(), Offence> {
    let expected: Vec<SignerId> = begin.helpers.keys().copied().filter(|h| *h != m.signer_id).collect();
    let got: Vec<SignerId> = m.pieces.iter().map(|p| p.recipient).collect();
    let sized = m.pieces.iter().all(|p| p.ciphertext.bytes.len() == sealed_len(begin.lost.len()));
    if m.repair_id != begin.repair_id || got != expected || !sized {
        return Err(Offence::BadRepairPieces);
    }
    Ok(())
}

/// Check a signed `RepairSum` on its own: a sum ciphertext of the right
/// size (a complaint is settled by [`settle_bad_pieces`]).
pub fn check_repair_sum(begin: &RepairBegin, m: &RepairSum) -> Result<(), Offence> {
    match &m.status {
        _ if m.repair_id != begin.repair_id => Err(Offence::BadRepairSum),
        RepairSumStatus::Sum(c) if c.bytes.len() != sealed_len(begin.lost.len()) => Err(Offence::BadRepairSum),
        _ => Ok(()),
    }
}

/// Decrypt what `sender` encrypted to `reporter` with the reporter's revealed
/// key, if its proof holds: `None` if the proof fails, `Some(None)` if the
/// ciphertext does not decrypt to `count` scalars.
fn open(
    repair_id: u64,
    (sender, sender_kex): (SignerId, &Point),
    (reporter, reporter_kex): (SignerId, &Point),
    ciphertext: &Ciphertext,
    count: usize,
    evidence: &BadShareEvidence,
) -> Option<Option<Vec<SecretScalar>>> {
    let tuple = TupleContext { dkg_id: repair_id, prover: reporter, other: sender };
    if !evidence.proof.verify(reporter_kex, sender_kex, &evidence.shared_key, &tuple) {
        return None;
    }
    let ctx = CipherContext { dkg_id: repair_id, sender, recipient: reporter };
    let key = encryption::derive_key(&evidence.shared_key, &ctx);
    Some(encryption::decrypt_shares(&key, &ctx, ciphertext, count).ok())
}

/// Who is at fault for one opened claim: the accused if the proof held and
/// its values fail to decrypt or to match their public values `points`,
/// otherwise the accuser.
fn verdict(
    opened: Option<Option<Vec<SecretScalar>>>,
    points: &[Point],
    accused: Finding,
    false_accusation: Finding,
) -> Finding {
    match opened {
        Some(Some(values))
            if values.len() == points.len() && values.iter().zip(points).all(|(v, p)| base_mul(v.expose()) == *p) =>
        {
            false_accusation
        }
        Some(_) => accused,
        None => false_accusation,
    }
}

/// A complaint that names nobody is itself false; one finding per culprit.
fn conclude(mut findings: Vec<Finding>, no_claims: bool, false_accusation: Finding) -> Vec<Finding> {
    if no_claims {
        findings.push(false_accusation);
    }
    findings.sort();
    findings.dedup();
    findings
}

/// Settle helper `reporter`'s claim that each accused helper's pieces to it
/// are bad: the accused is at fault if the proof holds and its pieces fail
/// to decrypt or fail its own commitments `Δ_{i,reporter,r}`; otherwise the
/// reporter accused falsely.
pub fn settle_bad_pieces(
    transcript: &RepairTranscript,
    reporter: SignerId,
    claims: &BTreeMap<SignerId, BadShareEvidence>,
) -> Vec<Finding> {
    let false_accusation = Finding { signer: reporter, offence: Offence::FalseAccusation };
    let id = transcript.begin.repair_id;
    let Some(reporter_kex) = transcript.commitments.get(&reporter).map(|p| p.message().kex_public) else {
        return vec![false_accusation];
    };
    let findings: Vec<Finding> = claims
        .iter()
        .map(|(&accused, evidence)| {
            let commitments = transcript.commitments.get(&accused).map(Packet::message);
            let pieces = transcript.pieces.get(&accused).map(Packet::message);
            let (Some(c), Some(p)) = (commitments, pieces) else { return false_accusation };
            let public = c.by_helper().remove(&reporter).unwrap_or_default();
            let Some(ciphertext) = p.ciphertext_for(reporter) else { return false_accusation };
            let count = transcript.begin.lost.len();
            let opened = open(id, (accused, &c.kex_public), (reporter, &reporter_kex), ciphertext, count, evidence);
            verdict(opened, &public, Finding { signer: accused, offence: Offence::BadRepairPieces }, false_accusation)
        })
        .collect();
    conclude(findings, claims.is_empty(), false_accusation)
}

/// Settle the repaired signer's claim that each accused helper's sums are
/// bad: the accused is at fault if the proof holds and its sums fail to
/// decrypt or fail their public value `Σ_i Δ_{i,j,r}`; otherwise the
/// repaired signer accused falsely.
pub fn settle_bad_sums(
    transcript: &RepairTranscript,
    set: &RepairSet,
    claims: &BTreeMap<SignerId, BadShareEvidence>,
) -> Vec<Finding> {
    let reporter = transcript.begin.repaired;
    let false_accusation = Finding { signer: reporter, offence: Offence::FalseAccusation };
    let id = transcript.begin.repair_id;
    let Some(reporter_kex) = transcript.commitments.get(&reporter).map(|p| p.message().kex_public) else {
        return vec![false_accusation];
    };
    let deals = transcript.deals();
    let findings: Vec<Finding> = claims
        .iter()
        .map(|(&accused, evidence)| {
            let kex = transcript.commitments.get(&accused).map(|p| p.message().kex_public);
            let sum = transcript.sums.get(&accused).map(|p| &p.message().status);
            let (Some(kex), Some(RepairSumStatus::Sum(ciphertext))) = (kex, sum) else { return false_accusation };
            let public = set.sum_commitment(accused, &deals);
            let opened = open(id, (accused, &kex), (reporter, &reporter_kex), ciphertext, public.len(), evidence);
            verdict(opened, &public, Finding { signer: accused, offence: Offence::BadRepairSum }, false_accusation)
        })
        .collect();
    conclude(findings, claims.is_empty(), false_accusation)
}
