//! Tests of signed packets.

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
                end_begin: false,
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
    assert_eq!(Packet::from_bytes_batch(&slices, &keys, &mut rng), Err(PacketError::BadSignature(Sender::Signer(1))));
}

#[test]
fn each_recipients_copy_matches_pruning_one_at_a_time() {
    use crate::crypto::encryption::Ciphertext;
    use crate::net::{DkgPrivateShares, RecipientShares, SharePayload};
    let mut rng = ChaCha20Rng::seed_from_u64(3);
    let key = SecretScalar::random(&mut rng);
    let shares = (1..4u32)
        .map(|r| RecipientShares {
            recipient: r,
            payload: SharePayload::Ciphertext(Ciphertext { nonce: [r as u8; 12], bytes: vec![r as u8; 40] }),
        })
        .collect();
    let message = Message::DkgPrivateShares(DkgPrivateShares { dkg_id: 1, signer_id: 0, shares });
    let packet = Packet::sign(Sender::Signer(0), message, &key, &mut rng);
    let packet: Packet<DkgPrivateShares> = packet.narrow().unwrap();
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
                end_begin: false,
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
