//! Taking the terminal over and giving it back, on every path: normal exit, suspend,
//! and panic (whose message is sanitised, since it may quote data).
//!
//! Bracketed paste is on while the reader runs, so a paste arrives as one event (text for
//! a prompt, ignored elsewhere) instead of keys that would run commands.

use std::io::{self, Write};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;

/// The reader's terminal: frames are assembled in a 64 KiB buffer and written with one
/// flush, not in the kilobyte pieces of Rust's line-buffered stdout.
pub type Term = ratatui::Terminal<ratatui::backend::CrosstermBackend<io::BufWriter<io::Stdout>>>;

/// Room for a whole styled 200×50 frame, so a redraw is one write.
const OUTPUT_BUFFER: usize = 64 * 1024;

/// Raw mode, alternate screen, bracketed paste, optional mouse capture, and a panic hook
/// that undoes them.
pub fn enter(mouse: bool) -> io::Result<Term> {
    install_panic_hook(mouse);
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableBracketedPaste
    )?;
    let backend = ratatui::backend::CrosstermBackend::new(io::BufWriter::with_capacity(
        OUTPUT_BUFFER,
        io::stdout(),
    ));
    // A fixed viewport, not the whole window: ratatui sizes its buffers by the viewport,
    // and a huge window would ask for hundreds of gigabytes (see `layout::drawn`).
    let size = crossterm::terminal::size()?;
    let options = ratatui::TerminalOptions {
        viewport: ratatui::Viewport::Fixed(drawn_area(size)),
    };
    let terminal = ratatui::Terminal::with_options(backend, options)?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(terminal)
}

/// The part of a window of `(columns, rows)` that is drawn: its top-left corner.
fn drawn_area((width, height): (u16, u16)) -> ratatui::layout::Rect {
    let (width, height) = crate::layout::drawn(width, height);
    ratatui::layout::Rect::new(0, 0, width, height)
}

/// Fits the drawn area to the window's size now, and returns that size for the app (a
/// fixed viewport is not resized by ratatui itself).
pub fn fit(terminal: &mut Term) -> io::Result<(u16, u16)> {
    let size = terminal.size()?;
    let area = drawn_area((size.width, size.height));
    if terminal.get_frame().area() != area {
        terminal.resize(area)?;
    }
    Ok((size.width, size.height))
}

/// Undoes [`enter`]: mouse capture and bracketed paste off, main screen, cooked mode,
/// cursor shown.
pub fn leave(mouse: bool) {
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    let _ = ratatui::try_restore();
}

/// Ctrl-Z: give the shell its terminal back, stop, and take over again after `fg`.
pub fn suspend(terminal: &mut Term, mouse: bool) -> io::Result<()> {
    leave(mouse);
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    resume(terminal, mouse)
}

/// Takes the terminal back after [`leave`] (after `fg`, or when the editor is done): the
/// same set-up as at start, and a full redraw.
pub fn resume(terminal: &mut Term, mouse: bool) -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableBracketedPaste
    )?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    // Force a full redraw without ratatui's clear(), which asks the terminal for the cursor
    // position (a reply the input thread would swallow): blank the screen and draw a blank
    // frame, so the next frame differs everywhere.
    execute!(
        io::stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    fit(terminal)?;
    terminal
        .draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))
        .map(|_| ())
}

/// On panic: restore the terminal first, then print a one-line, sanitised report.
fn install_panic_hook(mouse: bool) {
    std::panic::set_hook(Box::new(move |info| {
        leave(mouse);
        let payload = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_owned());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        // The terminal may be gone: a failed write must not panic inside the panic hook.
        let _ = writeln!(
            io::stderr(),
            "reelread crashed: {}{place}\nPlease report this; the terminal has been restored.",
            crate::data::sanitize_line(&payload)
        );
    }));
}
