//! The shipped file is the one place defaults are written: it must set every setting,
//! and its keymap must be complete and unambiguous.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Config, DEFAULT_CONFIG, parse};
use crate::action::{Action, Command};
use crate::keymap::prompt_action;

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn the_shipped_defaults_parse_cleanly_and_set_every_setting() {
    let (config, diagnostics) =
        parse::parse(Config::unset(), "config.default.toml", DEFAULT_CONFIG);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(config, Config::default());
    let unset = Config::unset();
    assert_ne!(config.text_width, unset.text_width);
    assert_ne!(config.date_format, unset.date_format);
    assert_ne!(config.mouse, unset.mouse, "mouse");
    assert_ne!(config.sidebar, unset.sidebar, "sidebar");
    assert_ne!(config.list_style, unset.list_style, "list_style");
    assert!(DEFAULT_CONFIG.contains("\ntheme = "));
}

#[test]
fn every_command_has_a_default_key() {
    let keymap = Config::default().keymap;
    for command in Command::all() {
        assert!(
            !keymap.keys(command).is_empty(),
            "{command} has no default key"
        );
    }
}

#[test]
fn no_key_is_bound_twice_by_default() {
    let mut seen = std::collections::HashSet::new();
    for (_, keys) in Config::default().keymap.bindings() {
        for k in keys {
            assert!(seen.insert(*k), "{k} bound twice");
        }
    }
}

#[test]
fn vim_and_arrow_keys_map_to_the_same_commands() {
    let m = Config::default().keymap;
    let none = KeyModifiers::NONE;
    assert_eq!(
        m.command_for(key(KeyCode::Char('j'), none)),
        Some(Command::Down)
    );
    assert_eq!(m.command_for(key(KeyCode::Down, none)), Some(Command::Down));
    let shift_j = key(KeyCode::Char('J'), KeyModifiers::SHIFT);
    assert_eq!(m.command_for(shift_j), Some(Command::NextSource));
    assert_eq!(
        m.command_for(key(KeyCode::Char(']'), none)),
        Some(Command::NextSource)
    );
    let ctrl_d = key(KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(m.command_for(ctrl_d), Some(Command::HalfPageDown));
    assert_eq!(m.command_for(key(KeyCode::Char('d'), none)), None);
    let back_tab = key(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(m.command_for(back_tab), Some(Command::FocusPrev));
}

#[test]
fn rebinding_moves_a_key_from_its_old_command() {
    let mut m = Config::default().keymap;
    m.rebind(Command::Quit, &["x".parse().unwrap()]);
    let x = key(KeyCode::Char('x'), KeyModifiers::NONE);
    assert_eq!(m.command_for(x), Some(Command::Quit));
    assert!(m.keys(Command::ToggleRead).is_empty());
    let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(m.command_for(q), None);
}

#[test]
fn prompts_take_letters_as_text() {
    let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
    assert!(matches!(prompt_action(q), Some(Action::Input('q'))));
    let esc = key(KeyCode::Esc, KeyModifiers::NONE);
    assert!(matches!(
        prompt_action(esc),
        Some(Action::Run(Command::Back))
    ));
}

#[test]
fn help_lists_every_command_with_its_keys() {
    let rows = Config::default().keymap.help_rows();
    assert_eq!(rows.len(), Command::all().count());
    assert!(rows.contains(&(
        "J, ]".to_owned(),
        "Next source, from any pane (right side when split)"
    )));
}
