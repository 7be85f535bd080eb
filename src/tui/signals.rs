//! Every catchable signal whose default action ends the process (SIGTERM, SIGHUP, SIGINT,
//! SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM and the timer and limit signals) ends the
//! reader cleanly instead: terminal restored, state saved, exit status 128 + signal.
//! Faults (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS, SIGABRT) are left alone:
//! resuming after one would repeat it; a panic restores the terminal in its hook.

use std::io;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, mpsc};
use std::time::{Duration, Instant};

/// The signals that stop the reader.
#[cfg(unix)]
const STOP: [i32; 12] = {
    use signal_hook::consts::{
        SIGALRM, SIGHUP, SIGINT, SIGPIPE, SIGPROF, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGVTALRM,
        SIGXCPU, SIGXFSZ,
    };
    [
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGVTALRM, SIGPROF,
        SIGXCPU, SIGXFSZ,
    ]
};

/// Starts listening; each signal that arrives is sent on the returned channel, except
/// the interrupts `hold` says were typed at another program.
#[cfg(unix)]
pub fn listen(hold: Hold) -> io::Result<mpsc::Receiver<i32>> {
    use signal_hook::consts::{SIGINT, SIGQUIT};
    let mut signals = signal_hook::iterator::Signals::new(STOP)?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if (signal == SIGINT || signal == SIGQUIT) && hold.holds() {
                continue;
            }
            if tx.send(signal).is_err() {
                break;
            }
        }
    });
    Ok(rx)
}

/// Elsewhere only Ctrl-C (a key in raw mode) stops the reader.
#[cfg(not(unix))]
pub fn listen(_hold: Hold) -> io::Result<mpsc::Receiver<i32>> {
    Ok(mpsc::channel().1)
}

/// While the editor has the terminal, Ctrl-C and Ctrl-\ typed there signal the reader
/// too (one process group): they are the editor's, and the reader ignores them until a
/// moment after it has the terminal back (in raw mode they are keys again).
#[derive(Clone, Default)]
pub struct Hold(Arc<Mutex<HoldState>>);

#[derive(Default)]
struct HoldState {
    /// Another program has the terminal.
    away: bool,
    /// Until when interrupts still count as the other program's, after it ended.
    until: Option<Instant>,
}

/// How long after the editor ends its interrupts may still arrive.
const AFTER: Duration = Duration::from_secs(1);

impl Hold {
    fn lock(&self) -> MutexGuard<'_, HoldState> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Another program takes the terminal.
    pub fn away(&self) {
        self.lock().away = true;
    }

    /// The reader has the terminal back.
    pub fn back(&self) {
        let mut state = self.lock();
        state.away = false;
        state.until = Some(Instant::now() + AFTER);
    }

    /// Interrupts arriving now belong to the other program.
    #[cfg_attr(not(unix), allow(dead_code))]
    fn holds(&self) -> bool {
        let state = self.lock();
        state.away || state.until.is_some_and(|t| Instant::now() < t)
    }
}
