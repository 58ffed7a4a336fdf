//! The signer driver's inputs for a repair: `RepairBegin` and the packets
//! of its attempt, routed to the [`super::repair`] round, and the restored
//! shares kept when it ends.

use super::{
    repair::{self, RepairRound, Restored},
    Fx, Signer,
};
use crate::{
    net::{RepairBegin, RepairCommitments, RepairEndBegin, RepairPieces, RepairPiecesBegin, RepairSum, RepairSumBegin},
    state_machine::StateError,
};

/// A packet of a repair attempt, routed by kind.
pub(super) enum RepairInput {
    Commitments(Box<crate::net::Packet<RepairCommitments>>),
    Pieces(crate::net::Packet<RepairPieces>),
    Sum(crate::net::Packet<RepairSum>),
    PiecesBegin(RepairPiecesBegin),
    SumBegin(RepairSumBegin),
    EndBegin(RepairEndBegin),
}

impl Signer {
    pub(super) fn on_repair_begin(&mut self, m: RepairBegin) -> Result<Fx, StateError> {
        let last = self.last_dkg_id().max(self.repair.as_ref().map(RepairRound::repair_id));
        if last.is_some_and(|l| m.repair_id <= l) {
            return Err(StateError::Replay { message: "RepairBegin" });
        }
        if !m.participants().contains(&self.state.signer_id) {
            return Ok(Fx::default());
        }
        let expected = self.expected_group_key.filter(|_| self.state.key_dkg_id.is_none());
        if expected.is_some_and(|k| k != m.public_keys.group_key) {
            return Err(StateError::UnexpectedGroupKey { message: "RepairBegin" });
        }
        let key = self.state.key_dkg_id.map(|k| (k, self.state.epoch));
        let (round, fx) = self.with_ctx(|ctx, _| {
            let set = repair::check_begin(&m, ctx, key)?;
            RepairRound::start(ctx, m, set)
        })?;
        self.repair = Some(round);
        Ok(fx)
    }

    /// Hand a packet to the repair attempt `repair_id`, if it is ours.
    pub(super) fn in_repair(&mut self, name: &'static str, repair_id: u64, input: RepairInput) -> Result<Fx, StateError> {
        let current = self.repair.as_ref().map(RepairRound::repair_id);
        if current != Some(repair_id) {
            return Err(match current {
                Some(c) if repair_id < c => StateError::Replay { message: name },
                _ => StateError::WrongDkgRound { message: name, got: repair_id, current },
            });
        }
        let mut round = self.repair.take();
        let fx = self.with_ctx(|ctx, _| {
            let Some(round) = round.as_mut() else { return Ok(Fx::default()) };
            Ok(match input {
                RepairInput::Commitments(p) => round.on_commitments(ctx, p.message().signer_id, *p),
                RepairInput::Pieces(p) => round.on_pieces(ctx, p.message().signer_id, p),
                RepairInput::Sum(p) => round.on_sum(ctx, p.message().signer_id, p),
                RepairInput::PiecesBegin(m) => round.on_pieces_begin(ctx, m)?,
                RepairInput::SumBegin(m) => round.on_sum_begin(ctx, m)?,
                RepairInput::EndBegin(m) => round.on_end_begin(ctx, m)?,
            })
        });
        self.repair = round;
        fx
    }

    /// The helpers of the repair attempt we take part in.
    pub fn repair_helpers(&self) -> Vec<crate::crypto::SignerId> {
        self.repair.as_ref().map(RepairRound::helpers).unwrap_or_default()
    }

    /// Our ECDH key with `against` in the repair attempt in progress, with
    /// its DH-tuple proof: what a complaint reveals (adversary simulations
    /// use it to accuse falsely with a valid proof).
    pub fn repair_evidence<R: rand_core::RngCore + rand_core::CryptoRng>(
        &self,
        against: crate::crypto::SignerId,
        rng: &mut R,
    ) -> Option<crate::net::BadShareEvidence> {
        self.repair.as_ref()?.prove_against(against, rng)
    }

    /// Our shares are back: they are the current epoch's, as before the loss.
    pub(super) fn finish_repair(&mut self, restored: Restored) {
        self.state.keys = restored.keys;
        self.state.key_dkg_id = Some(restored.dkg_id);
        self.state.epoch = restored.epoch;
        self.state.last_sign = None;
        self.signing = None;
        self.nonces.clear();
    }
}
