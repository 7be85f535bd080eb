//! At most `per_host` requests to one host at once, across every thread that shares the
//! client, so a fetch of many feeds on one site does not hammer it.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex, PoisonError};

/// Counts the requests in flight per host (`host:port`) and makes the next one wait.
#[derive(Debug)]
pub(super) struct Gate {
    limit: usize,
    in_flight: Mutex<HashMap<String, usize>>,
    freed: Condvar,
}

/// One request's place at a host, given back when dropped (also on an error or a panic).
#[derive(Debug)]
pub(super) struct Permit<'a> {
    gate: &'a Gate,
    host: String,
}

impl Gate {
    /// A gate letting `limit` requests (at least one) to each host through at once.
    pub(super) fn new(limit: usize) -> Gate {
        Gate {
            limit: limit.max(1),
            in_flight: Mutex::new(HashMap::new()),
            freed: Condvar::new(),
        }
    }

    /// Waits until `host` has a free place, then takes it.
    pub(super) fn enter(&self, host: &str) -> Permit<'_> {
        // A panic elsewhere while holding the lock leaves the counts themselves whole.
        let mut counts = self
            .in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        while counts.get(host).copied().unwrap_or(0) >= self.limit {
            counts = self
                .freed
                .wait(counts)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *counts.entry(host.to_owned()).or_insert(0) += 1;
        Permit {
            gate: self,
            host: host.to_owned(),
        }
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut counts = self
            .gate
            .in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = counts.get_mut(&self.host) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                counts.remove(&self.host);
            }
        }
        drop(counts);
        self.gate.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread;
    use std::time::Duration;

    #[test]
    fn one_host_is_held_to_the_limit_while_another_runs_freely() {
        let gate = Gate::new(2);
        let now = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        thread::scope(|scope| {
            for _ in 0..6 {
                scope.spawn(|| {
                    let _permit = gate.enter("a:80");
                    let running = now.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(running, Ordering::SeqCst);
                    thread::sleep(Duration::from_millis(20));
                    now.fetch_sub(1, Ordering::SeqCst);
                });
            }
            // Another host is not held up by the first one's queue.
            let _b1 = gate.enter("b:80");
            let _b2 = gate.enter("b:80");
        });
        assert_eq!(most.load(Ordering::SeqCst), 2);
        assert!(gate.in_flight.lock().expect("lock").is_empty());
    }

    #[test]
    fn a_limit_of_zero_still_lets_one_through() {
        let gate = Gate::new(0);
        let permit = gate.enter("a:80");
        drop(permit);
        let _again = gate.enter("a:80");
    }
}
