//! Driving the state machine as the keys would: commands one after another, text typed
//! into a prompt.

use reelread::action::{Action, Command};
use reelread::app::{App, update};

/// Applies each command in turn.
pub fn send(app: &mut App, commands: &[Command]) {
    for &command in commands {
        update(app, command);
    }
}

/// Types `text` into the open prompt or picker, one character at a time.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Input(c));
    }
}
