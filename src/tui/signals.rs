//! SIGTERM, SIGHUP and SIGINT end the reader cleanly (terminal restored, state saved,
//! exit status 128 + signal) instead of killing it mid-frame.

use std::io;
use std::sync::mpsc;

/// The signals that stop the reader.
#[cfg(unix)]
const STOP: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];

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
