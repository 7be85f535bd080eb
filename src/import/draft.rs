//! What is guessed: the public [`Guess`], the [`Draft`] the passes fill in, [`guess`]
//! running those passes in order, and the phrasing every note shares.

use crate::data::{AudienceRating, Comment, Date, Rating, sanitize_line};

use super::body::body;
use super::byline::leading_lines;
use super::clean::{drop_chrome, normalize};
use super::comments::take_comments;
use super::output::{id_for, write_toml};
use super::rating::rating_lines;

/// Longest excerpt of the text quoted in a note, in characters.
const MAX_QUOTE: usize = 60;

/// A review file guessed from plain text, with what was guessed so a person can check it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    /// The file stem to save under (`reviews/ID.toml`): a slug of the title, or of the
    /// file name when the title has no Latin letters or digits.
    pub id: String,
    /// The review file: a header comment listing the notes, then the fields found.
    pub toml: String,
    /// One human-readable line per guess, e.g. `title: first line`; safe to print.
    pub notes: Vec<String>,
}

impl Guess {
    /// Records one more note (e.g. the caller's own finding about the file) both in
    /// [`Guess::notes`] and in the TOML's header comment, so the two stay the same.
    pub fn add_note(&mut self, note: &str) {
        let note = sanitize_line(note);
        let header_end = self.toml.find("\n\n").map_or(self.toml.len(), |i| i + 1);
        self.toml.insert_str(header_end, &format!("# - {note}\n"));
        self.notes.push(note);
    }
}

/// Everything found, before it is written out.
#[derive(Debug, Default)]
pub(super) struct Draft {
    pub(super) title: String,
    pub(super) preview: bool,
    pub(super) reviewer: Option<String>,
    pub(super) published: Option<Date>,
    pub(super) read_minutes: Option<u32>,
    pub(super) rating: Option<Rating>,
    pub(super) audience: Option<AudienceRating>,
    pub(super) body: String,
    pub(super) comments: Vec<Comment>,
}

/// Guesses a review file from a plain-text review; `file_stem` names the source in the
/// header and is the fallback for the title and the ID.
#[must_use]
pub fn guess(text: &str, file_stem: &str) -> Guess {
    // What cleaning finds is noted after the title, which a reader checks first.
    let mut cleaning = Vec::new();
    let mut lines = normalize(text, &mut cleaning);
    drop_chrome(&mut lines, &mut cleaning);
    let mut notes = Vec::new();
    let mut draft = Draft::default();
    if let Some(first) = lines.iter().position(|l| !l.trim().is_empty()) {
        draft.title = lines[first].trim().to_owned();
        lines.drain(..=first);
        if draft.title.chars().count() > 120 {
            notes.push("title: first line (a long one: is it really the title?)".to_owned());
        } else {
            notes.push("title: first line".to_owned());
        }
    } else {
        let stem = file_stem.trim();
        if stem.is_empty() { "untitled" } else { stem }.clone_into(&mut draft.title);
        notes.push(format!(
            "title: {} (the text is empty)",
            quote(&draft.title)
        ));
    }
    notes.append(&mut cleaning);
    if has_word(&draft.title, "trailer") {
        draft.preview = true;
        notes.push("kind: preview, as the title mentions a trailer".to_owned());
    }
    draft.comments = take_comments(&mut lines, &mut notes);
    leading_lines(&mut lines, &mut draft, &mut notes);
    rating_lines(&mut lines, &mut draft, &mut notes);
    draft.body = body(&lines, &mut notes);
    if draft.body.contains("||") || draft.comments.iter().any(|c| c.text.contains("||")) {
        notes.push("the text has “||”, which reelread reads as a spoiler marker".to_owned());
    }
    let id = id_for(&draft.title, file_stem, &mut notes);
    let notes: Vec<String> = notes.iter().map(|n| sanitize_line(n)).collect();
    let toml = write_toml(&draft, file_stem, &notes);
    Guess { id, toml, notes }
}

/// Equal but for case and spacing.
pub(super) fn same_text(a: &str, b: &str) -> bool {
    flat(a).to_lowercase() == flat(b).to_lowercase()
}

/// The text with spacing collapsed (runs of white space as one space, ends trimmed), so
/// line breaks and indents from the page do not matter.
pub(super) fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `“text”`, shortened and with spacing collapsed, for a note.
pub(super) fn quote(text: &str) -> String {
    format!("“{}”", quote_bare(text))
}

/// The text of [`quote`] without the quotation marks, for notes that list excerpts.
pub(super) fn quote_bare(text: &str) -> String {
    let flat = flat(text);
    if flat.chars().count() > MAX_QUOTE {
        let cut: String = flat.chars().take(MAX_QUOTE - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        flat
    }
}

/// `3` for 3.0, `3.75` for 3.75.
pub(super) fn fmt_num(n: f64) -> String {
    format!("{n}")
}

/// The ending that makes a noun agree with `n` (`1 comment`, `2 comments`).
pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The first `max` items joined by commas, then `…` when there are more, so a note that
/// names things stays one readable line.
pub(super) fn listed<S: AsRef<str>>(items: &[S], max: usize) -> String {
    let shown: Vec<&str> = items.iter().take(max).map(AsRef::as_ref).collect();
    let more = if items.len() > max { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}

/// Whether `word` appears in `text` as a whole word, in any case.
fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word))
}
