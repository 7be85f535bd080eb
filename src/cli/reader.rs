//! Plain `reelread [DIR]`: load everything, then hand the terminal to the reader.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;

use super::setup::ColorMode;
use crate::action::Action;
use crate::app::{App, Settings};
use crate::config::Loaded;
use crate::data::{Library, Part};

pub fn read(dir: Option<&Path>, loaded: &Loaded, color: ColorMode) -> ExitCode {
    let Some(start) = start_loading(dir) else {
        return super::status::trouble();
    };
    if !std::io::stdout().is_terminal() {
        // A usage error, as grep's rule says: nothing was read, and a script hears it.
        eprintln!(
            "reelread draws a reader only on a terminal. To print reviews instead:\n  \
             reelread list [DIR] [--reviewer NAME] [--grep TEXT] [--sort KEY] [--json]\n  \
             reelread show ID [DIR] [--width N]\n  \
             reelread export [DIR] --format markdown|json\n  \
             reelread check [DIR]\n\
             `reelread --help` lists every command."
        );
        return super::status::trouble();
    }
    let config = &loaded.config;
    if color.enabled() {
        // crossterm obeys NO_COLOR on its own; --color always must win over it.
        crossterm::style::force_color_output(true);
    }
    let mut notes = Vec::new();
    if let Some(note) = config_note(&loaded.diagnostics) {
        notes.push(note);
    }
    let state_path = crate::state::default_path();
    let state = state_path.as_ref().map(|p| crate::state::load(p));
    if let Some(warning) = state.as_ref().and_then(|s| s.warning.clone()) {
        notes.push(warning);
    }
    let mut settings = Settings::from_config(config);
    settings.colors.disabled = !color.enabled();
    settings.notes = notes;
    let restore = state
        .as_ref()
        .map(|s| crate::session::restore(&s.state))
        .unwrap_or_default();
    let (app, parts) = match start {
        Start::Loaded(library) => (
            App::with_settings(library, settings).restored(restore),
            None,
        ),
        Start::Loading { path, first, rest } => {
            let mut app = App::loading(settings, &path.display().to_string(), restore);
            // Before the first frame there is no size, so nothing to lay out yet: the
            // loop's first resize asks for whatever these parts need.
            for part in first {
                crate::app::update(&mut app, Action::Loaded(part));
            }
            crate::app::update(&mut app, Action::Show);
            (app, Some(rest))
        }
    };
    let options = crate::tui::Options {
        mouse: config.mouse,
        state: state_path.zip(state.map(|s| s.state)),
        watch: dir.map(Path::to_path_buf),
        parts,
        fetch: crate::config::library_path(config).map(|library| crate::tui::FetchSetup {
            library,
            limits: config.fetch,
        }),
    };
    super::restore_the_terminal_on_sigpipe();
    let ended = crate::tui::run(app, options);
    match ended {
        Ok((crate::tui::Ended::Quit, errors)) => {
            report(&errors);
            ExitCode::SUCCESS
        }
        Ok((crate::tui::Ended::Signal(signal), errors)) => {
            report(&errors);
            ExitCode::from(u8::try_from(128 + signal).unwrap_or(u8::MAX))
        }
        Err(e) => {
            // After a hang-up stderr may be gone too; nothing more to say then.
            let _ = writeln!(
                std::io::stderr(),
                "reelread: terminal error: {}",
                crate::data::sanitize_line(&e.to_string())
            );
            super::status::trouble()
        }
    }
}

/// What the footer says at start of the config's problems, short enough to leave room for
/// the key hints: a command left without a key by a rebinding (`open_url = "o"` takes `o`
/// from sort) is always named, so no key stops working without a word.
fn config_note(diagnostics: &[crate::diagnostic::Diagnostic]) -> Option<String> {
    let unbound: Vec<&str> = diagnostics
        .iter()
        .filter_map(|d| {
            d.message
                .split_once(" has no key left")
                .map(|(name, _)| name)
        })
        .filter(|name| !name.contains(' '))
        .collect();
    let unbound = if unbound.is_empty() {
        String::new()
    } else {
        format!("{} has no key", unbound.join(", "))
    };
    match diagnostics {
        [] => None,
        [_] if !unbound.is_empty() => Some(format!("config: {unbound} (`reelread check`)")),
        [one] => Some(format!("config: {} (`reelread check`)", one.message)),
        many if !unbound.is_empty() => Some(format!(
            "config: {} problems; {unbound} (`reelread check`)",
            many.len()
        )),
        many => Some(format!(
            "config: {} problems, defaults used for them (`reelread check`)",
            many.len()
        )),
    }
}

/// How the reader starts: with the bundled collection (or a load that ended at once), or
/// with the first parts of a background load and the channel the rest comes through.
enum Start {
    Loaded(Library),
    Loading {
        path: PathBuf,
        first: Vec<Part>,
        rest: mpsc::Receiver<Part>,
    },
}

/// Starts loading `dir` in the background and waits only for its first collection, so the
/// reader opens at once; a folder with nothing to read is reported here, as before.
fn start_loading(dir: Option<&Path>) -> Option<Start> {
    let Some(dir) = dir else {
        return Some(Start::Loaded(crate::data::bundled_library()));
    };
    let rest =
        crate::data::load_in_background(dir.to_path_buf(), crate::data::LoadOptions::default());
    let mut first = Vec::new();
    while let Ok(part) = rest.recv() {
        let reviews = matches!(&part, Part::Reviews { reviews, .. } if !reviews.is_empty());
        first.push(part);
        if reviews {
            return Some(Start::Loading {
                path: dir.to_path_buf(),
                first,
                rest,
            });
        }
    }
    // Done before any review arrived: a small, empty or unreadable folder.
    let mut library = Library {
        origin: Some(crate::data::sanitize_line(&dir.display().to_string())),
        ..Library::default()
    };
    for part in first {
        library.add(part);
    }
    for d in library.diagnostics.iter().filter(|d| d.is_error()) {
        eprintln!("{d}");
    }
    (!library.collections.is_empty()).then_some(Start::Loaded(library))
}

/// Errors met while loading in the background, printed once the terminal is ours again
/// (the footer said how many files were skipped).
fn report(errors: &[String]) {
    let mut err = std::io::stderr();
    for line in errors {
        let _ = writeln!(err, "{line}");
    }
}

#[cfg(test)]
mod tests {
    use super::config_note;

    #[test]
    fn a_key_taken_from_another_command_is_said_at_start() {
        let (_, diagnostics) =
            crate::config::parse_text("config.toml", "[keys]\nopen_url = \"o\"\n");
        assert_eq!(
            config_note(&diagnostics).as_deref(),
            Some("config: sort has no key (`reelread check`)")
        );
        assert_eq!(config_note(&[]), None);
    }
}
