//! Word wrapping of styled text by display width (CJK, emoji and combining marks
//! included), so every pane and `show --width` break lines the same way.

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A run of text in one style: the unit the Markdown layer hands to the wrapper.
pub type Piece = (String, Style);

/// Wraps `pieces` into lines of at most `width` columns, the first line starting with
/// `first_prefix` and the others with `rest_prefix` (a hanging indent).
#[must_use]
pub fn wrap(
    pieces: &[Piece],
    width: usize,
    first_prefix: &Span<'static>,
    rest_prefix: &Span<'static>,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut line = Builder::new(first_prefix.clone(), width);
    let (words, parts) = words(pieces);
    for word in words {
        if word.is_hard_break {
            out.push(line.finish());
            line = Builder::new(rest_prefix.clone(), width);
            continue;
        }
        let word_parts = &parts[word.parts];
        let word_width: usize = word_parts.iter().map(|(t, _)| text_width(t)).sum();
        if !line.is_empty() && line.used + 1 + word_width > line.limit {
            out.push(line.finish());
            line = Builder::new(rest_prefix.clone(), width);
        }
        if !line.is_empty() {
            line.push(" ", word.space_style);
        }
        for (text, style) in word_parts {
            line.push_breaking(text, *style, &mut out, rest_prefix, width);
        }
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line.finish());
    }
    out
}

/// Printable ASCII: one column per byte, no clusters to respect.
fn is_plain(text: &str) -> bool {
    text.bytes().all(|b| (b' '..=b'~').contains(&b))
}

/// Display width, without the Unicode tables for printable ASCII (most text).
fn text_width(text: &str) -> usize {
    if is_plain(text) {
        text.len()
    } else {
        text.width()
    }
}

/// A line being filled.
struct Builder {
    spans: Vec<Span<'static>>,
    used: usize,
    limit: usize,
    has_text: bool,
}

impl Builder {
    fn new(prefix: Span<'static>, width: usize) -> Self {
        let prefix_width = text_width(&prefix.content);
        // Always leave room for at least one column of text, however deep the indent.
        let limit = width.max(prefix_width + 1);
        Self {
            spans: vec![prefix],
            used: prefix_width,
            limit,
            has_text: false,
        }
    }

    fn is_empty(&self) -> bool {
        !self.has_text
    }

    fn push(&mut self, text: &str, style: Style) {
        self.used += text_width(text);
        self.has_text = true;
        let mergeable = self.spans.len() > 1;
        match self.spans.last_mut() {
            Some(last) if mergeable && last.style == style => {
                last.content.to_mut().push_str(text);
            }
            _ => self.spans.push(Span::styled(text.to_owned(), style)),
        }
    }

    /// Pushes a word part, breaking it across lines when it is wider than a line.
    fn push_breaking(
        &mut self,
        text: &str,
        style: Style,
        out: &mut Vec<Line<'static>>,
        rest_prefix: &Span<'static>,
        width: usize,
    ) {
        // A plain part that fits goes in whole: the loop below would not break it either.
        if is_plain(text) && self.used + text.len() <= self.limit {
            self.push(text, style);
            return;
        }
        let mut chunk = String::new();
        let mut chunk_width = 0;
        for cluster in clusters(text) {
            // Measure the whole cluster: a variation selector or a joiner can widen it.
            let w = cluster.width();
            if w > 0
                && self.used + chunk_width + w > self.limit
                && (self.has_text || !chunk.is_empty())
            {
                self.push(&chunk, style);
                chunk.clear();
                chunk_width = 0;
                let full = std::mem::replace(self, Self::new(rest_prefix.clone(), width));
                out.push(full.finish());
            }
            chunk.push_str(cluster);
            chunk_width += w;
        }
        if !chunk.is_empty() {
            self.push(&chunk, style);
        }
    }

    fn finish(self) -> Line<'static> {
        let mut spans = self.spans;
        if spans.first().is_some_and(|s| s.content.is_empty()) {
            spans.remove(0);
        }
        Line::from(spans)
    }
}

/// Splits text where a line may break inside a word: before each character that takes a
/// column, keeping zero-width marks, variation selectors and joined emoji with their base.
fn clusters(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let mut end = first.len_utf8();
        let mut joined = false;
        for (at, c) in chars {
            // A joiner binds the next character only inside an emoji sequence (👩‍👧);
            // elsewhere it would glue any text together and defeat wrapping.
            if (joined && is_emoji(c)) || c.width().unwrap_or(0) == 0 {
                joined = c == '\u{200d}';
                end = at + c.len_utf8();
            } else {
                break;
            }
        }
        let (cluster, tail) = rest.split_at(end);
        rest = tail;
        Some(cluster)
    })
}

/// Pictographs that zero-width joiners combine into one emoji.
fn is_emoji(c: char) -> bool {
    matches!(u32::from(c), 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B00..=0x2BFF)
}

/// A word: consecutive non-space text, possibly in several styles ("**bold**,"), as a
/// range of the parts list [`words`] returns alongside.
struct Word {
    parts: std::ops::Range<usize>,
    space_style: Style,
    is_hard_break: bool,
}

/// The words of `pieces` and the styled parts they are made of, borrowed (no text is
/// copied: a 5 MB review has a million words).
fn words(pieces: &[Piece]) -> (Vec<Word>, Vec<(Cow<'_, str>, Style)>) {
    let mut words = Vec::new();
    let mut parts: Vec<(Cow<'_, str>, Style)> = Vec::new();
    let mut start = 0;
    let mut space_style = Style::default();
    let flush = |start: &mut usize, end: usize, words: &mut Vec<Word>, space_style: Style| {
        if end > *start {
            words.push(Word {
                parts: *start..end,
                space_style,
                is_hard_break: false,
            });
            *start = end;
        }
    };
    for (text, style) in pieces {
        for (i, segment) in text.split('\n').enumerate() {
            if i > 0 {
                flush(&mut start, parts.len(), &mut words, space_style);
                words.push(Word {
                    parts: start..start,
                    space_style,
                    is_hard_break: true,
                });
            }
            let mut rest = segment;
            while !rest.is_empty() {
                let space_at = rest.find(' ').unwrap_or(rest.len());
                if space_at > 0 {
                    let part = &rest[..space_at];
                    // Text the Markdown parser split in one style is one part again, so
                    // clusters and widths are measured whole.
                    let in_word = parts.len() > start;
                    match parts.last_mut() {
                        Some((t, s)) if in_word && *s == *style => {
                            t.to_mut().push_str(part);
                        }
                        _ => parts.push((Cow::Borrowed(part), *style)),
                    }
                }
                rest = &rest[space_at..];
                let spaces = rest.len() - rest.trim_start_matches(' ').len();
                if spaces > 0 {
                    flush(&mut start, parts.len(), &mut words, space_style);
                    space_style = *style;
                    rest = &rest[spaces..];
                }
            }
        }
    }
    flush(&mut start, parts.len(), &mut words, space_style);
    (words, parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line<'_>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    fn wrap_plain(text: &str, width: usize) -> Vec<String> {
        let pieces = vec![(text.to_owned(), Style::default())];
        plain(&wrap(&pieces, width, &Span::raw(""), &Span::raw("")))
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            wrap_plain("one two three four", 9),
            ["one two", "three", "four"]
        );
    }

    #[test]
    fn cjk_counts_two_columns_per_character() {
        let lines = wrap_plain("映画映画映画", 5);
        assert_eq!(lines, ["映画", "映画", "映画"]);
        assert!(lines.iter().all(|l| l.width() <= 5));
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        let lines = wrap_plain("e\u{301}e\u{301}e\u{301}e\u{301}", 2);
        assert_eq!(lines, ["e\u{301}e\u{301}", "e\u{301}e\u{301}"]);
    }

    #[test]
    fn hanging_indent_applies_to_continuation_lines() {
        let pieces = vec![("alpha beta gamma".to_owned(), Style::default())];
        let lines = wrap(&pieces, 10, &Span::raw("• "), &Span::raw("  "));
        assert_eq!(plain(&lines), ["• alpha", "  beta", "  gamma"]);
    }

    #[test]
    fn emoji_with_variation_selectors_fit() {
        let hearts = "❤\u{fe0f}".repeat(60);
        for width in 2..30 {
            for line in wrap_plain(&hearts, width) {
                assert!(
                    line.width() <= width,
                    "{line:?} is {} wide at {width}",
                    line.width()
                );
            }
        }
        assert_eq!(wrap_plain("❤\u{fe0f}a", 2), ["❤\u{fe0f}", "a"]);
    }

    #[test]
    fn joiners_between_ordinary_characters_do_not_stop_wrapping() {
        let text = "映\u{200d}".repeat(40);
        for width in 2..30 {
            for line in wrap_plain(&text, width) {
                assert!(line.width() <= width, "{line:?} at {width}");
            }
        }
    }

    #[test]
    fn never_exceeds_width_even_with_long_words() {
        for width in 1..12 {
            for line in wrap_plain("supercalifragilistic 👩‍👩‍👧 ok", width) {
                assert!(line.width() <= width.max(2), "{line:?} at {width}");
            }
        }
    }
}
