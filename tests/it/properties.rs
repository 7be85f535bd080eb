//! Property tests for the promises about untrusted text (see docs/security.md): sanitising
//! leaves nothing that can act on a terminal and is idempotent, wrapping respects the width
//! and loses no text, and drawing hostile reviews at any size never panics nor puts a
//! control character in a cell.
//!
//! Case counts are modest so `cargo test` stays quick; raise them for a longer hunt with
//! `PROPTEST_CASES=5000 cargo test --release --test properties`.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use reelread::action::{Action, Command};
use reelread::app::{App, update};
use reelread::data::{Comment, Library, bundled_library, sanitize, sanitize_line};
use reelread::doc::wrap;
use unicode_width::UnicodeWidthStr;

/// Characters a hostile file would use, plus the awkward-but-legitimate ones (wide, combining,
/// emoji sequences) the wrapper and the screen must cope with.
const NASTY: &[char] = &[
    '\x1b', '\x1b', '\x1b', '[', ']', '\x07', '\0', '\x08', '\x0b', '\x0c', '\x7f', '\t', '\t',
    '\r', '\r', '\n', '\n', ' ', ' ', ' ', '\u{80}', '\u{85}', '\u{90}', '\u{9b}', '\u{9c}',
    '\u{9d}', '\u{9f}', '\u{ad}', '\u{34f}', '\u{61c}', '\u{180e}', '\u{200b}', '\u{200c}',
    '\u{200d}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}',
    '\u{202e}', '\u{2028}', '\u{2029}', '\u{2060}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    '\u{206f}', '\u{3164}', '\u{feff}', '\u{fff9}', '\u{fffb}', '\u{fe0f}', '\u{301}', '映', '画',
    '👩', '❤', '🇫', '\u{3000}', '\u{a0}', '\u{241b}', '\u{fffd}',
];

/// Words that give the Markdown layer, spoilers, mentions and links something to chew on.
const WORDS: &[&str] = &[
    "**",
    "_",
    "`",
    "||",
    "# ",
    "\n- ",
    "\n1. ",
    "\n> ",
    "\n\n",
    "[x](https://a.b/c)",
    "<b>",
    "&amp;",
    "\x1b[31m",
    "\x1b]8;;http://evil\x1b\\",
    "\x1b]0;title\x07",
    "\u{9b}2J",
    "Kevin",
    "Graham Rogers",
    "Coach K",
    "supercalifragilisticexpialidocious",
    "👩‍👩‍👧",
    "e\u{301}",
    "❤\u{fe0f}",
    "\r\n",
    "admin\u{e0041}",
    "ad\u{200d}min",
];

/// One piece of generated text: mostly hostile characters, with any character and whole
/// words mixed in.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(NASTY).prop_map(String::from),
        3 => "[a-z]{1,8}",
        2 => any::<char>().prop_map(String::from),
        1 => prop::sample::select(WORDS).prop_map(String::from),
    ]
}

/// Text of up to `max` tokens.
fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..max).prop_map(|tokens| tokens.concat())
}

/// Any string, or a hostile one: proptest's own `String` strategy rarely produces ESC or
/// bidi controls, so both are drawn.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), hostile_text(80)]
}

/// Characters that are invisible though Unicode classes them as letters or marks (the
/// Hangul fillers, the combining grapheme joiner): the sanitiser replaces them too.
const INVISIBLE_LETTERS: &[char] = &['\u{34f}', '\u{115f}', '\u{1160}', '\u{3164}', '\u{ffa0}'];

/// Bidi controls and invisible format characters, from Unicode's categories (see
/// `unicode.rs`), and the invisible letters: all must come out as U+FFFD.
fn is_bidi_or_invisible(c: char) -> bool {
    let breaks_or_joiners = matches!(c, '\u{200c}' | '\u{200d}' | '\u{2028}' | '\u{2029}');
    (unicode::is_dangerous(c) && !c.is_control() && !breaks_or_joiners)
        || INVISIBLE_LETTERS.contains(&c)
}

fn line_text(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Text pieces in the default style, as the Markdown layer hands them over after loading.
fn pieces() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(any_text().prop_map(|t| sanitize(&t)), 1..4)
}

/// The same without zero-width joiners (U+200D), which make the wrapper keep the characters
/// on both sides together.
fn pieces_without_joiners() -> impl Strategy<Value = Vec<String>> {
    pieces().prop_map(|texts| {
        texts
            .into_iter()
            .map(|t| t.replace('\u{200d}', ""))
            .collect()
    })
}

/// Checks every wrapped line's display width, and that no line break survives.
fn check_widths(texts: &[String], width: usize) -> Result<(), TestCaseError> {
    use unicode_width::UnicodeWidthChar;
    for line in wrap_plain(texts, width) {
        let text = line_text(&line);
        // The wrapper never breaks a run joined by U+200D, so one such run may be wider
        // than the line; the bound is the widest run, measured as the terminal does.
        let mut runs: Vec<String> = Vec::new();
        let mut joined = false;
        for c in text.chars() {
            match runs.last_mut() {
                Some(run) if joined || c == '\u{200d}' => run.push(c),
                _ => runs.push(c.to_string()),
            }
            joined = c == '\u{200d}';
        }
        let widest = runs
            .iter()
            .map(|run| {
                run.width().max(
                    run.chars()
                        .filter_map(UnicodeWidthChar::width)
                        .max()
                        .unwrap_or(0),
                )
            })
            .max()
            .unwrap_or(0);
        let bound = width.max(2).max(widest);
        prop_assert!(
            text.width() <= bound,
            "{:?} is {} columns at width {}",
            text,
            text.width(),
            width
        );
        prop_assert!(!text.contains('\n'), "{:?}", text);
    }
    Ok(())
}

fn wrap_plain(texts: &[String], width: usize) -> Vec<Line<'static>> {
    let pieces: Vec<(String, Style)> = texts
        .iter()
        .map(|t| (t.clone(), Style::default()))
        .collect();
    wrap(&pieces, width, &Span::raw(""), &Span::raw(""))
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn sanitize_leaves_no_control_but_newline(text in any_text()) {
        let clean = sanitize(&text);
        for c in clean.chars() {
            prop_assert!(c == '\n' || !c.is_control(), "{c:?} left in {clean:?}");
            prop_assert!(!is_bidi_or_invisible(c), "{c:?} left in {clean:?}");
            prop_assert!(!matches!(c, '\t' | '\r' | '\u{2028}' | '\u{2029}'), "{c:?} left in {clean:?}");
        }
    }

    #[test]
    fn sanitize_line_leaves_one_line_without_controls(text in any_text()) {
        let clean = sanitize_line(&text);
        prop_assert!(!clean.chars().any(|c| c.is_control() || is_bidi_or_invisible(c)), "{clean:?}");
    }

    #[test]
    fn sanitize_is_idempotent(text in any_text()) {
        let once = sanitize(&text);
        prop_assert_eq!(sanitize(&once), once);
    }

    #[test]
    fn sanitize_line_is_idempotent(text in any_text()) {
        let once = sanitize_line(&text);
        prop_assert_eq!(sanitize_line(&once), once);
    }

    /// What `wrap` guarantees, measured as the terminal sees it (`UnicodeWidthStr` on the
    /// whole line): every line fits in `width` columns, except that a character wider than
    /// the line (CJK or emoji at width 1) is put on a line of its own rather than dropped.
    /// Every character is at most 2 columns wide except U+17D8 (3), so the bound is
    /// `max(width, 2)`, or that character's width. Emoji with variation selectors (`❤\u{fe0f}`,
    /// 2 columns) count as one character. Text without joiners; the next property adds them.
    #[test]
    fn wrapped_lines_fit(texts in pieces_without_joiners(), width in 1usize..=120) {
        check_widths(&texts, width)?;
    }

    /// The same for any text: a zero-width joiner binds only emoji sequences, so a chain
    /// such as `映\u{200d}映\u{200d}映` still breaks to fit.
    #[test]
    fn wrapped_lines_fit_with_joiners(texts in pieces(), width in 1usize..=120) {
        check_widths(&texts, width)?;
    }

    #[test]
    fn wrapping_loses_no_text(texts in pieces(), width in 1usize..=120) {
        let lines = wrap_plain(&texts, width);
        let out: String = lines.iter().map(line_text).collect();
        prop_assert_eq!(without_whitespace(&out), without_whitespace(&texts.concat()));
    }
}

/// One step of a session: an action, or a search typed out.
fn step() -> impl Strategy<Value = Vec<Action>> {
    let typed = prop::collection::vec(
        prop_oneof![
            3 => prop::char::range('a', 'z'),
            1 => prop::sample::select(NASTY),
            1 => any::<char>(),
        ],
        0..6,
    );
    prop_oneof![
        2 => Just(vec![Action::Run(Command::Down)]),
        2 => Just(vec![Action::Run(Command::NextSource)]),
        1 => Just(vec![Action::Run(Command::Split)]),
        2 => typed.prop_map(|chars| {
            let mut actions = vec![Action::Run(Command::Search)];
            actions.extend(chars.into_iter().map(Action::Input));
            actions.push(Action::Run(Command::Open));
            actions
        }),
        1 => Just(vec![Action::Run(Command::Filter), Action::Input('e')]),
        1 => Just(vec![Action::Run(Command::Help)]),
        1 => Just(vec![Action::Run(Command::Ratings)]),
        1 => Just(vec![Action::Run(Command::Back)]),
        1 => Just(vec![Action::Run(Command::FocusNext)]),
        1 => Just(vec![Action::Run(Command::Open)]),
        1 => Just(vec![Action::Run(Command::PageDown)]),
        1 => Just(vec![Action::Run(Command::Bottom)]),
        1 => Just(vec![Action::Run(Command::ToggleSpoilers)]),
        1 => Just(vec![Action::Run(Command::NextComment)]),
        1 => (0u16..=200, 0u16..=60).prop_map(|(w, h)| vec![Action::Resize(w, h)]),
    ]
}

/// Arbitrary text for one review of the bundled library, sanitised as the loader would.
#[derive(Debug, Clone)]
struct Hostile {
    review: usize,
    title: String,
    body: String,
    comments: Vec<(String, String)>,
}

fn hostile_review() -> impl Strategy<Value = Hostile> {
    (
        0usize..5,
        hostile_text(20),
        hostile_text(150),
        prop::collection::vec((hostile_text(6), hostile_text(40)), 0..4),
    )
        .prop_map(|(review, title, body, comments)| Hostile {
            review,
            title,
            body,
            comments,
        })
}

fn library_with(hostile: &Hostile) -> Library {
    let mut library = bundled_library();
    let reviews = &mut library.collections[0].reviews;
    let index = hostile.review % reviews.len();
    let review = &mut reviews[index];
    // Titles and names go through `sanitize_line`, bodies and comments through `sanitize`,
    // exactly as `parse_review` does; an empty title would not load, so keep one character.
    review.title = sanitize_line(&format!("T{}", hostile.title));
    review.body = sanitize(&hostile.body);
    review.comments = hostile
        .comments
        .iter()
        .map(|(author, text)| Comment {
            text: sanitize(text).into(),
            author: Some(sanitize_line(author))
                .filter(|a| !a.is_empty())
                .map(Into::into),
            ..Comment::default()
        })
        .collect();
    library
}

/// Draws `app` at its size and checks every cell: never a control character (ESC
/// included), and no bidi or invisible format character unless `typed_bidi` — the user's
/// own keystrokes are echoed in the prompt as typed (see docs/security.md).
fn draw_and_check(app: &App, typed_bidi: bool) -> Result<(), TestCaseError> {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            prop_assert!(
                !symbol.chars().any(|c| c.is_control() || c == '\x1b'),
                "control character in cell ({x}, {y}): {symbol:?}"
            );
            prop_assert!(
                typed_bidi || !symbol.chars().any(is_bidi_or_invisible),
                "bidi or invisible character in cell ({x}, {y}): {symbol:?}"
            );
        }
    }
    Ok(())
}

/// Cases for the properties below: `PROPTEST_CASES` when set, else `default`.
fn config(default: u32) -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = default;
    }
    config
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn hostile_reviews_draw_cleanly_at_any_size(
        hostile in hostile_review(),
        size in (0u16..=200, 0u16..=60),
        steps in prop::collection::vec(step(), 0..6),
    ) {
        let typed_bidi = steps
            .iter()
            .flatten()
            .any(|a| matches!(a, Action::Input(c) if is_bidi_or_invisible(*c)));
        let mut app = App::new(library_with(&hostile));
        update(&mut app, Action::Resize(size.0, size.1));
        draw_and_check(&app, typed_bidi)?;
        for actions in steps {
            for action in actions {
                update(&mut app, action);
            }
            draw_and_check(&app, typed_bidi)?;
        }
    }
}

mod mentions;
mod unicode;
