//! The signer's DKG round, as a stage enum.
//!
//! On `DkgBegin` it publishes its commitments; once `DkgPrivateBegin` names
//! the included signers *and* it holds each one's public shares with the
//! digest the coordinator lists, it sends encrypted shares; once
//! `DkgEndBegin` lists the private-share packets and it holds each with the
//! listed digest, it finishes and reports `DkgEnd`. Whatever it lacks or
//! holds in a different copy, it asks the coordinator for
//! (`TranscriptRequest`) instead of accusing anyone: it only ever accuses on
//! the coordinator's own copy. A sender's second, different signed packet is
//! evidence of equivocation: the signer goes on with the coordinator's copy
//! and reports it in `DkgEnd`.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{
    store::{Listing, PacketStore, Stored},
    Ctx, Fx, Outcome,
};
use crate::{
    crypto::{Point, SignerId},
    net::{
        Body, DkgEnd, DkgEndBegin, DkgEndFailure, DkgPrivateBegin, DkgPrivateShares, DkgPublicShares, DkgStatus,
        Packet, SharePayload, TranscriptRequest,
    },
    state_machine::{effects::Effect, events::SignerEvent, invalid, Destination, StateError},
};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct DkgRound {
    pub dkg_id: u64,
    invited: BTreeSet<SignerId>,
    public: PacketStore<DkgPublicShares>,
    private: PacketStore<DkgPrivateShares>,
    stage: Stage,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
enum Stage {
    /// Not invited to this attempt.
    NotInvited,
    /// Our public shares are out; waiting for `DkgPrivateBegin`.
    Committed,
    /// `DkgPrivateBegin` in hand; collecting the public shares it lists.
    CollectingPublic { begin: DkgPrivateBegin },
    /// Our private shares are out; waiting for `DkgEndBegin`. `asked` once
    /// we asked the coordinator for it.
    Dealt { begin: DkgPrivateBegin, asked: bool },
    /// `DkgEndBegin` in hand; collecting the private shares it lists.
    CollectingPrivate { begin: DkgPrivateBegin, end: DkgEndBegin },
    /// We reported our result, or were left out.
    Done,
}

const OVER: &str = "this DKG round is over for us";

impl DkgRound {
    /// Take part in `dkg_id` if invited: deal polynomials, publish commitments.
    pub fn start(ctx: &mut Ctx<'_>, dkg_id: u64, invited: BTreeSet<SignerId>) -> (Self, Fx) {
        let mut round = DkgRound {
            dkg_id,
            invited,
            public: PacketStore::default(),
            private: PacketStore::default(),
            stage: Stage::NotInvited,
        };
        if !round.invited.contains(&ctx.me) {
            return (round, Fx::default());
        }
        let public = ctx.keys.start_dkg(dkg_id, ctx.signer.rng);
        let fx = round.commit(ctx, public);
        (round, fx)
    }

    /// A reshare's round, which we take part in: `public` is ours.
    pub fn reshare(ctx: &mut Ctx<'_>, invited: BTreeSet<SignerId>, public: DkgPublicShares) -> (Self, Fx) {
        let (public_store, private) = (PacketStore::default(), PacketStore::default());
        let dkg_id = public.dkg_id;
        let mut round = DkgRound { dkg_id, invited, public: public_store, private, stage: Stage::NotInvited };
        let fx = round.commit(ctx, public);
        (round, fx)
    }

    /// Publish our commitments and key-exchange key.
    fn commit(&mut self, ctx: &mut Ctx<'_>, public: DkgPublicShares) -> Fx {
        let mut fx = Fx::default();
        let packet = ctx.signer.sign(public);
        fx.send(Destination::Coordinator, &packet);
        // Keep our own signed copy, pruned as peers keep it.
        self.public.held.insert(ctx.me, packet.pruned());
        self.stage = Stage::Committed;
        fx
    }

    pub fn is_over(&self) -> bool {
        matches!(self.stage, Stage::NotInvited | Stage::Done)
    }

    fn listed_public(&self) -> Option<&DkgPrivateBegin> {
        match &self.stage {
            Stage::CollectingPublic { begin } | Stage::Dealt { begin, .. } | Stage::CollectingPrivate { begin, .. } => {
                Some(begin)
            }
            _ => None,
        }
    }

    /// A peer's public shares, forwarded by the coordinator or sent directly.
    pub fn on_public_shares(
        &mut self,
        ctx: &mut Ctx<'_>,
        from: SignerId,
        packet: Packet<DkgPublicShares>,
    ) -> Result<Fx, StateError> {
        self.check_peer(packet.message().name(), from)?;
        let listed = self.listed_public().and_then(|b| b.public_digests.iter().find(|d| d.signer == from));
        let (digest, listed) = (packet.digest(), listed.map(|d| d.digest));
        // Keep only what we need: the constant terms.
        match self.public.offer(ctx.me, from, packet.pruned(), digest, listed)? {
            Stored::OwnEcho => Ok(Fx::default()),
            Stored::Kept => Ok(self.advance(ctx)),
        }
    }

    /// A peer's private shares: a copy holding our ciphertext.
    pub fn on_private_shares(
        &mut self,
        ctx: &mut Ctx<'_>,
        from: SignerId,
        packet: Packet<DkgPrivateShares>,
    ) -> Result<Fx, StateError> {
        let name = packet.message().name();
        if from != ctx.me && !matches!(packet.message().entry_for(ctx.me), Some(SharePayload::Ciphertext(_)) | None) {
            return Err(invalid(name, "copy pruned for another recipient"));
        }
        self.check_peer(name, from)?;
        let listed = match &self.stage {
            Stage::CollectingPrivate { end, .. } => end.private_digests.iter().find(|d| d.signer == from),
            _ => None,
        };
        let (digest, listed) = (packet.digest(), listed.map(|d| d.digest));
        // Keep only what we need: our own ciphertext.
        match self.private.offer(ctx.me, from, packet.pruned_for(ctx.me), digest, listed)? {
            Stored::OwnEcho => Ok(Fx::default()),
            Stored::Kept => Ok(self.advance(ctx)),
        }
    }

    fn check_peer(&self, name: &'static str, from: SignerId) -> Result<(), StateError> {
        if self.is_over() {
            return Err(StateError::Unexpected { message: name, state: OVER });
        }
        if !self.invited.contains(&from) {
            return Err(StateError::NotParticipating { message: name, signer: from });
        }
        Ok(())
    }

    pub fn on_private_begin(&mut self, ctx: &mut Ctx<'_>, begin: DkgPrivateBegin) -> Result<Fx, StateError> {
        const NAME: &str = "DkgPrivateBegin";
        match self.stage {
            Stage::Committed => {}
            // Sent to every signer: nothing for one not invited.
            Stage::NotInvited => return Ok(Fx::default()),
            Stage::Done => return Err(StateError::Unexpected { message: NAME, state: OVER }),
            _ => return Err(StateError::Duplicate { message: NAME, from: crate::net::Sender::Coordinator }),
        }
        if begin.public_digests.iter().any(|d| !self.invited.contains(&d.signer)) {
            return Err(invalid(NAME, "lists a signer that was not invited"));
        }
        self.stage = Stage::CollectingPublic { begin };
        Ok(self.advance(ctx))
    }

    pub fn on_end_begin(&mut self, ctx: &mut Ctx<'_>, end: DkgEndBegin) -> Result<Fx, StateError> {
        const NAME: &str = "DkgEndBegin";
        let begin = match &self.stage {
            Stage::CollectingPublic { begin } | Stage::Dealt { begin, .. } => begin,
            Stage::Committed => return Err(StateError::Unexpected { message: NAME, state: "before DkgPrivateBegin" }),
            Stage::CollectingPrivate { .. } => {
                return Err(StateError::Duplicate { message: NAME, from: crate::net::Sender::Coordinator })
            }
            Stage::NotInvited => return Ok(Fx::default()),
            Stage::Done => return Err(StateError::Unexpected { message: NAME, state: OVER }),
        };
        if end.private_digests.iter().any(|d| !begin.public_digests.iter().any(|p| p.signer == d.signer)) {
            return Err(invalid(NAME, "lists a signer whose public shares were not included"));
        }
        let receives = ctx.reshare.as_ref().is_none_or(|r| r.receives(ctx.me));
        let deals = ctx.reshare.as_ref().is_none_or(|r| r.deals(ctx.me));
        if matches!(self.stage, Stage::Dealt { .. }) && !receives {
            // A dealer leaving the signer set: nothing to collect.
            self.leave();
            return Ok(Fx::default());
        }
        if matches!(self.stage, Stage::Dealt { .. }) || !deals {
            self.stage = Stage::CollectingPrivate { begin: begin.clone(), end };
            return Ok(self.advance(ctx));
        }
        // We never sent private shares, so the coordinator went on without us.
        if end.private_digests.iter().any(|d| d.signer == ctx.me) {
            let failure = DkgEndFailure::BadState("DkgEndBegin lists private shares we never sent".into());
            return Ok(self.finish(ctx, Err(failure)));
        }
        self.leave();
        Ok(Fx::default())
    }

    /// A request for this DKG's key reached us: if we dealt but never got
    /// `DkgEndBegin`, ask the coordinator for it. `None` if there is nothing
    /// to ask.
    pub fn on_key_request(&mut self, ctx: &mut Ctx<'_>) -> Option<Fx> {
        let Stage::Dealt { asked, .. } = &mut self.stage else { return None };
        if *asked {
            return None;
        }
        *asked = true;
        Some(self.request(ctx, vec![], vec![], true))
    }

    /// Take every step the packets in hand allow.
    fn advance(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        match &self.stage {
            Stage::CollectingPublic { begin } => {
                match self.public.listing(&begin.public_digests, Some(ctx.me), "DkgPrivateBegin misstates our public shares")
                {
                    Listing::Complete => self.deal(ctx),
                    // Our public shares did not reach the coordinator in time.
                    Listing::LeftOut => {
                        self.leave();
                        Fx::default()
                    }
                    Listing::Failed(failure) => self.finish(ctx, Err(failure)),
                    Listing::Missing(signers) => self.request(ctx, signers, vec![], false),
                }
            }
            Stage::CollectingPrivate { begin, end } => {
                // A reshare's non-dealer may get here before every public packet.
                match self.public.listing(&begin.public_digests, Some(ctx.me), "DkgPrivateBegin misstates our public shares") {
                    Listing::Complete => {}
                    Listing::Missing(signers) => return self.request(ctx, signers, vec![], false),
                    Listing::LeftOut => {
                        self.leave();
                        return Fx::default();
                    }
                    Listing::Failed(failure) => return self.finish(ctx, Err(failure)),
                }
                let me = ctx.reshare.as_ref().is_none_or(|r| r.deals(ctx.me)).then_some(ctx.me);
                match self.private.listing(&end.private_digests, me, "DkgEndBegin misstates our private shares") {
                    Listing::Complete => {
                        let result = self.compute_key(ctx);
                        self.finish(ctx, result)
                    }
                    Listing::LeftOut => {
                        self.leave();
                        Fx::default()
                    }
                    Listing::Failed(failure) => self.finish(ctx, Err(failure)),
                    Listing::Missing(signers) => self.request(ctx, vec![], signers, false),
                }
            }
            Stage::NotInvited | Stage::Committed | Stage::Dealt { .. } | Stage::Done => Fx::default(),
        }
    }

    /// Every listed public-shares packet is in: encrypt and send our shares.
    fn deal(&mut self, ctx: &mut Ctx<'_>) -> Fx {
        let Stage::CollectingPublic { begin } = &self.stage else { return Fx::default() };
        let begin = begin.clone();
        let peers = self.public.messages(begin.public_digests.iter().map(|d| &d.signer));
        let mut fx = Fx::default();
        let shares = match &ctx.reshare {
            Some(r) if !r.deals(ctx.me) => {
                self.stage = Stage::Dealt { begin, asked: false };
                return fx;
            }
            Some(r) => r.keys.encrypt_shares(&peers, ctx.signer.rng),
            None => ctx.keys.encrypt_shares(&peers, ctx.signer.rng),
        };
        let Some(shares) = shares else {
            return self.finish(ctx, Err(DkgEndFailure::BadState("no DKG secrets for this attempt".into())));
        };
        let packet = ctx.signer.sign(shares);
        fx.send(Destination::Coordinator, &packet);
        self.private.held.insert(ctx.me, packet.pruned_for(ctx.me));
        self.stage = Stage::Dealt { begin, asked: false };
        fx
    }

    /// Every listed packet is in: check it all and make our key shares.
    fn compute_key(&mut self, ctx: &mut Ctx<'_>) -> Result<(Point, Outcome), DkgEndFailure> {
        let Stage::CollectingPrivate { begin, end } = &self.stage else {
            return Err(DkgEndFailure::BadState("not collecting private shares".into()));
        };
        // A sender that signed two different packets for this round is
        // reported now, in `DkgEnd`, when the coordinator takes reports.
        let public = begin.public_digests.iter().find_map(|d| self.public.equivocation(d.signer, &d.digest));
        let private = end.private_digests.iter().find_map(|d| self.private.equivocation(d.signer, &d.digest));
        if let Some(failure) = public.or(private) {
            return Err(failure);
        }
        if let Some(r) = ctx.reshare.as_ref() {
            let public = self.public.messages(begin.public_digests.iter().map(|d| &d.signer));
            let private = self.private.messages(end.private_digests.iter().map(|d| &d.signer));
            return super::reshare::finish_epoch(r, ctx.me, end, &public, &private, ctx.signer.rng);
        }
        let keys = &ctx.config.keys;
        if keys.weight_of(end.private_digests.iter().map(|d| &d.signer)) < keys.dkg_threshold {
            return Err(DkgEndFailure::Threshold);
        }
        if end.aggregate_rest.len() + 1 != keys.threshold as usize {
            return Err(DkgEndFailure::BadState("DkgEndBegin's summed commitment has the wrong length".into()));
        }
        let dealers: BTreeSet<SignerId> = end.private_digests.iter().map(|d| d.signer).collect();
        let public = self.public.messages(dealers.iter());
        let private = self.private.messages(dealers.iter());
        ctx.keys
            .finish_dkg(&dealers, &public, &private, &end.aggregate_rest, ctx.signer.rng)
            .map(|keys| (keys.group_key, Outcome::Key { dkg_id: self.dkg_id }))
            .map_err(DkgEndFailure::Shares)
    }

    /// Ask the coordinator for what we lack (each packet once).
    fn request(&mut self, ctx: &mut Ctx<'_>, public: Vec<SignerId>, private: Vec<SignerId>, end_begin: bool) -> Fx {
        let (public, private) = (self.public.mark_requested(public), self.private.mark_requested(private));
        let mut fx = Fx::default();
        if public.is_empty() && private.is_empty() && !end_begin {
            return fx;
        }
        let request = TranscriptRequest { dkg_id: self.dkg_id, signer_id: ctx.me, public, private, end_begin };
        fx.send(Destination::Coordinator, &ctx.signer.sign(request));
        fx
    }

    /// End our part in this round without a result (we were left out). The
    /// coordinator keeps the transcript for blame; we need it no longer.
    fn leave(&mut self) {
        self.stage = Stage::Done;
        self.public = PacketStore::default();
        self.private = PacketStore::default();
    }

    /// Report our result.
    fn finish(&mut self, ctx: &mut Ctx<'_>, result: Result<(Point, Outcome), DkgEndFailure>) -> Fx {
        self.leave();
        let dkg_id = self.dkg_id;
        let mut fx = Fx::default();
        let status = match result {
            Ok((group_key, outcome)) => {
                fx.report(match &outcome {
                    Outcome::Key { .. } => SignerEvent::DkgComplete { dkg_id, group_key },
                    Outcome::Epoch(e) => SignerEvent::Reshared { dkg_id, epoch: e.epoch, group_key },
                    // A DKG round never repairs.
                    Outcome::Repaired(r) => SignerEvent::Repaired { repair_id: dkg_id, dkg_id: r.dkg_id, epoch: r.epoch },
                });
                fx.push(Effect::Done(outcome));
                DkgStatus::Success { group_key }
            }
            Err(failure) => {
                fx.report(SignerEvent::DkgFailed { dkg_id, failure: failure.clone() });
                DkgStatus::Failure(failure)
            }
        };
        fx.send(Destination::Coordinator, &ctx.signer.sign(DkgEnd { dkg_id, signer_id: ctx.me, status }));
        fx
    }
}
