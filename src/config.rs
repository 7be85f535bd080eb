//! Settings: the embedded defaults (`config.default.toml`), then the user's file. A bad
//! setting is reported as `path:line:column: message` and keeps its default; the rest of
//! the file still applies.

mod color;
mod parse;

use std::path::{Path, PathBuf};

use crate::data::decode_utf8;
use crate::diagnostic::{Diagnostic, Severity};
use crate::keymap::Keymap;
pub use color::{Role, Theme, parse_color};

/// Built-in colour themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Light text on a dark background.
    #[default]
    Dark,
    /// Dark text on a light background.
    Light,
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
    /// strftime-like date pattern (`%Y-%m-%d`).
    pub date_format: String,
    /// Keys for every action.
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            text_width: 80,
            theme: ThemeName::Dark,
            colors: Vec::new(),
            mouse: true,
            sidebar: true,
            date_format: "%Y-%m-%d".to_owned(),
            keymap: Keymap::default(),
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

/// Reads `explicit`, or the default path when it exists; defaults when there is none.
#[must_use]
pub fn load(explicit: Option<&Path>) -> Loaded {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => default_path().filter(|p| p.is_file()),
    };
    let Some(path) = path else {
        return Loaded {
            config: Config::default(),
            path: None,
            diagnostics: Vec::new(),
        };
    };
    let shown = path.display().to_string();
    let (config, diagnostics) = match std::fs::read(&path) {
        Ok(bytes) => match decode_utf8(&shown, &bytes, |_| "file is not valid UTF-8".to_owned()) {
            Ok(text) => parse::parse(&shown, text),
            Err(d) => (Config::default(), vec![d]),
        },
        Err(e) => {
            let d = Diagnostic::at_offset(
                &shown,
                "",
                0,
                Severity::Error,
                &format!("cannot read config: {e}"),
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

/// Parses config text (for tests and `check`).
#[must_use]
pub fn parse_text(path: &str, text: &str) -> (Config, Vec<Diagnostic>) {
    parse::parse(path, text)
}

impl Config {
    /// The settings in force as a config file, for `reelread config`.
    #[must_use]
    pub fn to_toml(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let _ = writeln!(out, "text_width = {}", self.text_width);
        let theme = match self.theme {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
        };
        let _ = writeln!(out, "theme = \"{theme}\"");
        let _ = writeln!(out, "mouse = {}", self.mouse);
        let _ = writeln!(out, "sidebar = {}", self.sidebar);
        let _ = writeln!(out, "date_format = {}", toml_string(&self.date_format));
        let _ = writeln!(out, "\n[colors]");
        let theme = Theme::new(self.theme, &self.colors);
        for role in Role::ALL {
            let _ = writeln!(
                out,
                "{} = \"{}\"",
                role.name(),
                color::color_name(theme.color(role))
            );
        }
        let _ = writeln!(out, "\n[keys]");
        for (action, keys) in self.keymap.bindings() {
            let keys: Vec<String> = keys.iter().map(|k| toml_string(k)).collect();
            let _ = writeln!(out, "{} = [{}]", action.name(), keys.join(", "));
        }
        out
    }
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
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

    #[test]
    fn the_shipped_defaults_parse_cleanly_and_equal_the_built_in_ones() {
        let (config, diagnostics) =
            parse_text("config.default.toml", crate::keymap::DEFAULT_CONFIG);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(config, Config::default());
    }

    #[test]
    fn the_effective_config_reads_back_as_itself() {
        let mut config = Config {
            text_width: 72,
            ..Config::default()
        };
        config
            .keymap
            .rebind(&crate::app::Action::Quit, vec!["Q".into()]);
        let (again, diagnostics) = parse_text("x", &config.to_toml());
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(again.text_width, 72);
        assert_eq!(again.keymap, config.keymap);
    }
}
