//! Any bytes as a review file and as a film file: parsing must never panic, and whatever
//! loads (or whatever error is reported) must carry no character that could act on the
//! terminal.

#![no_main]

use libfuzzer_sys::fuzz_target;
use reelread::data::{parse_film, parse_review};
use reelread::diagnostic::Diagnostic;

/// Controls (ESC, C0 but LF, DEL, C1) and bidi or invisible format characters: what
/// `sanitize` promises to leave out.
fn dangerous(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{61c}'
                | '\u{180e}'
                | '\u{200b}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{ad}'
                | '\u{34f}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{3164}'
                | '\u{ffa0}'
                | '\u{e0000}'..='\u{e007f}'
        )
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
