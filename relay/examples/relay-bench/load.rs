//! The load: WebSocket clients that join rooms, broadcast timestamped
//! messages at a fixed rate, and record when each delivery arrives.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use futures_util::{SinkExt as _, StreamExt as _};
use serde_json::json;
use sha2::Digest as _;
use tokio::net::TcpStream;
use tokio::time::{timeout, Instant};
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

const STEP: Duration = Duration::from_secs(30);

/// What every client does, and when.
#[derive(Clone)]
pub struct Plan {
    /// Timestamps in messages are microseconds since this instant.
    pub base: Instant,
    /// Messages per second each client broadcasts.
    pub rate: f64,
    pub payload_bytes: usize,
    /// Deliveries of messages sent between these instants are counted
    /// (after a warm-up).
    pub measure_from: Instant,
    pub measure_until: Instant,
}

#[derive(Default)]
pub struct Counters {
    /// Messages sent with a timestamp in the measured window.
    pub sent: AtomicU64,
    pub send_errors: AtomicU64,
    pub relay_errors: AtomicU64,
}

fn secret(index: usize) -> [u8; 32] {
    sha2::Sha256::digest(format!("relay-bench client {index}")).into()
}

/// Connects and joins `room` as `peer`; small buffers, so ten thousand
/// clients fit in the bench process too.
pub async fn join(addr: SocketAddr, room: &str, peer: &str, index: usize) -> Result<Ws, String> {
    let config = WebSocketConfig::default().read_buffer_size(4096).write_buffer_size(0);
    let url = format!("ws://{addr}/ws");
    let connect = tokio_tungstenite::connect_async_with_config(url, Some(config), true);
    let (mut ws, _) = timeout(STEP, connect).await.map_err(|_| "connect timed out")?.map_err(|e| e.to_string())?;
    let challenge = next_json(&mut ws).await?;
    let nonce = challenge["nonce"].as_str().ok_or("no challenge")?;
    let nonce = wsts_relay::auth::Nonce::from_bytes(hex::decode(nonce).map_err(|e| e.to_string())?.try_into().unwrap());
    let msg = wsts_relay::auth::join_message(&nonce, room, peer).ok_or("bad id")?;
    let sk = k256::schnorr::SigningKey::from_bytes(&secret(index)).map_err(|e| e.to_string())?;
    let sig = sk.sign_raw(&msg, &[0u8; 32]).map_err(|e| e.to_string())?;
    let public = k256::SecretKey::from_slice(&secret(index)).map_err(|e| e.to_string())?.public_key();
    let pk = k256::elliptic_curve::sec1::ToEncodedPoint::to_encoded_point(&public, true);
    let join = json!({"type": "join", "room": room, "peer": peer, "pubkey": hex::encode(pk.as_bytes()),
                      "signature": hex::encode(sig.to_bytes())});
    ws.send(Message::text(join.to_string())).await.map_err(|e| e.to_string())?;
    loop {
        let v = next_json(&mut ws).await?;
        match v["type"].as_str() {
            Some("joined") => return Ok(ws),
            Some("error") => return Err(format!("join refused: {v}")),
            _ => {} // presence of earlier joiners
        }
    }
}

async fn next_json(ws: &mut Ws) -> Result<serde_json::Value, String> {
    loop {
        match timeout(STEP, ws.next()).await.map_err(|_| "no answer from the relay")? {
            Some(Ok(Message::Text(t))) => return serde_json::from_str(&t).map_err(|e| e.to_string()),
            Some(Ok(_)) => continue,
            Some(Err(e)) => return Err(e.to_string()),
            None => return Err("closed".into()),
        }
    }
}

/// A payload starting with the send time (µs since the plan's base).
fn payload(plan: &Plan) -> (u64, String) {
    let at = plan.base.elapsed().as_micros() as u64;
    let mut bytes = vec![0u8; plan.payload_bytes.max(8)];
    bytes[..8].copy_from_slice(&at.to_le_bytes());
    (at, base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// The send time in a delivered `message` frame (the first 8 bytes of its data).
fn sent_at(text: &str) -> Option<u64> {
    let start = text.find(r#""data":""#)? + 8;
    let head = text.get(start..start + 12)?;
    let bytes = base64::engine::general_purpose::STANDARD.decode(head).ok()?;
    Some(u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?))
}

/// Runs one client: sends at the plan's rate until `measure_until`, reads
/// until `stop`; returns the latencies (µs) of deliveries in the window.
pub async fn run(ws: Ws, plan: Plan, phase: f64, counters: Arc<Counters>, stop: Instant) -> Vec<u32> {
    let (mut sink, mut stream) = ws.split();
    let since_base = |t: Instant| t.duration_since(plan.base).as_micros() as u64;
    let window = (since_base(plan.measure_from), since_base(plan.measure_until));
    let writer = {
        let plan = plan.clone();
        let counters = counters.clone();
        async move {
            if plan.rate <= 0.0 {
                return;
            }
            let every = Duration::from_secs_f64(1.0 / plan.rate);
            let mut next = Instant::now() + every.mul_f64(phase);
            while next < plan.measure_until {
                tokio::time::sleep_until(next).await;
                next += every;
                let (at, data) = payload(&plan);
                let frame = json!({"type": "broadcast", "data": data}).to_string();
                match sink.send(Message::text(frame)).await {
                    Ok(()) if (window.0..window.1).contains(&at) => counters.sent.fetch_add(1, Ordering::Relaxed),
                    Ok(()) => 0,
                    Err(_) => counters.send_errors.fetch_add(1, Ordering::Relaxed),
                };
            }
            let _ = tokio::time::sleep_until(stop).await;
            let _ = sink.close().await;
        }
    };
    let reader = async {
        let mut latencies = Vec::new();
        while let Ok(Some(msg)) = tokio::time::timeout_at(stop, stream.next()).await {
            let Ok(Message::Text(text)) = msg else { continue };
            if text.starts_with(r#"{"type":"error""#) {
                counters.relay_errors.fetch_add(1, Ordering::Relaxed);
                continue;
            }
            // Counted by send time, so what was sent in the window and never
            // arrived shows as a shortfall.
            let Some(at) = sent_at(&text) else { continue };
            if at < window.0 || at >= window.1 {
                continue;
            }
            let now_us = plan.base.elapsed().as_micros() as u64;
            latencies.push(now_us.saturating_sub(at).min(u32::MAX as u64) as u32);
        }
        latencies
    };
    let ((), latencies) = tokio::join!(writer, reader);
    latencies
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_send_time_survives_the_relay_frame() {
        let plan = Plan {
            base: Instant::now() - Duration::from_secs(5),
            rate: 1.0,
            payload_bytes: 64,
            measure_from: Instant::now(),
            measure_until: Instant::now(),
        };
        let (_, data) = payload(&plan);
        let frame = format!(r#"{{"type":"message","from":"p1","data":"{data}"}}"#);
        let at = sent_at(&frame).unwrap();
        assert!((5_000_000..6_000_000).contains(&at), "{at}");
    }
}
