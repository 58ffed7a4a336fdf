//! The signer's side of a repair ([`crate::crypto::repair`], messages in
//! [`crate::net::repair`](crate::net::RepairBegin)), as a helper or as the
//! repaired signer.
//!
//! A helper takes `RepairBegin` only for its current key and epoch, with its
//! own public keys and key ids as its saved config has them. It commits to
//! its pieces and publishes a fresh key-exchange key, encrypts each other
//! helper's pieces once the coordinator lists every commitment, checks the
//! pieces it receives against their senders' commitments, and encrypts its
//! sums to the repaired signer (or accuses, with DH-tuple proofs). It never
//! sees anything but uniform pieces, so it learns nothing of the share.
//!
//! The repaired signer holds no key: it takes `RepairBegin` for the config
//! it was made with, and the public keys on the coordinator's word, as a
//! joining signer does; its restored shares are checked against those
//! public key shares before it keeps them. Nothing here is saved: an attempt
//! lost to a restart is retried by the coordinator.

use std::collections::BTreeMap;

use rand_core::{CryptoRng, RngCore};

use super::{Ctx, Fx, Outcome};
use crate::{
    crypto::{
        dh_tuple::{TupleContext, TupleProof},
        encryption::{self, CipherContext, KexKeyPair},
        proof_of_possession::ProofOfPossession,
        repair::{RepairDeal, RepairError, RepairSet},
        secret::SecretScalar,
        SignerId,
    },
    keys::SignerKeys,
    net::{
        kex_context, BadShareEvidence, Body, HelperCommitments, Packet, RecipientPieces, RepairBegin,
        RepairCommitments, RepairEnd, RepairEndBegin, RepairEndStatus, RepairPieces, RepairPiecesBegin, RepairSum,
        RepairSumBegin, RepairSumStatus, SignerDigest,
    },
    state_machine::{events::SignerEvent, invalid, Destination, StateError},
};

/// A repair attempt in progress (memory only).
pub(super) struct RepairRound {
    me: SignerId,
    begin: RepairBegin,
    set: RepairSet,
    kex: KexKeyPair,
    /// Our pieces, if we help.
    deal: Option<RepairDeal>,
    commitments: BTreeMap<SignerId, Packet<RepairCommitments>>,
    pieces: BTreeMap<SignerId, Packet<RepairPieces>>,
    sums: BTreeMap<SignerId, Packet<RepairSum>>,
    pieces_begin: Option<Vec<SignerDigest>>,
    sum_begin: Option<Vec<SignerDigest>>,
    end_begin: Option<Vec<SignerDigest>>,
    /// Every helper's commitments, checked.
    checked: Option<Deals>,
    stage: Stage,
}

type Deals = BTreeMap<SignerId, BTreeMap<SignerId, Vec<crate::crypto::Point>>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Committed,
    Dealt,
    Over,
}

/// The shares a repair restored, checked against the group's public keys.
pub(super) struct Restored {
    pub dkg_id: u64,
    pub epoch: u64,
    pub keys: SignerKeys,
}

/// Check `RepairBegin` against our state (see the module docs); the set.
pub(super) fn check_begin(
    begin: &RepairBegin,
    ctx: &Ctx<'_>,
    key: Option<(u64, u64)>,
) -> Result<RepairSet, StateError> {
    const NAME: &str = "RepairBegin";
    let set = begin.check_config(&ctx.config.keys).map_err(|e| invalid(NAME, e))?;
    match (key, ctx.keys.public_keys()) {
        _ if begin.repaired == ctx.me && key.is_some() => Err(invalid(NAME, "we hold our shares")),
        _ if begin.repaired == ctx.me => Ok(set),
        (Some((dkg_id, epoch)), Some(public)) => {
            begin.check_against(dkg_id, epoch, public).map_err(|e| invalid(NAME, e))?;
            Ok(set)
        }
        _ => Err(StateError::NoKey),
    }
}

impl RepairRound {
    /// Step 1: our commitments (a helper's) and key-exchange key.
    pub fn start(ctx: &mut Ctx<'_>, begin: RepairBegin, set: RepairSet) -> Result<(Self, Fx), StateError> {
        let deal = match begin.helpers.contains_key(&ctx.me) {
            true => Some(ctx.keys.deal_repair(&set, ctx.signer.rng).map_err(|e| invalid("RepairBegin", e))?),
            false => None,
        };
        let kex = KexKeyPair::generate(ctx.signer.rng);
        let kex_proof =
            ProofOfPossession::prove(&kex.secret, &kex.public, &kex_context(begin.repair_id, ctx.me), ctx.signer.rng);
        let commitments = deal.iter().flat_map(|d| &d.commitments);
        let commitments = commitments.map(|(h, p)| HelperCommitments { helper: *h, points: p.clone() }).collect();
        let m = RepairCommitments {
            repair_id: begin.repair_id,
            signer_id: ctx.me,
            commitments,
            kex_public: kex.public,
            kex_proof,
        };
        let packet = ctx.signer.sign(m);
        let mut fx = Fx::default();
        fx.send(Destination::Coordinator, &packet);
        let mut round = RepairRound {
            me: ctx.me,
            begin,
            set,
            kex,
            deal,
            commitments: BTreeMap::new(),
            pieces: BTreeMap::new(),
            sums: BTreeMap::new(),
            pieces_begin: None,
            sum_begin: None,
            end_begin: None,
            checked: None,
            stage: Stage::Committed,
        };
        round.commitments.insert(ctx.me, packet);
        Ok((round, fx))
    }

    pub fn repair_id(&self) -> u64 {
        self.begin.repair_id
    }

    pub fn on_commitments(&mut self, ctx: &mut Ctx<'_>, from: SignerId, p: Packet<RepairCommitments>) -> Fx {
        self.commitments.entry(from).or_insert(p);
        self.advance(ctx)
    }

    pub fn on_pieces(&mut self, ctx: &mut Ctx<'_>, from: SignerId, p: Packet<RepairPieces>) -> Fx {
        self.pieces.entry(from).or_insert(p);
        self.advance(ctx)
    }

    pub fn on_sum(&mut self, ctx: &mut Ctx<'_>, from: SignerId, p: Packet<RepairSum>) -> Fx {
        self.sums.entry(from).or_insert(p);
        self.advance(ctx)
    }

    pub fn on_pieces_begin(&mut self, ctx: &mut Ctx<'_>, m: RepairPiecesBegin) -> Result<Fx, StateError> {
        let helpers = self.begin.participants();
        check_listed("RepairPiecesBegin", &m.commitment_digests, &helpers)?;
        self.pieces_begin = Some(m.commitment_digests);
        Ok(self.advance(ctx))
    }

    pub fn on_sum_begin(&mut self, ctx: &mut Ctx<'_>, m: RepairSumBegin) -> Result<Fx, StateError> {
        let helpers: Vec<SignerId> = self.begin.helpers.keys().copied().collect();
        check_listed("RepairSumBegin", &m.piece_digests, &helpers)?;
        self.sum_begin = Some(m.piece_digests);
        Ok(self.advance(ctx))
    }

    pub fn on_end_begin(&mut self, ctx: &mut Ctx<'_>, m: RepairEndBegin) -> Result<Fx, StateError> {
        let helpers: Vec<SignerId> = self.begin.helpers.keys().copied().collect();
        check_listed("RepairEndBegin", &m.sum_digests, &helpers)?;
        self.end_begin = Some(m.sum_digests);
        Ok(self.advance(ctx))
    }

    /// Go as far as the listed packets in hand allow.
    fn advance(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let mut fx = Fx::default();
        let helping = self.deal.is_some();
        if self.stage == Stage::Committed && helping && holds(&self.pieces_begin, &self.commitments) {
            fx.extend(self.send_pieces(ctx));
        }
        if self.stage == Stage::Dealt && holds(&self.sum_begin, &self.pieces) {
            fx.extend(self.send_sum(ctx));
        }
        let commitments_in = holds(&self.pieces_begin, &self.commitments);
        if self.stage == Stage::Committed && !helping && commitments_in && holds(&self.end_begin, &self.sums) {
            fx.extend(self.restore(ctx));
        }
        fx
    }

    /// The helpers' deals, once each passed the public check (checked once,
    /// when the coordinator has listed them all).
    fn deals<R: RngCore + CryptoRng>(&mut self, rng: &mut R) -> Result<Deals, RepairError> {
        if let Some(deals) = &self.checked {
            return Ok(deals.clone());
        }
        let deals = crate::blame::repair::deals_of(self.commitments.iter().map(|(s, p)| (*s, p.message())));
        self.set.check_deals(&deals, &self.begin.public_keys, rng)?;
        self.checked = Some(deals.clone());
        Ok(deals)
    }

    fn kex_of(&self, signer: SignerId) -> Option<crate::crypto::Point> {
        self.commitments.get(&signer).map(|p| p.message().kex_public)
    }

    fn evidence(&self, ctx: &mut Ctx<'_>, against: &[SignerId]) -> BTreeMap<SignerId, BadShareEvidence> {
        against.iter().filter_map(|&s| Some((s, self.prove_against(s, ctx.signer.rng)?))).collect()
    }

    /// Our ECDH key with `against` in this attempt, and its DH-tuple proof.
    pub fn prove_against<R: RngCore + CryptoRng>(&self, against: SignerId, rng: &mut R) -> Option<BadShareEvidence> {
        let tuple = TupleContext { dkg_id: self.begin.repair_id, prover: self.me, other: against };
        let (shared_key, proof) = TupleProof::prove(&self.kex.secret, &self.kex_of(against)?, &tuple, rng);
        Some(BadShareEvidence { shared_key, proof })
    }

    /// The attempt's helpers.
    pub fn helpers(&self) -> Vec<SignerId> {
        self.begin.helpers.keys().copied().collect()
    }

    /// Open what `sender` encrypted to us.
    fn open(&self, sender: SignerId, ciphertext: &encryption::Ciphertext) -> Option<Vec<SecretScalar>> {
        let ctx = CipherContext { dkg_id: self.begin.repair_id, sender, recipient: self.me };
        let key = encryption::derive_key(&self.kex.shared_point(&self.kex_of(sender)?), &ctx);
        encryption::decrypt_shares(&key, &ctx, ciphertext, self.begin.lost.len()).ok()
    }

    /// Step 2: encrypt each other helper's pieces to its key-exchange key.
    fn send_pieces(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let mut fx = Fx::default();
        let checked = self.deals(ctx.signer.rng);
        let (Some(deal), Ok(_)) = (&self.deal, checked) else {
            self.stage = Stage::Over;
            return fx;
        };
        let mut pieces = Vec::new();
        for (&j, list) in deal.pieces.iter().filter(|(j, _)| **j != ctx.me) {
            let Some(kex) = self.kex_of(j) else { continue };
            let cctx = CipherContext { dkg_id: self.begin.repair_id, sender: ctx.me, recipient: j };
            let key = encryption::derive_key(&self.kex.shared_point(&kex), &cctx);
            let ciphertext = encryption::encrypt_shares(&key, &cctx, list, ctx.signer.rng);
            pieces.push(RecipientPieces { recipient: j, ciphertext });
        }
        let packet = ctx.signer.sign(RepairPieces { repair_id: self.begin.repair_id, signer_id: ctx.me, pieces });
        fx.send(Destination::Coordinator, &packet);
        self.pieces.insert(ctx.me, packet);
        self.stage = Stage::Dealt;
        fx
    }

    /// Step 3: check the pieces we received and send our sums, or accuse.
    fn send_sum(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let mut fx = Fx::default();
        self.stage = Stage::Over;
        let checked = self.deals(ctx.signer.rng);
        let (Some(deal), Ok(deals)) = (&self.deal, checked) else { return fx };
        let mut received: BTreeMap<SignerId, Vec<SecretScalar>> = BTreeMap::new();
        for (&i, p) in self.pieces.iter().filter(|(i, _)| **i != ctx.me) {
            if let Some(values) = p.message().ciphertext_for(ctx.me).and_then(|c| self.open(i, c)) {
                received.insert(i, values);
            }
        }
        if let Some(own) = deal.pieces.get(&ctx.me) {
            received.insert(ctx.me, own.clone());
        }
        let repaired = self.begin.repaired;
        let status = match self.set.sum_pieces(ctx.me, &received, &deals) {
            Ok(sums) => {
                let Some(kex) = self.kex_of(repaired) else { return fx };
                let cctx = CipherContext { dkg_id: self.begin.repair_id, sender: ctx.me, recipient: repaired };
                let key = encryption::derive_key(&self.kex.shared_point(&kex), &cctx);
                RepairSumStatus::Sum(encryption::encrypt_shares(&key, &cctx, &sums, ctx.signer.rng))
            }
            Err(RepairError::BadHelpers(bad)) => RepairSumStatus::BadPieces(self.evidence(ctx, &bad)),
            Err(_) => return fx,
        };
        let packet = ctx.signer.sign(RepairSum { repair_id: self.begin.repair_id, signer_id: ctx.me, status });
        fx.send(Destination::Coordinator, &packet);
        fx
    }

    /// The repaired signer's end: add the helpers' sums, check them, keep the shares.
    fn restore(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let mut fx = Fx::default();
        self.stage = Stage::Over;
        let (repair_id, me) = (self.begin.repair_id, ctx.me);
        let status = match self.deals(ctx.signer.rng) {
            Err(e) => Err(RepairEndStatus::BadState(e.to_string())),
            Ok(deals) => {
                let mut sums = BTreeMap::new();
                for (&j, p) in &self.sums {
                    if let RepairSumStatus::Sum(c) = &p.message().status {
                        if let Some(values) = self.open(j, c) {
                            sums.insert(j, values);
                        }
                    }
                }
                match self.set.recover(&sums, &deals, &self.begin.public_keys) {
                    Ok(shares) => Ok(shares),
                    Err(RepairError::BadHelpers(bad)) => Err(RepairEndStatus::BadSums(self.evidence(ctx, &bad))),
                    Err(e) => Err(RepairEndStatus::BadState(e.to_string())),
                }
            }
        };
        let status = match status.and_then(|shares| {
            let config = ctx.config.keys.clone();
            SignerKeys::from_shares(config, me, self.begin.public_keys.clone(), shares)
                .map_err(|e| RepairEndStatus::BadState(e.to_string()))
        }) {
            Ok(keys) => {
                let (dkg_id, epoch) = (self.begin.key_dkg_id, self.begin.epoch);
                fx.report(SignerEvent::Repaired { repair_id, dkg_id, epoch });
                fx.push(crate::state_machine::effects::Effect::Done(Outcome::Repaired(Box::new(Restored {
                    dkg_id,
                    epoch,
                    keys,
                }))));
                RepairEndStatus::Success
            }
            Err(status) => status,
        };
        let packet = ctx.signer.sign(RepairEnd { repair_id, signer_id: me, status });
        let mut out = Fx::default();
        out.send(Destination::Coordinator, &packet);
        out.extend(fx);
        out
    }
}

/// The coordinator lists exactly `expected`, each once.
fn check_listed(name: &'static str, listed: &[SignerDigest], expected: &[SignerId]) -> Result<(), StateError> {
    if listed.iter().map(|d| d.signer).ne(expected.iter().copied()) {
        return Err(invalid(name, "does not list exactly the attempt's participants"));
    }
    Ok(())
}

/// Do we hold every listed packet, each with the listed digest?
fn holds<M: Body>(listed: &Option<Vec<SignerDigest>>, held: &BTreeMap<SignerId, Packet<M>>) -> bool {
    listed.as_ref().is_some_and(|l| l.iter().all(|d| held.get(&d.signer).map(Packet::digest) == Some(d.digest)))
}
