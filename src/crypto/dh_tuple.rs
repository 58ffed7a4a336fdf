//! Chaum-Pedersen proofs that `(G, X, P, K)` is a Diffie-Hellman tuple:
//! the prover knows `x` with `X = x·G` and `K = x·P` (Chaum and Pedersen,
//! CRYPTO 1992).
//!
//! A signer who received a bad encrypted share reveals the shared key
//! `K = x_recipient·X_sender` for that one sender, with this proof. Anyone
//! holding the two public key-exchange keys can then check `K`, derive the
//! symmetric key, decrypt the sender's ciphertext and check the share against
//! the sender's commitment — without learning any other secret.

use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};

use super::{
    base_mul,
    encoding::{serde_point, serde_scalar},
    hash::{tags, TaggedHash},
    is_identity, mul_secret,
    nonce::derive_secret_nonce,
    secret::SecretScalar,
    Point, Scalar, SignerId,
};

/// What a tuple proof is bound to: the DKG round and both parties.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TupleContext {
    pub dkg_id: u64,
    pub prover: SignerId,
    pub other: SignerId,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TupleProof {
    #[serde(with = "serde_point")]
    pub r_g: Point,
    #[serde(with = "serde_point")]
    pub r_p: Point,
    #[serde(with = "serde_scalar")]
    pub s: Scalar,
}

fn challenge(x: &Point, p: &Point, k: &Point, r_g: &Point, r_p: &Point, ctx: &TupleContext) -> Scalar {
    TaggedHash::new(tags::DH_TUPLE)
        .u64(ctx.dkg_id)
        .u32(ctx.prover)
        .u32(ctx.other)
        .point(x)
        .point(p)
        .point(k)
        .point(r_g)
        .point(r_p)
        .finish_scalar()
}

impl TupleProof {
    /// Prove that `K = x·P` where `X = x·G`. Constant time in `x` and the
    /// proof's nonce.
    pub fn prove<R: RngCore + CryptoRng>(
        x: &SecretScalar,
        p: &Point,
        ctx: &TupleContext,
        rng: &mut R,
    ) -> (Point, Self) {
        let public = base_mul(x.expose());
        let k = mul_secret(p, x.expose());
        let nonce = derive_secret_nonce(rng, x.expose(), tags::DH_TUPLE);
        let r_g = base_mul(nonce.expose());
        let r_p = mul_secret(p, nonce.expose());
        let c = challenge(&public, p, &k, &r_g, &r_p, ctx);
        let s = nonce.expose() + (c * x.expose());
        (k, TupleProof { r_g, r_p, s })
    }

    /// Check `s·G = R_G + c·X` and `s·P = R_P + c·K`.
    pub fn verify(&self, x: &Point, p: &Point, k: &Point, ctx: &TupleContext) -> bool {
        if [x, p, k, &self.r_g, &self.r_p].into_iter().any(is_identity) {
            return false;
        }
        let c = challenge(x, p, k, &self.r_g, &self.r_p, ctx);
        x.mul_add_generator(&-c, &self.s) == self.r_g && p * &self.s == self.r_p + (k * &c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

    #[test]
    fn honest_proof_verifies_and_forgeries_fail() {
        let mut rng = ChaCha20Rng::seed_from_u64(7);
        let x = SecretScalar::random(&mut rng);
        let y = SecretScalar::random(&mut rng);
        let (xp, yp) = (base_mul(x.expose()), base_mul(y.expose()));
        let ctx = TupleContext { dkg_id: 1, prover: 0, other: 1 };
        let (k, proof) = TupleProof::prove(&x, &yp, &ctx, &mut rng);
        assert_eq!(k, &xp * y.expose(), "both sides derive the same DH key");
        assert!(proof.verify(&xp, &yp, &k, &ctx));
        // A wrong key, even with a re-made challenge, fails.
        let wrong_k = k + base_mul(&Scalar::from(1));
        assert!(!proof.verify(&xp, &yp, &wrong_k, &ctx));
        assert!(!proof.verify(&xp, &yp, &k, &TupleContext { dkg_id: 2, ..ctx }));
        let forged = TupleProof { s: proof.s + Scalar::from(1), ..proof.clone() };
        assert!(!forged.verify(&xp, &yp, &k, &ctx));
        // A proof made with a different secret for the same X fails.
        let (k2, proof2) = TupleProof::prove(&y, &yp, &ctx, &mut rng);
        assert!(!proof2.verify(&xp, &yp, &k2, &ctx));
    }
}
