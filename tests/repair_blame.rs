//! The pure judgements of a repair (`blame::repair`) over the signed packets
//! of a recorded honest repair, edited: a piece or a sum that decrypts but
//! fails its public value names its sender; an accusation against good
//! pieces or sums, or with a proof for another pair, names the accuser; bad
//! commitments and malformed pieces are named from the packets alone.
mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::collections::BTreeMap;

use wsts_web::{
    blame::{self, Finding, Offence, RepairTranscript},
    crypto::{
        base_mul,
        encryption::{self, CipherContext},
        secret::SecretScalar,
        Scalar,
    },
    net::{BadShareEvidence, Message, Packet, RepairSumStatus, Sender},
    sim::{network_keys, Options, RepairOptions, Simulation},
};

/// An honest repair of signer 4 by 0..=3 (weights 3,3,3,3,2, t = 8), its
/// transcript as the coordinator received it, and the simulation.
fn recorded() -> (RepairTranscript, Simulation) {
    let options = Options { threshold: 8, seed: 41, record: true, ..Options::default() }.weighted(&[3, 3, 3, 3, 2]);
    let mut sim = Simulation::new(options).unwrap();
    assert!(sim.run_dkg().0);
    assert!(sim.run_repair(&RepairOptions { signer: 4, adversaries: vec![] }).ok);
    let network = sim.coordinator.ceremony_config().network.clone();
    let mut transcript = None;
    for r in &sim.recorded {
        let packet = Packet::from_bytes(&r.bytes, &network).unwrap();
        let from = packet.sender();
        match (packet.into_message(), from, r.to) {
            (Message::RepairBegin(b), _, Some(4)) => transcript = Some(RepairTranscript::new(b)),
            (m, Sender::Signer(s), None) => {
                let Some(t) = transcript.as_mut() else { continue };
                let packet = Packet::from_bytes(&r.bytes, &network).unwrap();
                match m {
                    Message::RepairCommitments(_) => drop(t.commitments.insert(s, packet.narrow().unwrap())),
                    Message::RepairPieces(_) => drop(t.pieces.insert(s, packet.narrow().unwrap())),
                    Message::RepairSum(_) => drop(t.sums.insert(s, packet.narrow().unwrap())),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    (transcript.unwrap(), sim)
}

/// `reporter`'s evidence against `accused` from its repair round.
fn evidence(sim: &Simulation, reporter: u32, accused: u32) -> BadShareEvidence {
    sim.signers[reporter as usize].repair_evidence(accused, &mut common::rng(9)).unwrap()
}

/// `values` encrypted from `sender` to `recipient` under the revealed key.
fn sealed(
    t: &RepairTranscript,
    e: &BadShareEvidence,
    sender: u32,
    recipient: u32,
    values: &[Scalar],
) -> encryption::Ciphertext {
    let ctx = CipherContext { dkg_id: t.begin.repair_id, sender, recipient };
    let key = encryption::derive_key(&e.shared_key, &ctx);
    let values: Vec<SecretScalar> = values.iter().copied().map(SecretScalar::new).collect();
    encryption::encrypt_shares(&key, &ctx, &values, &mut common::rng(10))
}

fn found(signer: u32, offence: Offence) -> Vec<Finding> {
    vec![Finding { signer, offence }]
}

both_targets! {
    fn bad_pieces_name_the_sender_and_good_ones_the_accuser() {
        let (mut t, sim) = recorded();
        let e = evidence(&sim, 1, 0);
        // Honest pieces: the accuser is named, as with a proof for another pair.
        assert_eq!(blame::settle_bad_pieces(&t, 1, &[(0, e.clone())].into()), found(1, Offence::FalseAccusation));
        assert_eq!(blame::settle_bad_pieces(&t, 1, &[(2, e.clone())].into()), found(1, Offence::FalseAccusation));
        assert_eq!(blame::settle_bad_pieces(&t, 1, &BTreeMap::new()), found(1, Offence::FalseAccusation));
        // Helper 0's pieces to 1 replaced by values that decrypt but fail its commitments.
        let (_, keys, _) = network_keys(5, 41);
        let mut pieces = t.pieces[&0].message().clone();
        let wrong = vec![Scalar::from(5); t.begin.lost.len()];
        let entry = pieces.pieces.iter_mut().find(|p| p.recipient == 1).unwrap();
        entry.ciphertext = sealed(&t, &e, 0, 1, &wrong);
        t.pieces.insert(0, Packet::sign(Sender::Signer(0), pieces, &keys[0], &mut common::rng(11)));
        assert_eq!(blame::settle_bad_pieces(&t, 1, &[(0, e)].into()), found(0, Offence::BadRepairPieces));
    }

    fn bad_sums_name_the_helper_and_good_ones_the_repaired_signer() {
        let (mut t, sim) = recorded();
        let set = t.begin.repair_set().unwrap();
        let e = evidence(&sim, 4, 2);
        assert_eq!(blame::settle_bad_sums(&t, &set, &[(2, e.clone())].into()), found(4, Offence::FalseAccusation));
        let (_, keys, _) = network_keys(5, 41);
        let mut sum = t.sums[&2].message().clone();
        sum.status = RepairSumStatus::Sum(sealed(&t, &e, 2, 4, &vec![Scalar::from(7); t.begin.lost.len()]));
        t.sums.insert(2, Packet::sign(Sender::Signer(2), sum, &keys[2], &mut common::rng(12)));
        assert_eq!(blame::settle_bad_sums(&t, &set, &[(2, e)].into()), found(2, Offence::BadRepairSum));
    }

    fn bad_commitments_and_malformed_packets_are_named_from_the_packets_alone() {
        let (t, _) = recorded();
        let set = t.begin.repair_set().unwrap();
        let honest = t.commitments[&3].message().clone();
        assert_eq!(blame::check_repair_commitments(&t.begin, &set, &honest), Ok(()));
        let mut bad = honest.clone();
        bad.commitments[0].points[0] += base_mul(&Scalar::from(1));
        assert_eq!(blame::check_repair_commitments(&t.begin, &set, &bad), Err(Offence::BadRepairCommitments));
        let mut moved = honest;
        moved.commitments.pop();
        assert_eq!(blame::check_repair_commitments(&t.begin, &set, &moved), Err(Offence::BadRepairCommitments));
        // The repaired signer commits to nothing.
        assert_eq!(blame::check_repair_commitments(&t.begin, &set, t.commitments[&4].message()), Ok(()));
        let mut pieces = t.pieces[&1].message().clone();
        assert_eq!(blame::check_repair_pieces(&t.begin, &pieces), Ok(()));
        pieces.pieces.pop();
        assert_eq!(blame::check_repair_pieces(&t.begin, &pieces), Err(Offence::BadRepairPieces));
        let mut sum = t.sums[&0].message().clone();
        assert_eq!(blame::check_repair_sum(&t.begin, &sum), Ok(()));
        if let RepairSumStatus::Sum(c) = &mut sum.status {
            c.bytes.pop();
        }
        assert_eq!(blame::check_repair_sum(&t.begin, &sum), Err(Offence::BadRepairSum));
    }
}

both_targets! {
    fn every_deal_is_checked_in_one_batch_and_cancelling_errors_are_caught() {
        let (t, _) = recorded();
        let set = t.begin.repair_set().unwrap();
        let mut deals = t.deals();
        let mut rng = common::rng(13);
        assert_eq!(set.check_deals(&deals, &t.begin.public_keys, &mut rng), Ok(()));
        // Errors that cancel in the plain total: the random weights see them,
        // and each deal checked alone names both.
        let g = base_mul(&Scalar::from(1));
        deals.get_mut(&0).unwrap().get_mut(&1).unwrap()[0] += g;
        deals.get_mut(&1).unwrap().get_mut(&2).unwrap()[0] += -g;
        assert_eq!(
            set.check_deals(&deals, &t.begin.public_keys, &mut rng),
            Err(wsts_web::crypto::repair::RepairError::BadHelpers(vec![0, 1]))
        );
        deals.remove(&3);
        assert!(set.check_deals(&deals, &t.begin.public_keys, &mut rng).is_err(), "a missing deal fails");
    }
}
