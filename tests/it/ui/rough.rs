//! The rough edges of issue 13 a new user met at 80×24: the help in sections with its
//! scroll marks, the cast on demand, list rows that say only what is known.

use reelread::action::{Action, Command};
use reelread::app::{App, Mode, Settings, update};
use reelread::config::ListStyle;
use reelread::data::{Library, bundled_library};

use super::{app_at, draw, screen_text};

/// Two films: the bundled one, and a copy under another title whose reviews have a
/// reviewer and a source (one of them lacks the source, one the reviewer).
fn two_films() -> Library {
    let mut library = bundled_library();
    let mut second = library.collections[0].clone();
    "second".clone_into(&mut second.name);
    "The Second Film".clone_into(&mut second.film.title);
    for (i, review) in second.reviews.iter_mut().enumerate() {
        review.id = format!("second-{i}");
        review.reviewer = (i != 1).then(|| format!("Critic {i}").into());
        review.source = (i != 2).then(|| "The Daily Reel".into());
    }
    library.collections.push(second);
    library
}

fn library_app(style: ListStyle, width: u16, height: u16, commands: &[Command]) -> App {
    let settings = Settings {
        list_style: style,
        ..Settings::default()
    };
    let mut app = App::with_settings(two_films(), settings);
    update(&mut app, Action::Resize(width, height));
    for &command in commands {
        update(&mut app, command);
    }
    app
}

#[test]
fn the_help_is_in_sections_with_a_scroll_mark() {
    let app = app_at(80, 24, &[Action::Run(Command::Help)]);
    let text = screen_text(&draw(&app));
    for heading in [" Move ", " Read "] {
        assert!(text.contains(heading), "{heading} missing:\n{text}");
    }
    assert!(
        text.contains("more ↓") && !text.contains("more ↑"),
        "{text}"
    );
    // No description is cut: the longest wraps onto a second line.
    assert!(text.contains("highlight their mentions"), "{text}");
    insta::assert_snapshot!("help_sections_80x24", text);

    let wide = screen_text(&draw(&app_at(200, 50, &[Action::Run(Command::Help)])));
    let headings = [
        " Read ",
        " Find ",
        " Filter ",
        " Mark and share ",
        " Leave ",
    ];
    let both = wide
        .lines()
        .any(|l| l.contains(" Move ") && headings.iter().any(|h| l.contains(h)));
    assert!(both, "two columns at 200×50:\n{wide}");
    assert!(
        !wide.contains("more ↓") && wide.contains("Symbols"),
        "{wide}"
    );
    insta::assert_snapshot!("help_sections_200x50", wide);
}

#[test]
fn the_help_scrolls_to_its_last_line_and_no_further() {
    let mut app = app_at(80, 24, &[Action::Run(Command::Help)]);
    update(&mut app, Command::Bottom);
    let at_end = app.mode().clone();
    update(&mut app, Command::Down);
    assert_eq!(app.mode(), &at_end, "Down at the end stays");
    let text = screen_text(&draw(&app));
    assert!(
        text.contains("more ↑") && !text.contains("more ↓"),
        "{text}"
    );
    assert!(
        text.contains("A comment new since you read the review"),
        "the last symbol shows:\n{text}"
    );
    update(&mut app, Command::Up);
    assert_ne!(app.mode(), &at_end, "one Up moves back at once");
    update(&mut app, Command::PageUp);
    update(&mut app, Command::PageUp);
    update(&mut app, Command::PageUp);
    assert_eq!(app.mode(), &Mode::Help(0));
}

#[test]
fn every_symbol_means_one_thing_and_the_help_lists_it() {
    use reelread::keymap::symbols;
    let text = screen_text(&draw(&app_at(200, 50, &[Action::Run(Command::Help)])));
    for (mark, meaning) in symbols::SYMBOLS {
        let listed = text
            .lines()
            .any(|l| l.contains(mark) && l.contains(meaning));
        assert!(listed, "{mark} {meaning} missing:\n{text}");
    }
    // The focused pane, an unread review and a mentioned actor no longer share ●.
    let screen = screen_text(&draw(&app_at(120, 40, &[])));
    assert!(screen.contains("◉ Reviews"), "{screen}");
    assert!(screen.contains("◇ Graham Rogers"), "{screen}");
    assert!(screen.contains("● 1 Mile To You"), "{screen}");
    assert!(!screen.contains('★'), "no star means a score: {screen}");
}

#[test]
fn the_cast_opens_as_a_popup_at_80x24() {
    let mut app = app_at(80, 24, &[]);
    assert!(app.panes().cast.is_none(), "no sidebar at 80 columns");
    update(&mut app, Command::ToggleCast);
    assert_eq!(app.mode(), &Mode::Cast);
    update(&mut app, Command::Down);
    let text = screen_text(&draw(&app));
    assert!(text.contains("Cast · 7/9 mentioned"), "{text}");
    assert!(text.contains("Enter highlights"), "{text}");
    insta::assert_snapshot!("cast_popup_80x24", text);

    update(&mut app, Command::Open);
    assert_eq!(
        app.cast_focus().map(|f| f.actor.as_str()),
        Some("Billy Crudup"),
        "Enter highlights the actor under the cursor"
    );
    assert_eq!(app.mode(), &Mode::Cast, "and the popup stays");
    assert!(app.status().is_some_and(|s| s.contains("Billy Crudup")));
    update(&mut app, Command::Back);
    assert_eq!(app.mode(), &Mode::Normal);
    assert!(
        app.cast_focus().is_some(),
        "Esc closes; the highlight stays"
    );
    update(&mut app, Command::NextMention);
    let current = app.cast_focus().and_then(|f| f.current);
    assert_eq!(current, Some(0), "m jumps to the first mention");
    // m in the popup closes it and jumps.
    update(&mut app, Command::ToggleCast);
    update(&mut app, Command::NextMention);
    assert_eq!(app.mode(), &Mode::Normal);
    assert_eq!(app.cast_focus().and_then(|f| f.current), Some(1));
}

#[test]
fn the_cast_key_hides_and_shows_a_sidebar_that_fits() {
    use reelread::app::Focus;
    let mut app = app_at(120, 40, &[]);
    assert!(app.panes().cast.is_some());
    update(&mut app, Command::ToggleCast);
    assert!(app.panes().cast.is_none(), "C hides the sidebar");
    assert_eq!(app.mode(), &Mode::Normal);
    update(&mut app, Command::ToggleCast);
    assert!(app.panes().cast.is_some(), "C shows it again");
    assert_eq!(app.focus(), Focus::Cast, "ready for Enter on an actor");
    // Narrower, the same key opens the popup instead.
    update(&mut app, Action::Resize(100, 30));
    update(&mut app, Command::ToggleCast);
    assert_eq!(app.mode(), &Mode::Cast);
    update(&mut app, Command::ToggleCast);
    assert_eq!(app.mode(), &Mode::Normal, "C closes it too");
}

#[test]
fn library_rows_name_the_film_and_reviewer_first_and_leave_out_the_unknown() {
    let app = library_app(ListStyle::Cards, 80, 24, &[Command::Bottom]);
    let text = screen_text(&draw(&app));
    let list: String = text
        .lines()
        .map(|l| l.chars().take(28).collect::<String>() + "\n")
        .collect();
    assert!(!list.contains("unknown"), "{list}");
    // At 28 columns the film is shortened so the reviewer stays whole.
    assert!(text.contains("The Second… · Critic 4 …"), "{text}");
    assert!(
        text.contains("The Second Film · The D"),
        "no reviewer: {text}"
    );
    let wide = library_app(ListStyle::Cards, 200, 50, &[Command::Bottom]);
    let wide = screen_text(&draw(&wide));
    assert!(
        wide.contains("The Second Film · Critic 4 · The Dai"),
        "{wide}"
    );
    insta::assert_snapshot!("library_cards_80x24", text);

    let compact = library_app(ListStyle::Compact, 80, 24, &[Command::Bottom]);
    assert_eq!(compact.list_item_height(), 1);
    let text = screen_text(&draw(&compact));
    let rows = text
        .lines()
        .skip(1)
        .map(|l| l.chars().take(28).collect::<String>())
        .filter(|l| l.contains("1 Mile") || l.contains("Trailer"))
        .count();
    assert_eq!(rows, 10, "one row a review:\n{text}");
    insta::assert_snapshot!("library_compact_80x24", text);
}

#[test]
fn sorted_by_length_each_row_shows_its_words() {
    let to_length = [Command::Sort; 4];
    let app = library_app(ListStyle::Cards, 120, 40, &to_length);
    assert_eq!(app.sort().0, reelread::query::SortKey::Length);
    let text = screen_text(&draw(&app));
    let (_, first) = app.entry(app.visible().next().map_or(0, |(e, ..)| e));
    let words = first.word_count();
    assert!(text.contains(&format!("{words} words")), "{words}:\n{text}");
    let compact = library_app(ListStyle::Compact, 120, 40, &to_length);
    assert!(screen_text(&draw(&compact)).contains(&format!("{words} words")));
    let unsorted = screen_text(&draw(&library_app(ListStyle::Cards, 120, 40, &[])));
    assert!(!unsorted.contains(" words"), "{unsorted}");
}

#[test]
fn the_mouse_picks_an_actor_in_the_cast_popup_and_a_click_outside_closes_it() {
    let mut app = app_at(80, 24, &[Action::Run(Command::ToggleCast)]);
    let popup = reelread::app::cast_popup_area(ratatui::layout::Rect::new(0, 0, 80, 24));
    // The second actor's name row: below the border, one actor (three rows) down.
    update(&mut app, Action::Click(popup.x + 4, popup.y + 1 + 3));
    assert_eq!(
        app.cast_focus().map(|f| f.actor.as_str()),
        Some("Billy Crudup")
    );
    update(&mut app, Action::Wheel(popup.x + 4, popup.y + 2, true));
    assert_eq!(app.cast_cursor(), 2);
    update(&mut app, Action::Click(0, 0));
    assert_eq!(app.mode(), &Mode::Normal);
}

#[test]
fn after_a_resize_one_up_moves_the_help_at_once() {
    let mut app = app_at(80, 24, &[Action::Run(Command::Help)]);
    update(&mut app, Command::Bottom);
    update(&mut app, Action::Resize(200, 50));
    // Everything fits at 200×50: the page is at its top, and Up keeps it there.
    update(&mut app, Command::Up);
    assert_eq!(app.mode(), &Mode::Help(0));
}
