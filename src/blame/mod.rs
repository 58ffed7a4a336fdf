//! Blame: every judgement of who did what, as pure functions over signed
//! packets. The coordinator runs these, and so can a coordinator in a
//! browser tab or an auditor holding the same packets: the verdicts depend on
//! nothing else.
//!
//! | claim by R against S     | S at fault when                                  | R at fault when            |
//! |--------------------------|--------------------------------------------------|----------------------------|
//! | MissingPublicShares(S)   | S's packet is absent from the transcript          | it is present              |
//! | BadPublicShares(S)       | S's packet fails its checks                       | it passes                  |
//! | MissingPrivateShares(S)  | S's packet lacks R's ciphertext                   | it has it                  |
//! | BadPrivateShares(S, K)   | tuple proof valid and the shares don't decrypt or check | proof invalid, or shares check |
//! | BadShareSum(K for every S) | S's shares (decrypted with its K) fail S's commitment | evidence incomplete or invalid, or every S's shares check |
//! | Equivocation(S, p)       | p is signed by S for this round and differs from the transcript's copy | otherwise |
//! | BadPublicShares(S), reshare | S's constant term is not `Σ_{k∈K_S} λ_k X_k` over the old public key shares (`BadConstantTerm`) | it is |
//!
//! A reshare or refresh runs on the same packets and is judged by the same
//! functions: each takes a [`crate::config::Dealing`], a DKG's `Config` or a
//! reshare's [`crate::config::ReshareDealing`] (old dealers, new recipients,
//! new threshold, and the constant terms the old group's public data fixes).
//!
//! An honest signer only accuses on a packet whose digest matches the
//! coordinator's (it asks for the coordinator's copy otherwise), so an
//! accusation that contradicts the transcript is provably false. Packets
//! checked on their own ([`check_public_shares`], [`check_private_shares`])
//! and signature shares ([`bad_signature_shares`]) are judged here too.
//!
//! - [`transcript`]: the coordinator's copy of a DKG attempt;
//! - [`checks`]: one signed packet on its own;
//! - [`dealt`]: shares one dealer sent one recipient (`BadPrivateShares`, `BadShareSum`);
//! - [`settle`]: a signer's `DkgEnd` complaint against the transcript;
//! - [`signing`]: signature shares;
//! - [`repair`]: a repair's commitments, pieces and sums (its own table).

pub mod checks;
pub mod dealt;
pub mod repair;
pub mod settle;
pub mod signing;
pub mod transcript;

use serde::{Deserialize, Serialize};

pub use checks::{check_equivocation, check_private_shares, check_public_shares, check_reported_key};
pub use dealt::{settle_bad_private_shares, settle_bad_share_sum, SettleError, SumVerdict, Verdict};
pub use repair::{
    check_repair_commitments, check_repair_pieces, check_repair_sum, settle_bad_pieces, settle_bad_sums,
    RepairTranscript,
};
pub use settle::settle_dkg_failure;
pub use signing::{bad_session_shares, bad_signature_shares};
pub use transcript::DkgTranscript;

use crate::crypto::SignerId;

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
    /// Dealt a reshare whose constant term is not the one the old public key
    /// shares fix (proven from public data alone).
    BadConstantTerm,
    /// Published repair commitments that are malformed or do not add up to
    /// its Lagrange-weighted public key shares (proven from public data).
    BadRepairCommitments,
    /// Sent repair pieces that are malformed, fail to decrypt or fail its commitments.
    BadRepairPieces,
    /// Sent a repair sum that is malformed, fails to decrypt or fails its public value.
    BadRepairSum,
}

/// One proven offence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Finding {
    pub signer: SignerId,
    pub offence: Offence,
}
