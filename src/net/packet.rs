//! Signed packets.
//!
//! A packet is `(version, sender, message, signature)`. The signature is
//! BIP-340 under the sender's network key over
//! `H("wsts-web/v1/packet", encode(version, sender, signing form of message))`,
//! so it covers every field; only ciphertexts addressed to other recipients
//! are covered through their digests (see [`Message::signing_form`]).

use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};

use super::{Digest, Message};
use crate::crypto::{
    bip340::{self, SchnorrSignature},
    encoding::{self, EncodingError},
    hash::{sha256, tagged_hash},
    secret::SecretScalar,
    Point, SignerId,
};

pub const PROTOCOL_VERSION: u8 = 1;
/// Larger packets are refused before decoding.
pub const MAX_PACKET_BYTES: usize = 64 << 20;
const PACKET_TAG: &str = "wsts-web/v1/packet";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Sender {
    Coordinator,
    Signer(SignerId),
}

/// A signed packet. Fields are read-only outside this crate: a decoded packet
/// caches its bytes and digest, which must match its fields.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Packet {
    pub(crate) version: u8,
    pub(crate) sender: Sender,
    pub(crate) message: Message,
    pub(crate) signature: SchnorrSignature,
    #[serde(skip)]
    cache: Cache,
}

/// The encoded bytes and transcript digest, computed once.
#[derive(Clone, Debug, Default)]
struct Cache {
    bytes: Option<std::sync::Arc<Vec<u8>>>,
    digest: Option<Digest>,
}

impl PartialEq for Packet {
    fn eq(&self, other: &Self) -> bool {
        (self.version, self.sender, &self.message, &self.signature)
            == (other.version, other.sender, &other.message, &other.signature)
    }
}

#[derive(Serialize)]
struct SigningBody<'a> {
    version: u8,
    sender: Sender,
    message: &'a Message,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PacketError {
    #[error("packet of {0} bytes exceeds the limit")]
    TooLarge(usize),
    #[error("undecodable packet: {0}")]
    Decode(#[from] EncodingError),
    #[error("unsupported protocol version {0}")]
    Version(u8),
    #[error("unknown sender {0:?}")]
    UnknownSender(Sender),
    #[error("bad signature from {0:?}")]
    BadSignature(Sender),
    #[error("{sender:?} sent {message}, which it may not send")]
    WrongSender { sender: Sender, message: &'static str },
}

/// The public keys packets are checked against.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NetworkKeys {
    #[serde(with = "crate::crypto::encoding::serde_point")]
    pub coordinator: Point,
    #[serde(with = "crate::crypto::encoding::serde_points")]
    pub signers: Vec<Point>,
}

impl NetworkKeys {
    pub fn key_of(&self, sender: Sender) -> Option<&Point> {
        match sender {
            Sender::Coordinator => Some(&self.coordinator),
            Sender::Signer(id) => self.signers.get(id as usize),
        }
    }
}

/// The message name of an encoded packet, read from its first few bytes
/// without decoding or authenticating anything: for logs and routing hints
/// only. `None` if the bytes don't start like a packet.
pub fn peek_message_name(bytes: &[u8]) -> Option<&'static str> {
    fn varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *bytes.get(*at)?;
            *at += 1;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
    let mut at = 1; // version
    match varint(bytes, &mut at)? {
        0 => {}
        1 => {
            varint(bytes, &mut at)?;
        }
        _ => return None,
    }
    const NAMES: [&str; 11] = [
        "DkgBegin",
        "DkgPublicShares",
        "DkgPrivateBegin",
        "DkgPrivateShares",
        "DkgEndBegin",
        "DkgEnd",
        "NonceRequest",
        "NonceResponse",
        "SignatureShareRequest",
        "SignatureShareResponse",
        "TranscriptRequest",
    ];
    NAMES.get(usize::try_from(varint(bytes, &mut at)?).ok()?).copied()
}

impl Packet {
    /// The encoded signing form: what the signature and the digest cover.
    fn signing_body(version: u8, sender: Sender, message: &Message) -> Vec<u8> {
        encoding::to_bytes(&SigningBody { version, sender, message: &message.signing_form() })
    }

    /// Sign `message` as `sender`.
    pub fn sign<R: RngCore + CryptoRng>(sender: Sender, message: Message, key: &SecretScalar, rng: &mut R) -> Self {
        let body = Self::signing_body(PROTOCOL_VERSION, sender, &message);
        let mut aux = [0u8; 32];
        rng.fill_bytes(&mut aux);
        let signature = bip340::sign(&key.expose().to_bytes(), &tagged_hash(PACKET_TAG, &body), &aux)
            .expect("network keys are valid secret keys");
        let cache = Cache { bytes: None, digest: Some(sha256(&body)) };
        Packet { version: PROTOCOL_VERSION, sender, message, signature, cache }
    }

    pub fn version(&self) -> u8 {
        self.version
    }

    pub fn sender(&self) -> Sender {
        self.sender
    }

    pub fn message(&self) -> &Message {
        &self.message
    }

    pub fn signature(&self) -> &SchnorrSignature {
        &self.signature
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        match &self.cache.bytes {
            Some(b) => b.as_ref().clone(),
            None => encoding::to_bytes(self),
        }
    }

    /// The encoded length, without copying cached bytes.
    pub fn encoded_len(&self) -> usize {
        self.cache.bytes.as_ref().map(|b| b.len()).unwrap_or_else(|| encoding::to_bytes(self).len())
    }

    /// Decode and authenticate: size, canonical encoding, version, known
    /// sender, the sender's right to send this message, and the signature.
    pub fn from_bytes(bytes: &[u8], keys: &NetworkKeys) -> Result<Self, PacketError> {
        let decoded = Decoded::new(bytes, keys)?;
        if !bip340::verify_point(decoded.key, &decoded.hash, &decoded.packet.signature) {
            return Err(PacketError::BadSignature(decoded.packet.sender));
        }
        Ok(decoded.finish(bytes))
    }

    /// [`Packet::from_bytes`] for many packets, with their signatures checked
    /// in one batch (BIP-340 batch verification). On failure, names the first
    /// packet that fails on its own.
    pub fn from_bytes_batch<R: RngCore + CryptoRng>(
        packets: &[&[u8]],
        keys: &NetworkKeys,
        rng: &mut R,
    ) -> Result<Vec<Self>, PacketError> {
        let decoded = packets.iter().map(|b| Decoded::new(b, keys)).collect::<Result<Vec<_>, _>>()?;
        let items: Vec<_> = decoded.iter().map(|d| (d.key, d.hash.as_slice(), &d.packet.signature)).collect();
        if !bip340::verify_batch(&items, rng) {
            let bad = decoded
                .iter()
                .find(|d| !bip340::verify_point(d.key, &d.hash, &d.packet.signature))
                .map_or(Sender::Coordinator, |d| d.packet.sender);
            return Err(PacketError::BadSignature(bad));
        }
        Ok(decoded.into_iter().zip(packets).map(|(d, b)| d.finish(b)).collect())
    }

    fn compute_digest(&self) -> Digest {
        sha256(&Self::signing_body(self.version, self.sender, &self.message))
    }

    /// The transcript digest: SHA-256 of the signed body, so equal for a
    /// full copy and a pruned one, and different for any change of content.
    pub fn digest(&self) -> Digest {
        self.cache.digest.unwrap_or_else(|| self.compute_digest())
    }

    /// A copy for one recipient: other recipients' ciphertexts pruned, and
    /// commitments pruned to their constant terms (signers get the rest summed).
    pub fn pruned_for(&self, recipient: SignerId) -> Packet {
        match &self.message {
            Message::DkgPrivateShares(m) => self.with_message(Message::DkgPrivateShares(m.pruned_for(Some(recipient)))),
            Message::DkgPublicShares(m) => self.with_message(Message::DkgPublicShares(m.pruned())),
            _ => self.clone(),
        }
    }

    /// For a `DkgPrivateShares` packet, every recipient's pruned copy.
    pub fn pruned_for_each(&self) -> Vec<(SignerId, Packet)> {
        match &self.message {
            Message::DkgPrivateShares(m) => m
                .pruned_for_each()
                .into_iter()
                .map(|(recipient, copy)| (recipient, self.with_message(Message::DkgPrivateShares(copy))))
                .collect(),
            _ => vec![],
        }
    }

    /// The same signed packet with `message` in another form of equal signing form.
    fn with_message(&self, message: Message) -> Packet {
        debug_assert_eq!(message.signing_form(), self.message.signing_form());
        Packet {
            version: self.version,
            sender: self.sender,
            message,
            signature: self.signature,
            cache: Cache { bytes: None, digest: Some(self.digest()) },
        }
    }
}

/// A packet decoded and checked in all but its signature.
struct Decoded<'a> {
    packet: Packet,
    key: &'a Point,
    /// The signed hash, and the transcript digest, of the signed body.
    hash: [u8; 32],
    digest: Digest,
}

impl<'a> Decoded<'a> {
    fn new(bytes: &[u8], keys: &'a NetworkKeys) -> Result<Self, PacketError> {
        if bytes.len() > MAX_PACKET_BYTES {
            return Err(PacketError::TooLarge(bytes.len()));
        }
        let packet: Packet = encoding::from_bytes(bytes)?;
        if packet.version != PROTOCOL_VERSION {
            return Err(PacketError::Version(packet.version));
        }
        let key = keys.key_of(packet.sender).ok_or(PacketError::UnknownSender(packet.sender))?;
        let from_signer = packet.message.claimed_signer();
        let allowed = match packet.sender {
            Sender::Coordinator => from_signer.is_none(),
            Sender::Signer(id) => from_signer == Some(id),
        };
        if !allowed {
            return Err(PacketError::WrongSender { sender: packet.sender, message: packet.message.name() });
        }
        // The bytes are canonical, so the signed body is the packet less its
        // 64-byte signature, unless some part of it is signed by digest.
        let body: std::borrow::Cow<'_, [u8]> = if packet.message.is_signing_form() {
            bytes[..bytes.len() - 64].into()
        } else {
            Packet::signing_body(packet.version, packet.sender, &packet.message).into()
        };
        let (hash, digest) = (tagged_hash(PACKET_TAG, &body), sha256(&body));
        Ok(Decoded { packet, key, hash, digest })
    }

    /// The authenticated packet, with its bytes and digest cached.
    fn finish(self, bytes: &[u8]) -> Packet {
        Packet {
            cache: Cache { bytes: Some(std::sync::Arc::new(bytes.to_vec())), digest: Some(self.digest) },
            ..self.packet
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::{DkgBegin, NonceRequest, TranscriptRequest};
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

    #[test]
    fn batch_decoding_names_the_packet_with_a_bad_signature() {
        let mut rng = ChaCha20Rng::seed_from_u64(2);
        let secrets: Vec<SecretScalar> = (0..3).map(|_| SecretScalar::random(&mut rng)).collect();
        let keys = NetworkKeys {
            coordinator: crate::crypto::base_mul(secrets[0].expose()),
            signers: secrets.iter().map(|k| crate::crypto::base_mul(k.expose())).collect(),
        };
        let packets: Vec<Vec<u8>> = (0..3u32)
            .map(|id| {
                let m = Message::TranscriptRequest(TranscriptRequest {
                    dkg_id: 1,
                    signer_id: id,
                    public: vec![],
                    private: vec![],
                });
                Packet::sign(Sender::Signer(id), m, &secrets[id as usize], &mut rng).to_bytes()
            })
            .collect();
        let slices: Vec<&[u8]> = packets.iter().map(Vec::as_slice).collect();
        let decoded = Packet::from_bytes_batch(&slices, &keys, &mut rng).unwrap();
        for (p, bytes) in decoded.iter().zip(&slices) {
            assert_eq!(p, &Packet::from_bytes(bytes, &keys).unwrap());
            assert_eq!(p.digest(), Packet::from_bytes(bytes, &keys).unwrap().digest());
        }
        let mut tampered = packets.clone();
        let last = tampered[1].len() - 1;
        tampered[1][last] ^= 1;
        let slices: Vec<&[u8]> = tampered.iter().map(Vec::as_slice).collect();
        assert_eq!(
            Packet::from_bytes_batch(&slices, &keys, &mut rng),
            Err(PacketError::BadSignature(Sender::Signer(1)))
        );
    }

    #[test]
    fn each_recipients_copy_matches_pruning_one_at_a_time() {
        use crate::crypto::encryption::Ciphertext;
        use crate::net::{DkgPrivateShares, SharePayload};
        let mut rng = ChaCha20Rng::seed_from_u64(3);
        let key = SecretScalar::random(&mut rng);
        let shares = (1..4u32)
            .map(|r| (r, SharePayload::Ciphertext(Ciphertext { nonce: [r as u8; 12], bytes: vec![r as u8; 40] })))
            .collect();
        let message = Message::DkgPrivateShares(DkgPrivateShares { dkg_id: 1, signer_id: 0, shares });
        let packet = Packet::sign(Sender::Signer(0), message, &key, &mut rng);
        let copies = packet.pruned_for_each();
        assert_eq!(copies.iter().map(|(r, _)| *r).collect::<Vec<_>>(), vec![1, 2, 3]);
        for (recipient, copy) in copies {
            assert_eq!(copy, packet.pruned_for(recipient));
            assert_eq!(copy.digest(), packet.digest());
        }
    }

    #[test]
    fn peeked_names_match_decoded_ones() {
        let mut rng = ChaCha20Rng::seed_from_u64(1);
        let key = SecretScalar::random(&mut rng);
        let messages = [
            (Sender::Coordinator, Message::DkgBegin(DkgBegin { dkg_id: 300, signers: vec![0, 1] })),
            (
                Sender::Coordinator,
                Message::NonceRequest(NonceRequest {
                    dkg_id: 1,
                    sign_id: 2,
                    sign_iter_id: 3,
                    message: vec![1; 200],
                    sig_type: crate::crypto::signing::SignatureType::Schnorr,
                }),
            ),
            (
                Sender::Signer(1000),
                Message::TranscriptRequest(TranscriptRequest {
                    dkg_id: 1,
                    signer_id: 1000,
                    public: vec![],
                    private: vec![2],
                }),
            ),
        ];
        for (sender, message) in messages {
            let name = message.name();
            let bytes = Packet::sign(sender, message, &key, &mut rng).to_bytes();
            assert_eq!(peek_message_name(&bytes), Some(name));
        }
        assert_eq!(peek_message_name(&[]), None);
        assert_eq!(peek_message_name(&[1, 0, 99]), None);
        assert_eq!(peek_message_name(&[1, 7, 0]), None);
    }
}
