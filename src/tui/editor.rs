//! `E`: the review's file in the reader's own editor. The terminal is handed over as for
//! a suspend (main screen, cooked mode, input not read), `$VISUAL` or `$EDITOR` (else
//! `vi`) runs on the file, and the reader takes the terminal back; the loop then reads
//! the library again so the edit shows.

use std::io;
use std::path::Path;
use std::sync::mpsc;

use super::Ended;
use super::input::Gate;
use super::terminal::{self, Term};
use crate::action::Action;
use crate::app::{App, Effect, update};

/// The editor to run, split on whitespace (`code -w`), and the variable it came from.
fn editor() -> (Vec<String>, Option<&'static str>) {
    for var in ["VISUAL", "EDITOR"] {
        if let Ok(value) = std::env::var(var) {
            let words: Vec<String> = value.split_whitespace().map(str::to_owned).collect();
            if !words.is_empty() {
                return (words, Some(var));
            }
        }
    }
    (vec!["vi".to_owned()], None)
}

/// How the file is named in messages: its folder and name (`reviews/x.toml`).
fn short(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let folder = path
        .parent()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned());
    match (folder, name) {
        (Some(folder), Some(name)) => format!("{folder}/{name}"),
        (None, Some(name)) => name,
        _ => path.display().to_string(),
    }
}

/// Runs the editor on `path` with the terminal handed over, and says how it went, for the
/// footer. Interrupts typed while the editor had the terminal were meant for it: they are
/// dropped from `signals`; any other signal that came meanwhile is returned.
pub fn edit(
    terminal: &mut Term,
    mouse: bool,
    gate: &Gate,
    signals: &mpsc::Receiver<i32>,
    path: &Path,
) -> io::Result<Edited> {
    if !path.is_file() {
        let message = format!(
            "Cannot edit: this review's file is no longer at {}",
            path.display()
        );
        return Ok(Edited {
            message,
            ran: false,
            signal: None,
        });
    }
    let (words, var) = editor();
    let shown = words.join(" ");
    gate.close();
    terminal::leave(mouse);
    let status = std::process::Command::new(&words[0])
        .args(&words[1..])
        .arg(path)
        .status();
    let resumed = terminal::resume(terminal, mouse);
    gate.open();
    resumed?;
    let signal = signals.try_iter().find(|&s| !interrupt(s));
    let file = short(path);
    let message = match &status {
        Ok(s) if s.success() => format!("Edited {file} with {shown}; reading it again"),
        Ok(s) => match s.code() {
            Some(code) => format!("{shown} exited with status {code}; reading {file} again"),
            None => format!("{shown} was stopped by a signal; reading {file} again"),
        },
        Err(e) => {
            // The way out before the cause: the footer may be cut at 80 columns.
            let (from, set) = match var {
                Some("VISUAL") => ("$VISUAL", "set VISUAL (it comes before EDITOR)"),
                Some(_) => ("$EDITOR", "set EDITOR"),
                None => ("neither VISUAL nor EDITOR is set", "set EDITOR"),
            };
            format!(
                "Could not start the editor `{shown}` ({from}): {set} to one you have, e.g. export {}=nano ({e})",
                if var == Some("VISUAL") {
                    "VISUAL"
                } else {
                    "EDITOR"
                }
            )
        }
    };
    Ok(Edited {
        message,
        ran: status.is_ok(),
        signal,
    })
}

/// What needs the terminal or the reloader: a suspend, the editor on a review's file
/// (then the library read again so the edit shows), a reload now; the way the reader
/// ends when a signal came while the editor ran.
pub(super) fn terminal_effect(
    (terminal, mouse, channels, reloads): (
        &mut Term,
        bool,
        &super::Channels<'_>,
        &mut super::workers::Reloads,
    ),
    app: &mut App,
    effect: Effect,
    effects: &mut Vec<Effect>,
) -> io::Result<Option<Ended>> {
    match effect {
        Effect::Suspend => terminal::suspend(terminal, mouse)?,
        Effect::Edit(path) => {
            channels.hold.away();
            let edited = edit(terminal, mouse, channels.gate, channels.signals, &path);
            channels.hold.back();
            let edited = edited?;
            if let Some(signal) = edited.signal {
                return Ok(Some(Ended::Signal(signal)));
            }
            effects.extend(update(app, Action::Notify(edited.message)));
            if edited.ran {
                // The watcher hears the save too; this also covers an editor that wrote
                // nothing, so the footer says so.
                reloads.changed();
            }
        }
        Effect::Reload => reloads.changed(),
        _ => {}
    }
    Ok(None)
}

/// How an edit went.
pub struct Edited {
    /// What the footer says.
    pub message: String,
    /// The editor ran (the file may have changed).
    pub ran: bool,
    /// A signal that asked the reader to stop while the editor ran.
    pub signal: Option<i32>,
}

/// Ctrl-C and Ctrl-\ typed at the editor.
fn interrupt(signal: i32) -> bool {
    #[cfg(unix)]
    {
        signal == signal_hook::consts::SIGINT || signal == signal_hook::consts::SIGQUIT
    }
    #[cfg(not(unix))]
    {
        let _ = signal;
        false
    }
}
