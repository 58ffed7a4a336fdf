use super::*;
use base64::engine::general_purpose::STANDARD;

#[test]
fn base64_matches_full_decoder() {
    let mut cases: Vec<String> = vec![
        "".into(),
        "QQ==".into(),
        "QUI=".into(),
        "QUJD".into(),
        "QQ==QUJD".into(),
        "QQ=".into(),
        "Q===".into(),
        "QR==".into(), // non-canonical trailing bits
        "QUJD\n".into(),
        "QU JD".into(),
        "QUJD-_==".into(),
        "====".into(),
    ];
    // Long strings crossing the chunk boundary, with padding/garbage at
    // every interesting position.
    for n in [3070usize, 3071, 3072, 3073, 6144, 6145, 10_000] {
        let payload: Vec<u8> = (0..n).map(|i| (i * 7 % 251) as u8).collect();
        let good = STANDARD.encode(&payload);
        cases.push(good.clone());
        for pos in [0, 4093, 4094, 4095, 4096, 4097, good.len() - 3, good.len() - 1] {
            if pos < good.len() {
                for c in ['=', '*', 'A'] {
                    let mut bad = good.clone().into_bytes();
                    bad[pos] = c as u8;
                    cases.push(String::from_utf8(bad).unwrap());
                }
            }
        }
    }
    for case in &cases {
        assert_eq!(
            is_valid_base64(case),
            STANDARD.decode(case).is_ok(),
            "disagreement on {:?}",
            &case[..case.len().min(40)]
        );
    }
}

#[test]
fn names() {
    assert!(is_valid_name("room-1_A"));
    assert!(is_valid_name(&"a".repeat(64)));
    assert!(!is_valid_name(&"a".repeat(65)));
    assert!(!is_valid_name(""));
    assert!(!is_valid_name("a b"));
    assert!(!is_valid_name("é"));
    assert!(!is_valid_name("../x"));
}

#[test]
fn parses_every_client_frame() {
    let join = parse_client_frame(r#"{"type":"join","room":"r","peer":"p","pubkey":"ab","signature":"cd"}"#).unwrap();
    assert!(
        matches!(&join, ClientFrame::Join { room, peer, pubkey, signature }
            if room == "r" && peer == "p" && pubkey == "ab" && signature == "cd"),
        "{join:?}"
    );
    let text = r#"{"type":"broadcast","data":"QQ=="}"#;
    let broadcast = parse_client_frame(text).unwrap();
    assert!(matches!(&broadcast, ClientFrame::Broadcast { data: Cow::Borrowed("QQ==") }), "borrowed: {broadcast:?}");
    let send = parse_client_frame(r#"{"type":"send","to":"x","data":""}"#).unwrap();
    assert!(matches!(&send, ClientFrame::Send { to, data } if to == "x" && data.is_empty()), "{send:?}");
    let signal = parse_client_frame(r#"{"type":"signal","to":"x","signal":{"sdp":[1, 2]}}"#).unwrap();
    assert!(
        matches!(&signal, ClientFrame::Signal { to, signal } if to == "x" && signal.get() == r#"{"sdp":[1, 2]}"#),
        "kept as sent: {signal:?}"
    );
    assert!(matches!(parse_client_frame(r#"{"type":"ping"}"#).unwrap(), ClientFrame::Ping));
}

#[test]
fn rejects_malformed_frames() {
    for bad in [
        "",
        "not json",
        "[]",
        "{}",
        r#"{"type":"nope"}"#,
        r#"{"type":"ping","extra":1}"#,
        r#"{"type":"ping","data":"QQ=="}"#,
        r#"{"type":"broadcast"}"#,
        r#"{"type":"broadcast","data":5}"#,
        r#"{"type":"broadcast","data":"not base64!"}"#,
        r#"{"type":"broadcast","data":"QQ==","signal":[0,0,0]}"#,
        r#"{"type":"send","data":"QQ=="}"#,
        r#"{"type":"join","room":"r"}"#,
        r#"{"type":"join","room":"r","peer":"p","pubkey":"ab"}"#,
        r#"{"type":"join","room":"r","peer":"p","signature":"ab"}"#,
        r#"{"type":"broadcast","data":"QQ==","data":"QQ=="}"#,
        r#"{"type":"signal","to":"x"}"#,
        r#"{"type":"signal","to":"x","signal":[1,}"#,
        r#"{"type":"send","to":5,"data":"QQ=="}"#,
    ] {
        let err = parse_client_frame(bad).unwrap_err();
        assert_eq!(err.code, ErrorCode::BadFrame, "{bad}: {err}");
    }
}

#[test]
fn rejections_are_bounded_and_escaped() {
    let huge = format!(r#"{{"type":"{}\u001b[31m"}}"#, "é".repeat(1 << 19));
    let rej = parse_client_frame(&huge).unwrap_err();
    assert_eq!(rej.code, ErrorCode::BadFrame);
    assert!(rej.message.len() <= MAX_MESSAGE_BYTES, "{}", rej.message.len());
    assert!(rej.message.ends_with('…'));
    assert!(rej.to_frame().len() < 2 * MAX_MESSAGE_BYTES);
    let ctl = Rejection::new(ErrorCode::BadFrame, "a\u{1b}[31mb\nc");
    assert!(!ctl.to_string().contains('\u{1b}') && !ctl.to_string().contains('\n'), "{ctl}");
    assert!(!ctl.to_frame().contains('\u{1b}'));
    assert_eq!(truncate("héllo", 2), "h");
    assert_eq!(truncate("héllo", 3), "hé");
}

#[test]
fn rejects_large_signals() {
    let big = format!(r#"{{"type":"signal","to":"x","signal":"{}"}}"#, "a".repeat(MAX_SIGNAL_BYTES));
    assert_eq!(parse_client_frame(&big).unwrap_err().code, ErrorCode::SignalTooLarge);
    let huge = format!(r#"{{"type":"signal","to":"x","signal":[{}0]}}"#, "0,".repeat(MAX_SIGNAL_BYTES));
    assert_eq!(parse_client_frame(&huge).unwrap_err().code, ErrorCode::SignalTooLarge);
}

#[test]
fn server_frames_serialize_to_documented_shape() {
    let peers = [PeerInfo { peer: "a".into(), pubkey: "02ab".into() }];
    assert_eq!(ServerFrame::Challenge { nonce: "00ff" }.to_json(), r#"{"type":"challenge","nonce":"00ff"}"#);
    assert_eq!(
        ServerFrame::Joined { room: "r", peer: "b", peers: &peers }.to_json(),
        r#"{"type":"joined","room":"r","peer":"b","peers":[{"peer":"a","pubkey":"02ab"}]}"#
    );
    assert_eq!(
        ServerFrame::PeerJoined { peer: "a", pubkey: "ab" }.to_json(),
        r#"{"type":"peer-joined","peer":"a","pubkey":"ab"}"#
    );
    assert_eq!(ServerFrame::PeerLeft { peer: "a" }.to_json(), r#"{"type":"peer-left","peer":"a"}"#);
    assert_eq!(
        ServerFrame::Message { from: "a", data: "QQ==" }.to_json(),
        r#"{"type":"message","from":"a","data":"QQ=="}"#
    );
    assert_eq!(ServerFrame::Pong.to_json(), r#"{"type":"pong"}"#);
    assert_eq!(
        Rejection::new(ErrorCode::RateLimited, "slow down").to_frame(),
        r#"{"type":"error","code":"rate-limited","message":"slow down"}"#
    );
    for code in [ErrorCode::BadFrame, ErrorCode::SlowConsumer, ErrorCode::ServerFull] {
        assert_eq!(serde_json::to_value(code).unwrap(), serde_json::Value::String(code.as_str().into()));
    }
}
