//! Blame and verification as pure functions, for auditors and for pages that
//! want to check a claim themselves.

use wasm_bindgen::prelude::*;

use super::util::*;
use crate::{
    blame::{self, DkgTranscript},
    crypto::{
        bip340,
        encoding::point_from_bytes,
        signing::{verify_signature, FrostSignature, Signature},
    },
    net::{DkgPrivateShares, DkgPublicShares, DkgStatus, Message, NetworkKeys, Packet},
    state_machine::CeremonyConfig,
};

/// Decode and authenticate a packet; returns it as a JS object.
#[wasm_bindgen(js_name = verifyPacket)]
pub fn verify_packet(
    #[wasm_bindgen(unchecked_param_type = "NetworkKeys")] network: JsValue,
    bytes: &[u8],
) -> Result<JsValue, JsValue> {
    let network: NetworkKeys = from_js(network, "network keys")?;
    let packet = Packet::from_bytes(bytes, &network).map_err(|e| state_error(e.into()))?;
    to_js(&packet)
}

/// Settle the failure reported in a signed `DkgEnd` packet against the
/// coordinator's transcript: the `DkgPublicShares` and (full)
/// `DkgPrivateShares` packets it relayed. Returns the proven offences,
/// `[{ signer, offence }]`, against the accused or the reporter.
#[wasm_bindgen(js_name = settleDkgFailure, unchecked_return_type = "Finding[]")]
pub fn settle_dkg_failure(
    #[wasm_bindgen(unchecked_param_type = "CeremonyConfig")] config: JsValue,
    public_packets: Vec<js_sys::Uint8Array>,
    private_packets: Vec<js_sys::Uint8Array>,
    dkg_end_packet: &[u8],
) -> Result<JsValue, JsValue> {
    let config: CeremonyConfig = from_js(config, "config")?;
    let decode =
        |b: &js_sys::Uint8Array| Packet::from_bytes(&b.to_vec(), &config.network).map_err(|e| state_error(e.into()));
    let end = Packet::from_bytes(dkg_end_packet, &config.network).map_err(|e| state_error(e.into()))?;
    let Message::DkgEnd(end) = end.message else { return Err(js_error("bad-input", "not a DkgEnd packet")) };
    let mut transcript = DkgTranscript { dkg_id: end.dkg_id, ..Default::default() };
    for p in public_packets.iter().map(decode) {
        let p: Packet<DkgPublicShares> =
            p?.narrow().map_err(|p| js_error("bad-input", format!("{} is not DkgPublicShares", p.message().name())))?;
        transcript.public.insert(p.message().signer_id, p);
    }
    for p in private_packets.iter().map(decode) {
        let p: Packet<DkgPrivateShares> = p?
            .narrow()
            .map_err(|p| js_error("bad-input", format!("{} is not DkgPrivateShares", p.message().name())))?;
        transcript.private.insert(p.message().signer_id, p);
    }
    let findings = match &end.status {
        DkgStatus::Success { .. } => vec![],
        DkgStatus::Failure(f) => {
            blame::settle_dkg_failure(&config.keys, &config.network, &transcript, end.signer_id, f)
        }
    };
    to_js(&findings)
}

/// The message name of an encoded packet, read without decoding or
/// authenticating it (for logs only), or `undefined`.
#[wasm_bindgen(js_name = packetMessageName)]
pub fn packet_message_name(bytes: &[u8]) -> Option<String> {
    crate::net::peek_message_name(bytes).map(str::to_string)
}

/// BIP-340 verification: 32-byte x-only key, message, 64-byte signature.
#[wasm_bindgen(js_name = verifyBip340)]
pub fn verify_bip340(public_key_x: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let (Ok(pk), Ok(sig)) = (<[u8; 32]>::try_from(public_key_x), <[u8; 64]>::try_from(signature)) else { return false };
    bip340::verify(&pk, message, &bip340::SchnorrSignature(sig))
}

/// FROST verification: 33-byte group key, message, 65-byte `R ‖ z`.
#[wasm_bindgen(js_name = verifyFrost)]
pub fn verify_frost(group_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    if signature.len() != 65 {
        return false;
    }
    let (Ok(key), Ok(r), Ok(z)) = (
        point_from_bytes(group_key),
        point_from_bytes(&signature[..33]),
        crate::crypto::encoding::scalar_from_bytes(&signature[33..]),
    ) else {
        return false;
    };
    verify_signature(&Signature::Frost(FrostSignature { r, z }), &key, message)
}
