//! Keys to actions, from one table that also generates the `?` help and footer hints,
//! so what the help says is always what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::{Action, Mode};

/// One action with its keys (as written in help and, later, in config files).
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The action triggered.
    pub action: Action,
    /// Keys in `ctrl-d` / `shift-tab` / `pagedown` / `J` notation.
    pub keys: &'static [&'static str],
    /// One line for the help.
    pub description: &'static str,
}

/// The default bindings, in help order.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(Action::Down, &["j", "down"], "Move down / scroll down"),
    bind(Action::Up, &["k", "up"], "Move up / scroll up"),
    bind(Action::Top, &["g", "home"], "Go to the top"),
    bind(Action::Bottom, &["G", "end"], "Go to the bottom"),
    bind(Action::PageDown, &["pagedown", "space"], "Page down"),
    bind(Action::PageUp, &["pageup"], "Page up"),
    bind(Action::HalfPageDown, &["ctrl-d"], "Half a page down"),
    bind(Action::HalfPageUp, &["ctrl-u"], "Half a page up"),
    bind(Action::FocusNext, &["tab"], "Focus the next pane"),
    bind(Action::FocusPrev, &["shift-tab"], "Focus the previous pane"),
    bind(Action::Open, &["enter"], "Open the review; on an actor, highlight their mentions"),
    bind(Action::NextSource, &["J", "]"], "Next source, from any pane (right side when split)"),
    bind(Action::PrevSource, &["K", "["], "Previous source, from any pane"),
    bind(Action::Search, &["/"], "Search this review; in the list, filter by text"),
    bind(Action::NextMatch, &["n"], "Next search match"),
    bind(Action::PrevMatch, &["N"], "Previous search match"),
    bind(Action::NextMention, &["m"], "Next mention of the highlighted actor"),
    bind(Action::PrevMention, &["M"], "Previous mention of the highlighted actor"),
    bind(Action::NextComment, &["}"], "Next comment"),
    bind(Action::PrevComment, &["{"], "Previous comment"),
    bind(Action::ToggleComments, &["c"], "Fold or unfold the comments"),
    bind(Action::ToggleSpoilers, &["z"], "Show or hide this review's spoilers"),
    bind(Action::Split, &["v"], "Compare with another source side by side"),
    bind(Action::Ratings, &["r"], "Compare every source's ratings"),
    bind(Action::Sort, &["o"], "Cycle the list order"),
    bind(Action::ReverseSort, &["O"], "Reverse the list order"),
    bind(Action::Filter, &["f"], "Filter by reviewer or commenter"),
    bind(Action::Help, &["?"], "Show this help"),
    bind(Action::Back, &["esc"], "Close a popup; end a search; clear a filter"),
    bind(Action::Quit, &["q", "ctrl-c"], "Quit"),
];

const fn bind(action: Action, keys: &'static [&'static str], description: &'static str) -> Binding {
    Binding {
        action,
        keys,
        description,
    }
}

/// Actions whose keys the footer shows, in order.
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
        _ => {
            let mut chars = name.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
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
        k if k.starts_with("ctrl-") => format!("Ctrl-{}", &k[5..]),
        k => k.into(),
    }
}

/// The first key of an action, for the footer where room is short.
#[must_use]
pub fn first_key(action: Action) -> Option<String> {
    BINDINGS
        .iter()
        .find(|b| b.action == action)
        .and_then(|b| b.keys.first())
        .map(|k| display_key(k))
}

/// The keys of an action, joined for display (`j/↓`).
#[must_use]
pub fn keys_for(action: Action) -> String {
    BINDINGS
        .iter()
        .filter(|b| b.action == action)
        .flat_map(|b| b.keys.iter().map(|k| display_key(k)))
        .collect::<Vec<_>>()
        .join("/")
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

/// The action for a key press in the current mode, if any.
#[must_use]
pub fn action_for(mode: &Mode, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if let Mode::Picker(_) | Mode::Prompt(..) = mode {
        return text_input_action(key);
    }
    BINDINGS
        .iter()
        .find(|b| b.keys.iter().any(|k| matches(k, &key)))
        .map(|b| b.action)
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

/// The help text: one `(keys, description)` row per binding.
#[must_use]
pub fn help_rows() -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| display_key(k)).collect();
            (keys.join(", "), b.description)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn every_binding_parses() {
        for b in BINDINGS {
            for k in b.keys {
                assert!(parse_key(k).is_some(), "{k} for {}", b.action);
            }
        }
    }

    #[test]
    fn every_user_action_has_a_key() {
        use Action::*;
        let internal = [ClearFilter, Input('x'), DeleteChar, Resize(0, 0)];
        let all = [
            Quit,
            Up,
            Down,
            Top,
            Bottom,
            PageUp,
            PageDown,
            HalfPageUp,
            HalfPageDown,
            FocusNext,
            FocusPrev,
            Open,
            NextSource,
            PrevSource,
            Filter,
            Help,
            Back,
            Search,
            NextMatch,
            PrevMatch,
            NextMention,
            PrevMention,
            NextComment,
            PrevComment,
            ToggleComments,
            ToggleSpoilers,
            Split,
            Ratings,
            Sort,
            ReverseSort,
        ];
        for action in all {
            assert!(!internal.contains(&action));
            assert!(
                BINDINGS.iter().any(|b| b.action == action),
                "{action} has no key"
            );
        }
    }

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = std::collections::HashSet::new();
        for b in BINDINGS {
            for k in b.keys {
                assert!(seen.insert(*k), "{k} bound twice");
            }
        }
    }

    #[test]
    fn vim_and_arrow_keys_map_to_the_same_actions() {
        let n = &Mode::Normal;
        let none = KeyModifiers::NONE;
        assert_eq!(
            action_for(n, key(KeyCode::Char('j'), none)),
            Some(Action::Down)
        );
        assert_eq!(action_for(n, key(KeyCode::Down, none)), Some(Action::Down));
        assert_eq!(
            action_for(n, key(KeyCode::Char('J'), KeyModifiers::SHIFT)),
            Some(Action::NextSource)
        );
        assert_eq!(
            action_for(n, key(KeyCode::Char(']'), none)),
            Some(Action::NextSource)
        );
        assert_eq!(
            action_for(n, key(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::HalfPageDown)
        );
        assert_eq!(action_for(n, key(KeyCode::Char('d'), none)), None);
        assert_eq!(
            action_for(n, key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::FocusPrev)
        );
    }

    #[test]
    fn picker_takes_letters_as_text() {
        let picker = &Mode::Picker(crate::app::Picker::default());
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(picker, q), Some(Action::Input('q')));
        assert_eq!(
            action_for(picker, key(KeyCode::Esc, KeyModifiers::NONE)),
            Some(Action::Back)
        );
    }

    #[test]
    fn help_lists_every_action_with_its_keys() {
        let rows = help_rows();
        assert_eq!(rows.len(), BINDINGS.len());
        assert!(rows.contains(&(
            "J, ]".to_owned(),
            "Next source, from any pane (right side when split)"
        )));
    }
}
