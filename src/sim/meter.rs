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
}

impl Meter {
    pub fn reset(&mut self, signers: usize) {
        self.coordinator_ms = 0.0;
        self.signer_ms = vec![0.0; signers];
        self.signer_bytes_in = vec![0; signers];
        self.signer_bytes_out = vec![0; signers];
    }

    pub(super) fn now(&self) -> Option<f64> {
        self.clock.as_ref().map(|c| c())
    }
}
