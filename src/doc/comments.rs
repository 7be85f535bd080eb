//! The comment section: a heading with the count, then each comment with author, date and
//! contact, replies indented under the comment they answer; or just the heading when folded.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::meta::known;
use super::spoiler::Spoilers;
use super::{DIM, Options, Piece, wrap};
use crate::data::{Comment, Review};

/// Deepest reply indentation, so long threads stay readable in narrow panes.
const MAX_DEPTH: usize = 4;
/// Columns per level of indentation.
const INDENT: usize = 3;

/// Lines of the comment section, each tagged with its comment.
pub fn render(review: &Review, options: &Options) -> Vec<(Line<'static>, Option<usize>)> {
    let comments = &review.comments;
    if comments.is_empty() {
        return Vec::new();
    }
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut out = vec![(Line::default(), None)];
    if options.collapse_comments {
        let heading = format!(
            "── Comments ({}, hidden: {} shows them) ",
            comments.len(),
            options.comments_key
        );
        out.push((Line::styled(heading, bold), None));
        return out;
    }
    out.push((
        Line::styled(format!("── Comments ({}) ", comments.len()), bold),
        None,
    ));
    for (i, comment) in comments.iter().enumerate() {
        let pad = " ".repeat(depth(comments, i) * INDENT);
        out.push((Line::default(), None));
        let header = header(i, comment, options.date_format);
        let first = Span::raw(pad.clone());
        let rest = Span::raw(format!("{pad}{}", " ".repeat(INDENT)));
        for line in wrap(&header, options.width, &first, &rest) {
            out.push((line, Some(i)));
        }
        let text = Spoilers::labelled(options.reveal_spoilers, options.spoiler_label)
            .split(&comment.text, Style::default());
        for line in wrap(&text, options.width, &rest, &rest) {
            out.push((line, Some(i)));
        }
    }
    out
}

/// How deep a comment sits in its thread (0 for a top-level comment).
fn depth(comments: &[Comment], index: usize) -> usize {
    let mut depth = 0;
    let mut at = index;
    // Parents are always earlier (the loader checks), so this ends.
    while let Some(parent) = comments[at]
        .replies_to
        .map(|p| p as usize)
        .filter(|p| (1..=at).contains(p))
    {
        depth += 1;
        at = parent - 1;
    }
    depth.min(MAX_DEPTH)
}

fn header(index: usize, comment: &Comment, date_format: &str) -> Vec<Piece> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut pieces = vec![(format!("#{} ", index + 1), DIM)];
    match &comment.author {
        Some(author) => pieces.push((author.to_string(), bold)),
        None => pieces.push(known(None, "anonymous")),
    }
    if let Some(parent) = comment.replies_to {
        pieces.push((format!(" ↳ reply to #{parent}"), DIM));
    }
    if let Some(contact) = &comment.contact {
        pieces.push((format!(" · {contact}"), DIM));
    }
    let posted = comment.posted.map_or_else(
        || "date unknown".to_owned(),
        |d| crate::data::date::format_date(d, date_format),
    );
    pieces.push((format!(" · {posted}"), DIM));
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(text: &str, replies_to: Option<u32>) -> Comment {
        Comment {
            text: text.into(),
            replies_to,
            ..Comment::default()
        }
    }

    fn plain(lines: &[(Line<'static>, Option<usize>)]) -> Vec<String> {
        lines
            .iter()
            .map(|(l, _)| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    fn review(comments: Vec<Comment>) -> Review {
        let mut review = crate::data::bundled_library().collections[0].reviews[0].clone();
        review.comments = comments;
        review
    }

    #[test]
    fn replies_are_indented_under_their_parent() {
        let r = review(vec![
            comment("first", None),
            comment("answer", Some(1)),
            comment("deeper", Some(2)),
        ]);
        let lines = plain(&render(&r, &Options::default()));
        assert!(
            lines.contains(&"   #2 anonymous ↳ reply to #1 · date unknown".to_owned()),
            "{lines:#?}"
        );
        assert!(lines.contains(&"         deeper".to_owned()), "{lines:#?}");
    }

    #[test]
    fn a_folded_section_still_counts_its_comments() {
        let r = review(vec![comment("a", None), comment("b", None)]);
        let options = Options {
            collapse_comments: true,
            ..Options::default()
        };
        let lines = plain(&render(&r, &options));
        assert_eq!(lines, ["", "── Comments (2, hidden: c shows them) "]);
    }
}
