//! The coordinator state machine, in two policies:
//!
//! - **FIRE** (timeouts, retries, blame): deadlines on every step; a signer
//!   that misses one is *unresponsive*, left out of that attempt only, and
//!   the coordinator goes on with the rest while their weight reaches the
//!   threshold, retrying with back-off up to a bound. Within a signing round
//!   a retry leaves out the signers that went silent, unless the rest fall
//!   short of the threshold, in which case everyone is asked again (ROAST's
//!   insight, Ruffing et al., CCS 2022: a staller delays one attempt but is
//!   never pinned to the honest set for good).
//! - **FROST**: waits for every signer, with no deadlines and no retries.
//!
//! Both settle every DKG complaint with [`crate::blame`] and check every
//! signature share. Only that evidence makes a signer *malicious*; silence
//! never does. The two sets are kept, reported and saved apart:
//!
//! - `malicious` persists across attempts and rounds until an operator clears it;
//! - `unresponsive` covers one DKG attempt, or one signing round and its
//!   retries, and is cleared when the next attempt or round starts.
//!
//! [`Coordinator::reset`] abandons the round in progress and clears
//! `unresponsive`; it never touches `malicious` and never turns silence
//! into malice.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::{Deserialize, Serialize};

use super::{CeremonyConfig, Destination, Millis, Rng, StateError, Transmit};
use crate::{
    blame::{self, DkgTranscript, Finding, Offence},
    crypto::{
        encoding::serde_point,
        secret::SecretScalar,
        signing::{GroupPublicKeys, Signature, SignatureType, SigningSession},
        Point, SignerId,
    },
    keys::{aggregate_rest, group_public_keys},
    net::{
        DkgBegin, DkgEnd, DkgEndBegin, DkgEndFailure, DkgPrivateBegin, DkgPublicShares, DkgStatus, Message,
        NonceRequest, Packet, Sender, SignatureShareRequest, SignedBytes, SignerDigest,
    },
};

fn public_shares(packet: &Packet) -> Option<&DkgPublicShares> {
    match &packet.message {
        Message::DkgPublicShares(m) => Some(m),
        _ => None,
    }
}

/// How long each step may take, in milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeouts {
    pub dkg_public: Millis,
    pub dkg_private: Millis,
    pub dkg_end: Millis,
    pub nonce: Millis,
    pub signature_share: Millis,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts { dkg_public: 10_000, dkg_private: 10_000, dkg_end: 10_000, nonce: 5_000, signature_share: 5_000 }
    }
}

/// How often to retry, and how long to wait between attempts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetryPolicy {
    pub max_dkg_attempts: u32,
    /// Attempts (sign_iter_id values) per signing round.
    pub max_sign_attempts: u32,
    /// The wait after the first failed attempt, doubling each time.
    pub backoff_base: Millis,
    pub backoff_max: Millis,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { max_dkg_attempts: 5, max_sign_attempts: 8, backoff_base: 500, backoff_max: 8_000 }
    }
}

impl RetryPolicy {
    /// Back-off after `failed` attempts (1-based).
    pub fn backoff(&self, failed: u32) -> Millis {
        self.backoff_base.saturating_mul(1 << failed.saturating_sub(1).min(20)).min(self.backoff_max)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Policy {
    Fire { timeouts: Timeouts, retry: RetryPolicy },
    Frost,
}

impl Policy {
    pub fn fire() -> Self {
        Policy::Fire { timeouts: Timeouts::default(), retry: RetryPolicy::default() }
    }
}

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
    /// Every allowed attempt failed, or too little weight is left to try.
    DkgFailed {
        attempts: u32,
        reason: String,
    },
    SignAttempt(SignAttemptReport),
    Signature(Box<SignatureOutcome>),
    SigningFailed {
        sign_id: u64,
        attempts: u32,
        reason: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum DkgStep {
    Public,
    Private,
    End,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct DkgState {
    attempt: u32,
    dkg_id: u64,
    step: DkgStep,
    deadline: Option<Millis>,
    invited: BTreeSet<SignerId>,
    public: BTreeMap<SignerId, Packet>,
    private: BTreeMap<SignerId, Packet>,
    included_public: Vec<SignerId>,
    included_private: Vec<SignerId>,
    ends: BTreeMap<SignerId, DkgEnd>,
    findings: Vec<Finding>,
    unresponsive: BTreeSet<SignerId>,
    /// `TranscriptRequest`s answered per signer in this attempt.
    #[serde(default)]
    transcript_requests: BTreeMap<SignerId, u32>,
}

/// An honest signer asks at most once per step for what it lacks; this leaves
/// room for that and stops a signer from making the coordinator resend the
/// transcript without end.
const MAX_TRANSCRIPT_REQUESTS: u32 = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum SignStep {
    Nonce,
    Share,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct SignState {
    sign_id: u64,
    sign_iter_id: u64,
    attempt: u32,
    message: Vec<u8>,
    sig_type: SignatureType,
    step: SignStep,
    deadline: Option<Millis>,
    asked: BTreeSet<SignerId>,
    nonces: BTreeMap<SignerId, Packet>,
    chosen: Vec<SignerId>,
    shares: BTreeMap<SignerId, Vec<crate::crypto::signing::SignatureShare>>,
    /// Derived from `chosen` and their nonces; rebuilt after a restore.
    #[serde(skip)]
    session: Option<SigningSession>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
enum Phase {
    Idle,
    Dkg(Box<DkgState>),
    DkgBackoff { until: Millis, attempt: u32 },
    Sign(Box<SignState>),
    SignBackoff { until: Millis, state: Box<SignState> },
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct KeyState {
    dkg_id: u64,
    public_keys: GroupPublicKeys,
    holders: BTreeSet<SignerId>,
}

#[derive(Serialize, Deserialize)]
pub struct Coordinator {
    config: CeremonyConfig,
    policy: Policy,
    /// Kept out of the saved state: the caller holds it and passes it to `restore`.
    #[serde(skip)]
    network_key: Option<SecretScalar>,
    last_dkg_id: u64,
    last_sign_id: u64,
    malicious: BTreeMap<SignerId, Offence>,
    unresponsive: BTreeSet<SignerId>,
    key: Option<KeyState>,
    phase: Phase,
    #[serde(skip)]
    outbox: VecDeque<Transmit>,
    #[serde(skip)]
    events: VecDeque<CoordinatorEvent>,
    #[serde(skip)]
    rng: Rng,
}

impl std::fmt::Debug for Coordinator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Coordinator")
            .field("policy", &self.policy)
            .field("malicious", &self.malicious)
            .field("unresponsive", &self.unresponsive)
            .field("phase", &self.phase_name())
            .finish_non_exhaustive()
    }
}

/// Every held packet's signer and digest: what `DkgPrivateBegin` and
/// `DkgEndBegin` list.
fn digests_of(packets: &BTreeMap<SignerId, Packet>) -> Vec<SignerDigest> {
    packets.iter().map(|(s, p)| SignerDigest { signer: *s, digest: p.digest() }).collect()
}

/// A FIRE coordinator: [`Coordinator`] with [`Policy::Fire`].
pub fn fire_coordinator(
    config: CeremonyConfig,
    network_key: SecretScalar,
    timeouts: Timeouts,
    retry: RetryPolicy,
) -> Result<Coordinator, StateError> {
    Coordinator::new(config, Policy::Fire { timeouts, retry }, network_key)
}

/// A FROST coordinator: [`Coordinator`] with [`Policy::Frost`].
pub fn frost_coordinator(config: CeremonyConfig, network_key: SecretScalar) -> Result<Coordinator, StateError> {
    Coordinator::new(config, Policy::Frost, network_key)
}

impl Coordinator {
    pub fn new(config: CeremonyConfig, policy: Policy, network_key: SecretScalar) -> Result<Self, StateError> {
        config.validate()?;
        if crate::crypto::base_mul(network_key.expose()) != config.network.coordinator {
            return Err(StateError::Config("network key does not match the coordinator's public key".into()));
        }
        Ok(Coordinator {
            config,
            policy,
            network_key: Some(network_key),
            last_dkg_id: 0,
            last_sign_id: 0,
            malicious: BTreeMap::new(),
            unresponsive: BTreeSet::new(),
            key: None,
            phase: Phase::Idle,
            outbox: VecDeque::new(),
            events: VecDeque::new(),
            rng: Rng::default(),
        })
    }

    /// Use a deterministic random source (simulations and tests only).
    pub fn reseed(&mut self, seed: u64) {
        self.rng = Rng::seeded(seed);
    }

    // ---- operator API -------------------------------------------------------

    /// Signers proven malicious, with the offence that proved it.
    pub fn malicious(&self) -> &BTreeMap<SignerId, Offence> {
        &self.malicious
    }

    /// Signers that missed a deadline in the current DKG attempt or signing round.
    pub fn unresponsive(&self) -> &BTreeSet<SignerId> {
        &self.unresponsive
    }

    /// Forgive one signer, or every signer with `None`.
    pub fn clear_malicious(&mut self, signer: Option<SignerId>) {
        match signer {
            Some(s) => {
                self.malicious.remove(&s);
            }
            None => self.malicious.clear(),
        }
    }

    pub fn clear_unresponsive(&mut self) {
        self.unresponsive.clear();
    }

    /// Abandon the round in progress and clear the unresponsive set. Keeps the
    /// group key and the malicious set.
    pub fn reset(&mut self) {
        self.phase = Phase::Idle;
        self.unresponsive.clear();
    }

    pub fn group_key(&self) -> Option<Point> {
        self.key.as_ref().map(|k| k.public_keys.group_key)
    }

    pub fn is_idle(&self) -> bool {
        matches!(self.phase, Phase::Idle)
    }

    fn phase_name(&self) -> &'static str {
        match self.phase {
            Phase::Idle => "idle",
            Phase::Dkg(_) => "DKG",
            Phase::DkgBackoff { .. } => "DKG back-off",
            Phase::Sign(_) => "signing",
            Phase::SignBackoff { .. } => "signing back-off",
        }
    }

    // ---- sans-IO plumbing ---------------------------------------------------

    pub fn poll_transmit(&mut self) -> Option<Transmit> {
        self.outbox.pop_front()
    }

    pub fn poll_event(&mut self) -> Option<CoordinatorEvent> {
        self.events.pop_front()
    }

    /// The next instant `handle_timeout` must be called, if any.
    pub fn poll_timeout(&self) -> Option<Millis> {
        match &self.phase {
            Phase::Idle => None,
            Phase::Dkg(d) => d.deadline,
            Phase::Sign(s) => s.deadline,
            Phase::DkgBackoff { until, .. } | Phase::SignBackoff { until, .. } => Some(*until),
        }
    }

    pub fn handle_timeout(&mut self, now: Millis) {
        if self.poll_timeout().is_none_or(|t| now < t) {
            return;
        }
        match std::mem::replace(&mut self.phase, Phase::Idle) {
            Phase::Dkg(mut d) => {
                let silent: Vec<SignerId> = match d.step {
                    DkgStep::Public => d.invited.iter().filter(|s| !d.public.contains_key(s)).copied().collect(),
                    DkgStep::Private => {
                        d.included_public.iter().filter(|s| !d.private.contains_key(s)).copied().collect()
                    }
                    DkgStep::End => d.included_private.iter().filter(|s| !d.ends.contains_key(s)).copied().collect(),
                };
                d.unresponsive.extend(silent.into_iter().filter(|s| !self.malicious.contains_key(s)));
                self.advance_dkg(d, now);
            }
            Phase::DkgBackoff { attempt, .. } => self.begin_dkg_attempt(attempt, now),
            Phase::Sign(mut s) => {
                let silent: Vec<SignerId> = match s.step {
                    SignStep::Nonce => s.asked.iter().filter(|id| !s.nonces.contains_key(id)).copied().collect(),
                    SignStep::Share => s.chosen.iter().filter(|id| !s.shares.contains_key(id)).copied().collect(),
                };
                self.unresponsive.extend(silent.iter().copied());
                // Shares that did arrive are still checked: a bad one is
                // malice even when someone else went silent.
                let mut malicious = vec![];
                if s.step == SignStep::Share && !s.shares.is_empty() {
                    let session = match s.session.take() {
                        Some(session) => Some(session),
                        None => self.session(&s).ok(),
                    };
                    if let Some(session) = session {
                        malicious = self.bad_share_findings(&s, &session);
                        self.prove(&malicious);
                    }
                }
                let report = SignAttemptReport {
                    sign_id: s.sign_id,
                    sign_iter_id: s.sign_iter_id,
                    ok: false,
                    malicious,
                    unresponsive: silent.into_iter().collect(),
                };
                self.events.push_back(CoordinatorEvent::SignAttempt(report));
                s.step = SignStep::Nonce;
                self.retry_signing(s, now);
            }
            Phase::SignBackoff { state, .. } => self.begin_sign_attempt(state, now),
            Phase::Idle => {}
        }
    }

    fn send(&mut self, to: Destination, message: Message) {
        let name = message.name();
        let packet = Packet::sign(
            Sender::Coordinator,
            message,
            self.network_key.as_ref().expect("set by new and restore"),
            &mut self.rng.0,
        );
        self.outbox.push_back(Transmit { to, message: name, bytes: packet.to_bytes() });
    }

    fn forward(&mut self, to: Destination, packet: &Packet) {
        self.outbox.push_back(Transmit { to, message: packet.message.name(), bytes: packet.to_bytes() });
    }

    fn timeouts(&self) -> Option<Timeouts> {
        match self.policy {
            Policy::Fire { timeouts, .. } => Some(timeouts),
            Policy::Frost => None,
        }
    }

    fn retry(&self) -> RetryPolicy {
        match self.policy {
            Policy::Fire { retry, .. } => retry,
            Policy::Frost => RetryPolicy { max_dkg_attempts: 1, max_sign_attempts: 1, backoff_base: 0, backoff_max: 0 },
        }
    }

    fn weight<'a>(&self, signers: impl IntoIterator<Item = &'a SignerId>) -> u32 {
        self.config.keys.weight_of(signers)
    }

    fn prove(&mut self, findings: &[Finding]) {
        for f in findings {
            self.malicious.entry(f.signer).or_insert(f.offence);
            self.unresponsive.remove(&f.signer);
        }
    }

    // ---- DKG ----------------------------------------------------------------

    /// Start DKG among every signer not proven malicious.
    pub fn start_dkg(&mut self, now: Millis) -> Result<(), StateError> {
        if !self.is_idle() {
            return Err(StateError::Busy(self.phase_name()));
        }
        self.begin_dkg_attempt(1, now);
        Ok(())
    }

    fn begin_dkg_attempt(&mut self, attempt: u32, now: Millis) {
        self.unresponsive.clear();
        let invited: BTreeSet<SignerId> =
            self.config.keys.signers.keys().filter(|s| !self.malicious.contains_key(s)).copied().collect();
        if self.weight(&invited) < self.config.keys.dkg_threshold {
            self.phase = Phase::Idle;
            self.events.push_back(CoordinatorEvent::DkgFailed {
                attempts: attempt - 1,
                reason: "the signers not proven malicious carry less weight than dkg_threshold".into(),
            });
            return;
        }
        self.last_dkg_id += 1;
        let dkg_id = self.last_dkg_id;
        self.send(
            Destination::AllSigners,
            Message::DkgBegin(DkgBegin { dkg_id, signers: invited.iter().copied().collect() }),
        );
        self.phase = Phase::Dkg(Box::new(DkgState {
            attempt,
            dkg_id,
            step: DkgStep::Public,
            deadline: self.timeouts().map(|t| now + t.dkg_public),
            invited,
            public: BTreeMap::new(),
            private: BTreeMap::new(),
            included_public: vec![],
            included_private: vec![],
            ends: BTreeMap::new(),
            findings: vec![],
            unresponsive: BTreeSet::new(),
            transcript_requests: BTreeMap::new(),
        }));
    }

    fn dkg_state(&mut self, message: &'static str, dkg_id: u64) -> Result<&mut DkgState, StateError> {
        let current = match &self.phase {
            Phase::Dkg(d) => Some(d.dkg_id),
            _ => None,
        };
        match &mut self.phase {
            Phase::Dkg(d) if d.dkg_id == dkg_id => Ok(d),
            _ if dkg_id <= self.last_dkg_id && current != Some(dkg_id) => Err(StateError::Replay { message }),
            _ => Err(StateError::WrongDkgRound { message, got: dkg_id, current }),
        }
    }

    /// Is some expected signer, neither silent past its deadline nor proven
    /// malicious, still to be heard from?
    fn waiting_on<'a>(
        &self,
        d: &DkgState,
        expected: impl IntoIterator<Item = &'a SignerId>,
        heard: impl Fn(&SignerId) -> bool,
    ) -> bool {
        expected.into_iter().any(|s| !heard(s) && !d.unresponsive.contains(s) && !self.malicious.contains_key(s))
    }

    /// Move the DKG on as far as the packets in hand (or a passed deadline) allow.
    fn advance_dkg(&mut self, mut d: Box<DkgState>, now: Millis) {
        let timeouts = self.timeouts();
        let threshold = self.config.keys.dkg_threshold;
        loop {
            match d.step {
                DkgStep::Public => {
                    if self.waiting_on(&d, &d.invited, |s| d.public.contains_key(s)) {
                        break;
                    }
                    let public_digests = digests_of(&d.public);
                    d.included_public = public_digests.iter().map(|d| d.signer).collect();
                    if self.weight(&d.included_public) < threshold {
                        return self.fail_dkg_attempt(d, now, "public shares from too little weight");
                    }
                    self.send(
                        Destination::AllSigners,
                        Message::DkgPrivateBegin(DkgPrivateBegin { dkg_id: d.dkg_id, public_digests }),
                    );
                    d.step = DkgStep::Private;
                    d.deadline = timeouts.map(|t| now + t.dkg_private);
                }
                DkgStep::Private => {
                    if self.waiting_on(&d, &d.included_public, |s| d.private.contains_key(s)) {
                        break;
                    }
                    let private_digests = digests_of(&d.private);
                    d.included_private = private_digests.iter().map(|d| d.signer).collect();
                    if self.weight(&d.included_private) < threshold {
                        return self.fail_dkg_attempt(d, now, "private shares from too little weight");
                    }
                    let included = d.included_private.iter().filter_map(|s| public_shares(&d.public[s]));
                    let aggregate_rest = aggregate_rest(&self.config.keys, included).expect("checked on receipt");
                    self.send(
                        Destination::AllSigners,
                        Message::DkgEndBegin(DkgEndBegin { dkg_id: d.dkg_id, private_digests, aggregate_rest }),
                    );
                    d.step = DkgStep::End;
                    d.deadline = timeouts.map(|t| now + t.dkg_end);
                }
                DkgStep::End => {
                    if self.waiting_on(&d, &d.included_private, |s| d.ends.contains_key(s)) {
                        break;
                    }
                    return self.evaluate_dkg(d, now);
                }
            }
        }
        self.phase = Phase::Dkg(d);
    }

    fn evaluate_dkg(&mut self, mut d: Box<DkgState>, now: Millis) {
        // The attempt ends here: its packets move into the transcript.
        let transcript = DkgTranscript {
            dkg_id: d.dkg_id,
            public: std::mem::take(&mut d.public)
                .into_iter()
                .filter_map(|(s, p)| Some((s, p.narrow().ok()?)))
                .collect(),
            private: std::mem::take(&mut d.private)
                .into_iter()
                .filter_map(|(s, p)| Some((s, p.narrow().ok()?)))
                .collect(),
            end_begin: None,
        };
        let public_keys = group_public_keys(
            &self.config.keys,
            d.included_private.iter().filter_map(|s| transcript.public_shares(*s)),
        )
        .expect("checked on receipt");
        let mut reported = Vec::new();
        let mut successes = BTreeSet::new();
        for (signer, end) in &d.ends {
            match &end.status {
                DkgStatus::Success { group_key } if *group_key == public_keys.group_key => {
                    successes.insert(*signer);
                }
                DkgStatus::Success { .. } => {
                    d.findings.push(Finding { signer: *signer, offence: Offence::WrongGroupKey })
                }
                DkgStatus::Failure(failure) => {
                    reported.push((*signer, failure.clone()));
                    d.findings.extend(blame::settle_dkg_failure(
                        &self.config.keys,
                        &self.config.network,
                        &transcript,
                        *signer,
                        failure,
                    ));
                }
            }
        }
        d.findings.sort();
        d.findings.dedup();
        let findings = d.findings.clone();
        self.prove(&findings);
        let everyone_answered = d.included_private.iter().all(|s| d.ends.contains_key(s));
        // Signers proven malicious before `DkgEndBegin` were left out of the key;
        // only offences by signers whose shares are in it spoil the attempt.
        let spoiled = findings.iter().any(|f| d.included_private.contains(&f.signer));
        let ok = !spoiled
            && reported.is_empty()
            && self.weight(&successes) >= self.config.keys.dkg_threshold
            && (everyone_answered || matches!(self.policy, Policy::Fire { .. }));
        self.unresponsive.extend(d.unresponsive.iter().copied());
        self.events.push_back(CoordinatorEvent::DkgAttempt(DkgAttemptReport {
            dkg_id: d.dkg_id,
            ok,
            reported_failures: reported,
            malicious: findings,
            unresponsive: d.unresponsive.clone(),
        }));
        if ok {
            let holders: BTreeSet<SignerId> = d.included_private.iter().copied().collect();
            self.events.push_back(CoordinatorEvent::DkgComplete {
                dkg_id: d.dkg_id,
                group_key: public_keys.group_key,
                signers: holders.iter().copied().collect(),
            });
            self.key = Some(KeyState { dkg_id: d.dkg_id, public_keys, holders });
            self.phase = Phase::Idle;
        } else {
            self.schedule_dkg_retry(d.attempt, now, "signers reported failures or too few succeeded");
        }
    }

    fn fail_dkg_attempt(&mut self, d: Box<DkgState>, now: Millis, reason: &str) {
        self.unresponsive.extend(d.unresponsive.iter().copied());
        self.prove(&d.findings);
        self.events.push_back(CoordinatorEvent::DkgAttempt(DkgAttemptReport {
            dkg_id: d.dkg_id,
            ok: false,
            reported_failures: vec![],
            malicious: d.findings.clone(),
            unresponsive: d.unresponsive.clone(),
        }));
        self.schedule_dkg_retry(d.attempt, now, reason);
    }

    fn schedule_dkg_retry(&mut self, attempt: u32, now: Millis, reason: &str) {
        let retry = self.retry();
        if attempt >= retry.max_dkg_attempts {
            self.phase = Phase::Idle;
            self.events.push_back(CoordinatorEvent::DkgFailed { attempts: attempt, reason: reason.to_string() });
        } else {
            self.phase = Phase::DkgBackoff { until: now + retry.backoff(attempt), attempt: attempt + 1 };
        }
    }

    // ---- packets ------------------------------------------------------------

    /// Handle one received packet.
    pub fn handle_packet(&mut self, bytes: &[u8], now: Millis) -> Result<(), StateError> {
        let packet = Packet::from_bytes(bytes, &self.config.network)?;
        let Sender::Signer(from) = packet.sender else {
            return Err(StateError::Unexpected {
                message: packet.message.name(),
                state: "coordinators take packets from signers only",
            });
        };
        match &packet.message {
            Message::DkgPublicShares(_)
            | Message::DkgPrivateShares(_)
            | Message::DkgEnd(_)
            | Message::TranscriptRequest(_) => self.on_dkg_packet(from, packet, now),
            Message::NonceResponse(_) | Message::SignatureShareResponse(_) => self.on_sign_packet(from, packet, now),
            other => Err(StateError::Unexpected { message: other.name(), state: "signers do not send this" }),
        }
    }

    fn on_dkg_packet(&mut self, from: SignerId, packet: Packet, now: Millis) -> Result<(), StateError> {
        let name = packet.message.name();
        let malicious = self.malicious.contains_key(&from);
        let config = self.config.keys.clone();
        let d = self.dkg_state(name, packet.message.dkg_id())?;
        if !d.invited.contains(&from) || malicious {
            return Err(StateError::NotParticipating { message: name, signer: from });
        }
        let mut forwards: Vec<(Destination, Packet)> = Vec::new();
        match (&packet.message, d.step) {
            (Message::TranscriptRequest(r), _) => {
                let answered = d.transcript_requests.entry(from).or_insert(0);
                if *answered >= MAX_TRANSCRIPT_REQUESTS {
                    return Err(StateError::Invalid {
                        message: name,
                        reason: "too many transcript requests this attempt".into(),
                    });
                }
                *answered += 1;
                // Each packet at most once per request, however often it is named.
                let public: BTreeSet<&SignerId> = r.public.iter().collect();
                let private: BTreeSet<&SignerId> = r.private.iter().collect();
                for s in public {
                    if let Some(p) = d.public.get(s) {
                        forwards.push((Destination::Signer(from), p.pruned_for(from)));
                    }
                }
                for s in private {
                    if let Some(p) = d.private.get(s) {
                        forwards.push((Destination::Signer(from), p.pruned_for(from)));
                    }
                }
            }
            (Message::DkgPublicShares(m), DkgStep::Public) => {
                if let Some(held) = d.public.get(&from) {
                    if held.digest() == packet.digest() {
                        return Err(StateError::Duplicate { message: name, from: packet.sender });
                    }
                    d.public.remove(&from);
                    d.findings.push(Finding { signer: from, offence: Offence::Equivocation });
                } else if let Err(offence) = blame::check_public_shares(&config, d.dkg_id, m) {
                    d.findings.push(Finding { signer: from, offence });
                } else {
                    // Signers need only the constant terms; the rest reaches
                    // them summed, in `DkgEndBegin`.
                    forwards.push((Destination::AllSigners, packet.pruned_for(from)));
                    d.public.insert(from, packet);
                }
            }
            (Message::DkgPrivateShares(m), DkgStep::Private) => {
                if !d.included_public.contains(&from) {
                    return Err(StateError::NotParticipating { message: name, signer: from });
                }
                if let Some(held) = d.private.get(&from) {
                    if held.digest() == packet.digest() {
                        return Err(StateError::Duplicate { message: name, from: packet.sender });
                    }
                    d.private.remove(&from);
                    d.findings.push(Finding { signer: from, offence: Offence::Equivocation });
                } else if let Err(offence) = blame::check_private_shares(&config, d.dkg_id, m, &d.included_public) {
                    d.findings.push(Finding { signer: from, offence });
                } else {
                    let copies = packet.clone().narrow::<crate::net::DkgPrivateShares>().map(|p| p.pruned_for_each());
                    for (recipient, copy) in copies.unwrap_or_default() {
                        forwards.push((Destination::Signer(recipient), copy.widen()));
                    }
                    d.private.insert(from, packet);
                }
            }
            (Message::DkgEnd(m), DkgStep::End) => {
                if !d.included_private.contains(&from) {
                    return Err(StateError::NotParticipating { message: name, signer: from });
                }
                if d.ends.contains_key(&from) {
                    return Err(StateError::Duplicate { message: name, from: packet.sender });
                }
                d.ends.insert(from, m.clone());
            }
            _ => return Err(StateError::Unexpected { message: name, state: "another DKG step" }),
        }
        let findings = d.findings.clone();
        for (to, p) in forwards {
            self.forward(to, &p);
        }
        self.prove(&findings);
        if let Phase::Dkg(d) = std::mem::replace(&mut self.phase, Phase::Idle) {
            self.advance_dkg(d, now);
        }
        Ok(())
    }

    // ---- signing ------------------------------------------------------------

    /// Start a signing round over `message`.
    pub fn start_signing(&mut self, message: &[u8], sig_type: SignatureType, now: Millis) -> Result<u64, StateError> {
        if !self.is_idle() {
            return Err(StateError::Busy(self.phase_name()));
        }
        let key = self.key.as_ref().ok_or(StateError::NoKey)?;
        if let SignatureType::Taproot { merkle_root } = sig_type {
            crate::crypto::bip340::tweaked_key(&key.public_keys.group_key, merkle_root.as_ref())
                .map_err(|e| StateError::Invalid { message: "taproot merkle root", reason: e.to_string() })?;
        }
        self.unresponsive.clear();
        self.last_sign_id += 1;
        let state = Box::new(SignState {
            sign_id: self.last_sign_id,
            sign_iter_id: 0,
            attempt: 1,
            message: message.to_vec(),
            sig_type,
            step: SignStep::Nonce,
            deadline: None,
            asked: BTreeSet::new(),
            nonces: BTreeMap::new(),
            chosen: vec![],
            shares: BTreeMap::new(),
            session: None,
        });
        self.begin_sign_attempt(state, now);
        Ok(self.last_sign_id)
    }

    fn eligible(&self) -> BTreeSet<SignerId> {
        self.key
            .as_ref()
            .map(|k| k.holders.iter().filter(|s| !self.malicious.contains_key(s)).copied().collect())
            .unwrap_or_default()
    }

    fn begin_sign_attempt(&mut self, mut s: Box<SignState>, now: Millis) {
        let threshold = self.config.keys.threshold;
        let eligible = self.eligible();
        if self.weight(&eligible) < threshold {
            self.phase = Phase::Idle;
            self.events.push_back(CoordinatorEvent::SigningFailed {
                sign_id: s.sign_id,
                attempts: s.attempt - 1,
                reason: "the signers not proven malicious carry less weight than the threshold".into(),
            });
            return;
        }
        let responsive: BTreeSet<SignerId> = eligible.difference(&self.unresponsive).copied().collect();
        let asked = if self.weight(&responsive) >= threshold { responsive } else { eligible };
        let dkg_id = self.key.as_ref().expect("eligible signers imply a key").dkg_id;
        let request = NonceRequest {
            dkg_id,
            sign_id: s.sign_id,
            sign_iter_id: s.sign_iter_id,
            message: s.message.clone(),
            sig_type: s.sig_type,
        };
        for signer in &asked {
            self.send(Destination::Signer(*signer), Message::NonceRequest(request.clone()));
        }
        s.asked = asked;
        s.nonces.clear();
        s.chosen.clear();
        s.shares.clear();
        s.session = None;
        s.step = SignStep::Nonce;
        s.deadline = self.timeouts().map(|t| now + t.nonce);
        self.phase = Phase::Sign(s);
    }

    fn retry_signing(&mut self, mut s: Box<SignState>, now: Millis) {
        let retry = self.retry();
        if s.attempt >= retry.max_sign_attempts {
            self.phase = Phase::Idle;
            self.events.push_back(CoordinatorEvent::SigningFailed {
                sign_id: s.sign_id,
                attempts: s.attempt,
                reason: "no attempt gathered valid shares from enough weight".into(),
            });
            return;
        }
        let failed = s.attempt;
        s.attempt += 1;
        s.sign_iter_id += 1;
        s.deadline = None;
        self.phase = Phase::SignBackoff { until: now + retry.backoff(failed), state: s };
    }

    /// A finding against every signer whose received signature shares fail
    /// verification.
    fn bad_share_findings(&mut self, s: &SignState, session: &SigningSession) -> Vec<Finding> {
        let keys = &self.key.as_ref().expect("signing implies a key").public_keys;
        let all: Vec<_> = s.shares.values().flatten().cloned().collect();
        match session.verify_shares(&all, keys, &mut self.rng.0) {
            Ok(()) => vec![],
            Err(parties) => s
                .shares
                .iter()
                .filter(|(_, shares)| shares.iter().any(|z| parties.contains(&z.party_id)))
                .map(|(signer, _)| Finding { signer: *signer, offence: Offence::BadSignatureShare })
                .collect(),
        }
    }

    fn session(&self, s: &SignState) -> Result<SigningSession, StateError> {
        let key = self.key.as_ref().ok_or(StateError::NoKey)?;
        let nonces: Vec<_> = s
            .chosen
            .iter()
            .flat_map(|id| match &s.nonces[id].message {
                Message::NonceResponse(r) => r.nonces.clone(),
                _ => vec![],
            })
            .collect();
        SigningSession::new(
            &key.public_keys.group_key,
            self.config.keys.threshold as usize,
            &s.message,
            s.sig_type,
            &nonces,
            |p| self.config.keys.party_keys(p),
        )
        .map_err(|e| StateError::Invalid { message: "SignatureShareRequest", reason: e.to_string() })
    }

    fn on_sign_packet(&mut self, from: SignerId, packet: Packet, now: Millis) -> Result<(), StateError> {
        let name = packet.message.name();
        let Phase::Sign(s) = &mut self.phase else {
            return Err(StateError::Unexpected { message: name, state: "not signing" });
        };
        let ids = match &packet.message {
            Message::NonceResponse(r) => (r.dkg_id, r.sign_id, r.sign_iter_id),
            Message::SignatureShareResponse(r) => (r.dkg_id, r.sign_id, r.sign_iter_id),
            _ => unreachable!("routed by the caller"),
        };
        let key_dkg = self.key.as_ref().map(|k| k.dkg_id);
        if Some(ids.0) != key_dkg {
            return Err(StateError::WrongDkgRound { message: name, got: ids.0, current: key_dkg });
        }
        if (ids.1, ids.2) != (s.sign_id, s.sign_iter_id) {
            if (ids.1, ids.2) < (s.sign_id, s.sign_iter_id) {
                return Err(StateError::Replay { message: name });
            }
            return Err(StateError::WrongSignRound {
                message: name,
                got: (ids.1, ids.2),
                current: Some((s.sign_id, s.sign_iter_id)),
            });
        }
        match (&packet.message, s.step) {
            (Message::NonceResponse(r), SignStep::Nonce) => {
                if !s.asked.contains(&from) {
                    return Err(StateError::NotParticipating { message: name, signer: from });
                }
                if s.nonces.contains_key(&from) {
                    return Err(StateError::Duplicate { message: name, from: packet.sender });
                }
                let expected: Vec<u32> = self.config.keys.parties_of(from).into_iter().map(|(p, _)| p).collect();
                if r.nonces.iter().map(|n| n.party_id).collect::<Vec<_>>() != expected {
                    return Err(StateError::Invalid { message: name, reason: "nonces for the wrong parties".into() });
                }
                s.nonces.insert(from, packet);
                let wait_for_all = matches!(self.policy, Policy::Frost);
                let enough = if wait_for_all {
                    s.nonces.len() == s.asked.len()
                } else {
                    self.config.keys.weight_of(s.nonces.keys()) >= self.config.keys.threshold
                };
                if enough {
                    let mut s = match std::mem::replace(&mut self.phase, Phase::Idle) {
                        Phase::Sign(s) => s,
                        _ => unreachable!(),
                    };
                    s.chosen = s.nonces.keys().copied().collect();
                    match self.session(&s) {
                        Ok(session) => s.session = Some(session),
                        Err(_) => {
                            // E.g. a group commitment at infinity: try again with fresh nonces.
                            self.events.push_back(CoordinatorEvent::SignAttempt(SignAttemptReport {
                                sign_id: s.sign_id,
                                sign_iter_id: s.sign_iter_id,
                                ok: false,
                                malicious: vec![],
                                unresponsive: BTreeSet::new(),
                            }));
                            self.retry_signing(s, now);
                            return Ok(());
                        }
                    }
                    let request = SignatureShareRequest {
                        dkg_id: ids.0,
                        sign_id: s.sign_id,
                        sign_iter_id: s.sign_iter_id,
                        message: s.message.clone(),
                        sig_type: s.sig_type,
                        nonce_responses: s.chosen.iter().map(|id| SignedBytes(s.nonces[id].to_bytes())).collect(),
                    };
                    for signer in s.chosen.clone() {
                        self.send(Destination::Signer(signer), Message::SignatureShareRequest(request.clone()));
                    }
                    s.step = SignStep::Share;
                    s.deadline = self.timeouts().map(|t| now + t.signature_share);
                    self.phase = Phase::Sign(s);
                }
                Ok(())
            }
            (Message::SignatureShareResponse(r), SignStep::Share) => {
                if !s.chosen.contains(&from) {
                    return Err(StateError::NotParticipating { message: name, signer: from });
                }
                if s.shares.contains_key(&from) {
                    return Err(StateError::Duplicate { message: name, from: packet.sender });
                }
                let expected: Vec<u32> = self.config.keys.parties_of(from).into_iter().map(|(p, _)| p).collect();
                if r.shares.iter().map(|z| z.party_id).collect::<Vec<_>>() != expected {
                    return Err(StateError::Invalid { message: name, reason: "shares for the wrong parties".into() });
                }
                let shares = r.shares.clone();
                let mut s = match std::mem::replace(&mut self.phase, Phase::Idle) {
                    Phase::Sign(s) => s,
                    _ => unreachable!(),
                };
                let session = match s.session.take() {
                    Some(session) => session,
                    None => self.session(&s)?,
                };
                s.shares.insert(from, shares);
                if s.shares.len() < s.chosen.len() {
                    s.session = Some(session);
                    self.phase = Phase::Sign(s);
                    return Ok(());
                }
                // Every share is in: check them all in one batch (each alone
                // only if that fails, to name the culprits), then combine.
                let findings = self.bad_share_findings(&s, &session);
                if !findings.is_empty() {
                    self.prove(&findings);
                    self.events.push_back(CoordinatorEvent::SignAttempt(SignAttemptReport {
                        sign_id: s.sign_id,
                        sign_iter_id: s.sign_iter_id,
                        ok: false,
                        malicious: findings,
                        unresponsive: BTreeSet::new(),
                    }));
                    s.step = SignStep::Nonce;
                    self.retry_signing(s, now);
                    return Ok(());
                }
                let all: Vec<_> = s.shares.values().flatten().cloned().collect();
                match session.combine(&all) {
                    Ok(signature) => {
                        self.events.push_back(CoordinatorEvent::SignAttempt(SignAttemptReport {
                            sign_id: s.sign_id,
                            sign_iter_id: s.sign_iter_id,
                            ok: true,
                            malicious: vec![],
                            unresponsive: self.unresponsive.clone(),
                        }));
                        self.events.push_back(CoordinatorEvent::Signature(Box::new(SignatureOutcome {
                            sign_id: s.sign_id,
                            sign_iter_id: s.sign_iter_id,
                            message: s.message.clone(),
                            sig_type: s.sig_type,
                            signature,
                            verify_key: *session.verify_key(),
                            signers_used: s.chosen.clone(),
                        })));
                        self.phase = Phase::Idle;
                    }
                    Err(e) => {
                        // Every share verified, so this cannot happen; fail the round loudly.
                        self.events.push_back(CoordinatorEvent::SigningFailed {
                            sign_id: s.sign_id,
                            attempts: s.attempt,
                            reason: e.to_string(),
                        });
                    }
                }
                Ok(())
            }
            _ => Err(StateError::Unexpected { message: name, state: "another signing step" }),
        }
    }

    /// Save the whole state but the network key.
    pub fn save(&self) -> Vec<u8> {
        crate::crypto::encoding::to_bytes(self)
    }

    /// Restore a saved state with its network key.
    pub fn restore(bytes: &[u8], network_key: SecretScalar) -> Result<Self, StateError> {
        let mut c: Coordinator =
            crate::crypto::encoding::from_bytes(bytes).map_err(|e| StateError::Config(e.to_string()))?;
        c.config.validate()?;
        if crate::crypto::base_mul(network_key.expose()) != c.config.network.coordinator {
            return Err(StateError::Config("network key does not match the saved coordinator".into()));
        }
        c.network_key = Some(network_key);
        Ok(c)
    }
}
