//! The terminal loop: read events, turn them into actions, draw, carry out effects,
//! reload changed files and save the reading state. Every way out — quit, a signal,
//! a panic, the terminal going away — restores the terminal (raw mode, alternate
//! screen, mouse capture, cursor) and saves the state.

mod editor;
mod effects;
mod fetching;
mod input;
mod signals;
mod terminal;
mod workers;

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crossterm::event::{Event, MouseEventKind};

use crate::action::Action;
use crate::app::{App, Effect, update};
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
    /// Where `R` fetches the followed sources into; `None` when there is no library.
    pub fetch: Option<fetching::Setup>,
}

pub use fetching::Setup as FetchSetup;

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

/// The longest the loop spends applying input before it draws a frame and looks at
/// signals again, however much input is waiting.
const INPUT_BUDGET: Duration = Duration::from_millis(50);

/// Runs the reader until the user quits or a signal stops it; also returns the errors met
/// by a background load, for the caller to print once the terminal is back.
pub fn run(mut app: App, mut options: Options) -> io::Result<(Ended, Vec<String>)> {
    let hold = signals::Hold::default();
    let signals = signals::listen(hold.clone())?;
    let mut terminal = terminal::enter(options.mouse)?;
    let (events, gate) = input::spawn();
    let background = options.parts.is_some();
    let channels = Channels {
        signals: &signals,
        events: &events,
        gate: &gate,
        hold: &hold,
    };
    let result = event_loop(&mut terminal, &mut app, &mut options, &channels);
    terminal::leave(options.mouse);
    if terminal.show_cursor().is_err() {
        // The terminal is gone; dropping ratatui's handle would try again and print.
        std::mem::forget(terminal);
    }
    if let Some((path, base)) = options.state {
        let mut state = base.clone();
        crate::session::record(&app, &mut state);
        if let Err(e) = crate::session::save_merged(&path, &base, &state) {
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
/// true when the screen should change. Live reload starts watching as the load ends.
fn take_parts(
    app: &mut App,
    options: &mut Options,
    reloads: &mut workers::Reloads,
    shown_at: &mut Instant,
    effects: &mut Vec<Effect>,
) -> bool {
    let Some(parts) = &options.parts else {
        return false;
    };
    loop {
        match parts.try_recv() {
            Ok(part) => effects.extend(update(app, Action::Loaded(part))),
            Err(mpsc::TryRecvError::Empty) => {
                if shown_at.elapsed() < SHOW_PARTS_EVERY {
                    return false;
                }
                *shown_at = Instant::now();
                effects.extend(update(app, Action::Show));
                return true;
            }
            Err(mpsc::TryRecvError::Disconnected) => {
                reloads.start_watching(app.library());
                effects.extend(update(app, Action::LoadDone));
                options.parts = None;
                return true;
            }
        }
    }
}

/// What the loop hears from: signals, terminal input, and what holds both back while the
/// editor has the terminal (the input gate, the interrupts' hold).
struct Channels<'a> {
    signals: &'a mpsc::Receiver<i32>,
    events: &'a mpsc::Receiver<input::Batch>,
    gate: &'a input::Gate,
    hold: &'a signals::Hold,
}

/// The pump: terminal events and other threads' results go into [`update`] as actions,
/// the effects it returns are carried out, and a frame is drawn when something changed.
fn event_loop(
    terminal: &mut terminal::Term,
    app: &mut App,
    options: &mut Options,
    channels: &Channels<'_>,
) -> io::Result<Ended> {
    let (signals, events) = (channels.signals, channels.events);
    let (width, height) = terminal::fit(terminal)?;
    let mut effects = update(app, Action::Resize(width, height));
    let mut reloads = workers::Reloads::watch(options.watch.clone());
    let mut layout = workers::Layouts::default();
    let mut fetching = fetching::Fetching::default();
    let mut saved_at = Instant::now();
    // Something happened since the state was last compared: only then is it worth
    // comparing again (a 10,000-review state is not free to walk every 2 s).
    let mut acted = false;
    let mut state = options.state.clone();
    let test_panic = std::env::var_os("REELREAD_TEST_PANIC").is_some();
    // Draw only when something changed: an idle reader costs nothing.
    let mut dirty = true;
    let mut shown_at = Instant::now();
    while app.is_running() {
        dirty |= take_parts(app, options, &mut reloads, &mut shown_at, &mut effects);
        // Watching starts once no load is running, before the frame that shows it ended.
        // A change seen while a load runs waits for it to finish.
        if let Some(library) = reloads.step(options.parts.is_none(), app.library()) {
            effects.extend(update(app, Action::Reloaded(Box::new(library))));
            dirty = true;
        }
        dirty |= take_fetch_progress(app, options, &mut fetching, &mut reloads, &mut effects);
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
        let busy = options.parts.is_some() || reloads.busy() || layout.busy() || fetching.busy();
        match events.recv_timeout(if busy { LOAD_TICK } else { TICK }) {
            Ok(batch) => {
                dirty = true;
                acted = true;
                let started = Instant::now();
                let mut resized = handle_all(app, batch?, &mut effects);
                // Apply every event already read before the next frame, so held keys never
                // lag and a flood costs a frame per batch, not one per key; but draw and
                // look at signals every so often under an endless flood.
                while app.is_running()
                    && started.elapsed() < INPUT_BUDGET
                    && let Ok(batch) = events.try_recv()
                {
                    resized |= handle_all(app, batch?, &mut effects);
                }
                if resized {
                    // Resize events can arrive stale and out of order in a storm: lay out
                    // for the size the terminal has now.
                    let (width, height) = terminal::fit(terminal)?;
                    effects.extend(update(app, Action::Resize(width, height)));
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
        // Carrying out an effect may report back, and the report may ask for more.
        while !effects.is_empty() {
            for effect in std::mem::take(&mut effects) {
                match effect {
                    // The loop asks the app what to lay out: a resize storm asks many times.
                    // Asking changes nothing on screen, so it draws nothing.
                    Effect::LayOut => layout.asked = true,
                    Effect::Suspend | Effect::Edit(_) | Effect::Reload => {
                        let on = (&mut *terminal, options.mouse, channels, &mut reloads);
                        if let Some(ended) = editor::terminal_effect(on, app, effect, &mut effects)?
                        {
                            return Ok(ended);
                        }
                        dirty = true;
                    }
                    Effect::Fetch | Effect::ListSources => {
                        fetch_effect(app, options, &mut fetching, &effect, &mut effects);
                        dirty = true;
                    }
                    effect => {
                        let message = effects::perform(app, effect);
                        effects.extend(update(app, Action::Notify(message)));
                        dirty = true;
                    }
                }
            }
        }
        if let Some(done) = layout.step(app) {
            effects.extend(update(app, Action::LaidOut(Box::new(done))));
            dirty = true;
            // Start the next whole layout the app needs now that it has this one.
            let _ = layout.step(app);
        }
        // Show the result of a key before any disk work (the state file is synced).
        if std::mem::take(&mut dirty) {
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        }
        if let Some((path, reading)) = &mut state
            && (app.marks_changed() || (acted && saved_at.elapsed() >= SAVE_EVERY))
        {
            acted = false;
            if let Some(message) = save_changes(app, path, reading) {
                effects.extend(update(app, Action::Notify(message)));
                dirty = true;
            }
            effects.extend(update(app, Action::Saved));
            saved_at = Instant::now();
        }
    }
    Ok(Ended::Quit)
}

/// Writes the reading state if the reader changed it, merged into the file as it is now
/// (another reader may have saved since); the footer's message when that failed.
fn save_changes(app: &App, path: &std::path::Path, reading: &mut ReadingState) -> Option<String> {
    // Scroll positions change without marking anything: compare, and write only what
    // differs, so an idle reader does not touch the disk.
    let before = reading.clone();
    crate::session::record(app, reading);
    if *reading == before {
        return None;
    }
    match crate::session::save_merged(path, &before, reading) {
        Ok(merged) => {
            *reading = merged;
            None
        }
        Err(e) => Some(format!("Could not save reading state: {e}")),
    }
}

/// Starts `R`'s fetch, or reads the sources for the `S` popup.
fn fetch_effect(
    app: &mut App,
    options: &Options,
    fetching: &mut fetching::Fetching,
    effect: &Effect,
    effects: &mut Vec<Effect>,
) {
    match (effect, &options.fetch) {
        (Effect::Fetch, Some(setup)) => fetching.start(setup.clone()),
        (Effect::Fetch, None) => {
            let progress = crate::action::FetchProgress::Done {
                summary: "no library folder to fetch into (is HOME set?)".to_owned(),
                rows: Vec::new(),
            };
            effects.extend(update(app, Action::Fetch(progress)));
        }
        _ => effects.extend(update(app, Action::Sources(fetching::rows()))),
    }
}

/// Hands a running fetch's progress to the app; true when the screen should change.
/// Reading the bundled collection because the library was empty, the reader moves to the
/// library once the fetch has written into it, so the rest arrives through the ordinary
/// reload.
fn take_fetch_progress(
    app: &mut App,
    options: &mut Options,
    fetching: &mut fetching::Fetching,
    reloads: &mut workers::Reloads,
    effects: &mut Vec<Effect>,
) -> bool {
    let mut changed = false;
    for progress in fetching.step() {
        let done = matches!(progress, crate::action::FetchProgress::Done { .. });
        effects.extend(update(app, Action::Fetch(progress)));
        changed = true;
        // Whatever the watcher may have missed (writes made before it started) is read
        // once more when the fetch is over.
        if done
            && options.watch.is_some()
            && options.watch.as_ref() == options.fetch.as_ref().map(|f| &f.library)
        {
            reloads.changed();
        }
        if let (None, Some(setup)) = (&options.watch, &options.fetch) {
            let library = crate::data::load_path(&setup.library);
            if !library.collections.is_empty() {
                effects.extend(update(app, Action::Reloaded(Box::new(library))));
                options.watch = Some(setup.library.clone());
                *reloads = workers::Reloads::watch(options.watch.clone());
            }
        }
    }
    changed
}

/// Applies a batch of terminal events in order, stopping at a quit; true when one was a
/// resize.
fn handle_all(app: &mut App, batch: Vec<Event>, effects: &mut Vec<Effect>) -> bool {
    let mut resized = false;
    for event in batch {
        if !app.is_running() {
            break;
        }
        resized |= handle(app, event, effects);
    }
    resized
}

/// Applies one terminal event; true when it was a resize (the caller re-reads the size).
fn handle(app: &mut App, event: Event, effects: &mut Vec<Effect>) -> bool {
    let action = match event {
        Event::Key(key) => app.action_for_key(key),
        Event::Paste(text) => Some(Action::Paste(text)),
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
        effects.extend(update(app, action));
    }
    false
}
