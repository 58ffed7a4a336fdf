//! The signer's side of ROAST (Ruffing et al., CCS 2022, Fig. 3): nonce
//! commitments made ahead of time, and one signature share per session.
//!
//! **A nonce signs once.** Secret nonces live only in memory in a
//! [`NonceStore`], keyed by the commitment's index within this run's random
//! epoch; a session takes its nonce out before signing, so it is spent even
//! if signing then fails, and a request naming it again is refused with
//! [`StateError::NonceSpent`]. Nothing here is saved: a restored signer
//! draws a new epoch, and a request naming a commitment of an earlier epoch
//! (which it cannot prove unused) is answered with fresh commitments of the
//! new epoch instead, which also tells the coordinator to drop the old ones.

use std::collections::{BTreeMap, BTreeSet};

use rand_core::RngCore;

use super::{Ctx, Fx, Signer, State};
use crate::{
    crypto::{
        nonce::{PublicNonce, SigningNonces},
        signing::SigningSession,
        SignerId,
    },
    net::{NonceBatch, NonceBatchRequest, NonceCommitment, Packet, SessionRequest, SessionResponse, Sender, SignedBytes},
    state_machine::{
        effects::PacketSigner, events::SignerEvent, invalid, policy::MAX_PRESIGN, Destination, StateError,
    },
};

/// Secret nonces held beyond this many are dropped, oldest first: a
/// coordinator that asks for more than it uses only wastes its own.
const MAX_HELD: usize = 64;

/// Our unused nonces. Never saved.
#[derive(Debug, Default)]
pub(super) struct NonceStore {
    /// Drawn from the machine's random source on first use (after any reseed).
    epoch: Option<u64>,
    next_index: u64,
    held: BTreeMap<u64, Held>,
}

#[derive(Debug)]
struct Held {
    public: Vec<PublicNonce>,
    secret: Vec<(u32, SigningNonces)>,
}

impl NonceStore {
    fn epoch(&mut self, rng: &mut impl RngCore) -> u64 {
        *self.epoch.get_or_insert_with(|| rng.next_u64())
    }

    /// Forget every nonce (a new DKG makes new key shares).
    pub fn clear(&mut self) {
        self.held.clear();
    }

    pub fn held(&self) -> usize {
        self.held.len()
    }

    /// `count` fresh commitments for `dkg_id`, signed.
    pub fn commit(&mut self, ctx: &mut Ctx<'_>, dkg_id: u64, count: u32) -> Vec<SignedBytes> {
        let epoch = self.epoch(ctx.signer.rng);
        let mut out = Vec::new();
        for _ in 0..count.clamp(1, MAX_PRESIGN) {
            let (secret, public) = ctx.keys.generate_nonces(ctx.signer.rng);
            let index = self.next_index;
            self.next_index += 1;
            let commitment =
                NonceCommitment { dkg_id, signer_id: ctx.me, epoch, index, nonces: public.clone() };
            out.push(SignedBytes(ctx.signer.sign(commitment).to_bytes()));
            self.held.insert(index, Held { public, secret });
        }
        while self.held.len() > MAX_HELD {
            self.held.pop_first();
        }
        out
    }

    /// Take the secret nonces of our commitment `c`: they leave the store here.
    fn take(&mut self, c: &NonceCommitment) -> Result<Vec<(u32, SigningNonces)>, StateError> {
        let spent = StateError::NonceSpent { epoch: c.epoch, index: c.index };
        match self.held.get(&c.index) {
            Some(held) if Some(c.epoch) == self.epoch && held.public == c.nonces => {}
            _ => return Err(spent),
        }
        self.held.remove(&c.index).map(|h| h.secret).ok_or(spent)
    }

    /// Is `c` from an earlier run of this signer (an epoch we no longer have)?
    fn is_stale(&self, c: &NonceCommitment) -> bool {
        self.epoch != Some(c.epoch)
    }
}

/// The driver's ROAST inputs and controls.
impl Signer {
    /// Send the coordinator `count` signed nonce commitments ahead of time
    /// (at most [`crate::state_machine::policy::MAX_PRESIGN`]), so that a
    /// ROAST session can start without asking for nonces first.
    pub fn presign(&mut self, count: u32) -> Result<(), StateError> {
        let dkg_id = self.state.key_dkg_id.ok_or(StateError::NoKey)?;
        let fx = self.with_nonces(|ctx, store| send_batch(ctx, store, dkg_id, count));
        self.apply(fx);
        Ok(())
    }

    /// Nonce commitments held unused.
    pub fn nonces_held(&self) -> usize {
        self.nonces.held()
    }

    pub(super) fn on_batch_request(&mut self, m: &NonceBatchRequest) -> Result<Fx, StateError> {
        if let Some(fx) = self.catch_up(m.dkg_id)? {
            return Ok(fx);
        }
        self.check_key_dkg("NonceBatchRequest", m.dkg_id)?;
        Ok(self.with_nonces(|ctx, store| send_batch(ctx, store, m.dkg_id, m.count)))
    }

    pub(super) fn on_session_request(&mut self, m: SessionRequest) -> Result<Fx, StateError> {
        self.check_key_dkg("SessionRequest", m.dkg_id)?;
        self.with_nonces(|ctx, store| sign_in_session(ctx, store, m))
    }

    fn check_key_dkg(&self, message: &'static str, dkg_id: u64) -> Result<(), StateError> {
        match self.state.key_dkg_id {
            None => Err(StateError::NoKey),
            Some(current) if current != dkg_id => {
                Err(StateError::WrongDkgRound { message, got: dkg_id, current: Some(current) })
            }
            Some(_) => Ok(()),
        }
    }

    fn with_nonces<T>(&mut self, action: impl FnOnce(&mut Ctx<'_>, &mut NonceStore) -> T) -> T {
        let Signer { state, network_key, rng, nonces, .. } = self;
        let State { config, signer_id, keys, .. } = state;
        let signer = PacketSigner { sender: Sender::Signer(*signer_id), key: network_key, rng: &mut rng.0 };
        action(&mut Ctx { config, me: *signer_id, keys, signer, reshare: None }, nonces)
    }
}

/// A `NonceBatch` of `count` fresh commitments, to the coordinator.
pub(super) fn send_batch(ctx: &mut Ctx<'_>, store: &mut NonceStore, dkg_id: u64, count: u32) -> Fx {
    let commitments = store.commit(ctx, dkg_id, count);
    let mut fx = Fx::default();
    fx.send(Destination::Coordinator, &ctx.signer.sign(NonceBatch { dkg_id, signer_id: ctx.me, commitments }));
    fx
}

/// Sign in session `m`: check every member's commitment, spend ours, and
/// answer with the shares and our next commitment.
pub(super) fn sign_in_session(ctx: &mut Ctx<'_>, store: &mut NonceStore, m: SessionRequest) -> Result<Fx, StateError> {
    const NAME: &str = "SessionRequest";
    let commitments = members(ctx, &m)?;
    let own = commitments.iter().find(|c| c.signer_id == ctx.me).ok_or_else(|| invalid(NAME, "we are not a member"))?;
    if store.is_stale(own) {
        // Made before a restart: its secret is gone. Announce fresh ones, so
        // the coordinator drops the old ones; this session goes on without us.
        return Ok(send_batch(ctx, store, m.dkg_id, 1));
    }
    let nonces: Vec<PublicNonce> = commitments.iter().flat_map(|c| c.nonces.iter().cloned()).collect();
    let keys = ctx.keys.public_keys().ok_or(StateError::NoKey)?;
    let session = SigningSession::new(&keys.group_key, ctx.config.keys.threshold as usize, &m.message, m.sig_type, &nonces, |p| {
        ctx.config.keys.party_keys(p)
    })
    .map_err(|e| invalid(NAME, e))?;
    // Spent from here on, even if signing fails: a nonce is never used twice.
    let secret = store.take(own)?;
    let shares = ctx.keys.sign(&session, secret).map_err(|e| invalid(NAME, e))?;
    let next = store.commit(ctx, m.dkg_id, 1);
    let response =
        SessionResponse { dkg_id: m.dkg_id, sign_id: m.sign_id, session_id: m.session_id, signer_id: ctx.me, shares, next };
    let mut fx = Fx::default();
    fx.report(SignerEvent::Signed { sign_id: m.sign_id, sign_iter_id: m.session_id });
    fx.send(Destination::Coordinator, &ctx.signer.sign(response));
    Ok(fx)
}

/// Every embedded commitment must be signed by its signer (checked in one
/// batch), for this key, one per member, for the member's signing parties.
fn members(ctx: &mut Ctx<'_>, m: &SessionRequest) -> Result<Vec<NonceCommitment>, StateError> {
    const NAME: &str = "SessionRequest";
    let embedded: Vec<&[u8]> = m.commitments.iter().map(|e| e.0.as_slice()).collect();
    let packets =
        Packet::from_bytes_batch(&embedded, &ctx.config.network, ctx.signer.rng).map_err(|e| invalid(NAME, e))?;
    let mut seen: BTreeSet<SignerId> = BTreeSet::new();
    let mut out = Vec::with_capacity(packets.len());
    for p in packets {
        let c = p.narrow::<NonceCommitment>().map_err(|_| invalid(NAME, "embedded packet is not a NonceCommitment"))?;
        let c = c.into_message();
        if c.dkg_id != m.dkg_id {
            return Err(invalid(NAME, "a commitment is for another key"));
        }
        if !seen.insert(c.signer_id) {
            return Err(invalid(NAME, "two commitments from one signer"));
        }
        let expected = ctx.config.keys.parties_of(c.signer_id).into_iter().map(|(p, _)| p);
        if !c.nonces.iter().map(|n| n.party_id).eq(expected) {
            return Err(invalid(NAME, format!("signer {} committed for the wrong parties", c.signer_id)));
        }
        out.push(c);
    }
    Ok(out)
}
