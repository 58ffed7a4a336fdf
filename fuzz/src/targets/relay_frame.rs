//! The relay's client-frame parser (`wsts_relay::protocol::parse_client_frame`),
//! the first thing the relay runs on a WebSocket text frame from anyone.
//!
//! Kept to one call on purpose (relay/src/protocol/parse.rs): if the frame
//! layer changes again, re-pointing this target is a change to `run` alone.

use wsts_relay::protocol::{parse_client_frame, validate_join, ClientFrame};

pub fn run(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match parse_client_frame(&text) {
        Ok(ClientFrame::Join { room, peer, .. }) => {
            let _ = validate_join(&room, &peer);
        }
        Ok(_) => {}
        // The rejection goes back to the peer as a frame: it must be JSON.
        Err(rejection) => {
            let frame = rejection.to_frame();
            assert!(serde_json::from_str::<serde_json::Value>(&frame).is_ok(), "rejection frame is not JSON: {frame}");
        }
    }
}
