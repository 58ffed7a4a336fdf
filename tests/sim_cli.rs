//! The `wsts-sim` command line: its JSON report and exit codes (native only).
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn sim(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_wsts-sim")).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn json_report_names_the_culprit_and_has_every_field() {
    let (code, out, err) = sim(&[
        "run",
        "--signers",
        "6",
        "--keys",
        "24",
        "--threshold",
        "13",
        "--sig-type",
        "taproot",
        "--merkle-root",
        &"ab".repeat(32),
        "--message",
        "cafe",
        "--sign-rounds",
        "2",
        "--seed",
        "3",
        "--adversary",
        "1:bad-private-shares=3",
        "--fault",
        "4:offline=share:1",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let attempts = report["dkg"]["attempts"].as_array().unwrap();
    assert!(!attempts[0]["ok"].as_bool().unwrap());
    assert_eq!(attempts[0]["malicious"], serde_json::json!({"1": "BadPrivateShares"}));
    assert!(attempts.last().unwrap()["ok"].as_bool().unwrap());
    for key in ["reported_failures", "unresponsive"] {
        assert!(attempts[0].get(key).is_some(), "{key}");
    }
    assert_eq!(report["aggregate_public_key"].as_str().unwrap().len(), 66);
    let sigs = report["signatures"].as_array().unwrap();
    assert_eq!(sigs.len(), 2);
    for s in sigs {
        assert_eq!(s["type"], "taproot");
        assert_eq!(s["message"], "cafe");
        assert_eq!(s["merkle_root"], "ab".repeat(32));
        assert_eq!(s["signature"].as_str().unwrap().len(), 128);
        assert_eq!(s["verify_key"].as_str().unwrap().len(), 64);
        assert_ne!(s["verify_key"], s["internal_key"], "taproot verifies under the tweaked key");
        assert!(s["ok"].as_bool().unwrap());
        assert!(!s["signers_used"].as_array().unwrap().contains(&serde_json::json!(1)));
    }
    assert!(!sigs[0]["signers_used"].as_array().unwrap().contains(&serde_json::json!(4)));
    assert_eq!(report["malicious"], serde_json::json!({"1": "BadPrivateShares"}));
}

#[test]
fn exit_codes() {
    // No signature possible: two of four equal signers offline in every round.
    let (code, _, _) = sim(&[
        "run",
        "--signers",
        "4",
        "--keys",
        "20",
        "--threshold",
        "13",
        "--fault",
        "0:offline=sign",
        "--fault",
        "1:offline=sign",
    ]);
    assert_eq!(code, 1);
    let (code, _, err) = sim(&["run", "--signers", "4", "--keys", "20", "--threshold", "21"]);
    assert_eq!(code, 2);
    assert!(err.contains("threshold 21 exceeds the 20 key ids"), "{err}");
    let (code, _, err) =
        sim(&["run", "--signers", "4", "--keys", "20", "--threshold", "13", "--adversary", "1:nonsense"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown behaviour"), "{err}");
    let (code, out, _) = sim(&["run", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("withhold-private-shares"));
}

#[test]
fn weights_replace_the_counts_and_must_agree_with_them() {
    // Signer 2 (weight 9 of 16) is needed for threshold 10; signers 0 and 3 are not.
    let (code, out, err) =
        sim(&["run", "--weights", "1,3,9,3", "--threshold", "10", "--fault", "0:offline=sign", "--json"]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let used = report["signatures"][0]["signers_used"].as_array().unwrap();
    assert!(used.contains(&serde_json::json!(2)) && !used.contains(&serde_json::json!(0)), "{used:?}");
    let (code, _, err) = sim(&["run", "--weights", "1,3,9,3", "--signers", "4", "--keys", "16", "--threshold", "10"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = sim(&["run", "--weights", "1,3,9,3", "--keys", "20", "--threshold", "10"]);
    assert_eq!(code, 2);
    assert!(err.contains("the number of key ids is 20 but the weights give 16"), "{err}");
    let (code, _, err) = sim(&["run", "--weights", "1,3,9,3", "--signers", "5", "--threshold", "10"]);
    assert_eq!(code, 2);
    assert!(err.contains("the number of signers is 5 but the weights give 4"), "{err}");
    let (code, _, err) = sim(&["run", "--signers", "4", "--threshold", "10"]);
    assert_eq!(code, 2, "clap asks for --keys or --weights: {err}");
    // With signer 2 silent, 7 < 10 key ids remain: no signature, nobody malicious.
    let (code, out, _) =
        sim(&["run", "--weights", "1,3,9,3", "--threshold", "10", "--fault", "2:offline=sign", "--json"]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["malicious"], serde_json::json!({}));
    let (code, out, err) = sim(&["bench", "--weights", "1,2,3", "--threshold", "4", "--json"]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((report["signers"].clone(), report["keys"].clone()), (serde_json::json!(3), serde_json::json!(6)));
    assert_eq!(report["weight_range"], serde_json::json!([1, 3]));
}

#[test]
fn roast_reports_its_sessions() {
    // Signer 0 answers the nonce request, then goes silent: its session stalls.
    let (code, out, err) = sim(&[
        "run",
        "--weights",
        "4,1,2,3",
        "--threshold",
        "6",
        "--coordinator",
        "roast",
        "--fault",
        "0:offline=share:1",
        "--sign-rounds",
        "2",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let sigs = report["signatures"].as_array().unwrap();
    assert_eq!(sigs[0]["sessions"], serde_json::json!(2), "{out}");
    assert_eq!(sigs[0]["signers_used"], serde_json::json!([1, 2, 3]));
    assert!(sigs.iter().all(|s| s["ok"] == serde_json::json!(true)));
    assert_eq!(report["malicious"], serde_json::json!({}));
    // The bench under a coordinated attack: the two lightest (1 and 2) of
    // 4,1,2,3 can be silent and leave 7 >= 6; they stall one session.
    let (code, out, err) =
        sim(&["bench", "--weights", "4,1,2,3", "--threshold", "6", "--coordinator", "roast", "--attack", "--json"]);
    assert_eq!(code, 0, "{err}");
    let bench: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(bench["attackers"], serde_json::json!(2), "{out}");
    assert!(bench["sessions"].as_u64().unwrap() <= 3, "{out}");
    assert!(bench["round_trips"].as_f64().unwrap() >= 2.0, "{out}");
    // FIRE reports its attempts as sessions.
    let (_, out, _) = sim(&["run", "--weights", "4,1,2,3", "--threshold", "6", "--json"]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["signatures"][0]["sessions"], serde_json::json!(1));
}

#[test]
fn bench_times_signers_on_either_clock() {
    for clock in [None, Some("--cpu-clock")] {
        let mut args = vec!["bench", "--signers", "4", "--keys", "20", "--threshold", "13", "--json"];
        args.extend(clock);
        let (code, out, err) = sim(&args);
        assert_eq!(code, 0, "{clock:?}: {err}");
        let report: serde_json::Value = serde_json::from_str(&out).expect("one line of JSON");
        // A signer's DKG costs some time on either clock, and less than the whole run.
        let median = report["dkg_signer_ms"]["median"].as_f64().expect("a number");
        let total = report["total_ms"].as_f64().expect("a number");
        assert!(median > 0.0 && median < total, "{clock:?}: median {median} ms, total {total} ms");
    }
}

#[test]
fn a_reshare_reports_the_same_key_and_epoch_1_signatures_by_the_new_set() {
    let (code, out, err) = sim(&[
        "run",
        "--weights",
        "3,3,2,2",
        "--threshold",
        "6",
        "--reshare-weights",
        "1,0,1,2,4",
        "--reshare-threshold",
        "7",
        "--reshare-adversary",
        "2:bad-private-shares=0",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["reshared_group_key"], v["aggregate_public_key"], "{out}");
    assert!(v["reshared_group_key"].is_string());
    assert_eq!(v["malicious"], serde_json::json!({ "2": "BadPrivateShares" }));
    let signatures = v["signatures"].as_array().unwrap();
    assert_eq!(signatures.iter().map(|s| s["epoch"].as_u64().unwrap()).collect::<Vec<_>>(), vec![0, 1]);
    // Signer 1 left and 2 was proven malicious: 0, 3 and 4 (weight 7) sign.
    assert_eq!(signatures[1]["signers_used"], serde_json::json!([0, 3, 4]), "{out}");
    assert!(signatures.iter().all(|s| s["ok"] == true));
    let (code, _, err) = sim(&["run", "--weights", "3,3", "--threshold", "4", "--refresh", "--reshare-threshold", "3"]);
    assert_eq!(code, 2, "--refresh cannot change the threshold: {err}");
}

#[test]
fn the_reshare_adversary_bad_constant_term_is_named() {
    let args = [
        "run",
        "--weights",
        "3,3,2,2",
        "--threshold",
        "6",
        "--refresh",
        "--reshare-adversary",
        "2:bad-constant-term",
        "--json",
    ];
    let (code, out, err) = sim(&args);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["malicious"], serde_json::json!({ "2": "BadConstantTerm" }), "{out}");
    assert_eq!(v["reshared_group_key"], v["aggregate_public_key"], "{out}");
}

#[test]
fn a_repair_reports_success_and_names_its_culprit() {
    let (code, out, err) = sim(&[
        "run",
        "--weights",
        "3,3,3,3,2",
        "--threshold",
        "8",
        "--repair",
        "4",
        "--repair-adversary",
        "1:bad-piece",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["repair"]["ok"], true, "{out}");
    assert_eq!(v["repair"]["signer"], 4);
    assert_eq!(v["repair"]["blamed"], serde_json::json!({ "1": "BadRepairPieces" }), "{out}");
    assert_eq!(v["malicious"], serde_json::json!({ "1": "BadRepairPieces" }));
    let signatures = v["signatures"].as_array().unwrap();
    assert!(signatures.len() == 2 && signatures.iter().all(|s| s["ok"] == true), "{out}");
    let (code, _, err) = sim(&["run", "--weights", "3,3", "--threshold", "4", "--repair-adversary", "1:bad-sum"]);
    assert_eq!(code, 2, "--repair-adversary needs --repair: {err}");
}
