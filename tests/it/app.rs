//! The reader's state machine, driven by actions alone: no terminal involved.

use crate::support::drive::{send, type_text};
use reelread::action::{Action, Command};
use reelread::app::{App, Focus, Mode, update};
use reelread::data::bundled_library;

/// The bundled collection laid out for a terminal of the given size.
fn app_at(width: u16, height: u16) -> App {
    let mut app = App::new(bundled_library());
    update(&mut app, Action::Resize(width, height));
    app
}

fn open_title(app: &App) -> String {
    app.open_review()
        .map(|(_, r)| r.title.clone())
        .unwrap_or_default()
}

fn open_id(app: &App) -> String {
    app.open_review()
        .map(|(_, r)| r.id.clone())
        .unwrap_or_default()
}

#[test]
fn starts_on_the_first_review_with_the_list_focused() {
    let app = app_at(120, 40);
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(app.selected(), 0);
    assert_eq!(open_id(&app), "guilt-and-redemption");
    assert_eq!(app.visible_len(), 5);
    assert!(app.open_doc().is_some_and(|d| d.lines.len() > 40));
}

#[test]
fn list_moves_clamp_at_both_ends() {
    let mut app = app_at(120, 40);
    send(&mut app, &[Command::Up]);
    assert_eq!(app.selected(), 0);
    send(&mut app, &[Command::Down, Command::Down]);
    assert_eq!(app.selected(), 2);
    send(&mut app, &[Command::Bottom, Command::Down]);
    assert_eq!(app.selected(), 4);
    send(&mut app, &[Command::Top]);
    assert_eq!(app.selected(), 0);
    // Moving the cursor does not change what is being read until Enter.
    send(&mut app, &[Command::Down]);
    assert_eq!(open_id(&app), "guilt-and-redemption");
    send(&mut app, &[Command::Open]);
    assert_eq!(open_id(&app), "heartwarming-story");
    assert_eq!(app.focus(), Focus::Reading);
}

#[test]
fn next_and_previous_source_work_from_any_pane_and_stop_at_the_ends() {
    let mut app = app_at(120, 40);
    send(&mut app, &[Command::FocusNext, Command::FocusNext]);
    assert_eq!(app.focus(), Focus::Cast);
    send(&mut app, &[Command::NextSource]);
    assert_eq!(open_id(&app), "heartwarming-story");
    assert_eq!(app.selected(), 1);
    assert_eq!(app.focus(), Focus::Cast);
    send(&mut app, &[Command::PrevSource, Command::PrevSource]);
    assert_eq!(open_id(&app), "guilt-and-redemption");
    assert_eq!(app.status(), Some("Already at the first source"));
    for _ in 0..10 {
        send(&mut app, &[Command::NextSource]);
    }
    assert_eq!(open_id(&app), "trailer-park-tuesday");
    assert_eq!(app.status(), Some("Already at the last source"));
}

#[test]
fn focus_cycles_through_visible_panes_only() {
    let mut app = app_at(120, 40);
    let mut seen = vec![app.focus()];
    for _ in 0..3 {
        send(&mut app, &[Command::FocusNext]);
        seen.push(app.focus());
    }
    assert_eq!(
        seen,
        [Focus::List, Focus::Reading, Focus::Cast, Focus::List]
    );
    send(&mut app, &[Command::FocusPrev]);
    assert_eq!(app.focus(), Focus::Cast);

    // Without the sidebar, Tab skips it; a focused sidebar that disappears hands focus on.
    update(&mut app, Action::Resize(80, 30));
    assert_eq!(app.focus(), Focus::Reading);
    send(&mut app, &[Command::FocusNext, Command::FocusNext]);
    assert_eq!(app.focus(), Focus::Reading);
}

#[test]
fn each_review_keeps_its_scroll_position() {
    let mut app = app_at(120, 40);
    send(&mut app, &[Command::FocusNext]);
    for _ in 0..10 {
        send(&mut app, &[Command::Down]);
    }
    assert_eq!(app.scroll(), 10);
    send(
        &mut app,
        &[
            Command::NextSource,
            Command::Down,
            Command::Down,
            Command::Down,
        ],
    );
    assert_eq!(app.scroll(), 3);
    send(&mut app, &[Command::PrevSource]);
    assert_eq!(app.scroll(), 10);
    send(&mut app, &[Command::NextSource]);
    assert_eq!(app.scroll(), 3);
}

#[test]
fn scrolling_clamps_to_the_last_page() {
    let mut app = app_at(120, 40);
    send(&mut app, &[Command::FocusNext, Command::Bottom]);
    let lines = app.open_doc().map(|d| d.lines.len()).unwrap_or_default();
    let last_page = lines - app.reading_height();
    assert_eq!(app.scroll(), last_page);
    send(
        &mut app,
        &[Command::Down, Command::PageDown, Command::HalfPageDown],
    );
    assert_eq!(app.scroll(), last_page);
    send(&mut app, &[Command::PageUp]);
    assert_eq!(app.scroll(), last_page - app.reading_height());
    send(&mut app, &[Command::HalfPageUp]);
    assert_eq!(
        app.scroll(),
        last_page - app.reading_height() - app.reading_height() / 2
    );
    send(&mut app, &[Command::Top, Command::Up]);
    assert_eq!(app.scroll(), 0);
}

#[test]
fn a_wider_terminal_rewraps_and_clamps_the_scroll() {
    let mut app = app_at(100, 20);
    send(&mut app, &[Command::FocusNext, Command::Bottom]);
    let narrow = app.open_doc().map(|d| d.lines.len()).unwrap_or_default();
    update(&mut app, Action::Resize(200, 60));
    let wide = app.open_doc().map(|d| d.lines.len()).unwrap_or_default();
    assert!(
        wide < narrow,
        "{wide} lines at 200 columns, {narrow} at 100"
    );
    assert!(app.scroll() <= wide.saturating_sub(app.reading_height()));
}

#[test]
fn filtering_by_a_commenter_keeps_their_reviews() {
    let mut app = app_at(120, 40);
    send(&mut app, &[Command::Filter]);
    assert!(matches!(app.mode(), Mode::Picker(_)));
    type_text(&mut app, "PAM");
    send(&mut app, &[Command::Open]);
    assert_eq!(app.mode(), &Mode::Normal);
    assert_eq!(app.filter(), Some("Pam Wattenbarger"));
    assert_eq!(app.visible_len(), 1);
    assert_eq!(app.selected(), 0);
    assert_eq!(open_id(&app), "trailer-park-tuesday");
    assert_eq!(
        app.status(),
        Some("1 of 5 reviews with Pam Wattenbarger as author or commenter")
    );
    // Moves clamp inside the filtered list.
    send(&mut app, &[Command::Down, Command::NextSource]);
    assert_eq!(app.selected(), 0);
}

#[test]
fn escape_clears_the_filter_through_a_follow_up_action() {
    let mut app = app_at(120, 40);
    send(&mut app, &[Command::Bottom, Command::Filter]);
    type_text(&mut app, "liz");
    send(&mut app, &[Command::Open]);
    assert_eq!(app.filter(), Some("Liz"));
    assert!(update(&mut app, Command::Back).is_empty());
    assert_eq!(app.filter(), None);
    assert_eq!(app.visible_len(), 5);
    // The review being read stays open and selected.
    assert_eq!(open_id(&app), "trailer-park-tuesday");
    assert_eq!(app.selected(), 4);
    // With no filter, Esc does nothing.
    assert!(update(&mut app, Command::Back).is_empty());
}

#[test]
fn the_picker_narrows_moves_and_cancels() {
    let mut app = app_at(120, 40);
    send(&mut app, &[Command::Filter]);
    let Mode::Picker(picker) = app.mode() else {
        panic!("picker not open")
    };
    assert_eq!(picker.matches(app.people()).len(), 5);
    type_text(&mut app, "r");
    send(
        &mut app,
        &[Command::Down, Command::Down, Command::Down, Command::Down],
    );
    let Mode::Picker(picker) = app.mode() else {
        panic!("picker closed")
    };
    let names: Vec<_> = picker
        .matches(app.people())
        .iter()
        .map(|p| p.name.clone())
        .collect();
    assert_eq!(names, ["Debra Hawkins", "Pam Wattenbarger", "robin Rue"]);
    assert_eq!(picker.cursor, 2, "cursor clamps to the last match");
    update(&mut app, Action::DeleteChar);
    send(&mut app, &[Command::Back]);
    assert_eq!(app.mode(), &Mode::Normal);
    assert_eq!(app.filter(), None);
    // Enter with nothing matching keeps the picker open and changes nothing.
    send(&mut app, &[Command::Filter]);
    type_text(&mut app, "nobody here");
    send(&mut app, &[Command::Open]);
    assert!(matches!(app.mode(), Mode::Picker(_)));
    assert_eq!(app.visible_len(), 5);
}

#[test]
fn help_opens_and_closes_and_swallows_movement() {
    let mut app = app_at(120, 40);
    send(
        &mut app,
        &[Command::Help, Command::Down, Command::NextSource],
    );
    assert_eq!(app.mode(), &Mode::Help(1));
    assert_eq!(app.selected(), 0);
    assert_eq!(open_title(&app), "1 Mile To You (2017) Review");
    send(&mut app, &[Command::Back]);
    assert_eq!(app.mode(), &Mode::Normal);
    send(&mut app, &[Command::Help, Command::Help]);
    assert_eq!(app.mode(), &Mode::Normal);
}

#[test]
fn any_size_and_any_action_sequence_is_safe() {
    let actions = [
        Command::Down,
        Command::Bottom,
        Command::PageDown,
        Command::FocusNext,
        Command::NextSource,
        Command::Open,
        Command::Filter,
        Command::Open,
        Command::Back,
        Command::Help,
        Command::Back,
        Command::PrevSource,
        Command::HalfPageUp,
        Command::FocusPrev,
    ];
    for (w, h) in [
        (0, 0),
        (1, 1),
        (39, 9),
        (40, 10),
        (60, 20),
        (69, 30),
        (99, 12),
        (300, 100),
    ] {
        let mut app = app_at(w, h);
        for (i, command) in actions.iter().copied().cycle().take(60).enumerate() {
            update(&mut app, command);
            if command == Command::Filter {
                update(&mut app, Action::Input('a'));
            }
            if i % 7 == 0 {
                update(&mut app, Action::Resize(w.saturating_add(i as u16), h));
            }
        }
        assert!(app.is_running());
    }
}

#[test]
fn keys_do_nothing_while_the_terminal_is_too_small() {
    let mut app = app_at(30, 8);
    send(
        &mut app,
        &[
            Command::Down,
            Command::NextSource,
            Command::Filter,
            Command::Help,
        ],
    );
    update(&mut app, Action::Resize(120, 40));
    assert_eq!(
        (app.selected(), open_id(&app)),
        (0, "guilt-and-redemption".to_owned())
    );
    assert_eq!(app.mode(), &Mode::Normal);
}

#[test]
fn a_status_message_lasts_one_action() {
    let mut app = app_at(120, 40);
    send(&mut app, &[Command::PrevSource]);
    assert_eq!(app.status(), Some("Already at the first source"));
    send(&mut app, &[Command::Down]);
    assert_eq!(app.status(), None);
}

#[test]
fn skipped_files_stay_announced_with_the_folder_to_check() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/invalid/wrong-type"
    );
    let mut app = App::new(reelread::data::load_path(std::path::Path::new(dir)));
    update(&mut app, Action::Resize(120, 40));
    let expected = format!("1 file skipped: ! lists why (or `reelread check {dir}`)");
    assert_eq!(app.status(), Some(expected.as_str()));
    send(
        &mut app,
        &[Command::Down, Command::PrevSource, Command::Down],
    );
    assert_eq!(app.status(), Some(expected.as_str()));
}

#[test]
fn quit_stops_the_loop() {
    let mut app = app_at(120, 40);
    send(&mut app, &[Command::Quit]);
    assert!(!app.is_running());
}

#[test]
fn list_keys_act_on_the_row_under_the_cursor() {
    let mut app = app_at(120, 40);
    // The first review is open; the cursor moves to the third without opening it.
    send(&mut app, &[Command::Down, Command::Down, Command::Star]);
    assert_eq!(open_id(&app), "guilt-and-redemption");
    assert!(app.mark(2).starred, "the highlighted review is starred");
    assert!(!app.mark(0).starred, "not the open one");
    assert!(
        app.status()
            .is_some_and(|s| s.contains("1 Mile to You (2017) Graham")),
        "{:?}",
        app.status()
    );
    // In the reading pane, the review being read is the target.
    send(&mut app, &[Command::FocusNext, Command::Star]);
    assert!(app.mark(0).starred);
}

#[test]
fn laid_out_text_names_the_keys_in_force() {
    let mut settings = reelread::app::Settings::default();
    settings
        .keymap
        .rebind(Command::ToggleSpoilers, &["Z".parse().unwrap()]);
    settings
        .keymap
        .rebind(Command::ToggleComments, &["C".parse().unwrap()]);
    let settings = settings.with_key_names();
    let mut library = bundled_library();
    library.collections[0].reviews[4].body = "Before ||the twist|| after".into();
    let mut app = App::with_settings(library, settings);
    update(&mut app, Action::Resize(120, 40));
    send(
        &mut app,
        &[Command::Bottom, Command::Open, Command::ToggleComments],
    );
    let text = app.open_doc().expect("laid out").plain_lines().join("\n");
    assert!(text.contains("[spoiler: Z reveals]"), "{text}");
    assert!(text.contains("hidden: C shows them"), "{text}");
}
