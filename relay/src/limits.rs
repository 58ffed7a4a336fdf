//! Resource limits: every number that bounds what one client can make the
//! relay do, and the per-connection rate limiter.
//!
//! The relay is reachable by anyone who can load the page, so each knob
//! here caps memory or CPU that a single (possibly hostile) tab can consume.

use std::time::{Duration, Instant};

/// Tunable limits; see `wsts-relay --help` for the flags that set them.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Largest WebSocket message (and frame) accepted, in bytes. Enforced by
    /// the WebSocket codec while reading the frame header, so an oversized
    /// message is never buffered. Larger messages close the connection.
    pub max_frame_bytes: usize,
    /// Peers allowed in one room at once.
    pub max_peers_per_room: usize,
    /// Rooms allowed to exist at once.
    pub max_rooms: usize,
    /// Concurrent WebSocket connections.
    pub max_connections: usize,
    /// Sustained messages per second per connection (0 disables the limiter).
    pub rate_per_sec: f64,
    /// Messages a connection may send back-to-back before the rate applies.
    pub burst: f64,
    /// Outbound messages queued per connection; a peer whose queue is full
    /// is dropped instead of letting the queue grow.
    pub queue_len: usize,
    /// Bytes queued per connection before it is dropped as too slow (one
    /// message is always accepted into an empty queue, whatever its size).
    pub max_queue_bytes: usize,
    /// A connection that sends nothing (not even a pong to our pings) for
    /// this long, or whose single write stalls this long, is dropped. This is
    /// what detects peers that vanished without a TCP FIN.
    pub idle_timeout: Duration,
    /// How often the relay pings each connection.
    pub ping_interval: Duration,
    /// How long a room's peer-id bindings outlive its last connected peer.
    pub binding_ttl: Duration,
    /// Empty rooms whose bindings are remembered; the longest-empty is forgotten first.
    pub max_dormant_rooms: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_frame_bytes: 32 * 1024 * 1024,
            max_peers_per_room: 256,
            max_rooms: 1024,
            max_connections: 4096,
            rate_per_sec: 200.0,
            burst: 400.0,
            queue_len: 256,
            max_queue_bytes: 64 * 1024 * 1024,
            idle_timeout: Duration::from_secs(60),
            ping_interval: Duration::from_secs(20),
            binding_ttl: Duration::from_secs(24 * 3600),
            max_dormant_rooms: 1024,
        }
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
