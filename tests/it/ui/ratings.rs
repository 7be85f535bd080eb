//! The ratings popup (`r`): grouped by film in a library, laid out by content at every
//! width from the minimum up, and scrolled when it has more lines than fit.

use std::path::PathBuf;

use reelread::action::{Action, Command};
use reelread::app::{App, Mode, update};
use reelread::data::{bundled_library, load_path};

use super::{app_at, draw, screen_text};

/// Three films (Arrival, Paddington 2, The Room) with scores on different scales, from
/// named and unnamed sources.
fn library() -> reelread::data::Library {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ratings-library");
    let library = load_path(&path);
    assert_eq!(library.collections.len(), 3, "{:?}", library.diagnostics);
    library
}

fn library_at(width: u16, height: u16, actions: &[Action]) -> App {
    let mut app = App::new(library());
    update(&mut app, Action::Resize(width, height));
    for action in actions {
        update(&mut app, action.clone());
    }
    app
}

fn ratings_at(width: u16, height: u16) -> String {
    screen_text(&draw(&library_at(
        width,
        height,
        &[Action::Run(Command::Ratings)],
    )))
}

fn position(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{text}"))
}

#[test]
fn bundled_collection() {
    for (w, h) in [(120, 40), (80, 24)] {
        let terminal = draw(&app_at(w, h, &[Action::Run(Command::Ratings)]));
        insta::assert_snapshot!(format!("ratings_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn library_of_three_films() {
    for (w, h) in [(40, 20), (44, 20), (69, 24), (120, 40)] {
        let terminal = draw(&library_at(w, h, &[Action::Run(Command::Ratings)]));
        insta::assert_snapshot!(format!("ratings_library_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn a_library_is_grouped_by_film_with_an_average_each() {
    let text = ratings_at(120, 50);
    // Each film under its own heading, the open review's film first.
    let arrival = position(&text, "Arrival (2016) · current film");
    let paddington = position(&text, "Paddington 2 (2017)");
    let room = position(&text, "The Room (2003)");
    assert!(arrival < paddington && paddington < room, "{text}");
    // Arrival: critics 100, 70, 100; audience 84, 82. Paddington: 90; 92, 78.
    // The Room: 20, 20; 36. Averaged over all films they would be 67% over 6.
    let averages: Vec<&str> = text.lines().filter(|l| l.contains("Average")).collect();
    assert_eq!(averages.len(), 3, "{text}");
    for (line, critic, audience) in [
        (averages[0], "90% over 3", "83% over 2"),
        (averages[1], "90% over 1", "85% over 2"),
        (averages[2], "20% over 2", "36% over 1"),
    ] {
        assert!(line.contains(critic) && line.contains(audience), "{line}");
    }
    assert!(averages[0].contains("1 unrated"), "{}", averages[0]);
    // Each review sits under its own film.
    let variety = position(&text, "Variety · Owen Gleiberman");
    assert!(paddington < variety && variety < room, "{text}");
}

#[test]
fn the_current_film_is_the_open_reviews() {
    // The list is in file order: four reviews of Arrival, then Paddington 2's.
    let mut actions = vec![Action::Run(Command::Down); 4];
    actions.extend([Action::Run(Command::Open), Action::Run(Command::Ratings)]);
    let text = screen_text(&draw(&library_at(120, 50, &actions)));
    let paddington = position(&text, "Paddington 2 (2017) · current film");
    let arrival = position(&text, "Arrival (2016)");
    let room = position(&text, "The Room (2003)");
    assert!(paddington < arrival && arrival < room, "{text}");
}

#[test]
fn one_film_has_no_film_heading() {
    let text = screen_text(&draw(&app_at(80, 24, &[Action::Run(Command::Ratings)])));
    assert!(!text.contains("current film"), "{text}");
    assert_eq!(text.matches("Average").count(), 1, "{text}");
}

/// The popup's lines (between its side borders), top border and bottom border included.
fn popup_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let start = line.find(['║', '╔', '╚'])?;
            let end = line.rfind(['║', '╗', '╝'])?;
            // Every border character is three bytes long.
            (end > start).then(|| line[start..end + 3].to_owned())
        })
        .collect()
}

#[test]
fn every_width_keeps_the_source_names_the_ranges_and_whole_averages() {
    let names = [
        "The Guardian",
        "Letterboxd",
        "RogerEbert.c",
        "Why Arrival ",
        "Variety · Ow",
        "IMDb · user-",
    ];
    for width in 40..=200 {
        let text = ratings_at(width, 30);
        let lines = popup_lines(&text);
        for name in names {
            assert!(
                lines.iter().any(|l| l.starts_with(&format!("║{name}"))),
                "{width} columns: no row starts with {name:?}\n{text}"
            );
        }
        assert!(text.contains("80–100%"), "{width} columns\n{text}");
        for line in lines.iter().filter(|l| l.contains("Average")) {
            assert!(
                line.matches('%').count() == 2,
                "{width} columns: an average is cut: {line}"
            );
        }
    }
}

#[test]
fn scores_get_their_detail_when_there_is_room() {
    let text = ratings_at(120, 40);
    // The widest cells, whole, and the source names beside them.
    assert!(text.contains("4.1/5 (1204311 votes) · 82%"), "{text}");
    assert!(text.contains("The Guardian · Peter Bradshaw"), "{text}");
    assert!(text.contains("Average · 1 unrated"), "{text}");
    // Narrower, the vote counts go before the names are cut short, then the scales.
    let text = ratings_at(69, 24);
    assert!(text.contains("The Guardian · Peter Bradshaw"), "{text}");
    assert!(
        text.contains("4.2/5 · 84%") && !text.contains("votes"),
        "{text}"
    );
    let text = ratings_at(44, 20);
    assert!(text.contains("100%") && !text.contains("votes"), "{text}");
    assert!(text.contains("║The Guardian · Peter B…"), "{text}");
}

#[test]
fn more_lines_than_fit_scroll_with_a_mark() {
    let mut app = library_at(80, 24, &[Action::Run(Command::Ratings)]);
    let text = screen_text(&draw(&app));
    assert!(text.contains("j/k scroll · more ↓"), "{text}");
    assert!(!text.contains("The Room (2003)"), "{text}");
    update(&mut app, Action::Run(Command::Down));
    assert_eq!(app.mode(), &Mode::Ratings(1));
    let text = screen_text(&draw(&app));
    assert!(text.contains("↑ more ↓"), "{text}");
    update(&mut app, Action::Run(Command::Bottom));
    let text = screen_text(&draw(&app));
    assert!(
        text.contains("The Room (2003)") && text.contains("↑ more"),
        "{text}"
    );
    assert!(!text.contains("more ↓"), "{text}");
    // A histogram says whose it is, should its film's heading have scrolled away.
    assert!(text.contains("Scores of The Room by range"), "{text}");
    // The end is the end: one step up moves at once.
    let Mode::Ratings(last) = *app.mode() else {
        panic!("the popup closed");
    };
    update(&mut app, Action::Run(Command::Down));
    assert_eq!(app.mode(), &Mode::Ratings(last));
    update(&mut app, Action::Run(Command::Up));
    assert_eq!(app.mode(), &Mode::Ratings(last - 1));
    update(&mut app, Action::Run(Command::Top));
    assert_eq!(app.mode(), &Mode::Ratings(0));
    // Lines that all fit do not scroll.
    let mut app = library_at(120, 60, &[Action::Run(Command::Ratings)]);
    update(&mut app, Action::Run(Command::Down));
    assert_eq!(app.mode(), &Mode::Ratings(0));
    assert!(!screen_text(&draw(&app)).contains("more"));
}

#[test]
fn a_long_library_scrolls_to_its_last_review() {
    let mut library = bundled_library();
    let reviews = library.collections[0].reviews.clone();
    for i in 0..100 {
        let mut extra = reviews[i % reviews.len()].clone();
        extra.id = format!("extra-{i:02}");
        extra.title = format!("Extra review {i:02}");
        library.collections[0].reviews.push(extra);
    }
    let mut app = App::new(library);
    update(&mut app, Action::Resize(120, 40));
    update(&mut app, Action::Run(Command::Ratings));
    let text = screen_text(&draw(&app));
    assert!(
        text.contains("more ↓") && !text.contains("Extra review 99"),
        "{text}"
    );
    update(&mut app, Action::Run(Command::Bottom));
    let text = screen_text(&draw(&app));
    assert!(text.contains("Extra review 99"), "{text}");
    assert!(text.contains("Average"), "{text}");
    // A page down from the top moves a whole screenful of lines, less the frame.
    update(&mut app, Action::Run(Command::Top));
    update(&mut app, Action::Run(Command::PageDown));
    assert_eq!(app.mode(), &Mode::Ratings(37));
}

#[test]
fn an_empty_list_says_so() {
    let mut actions = vec![Action::Run(Command::Search)];
    actions.extend("zzzz".chars().map(Action::Input));
    actions.extend([Action::Run(Command::Open), Action::Run(Command::Ratings)]);
    let app = library_at(80, 24, &actions);
    assert_eq!(app.visible_len(), 0);
    let text = screen_text(&draw(&app));
    assert!(text.contains("No reviews in the list."), "{text}");
    assert!(!text.contains("Average"), "{text}");
}

#[test]
fn a_taller_window_brings_the_scroll_back_within_the_lines() {
    let mut app = library_at(
        80,
        24,
        &[Action::Run(Command::Ratings), Action::Run(Command::Bottom)],
    );
    assert_ne!(app.mode(), &Mode::Ratings(0));
    update(&mut app, Action::Resize(120, 60));
    let text = screen_text(&draw(&app));
    assert!(
        text.contains("Arrival (2016)") && !text.contains("more"),
        "{text}"
    );
    // The next key starts from what is drawn, not from the old bottom.
    update(&mut app, Action::Run(Command::Up));
    assert_eq!(app.mode(), &Mode::Ratings(0));
}
