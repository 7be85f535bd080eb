//! The terminal loop: read events, turn them into actions, draw, carry out effects,
//! reload changed files and save the reading state. Every way out — quit, a signal,
//! a panic, the terminal going away — restores the terminal (raw mode, alternate
//! screen, mouse capture, cursor) and saves the state.

mod input;
mod signals;
mod terminal;
mod workers;

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crossterm::event::{Event, MouseEventKind};

use crate::app::{Action, App, Effect, dispatch};
use crate::data::Part;
use crate::state::ReadingState;

/// Where the loop finds what it needs outside the state.
#[derive(Debug, Default)]
pub struct Options {
    /// Capture the mouse.
    pub mouse: bool,
    /// The state file to keep up to date, and what was in it.
    pub state: Option<(PathBuf, ReadingState)>,
    /// The folder the library was loaded from, watched for changes.
    pub watch: Option<PathBuf>,
    /// The rest of a background load, absorbed while the reader runs.
    pub parts: Option<mpsc::Receiver<Part>>,
}

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The user quit.
    Quit,
    /// A signal asked us to stop; the process should exit with 128 + this number.
    Signal(i32),
}

/// How long file changes must settle before a reload; also the longest wait for input,
/// so signals and file changes are seen a few times a second.
const TICK: Duration = Duration::from_millis(200);
/// How often scroll positions are written while reading.
const SAVE_EVERY: Duration = Duration::from_secs(2);

/// How often a background load is checked for new parts: often enough that the list
/// fills smoothly, rarely enough that drawing does not slow the load.
const LOAD_TICK: Duration = Duration::from_millis(15);

/// Runs the reader until the user quits or a signal stops it; also returns the errors met
/// by a background load, for the caller to print once the terminal is back.
pub fn run(mut app: App, mut options: Options) -> io::Result<(Ended, Vec<String>)> {
    let signals = signals::listen()?;
    let mut terminal = terminal::enter(options.mouse)?;
    let events = input::spawn();
    let background = options.parts.is_some();
    let result = event_loop(&mut terminal, &mut app, &mut options, &signals, &events);
    terminal::leave(options.mouse);
    if terminal.show_cursor().is_err() {
        // The terminal is gone; dropping ratatui's handle would try again and print.
        std::mem::forget(terminal);
    }
    if let Some((path, mut state)) = options.state {
        crate::session::record(&app, &mut state);
        if let Err(e) = crate::state::save(&path, &state) {
            let _ = writeln!(
                io::stderr(),
                "reelread: could not save reading state to {}: {e}",
                crate::data::sanitize_line(&path.display().to_string())
            );
        }
    }
    let errors = if background {
        let library = app.library();
        library
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect()
    } else {
        Vec::new()
    };
    result.map(|ended| (ended, errors))
}

/// How often parts that arrived are shown (list, counts, progress) while loading: often
/// enough to look live, rarely enough to leave the cores to the loader.
const SHOW_PARTS_EVERY: Duration = Duration::from_millis(100);

/// Takes every part that has arrived, and shows them at most every [`SHOW_PARTS_EVERY`];
/// true when the screen should change.
fn take_parts(app: &mut App, options: &mut Options, shown_at: &mut Instant) -> bool {
    let Some(parts) = &options.parts else {
        return false;
    };
    loop {
        match parts.try_recv() {
            Ok(part) => app.absorb(part),
            Err(mpsc::TryRecvError::Empty) => {
                if shown_at.elapsed() < SHOW_PARTS_EVERY {
                    return false;
                }
                *shown_at = Instant::now();
                app.absorbed();
                return true;
            }
            Err(mpsc::TryRecvError::Disconnected) => {
                app.finish_loading();
                options.parts = None;
                return true;
            }
        }
    }
}

fn event_loop(
    terminal: &mut terminal::Term,
    app: &mut App,
    options: &mut Options,
    signals: &mpsc::Receiver<i32>,
    events: &mpsc::Receiver<io::Result<Event>>,
) -> io::Result<Ended> {
    let size = terminal.size()?;
    dispatch(app, Action::Resize(size.width, size.height));
    let mut reloads = workers::Reloads::watch(options.watch.clone());
    let mut layout = workers::Layouts::default();
    let mut saved_at = Instant::now();
    // Something happened since the state was last compared: only then is it worth
    // comparing again (a 10,000-review state is not free to walk every 2 s).
    let mut acted = false;
    let mut state = options.state.clone();
    let test_panic = std::env::var_os("REELREAD_TEST_PANIC").is_some();
    // Draw only when something changed: an idle reader costs nothing.
    let mut dirty = true;
    let mut parts_shown_at = Instant::now();
    while app.is_running() {
        dirty |= take_parts(app, options, &mut parts_shown_at);
        // Watching starts once no load is running, before the frame that shows it ended.
        // A change seen while a load runs waits for it to finish.
        dirty |= reloads.step(app, options.parts.is_none());
        if std::mem::take(&mut dirty) {
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        }
        // A test hook: proves a panic restores the terminal and prints no raw data.
        assert!(
            !test_panic,
            "test panic requested with \x1b]0;pwned\x07 in the message"
        );
        if let Ok(signal) = signals.try_recv() {
            return Ok(Ended::Signal(signal));
        }
        let wait = if options.parts.is_some() || reloads.busy() || layout.busy() {
            LOAD_TICK
        } else {
            TICK
        };
        match events.recv_timeout(wait) {
            Ok(event) => {
                dirty = true;
                acted = true;
                let mut resized = handle(app, &event?);
                // Apply every queued event before the next frame, so held keys never lag.
                while app.is_running()
                    && let Ok(event) = events.try_recv()
                {
                    resized |= handle(app, &event?);
                }
                if resized {
                    // Resize events can arrive stale and out of order in a storm: lay out
                    // for the size the terminal has now.
                    let size = terminal.size()?;
                    dispatch(app, Action::Resize(size.width, size.height));
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(io::Error::new(
                    io::ErrorKind::BrokenPipe,
                    "the terminal went away",
                ));
            }
        }
        for effect in app.take_effects() {
            dirty = true;
            match effect {
                Effect::Suspend => terminal::suspend(terminal, options.mouse)?,
                // The loop asks the app what to lay out: a resize storm asks many times.
                Effect::LayOut => layout.asked = true,
                effect => {
                    let message = perform(app, effect);
                    dispatch(app, Action::Notify(message));
                }
            }
        }
        dirty |= layout.step(app);
        // Show the result of a key before any disk work (the state file is synced).
        if std::mem::take(&mut dirty) {
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        }
        if let Some((path, reading)) = &mut state
            && (app.marks_changed() || (acted && saved_at.elapsed() >= SAVE_EVERY))
        {
            acted = false;
            // Scroll positions change without marking anything: compare, and write only
            // what differs, so an idle reader does not touch the disk.
            let before = reading.clone();
            crate::session::record(app, reading);
            if *reading != before
                && let Err(e) = crate::state::save(path, reading)
            {
                dispatch(
                    app,
                    Action::Notify(format!("Could not save reading state: {e}")),
                );
                dirty = true;
            }
            app.saved();
            saved_at = Instant::now();
        }
    }
    Ok(Ended::Quit)
}

/// Applies one terminal event; true when it was a resize (the caller re-reads the size).
fn handle(app: &mut App, event: &Event) -> bool {
    let action = match *event {
        Event::Key(key) => app.settings().keymap.action_for(app.mode(), key),
        Event::Resize(..) => return true,
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(_) => Some(Action::Click(mouse.column, mouse.row)),
            MouseEventKind::ScrollDown => Some(Action::Wheel(mouse.column, mouse.row, true)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(mouse.column, mouse.row, false)),
            _ => None,
        },
        _ => None,
    };
    if let Some(action) = action {
        dispatch(app, action);
    }
    false
}

/// Carries out one effect and says what happened, for the footer.
fn perform(app: &App, effect: Effect) -> String {
    match effect {
        Effect::CopyToClipboard(url) => {
            use base64::Engine as _;
            let payload = base64::engine::general_purpose::STANDARD.encode(url.as_bytes());
            let mut out = io::stdout();
            match write!(out, "\x1b]52;c;{payload}\x07").and_then(|()| out.flush()) {
                Ok(()) => {
                    format!("Copied {url} (OSC 52: the terminal must allow clipboard access)")
                }
                Err(e) => format!("Could not copy: {e}"),
            }
        }
        Effect::OpenInBrowser(url) => match open_in_browser(&url) {
            Ok(program) => format!("Opened {url} with {program}"),
            Err(e) => format!("Could not open {url}: {e}"),
        },
        Effect::ExportMarkdown(entry) => {
            let (collection, review) = app.entry(entry);
            let dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            match crate::export::write_markdown_file(&dir, collection, review) {
                Ok(path) => format!("Exported to {}", path.display()), // sanitised by Notify
                Err(e) => format!("Could not export: {e}"),
            }
        }
        Effect::Suspend | Effect::LayOut => String::new(),
    }
}

/// `$BROWSER`, else the platform's opener; output is discarded so it cannot draw over us.
fn open_in_browser(url: &str) -> io::Result<String> {
    let program = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty())
        .unwrap_or_else(|| {
            if cfg!(target_os = "macos") {
                "open"
            } else {
                "xdg-open"
            }
            .to_owned()
        });
    std::process::Command::new(&program)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    Ok(program)
}
