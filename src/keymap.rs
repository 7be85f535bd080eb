//! Keys to commands, from one table that also generates the `?` help, the footer hints
//! and `reelread keys`, so what they say is always what the keys do. The table starts
//! empty; `config.default.toml`'s `[keys]` fills it, then a user's config replaces the
//! keys of the commands it names.

mod help;
pub mod symbols;

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::{Action, Command, Key};
pub use help::{HelpLine, HelpPage};

/// Commands whose keys the footer shows, in order, with a one-word label.
pub const HINTS: &[(Command, &str)] = &[
    (Command::Down, "move"),
    (Command::FocusNext, "pane"),
    (Command::NextSource, "next"),
    (Command::Search, "search"),
    (Command::Filter, "filter"),
    (Command::ToggleCast, "cast"),
    (Command::Help, "help"),
    (Command::Quit, "quit"),
];

/// Hints the footer keeps however narrow the terminal is.
pub const ESSENTIAL_HINTS: &[Command] = &[Command::Help, Command::Quit];

/// Every command with its keys, in help order, and the reverse map a key press is
/// looked up in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Command, Vec<Key>)>,
    lookup: HashMap<Key, Command>,
}

impl Keymap {
    /// Every command, none with a key yet.
    #[must_use]
    pub fn empty() -> Self {
        Self {
            bindings: Command::all().map(|c| (c, Vec::new())).collect(),
            lookup: HashMap::new(),
        }
    }

    /// Gives `command` exactly `keys`, taking them away from any other command.
    pub fn rebind(&mut self, command: Command, keys: &[Key]) {
        for (other, other_keys) in &mut self.bindings {
            if *other == command {
                *other_keys = keys.to_vec();
            } else {
                other_keys.retain(|k| !keys.contains(k));
            }
        }
        self.lookup = self
            .bindings
            .iter()
            .flat_map(|(c, keys)| keys.iter().map(move |k| (*k, *c)))
            .collect();
    }

    /// The keys of a command, as configured.
    #[must_use]
    pub fn keys(&self, command: Command) -> &[Key] {
        self.bindings
            .iter()
            .find(|(c, _)| *c == command)
            .map_or(&[], |(_, k)| k.as_slice())
    }

    /// The first key of a command as shown to people, for the footer.
    #[must_use]
    pub fn first_key(&self, command: Command) -> Option<String> {
        self.keys(command).first().map(Key::label)
    }

    /// Every (command, keys) pair, in help order.
    pub fn bindings(&self) -> impl Iterator<Item = (Command, &[Key])> {
        self.bindings.iter().map(|(c, k)| (*c, k.as_slice()))
    }

    /// The help: one `(keys, description)` row per command that has a key.
    #[must_use]
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        self.bindings
            .iter()
            .filter(|(_, keys)| !keys.is_empty())
            .map(|(command, keys)| {
                let keys: Vec<String> = keys.iter().map(Key::label).collect();
                (keys.join(", "), command.description())
            })
            .collect()
    }

    /// The command bound to a key press, if any: one hash lookup.
    #[must_use]
    pub fn command_for(&self, key: KeyEvent) -> Option<Command> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        self.lookup.get(&Key::from_event(key)).copied()
    }
}

/// In the picker and search prompts, typing edits the text; a few keys keep their meaning.
#[must_use]
pub fn prompt_action(key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let command = match key.code {
        KeyCode::Char('c') if ctrl => Command::Quit,
        KeyCode::Char('n') if ctrl => Command::Down,
        KeyCode::Char('p') if ctrl => Command::Up,
        KeyCode::Char(c) if !ctrl => return Some(Action::Input(c)),
        KeyCode::Backspace => return Some(Action::DeleteChar),
        KeyCode::Up => Command::Up,
        KeyCode::Down | KeyCode::Tab => Command::Down,
        KeyCode::Home => Command::Top,
        KeyCode::End => Command::Bottom,
        KeyCode::Enter => Command::Open,
        KeyCode::Esc => Command::Back,
        _ => return None,
    };
    Some(Action::Run(command))
}
