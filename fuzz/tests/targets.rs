//! Every fuzz target, as a test: the checked-in corpus (`fuzz/corpus/<name>/`)
//! first, then random inputs from bolero for `WSTS_FUZZ_SECONDS` seconds per
//! target (default 2; scripts/test.sh gives each more). A failing random
//! input is shrunk and printed with its `BOLERO_RANDOM_SEED`.

use std::{path::Path, time::Duration};

fn fuzz_seconds() -> u64 {
    std::env::var("WSTS_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(2)
}

/// Run every file of the target's corpus, then bolero's random inputs.
fn fuzz(name: &str) {
    let run = wsts_fuzz::target(name).expect("a target of that name");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(name);
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).expect("the target has a corpus").map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    for file in &files {
        let data = std::fs::read(file).unwrap();
        if std::panic::catch_unwind(|| run(&data)).is_err() {
            panic!("{name} panics on {}", file.display());
        }
    }
    bolero::check!()
        .with_test_time(Duration::from_secs(fuzz_seconds()))
        .with_max_len(8 * 1024)
        .for_each(|data: &[u8]| run(data));
}

#[test]
fn decode() {
    fuzz("decode");
}

#[test]
fn signer() {
    fuzz("signer");
}

#[test]
fn coordinator() {
    fuzz("coordinator");
}

#[test]
fn relay_frame() {
    fuzz("relay_frame");
}

#[test]
fn network() {
    fuzz("network");
}

#[test]
fn every_target_has_a_test() {
    let tested = ["decode", "signer", "coordinator", "relay_frame", "network"];
    for (name, _) in wsts_fuzz::TARGETS {
        assert!(tested.contains(name), "target {name} has no test in tests/targets.rs");
    }
}
