//! Misbehaving signers. Each wraps an honest [`Signer`] and alters what it
//! sends, re-signing with its own network key, so every misdeed is
//! attributable, exactly as a real attacker's would be.

use std::collections::BTreeMap;

use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

use crate::{
    crypto::{
        polynomial::{PolyCommitment, Polynomial},
        secret::SecretScalar,
        Scalar, SignerId,
    },
    net::{poly_context, BadShareEvidence, DkgEnd, DkgFailure, DkgPrivateShares, DkgPublicShares},
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
    /// In a reshare, deal a polynomial whose constant term is not our
    /// Lagrange-weighted part of the secret (a random one, with a valid
    /// proof of possession): the old public key shares expose it.
    BadConstantTerm,
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
    /// A repair helper or the repaired signer misbehaving ([`super::repair`]).
    Repair(super::repair::RepairBehaviour),
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
    /// In a reshare: deal from the reshare's secrets, not the DKG's.
    resharing: bool,
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
            resharing: false,
        }
    }

    fn has(&self, f: impl Fn(&Behaviour) -> bool) -> bool {
        self.behaviours.iter().any(f)
    }

    /// Watch what the honest signer is about to receive.
    pub fn incoming(&mut self, bytes: &[u8], signer: &Signer) {
        let Ok(packet) = Packet::from_bytes(bytes, &self.config.network) else { return };
        match packet.message {
            Message::DkgBegin(_) => {
                self.public.clear();
                self.resharing = false;
            }
            Message::ReshareBegin(_) => {
                self.public.clear();
                self.resharing = true;
            }
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
                    let Some(p) = self.public.get(&t) else { continue };
                    let evidence = match signer.reshare_keys().filter(|_| self.resharing) {
                        Some(keys) => Some(keys.bad_share_evidence(p, &mut self.rng)),
                        None => signer.keys().bad_share_evidence(p, &mut self.rng),
                    };
                    if let Some(e) = evidence {
                        self.false_evidence.insert(t, e);
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
        let repair: Vec<_> = self
            .behaviours
            .iter()
            .filter_map(|b| match b {
                Behaviour::Repair(r) => Some(*r),
                _ => None,
            })
            .collect();
        if let Some(out) = super::repair::alter(&repair, packet.message(), signer, &mut self.rng) {
            return out.into_iter().map(|m| self.sign(t.to, m)).collect();
        }
        let round = round_of(packet.message());
        let mut out = Vec::new();
        let mut message = packet.message().clone();
        let altered = match &mut message {
            Message::DkgPublicShares(m) if self.has(|b| *b == Behaviour::BadPublicShares) => {
                if let Some(c) = m.commitments.first_mut() {
                    c.proof.s += Scalar::from(1);
                }
                true
            }
            Message::DkgPublicShares(m) if self.resharing && self.has(|b| *b == Behaviour::BadConstantTerm) => {
                self.replace_constant_terms(m)
            }
            Message::DkgPrivateShares(m) => {
                let (altered, extra) = self.alter_private_shares(m, signer);
                out.extend(extra.map(|other| self.sign(t.to, Message::DkgPrivateShares(other))));
                altered
            }
            Message::DkgEnd(m) => self.falsify_end(m),
            Message::SignatureShareResponse(m) if self.has(|b| *b == Behaviour::BadSignatureShare) => {
                for s in &mut m.shares {
                    s.z += Scalar::from(1);
                }
                true
            }
            Message::SessionResponse(m) if self.has(|b| *b == Behaviour::BadSignatureShare) => {
                for s in &mut m.shares {
                    s.z += Scalar::from(1);
                }
                true
            }
            _ => false,
        };
        let sent = if altered { self.sign(t.to, message) } else { t };
        if self.has(|b| *b == Behaviour::ReplayOldRound) {
            out.extend(self.sent.iter().filter(|(r, _)| *r < round).map(|(_, old)| old.clone()));
            self.sent.push((round, sent.clone()));
        }
        out.insert(0, sent);
        out
    }

    /// Commit to polynomials of the same threshold with random constant
    /// terms, each with a valid proof of possession.
    fn replace_constant_terms(&mut self, m: &mut DkgPublicShares) -> bool {
        for (i, c) in m.commitments.iter_mut().enumerate() {
            let Some(threshold) = c.full().map(<[_]>::len) else { return false };
            let poly = Polynomial::random(threshold, &mut self.rng);
            *c = PolyCommitment::new(&poly, &poly_context(m.dkg_id, self.id, i), &mut self.rng);
        }
        !m.commitments.is_empty()
    }

    /// Withhold, empty or corrupt the private shares; with equivocation, a
    /// second, different packet to send as well.
    fn alter_private_shares(&mut self, m: &mut DkgPrivateShares, signer: &Signer) -> (bool, Option<DkgPrivateShares>) {
        let (mut altered, mut other) = (false, None);
        for b in self.behaviours.clone() {
            // The recipients still in the packet, as the earlier behaviours left it.
            let peers: BTreeMap<_, _> = m
                .shares
                .iter()
                .filter_map(|s| self.public.get(&s.recipient).map(|p| (s.recipient, p.clone())))
                .collect();
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
                    let alter = |r: SignerId, shares: &mut Vec<SecretScalar>| {
                        if let (true, Some(first)) = (ids.contains(&r), shares.first_mut()) {
                            *first = SecretScalar::new(first.expose() + Scalar::from(1));
                        }
                    };
                    let bad = match signer.reshare_keys().filter(|_| self.resharing) {
                        Some(keys) => keys.encrypt_altered_shares(&peers, &mut self.rng, alter),
                        None => signer.keys().encrypt_altered_shares(&peers, &mut self.rng, alter),
                    };
                    if let Some(bad) = bad {
                        *m = bad;
                        altered = true;
                    }
                }
                Behaviour::EquivocatePrivateShares => {
                    other = match signer.reshare_keys().filter(|_| self.resharing) {
                        Some(keys) => keys.encrypt_shares(&peers, &mut self.rng),
                        None => signer.keys().encrypt_shares(&peers, &mut self.rng),
                    }
                }
                _ => {}
            }
        }
        (altered, other)
    }

    /// Replace a `DkgEnd` with false complaints.
    fn falsify_end(&mut self, m: &mut DkgEnd) -> bool {
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
        if failures.is_empty() {
            return false;
        }
        m.status = DkgStatus::Failure(DkgEndFailure::Shares(failures));
        true
    }
}

/// A single number that grows with every DKG attempt and signing attempt.
fn round_of(m: &Message) -> u64 {
    match m {
        Message::NonceResponse(r) => (r.dkg_id << 40) + (r.sign_id << 16) + r.sign_iter_id,
        Message::SignatureShareResponse(r) => (r.dkg_id << 40) + (r.sign_id << 16) + r.sign_iter_id,
        Message::SessionResponse(r) => (r.dkg_id << 40) + (r.sign_id << 16) + r.session_id,
        other => other.dkg_id() << 40,
    }
}
