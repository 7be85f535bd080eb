//! Reading features of the state machine: search, list search, cast mentions, comments,
//! spoilers, sorting, the split view and the ratings popup, driven by actions alone.

use reelread::action::{Action, Command};
use reelread::app::{App, Focus, Mode, PromptFor, update};
use reelread::data::{Date, Library, bundled_library};
use reelread::doc::Doc;
use reelread::query::SortKey;

/// Entries of the bundled collection, in file order.
const GUILT: usize = 0;
const HEARTWARMING: usize = 1;
const KEEP_RUNNING: usize = 2;
const POWER: usize = 3;
const TRAILER: usize = 4;

fn app_with(library: Library) -> App {
    let mut app = App::new(library);
    update(&mut app, Action::Resize(120, 40));
    app
}

fn app() -> App {
    app_with(bundled_library())
}

fn send(app: &mut App, commands: &[Command]) {
    for &command in commands {
        update(app, command);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Input(c));
    }
}

/// Tabs to `pane`, which must be shown.
fn focus_on(app: &mut App, pane: Focus) {
    for _ in 0..4 {
        if app.focus() == pane {
            return;
        }
        send(app, &[Command::FocusNext]);
    }
    assert_eq!(app.focus(), pane, "Tab never reaches it");
}

/// Opens the list's `index`th review from the list; focus moves to the reading pane.
fn open_at(app: &mut App, index: usize) {
    focus_on(app, Focus::List);
    send(app, &[Command::Top]);
    for _ in 0..index {
        send(app, &[Command::Down]);
    }
    send(app, &[Command::Open]);
    assert_eq!(app.focus(), Focus::Reading);
}

/// Searches the open review for `text`, leaving the prompt with Enter.
fn search_for(app: &mut App, text: &str) {
    send(app, &[Command::Search]);
    type_text(app, text);
    send(app, &[Command::Open]);
}

fn plain(app: &App) -> Vec<String> {
    app.open_doc().map(Doc::plain_lines).unwrap_or_default()
}

fn shows(app: &App, text: &str) -> bool {
    plain(app).iter().any(|l| l.contains(text))
}

fn visible_entries(app: &App) -> Vec<usize> {
    app.visible().map(|(e, _, _)| e).collect()
}

/// The list entry under the cursor.
fn selected_entry(app: &App) -> Option<usize> {
    visible_entries(app).get(app.selected()).copied()
}

fn in_view(app: &App, line: usize) -> bool {
    (app.scroll()..app.scroll() + app.reading_height()).contains(&line)
}

/// The line of the search match last jumped to.
fn current_match_line(app: &App) -> usize {
    let search = app.search().expect("a search");
    search.hits[search.current.expect("a current match")].line()
}

#[test]
fn reading_search_follows_typing_and_steps_with_wrap_around() {
    let mut app = app();
    send(&mut app, &[Command::FocusNext, Command::Search]);
    assert_eq!(app.mode(), &Mode::Prompt(PromptFor::Reading, String::new()));
    type_text(&mut app, "KEV");
    assert!(app.search().is_some_and(|s| s.hits.len() >= 9));
    type_text(&mut app, "IN");
    assert_eq!(
        app.mode(),
        &Mode::Prompt(PromptFor::Reading, "KEVIN".into())
    );
    let hits = app.search().map(|s| s.hits.len()).unwrap_or_default();
    assert_eq!(hits, 9, "case-insensitive: every “Kevin” in the review");
    assert_eq!(app.search().and_then(|s| s.current), Some(0));
    assert!(in_view(&app, current_match_line(&app)));

    send(&mut app, &[Command::Open]);
    assert_eq!(app.mode(), &Mode::Normal);
    assert!(app.search().is_some(), "Enter keeps the search");
    for expected in 1..hits {
        send(&mut app, &[Command::NextMatch]);
        assert_eq!(app.search().and_then(|s| s.current), Some(expected));
        assert!(in_view(&app, current_match_line(&app)));
    }
    send(&mut app, &[Command::NextMatch]);
    assert_eq!(app.search().and_then(|s| s.current), Some(0));
    assert_eq!(app.status(), Some("Wrapped to the top"));
    assert!(in_view(&app, current_match_line(&app)));
    send(&mut app, &[Command::PrevMatch]);
    assert_eq!(app.search().and_then(|s| s.current), Some(hits - 1));
    assert_eq!(app.status(), Some("Wrapped to the bottom"));
    assert!(in_view(&app, current_match_line(&app)));

    send(&mut app, &[Command::Back]);
    assert_eq!(app.search(), None);
    assert_eq!(app.status(), Some("Search ended"));
}

#[test]
fn a_search_without_matches_says_so() {
    let mut app = app();
    send(&mut app, &[Command::FocusNext]);
    search_for(&mut app, "zebra crossing");
    assert!(
        app.search()
            .is_some_and(|s| s.hits.is_empty() && s.current.is_none())
    );
    assert!(app.status().is_some_and(|s| s.contains("No match")));
    send(&mut app, &[Command::NextMatch]);
    assert!(app.status().is_some_and(|s| s.contains("No match")));
    assert_eq!(app.scroll(), 0);
}

#[test]

fn cancelling_an_empty_search_prompt_changes_nothing_else() {
    let mut app = app();
    focus_on(&mut app, Focus::Cast);
    send(
        &mut app,
        &[Command::Open, Command::FocusPrev, Command::Search],
    );
    assert!(app.cast_focus().is_some());
    send(&mut app, &[Command::Back]);
    assert_eq!(app.mode(), &Mode::Normal);
    assert!(app.cast_focus().is_some(), "{:?}", app.status());
}

#[test]
fn list_search_narrows_the_list_and_becomes_the_reading_search() {
    let mut app = app();
    send(&mut app, &[Command::Search]);
    assert_eq!(app.mode(), &Mode::Prompt(PromptFor::List, String::new()));
    type_text(&mut app, "Grief");
    assert_eq!(visible_entries(&app), [HEARTWARMING, POWER]);
    let counts = (app.list_hits(HEARTWARMING), app.list_hits(POWER));
    assert_eq!(counts, (Some(4), Some(2)));
    send(&mut app, &[Command::Open]);
    assert_eq!(app.mode(), &Mode::Normal);
    assert_eq!(app.visible_len(), 2, "Enter keeps the filter");

    send(&mut app, &[Command::Open]);
    assert_eq!(app.open_entry(), Some(HEARTWARMING));
    assert_eq!(app.focus(), Focus::Reading);
    let search = app.search().expect("the list text becomes the search");
    assert_eq!((search.query.as_str(), search.hits.len()), ("Grief", 4));
    assert!(in_view(&app, current_match_line(&app)));

    // Esc ends the search first, then clears the list's text filter.
    send(&mut app, &[Command::Back]);
    assert_eq!(app.search(), None);
    assert_eq!(app.visible_len(), 2);
    send(&mut app, &[Command::Back]);
    assert_eq!(app.list_query(), None);
    assert_eq!(app.visible_len(), 5);
    assert_eq!(selected_entry(&app), Some(HEARTWARMING));
}

#[test]
fn escape_in_the_list_prompt_restores_the_whole_list() {
    let mut app = app();
    send(&mut app, &[Command::Search]);
    type_text(&mut app, "zebra");
    assert_eq!(app.visible_len(), 0);
    send(&mut app, &[Command::Back]);
    assert_eq!(app.mode(), &Mode::Normal);
    assert_eq!((app.list_query(), app.visible_len()), (None, 5));
    assert_eq!(app.open_entry(), Some(GUILT));
}

#[test]

fn enter_on_an_empty_list_keeps_the_review_open() {
    let mut app = app();
    send(&mut app, &[Command::Search]);
    type_text(&mut app, "zebra");
    send(&mut app, &[Command::Open, Command::Open]);
    assert_eq!(app.open_entry(), Some(GUILT));
}

#[test]
fn cast_mentions_are_highlighted_stepped_through_and_followed_across_reviews() {
    let mut app = app();
    assert_eq!(app.cast_reach(), [5, 4, 5, 4, 4, 5, 1, 1, 3]);
    focus_on(&mut app, Focus::Cast);
    assert_eq!(app.cast_cursor(), 0);
    send(&mut app, &[Command::Open]);
    let focus = app.cast_focus().expect("Graham Rogers highlighted");
    assert_eq!(focus.actor, "Graham Rogers");
    let count = focus.hits.len();
    assert!(count > 1, "{count} mentions");
    assert_eq!(focus.current, None);

    for expected in 0..count {
        send(&mut app, &[Command::NextMention]);
        let focus = app.cast_focus().expect("still highlighted");
        assert_eq!(focus.current, Some(expected));
        assert!(in_view(&app, focus.hits[expected].line()));
    }
    send(&mut app, &[Command::NextMention]);
    assert_eq!(app.open_entry(), Some(HEARTWARMING));
    assert_eq!(selected_entry(&app), Some(HEARTWARMING));
    let focus = app.cast_focus().expect("the highlight follows");
    assert_eq!(focus.current, Some(0));
    assert!(!focus.hits.is_empty());
    assert!(
        app.status().is_some_and(
            |s| s.starts_with("Graham Rogers: mention 1/") && s.ends_with("next review")
        )
    );
    send(&mut app, &[Command::PrevMention]);
    assert_eq!(app.open_entry(), Some(GUILT), "back to the previous review");
    assert_eq!(app.cast_focus().and_then(|f| f.current), Some(count - 1));

    send(&mut app, &[Command::Open]);
    assert_eq!(app.cast_focus(), None, "Enter on the same actor clears it");
    send(&mut app, &[Command::NextMention]);
    assert!(app.status().is_some_and(|s| s.starts_with("Pick an actor")));
}

#[test]
fn mentions_run_out_after_the_last_review_that_has_them() {
    let mut app = app();
    focus_on(&mut app, Focus::Cast);
    for _ in 0..6 {
        send(&mut app, &[Command::Down]);
    }
    send(&mut app, &[Command::Open]);
    assert_eq!(
        app.cast_focus().map(|f| f.actor.as_str()),
        Some("Ty Parker")
    );
    assert_eq!(app.cast_focus().map(|f| f.hits.len()), Some(0));
    send(&mut app, &[Command::NextMention]);
    assert_eq!(app.open_entry(), Some(POWER), "the only review naming him");
    send(&mut app, &[Command::NextMention]);
    assert_eq!(app.open_entry(), Some(POWER));
    let status = app.status().unwrap_or_default();
    assert_eq!(status, "No more mentions of Ty Parker: this is the last");
}

#[test]
fn comments_fold_unfold_and_can_be_jumped_between() {
    let mut app = app();
    open_at(&mut app, TRAILER);
    let has_comment_one = |app: &App| plain(app).iter().any(|l| l.starts_with("#1 "));
    assert!(has_comment_one(&app));
    send(&mut app, &[Command::ToggleComments]);
    assert!(shows(&app, "hidden") && !has_comment_one(&app));
    assert_eq!(app.status(), Some("20 comments hidden: c shows them"));
    send(&mut app, &[Command::NextComment]);
    assert_eq!(app.status(), Some("Comments are hidden: c shows them"));
    send(&mut app, &[Command::ToggleComments]);
    assert!(has_comment_one(&app) && !shows(&app, "hidden"));

    let starts = app.open_doc().map(Doc::comment_starts).unwrap_or_default();
    assert_eq!(starts.len(), 20);
    send(&mut app, &[Command::NextComment]);
    assert_eq!(app.scroll() + 1, starts[0], "a blank line above the header");
    send(&mut app, &[Command::NextComment]);
    assert_eq!(app.scroll() + 1, starts[1]);
    send(&mut app, &[Command::PrevComment]);
    assert_eq!(app.scroll() + 1, starts[0]);
    send(&mut app, &[Command::PrevComment]);
    assert_eq!(app.status(), Some("Already at the first comment"));
}

#[test]

fn next_comment_reports_the_end_of_the_comments() {
    let mut app = app();
    open_at(&mut app, TRAILER);
    for _ in 0..25 {
        send(&mut app, &[Command::NextComment]);
    }
    assert_eq!(app.status(), Some("Already at the last comment"));
}

#[test]
fn replies_are_indented_under_the_comment_they_answer() {
    let mut library = bundled_library();
    let comments = &mut library.collections[0].reviews[TRAILER].comments;
    comments[1].replies_to = Some(1);
    comments[2].replies_to = Some(2);
    let mut app = app_with(library);
    open_at(&mut app, TRAILER);
    let lines = plain(&app);
    let header = |prefix: &str| lines.iter().any(|l| l.starts_with(prefix));
    assert!(header("#1 Liz"), "{lines:#?}");
    assert!(header("   #2 robin Rue ↳ reply to #1"), "{lines:#?}");
    assert!(header("      #3 anonymous ↳ reply to #2"), "{lines:#?}");
    assert!(header("#4 anonymous"), "{lines:#?}");
}

#[test]
fn spoilers_stay_hidden_from_layout_and_search_until_revealed() {
    let mut library = bundled_library();
    library.collections[0].reviews[GUILT].body = "Kevin runs. ||the secret|| Then he rests.".into();
    let mut app = app_with(library);
    send(&mut app, &[Command::FocusNext]);
    assert!(shows(&app, "[spoiler: z reveals]") && !shows(&app, "the secret"));
    search_for(&mut app, "secret");
    assert!(app.search().is_some_and(|s| s.hits.is_empty()));

    send(&mut app, &[Command::ToggleSpoilers]);
    assert!(app.is_revealed(GUILT) && !app.is_revealed(HEARTWARMING));
    assert!(shows(&app, "the secret") && !shows(&app, "[spoiler: z reveals]"));
    assert_eq!(
        app.search().map(|s| s.hits.len()),
        Some(1),
        "the search updates"
    );
    send(&mut app, &[Command::Back]);
    search_for(&mut app, "secret");
    assert_eq!(app.search().map(|s| s.hits.len()), Some(1));

    send(&mut app, &[Command::ToggleSpoilers]);
    assert!(!app.is_revealed(GUILT) && !shows(&app, "the secret"));
    assert_eq!(app.search().map(|s| s.hits.len()), Some(0));
}

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
            assert_eq!(visible_entries(&app).last(), Some(&TRAILER));
            send(&mut app, &[Command::ReverseSort]);
            assert_eq!(app.sort(), (SortKey::Comments, true));
            assert_eq!(visible_entries(&app).first(), Some(&TRAILER));
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
        "a new order starts ascending"
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
    assert_eq!(visible_entries(&app)[..3], [GUILT, POWER, HEARTWARMING]);
    assert_eq!(visible_entries(&app)[3..], unknown);
    send(&mut app, &[Command::ReverseSort]);
    assert_eq!(visible_entries(&app)[..3], [HEARTWARMING, POWER, GUILT]);
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
    assert_eq!(app.mode(), &Mode::Ratings);
    for action in [
        Command::Down,
        Command::NextSource,
        Command::Open,
        Command::Sort,
    ] {
        send(&mut app, &[action, Command::FocusNext, Command::Split]);
    }
    assert_eq!(app.mode(), &Mode::Ratings);
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
    let mut modes = [false; 5];
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
            Mode::Ratings => 4,
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
    assert_eq!(modes, [true; 5], "every mode was visited");
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
