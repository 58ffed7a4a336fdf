//! Signed packets.
//!
//! A packet is `(version, sender, message, signature)`. The signature is
//! BIP-340 under the sender's network key over
//! `H("wsts-web/v1/packet", encode(version, sender, signing form of message))`,
//! so it covers every field; only ciphertexts addressed to other recipients
//! are covered through their digests (see [`SigningForm`]).
//!
//! A decoded packet is a `Packet<Message>`; [`Packet::narrow`] turns it into
//! a `Packet<DkgPublicShares>` (say) once its kind is known, so code that
//! stores packets of one kind reads their messages without a fallible match.

use std::{borrow::Cow, sync::Arc};

use rand_core::{CryptoRng, RngCore};
use serde::{ser::SerializeStruct, Deserialize, Serialize, Serializer};

use super::{Body, Digest, DkgPrivateShares, DkgPublicShares, Message, SigningForm};
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
const SIGNATURE_LEN: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Sender {
    Coordinator,
    Signer(SignerId),
}

/// A signed packet. Fields are read-only outside this crate: a decoded packet
/// caches its bytes and digest, which must match its fields.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Packet<M = Message> {
    pub(crate) version: u8,
    pub(crate) sender: Sender,
    pub(crate) message: M,
    pub(crate) signature: SchnorrSignature,
    #[serde(skip)]
    pub(super) cache: Cache,
}

/// The encoded bytes and transcript digest, computed once.
#[derive(Clone, Debug, Default)]
pub(super) struct Cache {
    bytes: Option<Arc<Vec<u8>>>,
    digest: Option<Digest>,
}

impl<M: PartialEq> PartialEq for Packet<M> {
    fn eq(&self, other: &Self) -> bool {
        (self.version, self.sender, &self.message, &self.signature)
            == (other.version, other.sender, &other.message, &other.signature)
    }
}

/// A body serialized as its `Message` variant.
struct InMessage<'a, M>(&'a M);

impl<M: Body> Serialize for InMessage<'_, M> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_in_message(serializer)
    }
}

/// The packet body a signature covers.
#[derive(Serialize)]
struct SigningBody<'a, M: Body> {
    version: u8,
    sender: Sender,
    message: InMessage<'a, M>,
}

/// The wire form of any packet: that of a `Packet<Message>`.
struct Wire<'a, M>(&'a Packet<M>);

impl<M: Body> Serialize for Wire<'_, M> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Packet", 4)?;
        s.serialize_field("version", &self.0.version)?;
        s.serialize_field("sender", &self.0.sender)?;
        s.serialize_field("message", &InMessage(&self.0.message))?;
        s.serialize_field("signature", &self.0.signature)?;
        s.end()
    }
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
            Sender::Signer(id) => self.signers.get(usize::try_from(id).ok()?),
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
    Message::NAMES.get(usize::try_from(varint(bytes, &mut at)?).ok()?).copied()
}

impl<M: Body> Packet<M> {
    /// Sign `message` as `sender`.
    pub fn sign<R: RngCore + CryptoRng>(sender: Sender, message: M, key: &SecretScalar, rng: &mut R) -> Self {
        let body = Self::signing_body(PROTOCOL_VERSION, sender, &message);
        let mut aux = [0u8; 32];
        rng.fill_bytes(&mut aux);
        #[allow(clippy::expect_used)] // network keys are nonzero (checked against their public key on construction)
        let signature = bip340::sign(&key.expose().to_bytes(), &tagged_hash(PACKET_TAG, &body), &aux)
            .expect("network keys are valid secret keys");
        let cache = Cache { bytes: None, digest: Some(sha256(&body)) };
        Packet { version: PROTOCOL_VERSION, sender, message, signature, cache }
    }

    /// The encoded signing form: what the signature and the digest cover.
    fn signing_body(version: u8, sender: Sender, message: &M) -> Vec<u8> {
        let form = message.signing_form();
        encoding::to_bytes(&SigningBody { version, sender, message: InMessage(form.as_ref()) })
    }

    pub fn version(&self) -> u8 {
        self.version
    }

    pub fn sender(&self) -> Sender {
        self.sender
    }

    pub fn message(&self) -> &M {
        &self.message
    }

    pub fn signature(&self) -> &SchnorrSignature {
        &self.signature
    }

    pub fn into_message(self) -> M {
        self.message
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        match &self.cache.bytes {
            Some(b) => b.as_ref().clone(),
            None => encoding::to_bytes(&Wire(self)),
        }
    }

    /// The encoded length, without copying cached bytes.
    pub fn encoded_len(&self) -> usize {
        self.cache.bytes.as_ref().map(|b| b.len()).unwrap_or_else(|| encoding::to_bytes(&Wire(self)).len())
    }

    /// The transcript digest: SHA-256 of the signed body, so equal for a
    /// full copy and a pruned one, and different for any change of content.
    pub fn digest(&self) -> Digest {
        self.cache.digest.unwrap_or_else(|| sha256(&Self::signing_body(self.version, self.sender, &self.message)))
    }

    /// The same signed packet with its message in another form of equal
    /// signing form (a pruned copy).
    fn with_message<N: Body>(&self, message: N) -> Packet<N> {
        Packet {
            version: self.version,
            sender: self.sender,
            message,
            signature: self.signature,
            cache: Cache { bytes: None, digest: Some(self.digest()) },
        }
    }

    /// The packet as a `Packet<Message>`, its caches kept.
    pub fn widen(self) -> Packet {
        let message = self.message.to_message().into_owned();
        Packet { version: self.version, sender: self.sender, message, signature: self.signature, cache: self.cache }
    }
}

impl Packet {
    /// This packet as one of a known kind, or itself back if it is another.
    pub fn narrow<N: Body + TryFrom<Message, Error = Message>>(self) -> Result<Packet<N>, Box<Packet>> {
        let Packet { version, sender, message, signature, cache } = self;
        match N::try_from(message) {
            Ok(message) => Ok(Packet { version, sender, message, signature, cache }),
            Err(message) => Err(Box::new(Packet { version, sender, message, signature, cache })),
        }
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

    /// A copy for one recipient: other recipients' ciphertexts pruned, and
    /// commitments pruned to their constant terms (signers get the rest summed).
    pub fn pruned_for(&self, recipient: SignerId) -> Packet {
        match &self.message {
            Message::DkgPrivateShares(m) => self.with_message(Message::DkgPrivateShares(m.pruned_for(Some(recipient)))),
            Message::DkgPublicShares(m) => self.with_message(Message::DkgPublicShares(m.pruned())),
            _ => self.clone(),
        }
    }
}

impl Packet<DkgPublicShares> {
    /// The copy signers get: commitments pruned to their constant terms.
    pub fn pruned(&self) -> Self {
        self.with_message(self.message.pruned())
    }
}

impl Packet<DkgPrivateShares> {
    /// The copy for one recipient: every other ciphertext pruned to its digest.
    pub fn pruned_for(&self, recipient: SignerId) -> Self {
        self.with_message(self.message.pruned_for(Some(recipient)))
    }

    /// Every recipient's pruned copy.
    pub fn pruned_for_each(&self) -> Vec<(SignerId, Self)> {
        self.message
            .pruned_for_each()
            .into_iter()
            .map(|(recipient, copy)| (recipient, self.with_message(copy)))
            .collect()
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
        // signature, unless some part of it is signed by digest.
        let unsigned = bytes.len().checked_sub(SIGNATURE_LEN).and_then(|n| bytes.get(..n));
        let body: Cow<'_, [u8]> = match unsigned {
            Some(body) if packet.message.is_signing_form() => body.into(),
            _ => Packet::signing_body(packet.version, packet.sender, &packet.message).into(),
        };
        let (hash, digest) = (tagged_hash(PACKET_TAG, &body), sha256(&body));
        Ok(Decoded { packet, key, hash, digest })
    }

    /// The authenticated packet, with its bytes and digest cached.
    fn finish(self, bytes: &[u8]) -> Packet {
        Packet { cache: Cache { bytes: Some(Arc::new(bytes.to_vec())), digest: Some(self.digest) }, ..self.packet }
    }
}

#[cfg(test)]
#[path = "packet_tests.rs"]
mod tests;
