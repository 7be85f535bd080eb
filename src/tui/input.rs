//! Terminal input on its own thread, so the loop never blocks inside the terminal
//! library: when the terminal goes away, crossterm's reader can spin forever on end of
//! file, and the loop must still see the hang-up signal and leave.

use std::io;
use std::sync::mpsc;
use std::time::Duration;

use crossterm::event::{self, Event};

/// How long the reader thread waits before checking whether anyone is still listening.
const CHECK: Duration = Duration::from_millis(250);

/// Starts reading events; they arrive on the returned channel, errors included.
pub fn spawn() -> mpsc::Receiver<io::Result<Event>> {
    let (tx, rx) = mpsc::sync_channel(256);
    std::thread::spawn(move || {
        loop {
            let next = match event::poll(CHECK) {
                Ok(true) => event::read().map(Some),
                Ok(false) => Ok(None),
                Err(e) => Err(e),
            };
            let stop = next.is_err();
            let sent = match next {
                Ok(Some(event)) => tx.send(Ok(event)),
                Ok(None) => Ok(()),
                Err(e) => tx.send(Err(e)),
            };
            if stop || sent.is_err() {
                break;
            }
        }
    });
    rx
}
