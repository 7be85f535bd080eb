//! The terminal loop: read events, turn them into actions, draw. Terminal set-up and
//! restore (also on panic) come from `ratatui::run`.

use std::io;
use std::time::Duration;

use crossterm::event::{self, Event};

use crate::app::{Action, App, dispatch};

/// Runs the reader until the user quits.
pub fn run(mut app: App) -> io::Result<()> {
    ratatui::run(|terminal| {
        let size = terminal.size()?;
        dispatch(&mut app, Action::Resize(size.width, size.height));
        while app.is_running() {
            terminal.draw(|frame| frame.render_widget(&app, frame.area()))?;
            handle(&mut app, &event::read()?);
            // Apply every queued event before the next frame, so held keys never lag.
            while app.is_running() && event::poll(Duration::ZERO)? {
                handle(&mut app, &event::read()?);
            }
        }
        Ok(())
    })
}

fn handle(app: &mut App, event: &Event) {
    let action = match *event {
        Event::Key(key) => app.settings().keymap.action_for(app.mode(), key),
        Event::Resize(width, height) => Some(Action::Resize(width, height)),
        _ => None,
    };
    if let Some(action) = action {
        dispatch(app, action);
    }
}
