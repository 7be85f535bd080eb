//! Loading in parts: a library streamed to the reader part by part ends up exactly as one
//! loaded at once, the indexes answer as the plain scans did, and saved state applies to
//! reviews whenever they arrive. No timing anywhere.

use crate::support::state::StateExt as _;
use std::path::Path;

use reelread::action::{Action, Command};
use reelread::app::{App, Mode, Progress, Restore, Settings, update};
use reelread::data::{
    LoadOptions, Part, find_text, load_parts, load_path, mention_counts, review_matches, same_name,
    strip_spoilers,
};
use reelread::query::{count_hits, grep_hits, matching};

use crate::support::library;

use library::{REVIEWS_PER_FILM, library_dir};

fn parts(path: &Path, index: bool) -> Vec<Part> {
    let mut parts = Vec::new();
    load_parts(path, &LoadOptions::default(), index, &mut |p| parts.push(p));
    parts
}

#[test]
fn streamed_parts_add_up_to_the_whole_library_and_its_plan() {
    let dir = library_dir();
    let whole = load_path(dir.path());
    let mut streamed = reelread::data::Library {
        origin: whole.origin.clone(),
        ..Default::default()
    };
    let parts = parts(dir.path(), true);
    // The first film and its first reviews come before the plan, so the reader opens
    // before the rest of the library is listed; the plan comes before the second film.
    let plan_at = parts.iter().position(|p| matches!(p, Part::Plan { .. }));
    let second_film = parts
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p, Part::Collection(_)))
        .nth(1)
        .map(|(i, _)| i);
    assert!(
        matches!(parts.first(), Some(Part::Collection(_))),
        "the first film comes first"
    );
    assert!(
        matches!(parts.get(1), Some(Part::Reviews { reviews, .. }) if !reviews.is_empty()),
        "its first reviews come next"
    );
    let Some(Part::Plan { files, bytes }) = plan_at.map(|i| parts[i].clone()) else {
        panic!("no plan");
    };
    assert!(
        plan_at < second_film,
        "the plan comes before the second film"
    );
    let (mut read_files, mut read_bytes, mut review_parts) = (0, 0, 0);
    for part in parts {
        if let Part::Reviews {
            files,
            bytes,
            ref reviews,
            ref indexed,
        } = part
        {
            assert_eq!(indexed.len(), reviews.len(), "every review indexed");
            read_files += files;
            read_bytes += bytes;
            review_parts += 1;
        }
        streamed.add(part);
    }
    assert!(review_parts >= 4, "two films of 301 files come in batches");
    assert_eq!(
        (read_files, read_bytes),
        (files, bytes),
        "progress ends at the plan"
    );
    assert_eq!(files, 2 * (REVIEWS_PER_FILM + 2));
    assert_eq!(
        format!("{:?}", streamed.collections),
        format!("{:?}", whole.collections)
    );
    assert_eq!(streamed.diagnostics, whole.diagnostics);
    assert_eq!(streamed.files_skipped, 2);
}

/// A reader fed the parts as the terminal loop feeds them.
fn streamed_app(path: &Path, saved: Restore, absorb_every: usize) -> App {
    let mut app = App::loading(Settings::default(), "lib", saved);
    update(&mut app, Action::Resize(160, 50));
    let mut last = Progress::default();
    for (i, part) in parts(path, true).into_iter().enumerate() {
        update(&mut app, Action::Loaded(part));
        if i % absorb_every == 0 {
            update(&mut app, Action::Show);
        }
        // The indicator only ever counts up, towards the plan's totals once they are
        // known (the first reviews come before the rest is listed).
        let now = app.progress().expect("still loading");
        assert!(
            now.files >= last.files && now.bytes >= last.bytes,
            "{last:?} then {now:?}"
        );
        assert!(
            now.total_files == 0 || (now.files <= now.total_files && now.bytes <= now.total_bytes),
            "{now:?}"
        );
        assert!(
            now.total_files > 0 || i < 4,
            "the totals are known after the first reviews: {now:?} at part {i}"
        );
        last = now;
    }
    assert_eq!(
        (last.files, last.bytes),
        (last.total_files, last.total_bytes)
    );
    assert_eq!(last.total_files, 2 * (REVIEWS_PER_FILM + 2));
    update(&mut app, Action::LoadDone);
    app
}

fn rows(app: &App) -> Vec<String> {
    app.visible()
        .map(|(_, c, r)| format!("{}/{}", c.name, r.id))
        .collect()
}

#[test]
fn a_reader_fed_part_by_part_matches_one_built_at_once() {
    let dir = library_dir();
    let mut whole = App::new(load_path(dir.path()));
    update(&mut whole, Action::Resize(160, 50));
    let mut streamed = streamed_app(dir.path(), Restore::default(), 3);
    assert!(streamed.progress().is_none(), "loading has ended");
    assert_eq!(streamed.total(), 2 * REVIEWS_PER_FILM);
    assert_eq!(rows(&streamed), rows(&whole));
    assert_eq!(streamed.people(), whole.people());
    assert_eq!(streamed.open_entry(), Some(0));
    assert!(
        streamed.mark(0).read,
        "the first review was opened and read"
    );
    assert!(
        streamed
            .status()
            .is_some_and(|s| s.contains("2 files skipped"))
    );
    for app in [&mut whole, &mut streamed] {
        for _ in 0..REVIEWS_PER_FILM + 3 {
            let (c, r) = app.open_review().expect("open");
            assert_eq!(
                app.open_mentions(),
                mention_counts(r, &c.film.cast),
                "{}",
                r.id
            );
            update(app, Command::NextSource);
        }
    }
    assert_eq!(streamed.cast_reach(), whole.cast_reach());
}

#[test]
fn the_text_index_counts_what_a_plain_scan_counts() {
    let dir = library_dir();
    let mut reviews = Vec::new();
    let mut indexed = Vec::new();
    for part in parts(dir.path(), true) {
        if let Part::Reviews {
            reviews: r,
            indexed: i,
            ..
        } = part
        {
            reviews.extend(r);
            indexed.extend(i);
        }
    }
    for query in [
        "roth",
        "ELLIE",
        "straße",
        "STRASSE",
        "zoë",
        "dies",
        "e",
        " ",
        "line 3: e",
    ] {
        // The reading pane's search, field by field: an implementation of its own.
        let scanned: Vec<usize> = reviews
            .iter()
            .map(|r| {
                std::iter::once(r.title.clone())
                    .chain(std::iter::once(strip_spoilers(&r.body)))
                    .chain(r.comments.iter().map(|c| strip_spoilers(&c.text)))
                    .map(|t| find_text(&t, query).len())
                    .sum()
            })
            .collect();
        assert_eq!(
            reviews
                .iter()
                .map(|r| grep_hits(r, query))
                .collect::<Vec<_>>(),
            scanned
        );
        let searchable: Vec<_> = reviews.iter().zip(&indexed).collect();
        assert_eq!(count_hits(&searchable, query), scanned, "query {query:?}");
        let found: Vec<bool> = scanned.iter().map(|&n| n > 0).collect();
        assert_eq!(matching(&searchable, query), found, "query {query:?}");
    }
    assert!(count_hits(&[], "x").is_empty());
}

#[test]
fn the_reviewer_filter_lists_what_the_rule_says() {
    let dir = library_dir();
    let mut app = App::new(load_path(dir.path()));
    update(&mut app, Action::Resize(160, 50));
    let names: Vec<String> = app.people().iter().map(|p| p.name.clone()).collect();
    assert_eq!(names.len(), 5, "{names:?}");
    for name in names {
        update(&mut app, Command::Filter);
        for c in name.to_uppercase().chars() {
            update(&mut app, Action::Input(c));
        }
        assert!(matches!(app.mode(), Mode::Picker(_)));
        update(&mut app, Command::Open);
        let expected: Vec<usize> = (0..app.total())
            .filter(|&e| review_matches(app.entry(e).1, &name))
            .collect();
        let listed: Vec<usize> = app.visible().map(|(e, _, _)| e).collect();
        assert_eq!(listed, expected, "{name}");
        assert!(app.filter().is_some_and(|f| same_name(Some(f), &name)));
        update(&mut app, Action::ClearFilter);
    }
}

/// What the reading state is keyed by for a film of the test library.
fn collection_key(root: &Path, film: &str) -> String {
    std::fs::canonicalize(root.join(film))
        .expect("canonical")
        .display()
        .to_string()
}

/// Saved state naming the review that was open last in one film.
fn last_open(key: &str, id: &str) -> Restore {
    let mut saved = Restore::default();
    saved.last_open.insert(key.to_owned(), id.to_owned());
    saved
}

#[test]
fn saved_state_applies_to_reviews_that_arrive_later() {
    let dir = library_dir();
    let key = collection_key(dir.path(), "beta");
    let mut saved = last_open(&key, "r0290");
    let starred = reelread::app::Mark {
        starred: true,
        ..Default::default()
    };
    saved
        .reviews
        .insert((key.clone(), "r0005".to_owned()), (starred, 3));
    let app = streamed_app(dir.path(), saved.clone(), 1);
    let (collection, review) = app.open_review().expect("open");
    assert_eq!(
        (collection.name.as_str(), review.id.as_str()),
        ("beta", "r0290")
    );
    assert!(
        !app.mark(0).read,
        "the review shown while loading was not read"
    );
    let starred_entry = REVIEWS_PER_FILM + 5;
    assert_eq!(app.entry(starred_entry).1.id, "r0005");
    assert!(app.mark(starred_entry).starred);
    let (_, _, scroll) = app.marks()[starred_entry];
    assert_eq!(scroll, 3);

    // A key pressed before the saved review arrives keeps the reader where they are.
    let mut app = App::loading(Settings::default(), "lib", saved);
    update(&mut app, Action::Resize(160, 50));
    let mut pressed = false;
    for part in parts(dir.path(), true) {
        let first_film_in = app.total() > 0;
        update(&mut app, Action::Loaded(part));
        update(&mut app, Action::Show);
        if first_film_in && !pressed {
            update(&mut app, Command::Down);
            pressed = true;
        }
    }
    update(&mut app, Action::LoadDone);
    assert_eq!(
        app.open_review().map(|(c, _)| c.name.as_str()),
        Some("alpha")
    );
    assert!(
        app.mark(0).read || app.mark(1).read,
        "the review the reader chose is read"
    );
}

#[test]
fn a_saved_review_arriving_late_is_selected_laid_out_and_not_forgotten_on_quit() {
    let dir = library_dir();
    let key = collection_key(dir.path(), "beta");
    let alpha = collection_key(dir.path(), "alpha");
    let saved = last_open(&key, "r0290");
    let mut app = App::loading(Settings::default(), "lib", saved);
    update(&mut app, Action::Resize(160, 50));
    let mut state = reelread::state::ReadingState::default();
    state.set_last_open(&key, "r0290");
    let mut arrived = false;
    for part in parts(dir.path(), true) {
        update(&mut app, Action::Loaded(part));
        // Quitting now must keep the saved choice, whatever loading has opened so far.
        let mut on_quit = state.clone();
        reelread::session::record(&app, &mut on_quit);
        assert_eq!(on_quit.last_open(&key), Some("r0290"));
        // Nor may the first film's review shown meanwhile become its last-open one (the
        // first film arrives first, so it would win next time).
        assert_eq!(on_quit.last_open(&alpha), None);
        let Some((collection, review)) = app.open_review() else {
            continue;
        };
        if (collection.name.as_str(), review.id.as_str()) == ("beta", "r0290") && !arrived {
            arrived = true;
            // Parts are shown (absorbed) only now and then; before that, keys must already
            // act on the restored review.
            let row = app.visible().nth(app.selected()).map(|(e, _, _)| e);
            assert_eq!(
                row,
                app.open_entry(),
                "the cursor is on the restored review"
            );
            assert!(app.open_doc().is_some(), "laid out at once");
        }
    }
    assert!(arrived);
}

#[test]
fn the_review_open_at_quit_is_the_one_reopened_whatever_film_it_is_in() {
    let dir = library_dir();
    let (alpha, beta) = (
        collection_key(dir.path(), "alpha"),
        collection_key(dir.path(), "beta"),
    );
    // Earlier runs left a last-open review in the first film.
    let mut state = reelread::state::ReadingState::default();
    state.set_last_open(&alpha, "r0007");
    let mut app = App::new(load_path(dir.path()));
    update(&mut app, Action::Resize(160, 50));
    let mut app = app.restored(reelread::session::restore(&state));
    // This time the reader ends in the second film.
    while app
        .open_review()
        .is_some_and(|(c, r)| c.name != "beta" || r.id != "r0003")
    {
        update(&mut app, Command::NextSource);
    }
    reelread::session::record(&app, &mut state);
    assert_eq!(state.last_open(&beta), Some("r0003"));
    assert_eq!(state.last_open(&alpha), None);
    let app = App::new(load_path(dir.path())).restored(reelread::session::restore(&state));
    let (collection, review) = app.open_review().expect("open");
    assert_eq!(
        (collection.name.as_str(), review.id.as_str()),
        ("beta", "r0003")
    );
}

#[test]
fn a_filter_set_while_loading_counts_what_arrives_later() {
    let dir = library_dir();
    let mut app = App::loading(Settings::default(), "lib", Restore::default());
    update(&mut app, Action::Resize(160, 50));
    let mut parts = parts(dir.path(), true).into_iter();
    for part in parts.by_ref().take(4) {
        update(&mut app, Action::Loaded(part));
    }
    update(&mut app, Action::Show);
    assert!(app.total() < 2 * REVIEWS_PER_FILM);
    update(&mut app, Command::Filter);
    for c in "ana ruiz".chars() {
        update(&mut app, Action::Input(c));
    }
    update(&mut app, Command::Open);
    let early = app.status().map(str::to_owned);
    for part in parts {
        update(&mut app, Action::Loaded(part));
    }
    update(&mut app, Action::LoadDone);
    let listed = app.visible_len();
    let expected = format!(
        "{listed} of {} reviews with Ana Ruiz as author or commenter",
        2 * REVIEWS_PER_FILM
    );
    assert_ne!(early.as_deref(), Some(expected.as_str()));
    assert_eq!(app.status(), Some(expected.as_str()));
}

#[test]
fn a_query_typed_corrected_and_retyped_lists_what_a_fresh_query_lists() {
    let dir = library_dir();
    let mut app = App::new(load_path(dir.path()));
    update(&mut app, Action::Resize(160, 50));
    let fresh = |app: &App, text: &str| -> Vec<usize> {
        (0..app.total())
            .filter(|&e| grep_hits(app.entry(e).1, text) > 0)
            .collect()
    };
    let listed = |app: &App| -> Vec<usize> {
        let mut entries: Vec<usize> = app.visible().map(|(e, _, _)| e).collect();
        entries.sort_unstable();
        entries
    };
    update(&mut app, Command::Search);
    let mut typed = String::new();
    // Narrowing (each letter), going back to a remembered query (delete), a query
    // that extends none remembered (`rox`), and a remembered one typed again.
    for step in [
        "r", "o", "t", "h", "\x08", "\x08", "x", "\x08", "t", "h", "k", "o",
    ] {
        if step == "\x08" {
            typed.pop();
            update(&mut app, Action::DeleteChar);
        } else {
            typed.push_str(step);
            update(
                &mut app,
                Action::Input(step.chars().next().expect("a letter")),
            );
        }
        assert_eq!(listed(&app), fresh(&app, &typed), "after typing {typed:?}");
    }
    assert!(!fresh(&app, "roth").is_empty(), "the fixture names Roth");
}
