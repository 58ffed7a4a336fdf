//! Blame in a reshare: the DKG packets and the DKG's pure blame functions,
//! judged under a reshare's [`ReshareDealing`] instead of a DKG's `Config`.
//! A dealer whose constant term does not match the old public key shares is
//! named from public data alone; bad, withheld and equivocated packets are
//! settled from signed packets and DH-tuple proofs; a false accusation names
//! the accuser; a lost message blames no one.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::collections::BTreeMap;

use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use wsts_web::{
    blame::{
        check_equivocation, check_private_shares, check_public_shares, settle_bad_share_sum, settle_dkg_failure,
        DkgTranscript, Finding, Offence, SumVerdict,
    },
    config::{Dealing, ReshareDealing},
    crypto::{
        base_mul,
        dh_tuple::{TupleContext, TupleProof},
        encryption::{self, CipherContext, KexKeyPair},
        polynomial::{CommitmentError, PolyCommitment, Polynomial},
        proof_of_possession::{PopContext, PopPurpose, ProofOfPossession},
        reshare::DealerSet,
        secret::SecretScalar,
        share_verify::{verify_shares, DealtShares},
        signing::GroupPublicKeys,
        KeyId, Point, Scalar, SignerId,
    },
    net::{
        BadShareEvidence, DkgEndFailure, DkgFailure, DkgPrivateShares, DkgPublicShares, NetworkKeys, Packet,
        RecipientShares, Sender, SharePayload,
    },
};

const DKG_ID: u64 = 9;
const OLD_T: usize = 5;
const NEW_T: usize = 6;

/// Old: signers 0..=3 with weights 2, 3, 1, 2 at t = 5. Signers 0, 1 and 3
/// (weight 7) deal; 2 and 3 leave, 4 and 5 join; new t = 6 over 8 key ids.
struct Reshare {
    old_keys: GroupPublicKeys,
    old_shares: BTreeMap<SignerId, BTreeMap<KeyId, SecretScalar>>,
    dealing: ReshareDealing,
    kex: BTreeMap<SignerId, KexKeyPair>,
    polys: BTreeMap<SignerId, Polynomial>,
    network: Vec<SecretScalar>,
    rng: ChaCha20Rng,
}

fn setup(seed: u64) -> Reshare {
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    let old: BTreeMap<SignerId, Vec<KeyId>> =
        [(0, vec![1, 2]), (1, vec![3, 4, 5]), (2, vec![6]), (3, vec![7, 8])].into();
    let f = Polynomial::random(OLD_T, &mut rng);
    let commitment = f.commit();
    let old_keys = GroupPublicKeys { group_key: commitment[0], summed_commitment: commitment };
    let old_shares = old.iter().map(|(&s, ks)| (s, ks.iter().map(|&k| (k, f.share_for(k))).collect())).collect();
    let dealers = DealerSet::new([0, 1, 3].into_iter().map(|d| (d, old[&d].clone())).collect(), OLD_T).unwrap();
    let recipients = [(0, vec![1, 2]), (1, vec![3, 4, 5]), (4, vec![6, 7]), (5, vec![8])].into();
    let dealing = ReshareDealing::new(&old_keys, dealers, recipients, NEW_T).unwrap();
    let kex = (0..6).map(|s| (s, KexKeyPair::generate(&mut rng))).collect();
    let network = (0..6).map(|_| SecretScalar::random(&mut rng)).collect();
    let mut r = Reshare { old_keys, old_shares, dealing, kex, polys: BTreeMap::new(), network, rng };
    for d in [0, 1, 3] {
        let poly = r.dealing.dealers().deal(d, &r.old_shares[&d], NEW_T, &mut r.rng).unwrap();
        r.polys.insert(d, poly);
    }
    r
}

impl Reshare {
    fn participants(&self) -> Vec<SignerId> {
        vec![0, 1, 3, 4, 5]
    }

    fn public(&mut self, signer: SignerId) -> DkgPublicShares {
        let ctx = |purpose, index| PopContext { purpose, dkg_id: DKG_ID, signer_id: signer, index };
        let commitments = match self.polys.get(&signer) {
            Some(p) => vec![PolyCommitment::new(p, &ctx(PopPurpose::Polynomial, 0), &mut self.rng)],
            None => vec![],
        };
        let kex = &self.kex[&signer];
        let kex_proof =
            ProofOfPossession::prove(&kex.secret, &kex.public, &ctx(PopPurpose::KeyExchange, 0), &mut self.rng);
        DkgPublicShares { dkg_id: DKG_ID, signer_id: signer, commitments, kex_public: kex.public, kex_proof }
    }

    /// Dealer's encrypted shares to every other recipient; `alter` may change one's plaintext.
    fn private(&mut self, dealer: SignerId, alter: impl Fn(SignerId, &mut Vec<SecretScalar>)) -> DkgPrivateShares {
        let recipients: Vec<(SignerId, Vec<KeyId>)> =
            self.dealing.recipients().iter().filter(|(r, _)| **r != dealer).map(|(r, k)| (*r, k.clone())).collect();
        let shares = recipients
            .into_iter()
            .map(|(recipient, keys)| {
                let ctx = CipherContext { dkg_id: DKG_ID, sender: dealer, recipient };
                let key = encryption::derive_key(&self.kex[&dealer].shared_point(&self.kex[&recipient].public), &ctx);
                let mut plain: Vec<SecretScalar> = keys.iter().map(|&k| self.polys[&dealer].share_for(k)).collect();
                alter(recipient, &mut plain);
                let ciphertext = encryption::encrypt_shares(&key, &ctx, &plain, &mut self.rng);
                RecipientShares { recipient, payload: SharePayload::Ciphertext(ciphertext) }
            })
            .collect();
        DkgPrivateShares { dkg_id: DKG_ID, signer_id: dealer, shares }
    }

    fn evidence(&mut self, prover: SignerId, other: SignerId) -> BadShareEvidence {
        let ctx = TupleContext { dkg_id: DKG_ID, prover, other };
        let (shared_key, proof) =
            TupleProof::prove(&self.kex[&prover].secret, &self.kex[&other].public, &ctx, &mut self.rng);
        BadShareEvidence { shared_key, proof }
    }

    fn sign<M: wsts_web::net::Body>(&mut self, signer: SignerId, message: M) -> Packet<M> {
        Packet::sign(Sender::Signer(signer), message, &self.network[signer as usize], &mut self.rng)
    }

    fn network_keys(&self) -> NetworkKeys {
        NetworkKeys {
            coordinator: base_mul(&Scalar::from(3)),
            signers: self.network.iter().map(|k| base_mul(k.expose())).collect(),
        }
    }

    /// The coordinator's transcript of honest packets, with `private` overrides.
    fn transcript(&mut self, private: BTreeMap<SignerId, DkgPrivateShares>) -> DkgTranscript {
        let mut t = DkgTranscript { dkg_id: DKG_ID, ..Default::default() };
        for s in self.participants() {
            let public = self.public(s);
            t.public.insert(s, self.sign(s, public));
        }
        for (d, p) in private {
            t.private.insert(d, self.sign(d, p));
        }
        t
    }

    fn honest_private(&mut self) -> BTreeMap<SignerId, DkgPrivateShares> {
        [0, 1, 3].into_iter().map(|d| (d, self.private(d, |_, _| {}))).collect()
    }

    fn settle(&self, t: &DkgTranscript, reporter: SignerId, failure: DkgFailure) -> Vec<Finding> {
        settle_dkg_failure(&self.dealing, &self.network_keys(), t, reporter, &DkgEndFailure::Shares(vec![failure]))
    }
}

fn recipients_list(r: &Reshare) -> Vec<SignerId> {
    r.dealing.recipients().keys().copied().collect()
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn honest_reshare_packets_pass_and_make_the_old_key() {
    let mut r = setup(1);
    let recipients = recipients_list(&r);
    for s in r.participants() {
        let public = r.public(s);
        assert_eq!(check_public_shares(&r.dealing, DKG_ID, &public), Ok(()), "signer {s}");
        assert_eq!(public.commitments.len(), r.dealing.polynomials_of(s));
    }
    let private = r.honest_private();
    for p in private.values() {
        assert_eq!(check_private_shares(&r.dealing, DKG_ID, p, &recipients), Ok(()));
    }
    // Recipient 4 (new) decrypts and checks every dealer's shares, batched.
    let commitments: BTreeMap<SignerId, Vec<Point>> = r.polys.iter().map(|(&d, p)| (d, p.commit())).collect();
    let shares: BTreeMap<SignerId, Vec<SecretScalar>> = private
        .iter()
        .map(|(&d, p)| {
            let ctx = CipherContext { dkg_id: DKG_ID, sender: d, recipient: 4 };
            let key = encryption::derive_key(&r.kex[&4].shared_point(&r.kex[&d].public), &ctx);
            (d, encryption::decrypt_shares(&key, &ctx, p.ciphertext_for(4).unwrap(), 2).unwrap())
        })
        .collect();
    let dealt: Vec<_> =
        [0, 1, 3].iter().map(|d| DealtShares { dealer: *d, commitment: &commitments[d], shares: &shares[d] }).collect();
    assert_eq!(verify_shares(&[6, 7], NEW_T, &dealt, &mut r.rng), Ok(()));
    let group_key = commitments.values().fold(Point::identity(), |acc, c| acc + c[0]);
    assert_eq!(group_key, r.old_keys.group_key);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_wrong_constant_term_is_named_from_public_data_alone() {
    let mut r = setup(2);
    // Dealer 1 deals its plain share sum, with a valid proof of possession.
    let plain = r.old_shares[&1].values().fold(Scalar::from(0), |a, x| a + x.expose());
    r.polys.insert(1, Polynomial::with_constant(SecretScalar::new(plain), NEW_T, &mut r.rng));
    let public = r.public(1);
    assert_eq!(check_public_shares(&r.dealing, DKG_ID, &public), Err(Offence::BadConstantTerm));
    assert_eq!(public.pruned().verify(&r.dealing), Err(CommitmentError::WrongConstant), "pruned copy too");
    let t = r.transcript(BTreeMap::new());
    let claim = |s: SignerId| DkgFailure::BadPublicShares([s].into());
    assert_eq!(r.settle(&t, 4, claim(1)), vec![Finding { signer: 1, offence: Offence::BadConstantTerm }]);
    assert_eq!(r.settle(&t, 4, claim(0)), vec![Finding { signer: 4, offence: Offence::FalseAccusation }]);
    // A dealer with a commitment for a recipient that deals nothing, or none at all, is malformed.
    let mut joiner = r.public(4);
    joiner.commitments = public.commitments.clone();
    assert_eq!(check_public_shares(&r.dealing, DKG_ID, &joiner), Err(Offence::BadPublicShares));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn bad_private_shares_are_settled_and_a_false_accusation_names_the_accuser() {
    let mut r = setup(3);
    let mut private = r.honest_private();
    private.insert(
        3,
        r.private(3, |to, s| {
            if to == 4 {
                s[1] = SecretScalar::new(s[1].expose() + Scalar::from(1));
            }
        }),
    );
    let t = r.transcript(private.clone());
    let claim = |e| DkgFailure::BadPrivateShares([(3, e)].into());
    let by_4 = r.evidence(4, 3);
    assert_eq!(r.settle(&t, 4, claim(by_4)), vec![Finding { signer: 3, offence: Offence::BadPrivateShares }]);
    let by_5 = r.evidence(5, 3);
    assert_eq!(r.settle(&t, 5, claim(by_5)), vec![Finding { signer: 5, offence: Offence::FalseAccusation }]);
    // Evidence with another pair's key proves nothing: the accuser is named.
    let forged = r.evidence(5, 3);
    assert_eq!(r.settle(&t, 4, claim(forged)), vec![Finding { signer: 4, offence: Offence::FalseAccusation }]);

    // The same claim as a bad sum: evidence against every dealer names only 3.
    let evidence: BTreeMap<SignerId, BadShareEvidence> = [0, 1, 3].into_iter().map(|d| (d, r.evidence(4, d))).collect();
    let sum = DkgFailure::BadShareSum(evidence.clone());
    assert_eq!(r.settle(&t, 4, sum), vec![Finding { signer: 3, offence: Offence::BadPrivateShares }]);
    let publics: BTreeMap<SignerId, DkgPublicShares> =
        [0, 1, 3, 4].into_iter().map(|s| (s, t.public[&s].message().clone())).collect();
    let none = DkgPrivateShares { dkg_id: DKG_ID, signer_id: 4, shares: vec![] };
    let dealers = publics.iter().map(|(s, p)| (*s, (p, private.get(s).unwrap_or(&none)))).collect();
    assert_eq!(settle_bad_share_sum(&r.dealing, &dealers, 4, &evidence), Ok(SumVerdict::SendersAtFault([3].into())));
    // Recipient 5 got good shares: its bad-sum claim is false.
    let evidence = [0, 1, 3].into_iter().map(|d| (d, r.evidence(5, d))).collect();
    assert_eq!(
        r.settle(&t, 5, DkgFailure::BadShareSum(evidence)),
        vec![Finding { signer: 5, offence: Offence::FalseAccusation }]
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn withheld_shares_are_named_and_a_lost_packet_blames_no_one() {
    let mut r = setup(4);
    let recipients = recipients_list(&r);
    let mut private = r.honest_private();
    let mut withheld = private[&0].clone();
    withheld.shares.retain(|s| s.recipient != 5);
    assert_eq!(check_private_shares(&r.dealing, DKG_ID, &withheld, &recipients), Err(Offence::WithheldPrivateShares));
    private.insert(0, withheld);
    // Dealer 1's packet was lost on the way: the coordinator never had it.
    private.remove(&1);
    let t = r.transcript(private);
    let missing = |s: SignerId| DkgFailure::MissingPrivateShares([s].into());
    assert_eq!(r.settle(&t, 5, missing(0)), vec![Finding { signer: 0, offence: Offence::WithheldPrivateShares }]);
    assert_eq!(r.settle(&t, 4, missing(0)), vec![Finding { signer: 4, offence: Offence::FalseAccusation }]);
    assert_eq!(r.settle(&t, 4, missing(1)), vec![], "a lost packet is no one's offence");
    assert_eq!(r.settle(&t, 4, missing(3)), vec![Finding { signer: 4, offence: Offence::FalseAccusation }]);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn an_equivocating_dealer_is_named() {
    let mut r = setup(5);
    let private = r.honest_private();
    let t = r.transcript(private);
    let other_public = r.public(1);
    let other = r.sign(1, other_public);
    assert_eq!(check_equivocation(&t.public[&1], &other), Some(Finding { signer: 1, offence: Offence::Equivocation }));
    let keys = r.network_keys();
    let claim = |packet: &Packet<DkgPublicShares>| DkgEndFailure::Equivocation {
        signer: 1,
        packet: packet.clone().widen().to_bytes(),
    };
    let settle = |p| settle_dkg_failure(&r.dealing, &keys, &t, 4, &claim(p));
    assert_eq!(settle(&other), vec![Finding { signer: 1, offence: Offence::Equivocation }]);
    assert_eq!(settle(&t.public[&1]), vec![Finding { signer: 4, offence: Offence::FalseAccusation }]);
}
