//! Review bodies are Markdown: pulldown-cmark parses them and this turns the events
//! into wrapped, styled lines with hanging indents for lists and quotes.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::spoiler::Spoilers;
use super::wrap::{Piece, wrap};
use crate::data::sanitize;

/// Builds the lines of a Markdown text wrapped to `width` columns.
#[must_use]
pub fn render(markdown: &str, width: usize, spoilers: Spoilers) -> Vec<Line<'static>> {
    let mut r = Renderer {
        width,
        spoilers,
        ..Renderer::default()
    };
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        r.event(event);
    }
    r.flush();
    r.lines
}

/// Inline markup (emphasis, links, images) nested deeper than this is flattened: its text
/// is kept in the style of the 64th level, its markers and URLs are dropped. It bounds the
/// work per event, so a body of `![` ×100,000 lays out in linear time.
pub const MAX_NESTING: usize = 64;

/// An open inline tag: the style of everything inside it, and a link's URL.
struct Open {
    /// The inline styles of every open tag up to this one, patched together.
    style: Style,
    /// Printed after the link's text when it closes.
    link: Option<String>,
}

#[derive(Default)]
struct Renderer {
    width: usize,
    lines: Vec<Line<'static>>,
    pieces: Vec<Piece>,
    block_style: Style,
    /// The open inline tags, at most [`MAX_NESTING`].
    inline: Vec<Open>,
    /// Inline tags opened beyond [`MAX_NESTING`]: their ends are ignored too.
    flattened: usize,
    /// One entry per open list: the next number, or None for bullets.
    lists: Vec<Option<u64>>,
    /// Marker waiting for the first block of a list item.
    marker: Option<String>,
    quote_depth: usize,
    /// Set when the next block follows another item of a tight list (no blank line).
    tight: bool,
    spoilers: Spoilers,
}

impl Renderer {
    fn style(&self) -> Style {
        self.inline
            .last()
            .map_or(self.block_style, |open| self.block_style.patch(open.style))
    }

    /// Opens an inline tag; false when it is nested too deep and flattened to its text.
    fn open(&mut self, style: Style, link: Option<String>) -> bool {
        if self.inline.len() >= MAX_NESTING {
            self.flattened += 1;
            return false;
        }
        let style = self
            .inline
            .last()
            .map_or(style, |outer| outer.style.patch(style));
        self.inline.push(Open { style, link });
        true
    }

    /// Closes the innermost inline tag; `None` for one that was flattened.
    fn close(&mut self) -> Option<Open> {
        if self.flattened > 0 {
            self.flattened -= 1;
            return None;
        }
        self.inline.pop()
    }

    fn push(&mut self, text: &str, style: Style) {
        self.pieces.push((text.to_owned(), style));
    }

    /// The prefix of a block's lines; nesting beyond [`MAX_NESTING`] levels of quotes or
    /// lists indents no further, so a line's prefix is never longer than its input.
    fn indent(&self) -> String {
        let quote = "│ ".repeat(self.quote_depth.min(MAX_NESTING));
        let lists = self.lists.len().saturating_sub(1).min(MAX_NESTING);
        format!("{quote}{}", "   ".repeat(lists))
    }

    /// Ends the current block, wrapping it with the right prefixes.
    fn flush(&mut self) {
        if self.pieces.iter().all(|(t, _)| t.trim().is_empty()) {
            self.pieces.clear();
            return;
        }
        let indent = self.indent();
        let (first, rest) = match self.marker.take() {
            Some(marker) => {
                let pad = " ".repeat(unicode_width::UnicodeWidthStr::width(marker.as_str()));
                (format!("{indent}{marker}"), format!("{indent}{pad}"))
            }
            None if !self.lists.is_empty() => {
                let pad = format!("{indent}   ");
                (pad.clone(), pad)
            }
            None => (indent.clone(), indent),
        };
        if !self.lines.is_empty() && !self.tight {
            self.lines.push(Line::default());
        }
        self.tight = false;
        let prefix_style = Style::new().fg(Color::DarkGray);
        let pieces = std::mem::take(&mut self.pieces);
        self.lines.extend(wrap(
            &pieces,
            self.width,
            &Span::styled(first, prefix_style),
            &Span::styled(rest, prefix_style),
        ));
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            // The parser decodes entities (`&#x1b;`) after the loader sanitised the
            // source, so every string it hands out is sanitised again here.
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                let style = self.style();
                let pieces = self.spoilers.split(&sanitize(&text), style);
                self.pieces.extend(pieces);
            }
            Event::Code(code) => {
                let style = self.style().fg(Color::Yellow);
                let pieces = self.spoilers.split(&sanitize(&code), style);
                self.pieces.extend(pieces);
            }
            Event::SoftBreak => self.push(" ", self.style()),
            Event::HardBreak => self.push("\n", self.style()),
            Event::Rule => {
                self.flush();
                self.push(
                    &"─".repeat(self.width.min(40)),
                    Style::new().fg(Color::DarkGray),
                );
                self.flush();
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.flush(),
            Tag::Heading { level, .. } => {
                self.flush();
                self.block_style = heading_style(level);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote_depth += 1;
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.block_style = Style::new().fg(Color::Yellow);
            }
            Tag::List(start) => {
                self.flush();
                // A nested list follows its parent item's text directly.
                self.tight = !self.lists.is_empty();
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "• ".to_owned(),
                };
                self.marker = Some(marker);
            }
            Tag::Emphasis => {
                self.open(Style::new().add_modifier(Modifier::ITALIC), None);
            }
            Tag::Strong => {
                self.open(Style::new().add_modifier(Modifier::BOLD), None);
            }
            Tag::Strikethrough => {
                self.open(Style::new().add_modifier(Modifier::CROSSED_OUT), None);
            }
            Tag::Link { dest_url, .. } => {
                let url = crate::data::sanitize_line(&dest_url);
                self.open(Style::new().add_modifier(Modifier::UNDERLINED), Some(url));
            }
            Tag::Image { .. } => {
                let caption = Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC);
                if self.open(caption, None) && !self.spoilers.hides() {
                    let style = self.style().remove_modifier(Modifier::ITALIC);
                    self.push("[image] ", style);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock => {
                self.flush();
                self.block_style = Style::default();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
                self.tight = false;
            }
            TagEnd::Item => {
                self.flush();
                self.tight = true;
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Image => {
                self.close();
            }
            TagEnd::Link => {
                let hidden = self.spoilers.hides();
                let url = self.close().and_then(|open| open.link);
                if let Some(url) = url.filter(|u| !u.is_empty() && !hidden) {
                    self.push(&format!(" <{url}>"), Style::new().fg(Color::DarkGray));
                }
            }
            _ => {}
        }
    }
}

fn heading_style(level: HeadingLevel) -> Style {
    let style = Style::new().add_modifier(Modifier::BOLD);
    match level {
        HeadingLevel::H1 => style.fg(Color::Cyan).add_modifier(Modifier::UNDERLINED),
        HeadingLevel::H2 => style.fg(Color::Cyan),
        _ => style,
    }
}

#[cfg(test)]
mod tests {
    use super::render;

    fn text(md: &str, width: usize) -> Vec<String> {
        render(
            md,
            width,
            super::Spoilers::labelled(false, crate::doc::spoiler::PLACEHOLDER),
        )
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
    }

    #[test]
    fn paragraphs_are_separated_by_a_blank_line() {
        assert_eq!(text("one\ntwo\n\nthree", 20), ["one two", "", "three"]);
    }

    #[test]
    fn bullet_lists_have_hanging_indents() {
        let lines = text("- alpha beta gamma\n- delta", 12);
        assert_eq!(lines, ["• alpha beta", "  gamma", "• delta"]);
    }

    #[test]
    fn numbered_lists_count_from_their_start() {
        assert_eq!(text("3. c\n4. d", 20), ["3. c", "4. d"]);
    }

    #[test]
    fn nested_lists_indent_and_text_after_a_list_is_separated() {
        let lines = text("- a\n  - b\n- c\n\nafter", 20);
        assert_eq!(lines, ["• a", "   • b", "• c", "", "after"]);
    }

    #[test]
    fn images_show_their_caption() {
        assert_eq!(
            text("![A still from the film]()", 40),
            ["[image] A still from the film"]
        );
    }

    #[test]
    fn decoded_entities_are_sanitised_too() {
        let lines = text("a &#x1b;]0;pwned&#x7; b &#x202e; c &#x9b;", 80).join("");
        assert!(
            !lines.contains(['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}']),
            "{lines:?}"
        );
        assert!(lines.contains("\u{241b}]0;pwned"), "{lines:?}");
    }

    #[test]
    fn code_links_and_images_inside_spoilers_stay_hidden() {
        let lines = text(
            "||the killer is `Bob` [here](https://x.example) ![Bob]()||",
            80,
        )
        .join("");
        assert!(
            !lines.contains("Bob") && !lines.contains("x.example") && !lines.contains("[image]"),
            "{lines:?}"
        );
    }

    #[test]
    fn nesting_beyond_the_limit_is_flattened_to_its_text() {
        // Before the limit, each level folded every outer style again: depth 100,000 took
        // minutes. Now the inner 99,936 images are text, without "[image]" markers.
        let depth = 100_000;
        let md = format!("{}the deep text{}", "![".repeat(depth), "]()".repeat(depth));
        let lines = text(&md, 80);
        let all = lines.join(" ");
        assert!(all.ends_with("the deep text"), "{:?}", lines.last());
        assert_eq!(all.matches("[image]").count(), super::MAX_NESTING);
    }

    #[test]
    fn links_nested_beyond_the_limit_keep_their_text_and_drop_their_urls() {
        // Images whose caption is the next image, and the innermost caption a link (links
        // do not nest in Markdown): shallow, its URL is shown; beyond the limit it is text.
        let nested = |depth: usize| {
            let md = format!(
                "{}inner{}",
                "![[".repeat(depth),
                "](https://x.example)]()".repeat(depth)
            );
            text(&md, 80).join(" ")
        };
        let shallow = nested(3);
        assert!(shallow.contains("inner <https://x.example>"), "{shallow}");
        let deep = nested(1_000);
        assert!(deep.contains("inner") && !deep.contains("<https://x.example>"));
    }

    #[test]
    fn images_nested_in_a_hidden_spoiler_stay_hidden() {
        let depth = 50_000;
        let md = format!("a ||{}twist{}|| b", "![".repeat(depth), "]()".repeat(depth));
        let all = text(&md, 80).join(" ");
        assert!(!all.contains("twist") && !all.contains("[image]"), "{all}");
        assert!(all.starts_with("a ") && all.ends_with(" b"), "{all}");
    }

    #[test]
    fn quotes_nested_beyond_the_limit_indent_no_further() {
        let md = format!("{}deep", "> ".repeat(10_000));
        let lines = text(&md, 80);
        let widest = lines.iter().map(|l| l.chars().count()).max();
        assert_eq!(widest, Some(2 * super::MAX_NESTING + 1), "{lines:?}");
        assert_eq!(lines.concat().replace(['│', ' '], ""), "deep");
    }

    #[test]
    fn headings_keep_their_text() {
        assert_eq!(
            text("## The Story\n\nKevin runs.", 40),
            ["The Story", "", "Kevin runs."]
        );
    }
}
