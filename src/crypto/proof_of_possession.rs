//! Schnorr proofs of knowledge of a discrete logarithm (FROST §5.1, round 1,
//! step 2), used as proofs of possession.
//!
//! The challenge binds the purpose, the DKG id, the signer id and the
//! polynomial index, so a proof can't be replayed into another round, by
//! another signer, or for another key. This is what stops rogue-key attacks
//! on the group key.

use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};

use super::{
    base_mul,
    encoding::{serde_point, serde_scalar},
    hash::{tags, TaggedHash},
    is_identity,
    nonce::derive_secret_nonce,
    secret::SecretScalar,
    Point, Scalar, SignerId,
};

/// What a proof of possession is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PopPurpose {
    /// The constant term of a DKG polynomial.
    Polynomial,
    /// A per-DKG key-exchange key for encrypting shares.
    KeyExchange,
}

/// Everything a proof is bound to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PopContext {
    pub purpose: PopPurpose,
    pub dkg_id: u64,
    pub signer_id: SignerId,
    /// The polynomial's index among the signer's polynomials (v1 has one per
    /// key id, v2 one per signer); 0 for key-exchange keys.
    pub index: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProofOfPossession {
    #[serde(with = "serde_point")]
    pub r: Point,
    #[serde(with = "serde_scalar")]
    pub s: Scalar,
}

fn challenge(public: &Point, r: &Point, ctx: &PopContext) -> Scalar {
    TaggedHash::new(tags::PROOF_OF_POSSESSION)
        .bytes(&[ctx.purpose as u8])
        .u64(ctx.dkg_id)
        .u32(ctx.signer_id)
        .u32(ctx.index)
        .point(public)
        .point(r)
        .finish_scalar()
}

impl ProofOfPossession {
    pub fn prove<R: RngCore + CryptoRng>(secret: &SecretScalar, public: &Point, ctx: &PopContext, rng: &mut R) -> Self {
        let k = derive_secret_nonce(rng, secret.expose(), tags::PROOF_OF_POSSESSION);
        let r = base_mul(k.expose());
        let c = challenge(public, &r, ctx);
        ProofOfPossession { r, s: k.expose() + (c * secret.expose()) }
    }

    /// `s·G = R + c·P`, with neither `P` nor `R` the identity.
    pub fn verify(&self, public: &Point, ctx: &PopContext) -> bool {
        if is_identity(public) || is_identity(&self.r) {
            return false;
        }
        let c = challenge(public, &self.r, ctx);
        // s·G − c·P = R, in one double multiplication.
        public.mul_add_generator(&-c, &self.s) == self.r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

    #[test]
    fn proof_binds_its_context() {
        let mut rng = ChaCha20Rng::seed_from_u64(3);
        let x = SecretScalar::random(&mut rng);
        let p = base_mul(x.expose());
        let ctx = PopContext { purpose: PopPurpose::Polynomial, dkg_id: 9, signer_id: 1, index: 0 };
        let proof = ProofOfPossession::prove(&x, &p, &ctx, &mut rng);
        assert!(proof.verify(&p, &ctx));
        for other in [
            PopContext { dkg_id: 10, ..ctx },
            PopContext { signer_id: 2, ..ctx },
            PopContext { index: 1, ..ctx },
            PopContext { purpose: PopPurpose::KeyExchange, ..ctx },
        ] {
            assert!(!proof.verify(&p, &other), "{other:?}");
        }
        assert!(!proof.verify(&(p + base_mul(&Scalar::from(1))), &ctx));
        let forged = ProofOfPossession { s: proof.s + Scalar::from(1), ..proof.clone() };
        assert!(!forged.verify(&p, &ctx));
    }
}
