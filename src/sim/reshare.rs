//! A reshare or refresh in the middle of a simulated ceremony (issue 12):
//! after DKG and the first signing rounds, the coordinator reshares the key
//! to new weights and a new threshold (signers may stay, leave with weight
//! 0, or join past the old ids), with the reshare's own adversaries; the
//! signing rounds after it run under epoch 1 with the new set.

use super::{adversary::Adversary, network_keys, Behaviour, Simulation};
use crate::{
    config::Config,
    crypto::SignerId,
    state_machine::{
        coordinator::{CoordinatorEvent, DkgAttemptReport},
        signer::Signer,
        CeremonyConfig,
    },
};

/// What to reshare to. No weights and no threshold is a refresh.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReshareOptions {
    /// Key ids of each signer id in the new epoch (0: it leaves; ids past the
    /// old signers join).
    pub weights: Option<Vec<u32>>,
    /// The new threshold (default: the old one).
    pub threshold: Option<u32>,
    /// Misbehaving signers during the reshare (the DKG behaviours).
    pub adversaries: Vec<(SignerId, Behaviour)>,
}

impl ReshareOptions {
    /// The new epoch's key configuration.
    pub fn target(&self, old: &Config) -> Result<Config, String> {
        let threshold = self.threshold.unwrap_or(old.threshold);
        let Some(weights) = &self.weights else {
            return Ok(Config { threshold, dkg_threshold: threshold, ..old.clone() });
        };
        let mut signers = std::collections::BTreeMap::new();
        let mut next = 1u32;
        for (id, &w) in (0u32..).zip(weights).filter(|(_, w)| **w > 0) {
            let end = next.checked_add(w).ok_or("the reshare weights overflow")?;
            signers.insert(id, (next..end).collect());
            next = end;
        }
        let config = Config { scheme: old.scheme, threshold, dkg_threshold: threshold, signers };
        config.validate().map_err(|e| format!("reshare: {e}"))?;
        Ok(config)
    }

    /// Signer ids the ceremony needs network keys for, old and new.
    pub fn signer_count(&self, old_signers: u32) -> u32 {
        let new = self.weights.as_ref().map_or(0, |w| u32::try_from(w.len()).unwrap_or(u32::MAX));
        old_signers.max(new)
    }
}

impl Simulation {
    /// Network keys for `signers` signer ids (the first ones are the old).
    pub fn network_for(&self, signers: u32) -> crate::net::NetworkKeys {
        network_keys(signers, self.options.seed).2
    }

    /// State machines for the signers of `target` past ours: joining
    /// signers, invited with `target` (their trust anchor).
    pub fn add_signers(&mut self, target: &CeremonyConfig) -> Result<(), String> {
        let total = target.network.signers.len() as u32;
        let (_, signer_keys, network) = network_keys(total, self.options.seed);
        for (id, key) in signer_keys.iter().enumerate().skip(self.signers.len()) {
            let id = id as SignerId;
            let mut signer = Signer::new(target.clone(), id, key.clone()).map_err(|e| e.to_string())?;
            signer.reseed(self.options.seed.wrapping_mul(1000).wrapping_add(u64::from(id) + 1));
            self.signers.push(signer);
        }
        self.network = network;
        Ok(())
    }

    /// Reshare (or refresh) the key as the options say: joining signers get
    /// their state machines, the reshare's adversaries replace DKG's.
    pub fn run_reshare(&mut self, options: &ReshareOptions) -> Result<(bool, Vec<DkgAttemptReport>), String> {
        let old = self.coordinator.ceremony_config().clone();
        let keys = options.target(&old.keys)?;
        let total = options.signer_count(self.signers.len() as u32);
        let target = CeremonyConfig { keys, network: self.network_for(total) };
        self.add_signers(&target)?;
        let (_, signer_keys, _) = network_keys(total, self.options.seed);
        self.behaviours.clear();
        for (id, key) in signer_keys.iter().enumerate() {
            let id = id as SignerId;
            let own: Vec<Behaviour> =
                options.adversaries.iter().filter(|(s, _)| *s == id).map(|(_, b)| b.clone()).collect();
            if !own.is_empty() {
                self.behaviours.insert(id, Adversary::new(id, key.clone(), target.clone(), own, self.options.seed));
            }
        }
        if let Some((id, _)) = options.adversaries.iter().find(|(id, _)| *id >= total) {
            return Err(format!("reshare adversary {id} is not a signer"));
        }
        self.coordinator.start_reshare(target, self.now).map_err(|e| e.to_string())?;
        self.run_until_quiet();
        let (mut ok, mut attempts) = (false, vec![]);
        for e in self.take_events() {
            match e {
                CoordinatorEvent::DkgAttempt(r) => attempts.push(r),
                CoordinatorEvent::Reshared { .. } => ok = true,
                _ => {}
            }
        }
        Ok((ok, attempts))
    }
}
