//! Parsing `--adversary` and `--fault` specifications.

use super::{adversary::Behaviour, repair::RepairBehaviour};
use crate::crypto::SignerId;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{spec:?}: {reason}")]
pub struct SpecError {
    pub spec: String,
    pub reason: String,
}

/// When an offline signer is silent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// All DKG traffic, in the listed DKG attempts (by dkg_id).
    Dkg,
    /// Nonce requests and responses, in the listed signing rounds (by sign_id).
    Nonce,
    /// Signature share requests and responses: it answers the nonce request,
    /// then goes silent.
    Share,
    /// Both signing steps.
    Sign,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// An honest signer is unreachable in `phase` during `rounds` (all if `None`).
    Offline { signer: SignerId, phase: Phase, rounds: Option<Vec<u64>> },
    /// The first `message` from `from` to `to` is lost (`None` = the coordinator).
    Drop { from: Option<SignerId>, to: Option<SignerId>, message: String },
}

fn err(spec: &str, reason: impl Into<String>) -> SpecError {
    SpecError { spec: spec.to_string(), reason: reason.into() }
}

fn ids(spec: &str, list: &str) -> Result<Vec<SignerId>, SpecError> {
    list.split(',').map(|s| s.trim().parse().map_err(|_| err(spec, format!("{s:?} is not a signer id")))).collect()
}

/// `ID:BEHAVIOUR[=IDS]`.
pub fn parse_adversary(spec: &str) -> Result<(SignerId, Behaviour), SpecError> {
    let (id, rest) = spec.split_once(':').ok_or_else(|| err(spec, "expected ID:BEHAVIOUR[=IDS]"))?;
    let id: SignerId = id.parse().map_err(|_| err(spec, "bad signer id"))?;
    let (name, arg) = match rest.split_once('=') {
        Some((n, a)) => (n, Some(a)),
        None => (rest, None),
    };
    let need = |arg: Option<&str>| -> Result<Vec<SignerId>, SpecError> {
        ids(spec, arg.ok_or_else(|| err(spec, format!("{name} needs =IDS")))?)
    };
    let no_arg = |b: Behaviour| if arg.is_some() { Err(err(spec, format!("{name} takes no =IDS"))) } else { Ok(b) };
    let behaviour = match name {
        "withhold-private-shares" => Behaviour::WithholdPrivateShares(need(arg)?),
        "empty-private-shares" => no_arg(Behaviour::EmptyPrivateShares)?,
        "bad-private-shares" => Behaviour::BadPrivateShares(need(arg)?),
        "bad-public-shares" => no_arg(Behaviour::BadPublicShares)?,
        "bad-constant-term" => no_arg(Behaviour::BadConstantTerm)?,
        "equivocate-private-shares" => no_arg(Behaviour::EquivocatePrivateShares)?,
        "false-missing-private-shares" => Behaviour::FalseMissingPrivateShares(need(arg)?),
        "false-bad-private-shares" => Behaviour::FalseBadPrivateShares(need(arg)?),
        "bad-signature-share" => no_arg(Behaviour::BadSignatureShare)?,
        "replay-old-round" => no_arg(Behaviour::ReplayOldRound)?,
        other => return Err(err(spec, format!("unknown behaviour {other:?}"))),
    };
    Ok((id, behaviour))
}

/// `ID:BEHAVIOUR` for a repair: bad-commitment, bad-piece, bad-sum,
/// false-accusation, withhold.
pub fn parse_repair_adversary(spec: &str) -> Result<(SignerId, RepairBehaviour), SpecError> {
    let (id, name) = spec.split_once(':').ok_or_else(|| err(spec, "expected ID:BEHAVIOUR"))?;
    let id: SignerId = id.parse().map_err(|_| err(spec, "bad signer id"))?;
    let behaviour = match name {
        "bad-commitment" => RepairBehaviour::BadCommitment,
        "bad-piece" => RepairBehaviour::BadPiece,
        "bad-sum" => RepairBehaviour::BadSum,
        "false-accusation" => RepairBehaviour::FalseAccusation,
        "withhold" => RepairBehaviour::Withhold,
        other => return Err(err(spec, format!("unknown repair behaviour {other:?}"))),
    };
    Ok((id, behaviour))
}

fn endpoint(spec: &str, s: &str) -> Result<Option<SignerId>, SpecError> {
    match s {
        "c" | "coordinator" => Ok(None),
        n => n.parse().map(Some).map_err(|_| err(spec, format!("{n:?} is neither a signer id nor 'coordinator'"))),
    }
}

/// `ID:offline=PHASE[:ROUNDS]` or `drop=FROM>TO:MESSAGE`.
pub fn parse_fault(spec: &str) -> Result<Fault, SpecError> {
    if let Some(rest) = spec.strip_prefix("drop=") {
        let (route, message) = rest.split_once(':').ok_or_else(|| err(spec, "expected drop=FROM>TO:MESSAGE"))?;
        let (from, to) = route.split_once('>').ok_or_else(|| err(spec, "expected FROM>TO"))?;
        if !crate::net::Message::NAMES.contains(&message) {
            return Err(err(spec, format!("unknown message {message:?}")));
        }
        let (from, to) = (endpoint(spec, from)?, endpoint(spec, to)?);
        if from.is_some() == to.is_some() {
            return Err(err(spec, "messages go between a signer and the coordinator"));
        }
        return Ok(Fault::Drop { from, to, message: message.to_string() });
    }
    let (id, rest) = spec.split_once(':').ok_or_else(|| err(spec, "expected ID:offline=PHASE[:ROUNDS]"))?;
    let signer: SignerId = id.parse().map_err(|_| err(spec, "bad signer id"))?;
    let rest = rest.strip_prefix("offline=").ok_or_else(|| err(spec, "expected offline=PHASE"))?;
    let (phase, rounds) = match rest.split_once(':') {
        Some((p, r)) => (p, Some(r)),
        None => (rest, None),
    };
    let phase = match phase {
        "dkg" => Phase::Dkg,
        "nonce" => Phase::Nonce,
        "share" => Phase::Share,
        "sign" => Phase::Sign,
        other => return Err(err(spec, format!("unknown phase {other:?}"))),
    };
    let rounds = rounds
        .map(|r| {
            r.split(',').map(|x| x.trim().parse::<u64>().map_err(|_| err(spec, format!("bad round {x:?}")))).collect()
        })
        .transpose()?;
    Ok(Fault::Offline { signer, phase, rounds })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_specs() {
        assert_eq!(
            parse_adversary("2:withhold-private-shares=0,1").unwrap(),
            (2, Behaviour::WithholdPrivateShares(vec![0, 1]))
        );
        assert_eq!(parse_adversary("1:bad-signature-share").unwrap(), (1, Behaviour::BadSignatureShare));
        assert!(parse_adversary("1:bad-signature-share=2").is_err());
        assert!(parse_adversary("1:withhold-private-shares").is_err());
        assert!(parse_adversary("x:bad-public-shares").is_err());
        assert_eq!(
            parse_fault("3:offline=share:1,2").unwrap(),
            Fault::Offline { signer: 3, phase: Phase::Share, rounds: Some(vec![1, 2]) }
        );
        assert_eq!(
            parse_fault("drop=1>coordinator:DkgPrivateShares").unwrap(),
            Fault::Drop { from: Some(1), to: None, message: "DkgPrivateShares".into() }
        );
        assert!(parse_fault("drop=1>2:DkgEnd").is_err());
        assert!(parse_fault("drop=c>2:Nonsense").is_err());
        assert!(parse_fault("2:offline=lunch").is_err());
        assert_eq!(parse_repair_adversary("3:bad-sum").unwrap(), (3, RepairBehaviour::BadSum));
        assert!(parse_repair_adversary("3:bad-private-shares").is_err());
    }
}
