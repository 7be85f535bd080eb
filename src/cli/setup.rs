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

/// `reelread config`; exit 2 when the config file has errors (defaults shown for them).
pub fn print_config(loaded: &Loaded) -> ExitCode {
    match &loaded.path {
        Some(path) => println!("# Settings in force: defaults, then {}", shown(path)),
        None => println!("# Settings in force: the defaults (no config file found)"),
    }
    if let Some(path) = config::default_path() {
        println!("# Your config file goes in {}", shown(&path));
    }
    print!("{}", config_toml(&loaded.config));
    settings_status(loaded)
}

/// The settings in force as a config file, for `reelread config`.
#[must_use]
pub fn config_toml(config: &Config) -> String {
    use std::fmt::Write as _;
    let quote = |text: &str| toml::Value::String(text.to_owned()).to_string();
    let mut out = String::new();
    let _ = writeln!(out, "text_width = {}", config.text_width);
    let theme = match config.theme {
        config::ThemeName::Dark => "dark",
        config::ThemeName::Light => "light",
    };
    let _ = writeln!(out, "theme = \"{theme}\"");
    let _ = writeln!(out, "mouse = {}", config.mouse);
    let _ = writeln!(out, "sidebar = {}", config.sidebar);
    let _ = writeln!(out, "list_style = \"{}\"", config.list_style.name());
    let _ = writeln!(out, "date_format = {}", quote(&config.date_format));
    match (&config.library, config::library_path(config)) {
        (Some(dir), _) => {
            let _ = writeln!(out, "library = {}", quote(&dir.display().to_string()));
        }
        (None, Some(default)) => {
            let _ = writeln!(out, "# library = {}", quote(&default.display().to_string()));
        }
        (None, None) => {}
    }
    let fetch = &config.fetch;
    let _ = writeln!(out, "\n[fetch]");
    let _ = writeln!(out, "jobs = {}", fetch.jobs);
    let _ = writeln!(out, "per_host = {}", fetch.per_host);
    let _ = writeln!(out, "timeout_secs = {}", fetch.timeout_secs);
    let _ = writeln!(out, "max_bytes = {}", fetch.max_bytes);
    let _ = writeln!(out, "\n[colors]");
    let theme = crate::ui::theme::Theme::new(&config.chosen_colors());
    for role in config::Role::ALL {
        let color = config::color_name(theme.color(role));
        let _ = writeln!(out, "{} = {}", role.name(), quote(&color));
    }
    let _ = writeln!(out, "\n[keys]");
    for (command, keys) in config.keymap.bindings() {
        let keys: Vec<String> = keys.iter().map(|k| quote(&k.to_string())).collect();
        let _ = writeln!(out, "{} = [{}]", command.name(), keys.join(", "));
    }
    out
}

/// One row of the key table: the command's section, its config name, its keys and what
/// it does.
pub type KeyRow = (crate::action::Section, &'static str, String, &'static str);

/// Every command with its keys (labels, `(unbound)` when none) and what it does, grouped
/// by the `?` help's sections: the table `reelread keys` prints and the man page's KEYS
/// section shows.
#[must_use]
pub fn key_rows(config: &Config) -> Vec<KeyRow> {
    let mut rows: Vec<KeyRow> = config
        .keymap
        .bindings()
        .map(|(command, keys)| {
            let keys: Vec<String> = keys.iter().map(crate::action::Key::label).collect();
            let keys = if keys.is_empty() {
                "(unbound)".to_owned()
            } else {
                keys.join(", ")
            };
            (
                command.section(),
                command.name(),
                keys,
                command.description(),
            )
        })
        .collect();
    // Stable: within a section the help's order stays.
    rows.sort_by_key(|row| crate::action::Section::all().position(|s| s == row.0));
    rows
}

/// `reelread keys`; exit 2 when the config file has errors (defaults shown for them).
pub fn print_keys(loaded: &Loaded) -> ExitCode {
    let rows = key_rows(&loaded.config);
    let name_width = rows.iter().map(|r| r.1.len()).max().unwrap_or(0);
    let key_width = rows.iter().map(|r| r.2.chars().count()).max().unwrap_or(0);
    let mut section = None;
    for (in_section, name, keys, description) in rows {
        if section != Some(in_section) {
            if section.is_some() {
                println!();
            }
            println!("{}", in_section.title());
            section = Some(in_section);
        }
        println!("  {name:<name_width$}  {keys:<key_width$}  {description}");
    }
    settings_status(loaded)
}

/// 0, or 2 when the config file had errors: what was printed is not all it says.
fn settings_status(loaded: &Loaded) -> ExitCode {
    if loaded
        .diagnostics
        .iter()
        .any(crate::diagnostic::Diagnostic::is_error)
    {
        super::status::trouble()
    } else {
        super::status::found()
    }
}

/// A path as it may be printed: no control character from a folder name reaches the terminal.
fn shown(path: &Path) -> String {
    crate::data::sanitize_line(&path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::config_toml;
    use crate::action::Command;
    use crate::config::{Config, parse_text};

    #[test]
    fn the_effective_config_reads_back_as_itself() {
        let mut config = Config {
            text_width: 72,
            library: Some("/srv/reviews".into()),
            ..Config::default()
        };
        config
            .keymap
            .rebind(Command::Quit, &["Q".parse().expect("key")]);
        let (again, diagnostics) = parse_text("x", &config_toml(&config));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(again.text_width, 72);
        assert_eq!(again.keymap, config.keymap);
        assert_eq!(again.library, config.library);
    }
}
