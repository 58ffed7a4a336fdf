//! A raw WebSocket client: it writes arbitrary bytes after the handshake and
//! reads the relay's frames one by one, control frames included.

use std::net::SocketAddr;

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::TcpStream;
use tokio::time::timeout;

use super::STEP;

#[path = "../../src/ws/test_frames.rs"]
mod test_frames;
#[allow(unused_imports)] // each test binary uses a different subset
pub use test_frames::{frame, CONT, FIN, PING, TEXT};

/// A frame from the relay: opcode and payload.
#[derive(Debug)]
pub struct ServerFrame {
    pub opcode: u8,
    pub payload: Vec<u8>,
}

impl ServerFrame {
    pub fn text(&self) -> serde_json::Value {
        assert_eq!(self.opcode, 1, "not a text frame: {self:?}");
        serde_json::from_slice(&self.payload).unwrap()
    }

    /// The status code of a close frame.
    pub fn close_code(&self) -> Option<u16> {
        (self.opcode == 8 && self.payload.len() >= 2).then(|| u16::from_be_bytes([self.payload[0], self.payload[1]]))
    }
}

pub struct RawWs {
    rd: OwnedReadHalf,
    wr: Option<OwnedWriteHalf>,
    buf: Vec<u8>,
}

/// The HTTP upgrade request, with extra header lines.
pub fn upgrade_request(addr: SocketAddr, extra: &str) -> String {
    format!(
        "GET /ws HTTP/1.1\r\nHost: {addr}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n{extra}\r\n"
    )
}

impl RawWs {
    /// Connects and upgrades; panics unless the relay answers 101.
    pub async fn connect(addr: SocketAddr) -> RawWs {
        let mut tcp = timeout(STEP, TcpStream::connect(addr)).await.unwrap().unwrap();
        tcp.write_all(upgrade_request(addr, "").as_bytes()).await.unwrap();
        let mut buf = Vec::new();
        let end = loop {
            let mut chunk = [0u8; 1024];
            let n = timeout(STEP, tcp.read(&mut chunk)).await.expect("no upgrade answer").unwrap();
            assert!(n > 0, "closed during the handshake");
            buf.extend_from_slice(&chunk[..n]);
            if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break end + 4;
            }
        };
        assert!(buf.starts_with(b"HTTP/1.1 101"), "{}", String::from_utf8_lossy(&buf));
        let rest = buf.split_off(end);
        let (rd, wr) = tcp.into_split();
        RawWs { rd, wr: Some(wr), buf: rest }
    }

    pub async fn write(&mut self, bytes: &[u8]) {
        let wr = self.wr.as_mut().expect("writer taken");
        timeout(STEP, wr.write_all(bytes)).await.expect("write timed out").unwrap();
    }

    /// The write half, to write from another task.
    pub fn take_writer(&mut self) -> OwnedWriteHalf {
        self.wr.take().expect("writer taken")
    }

    /// The next frame, `None` on EOF or reset.
    pub async fn next(&mut self) -> Option<ServerFrame> {
        loop {
            if let Some((frame, used)) = parse(&self.buf) {
                self.buf.drain(..used);
                return Some(frame);
            }
            let mut chunk = vec![0u8; 64 * 1024];
            match timeout(STEP, self.rd.read(&mut chunk)).await.expect("no frame within 5s") {
                Ok(0) | Err(_) => return None,
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
            }
        }
    }

    /// Skips the relay's `challenge`.
    pub async fn skip_challenge(&mut self) {
        let f = self.next().await.expect("challenge");
        assert_eq!(f.text()["type"], "challenge");
    }

    /// Expects an error frame with `code`, then a close frame with `close`.
    pub async fn expect_error_and_close(&mut self, code: &str, close: u16) {
        let err = self.next().await.expect("error frame");
        assert_eq!(err.text()["code"], code, "{:?}", err.text());
        let c = self.next().await.expect("close frame");
        assert_eq!(c.close_code(), Some(close), "{c:?}");
    }
}

fn parse(buf: &[u8]) -> Option<(ServerFrame, usize)> {
    if buf.len() < 2 {
        return None;
    }
    assert_eq!(buf[1] & 0x80, 0, "server frames are not masked");
    let (len, at) = match buf[1] & 0x7f {
        126 if buf.len() >= 4 => (u16::from_be_bytes([buf[2], buf[3]]) as usize, 4),
        127 if buf.len() >= 10 => (u64::from_be_bytes(buf[2..10].try_into().unwrap()) as usize, 10),
        126 | 127 => return None,
        n => (n as usize, 2),
    };
    if buf.len() < at + len {
        return None;
    }
    Some((ServerFrame { opcode: buf[0] & 0x0f, payload: buf[at..at + len].to_vec() }, at + len))
}
