//! HTML as readable plain text, for comments, which the reader shows as written rather
//! than as Markdown: the Markdown [`to_markdown`](super::to_markdown) makes, walked once
//! more, so every escape is undone and every marker dropped the same way.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::is_safe_link;

/// What separates the text already written from the next text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    #[default]
    None,
    Line,
    Blank,
}

/// A block that puts something at the start of each of its lines.
enum Container {
    /// `> `.
    Quote,
    /// `- ` or `3. ` on the item's first line, as many spaces on the others.
    Item { marker: String, written: bool },
}

/// A link or image whose text is being gathered before it is written.
struct Inline {
    target: Option<String>,
    text: String,
    image: bool,
}

/// The plain text of Markdown, built event by event.
#[derive(Default)]
struct Writer {
    out: String,
    gap: Gap,
    at_line_start: bool,
    containers: Vec<Container>,
    /// One per open list: the next number, or `None` for bullets.
    lists: Vec<Option<u64>>,
    inline: Vec<Inline>,
}

/// An HTML fragment as text for places that show it as written (comments), so no Markdown
/// marker shows: paragraphs apart by a blank line, line breaks kept, emphasis unmarked, a
/// link as `its text (URL)`, quotes as `> ` lines and list items as `- ` lines.
#[must_use]
pub fn to_plain_text(html: &str) -> String {
    let markdown = super::to_markdown(html);
    let mut writer = Writer::default();
    for event in Parser::new_ext(&markdown, Options::ENABLE_STRIKETHROUGH) {
        writer.event(event);
    }
    let lines: Vec<&str> = writer.out.lines().map(str::trim_end).collect();
    lines.join("\n").trim().to_owned()
}

impl Writer {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text) => self.text(&text),
            // Raw HTML the converter let through: its text, a space apart from what follows.
            Event::Html(html) | Event::InlineHtml(html) => {
                let text = super::plain_text(&html);
                if !text.is_empty() {
                    self.text(&text);
                    self.text(" ");
                }
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => {
                if self.inline.is_empty() {
                    self.write("\n");
                } else {
                    self.text(" ");
                }
            }
            Event::Rule => {
                self.block();
                self.write("---");
                self.gap(Gap::Blank);
            }
            Event::FootnoteReference(label) => self.text(&format!("[{label}]")),
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::Table(_)
            | Tag::DefinitionList
            | Tag::FootnoteDefinition(_)
            | Tag::MetadataBlock(_) => self.block(),
            Tag::BlockQuote(_) => {
                self.block();
                // The gap before a container is outside it.
                self.flush_gap();
                self.containers.push(Container::Quote);
            }
            Tag::List(start) => {
                self.block();
                self.lists.push(start);
            }
            Tag::Item => {
                self.gap(Gap::Line);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let marker = format!("{n}. ");
                        *n += 1;
                        marker
                    }
                    _ => "- ".to_owned(),
                };
                self.flush_gap();
                self.containers.push(Container::Item {
                    marker,
                    written: false,
                });
            }
            Tag::TableRow | Tag::TableHead | Tag::DefinitionListTitle => self.gap(Gap::Line),
            Tag::DefinitionListDefinition => {
                self.gap(Gap::Line);
                self.text("  ");
            }
            Tag::TableCell => {
                if !self.at_line_start && !self.out.is_empty() {
                    self.text(" | ");
                }
            }
            Tag::Link { dest_url, .. } => self.inline.push(Inline {
                target: Some(dest_url.to_string()),
                text: String::new(),
                image: false,
            }),
            Tag::Image { .. } => self.inline.push(Inline {
                target: None,
                text: String::new(),
                image: true,
            }),
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::Table
            | TagEnd::DefinitionList
            | TagEnd::FootnoteDefinition
            | TagEnd::MetadataBlock(_) => self.gap(Gap::Blank),
            TagEnd::BlockQuote(_) => {
                self.containers.pop();
                self.gap(Gap::Blank);
            }
            TagEnd::List(_) => {
                self.lists.pop();
                // A list inside an item ends with the item; the next item follows at once.
                let nested = matches!(self.containers.last(), Some(Container::Item { .. }));
                self.gap(if nested { Gap::Line } else { Gap::Blank });
            }
            TagEnd::Item => {
                self.containers.pop();
                self.gap(Gap::Line);
            }
            TagEnd::Link | TagEnd::Image => {
                if let Some(inline) = self.inline.pop() {
                    let text = inline.finish();
                    self.text(&text);
                }
            }
            TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => {}
        }
    }

    /// A block begins: whatever gap the last one asked for comes first.
    fn block(&mut self) {
        if !self.out.is_empty() {
            self.gap(Gap::Line);
        }
    }

    fn gap(&mut self, gap: Gap) {
        self.gap = self.gap.max(gap);
    }

    /// Inline text: into the link or image being gathered, or out.
    fn text(&mut self, text: &str) {
        match self.inline.last_mut() {
            Some(inline) => inline.text.push_str(text),
            None => self.write(text),
        }
    }

    /// Text out, after the pending gap, each line starting with its containers' marks.
    fn write(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.flush_gap();
        for c in text.chars() {
            if self.at_line_start {
                let prefix = self.prefix();
                self.out.push_str(&prefix);
                self.at_line_start = false;
            }
            // A source's own `||` is not a spoiler marker.
            if c == '|' && self.out.ends_with('|') {
                self.out.push(' ');
            }
            self.out.push(c);
            if c == '\n' {
                self.at_line_start = true;
            }
        }
    }

    fn flush_gap(&mut self) {
        let gap = std::mem::take(&mut self.gap);
        if self.out.is_empty() {
            self.at_line_start = true;
            return;
        }
        if gap >= Gap::Line && !self.at_line_start {
            self.out.push('\n');
            self.at_line_start = true;
        }
        if gap == Gap::Blank && !self.out.ends_with("\n\n") {
            let blank = self.blank_prefix();
            self.out.push_str(blank.trim_end());
            self.out.push('\n');
        }
    }

    /// The marks that start a line: `> ` per quote, an item's marker once.
    fn prefix(&mut self) -> String {
        let mut prefix = String::new();
        for container in &mut self.containers {
            match container {
                Container::Quote => prefix.push_str("> "),
                Container::Item { marker, written } => {
                    if *written {
                        prefix.push_str(&" ".repeat(marker.len()));
                    } else {
                        prefix.push_str(marker);
                        *written = true;
                    }
                }
            }
        }
        prefix
    }

    /// The marks of a blank line inside the containers (quotes keep their `>`).
    fn blank_prefix(&self) -> String {
        self.containers
            .iter()
            .map(|c| match c {
                Container::Quote => "> ",
                Container::Item { .. } => "  ",
            })
            .collect()
    }
}

impl Inline {
    /// An image as `[image: ALT]`; a link as `text (URL)`, the URL alone when it is the
    /// text, the text alone when the target is not a web or mail link.
    fn finish(self) -> String {
        let text = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if self.image {
            return if text.is_empty() {
                String::new()
            } else {
                format!("[image: {text}]")
            };
        }
        let Some(target) = self.target.filter(|t| is_safe_link(t)) else {
            return text;
        };
        let target = target.trim();
        let bare = strip_prefix_ignore_case(target, "mailto:").unwrap_or(target);
        if text.is_empty() {
            target.to_owned()
        } else if text == target || text == bare {
            text
        } else {
            format!("{text} ({target})")
        }
    }
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}
