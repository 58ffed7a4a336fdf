//! Test harness: an in-process relay on 127.0.0.1:0 and a small JSON
//! WebSocket client. Every wait is bounded by [`STEP`], so no test can hang.
#![allow(dead_code)] // each test binary uses a different subset

pub mod nats;
pub mod raw;

use std::net::SocketAddr;
use std::time::Duration;

use futures_util::{SinkExt as _, StreamExt as _};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use tokio::time::timeout;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};
use wsts_relay::{Limits, RelayConfig};

/// Upper bound for any single expected event.
pub const STEP: Duration = Duration::from_secs(5);

pub async fn start(limits: Limits) -> SocketAddr {
    start_with(RelayConfig { addr: "127.0.0.1:0".parse().unwrap(), limits, ..Default::default() }).await
}

pub async fn start_with(config: RelayConfig) -> SocketAddr {
    start_watched(config).await.0
}

/// Starts a relay and returns its memory budget too.
pub async fn start_watched(config: RelayConfig) -> (SocketAddr, std::sync::Arc<wsts_relay::budget::Budget>) {
    let relay = wsts_relay::bind(config).await.expect("bind");
    let addr = relay.local_addr();
    assert!(addr.ip().is_loopback());
    let budget = relay.budget();
    tokio::spawn(relay.run());
    (addr, budget)
}

/// A relay on its own runtime and thread, so a test can kill it outright
/// (every task dropped, every socket closed, as in a crash). It dies when
/// the returned sender is used or dropped.
pub fn start_killable(config: RelayConfig) -> (SocketAddr, std::sync::mpsc::Sender<()>) {
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    let (kill_tx, kill_rx) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
        let relay = rt.block_on(wsts_relay::bind(config)).expect("bind");
        addr_tx.send(relay.local_addr()).unwrap();
        rt.spawn(relay.run());
        let _ = kill_rx.recv();
        rt.shutdown_background();
    });
    (addr_rx.recv().expect("the relay thread started"), kill_tx)
}

pub fn config(limits: Limits) -> RelayConfig {
    RelayConfig { addr: "127.0.0.1:0".parse().unwrap(), limits, ..Default::default() }
}

/// A test peer's network secret: fixed per name, so a rejoin under the same
/// name proves the same key.
pub fn secret_for(name: &str) -> [u8; 32] {
    use sha2::Digest as _;
    sha2::Sha256::digest(format!("wsts-relay test key {name}")).into()
}

/// The compressed public key (hex) of a secret, as the wsts protocol uses it.
pub fn pubkey_of(secret: &[u8; 32]) -> String {
    use k256::elliptic_curve::sec1::ToEncodedPoint as _;
    let pk = k256::SecretKey::from_slice(secret).unwrap().public_key();
    hex::encode(pk.to_encoded_point(true).as_bytes())
}

/// A signed `join` frame for the challenge `nonce` (hex).
pub fn join_frame(nonce: &str, room: &str, peer: &str, secret: &[u8; 32]) -> Value {
    let nonce = wsts_relay::auth::Nonce::from_bytes(hex::decode(nonce).unwrap().try_into().unwrap());
    let msg = wsts_relay::auth::join_message(&nonce, room, peer).unwrap();
    let sig = k256::schnorr::SigningKey::from_bytes(secret).unwrap().sign_raw(&msg, &[0u8; 32]).unwrap();
    json!({"type": "join", "room": room, "peer": peer, "pubkey": pubkey_of(secret),
           "signature": hex::encode(sig.to_bytes())})
}

pub struct Client {
    pub ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
    /// The relay's challenge for this connection (hex).
    pub nonce: String,
}

impl Client {
    /// Connects and reads the relay's `challenge`.
    pub async fn connect(addr: SocketAddr) -> Client {
        let mut c = Client::connect_raw(addr).await;
        let challenge = c.expect("challenge").await;
        c.nonce = challenge["nonce"].as_str().expect("nonce").to_owned();
        assert_eq!(c.nonce.len(), 64, "{challenge}");
        assert!(c.nonce.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()), "{challenge}");
        c
    }

    /// Connects without reading anything.
    pub async fn connect_raw(addr: SocketAddr) -> Client {
        let (ws, _) = timeout(STEP, tokio_tungstenite::connect_async(format!("ws://{addr}/ws")))
            .await
            .expect("connect timed out")
            .expect("connect failed");
        Client { ws, nonce: String::new() }
    }

    /// Connects and joins under the name's own key; returns the `joined` frame.
    pub async fn join(addr: SocketAddr, room: &str, peer: &str) -> (Client, Value) {
        Self::join_as(addr, room, peer, &secret_for(peer)).await
    }

    /// Connects and joins under `secret`'s key; returns the `joined` frame.
    pub async fn join_as(addr: SocketAddr, room: &str, peer: &str, secret: &[u8; 32]) -> (Client, Value) {
        let mut c = Client::connect(addr).await;
        c.send_join(room, peer, secret).await;
        let joined = c.expect("joined").await;
        (c, joined)
    }

    /// Sends a signed join for this connection's challenge.
    pub async fn send_join(&mut self, room: &str, peer: &str, secret: &[u8; 32]) {
        let frame = join_frame(&self.nonce, room, peer, secret);
        self.send(frame).await;
    }

    pub async fn send_msg(&mut self, msg: Message) {
        timeout(STEP, self.ws.send(msg)).await.expect("send timed out").expect("send failed");
    }

    pub async fn send(&mut self, frame: Value) {
        self.send_msg(Message::text(frame.to_string())).await;
    }

    pub async fn send_text(&mut self, text: &str) {
        self.send_msg(Message::text(text)).await;
    }

    /// Next data message, skipping control frames; `None` once closed.
    pub async fn next_msg(&mut self) -> Option<Message> {
        loop {
            let msg = timeout(STEP, self.ws.next()).await.expect("no frame within 5s");
            match msg {
                None | Some(Err(_)) => return None,
                Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
                Some(Ok(m)) => return Some(m),
            }
        }
    }

    /// Next JSON text frame; panics on close, binary or timeout.
    pub async fn recv(&mut self) -> Value {
        match self.next_msg().await {
            Some(Message::Text(t)) => serde_json::from_str(&t).expect("relay sent invalid JSON"),
            other => panic!("expected a text frame, got {other:?}"),
        }
    }

    pub async fn expect(&mut self, ty: &str) -> Value {
        let v = self.recv().await;
        assert_eq!(v["type"], ty, "unexpected frame {v}");
        v
    }

    pub async fn expect_error(&mut self, code: &str) -> Value {
        let v = self.expect("error").await;
        assert_eq!(v["code"], code, "unexpected error {v}");
        assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
        v
    }

    /// Round-trips an application ping. Anything queued for us before the
    /// pong would show up first, so this also proves "nothing was sent".
    pub async fn ping(&mut self) {
        self.send(json!({"type": "ping"})).await;
        self.expect("pong").await;
    }

    /// Expects the relay to close the connection (close frame or EOF),
    /// with no further data frames.
    pub async fn expect_closed(&mut self) {
        match self.next_msg().await {
            None | Some(Message::Close(_)) => {}
            Some(other) => panic!("expected close, got {other:?}"),
        }
    }

    /// Drops the TCP connection with a reset: no close frame, no FIN.
    pub fn abort(self) {
        if let MaybeTlsStream::Plain(tcp) = self.ws.get_ref() {
            tcp.set_zero_linger().expect("SO_LINGER");
        }
        drop(self);
    }
}

/// Minimal HTTP/1.1 GET over a raw socket, so the path reaches the server
/// byte for byte (an HTTP client library would normalize `..`).
pub async fn http_get(addr: SocketAddr, path: &str) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let io = async {
        let mut tcp = TcpStream::connect(addr).await?;
        let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
        tcp.write_all(req.as_bytes()).await?;
        let mut raw = Vec::new();
        tcp.read_to_end(&mut raw).await?;
        Ok::<_, std::io::Error>(raw)
    };
    let raw = timeout(STEP, io).await.expect("http timed out").expect("http io");
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("no header end");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let body = raw[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status: u16 = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).expect("status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    (status, headers, body)
}

pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}
