//! What the state machines tell their application: events, and the reports
//! they carry. Both sets of signers the coordinator keeps, `malicious`
//! (proven by evidence) and `unresponsive` (silent past a deadline), appear
//! apart in every report.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::{
    blame::Finding,
    crypto::{
        encoding::serde_point,
        signing::{Signature, SignatureType},
        Point, SignerId,
    },
    net::DkgEndFailure,
};

/// The outcome of one DKG attempt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DkgAttemptReport {
    pub dkg_id: u64,
    pub ok: bool,
    /// Every failure a signer reported, as it reported it.
    pub reported_failures: Vec<(SignerId, DkgEndFailure)>,
    /// Offences proven in this attempt.
    pub malicious: Vec<Finding>,
    /// Signers that missed a deadline in this attempt.
    pub unresponsive: BTreeSet<SignerId>,
}

/// The outcome of one signing attempt (one `sign_iter_id`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignAttemptReport {
    pub sign_id: u64,
    pub sign_iter_id: u64,
    pub ok: bool,
    pub malicious: Vec<Finding>,
    pub unresponsive: BTreeSet<SignerId>,
}

/// The outcome of one repair attempt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RepairAttemptReport {
    pub repair_id: u64,
    pub ok: bool,
    pub helpers: Vec<SignerId>,
    /// Offences proven in this attempt.
    pub malicious: Vec<Finding>,
    /// Participants that missed a deadline in this attempt.
    pub unresponsive: BTreeSet<SignerId>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignatureOutcome {
    pub sign_id: u64,
    pub sign_iter_id: u64,
    #[serde(with = "crate::crypto::encoding::serde_bytes_hex")]
    pub message: Vec<u8>,
    pub sig_type: SignatureType,
    pub signature: Signature,
    /// The key the signature verifies under (for BIP-340 types, its x coordinate).
    #[serde(with = "serde_point")]
    pub verify_key: Point,
    pub signers_used: Vec<SignerId>,
    /// Signing sessions started for this signature (ROAST's sessions, or
    /// FIRE's and FROST's attempts).
    #[serde(default)]
    pub sessions: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CoordinatorEvent {
    DkgAttempt(DkgAttemptReport),
    DkgComplete {
        dkg_id: u64,
        #[serde(with = "serde_point")]
        group_key: Point,
        signers: Vec<SignerId>,
    },
    /// A reshare (or refresh) made epoch `epoch` of the same group key,
    /// held by `signers`.
    Reshared {
        dkg_id: u64,
        epoch: u64,
        #[serde(with = "serde_point")]
        group_key: Point,
        signers: Vec<SignerId>,
    },
    /// A reshare begins: its attempts and result are reported apart from DKG's.
    ReshareStarted {
        epoch: u64,
    },
    /// Every allowed attempt failed, or too little weight is left to try.
    DkgFailed {
        attempts: u32,
        reason: String,
    },
    SignAttempt(SignAttemptReport),
    Signature(Box<SignatureOutcome>),
    /// A repair attempt ended: whom it proved malicious, who was silent.
    RepairAttempt(RepairAttemptReport),
    /// `signer`'s lost shares are restored, by `helpers`.
    Repaired {
        repair_id: u64,
        signer: SignerId,
        helpers: Vec<SignerId>,
    },
    /// Every allowed repair attempt failed, or the helpers left fall short.
    RepairFailed {
        signer: SignerId,
        attempts: u32,
        reason: String,
    },
    SigningFailed {
        sign_id: u64,
        attempts: u32,
        reason: String,
    },
}

/// What a signer reports to its application.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SignerEvent {
    DkgComplete {
        dkg_id: u64,
        #[serde(with = "serde_point")]
        group_key: Point,
    },
    DkgFailed {
        dkg_id: u64,
        failure: DkgEndFailure,
    },
    /// A reshare (or refresh) gave us the shares of a new epoch; the old
    /// ones are kept until a signature under the new epoch is confirmed.
    Reshared {
        dkg_id: u64,
        epoch: u64,
        #[serde(with = "serde_point")]
        group_key: Point,
    },
    /// A signature under this epoch verified: the old epoch's shares are deleted.
    EpochConfirmed {
        dkg_id: u64,
        epoch: u64,
    },
    /// We left in the reshare `dkg_id` (no key ids in `epoch`), and a
    /// signature under the group key after it verified: every share we held
    /// is deleted.
    Retired {
        dkg_id: u64,
        epoch: u64,
    },
    /// The coordinator went on under the old epoch: the unconfirmed new
    /// shares are dropped and the old ones are current again.
    EpochRolledBack {
        dkg_id: u64,
        epoch: u64,
    },
    /// A repair restored our lost shares of the key `dkg_id`, epoch `epoch`.
    Repaired {
        repair_id: u64,
        dkg_id: u64,
        epoch: u64,
    },
    /// A signature share was sent for this round.
    Signed {
        sign_id: u64,
        sign_iter_id: u64,
    },
}
