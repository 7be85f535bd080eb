//! Terminal input on its own thread, so the loop never blocks inside the terminal
//! library: when the terminal goes away, crossterm's reader can spin forever on end of
//! file, and the loop must still see the hang-up signal and leave.
//!
//! Input is taken in as fast as it arrives, in batches: everything the terminal has sent
//! so far (up to [`BATCH`] events) goes to the loop at once, which applies it all and draws
//! one frame. A flood of keys or a huge paste is drained, never left waiting in the
//! terminal, so the keys after it (`q`, Ctrl-C) still work.
//!
//! This relies on crossterm's `use-dev-tty` event source (a feature in Cargo.toml), which
//! waits with level-triggered `poll(2)`. Its default source waits with mio's
//! edge-triggered epoll but reads only 1 KiB per wake-up when that holds a whole event:
//! after a burst of 2 KiB or more the rest stayed in the terminal with no new wake-up to
//! come, and the reader stopped taking input (each later key released another 1 KiB).

use std::io;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError, mpsc};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};

/// How long the reader thread waits for the first event of a batch.
const CHECK: Duration = Duration::from_millis(250);

/// How long the reader waits for one more event before sending the batch it has. Not
/// zero: crossterm's `poll` with a zero timeout does not look at events it has already
/// read and parsed (1 KiB of `j` is a thousand of them).
const GATHER: Duration = Duration::from_millis(1);

/// The most events sent at once, so the loop draws and sees signals between batches
/// even under an endless flood.
const BATCH: usize = 1024;

/// Batches in flight: the reader runs ahead of the loop by at most this many.
const IN_FLIGHT: usize = 4;

/// What the reader sends: a batch of events, oldest first, or the error that ended it.
pub type Batch = io::Result<Vec<Event>>;

/// Starts reading events; they arrive on the returned channel in batches, errors included.
/// The gate stops the reading while another program (the editor) has the terminal.
pub fn spawn() -> (mpsc::Receiver<Batch>, Gate) {
    let (tx, rx) = mpsc::sync_channel(IN_FLIGHT);
    let gate = Gate::default();
    let thread_gate = gate.clone();
    std::thread::spawn(move || {
        loop {
            thread_gate.wait_while_closed();
            let next = match event::poll(CHECK) {
                Ok(true) => gather(),
                Ok(false) => continue,
                Err(e) => Err(e),
            };
            let stop = next.is_err();
            if tx.send(next).is_err() || stop {
                break;
            }
        }
    });
    (rx, gate)
}

/// Lets the reader thread take input, or holds it, so keys typed into another program
/// (the editor) are that program's and not read behind its back.
#[derive(Clone, Default)]
pub struct Gate(Arc<(Mutex<GateState>, Condvar)>);

#[derive(Default)]
struct GateState {
    closed: bool,
    /// The reader thread is waiting at the gate, reading nothing.
    parked: bool,
}

/// The longest [`Gate::close`] waits for the reader: longer than one [`CHECK`], after
/// which the reader is stuck sending (and so reads nothing) or gone.
const PARK_WAIT: Duration = Duration::from_secs(1);

impl Gate {
    fn lock(&self) -> MutexGuard<'_, GateState> {
        self.0.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Holds the reader and waits until it has stopped reading.
    pub fn close(&self) {
        let started = Instant::now();
        let mut state = self.lock();
        state.closed = true;
        while !state.parked && started.elapsed() < PARK_WAIT {
            state = self
                .0
                .1
                .wait_timeout(state, PARK_WAIT)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// Lets the reader take input again.
    pub fn open(&self) {
        self.lock().closed = false;
        self.0.1.notify_all();
    }

    /// On the reader thread: waits here while the gate is closed.
    fn wait_while_closed(&self) {
        let mut state = self.lock();
        if !state.closed {
            return;
        }
        state.parked = true;
        self.0.1.notify_all();
        while state.closed {
            state = self.0.1.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
        state.parked = false;
    }
}

/// Reads the event that is ready and every one that follows it at once.
fn gather() -> Batch {
    let mut batch = vec![event::read()?];
    while batch.len() < BATCH && event::poll(GATHER)? {
        batch.push(event::read()?);
    }
    Ok(batch)
}
