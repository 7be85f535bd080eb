//! The settings the state depends on, taken from the config once at start.

use crate::action::Command;
use crate::config::{Colors, Config, ListStyle};
use crate::keymap::Keymap;

/// The settings the state depends on, taken from the config once at start.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Keys for every action (also the help and footer hints).
    pub keymap: Keymap,
    /// The reading column's maximum width.
    pub text_width: u16,
    /// Show the cast sidebar when it fits (at start: `C` changes it while reading).
    pub sidebar: bool,
    /// How the list draws a review.
    pub list_style: ListStyle,
    /// How dates are written.
    pub date_format: &'static str,
    /// Colours (or none).
    pub colors: Colors,
    /// Things to say at start (config problems, a state file set aside).
    pub notes: Vec<String>,
    /// How hidden spoilers are drawn, naming the key that reveals them.
    pub spoiler_label: &'static str,
    /// The key that unfolds comments, for the folded heading.
    pub comments_key: &'static str,
}

impl Settings {
    /// Names the reveal and unfold keys in laid-out text from `keymap` (the strings live for
    /// the whole run, as layouts borrow them).
    #[must_use]
    pub fn with_key_names(mut self) -> Self {
        let key = |command: Command| {
            self.keymap
                .first_key(command)
                .unwrap_or_else(|| command.name().to_owned())
        };
        let reveal = key(Command::ToggleSpoilers);
        let unfold = key(Command::ToggleComments);
        self.spoiler_label = Box::leak(format!("[spoiler: {reveal} reveals]").into_boxed_str());
        self.comments_key = Box::leak(unfold.into_boxed_str());
        self
    }
}

impl Settings {
    /// The settings of a config (the strings live for the whole run: layouts borrow them).
    #[must_use]
    pub fn from_config(config: &Config) -> Self {
        Self {
            keymap: config.keymap.clone(),
            text_width: config.text_width,
            sidebar: config.sidebar,
            list_style: config.list_style,
            date_format: Box::leak(config.date_format.clone().into_boxed_str()),
            colors: config.chosen_colors(),
            notes: Vec::new(),
            spoiler_label: crate::doc::spoiler::PLACEHOLDER,
            comments_key: "c",
        }
        .with_key_names()
    }
}

impl Default for Settings {
    fn default() -> Self {
        static DEFAULT: std::sync::LazyLock<Settings> =
            std::sync::LazyLock::new(|| Settings::from_config(&Config::default()));
        DEFAULT.clone()
    }
}
