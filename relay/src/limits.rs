//! Resource limits: every number that bounds what one client can make the
//! relay do, and the per-connection rate limiter.
//!
//! The relay is reachable by anyone who can load the page, so each knob
//! here caps memory or CPU that a single (possibly hostile) tab can consume.

use std::time::{Duration, Instant};

/// Tunable limits; see `wsts-relay --help` for the flags that set them.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Largest WebSocket message accepted, in bytes, checked from each frame
    /// header before its payload is read. Larger messages close the connection.
    pub max_frame_bytes: usize,
    /// Peers allowed in one room at once (and peer ids bound in one room).
    pub max_peers_per_room: usize,
    /// Rooms allowed to exist at once.
    pub max_rooms: usize,
    /// Concurrent TCP connections, counted from `accept`: sockets still in
    /// (or never finishing) the HTTP upgrade count too.
    pub max_connections: usize,
    /// Sustained messages (and WebSocket pings) per second per connection
    /// (0 disables the limiter).
    pub rate_per_sec: f64,
    /// Messages a connection may send back-to-back before the rate applies.
    pub burst: f64,
    /// Soft bound of a connection's outbound queue, in messages: a sender
    /// whose message does not fit waits for the recipient to make room.
    pub queue_len: usize,
    /// Soft bound of a connection's outbound queue, in bytes (one message is
    /// always accepted into an empty queue, whatever its size).
    pub max_queue_bytes: usize,
    /// Bytes the relay holds for clients at once, all connections together:
    /// partly received messages and queued outbound frames (each shared
    /// frame counted once). Whoever needs more waits.
    pub max_memory_bytes: usize,
    /// How long a write may make no progress, and how long a sender waits for
    /// a recipient's queue to make room, before that recipient is dropped as
    /// a slow consumer.
    pub send_timeout: Duration,
    /// Time to finish a message once its first byte arrived.
    pub message_timeout: Duration,
    /// Time an HTTP connection may spend without progress before upgrading
    /// (request heads, idle keep-alive, responses nobody reads).
    pub upgrade_timeout: Duration,
    /// A connection that sends nothing (not even a pong to our pings) for
    /// this long is dropped. This is what detects peers that vanished
    /// without a TCP FIN.
    pub idle_timeout: Duration,
    /// How often the relay pings each connection.
    pub ping_interval: Duration,
    /// How long a room's peer-id bindings outlive its last connected peer.
    pub binding_ttl: Duration,
    /// Empty rooms whose bindings are remembered; the longest-empty is forgotten first.
    pub max_dormant_rooms: usize,
}

impl Limits {
    /// The defaults, usable in `const` context (the command line's defaults).
    pub const DEFAULT: Limits = Limits {
        max_frame_bytes: 32 * 1024 * 1024,
        max_peers_per_room: 256,
        max_rooms: 1024,
        max_connections: 4096,
        rate_per_sec: 200.0,
        burst: 400.0,
        queue_len: 256,
        max_queue_bytes: 64 * 1024 * 1024,
        max_memory_bytes: 512 * 1024 * 1024,
        send_timeout: Duration::from_secs(20),
        message_timeout: Duration::from_secs(30),
        upgrade_timeout: Duration::from_secs(10),
        idle_timeout: Duration::from_secs(60),
        ping_interval: Duration::from_secs(20),
        binding_ttl: Duration::from_secs(24 * 3600),
        max_dormant_rooms: 1024,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// Classic token bucket: starts full with `burst` tokens, refills at `rate`
/// tokens per second, one token per message.
#[derive(Debug, Clone)]
pub struct TokenBucket {
    rate: f64,
    burst: f64,
    tokens: f64,
    last: Instant,
}

impl TokenBucket {
    pub fn new(rate: f64, burst: f64, now: Instant) -> Self {
        let burst = burst.max(1.0);
        TokenBucket { rate, burst, tokens: burst, last: now }
    }

    /// Takes one token if available. A non-positive rate means "unlimited".
    pub fn try_take(&mut self, now: Instant) -> bool {
        if self.rate <= 0.0 {
            return true;
        }
        if now > self.last {
            let elapsed = (now - self.last).as_secs_f64();
            self.tokens = (self.tokens + elapsed * self.rate).min(self.burst);
            self.last = now;
        }
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn burst_then_refill() {
        let t0 = Instant::now();
        let mut b = TokenBucket::new(10.0, 5.0, t0);
        for _ in 0..5 {
            assert!(b.try_take(t0));
        }
        assert!(!b.try_take(t0));
        // 100 ms at 10/s = one token.
        let t1 = t0 + Duration::from_millis(100);
        assert!(b.try_take(t1));
        assert!(!b.try_take(t1));
        // Long idle refills only up to the burst.
        let t2 = t1 + Duration::from_secs(60);
        for _ in 0..5 {
            assert!(b.try_take(t2));
        }
        assert!(!b.try_take(t2));
    }

    #[test]
    fn zero_rate_is_unlimited() {
        let t0 = Instant::now();
        let mut b = TokenBucket::new(0.0, 1.0, t0);
        for _ in 0..10_000 {
            assert!(b.try_take(t0));
        }
    }

    #[test]
    fn clock_going_backwards_is_harmless() {
        let t1 = Instant::now() + Duration::from_secs(1);
        let mut b = TokenBucket::new(1.0, 1.0, t1);
        assert!(b.try_take(t1 - Duration::from_millis(500)));
        assert!(!b.try_take(t1 - Duration::from_millis(500)));
    }
}
