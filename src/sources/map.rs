//! Feed items as reviews: a Letterboxd member's items by their `letterboxd:*` fields,
//! any other blog's or critic's by the plain RSS/Atom ones; and a post's comment feed
//! as its comments. Nothing is invented: a field the item does not state stays empty.

mod letterboxd;

use rayon::prelude::*;

use super::feed::{Feed, Item};
use super::html::{plain_text, to_markdown, to_plain_text};
use super::{Entry, FilmFacts, FilmRef, Mapped};
use crate::data::{Comment, Kind, Review};

/// What the followed source's settings add to what its feed says.
#[derive(Debug, Clone, Default)]
pub struct MapOptions {
    /// The film every item is about (a source followed for one film).
    pub film: Option<FilmRef>,
    /// The source name to use instead of the channel title.
    pub source: Option<String>,
}

/// From this many items a feed is mapped on every core.
const PARALLEL_FROM: usize = 200;

/// A description shorter than this (in characters of text), with no full content beside
/// it, is taken for an excerpt.
const SHORT_DESCRIPTION: usize = 500;

/// Reviews from a feed, item by item: Letterboxd reviews, Letterboxd diary entries and
/// lists skipped (and counted), and every other item taken as a post.
#[must_use]
pub fn entries(feed: &Feed, options: &MapOptions) -> Mapped {
    let mut mapped = Mapped {
        title: feed.title.clone(),
        ..Mapped::default()
    };
    // A big feed's items are mapped on every core (HTML to Markdown is most of the cost),
    // in order; a usual one (tens of items) on the fetch worker alone, which leaves the
    // other cores to the reader while `R` runs.
    let one = |item: &Item| {
        if letterboxd::is_letterboxd(item) {
            letterboxd::entry(item)
        } else {
            post(item, feed, options)
        }
    };
    let items: Vec<Option<Entry>> = if feed.items.len() > PARALLEL_FROM {
        feed.items.par_iter().map(one).collect()
    } else {
        feed.items.iter().map(one).collect()
    };
    for entry in items {
        match entry {
            Some(entry) => mapped.entries.push(entry),
            None => mapped.skipped += 1,
        }
    }
    mapped
}

/// A WordPress-style comment feed as comments in plain text, oldest first (the feed
/// lists newest first).
#[must_use]
pub fn comments(feed: &Feed) -> Vec<Comment> {
    let mut comments: Vec<Comment> = feed
        .items
        .iter()
        .rev()
        .filter_map(|item| {
            let html = item
                .content_html
                .as_deref()
                .or(item.summary_html.as_deref())?;
            // The reader shows a comment as written, not as Markdown.
            let text = to_plain_text(html);
            if text.is_empty() {
                return None;
            }
            let author = item
                .authors
                .first()
                .cloned()
                .or_else(|| item.title.as_deref().and_then(commenter));
            Some(Comment {
                text: text.into(),
                author: author.map(Into::into),
                posted: item.published,
                ..Comment::default()
            })
        })
        .collect();
    if comments.iter().all(|c| c.posted.is_some()) {
        comments.sort_by_key(|c| c.posted);
    }
    comments
}

/// The name in a comment item's title: "By: NAME" or "Comment on POST by NAME".
fn commenter(title: &str) -> Option<String> {
    let title = plain_text(title);
    let name = match title.strip_prefix("By:") {
        Some(name) => name,
        None => title.rsplit_once(" by ")?.1,
    };
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// Any blog's or critic's item as a review of `options.film` (or of a film the writer
/// finds later).
fn post(item: &Item, feed: &Feed, options: &MapOptions) -> Option<Entry> {
    let key = item
        .guid
        .clone()
        .or_else(|| item.link.clone())
        .or_else(|| item.title.clone())?;
    let full = item
        .content_html
        .as_deref()
        .filter(|c| !c.trim().is_empty());
    let html = full.or(item.summary_html.as_deref()).unwrap_or_default();
    let mut body = to_markdown(html);
    let excerpt_only = full.is_none() && is_excerpt(&plain_text(html));
    if excerpt_only {
        body = without_read_more(&body);
    }
    let title = item
        .title
        .as_deref()
        .map(plain_text)
        .filter(|t| !t.is_empty())
        .or_else(|| first_line(&body))?;
    let review = Review {
        title,
        body,
        source: options
            .source
            .clone()
            .or_else(|| feed.title.clone())
            .map(Into::into),
        reviewer: (!item.authors.is_empty()).then(|| item.authors.join(", ").into()),
        published: item.published,
        url: web_link(item.link.as_deref()),
        ..blank_review()
    };
    Some(Entry {
        key,
        film: options.film.clone(),
        facts: FilmFacts::default(),
        review,
        excerpt_only,
        comment_feed: web_link(item.comment_rss.as_deref()),
    })
}

/// The empty review every mapper fills in.
pub(super) fn blank_review() -> Review {
    Review {
        id: String::new(),
        title: String::new(),
        body: String::new(),
        source: None,
        reviewer: None,
        published: None,
        url: None,
        read_minutes: None,
        kind: Kind::Review,
        rating: None,
        audience_rating: None,
        watched: None,
        rewatch: false,
        comments: Vec::new(),
    }
}

/// A link that may become a review's `url`: http and https only.
pub(super) fn web_link(link: Option<&str>) -> Option<String> {
    link.map(str::trim)
        .filter(|l| crate::data::is_web_link(l))
        .map(str::to_owned)
}

/// The words that end a teaser rather than a post.
const READ_MORE: &[&str] = &["continue reading", "read more", "read the full"];

/// A description that is short, or ends in "Continue reading", "Read more" or an ellipsis.
fn is_excerpt(text: &str) -> bool {
    let text = text.trim();
    let tail: String = {
        let start = text.char_indices().rev().nth(80).map_or(0, |(i, _)| i);
        text[start..].to_lowercase()
    };
    text.chars().count() < SHORT_DESCRIPTION
        || READ_MORE.iter().any(|m| tail.contains(m))
        || ["[…]", "[...]", "…", "..."]
            .iter()
            .any(|e| text.ends_with(e))
}

/// The body without a closing "Continue reading →" / "Read more" line.
fn without_read_more(body: &str) -> String {
    let Some((rest, last)) = body.rsplit_once("\n\n") else {
        return body.to_owned();
    };
    let words = last.to_lowercase();
    if READ_MORE.iter().any(|m| words.contains(m)) && last.chars().count() < 200 {
        rest.trim_end().to_owned()
    } else {
        body.to_owned()
    }
}

/// A title for an untitled item: its first line, cut at 80 characters.
pub(super) fn first_line(body: &str) -> Option<String> {
    let line = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    let mut title: String = line.chars().take(80).collect();
    if line.chars().count() > 80 {
        title.push('…');
    }
    Some(title)
}

#[cfg(test)]
mod tests;
