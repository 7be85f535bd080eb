//! Keys to actions, from one table that also generates the `?` help, the footer hints
//! and `reelread keys`, so what they say is always what the keys do. The defaults come
//! from the `[keys]` table of the embedded `config.default.toml`; a user's config
//! replaces the keys of the actions it names.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::{Action, BINDABLE, Mode};

/// The shipped configuration, whose `[keys]` table is the default keymap.
pub const DEFAULT_CONFIG: &str = include_str!("../config.default.toml");

/// Actions whose keys the footer shows, in order, with a one-word label.
pub const HINTS: &[(Action, &str)] = &[
    (Action::Down, "move"),
    (Action::FocusNext, "pane"),
    (Action::NextSource, "next"),
    (Action::Search, "search"),
    (Action::Filter, "filter"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];

/// Hints the footer keeps however narrow the terminal is.
pub const ESSENTIAL_HINTS: &[Action] = &[Action::Help, Action::Quit];

/// Every bindable action with its keys, in help order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Action, Vec<String>)>,
}

impl Default for Keymap {
    fn default() -> Self {
        let table: toml::Table = DEFAULT_CONFIG.parse().unwrap_or_default();
        let keys = table.get("keys").and_then(toml::Value::as_table);
        let bindings = BINDABLE
            .iter()
            .map(|(action, name, _)| {
                let keys = keys
                    .and_then(|k| k.get(*name))
                    .and_then(toml::Value::as_array)
                    .map(|list| {
                        list.iter()
                            .filter_map(|v| v.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                (action.clone(), keys)
            })
            .collect();
        Self { bindings }
    }
}

impl Keymap {
    /// Gives `action` exactly `keys`, taking them away from any other action.
    pub fn rebind(&mut self, action: &Action, keys: Vec<String>) {
        for (other, other_keys) in &mut self.bindings {
            if other != action {
                other_keys.retain(|k| !keys.contains(k));
            }
        }
        if let Some((_, own)) = self.bindings.iter_mut().find(|(a, _)| a == action) {
            *own = keys;
        }
    }

    /// The keys of an action, as configured.
    #[must_use]
    pub fn keys(&self, action: &Action) -> &[String] {
        self.bindings
            .iter()
            .find(|(a, _)| a == action)
            .map_or(&[], |(_, k)| k.as_slice())
    }

    /// The first key of an action as shown to people, for the footer.
    #[must_use]
    pub fn first_key(&self, action: &Action) -> Option<String> {
        self.keys(action).first().map(|k| display_key(k))
    }

    /// Every (action, keys) pair, in help order.
    pub fn bindings(&self) -> impl Iterator<Item = (&Action, &[String])> {
        self.bindings.iter().map(|(a, k)| (a, k.as_slice()))
    }

    /// The help: one `(keys, description)` row per action that has a key.
    #[must_use]
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        self.bindings
            .iter()
            .filter(|(_, keys)| !keys.is_empty())
            .map(|(action, keys)| {
                let keys: Vec<String> = keys.iter().map(|k| display_key(k)).collect();
                (keys.join(", "), action.description())
            })
            .collect()
    }

    /// The action for a key press in the current mode, if any.
    #[must_use]
    pub fn action_for(&self, mode: &Mode, key: KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        if let Mode::Picker(_) | Mode::Prompt(..) = mode {
            return text_input_action(key);
        }
        self.bindings
            .iter()
            .find(|(_, keys)| keys.iter().any(|k| matches(k, &key)))
            .map(|(action, _)| action.clone())
    }
}

/// Parses `ctrl-d`, `shift-tab`, `J`, `pagedown` into what crossterm reports.
#[must_use]
pub fn parse_key(text: &str) -> Option<(KeyCode, KeyModifiers)> {
    let (modifiers, name) = match text.split_once('-') {
        Some(("ctrl", rest)) if !rest.is_empty() => (KeyModifiers::CONTROL, rest),
        Some(("alt", rest)) if !rest.is_empty() => (KeyModifiers::ALT, rest),
        Some(("shift", "tab")) => return Some((KeyCode::BackTab, KeyModifiers::SHIFT)),
        _ => (KeyModifiers::NONE, text),
    };
    let code = match name {
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backspace" => KeyCode::Backspace,
        "space" => KeyCode::Char(' '),
        f if f.len() > 1
            && f.starts_with('f')
            && f[1..].parse::<u8>().is_ok_and(|n| (1..=24).contains(&n)) =>
        {
            KeyCode::F(f[1..].parse().unwrap_or(1))
        }
        _ => {
            let mut chars = name.chars();
            let c = chars.next()?;
            if chars.next().is_some() || c.is_control() {
                return None;
            }
            KeyCode::Char(c)
        }
    };
    Some((code, modifiers))
}

/// How a key is written in the help: arrows as symbols, the rest as configured.
#[must_use]
pub fn display_key(key: &str) -> String {
    match key {
        "up" => "↑".into(),
        "down" => "↓".into(),
        "pageup" => "PgUp".into(),
        "pagedown" => "PgDn".into(),
        "home" => "Home".into(),
        "end" => "End".into(),
        "enter" => "Enter".into(),
        "esc" => "Esc".into(),
        "tab" => "Tab".into(),
        "shift-tab" => "Shift-Tab".into(),
        "space" => "Space".into(),
        "backspace" => "Backspace".into(),
        k if k.len() > 1 && k.starts_with('f') && k[1..].parse::<u8>().is_ok() => k.to_uppercase(),
        k if k.starts_with("ctrl-") => format!("Ctrl-{}", &k[5..]),
        k if k.starts_with("alt-") => format!("Alt-{}", &k[4..]),
        k => k.into(),
    }
}

fn matches(binding: &str, key: &KeyEvent) -> bool {
    let Some((code, modifiers)) = parse_key(binding) else {
        return false;
    };
    // Shift is part of the character itself ('J'), so only Ctrl and Alt must agree.
    let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
    match code {
        KeyCode::BackTab => key.code == KeyCode::BackTab,
        _ => key.code == code && key.modifiers & relevant == modifiers & relevant,
    }
}

/// In the picker and search prompts, typing edits the text; a few keys keep their meaning.
fn text_input_action(key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => Some(Action::Quit),
        KeyCode::Char('n') if ctrl => Some(Action::Down),
        KeyCode::Char('p') if ctrl => Some(Action::Up),
        KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
        KeyCode::Backspace => Some(Action::DeleteChar),
        KeyCode::Up => Some(Action::Up),
        KeyCode::Down | KeyCode::Tab => Some(Action::Down),
        KeyCode::Home => Some(Action::Top),
        KeyCode::End => Some(Action::Bottom),
        KeyCode::Enter => Some(Action::Open),
        KeyCode::Esc => Some(Action::Back),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn every_bindable_action_has_a_default_key_that_parses() {
        let keymap = Keymap::default();
        for (action, _, _) in BINDABLE {
            let keys = keymap.keys(action);
            assert!(!keys.is_empty(), "{action} has no default key");
            for k in keys {
                assert!(parse_key(k).is_some(), "{k} for {action}");
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_by_default() {
        let mut seen = std::collections::HashSet::new();
        for (_, keys) in Keymap::default().bindings() {
            for k in keys {
                assert!(seen.insert(k.clone()), "{k} bound twice");
            }
        }
    }

    #[test]
    fn vim_and_arrow_keys_map_to_the_same_actions() {
        let (m, n) = (Keymap::default(), &Mode::Normal);
        let none = KeyModifiers::NONE;
        assert_eq!(
            m.action_for(n, key(KeyCode::Char('j'), none)),
            Some(Action::Down)
        );
        assert_eq!(
            m.action_for(n, key(KeyCode::Down, none)),
            Some(Action::Down)
        );
        let shift_j = key(KeyCode::Char('J'), KeyModifiers::SHIFT);
        assert_eq!(m.action_for(n, shift_j), Some(Action::NextSource));
        assert_eq!(
            m.action_for(n, key(KeyCode::Char(']'), none)),
            Some(Action::NextSource)
        );
        let ctrl_d = key(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(m.action_for(n, ctrl_d), Some(Action::HalfPageDown));
        assert_eq!(m.action_for(n, key(KeyCode::Char('d'), none)), None);
        let back_tab = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(m.action_for(n, back_tab), Some(Action::FocusPrev));
    }

    #[test]
    fn function_keys_can_be_bound() {
        assert_eq!(parse_key("f1"), Some((KeyCode::F(1), KeyModifiers::NONE)));
        assert_eq!(parse_key("f25"), None);
        assert_eq!(display_key("f5"), "F5");
    }

    #[test]
    fn rebinding_moves_a_key_from_its_old_action() {
        let mut m = Keymap::default();
        m.rebind(&Action::Quit, vec!["x".into()]);
        let x = key(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(m.action_for(&Mode::Normal, x), Some(Action::Quit));
        assert!(m.keys(&Action::ToggleRead).is_empty());
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(m.action_for(&Mode::Normal, q), None);
    }

    #[test]
    fn prompts_take_letters_as_text() {
        let m = Keymap::default();
        let picker = &Mode::Picker(crate::app::Picker::default());
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(m.action_for(picker, q), Some(Action::Input('q')));
        let esc = key(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(m.action_for(picker, esc), Some(Action::Back));
    }

    #[test]
    fn help_lists_every_action_with_its_keys() {
        let rows = Keymap::default().help_rows();
        assert_eq!(rows.len(), BINDABLE.len());
        assert!(rows.contains(&(
            "J, ]".to_owned(),
            "Next source, from any pane (right side when split)"
        )));
    }
}
