//! The reader's state says what is true after each key: the sidebar after `z`, the
//! hide-read counts, messages with their plurals, the sort directions, the list filter's
//! Enter, the picker's order, the `%` seen and folding comments back and forth.

use super::*;

#[test]
fn showing_spoilers_updates_the_sidebar_counts() {
    let mut library = bundled_library();
    library.collections[0].reviews[GUILT].body = "Kevin runs. ||Ty Parker wins.||".into();
    let mut app = app_with(library);
    let ty_parker = 6;
    let reach = app.cast_reach()[ty_parker];
    assert_eq!(app.open_mentions()[ty_parker], 0);
    focus_on(&mut app, Focus::Reading);
    send(&mut app, &[Command::ToggleSpoilers]);
    assert_eq!(app.open_mentions()[ty_parker], 1, "the sidebar stays at ×0");
    assert_eq!(app.cast_reach()[ty_parker], reach + 1, "in N of M reviews");
    send(&mut app, &[Command::ToggleSpoilers]);
    assert_eq!(app.open_mentions()[ty_parker], 0);
    assert_eq!(app.cast_reach()[ty_parker], reach);
}

#[test]
fn hide_read_counts_the_filtered_list_and_stays_named_after_esc() {
    let mut app = app();
    // Read three (the first is read on opening), then filter by a commenter.
    open_at(&mut app, HEARTWARMING);
    open_at(&mut app, TRAILER);
    send(&mut app, &[Command::Filter]);
    type_text(&mut app, "pam");
    send(&mut app, &[Command::Open]);
    let theirs = app.visible_len();
    assert!(theirs >= 1);
    let open = app.open_entry().expect("open");
    send(&mut app, &[Command::HideRead]);
    let status = app.status().unwrap_or_default().to_owned();
    let unread = app.visible().filter(|(e, _, _)| !app.mark(*e).read).count();
    assert!(
        status.contains(&format!("{unread} unread listed + the open one")),
        "{status}"
    );
    assert!(app.mark(open).read);
    assert!(app.hides_read());
    // Esc clears the filter; the message and the header still say read ones are hidden.
    send(&mut app, &[Command::FocusPrev, Command::Back]);
    while app.filter().is_some() {
        send(&mut app, &[Command::Back]);
    }
    assert_eq!(app.filter(), None);
    assert!(app.hides_read());
    let status = app.status().unwrap_or_default().to_owned();
    assert!(status.starts_with("Filter cleared: "), "{status}");
    assert!(
        status.contains("read reviews hidden (H shows them)"),
        "{status}"
    );
    assert_eq!(app.visible_len(), 3, "two of five read, the open one stays");
    assert!(
        screen_row(&app, 0).contains(" Unread only "),
        "{}",
        screen_row(&app, 0)
    );
}

/// One row of the screen as drawn.
fn screen_row(app: &App, y: u16) -> String {
    let (width, height) = app.size();
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).expect("backend");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..width).map(|x| buffer[(x, y)].symbol()).collect()
}

#[test]
fn length_sorts_shortest_first_by_words_not_whole_minutes() {
    let mut library = bundled_library();
    let reviews = &mut library.collections[0].reviews;
    for (entry, words) in [(GUILT, 390), (HEARTWARMING, 250)] {
        reviews[entry].body = "word ".repeat(words);
        reviews[entry].read_minutes = None;
    }
    let mut app = app_with(library);
    assert_eq!(
        app.reading_minutes(GUILT),
        app.reading_minutes(HEARTWARMING)
    );
    while app.sort().0 != SortKey::Length {
        send(&mut app, &[Command::Sort]);
    }
    assert_eq!(app.word_count(GUILT), 390);
    let at = |app: &App, entry| visible_entries(app).iter().position(|&e| e == entry);
    assert!(
        at(&app, HEARTWARMING) < at(&app, GUILT),
        "{:?}",
        visible_entries(&app)
    );
    assert_eq!(
        app.status(),
        Some("Sorted by length, shortest first (O: longest first)")
    );
    send(&mut app, &[Command::ReverseSort]);
    assert!(at(&app, GUILT) < at(&app, HEARTWARMING));
}

#[test]
fn the_reviewer_picker_lists_numbered_critics_in_natural_order() {
    let mut library = bundled_library();
    for (review, name) in library.collections[0].reviews.iter_mut().zip([
        "Critic 19",
        "Critic 2",
        "Critic 10",
        "critic 1",
        "Ana",
    ]) {
        review.reviewer = Some(name.into());
        review.comments.clear();
    }
    let mut app = app_with(library);
    send(&mut app, &[Command::Filter]);
    type_text(&mut app, "critic");
    let Mode::Picker(picker) = app.mode() else {
        panic!("the picker is not open")
    };
    let names: Vec<&str> = picker
        .matches(app.people())
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["critic 1", "Critic 2", "Critic 10", "Critic 19"]);
}

/// The reading pane's position as drawn: `line X/Y · N%`.
fn position(app: &App) -> String {
    let (_, height) = app.size();
    (0..height)
        .map(|y| screen_row(app, y))
        .find_map(|row| {
            let at = row.find(" line ")?;
            let end = at + row[at..].find('%')? + 1;
            Some(row[at..end].trim().to_owned())
        })
        .unwrap_or_default()
}

#[test]
fn the_percentage_says_how_much_has_been_seen_counting_the_bottom_of_the_view() {
    let mut app = app();
    focus_on(&mut app, Focus::Reading);
    let total = app.open_doc().expect("laid out").lines.len();
    let height = app.reading_height();
    assert!(
        total > 2 * height,
        "the review must be longer than two screens"
    );
    let start = position(&app);
    assert_eq!(start, format!("line 1/{total} · {}%", height * 100 / total));
    send(&mut app, &[Command::PageDown]);
    let further = (2 * height).min(total) * 100 / total;
    assert_eq!(
        position(&app),
        format!("line {}/{total} · {further}%", height + 1)
    );
    // Back at the top, what was seen stays seen.
    send(&mut app, &[Command::Top]);
    assert_eq!(position(&app), format!("line 1/{total} · {further}%"));
    send(&mut app, &[Command::Bottom, Command::Top]);
    assert_eq!(position(&app), format!("line 1/{total} · 100%"));
}

#[test]
fn folding_and_unfolding_comments_returns_to_the_same_line() {
    let mut app = app();
    open_at(&mut app, TRAILER);
    // A line in the body, then one inside the comments.
    for lines in [5, 0] {
        send(&mut app, &[Command::Top]);
        if lines == 0 {
            send(&mut app, &[Command::NextComment, Command::NextComment]);
        }
        for _ in 0..lines {
            send(&mut app, &[Command::Down]);
        }
        let line = app.scroll();
        assert!(line > 0);
        send(
            &mut app,
            &[Command::ToggleComments, Command::ToggleComments],
        );
        assert_eq!(app.scroll(), line, "c twice moved the reader");
    }
}

/// A count followed by a noun that does not agree with it (`1 comments`, `2 review`), a
/// verb that does not (`1 reviews contain`), or nothing counted as if it were (`0
/// comments hidden`): what no message may say.
fn disagreement(message: &str) -> Option<String> {
    const NOUNS: [&str; 9] = [
        "comment", "review", "file", "mention", "match", "hit", "source", "reply", "actor",
    ];
    let words: Vec<&str> = message
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        let Ok(n) = word.parse::<usize>() else {
            continue;
        };
        // Skip the adjectives a count may carry (`1 unread review`, `2 read reviews`).
        let mut at = i + 1;
        while words
            .get(at)
            .is_some_and(|w| ["unread", "read", "more", "new", "other"].contains(w))
        {
            at += 1;
        }
        let Some(noun) = words.get(at) else {
            continue;
        };
        let singular = NOUNS
            .iter()
            .find(|s| *noun == **s || *noun == format!("{s}s") || *noun == format!("{s}es"));
        let Some(singular) = singular else {
            continue;
        };
        let plural = *noun != *singular;
        // `of 5 reviews` after `1`: the count that matters is the one before the noun.
        if (n == 1) == plural {
            return Some(format!("“{n} {noun}” in {message:?}"));
        }
        let verb = words.get(at + 1).copied().unwrap_or_default();
        let wrong_verb = match verb {
            "contains" | "has" | "is" | "was" => n != 1,
            "contain" | "have" | "are" | "were" => n == 1,
            _ => false,
        };
        if wrong_verb {
            return Some(format!("“{n} {noun} {verb}” in {message:?}"));
        }
        if n == 0 && ["hidden", "shown"].contains(&verb) {
            return Some(format!("“0 {noun} {verb}” in {message:?}"));
        }
    }
    None
}

#[test]
fn no_message_gets_a_count_wrong() {
    assert!(disagreement("1 comments shown").is_some());
    assert!(disagreement("0 comments hidden: c shows them").is_some());
    assert!(disagreement("1 reviews contain “x”").is_some());
    assert!(disagreement("2 of 5 reviews with Pam").is_none());
    assert!(disagreement("1 unread review listed").is_none());
    let mut library = bundled_library();
    let reviews = &mut library.collections[0].reviews;
    reviews[GUILT].comments = vec![reelread::data::Comment {
        text: "Only one ||Tim Roth|| here".into(),
        author: Some("Solo Commenter".into()),
        ..Default::default()
    }];
    reviews[HEARTWARMING].comments = reviews[TRAILER].comments[..2].to_vec();
    reviews[KEEP_RUNNING].comments.clear();
    let mut said = Vec::new();
    let commands: Vec<Command> = Command::all()
        .filter(|c| !matches!(c, Command::Quit | Command::Suspend | Command::Fetch))
        .collect();
    // One comment, two, none; each command once, twice, and then Esc.
    for entry in [GUILT, HEARTWARMING, KEEP_RUNNING] {
        for pane in [Focus::List, Focus::Reading] {
            for &first in &commands {
                for &second in &[first, Command::Back] {
                    let mut app = app_with(library.clone());
                    open_at(&mut app, entry);
                    focus_on(&mut app, pane);
                    for command in [first, second] {
                        send(&mut app, &[command]);
                        if matches!(app.mode(), Mode::Picker(_)) {
                            type_text(&mut app, "solo");
                            send(&mut app, &[Command::Open]);
                        }
                        if matches!(app.mode(), Mode::Prompt(..)) {
                            type_text(&mut app, "redemption");
                            send(&mut app, &[Command::Open]);
                        }
                        if !matches!(app.mode(), Mode::Normal) {
                            send(&mut app, &[Command::Back]);
                        }
                        said.extend(app.status().map(str::to_owned));
                    }
                }
            }
        }
    }
    said.sort();
    said.dedup();
    assert!(said.len() > 40, "too few messages seen: {said:#?}");
    let wrong: Vec<String> = said.iter().filter_map(|m| disagreement(m)).collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}
