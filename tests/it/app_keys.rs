//! The keys newsboat, aerc and glow users reach for first, driven as actions: the link
//! picker, the error list, mark all read, re-reading from disk, the editor request, and
//! the list's view kept in the reading state.

use std::path::Path;

use crate::support::drive::send;
use reelread::action::{Action, Command};
use reelread::app::{App, Effect, Mode, update};
use reelread::data::{bundled_library, load_path};
use reelread::query::SortKey;
use reelread::state::ReadingState;

/// A collection folder with these reviews (`ID`, file text), one of them broken.
fn collection(reviews: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("reviews")).expect("mkdir");
    std::fs::write(dir.path().join("film.toml"), "title = \"Film\"\n").expect("film");
    for (id, text) in reviews {
        std::fs::write(dir.path().join(format!("reviews/{id}.toml")), text).expect("review");
    }
    dir
}

fn review(title: &str, author: &str) -> String {
    format!("title = \"{title}\"\nreviewer = \"{author}\"\nbody = \"Text of {title}.\"\n")
}

fn app_of(dir: &Path) -> App {
    let mut app = App::new(load_path(dir));
    update(&mut app, Action::Resize(120, 40));
    app
}

const LINKED: &str = r#"title = "Linked"
body = """
The [trailer](https://video.example/t) and https://site.example/page.
A [mail](mailto:a@b.example) link and [the trailer again](https://video.example/t).
||The twist: https://twist.example/||
"""
[[comments]]
author = "Ana"
text = "Mine is at http://ana.example/blog."
"#;

#[test]
fn the_link_picker_lists_each_web_link_once_and_opens_or_copies_the_chosen_one() {
    let dir = collection(&[("a", LINKED)]);
    let mut app = app_of(dir.path());
    send(&mut app, &[Command::Links]);
    let Mode::Links(list) = app.mode() else {
        panic!("no link picker: {:?}", app.mode());
    };
    let shown: Vec<(&str, &str)> = list
        .links
        .iter()
        .map(|l| (l.url.as_str(), l.origin.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            ("https://video.example/t", "body"),
            ("https://site.example/page", "body"),
            ("http://ana.example/blog", "comment #1 by Ana"),
        ]
    );
    assert_eq!(list.refused, 1, "the mailto link is left out");
    assert_eq!(list.in_spoilers, 1);
    assert_eq!(
        update(&mut app, Command::OpenUrl),
        [Effect::OpenInBrowser("https://video.example/t".to_owned())]
    );
    send(&mut app, &[Command::Down, Command::Down, Command::Down]);
    assert_eq!(
        update(&mut app, Command::CopyUrl),
        [Effect::CopyToClipboard(
            "http://ana.example/blog".to_owned()
        )]
    );
    assert!(
        matches!(app.mode(), Mode::Links(_)),
        "stays open for another"
    );
    send(&mut app, &[Command::Back]);
    assert_eq!(app.mode(), &Mode::Normal);
}

#[test]
fn the_error_list_names_every_skipped_file_relative_to_the_folder() {
    let dir = collection(&[
        ("good", &review("Good", "Ana")),
        ("bad", "title = \n"),
        ("worse", "title = \"No body\"\n"),
        ("warned", "title = \"W\"\nbody = \"x\"\nstars = 3\n"),
    ]);
    let mut app = app_of(dir.path());
    assert!(
        app.status()
            .is_some_and(|s| s.starts_with("2 files skipped: ! lists why")),
        "{:?}",
        app.status()
    );
    send(&mut app, &[Command::Errors]);
    assert_eq!(app.mode(), &Mode::Errors(0));
    let problems = app.problems();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert_eq!(
        problems.iter().map(|p| p.error).collect::<Vec<_>>(),
        [true, true, false],
        "errors first"
    );
    assert!(
        problems[0].text.starts_with("reviews/bad.toml:1:"),
        "{:?}",
        problems[0]
    );
    assert!(
        problems[1].text.starts_with("reviews/worse.toml"),
        "{:?}",
        problems[1]
    );
    assert!(
        problems[2]
            .text
            .starts_with("reviews/warned.toml:3:1: warning:"),
        "{:?}",
        problems[2]
    );
    send(&mut app, &[Command::Down, Command::Down, Command::Down]);
    assert_eq!(
        app.mode(),
        &Mode::Errors(2),
        "scrolls no further than the last"
    );
    send(&mut app, &[Command::Errors]);
    assert_eq!(app.mode(), &Mode::Normal);
}

#[test]
fn mark_all_read_marks_what_the_filter_lets_through_and_says_how_many() {
    let dir = collection(&[
        ("a", &review("One", "Ana")),
        ("b", &review("Two", "Bob")),
        ("c", &review("Three", "Ana")),
        ("d", &review("Four", "Cy")),
    ]);
    let mut app = app_of(dir.path());
    send(&mut app, &[Command::Open, Command::FocusPrev]);
    let read = |app: &App| (0..app.total()).filter(|&e| app.mark(e).read).count();
    assert_eq!(read(&app), 1, "the first review was opened");
    update(&mut app, Command::Filter);
    for c in "Ana".chars() {
        update(&mut app, Action::Input(c));
    }
    send(&mut app, &[Command::Open]);
    assert_eq!(app.visible_len(), 2);
    send(&mut app, &[Command::MarkAllRead]);
    assert_eq!(
        app.status(),
        Some("Marked 1 review read (all 2 reviews matching the filter)")
    );
    assert_eq!(read(&app), 2);
    assert!(app.marks_changed(), "saved like any other mark");
    send(&mut app, &[Command::MarkAllRead]);
    assert_eq!(
        app.status(),
        Some("Already read: all 2 reviews matching the filter")
    );
    update(&mut app, Action::ClearFilter);
    send(&mut app, &[Command::MarkAllRead]);
    assert_eq!(
        app.status(),
        Some("Marked 2 reviews read (all 4 reviews listed)")
    );
    assert_eq!(read(&app), 4);
}

#[test]
fn ctrl_r_rereads_the_folder_and_says_what_changed() {
    let dir = collection(&[("a", &review("One", "Ana")), ("b", &review("Two", "Bob"))]);
    let mut app = app_of(dir.path());
    assert_eq!(update(&mut app, Command::Reload), [Effect::Reload]);
    assert_eq!(app.status(), Some("Re-reading every file…"));
    std::fs::write(
        dir.path().join("reviews/a.toml"),
        review("One, edited", "Ana"),
    )
    .unwrap();
    std::fs::remove_file(dir.path().join("reviews/b.toml")).unwrap();
    std::fs::write(dir.path().join("reviews/c.toml"), review("Three", "Cy")).unwrap();
    std::fs::write(dir.path().join("reviews/d.toml"), review("Four", "Di")).unwrap();
    update(&mut app, Action::Reloaded(Box::new(load_path(dir.path()))));
    assert_eq!(
        app.status(),
        Some("Re-read from disk: 1 review changed, 2 new reviews, 1 review gone")
    );
    update(&mut app, Command::Reload);
    std::fs::write(dir.path().join("reviews/e.toml"), "title = ").unwrap();
    update(&mut app, Action::Reloaded(Box::new(load_path(dir.path()))));
    assert_eq!(
        app.status(),
        Some("Re-read from disk: nothing changed (3 reviews) · 1 file has errors (! lists it)")
    );
    // A reload nobody asked for (the watcher) says what live reload says.
    update(&mut app, Action::Reloaded(Box::new(load_path(dir.path()))));
    assert!(
        app.status().is_some_and(|s| !s.starts_with("Re-read")),
        "{:?}",
        app.status()
    );
}

#[test]
fn the_bundled_collection_can_be_neither_edited_nor_reread() {
    let mut app = App::new(bundled_library());
    update(&mut app, Action::Resize(120, 40));
    assert!(update(&mut app, Command::Edit).is_empty());
    assert!(
        app.status()
            .is_some_and(|s| s.starts_with("No file to edit: the bundled reviews are built in")),
        "{:?}",
        app.status()
    );
    assert!(update(&mut app, Command::Reload).is_empty());
    assert!(
        app.status()
            .is_some_and(|s| s.starts_with("No files to re-read")),
        "{:?}",
        app.status()
    );
}

#[test]
fn e_asks_for_the_file_of_the_review_under_the_cursor() {
    let dir = collection(&[("a", &review("One", "Ana")), ("b", &review("Two", "Bob"))]);
    let mut app = app_of(dir.path());
    send(&mut app, &[Command::Down]);
    let effects = update(&mut app, Command::Edit);
    let [Effect::Edit(path)] = effects.as_slice() else {
        panic!("no edit: {effects:?}");
    };
    assert_eq!(
        path.canonicalize().unwrap(),
        dir.path().join("reviews/b.toml").canonicalize().unwrap()
    );
    // The editor saved a file that no longer parses: the footer says so, and where.
    std::fs::write(path, "title = \"Two\"\nbody = \n").unwrap();
    update(&mut app, Action::Reloaded(Box::new(load_path(dir.path()))));
    assert_eq!(
        app.status(),
        Some(
            "The edit does not load, so the last good version stays: \
             reviews/b.toml:2:8: error: string values must be quoted, expected literal string"
        )
    );
    assert_eq!(
        app.visible_len(),
        2,
        "the last good version is still listed"
    );
}

#[test]
fn the_view_is_recorded_in_the_state_and_restored_from_it() {
    let dir = collection(&[
        ("a", &review("One", "Ana")),
        ("b", &review("Two", "Bob")),
        ("c", &review("Three", "Cy")),
    ]);
    // A state file from before the view was saved loads, with the default view.
    let old: ReadingState = toml::from_str("[collections.x.reviews.y]\nread = true\n").unwrap();
    assert!(old.view.is_empty());
    let mut app = app_of(dir.path()).restored(reelread::session::restore(&old));
    let mut state = old.clone();
    reelread::session::record(&app, &mut state);
    assert!(
        state.view.is_empty(),
        "an untouched view writes nothing: {:?}",
        state.view
    );
    send(
        &mut app,
        &[
            Command::Sort,
            Command::ReverseSort,
            Command::NextSource,
            Command::HideRead,
        ],
    );
    reelread::session::record(&app, &mut state);
    assert_eq!(state.view.sort.as_deref(), Some("date"));
    assert_eq!(
        (state.view.reverse, state.view.hide_read),
        (Some(true), Some(true))
    );
    let text = toml::to_string(&state).unwrap();
    let again: ReadingState = toml::from_str(&text).unwrap();
    let next = App::new(load_path(dir.path())).restored(reelread::session::restore(&again));
    assert_eq!(next.sort(), (SortKey::Date, true));
    assert!(next.hides_read());
    // Two were read; the one open last time is open again, and stays listed.
    assert_eq!(next.visible_len(), 2, "the other review read is hidden");
}

/// Saves as the terminal loop does: record, then merge into the file if anything changed.
fn save(app: &App, path: &Path, reading: &mut ReadingState) {
    let before = reading.clone();
    reelread::session::record(app, reading);
    if *reading != before {
        *reading = reelread::session::save_merged(path, &before, reading).expect("save");
    }
}

#[test]
fn a_reader_that_never_changed_the_view_keeps_another_readers_choice_over_many_saves() {
    let dir = collection(&[("a", &review("One", "Ana")), ("b", &review("Two", "Bob"))]);
    let home = tempfile::tempdir().expect("tempdir");
    let path = home.path().join("state.toml");
    let (mut first, mut second) = (app_of(dir.path()), app_of(dir.path()));
    let (mut first_state, mut second_state) = (ReadingState::default(), ReadingState::default());
    // The first reader sorts by date and saves; the second stars, then reads, saving each.
    send(&mut first, &[Command::Sort]);
    save(&first, &path, &mut first_state);
    send(&mut second, &[Command::Star]);
    save(&second, &path, &mut second_state);
    send(&mut second, &[Command::Down, Command::Open]);
    save(&second, &path, &mut second_state);
    send(&mut second, &[Command::Star]);
    save(&second, &path, &mut second_state);
    let disk = reelread::state::load(&path).state;
    assert_eq!(disk.view.sort.as_deref(), Some("date"), "{disk:?}");
    // Now the second hides read reviews: that part is its own, the sort stays the first's.
    send(&mut second, &[Command::HideRead]);
    save(&second, &path, &mut second_state);
    let disk = reelread::state::load(&path).state;
    assert_eq!(disk.view.sort.as_deref(), Some("date"));
    assert_eq!(disk.view.hide_read, Some(true));
    // And the first's next save keeps the second's hide-read.
    send(&mut first, &[Command::ReverseSort]);
    save(&first, &path, &mut first_state);
    let disk = reelread::state::load(&path).state;
    assert_eq!(
        (
            disk.view.sort.as_deref(),
            disk.view.reverse,
            disk.view.hide_read
        ),
        (Some("date"), Some(true), Some(true))
    );
}
