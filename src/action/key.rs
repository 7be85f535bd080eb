//! A key as the config writes it (`ctrl-d`, `shift-tab`, `J`, `pagedown`, `f5`), parsed
//! once when the config loads; a key press becomes one of these for a hash lookup.

use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key and the modifiers that matter for it: Shift is part of the character itself
/// (`J`), so only Ctrl and Alt are kept, and Shift-Tab is its own key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt, when held.
    pub modifiers: KeyModifiers,
}

/// Named keys, as written in the config.
const NAMES: [(&str, KeyCode); 13] = [
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backspace", KeyCode::Backspace),
    ("space", KeyCode::Char(' ')),
];

impl Key {
    /// The key a terminal reported, in the form bindings are looked up by.
    #[must_use]
    pub fn from_event(event: KeyEvent) -> Self {
        Self::new(event.code, event.modifiers)
    }

    fn new(code: KeyCode, modifiers: KeyModifiers) -> Self {
        let modifiers = match code {
            KeyCode::BackTab => KeyModifiers::NONE,
            _ => modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT),
        };
        Self { code, modifiers }
    }

    /// How the key is written in the help and footer: arrows as symbols, `Ctrl-d`, `F5`.
    #[must_use]
    pub fn label(&self) -> String {
        let text = self.to_string();
        let named = match text.as_str() {
            "up" => "↑",
            "down" => "↓",
            "pageup" => "PgUp",
            "pagedown" => "PgDn",
            "home" => "Home",
            "end" => "End",
            "enter" => "Enter",
            "esc" => "Esc",
            "tab" => "Tab",
            "shift-tab" => "Shift-Tab",
            "space" => "Space",
            "backspace" => "Backspace",
            _ => "",
        };
        if !named.is_empty() {
            return named.to_owned();
        }
        if let Some(rest) = text.strip_prefix("ctrl-") {
            format!("Ctrl-{rest}")
        } else if let Some(rest) = text.strip_prefix("alt-") {
            format!("Alt-{rest}")
        } else if let KeyCode::F(_) = self.code {
            text.to_uppercase()
        } else {
            text
        }
    }
}

/// Why a key could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadKey;

impl FromStr for Key {
    type Err = BadKey;

    fn from_str(text: &str) -> Result<Self, BadKey> {
        let (modifiers, name) = match text.split_once('-') {
            Some(("ctrl", rest)) if !rest.is_empty() => (KeyModifiers::CONTROL, rest),
            Some(("alt", rest)) if !rest.is_empty() => (KeyModifiers::ALT, rest),
            Some(("shift", "tab")) => return Ok(Self::new(KeyCode::BackTab, KeyModifiers::NONE)),
            _ => (KeyModifiers::NONE, text),
        };
        if let Some((_, code)) = NAMES.iter().find(|(n, _)| *n == name) {
            return Ok(Self::new(*code, modifiers));
        }
        if let Some(n) = name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
            && (1..=24).contains(&n)
        {
            return Ok(Self::new(KeyCode::F(n), modifiers));
        }
        let mut chars = name.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => Ok(Self::new(KeyCode::Char(c), modifiers)),
            _ => Err(BadKey),
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        } else if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if let Some((name, _)) = NAMES.iter().find(|(_, c)| *c == self.code) {
            return f.write_str(name);
        }
        match self.code {
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::F(n) => write!(f, "f{n}"),
            KeyCode::Char(c) => write!(f, "{c}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Lets a test compare a key with the text it was written as.
impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        other.parse::<Self>().is_ok_and(|k| k == *self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_as_written() {
        for text in [
            "j",
            "J",
            "ctrl-d",
            "alt-x",
            "shift-tab",
            "pagedown",
            "space",
            "f5",
            "]",
        ] {
            let key: Key = text.parse().unwrap();
            assert_eq!(key.to_string(), text);
        }
    }

    #[test]
    fn function_keys_can_be_bound() {
        assert_eq!(
            "f1".parse(),
            Ok(Key::new(KeyCode::F(1), KeyModifiers::NONE))
        );
        assert_eq!("f25".parse::<Key>(), Err(BadKey));
        assert_eq!("f5".parse::<Key>().unwrap().label(), "F5");
    }

    #[test]
    fn shift_is_part_of_the_character() {
        let shifted = KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(shifted), "J".parse::<Key>().unwrap());
        let back_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            Key::from_event(back_tab),
            "shift-tab".parse::<Key>().unwrap()
        );
    }
}
