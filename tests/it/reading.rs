//! Reading features of the state machine: search, list search, cast mentions, comments,
//! spoilers, sorting, the split view and the ratings popup, driven by actions alone.

use crate::support::drive::{send, type_text};
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
    // One Enter keeps the filter and opens the first hit.
    send(&mut app, &[Command::Open]);
    assert_eq!(app.mode(), &Mode::Normal);
    assert_eq!(app.visible_len(), 2, "Enter keeps the filter");
    assert_eq!(app.open_entry(), Some(HEARTWARMING));
    assert_eq!(
        app.status(),
        Some("2 reviews contain “Grief” · Esc twice clears")
    );
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

mod more;
mod truth;
