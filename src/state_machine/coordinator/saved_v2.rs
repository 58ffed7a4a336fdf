//! The coordinator's saved state in format version 2 (before epochs and
//! reshares; its journal's signatures had no epoch), read and converted so
//! that old saves restore.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{Ids, KeyState, NoncePool, Round, State};
use crate::{
    blame::Offence,
    crypto::SignerId,
    state_machine::{
        policy::Policy,
        report::{DkgJson, Journal, Progress, SignatureJson},
        CeremonyConfig,
    },
};

#[derive(Serialize, Deserialize)]
pub(super) struct StateV2 {
    config: CeremonyConfig,
    policy: Policy,
    ids: Ids,
    malicious: BTreeMap<SignerId, Offence>,
    unresponsive: BTreeSet<SignerId>,
    key: Option<KeyState>,
    nonces: NoncePool,
    round: Round,
    journal: JournalV2,
    progress: Progress,
}

#[derive(Serialize, Deserialize)]
struct JournalV2 {
    dkg: DkgJson,
    signatures: Vec<SignatureJsonV2>,
    signing: Option<SignatureJsonV2>,
}

#[derive(Serialize, Deserialize)]
struct SignatureJsonV2 {
    round: u32,
    sig_type: String,
    message: String,
    signature: Option<String>,
    verify_key: Option<String>,
    internal_key: Option<String>,
    merkle_root: Option<String>,
    signers_used: Vec<SignerId>,
    attempts: u32,
    sessions: u32,
    ok: bool,
    error: Option<String>,
}

impl From<SignatureJsonV2> for SignatureJson {
    fn from(v: SignatureJsonV2) -> Self {
        let SignatureJsonV2 { round, sig_type, message, signature, verify_key, internal_key, merkle_root, .. } = v;
        let (signers_used, attempts, sessions, ok, error) = (v.signers_used, v.attempts, v.sessions, v.ok, v.error);
        SignatureJson {
            round,
            sig_type,
            message,
            signature,
            verify_key,
            internal_key,
            merkle_root,
            signers_used,
            epoch: 0,
            attempts,
            sessions,
            ok,
            error,
        }
    }
}

impl From<StateV2> for State {
    fn from(v: StateV2) -> Self {
        let journal = Journal {
            dkg: v.journal.dkg,
            signatures: v.journal.signatures.into_iter().map(Into::into).collect(),
            signing: v.journal.signing.map(Into::into),
            ..Journal::default()
        };
        State {
            config: v.config,
            policy: v.policy,
            ids: v.ids,
            malicious: v.malicious,
            unresponsive: v.unresponsive,
            key: v.key,
            nonces: v.nonces,
            round: v.round,
            journal,
            progress: v.progress,
            epoch: 0,
            reshare: None,
            unconfirmed: BTreeSet::new(),
        }
    }
}
