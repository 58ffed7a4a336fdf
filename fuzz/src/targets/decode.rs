//! Every decoder of bytes that arrive from outside, behind one dispatching
//! target: the first input byte picks a decoder from [`DECODERS`] (modulo
//! its length, so every entry is reached by one value of that byte) and the
//! rest is its input.
//!
//! `Packet::from_bytes` decodes every message type (the `Message` enum) and
//! then checks the signature; entry `message` decodes a bare `Message`, so
//! message decoders are also reached by inputs that could not be signed.

use std::sync::OnceLock;

use wsts_web::{
    blame,
    config::{Config, Scheme},
    crypto::{base_mul, encoding, secret::SecretScalar, signing::GroupPublicKeys},
    net::{peek_message_name, relay_auth, Message, NetworkKeys, Packet, RepairBegin, SignedControl},
    sim::network_keys,
    state_machine::{coordinator::Coordinator, signer::Signer},
};

/// The decoders, by the selector byte's value modulo the table's length.
pub const DECODERS: &[(&str, crate::Target)] = &[
    ("packet", packet),
    ("packet_batch", packet_batch),
    ("peek_message_name", peek),
    ("message", message),
    ("signed_control", signed_control),
    ("signer_state", signer_state),
    ("coordinator_state", coordinator_state),
    ("relay_nonce", relay_nonce),
    ("point_scalar", point_scalar),
    ("repair", repair),
];

pub fn run(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else { return };
    let (_, decode) = DECODERS[usize::from(selector) % DECODERS.len()];
    decode(rest);
}

/// The selector byte for the decoder called `name` (for seeds).
pub fn selector(name: &str) -> Option<u8> {
    DECODERS.iter().position(|(n, _)| *n == name).and_then(|i| u8::try_from(i).ok())
}

/// The network keys of the recorded ceremonies (seed 0, four signers: the
/// ceremonies with three use the first three), and signer 0's secret key.
fn keys() -> &'static (SecretScalar, Vec<SecretScalar>, NetworkKeys) {
    static KEYS: OnceLock<(SecretScalar, Vec<SecretScalar>, NetworkKeys)> = OnceLock::new();
    KEYS.get_or_init(|| network_keys(4, 0))
}

fn packet(data: &[u8]) {
    if let Ok(packet) = Packet::from_bytes(data, &keys().2) {
        let _ = (packet.digest(), packet.message().name(), peek_message_name(data));
        for signer in 0..4 {
            let _ = packet.pruned_for(signer);
        }
    }
}

/// Several packets, split at each 0xff 0xfe 0xfd marker.
fn packet_batch(data: &[u8]) {
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut rest = data;
    while let Some(at) = rest.windows(3).position(|w| w == [0xff, 0xfe, 0xfd]) {
        parts.push(&rest[..at]);
        rest = &rest[at + 3..];
    }
    parts.push(rest);
    let mut rng = <rand_chacha::ChaCha20Rng as rand_core::SeedableRng>::seed_from_u64(1);
    let _ = Packet::from_bytes_batch(&parts, &keys().2, &mut rng);
}

fn peek(data: &[u8]) {
    let _ = peek_message_name(data);
}

fn message(data: &[u8]) {
    if let Ok(message) = encoding::from_bytes::<Message>(data) {
        let _ = (message.name(), message.dkg_id(), message.claimed_signer());
    }
}

fn signed_control(data: &[u8]) {
    if let Ok(control) = SignedControl::from_bytes(data) {
        assert_eq!(control.to_bytes(), data, "a control decoded from bytes it does not encode to");
    }
}

fn signer_state(data: &[u8]) {
    if let Ok(signer) = Signer::restore(data, keys().1[0].clone()) {
        let _ = (signer.save(), signer.group_key());
    }
}

fn coordinator_state(data: &[u8]) {
    if let Ok(coordinator) = Coordinator::restore(data, keys().0.clone()) {
        let _ = (coordinator.save(), coordinator.report(), coordinator.awaited());
    }
}

fn relay_nonce(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (nonce, rest) = text.split_at(text.find('/').unwrap_or(text.len()));
    if let Ok(nonce) = relay_auth::parse_relay_nonce(nonce) {
        let mut parts = rest.trim_start_matches('/').splitn(2, '/');
        let (room, peer) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let _ = relay_auth::relay_join_message(&nonce, room, peer);
    }
}

fn point_scalar(data: &[u8]) {
    let _ = encoding::point_from_bytes(data);
    let _ = encoding::scalar_from_bytes(data);
}

/// A repair message, checked as a signer or the coordinator checks it: a
/// `RepairBegin` against a configuration (4 signers, 8 key ids, t = 3), the
/// others against a fixed `RepairBegin` (signer 3 repaired by 0 and 1).
fn repair(data: &[u8]) {
    static FIXED: OnceLock<Option<(Config, RepairBegin)>> = OnceLock::new();
    let fixed = FIXED.get_or_init(|| {
        let config = Config::evenly(Scheme::V2, 4, 8, 3, 3).ok()?;
        let points = [1u32, 2, 3].map(|x| base_mul(&x.into()));
        let public_keys = GroupPublicKeys::from_parts([points[0]], &points[1..]);
        let helpers = [(0, vec![1, 2]), (1, vec![3, 4])].into();
        let begin =
            RepairBegin { repair_id: 2, key_dkg_id: 1, epoch: 0, repaired: 3, lost: vec![7, 8], helpers, public_keys };
        Some((config, begin))
    });
    let (Some((config, begin)), Ok(message)) = (fixed, encoding::from_bytes::<Message>(data)) else { return };
    match message {
        Message::RepairBegin(m) => {
            let _ = (m.check_config(config), m.participants());
        }
        Message::RepairCommitments(m) => {
            if let Ok(set) = begin.repair_set() {
                let _ = blame::check_repair_commitments(begin, &set, &m);
            }
        }
        Message::RepairPieces(m) => {
            let _ = blame::check_repair_pieces(begin, &m);
        }
        Message::RepairSum(m) => {
            let _ = blame::check_repair_sum(begin, &m);
        }
        _ => {}
    }
}
