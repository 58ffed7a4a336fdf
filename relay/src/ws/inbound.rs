//! Incoming WebSocket frames (RFC 6455 §5), decoded from the bytes a
//! connection reads. Sans-IO: the session reads into [`Inbound::read_buf`]
//! and calls [`Inbound::next_event`] until it returns `None`.
//!
//! Unlike a message-level WebSocket library, this exposes how much of an
//! unfinished message is held ([`Inbound::partial_len`]) and whether a message
//! is under way ([`Inbound::mid_message`]), so the relay can charge partial
//! data to its memory budget and time out messages that never finish.
//! Header parsing is tungstenite's (`FrameHeader::parse`).

use std::io::Cursor;

use bytes::{Buf as _, Bytes, BytesMut};
use tungstenite::protocol::frame::coding::{Control, Data, OpCode};
use tungstenite::protocol::frame::FrameHeader;

/// One complete event from the client.
#[derive(Debug, PartialEq, Eq)]
pub enum Event {
    /// A whole text message, valid UTF-8.
    Text(String),
    /// A whole binary message (the relay refuses them; only the size is kept).
    Binary(usize),
    Ping(Bytes),
    Pong,
    /// The client's close frame, with its status code if it gave one.
    Close(Option<u16>),
}

/// Input that breaks the protocol; the connection is closed with the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WsError {
    /// Bad framing (RFC 6455 §5): close 1002.
    Protocol(&'static str),
    /// A text message that is not UTF-8: close 1007.
    InvalidUtf8,
    /// A message longer than the limit, in bytes so far: close 1009.
    TooLarge(u64),
}

/// Longest control-frame payload (RFC 6455 §5.5).
const MAX_CONTROL_PAYLOAD: u64 = 125;

/// Where the decoder is inside the byte stream.
enum Reading {
    Header,
    /// Inside a data frame's payload: bytes still to come, the frame's mask
    /// and how far into it we are, and whether the frame ends its message.
    Payload {
        remaining: u64,
        mask: [u8; 4],
        offset: usize,
        fin: bool,
    },
}

struct Message {
    text: bool,
    data: Vec<u8>,
}

/// What handling a frame header led to.
enum Step {
    Event(Event),
    /// The rest of a control frame has not arrived yet.
    NeedMore,
    /// A data frame's payload follows.
    Payload,
}

/// The decoder of one connection.
pub struct Inbound {
    buf: BytesMut,
    reading: Reading,
    message: Option<Message>,
    max_message: usize,
}

fn unmask(bytes: &mut [u8], mask: [u8; 4], offset: usize) {
    for (i, b) in bytes.iter_mut().enumerate() {
        *b ^= mask[(offset + i) % 4];
    }
}

impl Inbound {
    /// A decoder refusing messages over `max_message` bytes.
    pub fn new(max_message: usize) -> Self {
        Inbound { buf: BytesMut::new(), reading: Reading::Header, message: None, max_message }
    }

    /// Where the session appends the bytes it reads.
    pub fn read_buf(&mut self) -> &mut BytesMut {
        &mut self.buf
    }

    /// Bytes of the unfinished data message held so far.
    pub fn partial_len(&self) -> usize {
        self.message.as_ref().map_or(0, |m| m.data.len())
    }

    /// True between the first byte of a frame and the end of its message:
    /// the time during which the message timeout runs.
    pub fn mid_message(&self) -> bool {
        !self.buf.is_empty() || self.message.is_some() || matches!(self.reading, Reading::Payload { .. })
    }

    /// The next complete event, `Ok(None)` if more bytes are needed.
    pub fn next_event(&mut self) -> Result<Option<Event>, WsError> {
        loop {
            match self.reading {
                Reading::Header => {
                    let mut cursor = Cursor::new(&self.buf[..]);
                    let parsed = FrameHeader::parse(&mut cursor).map_err(|_| WsError::Protocol("reserved opcode"))?;
                    let Some((header, len)) = parsed else { return Ok(None) };
                    let header_len = cursor.position() as usize;
                    match self.start_frame(header, len, header_len)? {
                        Step::Event(event) => return Ok(Some(event)),
                        Step::NeedMore => return Ok(None),
                        Step::Payload => {}
                    }
                }
                Reading::Payload { remaining, mask, offset, fin } => {
                    let take = remaining.min(self.buf.len() as u64) as usize;
                    if take == 0 && remaining > 0 {
                        return Ok(None);
                    }
                    let mut chunk = self.buf.split_to(take);
                    unmask(&mut chunk, mask, offset);
                    let message = self.message.as_mut().expect("a data frame belongs to a message");
                    message.data.extend_from_slice(&chunk);
                    let remaining = remaining - take as u64;
                    self.reading = Reading::Payload { remaining, mask, offset: offset + take, fin };
                    if remaining == 0 {
                        self.reading = Reading::Header;
                        if fin {
                            return self.finish_message().map(Some);
                        }
                    }
                }
            }
        }
    }

    /// Handles a parsed header: control frames are returned whole once all
    /// their bytes are in; data frames switch to payload reading.
    fn start_frame(&mut self, header: FrameHeader, len: u64, header_len: usize) -> Result<Step, WsError> {
        if header.rsv1 || header.rsv2 || header.rsv3 {
            return Err(WsError::Protocol("reserved bits set without a negotiated extension"));
        }
        let Some(mask) = header.mask else {
            return Err(WsError::Protocol("client frames must be masked"));
        };
        match header.opcode {
            OpCode::Control(control) => {
                if !header.is_final {
                    return Err(WsError::Protocol("fragmented control frame"));
                }
                if len > MAX_CONTROL_PAYLOAD {
                    return Err(WsError::Protocol("control frame over 125 bytes"));
                }
                let total = header_len + len as usize;
                if self.buf.len() < total {
                    return Ok(Step::NeedMore);
                }
                self.buf.advance(header_len);
                let mut payload = self.buf.split_to(len as usize);
                unmask(&mut payload, mask, 0);
                control_event(control, payload.freeze()).map(Step::Event)
            }
            OpCode::Data(data) => {
                match (data, self.message.is_some()) {
                    (Data::Continue, false) => return Err(WsError::Protocol("continuation frame without a message")),
                    (Data::Text | Data::Binary, true) => {
                        return Err(WsError::Protocol("new message inside a fragmented one"))
                    }
                    (Data::Text | Data::Binary, false) => {
                        self.message = Some(Message { text: data == Data::Text, data: Vec::new() })
                    }
                    _ => {}
                }
                let total = self.partial_len() as u64 + len;
                if total > self.max_message as u64 {
                    return Err(WsError::TooLarge(total));
                }
                self.buf.advance(header_len);
                let message = self.message.as_mut().expect("set above");
                // Grow with the bytes that actually arrive, not with what the header announces.
                message.data.reserve((len as usize).min(64 * 1024));
                self.reading = Reading::Payload { remaining: len, mask, offset: 0, fin: header.is_final };
                Ok(Step::Payload)
            }
        }
    }

    fn finish_message(&mut self) -> Result<Event, WsError> {
        let Message { text, data } = self.message.take().expect("a finished frame belongs to a message");
        if !text {
            return Ok(Event::Binary(data.len()));
        }
        String::from_utf8(data).map(Event::Text).map_err(|_| WsError::InvalidUtf8)
    }
}

fn control_event(control: Control, payload: Bytes) -> Result<Event, WsError> {
    Ok(match control {
        Control::Ping => Event::Ping(payload),
        Control::Pong => Event::Pong,
        Control::Close => match payload.len() {
            0 => Event::Close(None),
            1 => return Err(WsError::Protocol("close frame with a 1-byte payload")),
            _ => {
                if std::str::from_utf8(&payload[2..]).is_err() {
                    return Err(WsError::InvalidUtf8);
                }
                Event::Close(Some(u16::from_be_bytes([payload[0], payload[1]])))
            }
        },
        Control::Reserved(_) => return Err(WsError::Protocol("reserved opcode")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ws::test_frames::{frame, BINARY, CONT, FIN, PING, TEXT};

    fn feed(inbound: &mut Inbound, bytes: &[u8]) -> Vec<Result<Event, WsError>> {
        inbound.read_buf().extend_from_slice(bytes);
        let mut out = Vec::new();
        loop {
            match inbound.next_event() {
                Ok(Some(e)) => out.push(Ok(e)),
                Ok(None) => return out,
                Err(e) => {
                    out.push(Err(e));
                    return out;
                }
            }
        }
    }

    #[test]
    fn whole_and_fragmented_messages_byte_by_byte() {
        let mut stream = frame(FIN | TEXT, "héllo".as_bytes());
        stream.extend(frame(TEXT, b"ab"));
        stream.extend(frame(FIN | PING, b"p")); // a ping between fragments
        stream.extend(frame(CONT, b""));
        stream.extend(frame(FIN | CONT, &vec![b'c'; 70_000]));
        stream.extend(frame(FIN | BINARY, &[1, 2, 3]));
        stream.extend(frame(FIN | 0xA, b""));
        stream.extend(frame(FIN | 0x8, &[0x03, 0xe8, b'o', b'k']));
        let want = vec![
            Event::Text("héllo".into()),
            Event::Ping(Bytes::from_static(b"p")),
            Event::Text(format!("ab{}", "c".repeat(70_000))),
            Event::Binary(3),
            Event::Pong,
            Event::Close(Some(1000)),
        ];
        // In one piece, and in pieces of every small size.
        for step in [stream.len(), 1, 2, 3, 7, 1000] {
            let mut inbound = Inbound::new(1 << 20);
            let mut got = Vec::new();
            let mut max_partial = 0;
            for chunk in stream.chunks(step) {
                got.extend(feed(&mut inbound, chunk).into_iter().map(Result::unwrap));
                max_partial = max_partial.max(inbound.partial_len());
            }
            assert_eq!(got, want, "step {step}");
            assert!(!inbound.mid_message());
            assert_eq!(inbound.partial_len(), 0);
            if step < 1000 {
                assert!(max_partial >= 70_000 - step, "partial data is visible: {max_partial}");
            }
        }
    }

    #[test]
    fn mid_message_covers_partial_headers_and_fragments() {
        let mut inbound = Inbound::new(1 << 20);
        assert!(!inbound.mid_message());
        let f = frame(TEXT, b"abc");
        assert!(feed(&mut inbound, &f[..1]).is_empty());
        assert!(inbound.mid_message(), "half a header");
        assert!(feed(&mut inbound, &f[1..]).is_empty());
        assert!(inbound.mid_message(), "a fragment without its end");
        assert_eq!(inbound.partial_len(), 3);
        // A ping does not end the message.
        assert_eq!(feed(&mut inbound, &frame(FIN | PING, b"")), vec![Ok(Event::Ping(Bytes::new()))]);
        assert!(inbound.mid_message());
        assert_eq!(feed(&mut inbound, &frame(FIN | CONT, b"d")), vec![Ok(Event::Text("abcd".into()))]);
        assert!(!inbound.mid_message());
    }

    #[test]
    fn protocol_violations() {
        let unmasked = {
            let mut f = frame(FIN | TEXT, b"hi");
            f[1] &= 0x7f;
            f.drain(2..6);
            f
        };
        let cases: Vec<(Vec<u8>, WsError)> = vec![
            (unmasked, WsError::Protocol("client frames must be masked")),
            (frame(FIN | 0x40 | TEXT, b"x"), WsError::Protocol("reserved bits set without a negotiated extension")),
            (frame(FIN | 0x3, b"x"), WsError::Protocol("reserved opcode")),
            (frame(FIN | 0xB, b""), WsError::Protocol("reserved opcode")),
            (frame(PING, b""), WsError::Protocol("fragmented control frame")),
            (frame(FIN | PING, &[0; 126]), WsError::Protocol("control frame over 125 bytes")),
            (frame(FIN | CONT, b"x"), WsError::Protocol("continuation frame without a message")),
            (
                [frame(TEXT, b"a"), frame(FIN | TEXT, b"b")].concat(),
                WsError::Protocol("new message inside a fragmented one"),
            ),
            (frame(FIN | TEXT, &[0xff, 0xfe]), WsError::InvalidUtf8),
            (frame(FIN | 0x8, &[3]), WsError::Protocol("close frame with a 1-byte payload")),
            (frame(FIN | 0x8, &[3, 0xe8, 0xff]), WsError::InvalidUtf8),
        ];
        for (bytes, want) in cases {
            let mut inbound = Inbound::new(1 << 20);
            let got = feed(&mut inbound, &bytes);
            assert_eq!(got.last(), Some(&Err(want.clone())), "{want:?}");
        }
    }

    #[test]
    fn size_limit_counts_all_fragments_and_is_checked_from_the_header() {
        let mut inbound = Inbound::new(10);
        assert!(feed(&mut inbound, &frame(TEXT, b"123456")).is_empty());
        assert_eq!(feed(&mut inbound, &frame(FIN | CONT, b"12345")), vec![Err(WsError::TooLarge(11))]);
        // A header announcing 2^40 bytes is refused before any payload.
        let mut inbound = Inbound::new(1 << 20);
        let mut header = vec![FIN | TEXT, 0x80 | 127];
        header.extend_from_slice(&(1u64 << 40).to_be_bytes());
        header.extend_from_slice(&[0, 0, 0, 0]);
        assert_eq!(feed(&mut inbound, &header), vec![Err(WsError::TooLarge(1 << 40))]);
    }
}
