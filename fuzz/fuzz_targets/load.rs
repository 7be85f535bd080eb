//! Any bytes as a review file and as a film file: parsing must never panic, and whatever
//! loads (or whatever error is reported) must carry no character that could act on the
//! terminal.

#![no_main]

use libfuzzer_sys::fuzz_target;
use reelread::data::{parse_film, parse_review};
use reelread::diagnostic::Diagnostic;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// Characters that are invisible though Unicode classes them as letters or marks (the
/// Hangul fillers, the combining grapheme joiner): the sanitiser replaces them too.
const INVISIBLE_LETTERS: &[char] = &['\u{34f}', '\u{115f}', '\u{1160}', '\u{3164}', '\u{ffa0}'];

/// What `sanitize` promises to leave out, from Unicode's categories: controls (Cc) but LF,
/// format characters (Cf, bidi controls among them) but the joiners emoji need, line and
/// paragraph separators (Zl, Zp); and the invisible letters.
fn dangerous(c: char) -> bool {
    match c.general_category() {
        GeneralCategory::Control => c != '\n',
        GeneralCategory::Format => !matches!(c, '\u{200c}' | '\u{200d}'),
        GeneralCategory::LineSeparator | GeneralCategory::ParagraphSeparator => true,
        _ => INVISIBLE_LETTERS.contains(&c),
    }
}

fn check_text(field: &str, text: &str) {
    assert!(!text.chars().any(dangerous), "{field}: {text:?}");
}

fn check_line(field: &str, text: &str) {
    check_text(field, text);
    assert!(!text.contains('\n'), "{field} has a line break: {text:?}");
}

fn check_diagnostic(d: &Diagnostic) {
    check_line("diagnostic", &d.to_string());
}

fn check_lines<'a>(field: &str, texts: impl IntoIterator<Item = &'a String>) {
    for text in texts {
        check_line(field, text);
    }
}

fuzz_target!(|data: &[u8]| {
    match parse_review("f.toml", "f", data) {
        Ok((review, warnings)) => {
            warnings.iter().for_each(check_diagnostic);
            check_line("id", &review.id);
            check_line("title", &review.title);
            check_text("body", &review.body);
            check_lines(
                "review field",
                [&review.source, &review.reviewer, &review.url]
                    .into_iter()
                    .flatten(),
            );
            for comment in &review.comments {
                check_text("comment", &comment.text);
                check_lines(
                    "comment field",
                    [&comment.author, &comment.contact].into_iter().flatten(),
                );
            }
        }
        Err(error) => check_diagnostic(&error),
    }
    match parse_film("film.toml", data) {
        Ok((film, warnings)) => {
            warnings.iter().for_each(check_diagnostic);
            check_line("film title", &film.title);
            check_lines("based_on", &film.based_on);
            check_lines(
                "director or genre",
                film.directors.iter().chain(&film.genres),
            );
            for member in &film.cast {
                check_line("actor", &member.actor);
                check_lines("role", &member.role);
                check_lines("alias", &member.aliases);
            }
        }
        Err(error) => check_diagnostic(&error),
    }
});
