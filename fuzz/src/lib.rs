//! Fuzz targets for wsts-web and its relay.
//!
//! Every target is a plain function over bytes (`targets::*::run`), so the
//! same code runs under three drivers:
//! - `cargo test -p wsts-fuzz`: bolero replays the checked-in corpus
//!   (`corpus/<target>/`) and then feeds random inputs for a bounded time;
//! - `cargo afl build --features afl`: AFL++ binaries (`src/bin/fuzz_*.rs`)
//!   for coverage-guided campaigns;
//! - `wsts-fuzz-replay <target> <file>`: one input, for reproducing a crash.
//!
//! The inputs are structure-aware: the bytes are read through `arbitrary`
//! into a plan (which ceremony, which machine, which edits), and edits of a
//! message go through its serde tree ([`tree`]) and are signed again
//! ([`mutate`]), so mutated packets get past authentication into the rounds.
//! See docs/fuzzing.md.

pub mod mutate;
pub mod replay;
pub mod targets;
pub mod tree;
pub mod world;

/// A fuzz target: any bytes in, no panic out.
pub type Target = fn(&[u8]);

/// The targets by name: what the AFL binaries, the replay tool and the
/// corpus directories (`corpus/<name>/`) are called after.
pub const TARGETS: &[(&str, Target)] = &[
    ("decode", targets::decode::run),
    ("signer", targets::signer::run),
    ("coordinator", targets::coordinator::run),
    ("relay_frame", targets::relay_frame::run),
    ("network", targets::network::run),
];

/// The target called `name`.
pub fn target(name: &str) -> Option<Target> {
    TARGETS.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}
