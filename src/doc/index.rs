//! Finding text in a laid-out review: the lines are joined back into one string (so a
//! phrase broken across wrapped lines still matches) and hits map back to line segments.

use std::ops::Range;

use super::Doc;
use super::spoiler::PLACEHOLDER_STYLE;
use crate::data::{find_terms, find_text};

/// Part of a hit on one display line: byte offsets into that line's plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Display line.
    pub line: usize,
    /// Start byte in the line's plain text.
    pub start: usize,
    /// End byte in the line's plain text.
    pub end: usize,
}

/// One match, possibly spread over several lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The pieces to highlight, top to bottom.
    pub segments: Vec<Segment>,
}

impl Hit {
    /// The line to bring into view.
    #[must_use]
    pub fn line(&self) -> usize {
        self.segments.first().map_or(0, |s| s.line)
    }
}

/// A layout's visible text as one string (so a phrase broken across wrapped lines still
/// matches), with where each line starts in it, folded for searching: built once per
/// layout and used for every query typed. Where a character of the string came from is
/// worked out again, line by line, only for the lines a hit touches (a 5 MB review has
/// four million characters).
#[derive(Debug, Clone, Default)]
pub struct Searchable {
    text: String,
    /// Per display line, the offset in `text` where it starts.
    starts: Vec<usize>,
    /// `text` folded, when folding kept every character's length (offsets then agree).
    lower: Option<String>,
}

/// Where a character of the joined text came from: (offset in the text, byte offset in
/// its line, byte length).
type Origin = (usize, usize, usize);

/// Walks one display line as it is joined: `each(character, byte offset in the line,
/// byte length)` for what the joined text holds (leading spaces skipped, hidden spoilers
/// as NUL), then the line break as a space of length 0.
fn walk_line(line: &super::DocLine, mut each: impl FnMut(char, usize, usize)) {
    let mut column = 0;
    let mut leading = true;
    for span in &line.line.spans {
        let masked = span.style == PLACEHOLDER_STYLE;
        for c in span.content.chars() {
            let len = c.len_utf8();
            if leading && c.is_whitespace() {
                column += len;
                continue;
            }
            leading = false;
            // Hidden spoilers are NULs: no typed query can match them.
            each(if masked { '\u{0}' } else { c }, column, len);
            column += len;
        }
    }
    // A wrapped line break reads as the space it replaced.
    each(' ', column, 0);
}

impl Searchable {
    /// Joins and folds `doc`'s text.
    #[must_use]
    pub fn new(doc: &Doc) -> Self {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(doc.lines.len());
        for line in &doc.lines {
            starts.push(text.len());
            walk_line(line, |c, _, _| text.push(c));
        }
        let lower = crate::data::fold::folded_in_place(&text);
        Self {
            text,
            starts,
            lower,
        }
    }

    /// Case-insensitive matches of `query` in `doc`, the layout this was built from.
    #[must_use]
    pub fn search(&self, doc: &Doc, query: &str) -> Vec<Hit> {
        let ranges = match &self.lower {
            // Offsets in the folded text are offsets in the text: a SIMD substring search
            // does the rest.
            Some(lower) => {
                let needle = crate::data::fold::folded(query);
                if needle.trim().is_empty() {
                    Vec::new()
                } else {
                    memchr::memmem::find_iter(lower.as_bytes(), needle.as_bytes())
                        .map(|at| at..at + needle.len())
                        .collect()
                }
            }
            None => find_text(&self.text, query),
        };
        self.hits(doc, ranges)
    }

    /// (offset in `text`, byte offset in the line, length) for each character of a line.
    fn line_origin(&self, doc: &Doc, line: usize) -> Vec<Origin> {
        let mut at = self.starts[line];
        let mut origin = Vec::new();
        walk_line(&doc.lines[line], |c, column, len| {
            origin.push((at, column, len));
            at += c.len_utf8();
        });
        origin
    }

    fn hits(&self, doc: &Doc, ranges: Vec<Range<usize>>) -> Vec<Hit> {
        let mut cached: Option<(usize, Vec<Origin>)> = None;
        ranges
            .into_iter()
            .map(|range| {
                let mut line = self.starts.partition_point(|&s| s <= range.start).max(1) - 1;
                let mut segments: Vec<Segment> = Vec::new();
                while line < self.starts.len() && self.starts[line] < range.end {
                    if cached.as_ref().is_none_or(|(l, _)| *l != line) {
                        cached = Some((line, self.line_origin(doc, line)));
                    }
                    let origin = cached.as_ref().map_or(&[][..], |(_, o)| o.as_slice());
                    for &(at, column, len) in origin {
                        if at < range.start || len == 0 {
                            continue;
                        }
                        if at >= range.end {
                            break;
                        }
                        match segments.last_mut() {
                            Some(s) if s.line == line => s.end = column + len,
                            _ => segments.push(Segment {
                                line,
                                start: column,
                                end: column + len,
                            }),
                        }
                    }
                    line += 1;
                }
                Hit { segments }
            })
            .filter(|h| !h.segments.is_empty())
            .collect()
    }
}

/// Case-insensitive matches of `query` in the visible text.
#[must_use]
pub fn search(doc: &Doc, query: &str) -> Vec<Hit> {
    Searchable::new(doc).search(doc, query)
}

/// Whole-word, case-insensitive matches of any of `terms` (longest first wins).
#[must_use]
pub fn mentions(doc: &Doc, terms: &[&str]) -> Vec<Hit> {
    let joined = Searchable::new(doc);
    joined.hits(doc, find_terms(&joined.text, terms))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{DocLine, Options, build};
    use ratatui::text::Line;

    fn doc(lines: &[&str]) -> Doc {
        Doc {
            options: Options::default(),
            lines: lines
                .iter()
                .map(|l| DocLine {
                    line: Line::raw((*l).to_owned()),
                    comment: None,
                })
                .collect(),
            estimated_lines: None,
        }
    }

    #[test]
    fn a_phrase_broken_across_lines_still_matches() {
        let d = doc(&["the tragic", "   accident was"]);
        let hits = search(&d, "TRAGIC ACCIDENT");
        assert_eq!(hits.len(), 1);
        assert_eq!(
            hits[0].segments,
            [
                Segment {
                    line: 0,
                    start: 4,
                    end: 10
                },
                Segment {
                    line: 1,
                    start: 3,
                    end: 11
                }
            ]
        );
    }

    #[test]
    fn hidden_spoilers_never_match_and_revealed_ones_do() {
        let mut review = crate::data::bundled_library().collections[0].reviews[0].clone();
        review.body = "Before ||the secret twist|| after".into();
        let hidden = build(
            &review,
            &Options {
                width: 80,
                ..Options::default()
            },
        );
        assert!(search(&hidden, "secret").is_empty());
        assert!(
            search(&hidden, "spoiler").is_empty(),
            "the placeholder is not text"
        );
        let shown = build(
            &review,
            &Options {
                width: 80,
                reveal_spoilers: true,
                ..Options::default()
            },
        );
        assert_eq!(search(&shown, "secret").len(), 1);
    }

    #[test]
    fn mentions_match_whole_words() {
        let d = doc(&["Coach K met Kevin;", "Kevinator no"]);
        let hits = mentions(&d, &["Kevin", "Coach K"]);
        let lines: Vec<_> = hits.iter().map(Hit::line).collect();
        assert_eq!(lines, [0, 0]);
    }
}
