//! The driver's inputs: packets (decoded and authenticated once, then routed
//! by kind), timeouts, and the commands that start a round.

use super::{dkg::DkgRun, repair::RepairRun, roast::RoastRun, sign::SignRun, Coordinator, Ctx, Fx, Round};
use crate::{
    crypto::{bip340, signing::SignatureType, SignerId},
    net::{NonceBatch, Packet, Sender, SessionResponse, TypedPacket},
    state_machine::{Millis, StateError},
};

impl Coordinator {
    /// Handle one received packet.
    pub fn handle_packet(&mut self, bytes: &[u8], now: Millis) -> Result<(), StateError> {
        let packet = Packet::from_bytes(bytes, self.network())?;
        let name = packet.message().name();
        let Sender::Signer(from) = packet.sender() else {
            return Err(StateError::Unexpected { message: name, state: "coordinators take packets from signers only" });
        };
        let fx = self.route(from, packet.typed(), now)?;
        self.apply(fx);
        Ok(())
    }

    /// Hand a packet to the round it belongs to.
    fn route(&mut self, from: SignerId, packet: TypedPacket, now: Millis) -> Result<Fx, StateError> {
        match packet {
            TypedPacket::DkgPublicShares(p) => {
                self.in_dkg("DkgPublicShares", p.message().dkg_id, now, |run, ctx| run.on_public_shares(ctx, from, p))
            }
            TypedPacket::DkgPrivateShares(p) => {
                self.in_dkg("DkgPrivateShares", p.message().dkg_id, now, |run, ctx| run.on_private_shares(ctx, from, p))
            }
            TypedPacket::DkgEnd(p) if self.is_finished_dkg(p.message().dkg_id) => {
                let key = self.state.key.as_mut().ok_or(StateError::NoKey)?;
                key.catchup.confirm(from, p.message(), &key.public_keys.group_key)?;
                Ok(Fx::default())
            }
            TypedPacket::DkgEnd(p) => {
                self.in_dkg("DkgEnd", p.message().dkg_id, now, |run, ctx| run.on_end(ctx, from, p))
            }
            TypedPacket::TranscriptRequest(p) if self.is_finished_dkg(p.message().dkg_id) => {
                let key = self.state.key.as_mut().ok_or(StateError::NoKey)?;
                key.catchup.answer(from, p.message(), key.end_begin.as_ref())
            }
            TypedPacket::TranscriptRequest(p) => {
                self.in_dkg("TranscriptRequest", p.message().dkg_id, now, |run, ctx| {
                    run.on_transcript_request(ctx, from, p.message())
                })
            }
            TypedPacket::NonceResponse(p) => {
                self.in_signing("NonceResponse", now, |run, ctx| run.on_nonce(ctx, from, p))
            }
            TypedPacket::SignatureShareResponse(p) => {
                self.in_signing("SignatureShareResponse", now, |run, ctx| run.on_share(ctx, from, p))
            }
            TypedPacket::NonceBatch(p) => self.on_nonce_batch(from, p, now),
            TypedPacket::RepairCommitments(p) => self.in_repair(p.message().repair_id, now, |r, c| r.on_commitments(c, from, p)),
            TypedPacket::RepairPieces(p) => self.in_repair(p.message().repair_id, now, |r, c| r.on_pieces(c, from, p)),
            TypedPacket::RepairSum(p) => self.in_repair(p.message().repair_id, now, |r, c| r.on_sum(c, from, p)),
            TypedPacket::RepairEnd(p) => self.in_repair(p.message().repair_id, now, |r, c| r.on_end(c, from, p)),
            TypedPacket::SessionResponse(p) if !matches!(&self.state.round, Round::Roast(run) if run.sign_id == p.message().sign_id) => {
                self.late_session_response(from, &p, now)
            }
            TypedPacket::SessionResponse(p) => {
                self.in_roast("SessionResponse", now, |run, ctx| run.on_response(ctx, from, p))
            }
            // `Packet::from_bytes` refuses these from a signer already.
            TypedPacket::DkgBegin(p) => Err(not_from_signers(p.message())),
            TypedPacket::DkgPrivateBegin(p) => Err(not_from_signers(p.message())),
            TypedPacket::DkgEndBegin(p) => Err(not_from_signers(p.message())),
            TypedPacket::NonceRequest(p) => Err(not_from_signers(p.message())),
            TypedPacket::SignatureShareRequest(p) => Err(not_from_signers(p.message())),
            TypedPacket::NonceBatchRequest(p) => Err(not_from_signers(p.message())),
            TypedPacket::SessionRequest(p) => Err(not_from_signers(p.message())),
            TypedPacket::ReshareBegin(p) => Err(not_from_signers(p.message())),
            TypedPacket::EpochConfirmed(p) => Err(not_from_signers(p.message())),
            TypedPacket::RepairBegin(p) => Err(not_from_signers(p.message())),
            TypedPacket::RepairPiecesBegin(p) => Err(not_from_signers(p.message())),
            TypedPacket::RepairSumBegin(p) => Err(not_from_signers(p.message())),
            TypedPacket::RepairEndBegin(p) => Err(not_from_signers(p.message())),
            // Commitments travel inside a `NonceBatch` or `SessionResponse`.
            TypedPacket::NonceCommitment(p) => {
                Err(StateError::Unexpected { message: crate::net::Body::name(p.message()), state: "commitments travel embedded" })
            }
        }
    }

    /// Is `dkg_id` the attempt that made the current key, over?
    fn is_finished_dkg(&self, dkg_id: u64) -> bool {
        let live = matches!(&self.state.round, Round::Dkg(run) if run.dkg_id() == Some(dkg_id));
        !live && self.state.key.as_ref().is_some_and(|k| k.dkg_id == dkg_id)
    }

    fn in_dkg(
        &mut self,
        name: &'static str,
        dkg_id: u64,
        now: Millis,
        call: impl FnOnce(&mut DkgRun, &mut Ctx<'_>) -> Result<Fx, StateError>,
    ) -> Result<Fx, StateError> {
        let last = self.state.ids.last_dkg_id;
        let (round, mut ctx) = self.split(now);
        let current = match round {
            Round::Dkg(run) => run.dkg_id(),
            _ => None,
        };
        match round {
            Round::Dkg(run) if current == Some(dkg_id) => call(run, &mut ctx),
            _ if dkg_id <= last => Err(StateError::Replay { message: name }),
            _ => Err(StateError::WrongDkgRound { message: name, got: dkg_id, current }),
        }
    }

    fn in_signing(
        &mut self,
        name: &'static str,
        now: Millis,
        call: impl FnOnce(&mut SignRun, &mut Ctx<'_>) -> Result<Fx, StateError>,
    ) -> Result<Fx, StateError> {
        let (round, mut ctx) = self.split(now);
        match round {
            Round::Sign(run) => call(run, &mut ctx),
            _ => Err(StateError::Unexpected { message: name, state: "not signing" }),
        }
    }

    fn in_repair(
        &mut self,
        repair_id: u64,
        now: Millis,
        call: impl FnOnce(&mut RepairRun, &mut Ctx<'_>) -> Result<Fx, StateError>,
    ) -> Result<Fx, StateError> {
        let last = self.state.ids.last_dkg_id;
        let (round, mut ctx) = self.split(now);
        match round {
            Round::Repair(run) if run.repair_id() == Some(repair_id) => call(run, &mut ctx),
            _ if repair_id <= last => Err(StateError::Replay { message: "a repair packet" }),
            _ => Err(StateError::Unexpected { message: "a repair packet", state: "no such repair attempt" }),
        }
    }

    fn in_roast(
        &mut self,
        name: &'static str,
        now: Millis,
        call: impl FnOnce(&mut RoastRun, &mut Ctx<'_>) -> Result<Fx, StateError>,
    ) -> Result<Fx, StateError> {
        let (round, mut ctx) = self.split(now);
        match round {
            Round::Roast(run) => call(run, &mut ctx),
            _ => Err(StateError::Unexpected { message: name, state: "no ROAST signing round" }),
        }
    }

    /// A reply to a session of a ROAST round that is over (it came after
    /// the signature): its share is moot, its fresh commitment is kept.
    fn late_session_response(&mut self, from: SignerId, p: &Packet<SessionResponse>, now: Millis) -> Result<Fx, StateError> {
        let r = p.message();
        let over = self.state.policy.runs_sessions() && r.sign_id <= self.state.ids.last_sign_id;
        if !over || matches!(&self.state.round, Round::Roast(run) if run.sign_id == r.sign_id) {
            return Err(StateError::Replay { message: "SessionResponse" });
        }
        let (_, mut ctx) = self.split(now);
        let fresh = super::roast::check_commitments(&mut ctx, "SessionResponse", from, &r.next)?;
        ctx.nonces.add(from, fresh);
        Ok(Fx::default())
    }

    /// ROAST commitments: taken into the round in progress, or (sent ahead
    /// of time) kept for the next one.
    fn on_nonce_batch(&mut self, from: SignerId, p: Packet<NonceBatch>, now: Millis) -> Result<Fx, StateError> {
        if !self.state.policy.runs_sessions() {
            return Err(StateError::Unexpected { message: "NonceBatch", state: "not a ROAST coordinator" });
        }
        let (round, mut ctx) = self.split(now);
        match round {
            Round::Roast(run) => run.on_batch(&mut ctx, from, p),
            Round::Idle => {
                let fresh = super::roast::check_commitments(&mut ctx, "NonceBatch", from, &p.message().commitments)?;
                ctx.nonces.add(from, fresh);
                Ok(Fx::default())
            }
            _ => Err(StateError::Unexpected { message: "NonceBatch", state: "in DKG" }),
        }
    }

    /// The next instant `handle_timeout` must be called, if any.
    pub fn poll_timeout(&self) -> Option<Millis> {
        match &self.state.round {
            Round::Idle => None,
            Round::Dkg(run) => run.deadline(),
            Round::Sign(run) => run.deadline(),
            // ROAST needs no deadline: replies alone drive it.
            Round::Roast(_) => None,
            Round::Repair(run) => run.deadline(),
        }
    }

    pub fn handle_timeout(&mut self, now: Millis) {
        if self.poll_timeout().is_none_or(|t| now < t) {
            return;
        }
        let (round, mut ctx) = self.split(now);
        let fx = match round {
            Round::Dkg(run) => run.on_timeout(&mut ctx),
            Round::Sign(run) => run.on_timeout(&mut ctx),
            Round::Repair(run) => run.on_timeout(&mut ctx),
            Round::Roast(_) | Round::Idle => return,
        };
        self.apply(fx);
    }

    /// Start DKG among every signer not proven malicious.
    pub fn start_dkg(&mut self, now: Millis) -> Result<(), StateError> {
        if !self.is_idle() {
            return Err(StateError::Busy(self.phase_name()));
        }
        self.state.progress = Default::default();
        let (_, mut ctx) = self.split(now);
        let (run, fx) = DkgRun::start(&mut ctx);
        self.state.round = Round::Dkg(Box::new(run));
        self.apply(fx);
        Ok(())
    }

    /// Start a signing round over `message`.
    pub fn start_signing(&mut self, message: &[u8], sig_type: SignatureType, now: Millis) -> Result<u64, StateError> {
        if !self.is_idle() {
            return Err(StateError::Busy(self.phase_name()));
        }
        let key = self.state.key.as_ref().ok_or(StateError::NoKey)?;
        let group_key = key.public_keys.group_key;
        if let SignatureType::Taproot { merkle_root } = sig_type {
            bip340::tweaked_key(&group_key, merkle_root.as_ref())
                .map_err(|e| StateError::Invalid { message: "taproot merkle root", reason: e.to_string() })?;
        }
        self.state.unresponsive.clear();
        self.state.ids.last_sign_id += 1;
        let sign_id = self.state.ids.last_sign_id;
        self.state.journal.signing_started(sig_type, message, Some(&group_key));
        self.state.progress.sign = None;
        let sessions = self.state.policy.runs_sessions();
        let (_, mut ctx) = self.split(now);
        let (round, fx) = if sessions {
            let (run, fx) = RoastRun::start(&mut ctx, sign_id, message, sig_type);
            (Round::Roast(Box::new(run)), fx)
        } else {
            let (run, fx) = SignRun::start(&mut ctx, sign_id, message, sig_type);
            (Round::Sign(Box::new(run)), fx)
        };
        self.state.round = round;
        self.apply(fx);
        Ok(sign_id)
    }
}

fn not_from_signers(message: &impl crate::net::Body) -> StateError {
    StateError::Unexpected { message: message.name(), state: "signers do not send this" }
}
