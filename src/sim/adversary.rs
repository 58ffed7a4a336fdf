//! Misbehaving signers. Each wraps an honest [`Signer`] and alters what it
//! sends, re-signing with its own network key, so every misdeed is
//! attributable, exactly as a real attacker's would be.

use std::collections::BTreeMap;

use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

use crate::{
    crypto::{secret::SecretScalar, Scalar, SignerId},
    net::{BadShareEvidence, DkgFailure, DkgPublicShares},
    net::{DkgEndFailure, DkgStatus, Message, Packet, Sender},
    state_machine::{signer::Signer, CeremonyConfig, Transmit},
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Behaviour {
    /// Omit the shares for these signers' key ids.
    WithholdPrivateShares(Vec<SignerId>),
    /// Send a private-shares packet with no shares at all.
    EmptyPrivateShares,
    /// Encrypt wrong shares (well-formed, failing the commitment) to these signers.
    BadPrivateShares(Vec<SignerId>),
    /// Send a commitment with an invalid proof of possession.
    BadPublicShares,
    /// Sign and send two different private-shares packets for one round.
    EquivocatePrivateShares,
    /// Falsely report these signers' shares as missing.
    FalseMissingPrivateShares(Vec<SignerId>),
    /// Falsely report these signers' shares as bad (with a valid tuple proof).
    FalseBadPrivateShares(Vec<SignerId>),
    /// Send invalid signature shares.
    BadSignatureShare,
    /// Re-send every packet of earlier rounds along with each new one.
    ReplayOldRound,
}

pub struct Adversary {
    id: SignerId,
    key: SecretScalar,
    config: CeremonyConfig,
    behaviours: Vec<Behaviour>,
    rng: ChaCha20Rng,
    public: BTreeMap<SignerId, DkgPublicShares>,
    false_evidence: BTreeMap<SignerId, BadShareEvidence>,
    sent: Vec<(u64, Transmit)>,
}

impl Adversary {
    pub fn new(id: SignerId, key: SecretScalar, config: CeremonyConfig, behaviours: Vec<Behaviour>, seed: u64) -> Self {
        Adversary {
            id,
            key,
            config,
            behaviours,
            rng: ChaCha20Rng::seed_from_u64(seed ^ 0xad5e_0000 ^ u64::from(id)),
            public: BTreeMap::new(),
            false_evidence: BTreeMap::new(),
            sent: vec![],
        }
    }

    fn has(&self, f: impl Fn(&Behaviour) -> bool) -> bool {
        self.behaviours.iter().any(f)
    }

    /// Watch what the honest signer is about to receive.
    pub fn incoming(&mut self, bytes: &[u8], signer: &Signer) {
        let Ok(packet) = Packet::from_bytes(bytes, &self.config.network) else { return };
        match packet.message {
            Message::DkgBegin(_) => self.public.clear(),
            Message::DkgPublicShares(m) => {
                self.public.insert(m.signer_id, m);
            }
            Message::DkgEndBegin(_) => {
                // Prepare "evidence" while the DKG secrets still exist.
                let targets: Vec<SignerId> = self
                    .behaviours
                    .iter()
                    .filter_map(|b| match b {
                        Behaviour::FalseBadPrivateShares(ids) => Some(ids.clone()),
                        _ => None,
                    })
                    .flatten()
                    .collect();
                for t in targets {
                    if let Some(p) = self.public.get(&t) {
                        if let Some(e) = signer.keys().bad_share_evidence(p, &mut self.rng) {
                            self.false_evidence.insert(t, e);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn sign(&mut self, to: crate::state_machine::Destination, message: Message) -> Transmit {
        let name = message.name();
        let packet = Packet::sign(Sender::Signer(self.id), message, &self.key, &mut self.rng);
        Transmit { to, message: name, bytes: packet.to_bytes() }
    }

    /// Alter what the honest signer sends.
    pub fn outgoing(&mut self, t: Transmit, signer: &Signer) -> Vec<Transmit> {
        let Ok(packet) = Packet::from_bytes(&t.bytes, &self.config.network) else { return vec![t] };
        let round = round_of(&packet.message);
        let mut out = Vec::new();
        let mut message = packet.message.clone();
        let mut altered = false;
        match &mut message {
            Message::DkgPublicShares(m) if self.has(|b| *b == Behaviour::BadPublicShares) => {
                m.commitments[0].proof.s += Scalar::from(1);
                altered = true;
            }
            Message::DkgPrivateShares(m) => {
                for b in self.behaviours.clone() {
                    match b {
                        Behaviour::WithholdPrivateShares(ids) => {
                            m.shares.retain(|s| !ids.contains(&s.recipient));
                            altered = true;
                        }
                        Behaviour::EmptyPrivateShares => {
                            m.shares.clear();
                            altered = true;
                        }
                        Behaviour::BadPrivateShares(ids) => {
                            let peers: BTreeMap<_, _> = m
                                .shares
                                .iter()
                                .filter_map(|s| self.public.get(&s.recipient).map(|p| (s.recipient, p.clone())))
                                .collect();
                            let bad = signer.keys().encrypt_altered_shares(&peers, &mut self.rng, |r, shares| {
                                if ids.contains(&r) {
                                    shares[0] = SecretScalar::new(shares[0].expose() + Scalar::from(1));
                                }
                            });
                            if let Some(bad) = bad {
                                *m = bad;
                                altered = true;
                            }
                        }
                        Behaviour::EquivocatePrivateShares => {
                            let peers: BTreeMap<_, _> = m
                                .shares
                                .iter()
                                .filter_map(|s| self.public.get(&s.recipient).map(|p| (s.recipient, p.clone())))
                                .collect();
                            if let Some(other) = signer.keys().encrypt_shares(&peers, &mut self.rng) {
                                out.push(self.sign(t.to, Message::DkgPrivateShares(other)));
                            }
                        }
                        _ => {}
                    }
                }
            }
            Message::DkgEnd(m) => {
                let mut failures = Vec::new();
                for b in &self.behaviours {
                    match b {
                        Behaviour::FalseMissingPrivateShares(ids) => {
                            failures.push(DkgFailure::MissingPrivateShares(ids.iter().copied().collect()))
                        }
                        Behaviour::FalseBadPrivateShares(_) if !self.false_evidence.is_empty() => {
                            failures.push(DkgFailure::BadPrivateShares(std::mem::take(&mut self.false_evidence)))
                        }
                        _ => {}
                    }
                }
                if !failures.is_empty() {
                    m.status = DkgStatus::Failure(DkgEndFailure::Shares(failures));
                    altered = true;
                }
            }
            Message::SignatureShareResponse(m) if self.has(|b| *b == Behaviour::BadSignatureShare) => {
                for s in &mut m.shares {
                    s.z += Scalar::from(1);
                }
                altered = true;
            }
            _ => {}
        }
        let sent = if altered { self.sign(t.to, message) } else { t };
        if self.has(|b| *b == Behaviour::ReplayOldRound) {
            for (_, old) in self.sent.iter().filter(|(r, _)| *r < round) {
                out.push(old.clone());
            }
            self.sent.push((round, sent.clone()));
        }
        out.insert(0, sent);
        out
    }
}

/// A single number that grows with every DKG attempt and signing attempt.
fn round_of(m: &Message) -> u64 {
    match m {
        Message::NonceResponse(r) => (r.dkg_id << 40) + (r.sign_id << 16) + r.sign_iter_id,
        Message::SignatureShareResponse(r) => (r.dkg_id << 40) + (r.sign_id << 16) + r.sign_iter_id,
        other => other.dkg_id() << 40,
    }
}
