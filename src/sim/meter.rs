//! Per-endpoint computation time and traffic, for benchmarks.

/// Per-endpoint computation time (ms, by the given clock) and bytes.
#[derive(Default)]
pub struct Meter {
    /// A monotonic clock in ms: `Instant` natively, `performance.now()` in a browser.
    pub clock: Option<Box<dyn Fn() -> f64>>,
    pub coordinator_ms: f64,
    pub signer_ms: Vec<f64>,
    pub signer_bytes_in: Vec<u64>,
    pub signer_bytes_out: Vec<u64>,
    /// The causal depth of the packet handled last: what a state machine
    /// sends is one hop deeper than what made it send (0: a command).
    pub hops: u32,
    /// `hops` when the last signature (or signing failure) came out: twice
    /// the message round-trips it took.
    pub hops_to_signature: Option<u32>,
}

impl Meter {
    pub fn reset(&mut self, signers: usize) {
        self.coordinator_ms = 0.0;
        self.hops = 0;
        self.hops_to_signature = None;
        self.signer_ms = vec![0.0; signers];
        self.signer_bytes_in = vec![0; signers];
        self.signer_bytes_out = vec![0; signers];
    }

    pub(super) fn now(&self) -> Option<f64> {
        self.clock.as_ref().map(|c| c())
    }
}
