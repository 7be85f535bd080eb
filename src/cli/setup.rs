//! Settings for every command: the config file, colour mode, and the commands that show
//! them (`config`, `keys`, `man`).

use std::path::Path;
use std::process::ExitCode;

use crate::config::{self, Config, Loaded};

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[allow(clippy::doc_markdown)] // these comments are --help text, where backticks would show
pub enum ColorMode {
    /// Off when NO_COLOR is set (to anything) or TERM is dumb.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorMode {
    /// Decides, reading the environment for `auto`.
    #[must_use]
    pub fn enabled(self) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
                !no_color && !dumb
            }
        }
    }
}

/// Loads the config; with `report`, its problems go to stderr.
pub fn config(explicit: Option<&Path>, report: bool) -> Loaded {
    let loaded = config::load(explicit);
    if report {
        for d in &loaded.diagnostics {
            eprintln!("{d}");
        }
    }
    loaded
}

/// `reelread config`.
pub fn print_config(loaded: &Loaded) -> ExitCode {
    match &loaded.path {
        Some(path) => println!("# Settings in force: defaults, then {}", shown(path)),
        None => println!("# Settings in force: the defaults (no config file found)"),
    }
    if let Some(path) = config::default_path() {
        println!("# Your config file goes in {}", shown(&path));
    }
    print!("{}", loaded.config.to_toml());
    ExitCode::SUCCESS
}

/// `reelread keys`.
pub fn print_keys(config: &Config) -> ExitCode {
    let rows: Vec<(String, String, &str)> = config
        .keymap
        .bindings()
        .map(|(action, keys)| {
            let keys: Vec<String> = keys.iter().map(|k| crate::keymap::display_key(k)).collect();
            (
                action.name().to_owned(),
                keys.join(", "),
                action.description(),
            )
        })
        .collect();
    let name_width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    let key_width = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    for (name, keys, description) in rows {
        let keys = if keys.is_empty() {
            "(unbound)".to_owned()
        } else {
            keys
        };
        println!("{name:<name_width$}  {keys:<key_width$}  {description}");
    }
    ExitCode::SUCCESS
}

/// `reelread man`.
pub fn print_man() -> ExitCode {
    use clap::CommandFactory as _;
    let man = clap_mangen::Man::new(super::Cli::command());
    match man.render(&mut std::io::stdout()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("reelread: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A path as it may be printed: no control character from a folder name reaches the terminal.
fn shown(path: &Path) -> String {
    crate::data::sanitize_line(&path.display().to_string())
}
