//! One memory budget for everything clients make the relay hold: partly
//! received messages and queued outbound frames.
//!
//! Each byte is charged once, however many recipients share it (an outbound
//! frame is one allocation behind an `Arc`), and released when the last
//! holder drops its [`Charge`]. When the budget is spent, whoever wants more
//! waits (its socket is not read meanwhile, which slows that sender down)
//! until queues drain or partial messages time out.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::sync::Notify;
use tokio::time::{timeout_at, Instant};

/// The relay-wide byte budget.
#[derive(Debug)]
pub struct Budget {
    used: AtomicUsize,
    limit: usize,
    freed: Notify,
}

/// Bytes held against the [`Budget`]; released on drop.
#[derive(Debug)]
pub struct Charge {
    budget: Arc<Budget>,
    bytes: usize,
}

impl Budget {
    pub fn new(limit: usize) -> Arc<Self> {
        Arc::new(Budget { used: AtomicUsize::new(0), limit, freed: Notify::new() })
    }

    /// Bytes currently charged.
    pub fn used(&self) -> usize {
        self.used.load(Ordering::Acquire)
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    fn try_take(&self, bytes: usize) -> bool {
        self.used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |used| {
                used.checked_add(bytes).filter(|&total| total <= self.limit)
            })
            .is_ok()
    }

    fn give_back(&self, bytes: usize) {
        if bytes > 0 {
            self.used.fetch_sub(bytes, Ordering::AcqRel);
            self.freed.notify_waiters();
        }
    }

    /// An empty charge, to [`grow`](Charge::grow) later.
    pub fn empty(self: &Arc<Self>) -> Charge {
        Charge { budget: self.clone(), bytes: 0 }
    }

    /// Charges `bytes` now, or `None` if the budget cannot hold them.
    pub fn try_charge(self: &Arc<Self>, bytes: usize) -> Option<Charge> {
        self.try_take(bytes).then(|| Charge { budget: self.clone(), bytes })
    }

    /// Charges `bytes`, waiting for other charges to be released until
    /// `deadline`; `None` if it passes (or `bytes` exceeds the whole budget).
    pub async fn charge(self: &Arc<Self>, bytes: usize, deadline: Instant) -> Option<Charge> {
        let mut charge = self.empty();
        charge.grow(bytes, deadline).await.then_some(charge)
    }
}

impl Charge {
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Adds `bytes` to this charge, waiting (until `deadline`) for room.
    pub async fn grow(&mut self, bytes: usize, deadline: Instant) -> bool {
        if bytes > self.budget.limit {
            return false;
        }
        loop {
            // Register for the wake-up before checking, so a release between
            // the check and the wait is not missed.
            let freed = self.budget.freed.notified();
            if self.budget.try_take(bytes) {
                self.bytes += bytes;
                return true;
            }
            if timeout_at(deadline, freed).await.is_err() {
                return false;
            }
        }
    }

    /// Releases everything charged so far, keeping the charge for reuse.
    pub fn clear(&mut self) {
        self.budget.give_back(std::mem::take(&mut self.bytes));
    }
}

impl Drop for Charge {
    fn drop(&mut self) {
        self.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn charges_are_bounded_and_released_on_drop() {
        let b = Budget::new(100);
        let a = b.try_charge(60).unwrap();
        assert!(b.try_charge(41).is_none());
        let c = b.try_charge(40).unwrap();
        assert_eq!(b.used(), 100);
        drop(a);
        assert_eq!(b.used(), 40);
        drop(c);
        assert_eq!(b.used(), 0);
        assert!(b.try_charge(101).is_none());
    }

    #[tokio::test]
    async fn a_waiter_gets_bytes_when_they_are_released() {
        let b = Budget::new(100);
        let held = b.try_charge(90).unwrap();
        let waiter = {
            let b = b.clone();
            tokio::spawn(async move { b.charge(50, Instant::now() + Duration::from_secs(5)).await.map(|c| c.bytes()) })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!waiter.is_finished());
        drop(held);
        assert_eq!(waiter.await.unwrap(), Some(50));
        assert_eq!(b.used(), 0);
    }

    #[tokio::test]
    async fn waiting_gives_up_at_the_deadline() {
        let b = Budget::new(10);
        let _held = b.try_charge(10).unwrap();
        let mut c = b.empty();
        assert!(!c.grow(1, Instant::now() + Duration::from_millis(20)).await);
        assert_eq!(c.bytes(), 0);
        assert!(!c.grow(11, Instant::now() + Duration::from_secs(5)).await, "more than the whole budget");
    }
}
