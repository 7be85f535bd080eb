//! A review laid out as wrapped lines for one set of [`Options`]: built once and cached by
//! the app, so drawing a frame only slices the visible lines.

mod comments;
mod index;
mod markdown;
mod meta;
pub mod spoiler;
mod wrap;

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use crate::data::Review;
pub use index::{Hit, Searchable, Segment, mentions, search};
pub use wrap::{Piece, wrap};

/// One display line, tagged with the comment it belongs to so filters can highlight it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocLine {
    /// The styled text.
    pub line: Line<'static>,
    /// Index into the review's comments, for comment lines.
    pub comment: Option<usize>,
}

impl DocLine {
    /// The line's text without styles; segment offsets index into it.
    #[must_use]
    pub fn plain(&self) -> String {
        self.line.spans.iter().map(|s| s.content.as_ref()).collect()
    }
}

/// What a layout depends on besides the review: a change to any of these re-lays it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Columns to wrap to.
    pub width: usize,
    /// Show `||spoiler||` text instead of a placeholder.
    pub reveal_spoilers: bool,
    /// Fold the comment section to its heading.
    pub collapse_comments: bool,
    /// What hidden spoilers are drawn as (the reader and `show` explain different keys).
    pub spoiler_label: &'static str,
    /// How dates are written (see [`crate::data::date::format_date`]).
    pub date_format: &'static str,
    /// The key that unfolds comments, named in the folded heading.
    pub comments_key: &'static str,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            width: 80,
            reveal_spoilers: false,
            collapse_comments: false,
            spoiler_label: spoiler::PLACEHOLDER,
            date_format: "%Y-%m-%d",
            comments_key: "c",
        }
    }
}

/// What a worker needs to lay out the whole of a huge review, and what tells whether
/// the result still applies when it comes back.
#[derive(Debug, Clone)]
pub struct LayoutJob {
    /// The entry to lay out.
    pub entry: usize,
    /// The data's generation when the job was made (a reload starts a new one).
    pub generation: u64,
    /// The review, copied (the app goes on changing meanwhile).
    pub review: crate::data::Review,
    /// The options to lay it out with.
    pub options: Options,
}

/// A review laid out for one set of options.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Doc {
    /// What it was laid out for.
    pub options: Options,
    /// Every line, top to bottom (or the first ones, for a head: see [`build_head`]).
    pub lines: Vec<DocLine>,
    /// `Some(estimated total lines)` while only the head of a huge review is laid out.
    pub estimated_lines: Option<usize>,
}

impl Doc {
    /// The text of every line, for `show` and for tests.
    #[must_use]
    pub fn plain_lines(&self) -> Vec<String> {
        self.lines.iter().map(DocLine::plain).collect()
    }

    /// The first line of each comment, in order: where comment jumps land.
    #[must_use]
    pub fn comment_starts(&self) -> Vec<usize> {
        let mut previous = None;
        let mut starts = Vec::new();
        for (i, line) in self.lines.iter().enumerate() {
            if line.comment.is_some() && line.comment != previous {
                starts.push(i);
            }
            previous = line.comment;
        }
        starts
    }
}

const DIM: Style = Style::new().fg(Color::DarkGray);

/// Lays out the heading block, the Markdown body and the comments of `review`.
#[must_use]
pub fn build(review: &Review, options: &Options) -> Doc {
    lay_out(review, &review.body, true, options)
}

/// Lays out only the start of a huge review: the heading and the body up to the first
/// paragraph break after `body_bytes`, no comments. Its lines are the full layout's first
/// lines, so a reader can scroll them while the whole review is laid out elsewhere;
/// `estimated_lines` is shown as the total meanwhile.
#[must_use]
pub fn build_head(
    review: &Review,
    options: &Options,
    body_bytes: usize,
    estimated_lines: usize,
) -> Doc {
    let body = &review.body;
    let mut cut = body_bytes.min(body.len());
    while !body.is_char_boundary(cut) {
        cut += 1;
    }
    let end = body[cut..].find("\n\n").map_or(body.len(), |at| cut + at);
    if end == body.len() {
        return build(review, options);
    }
    let mut doc = lay_out(review, &body[..end], false, options);
    doc.estimated_lines = Some(estimated_lines.max(doc.lines.len() + 1));
    doc
}

fn lay_out(review: &Review, body: &str, with_comments: bool, options: &Options) -> Doc {
    let options = Options {
        width: options.width.max(1),
        ..*options
    };
    let width = options.width;
    let mut lines: Vec<DocLine> = Vec::new();
    let mut push_all = |new: Vec<Line<'static>>, comment: Option<usize>| {
        lines.extend(new.into_iter().map(|line| DocLine { line, comment }));
    };
    let none = Span::raw("");
    let title = vec![(
        review.title.clone(),
        Style::new().add_modifier(Modifier::BOLD),
    )];
    push_all(wrap(&title, width, &none, &none), None);
    for meta in meta::lines(review, options.date_format) {
        push_all(wrap(&meta, width, &none, &none), None);
    }
    push_all(vec![Line::styled("─".repeat(width), DIM)], None);
    push_all(
        markdown::render(
            body,
            width,
            spoiler::Spoilers::labelled(options.reveal_spoilers, options.spoiler_label),
        ),
        None,
    );
    if with_comments {
        for (line, comment) in comments::render(review, &options) {
            push_all(vec![line], comment);
        }
    }
    Doc {
        options,
        lines,
        estimated_lines: None,
    }
}
