//! wsts-web: Weighted Schnorr Threshold Signatures for native and browser signers.
pub mod blame;
pub mod config;
pub mod crypto;
pub mod keys;
pub mod net;
pub mod sim;
pub mod state_machine;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
