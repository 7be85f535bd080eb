//! More of the tests in `reading.rs`, which holds their helpers.

use super::*;

#[test]

fn hidden_spoilers_do_not_count_as_mentions() {
    let mut library = bundled_library();
    library.collections[0].reviews[GUILT].body = "Kevin runs. ||Ty Parker wins.||".into();
    let app = app_with(library);
    let ty_parker = 6;
    assert_eq!(
        app.open_mentions()[ty_parker],
        0,
        "the sidebar would show ×1"
    );
}

#[test]
fn sort_cycles_through_every_order_and_reverses() {
    let mut app = app();
    assert_eq!(app.sort(), (SortKey::File, false));
    let mut seen = Vec::new();
    for _ in 0..5 {
        send(&mut app, &[Command::Sort]);
        seen.push(app.sort().0);
        if app.sort().0 == SortKey::Comments {
            // Most commented first; `O` puts it last.
            assert_eq!(visible_entries(&app).first(), Some(&TRAILER));
            send(&mut app, &[Command::ReverseSort]);
            assert_eq!(app.sort(), (SortKey::Comments, true));
            assert_eq!(visible_entries(&app).last(), Some(&TRAILER));
        }
    }
    let order = [
        SortKey::Date,
        SortKey::Rating,
        SortKey::Comments,
        SortKey::Length,
        SortKey::File,
    ];
    assert_eq!(seen, order);
    assert_eq!(
        app.sort(),
        (SortKey::File, false),
        "a new order starts in its own direction"
    );
    assert_eq!(visible_entries(&app), [0, 1, 2, 3, 4]);
}

#[test]
fn unknown_dates_stay_last_in_both_directions() {
    let mut library = bundled_library();
    let reviews = &mut library.collections[0].reviews;
    let date = |year, month, day| Some(Date { year, month, day });
    reviews[GUILT].published = date(2017, 4, 1);
    reviews[POWER].published = date(2018, 1, 15);
    let mut app = app_with(library);
    send(&mut app, &[Command::Sort]);
    assert_eq!(app.sort(), (SortKey::Date, false));
    let unknown = [KEEP_RUNNING, TRAILER];
    // Newest first; `O` makes it oldest first.
    assert_eq!(visible_entries(&app)[..3], [HEARTWARMING, POWER, GUILT]);
    assert_eq!(visible_entries(&app)[3..], unknown);
    send(&mut app, &[Command::ReverseSort]);
    assert_eq!(visible_entries(&app)[..3], [GUILT, POWER, HEARTWARMING]);
    assert_eq!(visible_entries(&app)[3..], unknown);
}

#[test]
fn resorting_keeps_the_open_review_and_the_cursor_on_it() {
    let mut app = app();
    open_at(&mut app, POWER);
    send(&mut app, &[Command::FocusPrev]);
    assert_eq!(app.focus(), Focus::List);
    for action in [
        Command::Sort,
        Command::ReverseSort,
        Command::Sort,
        Command::Sort,
    ] {
        send(&mut app, std::slice::from_ref(&action));
        assert_eq!(app.open_entry(), Some(POWER), "after {action}");
        assert_eq!(selected_entry(&app), Some(POWER), "after {action}");
    }
}

#[test]
fn split_compares_two_reviews_scrolled_independently() {
    let mut app = app();
    send(&mut app, &[Command::Split]);
    assert_eq!(
        (app.open_entry(), app.right_entry()),
        (Some(GUILT), Some(HEARTWARMING))
    );
    send(&mut app, &[Command::NextSource]);
    assert_eq!(
        (app.open_entry(), app.right_entry()),
        (Some(GUILT), Some(KEEP_RUNNING))
    );
    send(&mut app, &[Command::PrevSource, Command::PrevSource]);
    assert_eq!(
        app.right_entry(),
        Some(HEARTWARMING),
        "never the open review"
    );
    assert_eq!(app.open_entry(), Some(GUILT));
    assert_eq!(
        app.status(),
        Some("Right side: already at the first source")
    );
    assert!(
        app.doc(HEARTWARMING).is_some(),
        "the right side is laid out"
    );

    focus_on(&mut app, Focus::Right);
    send(&mut app, &[Command::Down, Command::Down, Command::Down]);
    assert_eq!((app.scroll_of(HEARTWARMING), app.scroll_of(GUILT)), (3, 0));
    send(&mut app, &[Command::FocusPrev, Command::Down]);
    assert_eq!((app.scroll_of(HEARTWARMING), app.scroll_of(GUILT)), (3, 1));

    focus_on(&mut app, Focus::Right);
    send(&mut app, &[Command::Split]);
    assert_eq!((app.right_entry(), app.focus()), (None, Focus::Reading));
    assert_eq!(app.open_entry(), Some(GUILT));
}

#[test]

fn following_a_mention_keeps_the_split_sides_different() {
    let mut app = app();
    focus_on(&mut app, Focus::Cast);
    send(&mut app, &[Command::Open, Command::Split]);
    assert_eq!(app.right_entry(), Some(HEARTWARMING));
    while app.open_entry() == Some(GUILT) {
        send(&mut app, &[Command::NextMention]);
    }
    assert_eq!(app.open_entry(), Some(HEARTWARMING));
    assert_ne!(app.right_entry(), app.open_entry());
}

#[test]
fn the_ratings_popup_swallows_movement_until_closed() {
    let mut app = app();
    send(&mut app, &[Command::Ratings]);
    assert_eq!(app.mode(), &Mode::Ratings(0));
    for action in [
        Command::Down,
        Command::NextSource,
        Command::Open,
        Command::Sort,
    ] {
        send(&mut app, &[action, Command::FocusNext, Command::Split]);
    }
    assert_eq!(app.mode(), &Mode::Ratings(0));
    assert_eq!((app.selected(), app.open_entry()), (0, Some(GUILT)));
    assert_eq!(
        (app.focus(), app.sort().0, app.right_entry()),
        (Focus::List, SortKey::File, None)
    );
    send(&mut app, &[Command::Back]);
    assert_eq!(app.mode(), &Mode::Normal);
    send(&mut app, &[Command::Ratings, Command::Ratings]);
    assert_eq!(app.mode(), &Mode::Normal, "r closes it too");
}

#[test]
fn any_action_in_any_mode_at_any_size_is_safe() {
    use Action::{ClearFilter, DeleteChar, Input, Resize};
    let mut actions: Vec<Action> = Command::all()
        .filter(|c| *c != Command::Quit)
        .map(Action::Run)
        .collect();
    actions.extend([ClearFilter, DeleteChar, Input('e'), Input('K'), Input(' ')]);
    let sizes = [
        (0, 0),
        (1, 1),
        (39, 9),
        (40, 10),
        (69, 12),
        (70, 30),
        (110, 40),
        (1000, 400),
        (21845, 50),
        (300, u16::MAX),
    ];
    let mut library = bundled_library();
    library.collections[0].reviews[GUILT]
        .body
        .push_str("\n\n||Rogers unclosed spoiler");
    library.collections[0].reviews[TRAILER].comments[3].replies_to = Some(3);
    let mut app = app_with(library);
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut modes = [false; 9];
    for i in 0..6000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let action = if i % 97 == 0 {
            let (w, h) = sizes[(seed >> 8) as usize % sizes.len()];
            Resize(w, h)
        } else {
            actions[(seed >> 8) as usize % actions.len()].clone()
        };
        update(&mut app, action.clone());
        modes[match app.mode() {
            Mode::Normal => 0,
            Mode::Help(_) => 1,
            Mode::Picker(_) => 2,
            Mode::Prompt(..) => 3,
            Mode::Ratings(_) => 4,
            Mode::Sources(_) => 5,
            Mode::Cast => 6,
            Mode::Links(_) => 7,
            Mode::Errors(_) => 8,
        }] = true;
        assert!(
            app.selected() < app.visible_len().max(1),
            "step {i}: {action:?}"
        );
        assert!(app.open_entry().is_none_or(|e| e < app.total()), "step {i}");
        if let Some(s) = app.search() {
            assert!(
                s.current.is_none_or(|c| c < s.hits.len()),
                "step {i}: {action:?}"
            );
        }
        if let (Some(doc), Some(_)) = (app.open_doc(), app.panes().reading) {
            let max = doc.lines.len().saturating_sub(app.reading_height());
            assert!(app.scroll() <= max, "step {i}: {action:?}");
        }
    }
    assert!(app.is_running());
    assert_eq!(modes, [true; 9], "every mode was visited");
}

#[test]

fn an_absurdly_wide_terminal_does_not_panic() {
    let mut app = app();
    update(&mut app, Action::Resize(u16::MAX, 50));
    assert!(app.open_doc().is_some());
}

#[test]
fn search_runs_in_the_focused_side_of_a_split() {
    let mut app = app();
    send(&mut app, &[Command::Split]);
    let right = app.right_entry().expect("split");
    focus_on(&mut app, Focus::Right);
    let left_scroll = app.scroll();
    send(&mut app, &[Command::Search]);
    type_text(&mut app, "running");
    send(&mut app, &[Command::Open]);
    let search = app.search().expect("search");
    assert!(search.on_right);
    let right_doc = app.doc(right).expect("right layout");
    let expected = right_doc
        .plain_lines()
        .join(" ")
        .to_lowercase()
        .matches("running")
        .count();
    assert!(expected > 0 && search.hits.len() <= expected && !search.hits.is_empty());
    send(&mut app, &[Command::NextMatch, Command::NextMatch]);
    assert_eq!(app.scroll(), left_scroll, "the left side does not move");
}

#[test]
fn opening_from_a_list_search_shows_the_first_hit_even_when_scrolled_past_it() {
    let mut app = app();
    open_at(&mut app, KEEP_RUNNING);
    send(&mut app, &[Command::Bottom]);
    focus_on(&mut app, Focus::List);
    send(&mut app, &[Command::Search]);
    type_text(&mut app, "running");
    send(&mut app, &[Command::Open]);
    let position = app
        .visible()
        .position(|(e, _, _)| e == KEEP_RUNNING)
        .expect("listed");
    send(&mut app, &[Command::Top]);
    for _ in 0..position {
        send(&mut app, &[Command::Down]);
    }
    send(&mut app, &[Command::Open]);
    let search = app.search().expect("search follows");
    assert_eq!(search.current, Some(0));
    assert!(in_view(&app, search.hits[0].line()));
}

#[test]
fn file_order_can_be_reversed() {
    let mut app = app();
    send(&mut app, &[Command::ReverseSort]);
    let order: Vec<usize> = app.visible().map(|(e, _, _)| e).collect();
    assert_eq!(order, [TRAILER, POWER, KEEP_RUNNING, HEARTWARMING, GUILT]);
}

#[test]
fn a_detour_through_a_wide_terminal_keeps_the_reading_position() {
    let mut app = app();
    open_at(&mut app, POWER);
    for _ in 0..40 {
        send(&mut app, &[Command::Down]);
    }
    let before = app.scroll();
    update(&mut app, Action::Resize(200, 50));
    update(&mut app, Action::Resize(120, 40));
    let after = app.scroll();
    assert!(after.abs_diff(before) <= 1, "{before} → {after}");
}

#[test]
fn cancelling_a_search_returns_to_where_reading_was() {
    let mut app = app();
    open_at(&mut app, TRAILER);
    let before = app.scroll();
    send(&mut app, &[Command::Search]);
    type_text(&mut app, "heart strings");
    assert_ne!(app.scroll(), before, "typing jumps to the match");
    send(&mut app, &[Command::Back]);
    assert_eq!(app.scroll(), before);
    assert!(app.search().is_none());
}

#[test]
fn messages_say_what_is_true_one_mention_and_no_spoilers() {
    let mut library = bundled_library();
    let guilt = &mut library.collections[0].reviews[GUILT];
    guilt.body = "Graham Rogers runs.".to_owned();
    guilt.comments.clear();
    let mut app = app_with(library);
    open_at(&mut app, GUILT);
    send(&mut app, &[Command::ToggleSpoilers]);
    assert_eq!(app.status(), Some("This review has no spoilers"));
    focus_on(&mut app, Focus::Cast);
    send(&mut app, &[Command::Top, Command::Open]);
    let status = app.status().unwrap_or_default().to_owned();
    assert!(
        status.starts_with("Graham Rogers: 1 mention here"),
        "{status}"
    );
}

#[test]
fn going_back_through_mentions_says_previous_review() {
    let mut app = app();
    open_at(&mut app, POWER);
    focus_on(&mut app, Focus::Cast);
    send(&mut app, &[Command::Top, Command::Open]);
    focus_on(&mut app, Focus::Reading);
    let mut said = Vec::new();
    for _ in 0..200 {
        send(&mut app, &[Command::PrevMention]);
        if let Some(s) = app.status().filter(|s| s.contains(" review")) {
            said.push(s.to_owned());
            break;
        }
    }
    assert!(
        said.first().is_some_and(|s| s.ends_with("previous review")),
        "{said:?}"
    );
}

#[test]
fn a_failed_search_is_said_once_in_the_footer() {
    use ratatui::{Terminal, backend::TestBackend};
    let mut app = app();
    open_at(&mut app, GUILT);
    search_for(&mut app, "xyzzy");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    terminal
        .draw(|f| f.render_widget(&app, f.area()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    let footer: String = (0..120).map(|x| buffer[(x, 39)].symbol()).collect();
    assert!(footer.contains("No match for “xyzzy”"), "{footer}");
    assert!(!footer.contains("no match"), "said twice: {footer}");
}
