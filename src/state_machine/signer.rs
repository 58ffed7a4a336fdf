//! The signer state machine.
//!
//! DKG: on `DkgBegin` it publishes its commitments; once `DkgPrivateBegin`
//! names the included signers *and* it holds each one's public shares with the
//! digest the coordinator lists, it sends encrypted shares; once `DkgEndBegin`
//! lists the private-share packets and it holds each with the listed digest, it
//! finishes and reports `DkgEnd`. Whatever it lacks or holds in a different
//! copy, it asks the coordinator for (`TranscriptRequest`) instead of
//! accusing anyone: it only ever accuses on the coordinator's own copy. A
//! sender's second, different signed packet is evidence of equivocation: the
//! signer goes on with the coordinator's copy and reports it in `DkgEnd`.
//!
//! Signing: `NonceRequest` → fresh nonces → `NonceResponse`;
//! `SignatureShareRequest` (with the chosen signers' signed nonce responses)
//! → one signature share per party → `SignatureShareResponse`. Nonces live
//! only in memory, are consumed by signing, and are not saved: a restored
//! signer answers the next nonce request instead of reusing a nonce.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::{Deserialize, Serialize};

use super::{CeremonyConfig, Destination, Rng, StateError, Transmit};
use crate::{
    crypto::{
        bip340, encoding::point_to_bytes, nonce::SigningNonces, secret::SecretScalar, signing::SigningSession, Point,
        SignerId,
    },
    keys::SignerKeys,
    net::{
        DkgEnd, DkgEndBegin, DkgEndFailure, DkgPrivateBegin, DkgPublicShares, DkgStatus, Message, NonceRequest,
        NonceResponse, Packet, Sender, SignatureShareRequest, SignatureShareResponse, TranscriptRequest,
    },
};

/// What a signer reports to its application.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SignerEvent {
    DkgComplete {
        dkg_id: u64,
        #[serde(with = "crate::crypto::encoding::serde_point")]
        group_key: Point,
    },
    DkgFailed {
        dkg_id: u64,
        failure: DkgEndFailure,
    },
    /// A signature share was sent for this round.
    Signed {
        sign_id: u64,
        sign_iter_id: u64,
    },
}

/// One DKG attempt from this signer's side.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct DkgRound {
    dkg_id: u64,
    invited: BTreeSet<SignerId>,
    /// First validly signed copy of each signer's packets.
    public: BTreeMap<SignerId, Packet>,
    private: BTreeMap<SignerId, Packet>,
    /// A second, different signed packet from the same signer, kept as evidence.
    conflicting: BTreeMap<(bool, SignerId), Packet>,
    private_begin: Option<DkgPrivateBegin>,
    end_begin: Option<DkgEndBegin>,
    sent_private: bool,
    finished: bool,
    /// What we asked the coordinator for and have not yet received.
    requested: BTreeSet<(bool, SignerId)>,
}

/// The signing attempt in progress. Never saved.
#[derive(Debug)]
struct SignRound {
    sign_id: u64,
    sign_iter_id: u64,
    request: NonceRequest,
    nonces: Option<Vec<(u32, SigningNonces)>>,
}

#[derive(Serialize, Deserialize)]
pub struct Signer {
    config: CeremonyConfig,
    signer_id: SignerId,
    /// Kept out of the saved state: the caller holds it and passes it to `restore`.
    #[serde(skip)]
    network_key: Option<SecretScalar>,
    party: SignerKeys,
    dkg: Option<DkgRound>,
    /// The DKG whose key shares `party` holds.
    key_dkg_id: Option<u64>,
    /// Highest `(sign_id, sign_iter_id)` seen, against replays.
    last_sign: Option<(u64, u64)>,
    #[serde(skip)]
    signing: Option<SignRound>,
    #[serde(skip)]
    outbox: VecDeque<Transmit>,
    #[serde(skip)]
    events: VecDeque<SignerEvent>,
    #[serde(skip)]
    rng: Rng,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("signer_id", &self.signer_id)
            .field("dkg_id", &self.dkg.as_ref().map(|d| d.dkg_id))
            .field("key_dkg_id", &self.key_dkg_id)
            .field("last_sign", &self.last_sign)
            .finish_non_exhaustive()
    }
}

fn invalid(message: &'static str, reason: impl ToString) -> StateError {
    StateError::Invalid { message, reason: reason.to_string() }
}

impl Signer {
    pub fn new(config: CeremonyConfig, signer_id: SignerId, network_key: SecretScalar) -> Result<Self, StateError> {
        config.validate()?;
        let party = SignerKeys::new(config.keys.clone(), signer_id).map_err(|e| StateError::Config(e.to_string()))?;
        let expected = config.network.signers.get(signer_id as usize).copied();
        if expected != Some(crate::crypto::base_mul(network_key.expose())) {
            return Err(StateError::Config(format!("network key does not match signer {signer_id}'s public key")));
        }
        Ok(Signer {
            config,
            signer_id,
            network_key: Some(network_key),
            party,
            dkg: None,
            key_dkg_id: None,
            last_sign: None,
            signing: None,
            outbox: VecDeque::new(),
            events: VecDeque::new(),
            rng: Rng::default(),
        })
    }

    /// Use a deterministic random source (simulations and tests only).
    pub fn reseed(&mut self, seed: u64) {
        self.rng = Rng::seeded(seed);
    }

    pub fn signer_id(&self) -> SignerId {
        self.signer_id
    }

    pub fn ceremony_config(&self) -> &CeremonyConfig {
        &self.config
    }

    pub fn party(&self) -> &SignerKeys {
        &self.party
    }

    /// The group key from the last successful DKG.
    pub fn group_key(&self) -> Option<Point> {
        self.key_dkg_id.and(self.party.public_keys().map(|k| k.group_key))
    }

    pub fn poll_transmit(&mut self) -> Option<Transmit> {
        self.outbox.pop_front()
    }

    pub fn poll_event(&mut self) -> Option<SignerEvent> {
        self.events.pop_front()
    }

    /// Signers have no deadlines: the coordinator's timeouts drive retries.
    pub fn poll_timeout(&self) -> Option<super::Millis> {
        None
    }

    pub fn handle_timeout(&mut self, _now: super::Millis) {}

    /// Sign and queue `message`; returns the signed packet.
    fn send(&mut self, message: Message) -> Packet {
        let name = message.name();
        let packet = Packet::sign(
            Sender::Signer(self.signer_id),
            message,
            self.network_key.as_ref().expect("set by new and restore"),
            &mut self.rng.0,
        );
        self.outbox.push_back(Transmit { to: Destination::Coordinator, message: name, bytes: packet.to_bytes() });
        packet
    }

    /// Handle one received packet.
    pub fn handle_packet(&mut self, bytes: &[u8], _now: super::Millis) -> Result<(), StateError> {
        let packet = Packet::from_bytes(bytes, &self.config.network)?;
        let name = packet.message.name();
        let from_coordinator = packet.sender == Sender::Coordinator;
        match (&packet.message, from_coordinator) {
            (Message::DkgBegin(m), true) => self.on_dkg_begin(m.dkg_id, &m.signers),
            (Message::DkgPublicShares(_), false) | (Message::DkgPrivateShares(_), false) => self.on_peer_packet(packet),
            (Message::DkgPrivateBegin(m), true) => {
                let m = m.clone();
                self.on_private_begin(m)
            }
            (Message::DkgEndBegin(m), true) => {
                let m = m.clone();
                self.on_end_begin(m)
            }
            (Message::NonceRequest(m), true) => {
                let m = m.clone();
                self.on_nonce_request(m)
            }
            (Message::SignatureShareRequest(m), true) => {
                let m = m.clone();
                self.on_share_request(m)
            }
            _ => Err(StateError::Unexpected {
                message: name,
                state: "signers only take coordinator requests and peer shares",
            }),
        }
    }

    fn current_dkg(&mut self, message: &'static str, dkg_id: u64) -> Result<&mut DkgRound, StateError> {
        let current = self.dkg.as_ref().map(|d| d.dkg_id);
        match self.dkg.as_mut() {
            Some(d) if d.dkg_id == dkg_id => Ok(d),
            _ if current.is_some_and(|c| dkg_id < c) => Err(StateError::Replay { message }),
            _ => Err(StateError::WrongDkgRound { message, got: dkg_id, current }),
        }
    }

    fn on_dkg_begin(&mut self, dkg_id: u64, signers: &[SignerId]) -> Result<(), StateError> {
        let last = self.dkg.as_ref().map(|d| d.dkg_id).max(self.key_dkg_id);
        if last.is_some_and(|l| dkg_id <= l) {
            return Err(StateError::Replay { message: "DkgBegin" });
        }
        let invited: BTreeSet<SignerId> = signers.iter().copied().collect();
        if invited.iter().any(|s| !self.config.keys.signers.contains_key(s)) {
            return Err(invalid("DkgBegin", "unknown signer invited"));
        }
        self.signing = None;
        if !invited.contains(&self.signer_id) {
            self.dkg = Some(DkgRound { dkg_id, invited, finished: true, ..Default::default() });
            return Ok(());
        }
        let public = self.party.start_dkg(dkg_id, &mut self.rng.0);
        self.dkg = Some(DkgRound { dkg_id, invited, ..Default::default() });
        // Keep our own signed copy, pruned as peers keep it.
        let own = self.send(Message::DkgPublicShares(public)).pruned_for(self.signer_id);
        self.dkg.as_mut().expect("just set").public.insert(self.signer_id, own);
        Ok(())
    }

    /// A peer's shares, forwarded by the coordinator or sent directly.
    fn on_peer_packet(&mut self, packet: Packet) -> Result<(), StateError> {
        let name = packet.message.name();
        let me = self.signer_id;
        let Sender::Signer(from) = packet.sender else { unreachable!("checked by the caller") };
        let is_public = matches!(packet.message, Message::DkgPublicShares(_));
        if let Message::DkgPrivateShares(m) = &packet.message {
            // Only a copy that carries our own ciphertext is of use.
            if from != me && !matches!(m.entry_for(me), Some(crate::net::SharePayload::Ciphertext(_)) | None) {
                return Err(invalid(name, "copy pruned for another recipient"));
            }
        }
        let round = self.current_dkg(name, packet.message.dkg_id())?;
        if round.finished {
            return Err(StateError::Unexpected { message: name, state: "this DKG round is over for us" });
        }
        if !round.invited.contains(&from) {
            return Err(StateError::NotParticipating { message: name, signer: from });
        }
        let digest = packet.digest();
        let wanted = listed_digest(round, is_public, from);
        // Keep only what we need: constant terms, and our own ciphertext.
        let packet = packet.pruned_for(me);
        let store = if is_public { &mut round.public } else { &mut round.private };
        match store.get(&from).map(Packet::digest) {
            // Our own packet, relayed back to us by the coordinator.
            Some(held) if held == digest && from == me => return Ok(()),
            Some(held) if held == digest => {
                return Err(StateError::Duplicate { message: name, from: packet.sender });
            }
            Some(_) if wanted == Some(digest) => {
                // The coordinator's copy replaces ours; ours is kept as evidence.
                let old = store.insert(from, packet).expect("present");
                round.conflicting.insert((is_public, from), old);
            }
            Some(_) => {
                round.conflicting.entry((is_public, from)).or_insert(packet);
            }
            None => {
                store.insert(from, packet);
            }
        }
        round.requested.remove(&(is_public, from));
        self.advance_dkg()
    }

    fn on_private_begin(&mut self, m: DkgPrivateBegin) -> Result<(), StateError> {
        let round = self.current_dkg("DkgPrivateBegin", m.dkg_id)?;
        if round.private_begin.is_some() {
            return Err(StateError::Duplicate { message: "DkgPrivateBegin", from: Sender::Coordinator });
        }
        if m.public_digests.iter().any(|d| !round.invited.contains(&d.signer)) {
            return Err(invalid("DkgPrivateBegin", "lists a signer that was not invited"));
        }
        round.private_begin = Some(m);
        self.advance_dkg()
    }

    fn on_end_begin(&mut self, m: DkgEndBegin) -> Result<(), StateError> {
        let round = self.current_dkg("DkgEndBegin", m.dkg_id)?;
        if round.end_begin.is_some() {
            return Err(StateError::Duplicate { message: "DkgEndBegin", from: Sender::Coordinator });
        }
        let Some(begin) = &round.private_begin else {
            return Err(StateError::Unexpected { message: "DkgEndBegin", state: "before DkgPrivateBegin" });
        };
        if m.private_digests.iter().any(|d| !begin.public_digests.iter().any(|p| p.signer == d.signer)) {
            return Err(invalid("DkgEndBegin", "lists a signer whose public shares were not included"));
        }
        round.end_begin = Some(m);
        self.advance_dkg()
    }

    /// Take every DKG step that the packets in hand allow.
    fn advance_dkg(&mut self) -> Result<(), StateError> {
        let me = self.signer_id;
        let Some(round) = self.dkg.as_mut() else { return Ok(()) };
        if round.finished {
            return Ok(());
        }
        let Some(begin) = round.private_begin.clone() else { return Ok(()) };
        match check_listing(round, true, &begin.public_digests, me) {
            Listing::Complete => {}
            // Our public shares did not reach the coordinator in time.
            Listing::LeftOut => return self.leave_round(),
            Listing::Failed(failure) => return self.finish_with(Err(failure)),
            Listing::Missing(signers) => {
                self.request(signers, vec![]);
                return Ok(());
            }
        }
        if !round.sent_private {
            let peers: BTreeMap<SignerId, DkgPublicShares> =
                begin.public_digests.iter().map(|d| (d.signer, public_of(&round.public[&d.signer]).clone())).collect();
            let shares = self.party.encrypt_shares(&peers, &mut self.rng.0).expect("DKG started");
            let round = self.dkg.as_mut().expect("present");
            round.sent_private = true;
            let own = self.send(Message::DkgPrivateShares(shares)).pruned_for(me);
            self.dkg.as_mut().expect("present").private.insert(me, own);
        }
        let round = self.dkg.as_mut().expect("present");
        let Some(end) = round.end_begin.clone() else { return Ok(()) };
        match check_listing(round, false, &end.private_digests, me) {
            Listing::Complete => {}
            Listing::LeftOut => return self.leave_round(),
            Listing::Failed(failure) => return self.finish_with(Err(failure)),
            Listing::Missing(signers) => {
                self.request(vec![], signers);
                return Ok(());
            }
        }
        // A sender that signed two different packets for this round is
        // reported now, in `DkgEnd`, when the coordinator takes reports.
        let equivocation = [(true, &begin.public_digests), (false, &end.private_digests)]
            .into_iter()
            .find_map(|(public, listed)| listed.iter().find_map(|d| equivocation(round, public, d.signer, &d.digest)));
        if let Some(failure) = equivocation {
            return self.finish_with(Err(failure));
        }
        let weight = self.config.keys.weight_of(end.private_digests.iter().map(|d| &d.signer));
        if weight < self.config.keys.dkg_threshold {
            return self.finish_with(Err(DkgEndFailure::Threshold));
        }
        if end.aggregate_rest.len() + 1 != self.config.keys.threshold as usize {
            return self.finish_with(Err(DkgEndFailure::BadState(
                "DkgEndBegin's summed commitment has the wrong length".into(),
            )));
        }
        let participants: BTreeSet<SignerId> = end.private_digests.iter().map(|d| d.signer).collect();
        let public: BTreeMap<_, _> = participants.iter().map(|s| (*s, public_of(&round.public[s]).clone())).collect();
        let private: BTreeMap<_, _> = participants
            .iter()
            .map(|s| match &round.private[s].message {
                Message::DkgPrivateShares(m) => (*s, m.clone()),
                _ => unreachable!("only private shares are stored here"),
            })
            .collect();
        let result = self
            .party
            .finish_dkg(&participants, &public, &private, &end.aggregate_rest, &mut self.rng.0)
            .map(|keys| keys.group_key)
            .map_err(DkgEndFailure::Shares);
        self.finish_with(result)
    }

    /// End our part in this DKG round without a result (we were left out).
    fn leave_round(&mut self) -> Result<(), StateError> {
        let round = self.dkg.as_mut().expect("in a DKG round");
        round.finished = true;
        // The coordinator keeps the transcript for blame; we need it no longer.
        round.public.clear();
        round.private.clear();
        round.conflicting.clear();
        Ok(())
    }

    fn finish_with(&mut self, result: Result<Point, DkgEndFailure>) -> Result<(), StateError> {
        self.leave_round()?;
        let dkg_id = self.dkg.as_ref().expect("in a DKG round").dkg_id;
        let status = match result {
            Ok(group_key) => {
                self.key_dkg_id = Some(dkg_id);
                self.events.push_back(SignerEvent::DkgComplete { dkg_id, group_key });
                DkgStatus::Success { group_key }
            }
            Err(failure) => {
                self.events.push_back(SignerEvent::DkgFailed { dkg_id, failure: failure.clone() });
                DkgStatus::Failure(failure)
            }
        };
        self.send(Message::DkgEnd(DkgEnd { dkg_id, signer_id: self.signer_id, status }));
        Ok(())
    }

    fn request(&mut self, public: Vec<SignerId>, private: Vec<SignerId>) {
        let round = self.dkg.as_mut().expect("in a DKG round");
        let new_public: Vec<_> = public.into_iter().filter(|s| round.requested.insert((true, *s))).collect();
        let new_private: Vec<_> = private.into_iter().filter(|s| round.requested.insert((false, *s))).collect();
        if new_public.is_empty() && new_private.is_empty() {
            return;
        }
        let dkg_id = round.dkg_id;
        self.send(Message::TranscriptRequest(TranscriptRequest {
            dkg_id,
            signer_id: self.signer_id,
            public: new_public,
            private: new_private,
        }));
    }

    fn on_nonce_request(&mut self, m: NonceRequest) -> Result<(), StateError> {
        let Some(key_dkg_id) = self.key_dkg_id else { return Err(StateError::NoKey) };
        if m.dkg_id != key_dkg_id {
            return Err(StateError::WrongDkgRound {
                message: "NonceRequest",
                got: m.dkg_id,
                current: Some(key_dkg_id),
            });
        }
        let ids = (m.sign_id, m.sign_iter_id);
        if self.last_sign.is_some_and(|last| ids <= last) {
            return Err(StateError::Replay { message: "NonceRequest" });
        }
        if let crate::crypto::signing::SignatureType::Taproot { merkle_root } = m.sig_type {
            let keys = self.party.public_keys().ok_or(StateError::NoKey)?;
            bip340::tweaked_key(&keys.group_key, merkle_root.as_ref()).map_err(|e| invalid("NonceRequest", e))?;
        }
        self.last_sign = Some(ids);
        let (nonces, public) = self.party.generate_nonces(&mut self.rng.0);
        self.signing = Some(SignRound {
            sign_id: m.sign_id,
            sign_iter_id: m.sign_iter_id,
            request: m.clone(),
            nonces: Some(nonces),
        });
        self.send(Message::NonceResponse(NonceResponse {
            dkg_id: m.dkg_id,
            sign_id: m.sign_id,
            sign_iter_id: m.sign_iter_id,
            signer_id: self.signer_id,
            nonces: public,
        }));
        Ok(())
    }

    fn on_share_request(&mut self, m: SignatureShareRequest) -> Result<(), StateError> {
        const NAME: &str = "SignatureShareRequest";
        let current = self.signing.as_ref().map(|s| (s.sign_id, s.sign_iter_id));
        let Some(round) = self.signing.as_ref().filter(|s| (s.sign_id, s.sign_iter_id) == (m.sign_id, m.sign_iter_id))
        else {
            return Err(StateError::WrongSignRound { message: NAME, got: (m.sign_id, m.sign_iter_id), current });
        };
        if round.nonces.is_none() {
            return Err(StateError::Duplicate { message: NAME, from: Sender::Coordinator });
        }
        if m.dkg_id != round.request.dkg_id
            || m.message != round.request.message
            || m.sig_type != round.request.sig_type
        {
            return Err(invalid(NAME, "differs from the nonce request"));
        }
        // Every embedded nonce response must be signed by its signer, for this
        // round. The signatures are checked in one batch.
        let embedded: Vec<&[u8]> = m.nonce_responses.iter().map(|e| e.0.as_slice()).collect();
        let packets =
            Packet::from_bytes_batch(&embedded, &self.config.network, &mut self.rng.0).map_err(|e| invalid(NAME, e))?;
        let mut nonces = Vec::new();
        let mut signers = BTreeSet::new();
        for p in packets {
            let Message::NonceResponse(r) = p.message else {
                return Err(invalid(NAME, "embedded packet is not a NonceResponse"));
            };
            if (r.dkg_id, r.sign_id, r.sign_iter_id) != (m.dkg_id, m.sign_id, m.sign_iter_id) {
                return Err(invalid(NAME, "embedded nonce response is for another round"));
            }
            if !signers.insert(r.signer_id) {
                return Err(invalid(NAME, "two nonce responses from one signer"));
            }
            let expected: Vec<u32> = self.config.keys.parties_of(r.signer_id).into_iter().map(|(p, _)| p).collect();
            if r.nonces.iter().map(|n| n.party_id).collect::<Vec<_>>() != expected {
                return Err(invalid(NAME, format!("signer {} sent nonces for the wrong parties", r.signer_id)));
            }
            nonces.extend(r.nonces);
        }
        if !signers.contains(&self.signer_id) {
            return Err(invalid(NAME, "our own nonces are not included"));
        }
        let keys = self.party.public_keys().ok_or(StateError::NoKey)?;
        let session = SigningSession::new(
            &keys.group_key,
            self.config.keys.threshold as usize,
            &m.message,
            m.sig_type,
            &nonces,
            |p| self.config.keys.party_keys(p),
        )
        .map_err(|e| invalid(NAME, e))?;
        let own = self.signing.as_mut().expect("checked").nonces.take().expect("checked");
        let shares = self.party.sign(&session, own).map_err(|e| invalid(NAME, e))?;
        self.events.push_back(SignerEvent::Signed { sign_id: m.sign_id, sign_iter_id: m.sign_iter_id });
        self.send(Message::SignatureShareResponse(SignatureShareResponse {
            dkg_id: m.dkg_id,
            sign_id: m.sign_id,
            sign_iter_id: m.sign_iter_id,
            signer_id: self.signer_id,
            shares,
        }));
        Ok(())
    }

    /// Save the whole state but the network key. Holds the key shares: store
    /// it as you would a key. Nonces are deliberately not included.
    pub fn save(&self) -> Vec<u8> {
        crate::crypto::encoding::to_bytes(self)
    }

    /// Restore a saved state with its network key.
    pub fn restore(bytes: &[u8], network_key: SecretScalar) -> Result<Self, StateError> {
        let mut signer: Signer =
            crate::crypto::encoding::from_bytes(bytes).map_err(|e| StateError::Config(e.to_string()))?;
        signer.config.validate()?;
        if signer.config.network.signers.get(signer.signer_id as usize)
            != Some(&crate::crypto::base_mul(network_key.expose()))
        {
            return Err(StateError::Config("network key does not match the saved signer".into()));
        }
        signer.network_key = Some(network_key);
        Ok(signer)
    }

    /// The aggregate key in compressed form, for display.
    pub fn group_key_hex(&self) -> Option<String> {
        self.group_key().map(|k| hex::encode(point_to_bytes(&k)))
    }
}

fn public_of(p: &Packet) -> &DkgPublicShares {
    match &p.message {
        Message::DkgPublicShares(m) => m,
        _ => unreachable!("only public shares are stored here"),
    }
}

fn listed_digest(round: &DkgRound, public: bool, signer: SignerId) -> Option<crate::net::Digest> {
    if public {
        round.private_begin.as_ref()?.public_digests.iter().find(|d| d.signer == signer).map(|d| d.digest)
    } else {
        round.end_begin.as_ref()?.private_digests.iter().find(|d| d.signer == signer).map(|d| d.digest)
    }
}

fn missing(store: &BTreeMap<SignerId, Packet>, listed: &[crate::net::SignerDigest]) -> Vec<SignerId> {
    listed.iter().filter(|d| store.get(&d.signer).map(|p| p.digest()) != Some(d.digest)).map(|d| d.signer).collect()
}

/// What a coordinator's list of included signers and digests means for us.
enum Listing {
    /// We hold every listed packet, each with the listed digest.
    Complete,
    /// We are not listed: left out of this attempt.
    LeftOut,
    /// The list misstates our own packet.
    Failed(DkgEndFailure),
    /// These listed packets we lack, or hold in another copy: ask for them.
    Missing(Vec<SignerId>),
}

fn check_listing(round: &DkgRound, public: bool, listed: &[crate::net::SignerDigest], me: SignerId) -> Listing {
    let store = if public { &round.public } else { &round.private };
    let Some(ours) = listed.iter().find(|d| d.signer == me) else { return Listing::LeftOut };
    if Some(ours.digest) != store.get(&me).map(Packet::digest) {
        let what = if public {
            "DkgPrivateBegin misstates our public shares"
        } else {
            "DkgEndBegin misstates our private shares"
        };
        return Listing::Failed(DkgEndFailure::BadState(what.into()));
    }
    let missing = missing(store, listed);
    if missing.is_empty() {
        Listing::Complete
    } else {
        Listing::Missing(missing)
    }
}

/// Any validly signed packet from `signer` for this round whose digest is not
/// the coordinator's proves that `signer` signed two different packets.
fn equivocation(
    round: &DkgRound,
    public: bool,
    signer: SignerId,
    listed: &crate::net::Digest,
) -> Option<DkgEndFailure> {
    let store = if public { &round.public } else { &round.private };
    [store.get(&signer), round.conflicting.get(&(public, signer))]
        .into_iter()
        .flatten()
        .find(|p| p.digest() != *listed)
        .map(|p| DkgEndFailure::Equivocation { signer, packet: p.to_bytes() })
}
