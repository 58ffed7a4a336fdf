//! Settling claims about the shares one dealer sent one recipient, from
//! public data only: both signers' public shares (the dealer's full), the
//! dealer's signed private-shares packet, and the recipient's evidence (the
//! ECDH key of the pair and its DH-tuple proof).

use std::collections::{BTreeMap, BTreeSet};

use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use serde::{Deserialize, Serialize};

use crate::{
    config::Dealing,
    crypto::{
        dh_tuple::TupleContext,
        encryption::{self, CipherContext, DecryptError},
        hash::TaggedHash,
        polynomial::CommitmentError,
        secret::SecretScalar,
        share_verify::{self, DealtShares},
        KeyId, SignerId,
    },
    net::{BadShareEvidence, DkgPrivateShares, DkgPublicShares},
};

/// Who a settled complaint proves at fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// The accused sent shares that fail to decrypt or fail its commitment.
    AccusedAtFault,
    /// The reporter's evidence is invalid or the shares check out.
    ReporterAtFault,
}

/// The outcome of settling a `BadShareSum` claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SumVerdict {
    /// These senders' shares to the reporter fail to decrypt or fail their commitments.
    SendersAtFault(BTreeSet<SignerId>),
    /// The evidence is incomplete or invalid, or every sender's shares check out.
    ReporterAtFault,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettleError {
    #[error("the packets are not from the same DKG round")]
    RoundMismatch,
    #[error("the packets are not from the accused and the reporter")]
    WrongSigners,
    #[error("the accused's public shares are malformed: {0}")]
    BadAccusedPublicShares(CommitmentError),
}

/// Settle a `BadPrivateShares` claim by `reporter` against `accused`.
pub fn settle_bad_private_shares(
    config: &impl Dealing,
    accused_public: &DkgPublicShares,
    accused_private: &DkgPrivateShares,
    reporter_public: &DkgPublicShares,
    evidence: &BadShareEvidence,
) -> Result<Verdict, SettleError> {
    Ok(match check_dealt_shares(config, accused_public, accused_private, reporter_public, evidence)? {
        DealtCheck::Bad => Verdict::AccusedAtFault,
        DealtCheck::BadProof | DealtCheck::NoCiphertext | DealtCheck::Good => Verdict::ReporterAtFault,
    })
}

/// Settle a `BadShareSum` claim by `reporter`: with the evidence against every
/// other dealer, decrypt each one's shares to the reporter and check them
/// against that dealer's full commitment. `dealers` maps each included
/// signer (the reporter too) to its full public shares and private-shares packet.
pub fn settle_bad_share_sum(
    config: &impl Dealing,
    dealers: &BTreeMap<SignerId, (&DkgPublicShares, &DkgPrivateShares)>,
    reporter: SignerId,
    evidence: &BTreeMap<SignerId, BadShareEvidence>,
) -> Result<SumVerdict, SettleError> {
    let Some((reporter_public, _)) = dealers.get(&reporter) else { return Err(SettleError::WrongSigners) };
    let senders: BTreeSet<SignerId> = dealers.keys().copied().filter(|s| *s != reporter).collect();
    if evidence.keys().copied().collect::<BTreeSet<_>>() != senders {
        return Ok(SumVerdict::ReporterAtFault);
    }
    let mut at_fault = BTreeSet::new();
    for (&sender, proof) in evidence {
        // Present: the evidence names exactly the other dealers.
        let Some((public, private)) = dealers.get(&sender) else { return Ok(SumVerdict::ReporterAtFault) };
        match check_dealt_shares(config, public, private, reporter_public, proof)? {
            DealtCheck::Bad => {
                at_fault.insert(sender);
            }
            DealtCheck::Good => {}
            DealtCheck::BadProof | DealtCheck::NoCiphertext => return Ok(SumVerdict::ReporterAtFault),
        }
    }
    Ok(if at_fault.is_empty() { SumVerdict::ReporterAtFault } else { SumVerdict::SendersAtFault(at_fault) })
}

/// What the reporter's evidence shows about the shares one sender dealt it.
enum DealtCheck {
    /// The tuple proof fails: the evidence is worthless.
    BadProof,
    /// Nothing was sent: a missing-shares matter, not a bad-shares one.
    NoCiphertext,
    /// The shares fail to decrypt or fail the sender's commitment.
    Bad,
    Good,
}

fn check_dealt_shares(
    config: &impl Dealing,
    accused_public: &DkgPublicShares,
    accused_private: &DkgPrivateShares,
    reporter_public: &DkgPublicShares,
    evidence: &BadShareEvidence,
) -> Result<DealtCheck, SettleError> {
    let dkg_id = accused_public.dkg_id;
    if accused_private.dkg_id != dkg_id || reporter_public.dkg_id != dkg_id {
        return Err(SettleError::RoundMismatch);
    }
    let (accused, reporter) = (accused_public.signer_id, reporter_public.signer_id);
    if accused_private.signer_id != accused || accused == reporter {
        return Err(SettleError::WrongSigners);
    }
    accused_public.verify_full(config).map_err(SettleError::BadAccusedPublicShares)?;

    let tuple_ctx = TupleContext { dkg_id, prover: reporter, other: accused };
    if !evidence.proof.verify(&reporter_public.kex_public, &accused_public.kex_public, &evidence.shared_key, &tuple_ctx)
    {
        return Ok(DealtCheck::BadProof);
    }
    let Some(ciphertext) = accused_private.ciphertext_for(reporter) else { return Ok(DealtCheck::NoCiphertext) };
    let ctx = CipherContext { dkg_id, sender: accused, recipient: reporter };
    let key = encryption::derive_key(&evidence.shared_key, &ctx);
    let keys = config.recipient_key_ids(reporter);
    let shares = match encryption::decrypt_shares(&key, &ctx, ciphertext, config.polynomials_of(accused) * keys.len()) {
        Ok(shares) => shares,
        Err(
            DecryptError::Authentication
            | DecryptError::TooShort(_)
            | DecryptError::WrongLength { .. }
            | DecryptError::BadScalar { .. },
        ) => return Ok(DealtCheck::Bad),
    };
    Ok(if shares_check_out(config, accused_public, keys, &shares) { DealtCheck::Good } else { DealtCheck::Bad })
}

/// Do `shares` (for `keys`, polynomial by polynomial) match the dealer's full
/// commitments? One multi-scalar multiplication per polynomial, with a random
/// combination derived from the inputs, so the verdict is deterministic.
fn shares_check_out(config: &impl Dealing, dealer: &DkgPublicShares, keys: &[KeyId], shares: &[SecretScalar]) -> bool {
    let mut seed = TaggedHash::new("wsts-web/v1/settle-shares").u64(dealer.dkg_id).u32(dealer.signer_id);
    for s in shares {
        seed = seed.scalar(s.expose());
    }
    let mut rng = ChaCha20Rng::from_seed(seed.finish());
    let dealt: Vec<DealtShares<'_, usize>> = dealer
        .commitments
        .iter()
        .zip(shares.chunks(keys.len().max(1)))
        .enumerate()
        .filter_map(|(i, (c, chunk))| Some(DealtShares { dealer: i, commitment: c.full()?, shares: chunk }))
        .collect();
    dealt.len() == dealer.commitments.len()
        && share_verify::verify_shares(keys, config.dealing_threshold(), &dealt, &mut rng).is_ok()
}
