//! One module per fuzz target; each exposes `run(&[u8])`, which must never
//! panic (a panic is a bug in the code under test, or an oracle's finding).

pub mod coordinator;
pub mod decode;
pub mod network;
pub mod relay_frame;
pub mod signer;
