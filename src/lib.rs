//! wsts-web: Weighted Schnorr Threshold Signatures for native and browser signers.
//!
//! The modules that read attacker-controlled input (packets, configurations,
//! saved state) may not panic on it, and the compiler holds them to it: they
//! deny the lints below, and each exception is an `#[allow]` with its reason
//! beside it. Tests are exempt (clippy.toml).

// Functions stay short enough to read at once (clippy.toml sets the
// threshold to 60 lines); with `-D warnings` in the test command, a longer one
// fails the lint step.
#![warn(clippy::too_many_lines)]

/// Modules under the no-panic lints.
macro_rules! no_panics {
    ($($(#[$meta:meta])* pub mod $name:ident;)*) => {
        $(
            $(#[$meta])*
            #[deny(
                clippy::unwrap_used,
                clippy::expect_used,
                clippy::indexing_slicing,
                clippy::panic,
                clippy::unreachable,
                clippy::todo,
                clippy::unimplemented
            )]
            pub mod $name;
        )*
    };
}

no_panics! {
    pub mod blame;
    pub mod config;
    pub mod keys;
    pub mod net;
    pub mod state_machine;
}

pub mod crypto;
#[cfg(feature = "sim")]
pub mod sim;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
