//! Every catchable signal whose default action ends the process (SIGTERM, SIGHUP, SIGINT,
//! SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM and the timer and limit signals) ends the
//! reader cleanly instead: terminal restored, state saved, exit status 128 + signal.
//! Faults (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS, SIGABRT) are left alone:
//! resuming after one would repeat it; a panic restores the terminal in its hook.

use std::io;
use std::sync::mpsc;

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

/// Starts listening; each signal that arrives is sent on the returned channel.
#[cfg(unix)]
pub fn listen() -> io::Result<mpsc::Receiver<i32>> {
    let mut signals = signal_hook::iterator::Signals::new(STOP)?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if tx.send(signal).is_err() {
                break;
            }
        }
    });
    Ok(rx)
}

/// Elsewhere only Ctrl-C (a key in raw mode) stops the reader.
#[cfg(not(unix))]
pub fn listen() -> io::Result<mpsc::Receiver<i32>> {
    Ok(mpsc::channel().1)
}
