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

/// The review's visible text as one string, with where each character came from.
struct Joined {
    text: String,
    /// Per character of `text`: (byte offset in `text`, line, byte offset in line, length).
    origin: Vec<(usize, usize, usize, usize)>,
}

fn join(doc: &Doc) -> Joined {
    let mut text = String::new();
    let mut origin = Vec::new();
    for (line_no, line) in doc.lines.iter().enumerate() {
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
                origin.push((text.len(), line_no, column, len));
                // Hidden spoilers are NULs: no typed query can match them.
                text.push(if masked { '\u{0}' } else { c });
                column += len;
            }
        }
        // A wrapped line break reads as the space it replaced.
        origin.push((text.len(), line_no, column, 0));
        text.push(' ');
    }
    Joined { text, origin }
}

impl Joined {
    fn hits(&self, ranges: Vec<Range<usize>>) -> Vec<Hit> {
        ranges
            .into_iter()
            .map(|range| {
                let first = self.origin.partition_point(|o| o.0 < range.start);
                let mut segments: Vec<Segment> = Vec::new();
                for &(at, line, column, len) in &self.origin[first..] {
                    if at >= range.end {
                        break;
                    }
                    match segments.last_mut() {
                        Some(s) if s.line == line => s.end = column + len,
                        _ if len > 0 => segments.push(Segment {
                            line,
                            start: column,
                            end: column + len,
                        }),
                        _ => {}
                    }
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
    let joined = join(doc);
    joined.hits(find_text(&joined.text, query))
}

/// Whole-word, case-insensitive matches of any of `terms` (longest first wins).
#[must_use]
pub fn mentions(doc: &Doc, terms: &[&str]) -> Vec<Hit> {
    let joined = join(doc);
    joined.hits(find_terms(&joined.text, terms))
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
