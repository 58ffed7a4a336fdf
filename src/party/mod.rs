//! One signer's key material and the DKG and signing steps it takes, for both
//! schemes.
//!
//! - **v2 (weighted, the default):** a signer deals one polynomial, evaluated
//!   at every key id, and signs as one party holding all its key ids: one
//!   nonce and one signature share per signer, whatever its weight.
//! - **v1 (one party per key id):** a signer deals one polynomial per key id it
//!   holds, and each key id signs as its own party with its own nonce.
//!
//! Both produce the same kind of group key (the sum of every dealt constant
//! term) and the same per-key-id secret `x_k = Σ_dealers f_d(k)`; only the
//! number of polynomials and of signing parties differs, and that is all
//! [`Scheme`] decides. The state machines drive either through one API.

mod config;
mod dkg;
pub mod local;

pub use config::{Config, ConfigError, Scheme};
pub use dkg::{
    aggregate_rest, group_public_keys, settle_bad_private_shares, settle_bad_share_sum, BadShareEvidence, DkgFailure,
    DkgPrivateShares, DkgPublicShares, EncryptedShares, Party, SettleError, SumVerdict, Verdict,
};
