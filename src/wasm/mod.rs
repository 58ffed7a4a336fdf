//! Browser bindings (wasm-bindgen). On wasm32 only.
//!
//! Packets cross the boundary as `Uint8Array` in the compact binary encoding;
//! configurations, events and results as plain JS objects (points and
//! signatures as hex strings). Errors are JS `Error`s with a stable `code`.
//! Time always comes from JS (`performance.now()`), in milliseconds.
//!
//! The default package is the product. The `demo` feature (the browser
//! demo's build, `scripts/build-browser.sh`) adds `Signer.misbehave` /
//! `Signer.behave`, `benchCeremony` and `benchReshare`, which need the
//! simulator.

#[cfg(feature = "demo")]
mod bench;
mod blame;
mod coordinator;
mod invitation;
mod libc_shim;
mod relay_auth;
mod reshare;
mod signer;
mod util;

#[cfg(feature = "demo")]
pub use bench::*;
pub use blame::*;
pub use coordinator::WasmCoordinator;
pub use invitation::*;
pub use relay_auth::*;
pub use signer::WasmSigner;
pub use util::*;
