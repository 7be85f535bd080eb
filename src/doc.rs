//! A review laid out as wrapped lines for one width: built once per (review, width) and
//! cached by the app, so drawing a frame only slices visible lines.

mod markdown;
mod wrap;

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use crate::data::{Comment, Kind, Review};
pub use markdown::render as render_markdown;
pub use wrap::{Piece, wrap};

/// One display line, tagged with the comment it belongs to so filters can highlight it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocLine {
    /// The styled text.
    pub line: Line<'static>,
    /// Index into the review's comments, for comment lines.
    pub comment: Option<usize>,
}

/// A review's full text wrapped to `width` columns.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Doc {
    /// The width it was wrapped for.
    pub width: usize,
    /// Every line, top to bottom.
    pub lines: Vec<DocLine>,
}

impl Doc {
    /// The text of every line, for `show` and for tests.
    #[must_use]
    pub fn plain_lines(&self) -> Vec<String> {
        self.lines
            .iter()
            .map(|l| l.line.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }
}

const DIM: Style = Style::new().fg(Color::DarkGray);

/// Lays out the heading block, the Markdown body and the comments of `review`.
#[must_use]
pub fn build(review: &Review, width: usize) -> Doc {
    let width = width.max(1);
    let mut lines: Vec<DocLine> = Vec::new();
    let mut push = |line: Line<'static>, comment: Option<usize>| {
        lines.push(DocLine { line, comment });
    };
    let title = vec![(
        review.title.clone(),
        Style::new().add_modifier(Modifier::BOLD),
    )];
    for line in wrap(&title, width, &Span::raw(""), &Span::raw("")) {
        push(line, None);
    }
    for meta in [byline(review), dateline(review), ratings(review)] {
        for line in wrap(&meta, width, &Span::raw(""), &Span::raw("")) {
            push(line, None);
        }
    }
    push(Line::styled("─".repeat(width), DIM), None);
    for line in markdown::render(&review.body, width) {
        push(line, None);
    }
    if !review.comments.is_empty() {
        push(Line::default(), None);
        let heading = format!("── Comments ({}) ", review.comments.len());
        push(
            Line::styled(heading, Style::new().add_modifier(Modifier::BOLD)),
            None,
        );
        for (i, comment) in review.comments.iter().enumerate() {
            push(Line::default(), None);
            let header = comment_header(i, comment);
            for line in wrap(&header, width, &Span::raw(""), &Span::raw("   ")) {
                push(line, Some(i));
            }
            let text = vec![(comment.text.clone(), Style::default())];
            for line in wrap(&text, width, &Span::raw("   "), &Span::raw("   ")) {
                push(line, Some(i));
            }
        }
    }
    Doc { width, lines }
}

fn byline(review: &Review) -> Vec<Piece> {
    let kind = match review.kind {
        Kind::Review => "Review",
        Kind::Preview => "Preview",
    };
    vec![
        (format!("{kind} by "), DIM),
        known(review.reviewer.as_deref(), "unknown reviewer"),
        (" · ".into(), DIM),
        known(review.source.as_deref(), "unknown source"),
    ]
}

fn dateline(review: &Review) -> Vec<Piece> {
    let date = review.published.map(|d| d.to_string());
    let mut pieces = vec![
        ("Published: ".into(), DIM),
        known(date.as_deref(), "date unknown"),
    ];
    if let Some(minutes) = review.read_minutes {
        pieces.push((format!(" · {minutes} min read"), DIM));
    }
    if let Some(url) = &review.url {
        pieces.push((format!(" · {url}"), DIM));
    }
    pieces
}

fn ratings(review: &Review) -> Vec<Piece> {
    let mut pieces = vec![("Rating: ".into(), DIM)];
    match review.rating {
        Some(r) => pieces.push((r.to_string(), Style::new().fg(Color::Yellow))),
        None => pieces.push(("not rated".into(), DIM)),
    }
    if let Some(a) = review.audience_rating {
        pieces.push((" · Audience: ".into(), DIM));
        pieces.push((a.to_string(), Style::new().fg(Color::Yellow)));
    }
    pieces
}

fn comment_header(index: usize, comment: &Comment) -> Vec<Piece> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut pieces = vec![(format!("#{} ", index + 1), DIM)];
    match &comment.author {
        Some(author) => pieces.push((author.clone(), bold)),
        None => pieces.push(("anonymous".into(), DIM.add_modifier(Modifier::ITALIC))),
    }
    if let Some(contact) = &comment.contact {
        pieces.push((format!(" · {contact}"), DIM));
    }
    let posted = comment
        .posted
        .map_or_else(|| "date unknown".to_owned(), |d| d.to_string());
    pieces.push((format!(" · {posted}"), DIM));
    pieces
}

/// A value, or the words for its absence in a dim italic.
fn known(value: Option<&str>, unknown: &str) -> Piece {
    match value {
        Some(v) => (v.to_owned(), Style::default()),
        None => (unknown.to_owned(), DIM.add_modifier(Modifier::ITALIC)),
    }
}
