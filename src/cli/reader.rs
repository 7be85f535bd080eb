//! Plain `reelread [DIR]`: load everything, then hand the terminal to the reader.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use super::setup::ColorMode;
use crate::app::{App, Settings};
use crate::config::{Loaded, Theme};

pub fn read(dir: Option<&Path>, loaded: &Loaded, color: ColorMode) -> ExitCode {
    let Some(library) = super::load_reporting(dir) else {
        return ExitCode::FAILURE;
    };
    if !std::io::stdout().is_terminal() {
        println!(
            "reelread draws a reader only on a terminal. To print reviews instead:\n  \
             reelread list [DIR] [--reviewer NAME] [--grep TEXT] [--sort KEY] [--json]\n  \
             reelread show ID [DIR] [--width N]\n  \
             reelread export [DIR] --format markdown|json\n  \
             reelread check [DIR]"
        );
        return ExitCode::SUCCESS;
    }
    let config = &loaded.config;
    let mut theme = Theme::new(config.theme, &config.colors);
    theme.enabled = color.enabled();
    if theme.enabled {
        // crossterm obeys NO_COLOR on its own; --color always must win over it.
        crossterm::style::force_color_output(true);
    }
    let mut notes = Vec::new();
    if !loaded.diagnostics.is_empty() {
        let n = loaded.diagnostics.len();
        let plural = if n == 1 { "problem" } else { "problems" };
        notes.push(format!(
            "config: {n} {plural}, defaults used for them (`reelread check`)"
        ));
    }
    let state_path = crate::state::default_path();
    let state = state_path.as_ref().map(|p| crate::state::load(p));
    if let Some(warning) = state.as_ref().and_then(|s| s.warning.clone()) {
        notes.push(warning);
    }
    let settings = Settings {
        keymap: config.keymap.clone(),
        text_width: config.text_width,
        sidebar: config.sidebar,
        // The pattern lives for the whole run; laid-out reviews borrow it.
        date_format: Box::leak(config.date_format.clone().into_boxed_str()),
        theme,
        notes,
        ..Settings::default()
    }
    .with_key_names();
    let restore = state
        .as_ref()
        .map(|s| crate::session::restore(&library, &s.state))
        .unwrap_or_default();
    let app = App::with_settings(library, settings).restored(restore);
    let options = crate::tui::Options {
        mouse: config.mouse,
        state: state_path.zip(state.map(|s| s.state)),
        watch: dir.map(Path::to_path_buf),
    };
    match crate::tui::run(app, options) {
        Ok(crate::tui::Ended::Quit) => ExitCode::SUCCESS,
        Ok(crate::tui::Ended::Signal(signal)) => {
            ExitCode::from(u8::try_from(128 + signal).unwrap_or(u8::MAX))
        }
        Err(e) => {
            // After a hang-up stderr may be gone too; nothing more to say then.
            let _ = writeln!(std::io::stderr(), "reelread: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}
