//! The WebSocket layer (RFC 6455), thin and under the relay's control:
//! tungstenite parses and formats frame headers and derives the handshake
//! key; this module decides what is buffered, for how long, and how frames
//! are shared between recipients.

pub mod handshake;
pub mod inbound;
pub mod outbound;
#[cfg(test)]
pub(crate) mod test_frames;
