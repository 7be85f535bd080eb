//! `reelread import`: the guesses made from the plain-text seeds (checked against the
//! hand-written bundled files), the TOML's round trip, and the command's refusal to
//! overwrite without `--force`.

use std::path::Path;
use std::process::{Command, Output};

use reelread::data::{Review, bundled_library, parse_review};
use reelread::import::{Guess, guess};

/// Chrome lines of the seeds that must never reach a body or a comment.
const CHROME: &[&str] = &[
    "Leave a Reply",
    "Fill in your details",
    "You are commenting using your",
    "Connecting to %s",
    "Featured Posts",
    "WordPress.com Logo",
    "Twitter picture",
    "Facebook photo",
    "Google+ photo",
    "Our Score",
];

fn fixture_path(name: &str) -> String {
    format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).expect("fixture")
}

/// Guesses from a fixture and loads the result the way the reader would, insisting on
/// no error and no warning.
fn import(name: &str) -> (Guess, Review) {
    let stem = name.trim_end_matches(".txt");
    let guess = guess(&fixture(name), stem);
    let review = load(&guess);
    (guess, review)
}

fn load(guess: &Guess) -> Review {
    let (review, warnings) = parse_review("imported.toml", &guess.id, guess.toml.as_bytes())
        .unwrap_or_else(|e| panic!("the guess does not load: {e}\n{}", guess.toml));
    assert!(warnings.is_empty(), "{warnings:?}\n{}", guess.toml);
    review
}

fn bundled(id: &str) -> Review {
    bundled_library()
        .reviews()
        .find(|(_, r)| r.id == id)
        .map(|(_, r)| r.clone())
        .expect("bundled review")
}

fn assert_no_chrome(review: &Review) {
    let texts =
        std::iter::once(review.body.as_str()).chain(review.comments.iter().map(|c| &*c.text));
    for text in texts {
        for chrome in CHROME {
            assert!(!text.contains(chrome), "{chrome:?} left in {text:?}");
        }
    }
}

fn has_note(guess: &Guess, start: &str) -> bool {
    guess.notes.iter().any(|n| n.starts_with(start))
}

#[test]
fn the_trailer_post_keeps_its_twenty_comments_in_order_without_invented_authors() {
    let (guess, review) = import("seed-004-trailer-park-tuesday.txt");
    assert_eq!(guess.id, "trailer-park-tuesday-1-mile-to-you");
    assert_eq!(review.title, "Trailer Park Tuesday, 1 Mile To You");
    assert_eq!(review.kind, reelread::data::Kind::Preview);
    assert_eq!(review.comments.len(), 20);
    let first = &review.comments[0];
    assert_eq!(first.author.as_deref(), Some("Liz"));
    assert_eq!(first.contact.as_deref(), Some("Twitter: yesnofilms"));
    assert!(
        first.text.starts_with("This sounds interesting."),
        "{first:?}"
    );
    assert_eq!(review.comments[1].author.as_deref(), Some("robin Rue"));
    let named: Vec<(usize, &str)> = review
        .comments
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.author.as_deref().map(|a| (i + 1, a)))
        .collect();
    assert_eq!(
        named,
        [
            (1, "Liz"),
            (2, "robin Rue"),
            (10, "Pam Wattenbarger"),
            (14, "Debra Hawkins"),
            (16, "Bonnie G"),
        ]
    );
    assert!(review.comments.iter().all(|c| c.posted.is_none()));
    // The same comments as the hand-written file, word for word and in order.
    let hand = bundled("trailer-park-tuesday");
    assert_eq!(review.comments, hand.comments);
    assert!(
        review
            .body
            .trim_end()
            .ends_with("Will you being seeing 1 Mile To You?")
    );
    assert!(!review.body.contains("Liz"));
    assert!(has_note(
        &guess,
        "20 comments from numbered blocks; 5 with names"
    ));
    assert_no_chrome(&review);
}

#[test]
fn the_byline_gives_the_date_and_reading_time_and_repeats_of_the_title_go() {
    let (guess, review) = import("seed-000-heartwarming.txt");
    assert_eq!(guess.id, "1-mile-to-you");
    assert_eq!(review.title, "1 Mile To You");
    assert_eq!(
        review.published.map(|d| d.to_string()).as_deref(),
        Some("2024-06-12")
    );
    assert_eq!(review.read_minutes, Some(4));
    assert!(review.comments.is_empty());
    assert!(!guess.toml.contains("\nFeatured Posts"));
    assert_no_chrome(&review);
    // Headings from the short stand-alone lines: the very body written by hand.
    assert_eq!(review.body, bundled("heartwarming-story").body);
    for note in [
        "title: first line",
        "published: 2024-06-12 from “Jun 12, 2024”",
        "read_minutes: 4 from “4 min read”",
        "dropped site chrome: Featured Posts",
        "dropped 2 repeats of the title at the top",
    ] {
        assert!(guess.notes.iter().any(|n| n == note), "{:?}", guess.notes);
    }
}

#[test]
fn the_comment_form_is_dropped_and_bullets_become_a_list() {
    let (guess, review) = import("seed-001-power-in-your-pain.txt");
    assert_no_chrome(&review);
    assert!(review.body.trim_end().ends_with("available on YouTube."));
    assert!(
        review
            .body
            .contains("\n- You love Nicholas Sparks adaptations.")
    );
    assert!(!review.body.contains('•'));
    assert!(!review.body.contains('\u{a0}'));
    assert!(review.comments.is_empty());
    assert!(has_note(
        &guess,
        "dropped site chrome (11 lines): Leave a Reply … Connecting to %s"
    ));
    // Nothing stated, nothing guessed.
    for field in ["reviewer", "published", "rating", "read_minutes"] {
        assert!(!guess.toml.contains(&format!("\n{field} =")), "{field}");
    }
}

#[test]
fn scores_are_read_from_a_user_rating_line_and_a_star_widget() {
    let (guess, review) = import("seed-002-guilt-and-redemption.txt");
    let audience = review.audience_rating.expect("audience rating");
    assert_eq!(
        (audience.score, audience.max, audience.votes),
        (3.75, 5.0, Some(4))
    );
    assert!(
        review.rating.is_none(),
        "the empty “Our Score” widget is no score"
    );
    assert!(has_note(
        &guess,
        "audience rating 3.75/5 (4 votes) from “User Rating 3.75 (4 votes)”"
    ));
    assert!(review.body.contains("\n- **Director(s):** Leif Tilden\n"));
    assert!(review.body.contains("\n## 1 Mile To You (2017) Review\n"));
    assert_no_chrome(&review);

    let (guess, review) = import("seed-003-keep-on-running.txt");
    let rating = review.rating.expect("rating");
    assert_eq!((rating.score, rating.max), (3.0, 5.0));
    assert!(has_note(&guess, "rating 3/5 from “3/5”"));
    assert!(!review.body.contains("3/5"));
    assert!(review.body.contains("## Keep on Running\n"));
    assert_eq!(guess.id, "1-mile-to-you-2017-graham-rogers-melanie");
    assert_eq!(review.title, bundled("keep-on-running").title);
}

#[test]
fn the_header_comment_lists_every_note() {
    let (guess, _) = import("seed-004-trailer-park-tuesday.txt");
    let mut lines = guess.toml.lines();
    assert_eq!(
        lines.next(),
        Some(
            "# Imported from seed-004-trailer-park-tuesday by reelread import; check every field."
        )
    );
    for note in &guess.notes {
        assert_eq!(lines.next(), Some(format!("# - {note}").as_str()));
    }
    assert_eq!(lines.next(), Some(""));
}

#[test]
fn awkward_text_round_trips_and_notes_stay_printable() {
    let text = "Quotes ''' and \\ \"both\"\u{1b}[2J\n\nA body with ''' inside, a tab\there, a bell \u{7}.\n\n# Not a heading\n+ Not a bullet\n---\n\n  1. Ann says:\n\n    It's '''odd'''\n\n  2. Bob says:\n\n    'quoted'\n";
    let guess = guess(text, "odd");
    let review = load(&guess);
    assert_eq!(review.comments.len(), 2);
    assert_eq!(&*review.comments[0].text, "It's '''odd'''");
    assert_eq!(&*review.comments[1].text, "'quoted'");
    assert!(
        review
            .body
            .contains("\\# Not a heading\n\\+ Not a bullet\n\\---")
    );
    assert!(review.body.contains("''' inside"));
    for note in &guess.notes {
        assert!(!note.chars().any(char::is_control), "{note:?}");
    }
    for line in guess.toml.lines().take_while(|l| l.starts_with('#')) {
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "{line:?}"
        );
    }
}

#[test]
fn a_numbered_list_in_the_text_is_not_a_comment_section() {
    let text = "Top picks\n\nThree reasons to watch:\n1. Crudup\n2. The score\n3. The races\n";
    let guess = guess(text, "picks");
    let review = load(&guess);
    assert!(review.comments.is_empty());
    assert!(review.body.contains("1. Crudup\n2. The score"));
}

#[test]
fn ratings_come_only_from_lines_that_state_them() {
    let text = "Title\n\nI give it 3/5.\n\nSeen on 1/5/2024, open 24/7.\n\n★★★½☆\n";
    let guess = guess(text, "t");
    let review = load(&guess);
    let rating = review.rating.expect("stars");
    assert_eq!((rating.score, rating.max), (3.5, 5.0));
    assert!(review.body.contains("I give it 3/5."));
    assert!(review.body.contains("1/5/2024, open 24/7."));
    assert!(!review.body.contains('★'));

    let review = load(&reelread::import::guess(
        "Title\n\nA 10/10 film, I give it 3/5.\n",
        "t",
    ));
    assert!(review.rating.is_none());
    assert!(review.audience_rating.is_none());
}

#[test]
fn says_blocks_without_numbers_are_comments_with_dates() {
    let text = "A Review\n\nBy Jane Doe · March 3, 2017\n\nIt runs.\n\nRating: 4/5\n\n2 Comments\n\nAnn says:\nMarch 4, 2017 at 10:12 am\n\nLovely.\n\nBob Stone says:\n\nNot for me.\nToo slow.\n";
    let guess = guess(text, "a");
    let review = load(&guess);
    assert_eq!(review.reviewer.as_deref(), Some("Jane Doe"));
    assert_eq!(
        review.published.map(|d| d.to_string()).as_deref(),
        Some("2017-03-03")
    );
    let rating = review.rating.expect("rating");
    assert_eq!((rating.score, rating.max), (4.0, 5.0));
    assert_eq!(review.body, "It runs.\n");
    assert_eq!(review.comments.len(), 2);
    assert_eq!(review.comments[0].author.as_deref(), Some("Ann"));
    assert_eq!(
        review.comments[0].posted.map(|d| d.to_string()).as_deref(),
        Some("2017-03-04")
    );
    assert_eq!(&*review.comments[0].text, "Lovely.");
    assert_eq!(review.comments[1].author.as_deref(), Some("Bob Stone"));
    assert_eq!(&*review.comments[1].text, "Not for me.\nToo slow.");
}

#[test]
fn the_id_falls_back_to_the_file_name_and_empty_text_still_loads() {
    assert_eq!(guess("¡Ñandú!\n\nTexto.\n", "x").id, "nandu");
    let guess = guess("映画\n\nテキスト。\n", "Reseña 7");
    assert_eq!(guess.id, "resena-7");
    assert_eq!(load(&guess).title, "映画");
    let empty = reelread::import::guess("", "");
    assert_eq!(empty.id, "untitled");
    let (review, _) =
        parse_review("e.toml", &empty.id, empty.toml.as_bytes()).expect("empty text loads");
    assert_eq!(review.title, "untitled");
}

// ---------------------------------------------------------------------------------------
// The command

fn reelread(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reelread"))
        .args(args)
        .output()
        .expect("run reelread")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8 output")
}

/// Imports into `dir` as a collection: it gets a `reviews/` folder when it exists (an
/// empty folder would be a library, with each film's collection made inside it).
fn import_into(file: &str, dir: &Path, extra: &[&str]) -> Output {
    if dir.is_dir() {
        std::fs::create_dir_all(dir.join("reviews")).expect("reviews folder");
    }
    let dir = dir.to_str().expect("utf-8 temp path");
    let mut args = vec!["import", file, "--into", dir];
    args.extend_from_slice(extra);
    reelread(&args)
}

#[test]
fn import_writes_the_file_prints_its_guesses_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = fixture_path("seed-004-trailer-park-tuesday.txt");
    let target = dir
        .path()
        .join("reviews/trailer-park-tuesday-1-mile-to-you.toml");

    let out = import_into(&seed, dir.path(), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(&format!("wrote {}\n", target.display())),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n  guessed: title: first line\n"),
        "{stdout}"
    );
    assert!(stdout.contains("\n  guessed: 20 comments from numbered blocks; 5 with names"));
    let written = std::fs::read_to_string(&target).expect("written");
    assert_eq!(
        written,
        guess(
            &fixture("seed-004-trailer-park-tuesday.txt"),
            "seed-004-trailer-park-tuesday"
        )
        .toml
    );

    // A person's corrections are safe from a second import.
    let corrected = written.replace("author = \"Liz\"", "author = \"Liz C.\"");
    std::fs::write(&target, &corrected).expect("edit");
    let again = import_into(&seed, dir.path(), &[]);
    assert_eq!(again.status.code(), Some(2));
    let stderr = text(&again.stderr);
    assert!(stderr.contains(&target.display().to_string()), "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");
    assert!(again.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&target).expect("kept"), corrected);

    let forced = import_into(&seed, dir.path(), &["--force"]);
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert_eq!(std::fs::read_to_string(&target).expect("replaced"), written);
    let names: Vec<_> = std::fs::read_dir(dir.path().join("reviews"))
        .expect("reviews")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
}

mod more;
