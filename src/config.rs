//! Settings: the embedded defaults (`config.default.toml`), then the user's file. A bad
//! setting is reported as `path:line:column: message` and keeps its default; the rest of
//! the file still applies.

mod color;
mod parse;
#[cfg(test)]
mod tests_defaults;

use std::path::{Path, PathBuf};

use crate::data::{decode_utf8, read_regular};
use crate::diagnostic::{Diagnostic, Severity};
use crate::keymap::Keymap;
pub use color::{Colors, Role, color_name};

/// The shipped configuration: every setting's default, and the default keymap.
pub const DEFAULT_CONFIG: &str = include_str!("../config.default.toml");

/// Built-in colour themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Light text on a dark background.
    #[default]
    Dark,
    /// Dark text on a light background.
    Light,
}

/// How the list draws a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListStyle {
    /// Up to three lines: title, byline (film, reviewer, source, date), score and counts.
    #[default]
    Cards,
    /// One line: title, score and comment count, so a screen holds three times as many.
    Compact,
}

impl ListStyle {
    /// The name in the config file.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Cards => "cards",
            Self::Compact => "compact",
        }
    }
}

/// Everything a user can set.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The reading column's maximum width.
    pub text_width: u16,
    /// The base theme.
    pub theme: ThemeName,
    /// Colour overrides on top of the theme.
    pub colors: Vec<(Role, ratatui::style::Color)>,
    /// Capture the mouse.
    pub mouse: bool,
    /// Show the cast sidebar when there is room.
    pub sidebar: bool,
    /// How the list draws a review.
    pub list_style: ListStyle,
    /// strftime-like date pattern (`%Y-%m-%d`).
    pub date_format: String,
    /// Keys for every command.
    pub keymap: Keymap,
    /// Where the library lives, when not in the default place ([`library_path`]).
    pub library: Option<PathBuf>,
    /// How followed sources are fetched: parallelism, timeouts and size caps.
    pub fetch: FetchLimits,
}

/// The `[fetch]` table: what a fetch may cost, so a slow or hostile server cannot hang or
/// fill the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchLimits {
    /// Sources fetched at once.
    pub jobs: usize,
    /// Connections to one host at once.
    pub per_host: usize,
    /// Per request, from connecting to the last byte of the body.
    pub timeout_secs: u64,
    /// The largest body read; a larger one is cut off and reported.
    pub max_bytes: u64,
}

/// The defaults, read from [`DEFAULT_CONFIG`] once: the one place they are written.
static DEFAULTS: std::sync::LazyLock<Config> = std::sync::LazyLock::new(|| {
    let (config, diagnostics) =
        parse::parse(Config::unset(), "config.default.toml", DEFAULT_CONFIG);
    debug_assert!(diagnostics.is_empty(), "{diagnostics:?}");
    config
});

impl Default for Config {
    fn default() -> Self {
        DEFAULTS.clone()
    }
}

impl Config {
    /// The colours chosen, for the reader to draw with.
    #[must_use]
    pub fn chosen_colors(&self) -> Colors {
        Colors {
            theme: self.theme,
            overrides: self.colors.clone(),
            disabled: false,
        }
    }

    /// What the shipped file is read onto: every value it must set (a test checks it does).
    fn unset() -> Self {
        Self {
            text_width: 0,
            theme: ThemeName::Dark,
            colors: Vec::new(),
            mouse: false,
            sidebar: false,
            list_style: ListStyle::Compact,
            date_format: String::new(),
            keymap: Keymap::empty(),
            library: None,
            fetch: FetchLimits {
                jobs: 0,
                per_host: 0,
                timeout_secs: 0,
                max_bytes: 0,
            },
        }
    }
}

/// A configuration with what was wrong in the file it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The settings in force.
    pub config: Config,
    /// The file read, if any.
    pub path: Option<PathBuf>,
    /// Problems, each already located.
    pub diagnostics: Vec<Diagnostic>,
}

/// `$XDG_CONFIG_HOME/reelread/config.toml` (or the platform's equivalent).
#[must_use]
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.config_dir().join("reelread").join("config.toml"))
}

/// The library: one collection folder per film, read by every command given no folder.
/// `library = "PATH"` moves it from `$XDG_DATA_HOME/reelread/library`.
#[must_use]
pub fn library_path(config: &Config) -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    config.library.clone().or_else(|| {
        let strategy = etcetera::choose_base_strategy().ok()?;
        Some(strategy.data_dir().join("reelread").join("library"))
    })
}

/// The largest config file [`load`] reads: the shipped file, every setting and key
/// documented, is under 4 KiB, so 4 MiB is room for any hand-written one while a stray
/// dump or a device at the path is refused instead of read into memory.
pub const MAX_CONFIG_BYTES: u64 = 4 * 1024 * 1024;

/// Reads `explicit`, or the default path when it exists; defaults when there is none.
#[must_use]
pub fn load(explicit: Option<&Path>) -> Loaded {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        // Anything at the default path is read (and a FIFO or device there reported),
        // not only regular files; a missing file means defaults.
        None => default_path().filter(|p| std::fs::symlink_metadata(p).is_ok()),
    };
    let Some(path) = path else {
        return Loaded {
            config: Config::default(),
            path: None,
            diagnostics: Vec::new(),
        };
    };
    let shown = path.display().to_string();
    let (config, diagnostics) = match read_regular(&path, MAX_CONFIG_BYTES) {
        Ok(bytes) => match decode_utf8(&shown, &bytes, |_| "file is not valid UTF-8".to_owned()) {
            Ok(text) => parse_text(&shown, text),
            Err(d) => (Config::default(), vec![d]),
        },
        Err(e) => {
            let d = Diagnostic::whole_file(
                &shown,
                Severity::Error,
                &format!("config not read, defaults used: {e}"),
            );
            (Config::default(), vec![d])
        }
    };
    Loaded {
        config,
        path: Some(path),
        diagnostics,
    }
}

/// Parses a user's config text onto the defaults.
#[must_use]
pub fn parse_text(path: &str, text: &str) -> (Config, Vec<Diagnostic>) {
    parse::parse(Config::default(), path, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_that_is_not_utf8_is_located_and_ignored() {
        let file = tempfile::NamedTempFile::new().expect("temp file");
        std::fs::write(file.path(), b"text_width = 72\nx = \"\xff\"\n").expect("write");
        let loaded = load(Some(file.path()));
        assert_eq!(loaded.config, Config::default());
        let messages: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
        let shown = crate::data::sanitize_line(&file.path().display().to_string());
        assert_eq!(
            messages,
            [format!("{shown}:2:6: error: file is not valid UTF-8")]
        );
    }
}
