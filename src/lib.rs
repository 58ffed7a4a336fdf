//! wsts-web: Weighted Schnorr Threshold Signatures for native and browser signers.
pub mod crypto;
pub mod party;

#[cfg(target_arch = "wasm32")]
mod wasm;
