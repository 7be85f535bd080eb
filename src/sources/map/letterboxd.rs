//! A Letterboxd member feed (`https://letterboxd.com/USER/rss/`): reviews (`guid`
//! `letterboxd-review-N`) become entries; diary-only watches and lists are not reviews.

use super::{blank_review, web_link};
use crate::data::{Date, Rating, Review};
use crate::sources::feed::Item;
use crate::sources::html::{plain_text, to_markdown};
use crate::sources::{Entry, FilmFacts, FilmRef};

/// The sentence Letterboxd puts before a review marked as containing spoilers.
const SPOILER_WARNING: &str = "This review may contain spoilers.";
/// What Letterboxd appends to such a review's item title.
const SPOILER_SUFFIX: &str = "(contains spoilers)";

/// An item from a Letterboxd feed, told by its guid or its `letterboxd:*` fields.
pub(super) fn is_letterboxd(item: &Item) -> bool {
    item.guid
        .as_deref()
        .is_some_and(|g| g.starts_with("letterboxd-"))
        || item.ext.keys().any(|k| k.starts_with("letterboxd:"))
}

/// The review in a Letterboxd item, or `None` for a diary entry, a list or anything else.
pub(super) fn entry(item: &Item) -> Option<Entry> {
    let key = item
        .guid
        .clone()
        .filter(|g| g.starts_with("letterboxd-review-"))?;
    let ext = |name: &str| {
        item.ext
            .get(name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    };
    let film = ext("letterboxd:filmTitle").map(|title| FilmRef {
        title: plain_text(title),
        year: ext("letterboxd:filmYear").and_then(|y| y.parse().ok()),
    });
    let reviewer = item.authors.first().cloned();
    let item_title = item.title.as_deref().map(plain_text).unwrap_or_default();
    let spoilers = item_title.ends_with(SPOILER_SUFFIX);
    let title = match (&reviewer, &film) {
        (Some(who), Some(film)) => format!("{who} on {}", film.title),
        _ => without_stars(&item_title),
    };
    let html = item
        .summary_html
        .as_deref()
        .or(item.content_html.as_deref())
        .unwrap_or_default();
    let (body, warned) = without_warning(&to_markdown(without_poster(html)));
    let body = if (spoilers || warned) && !body.is_empty() {
        format!("||{body}||")
    } else {
        body
    };
    let review = Review {
        title,
        body,
        source: Some("Letterboxd".into()),
        reviewer: reviewer.map(Into::into),
        published: item.published,
        url: web_link(item.link.as_deref()),
        rating: ext("letterboxd:memberRating").and_then(rating),
        watched: ext("letterboxd:watchedDate").and_then(iso_date),
        rewatch: ext("letterboxd:rewatch").is_some_and(|r| r.eq_ignore_ascii_case("yes")),
        ..blank_review()
    };
    Some(Entry {
        key,
        film,
        facts: FilmFacts {
            tmdb_id: ext("tmdb:movieId").and_then(|id| id.parse().ok()),
            ..FilmFacts::default()
        },
        review,
        excerpt_only: false,
        comment_feed: None,
    })
}

/// A member rating out of five stars ("3.5"); absent or unreadable means unrated.
fn rating(value: &str) -> Option<Rating> {
    let score: f64 = value.parse().ok()?;
    (score.is_finite() && (0.0..=5.0).contains(&score)).then_some(Rating { score, max: 5.0 })
}

fn iso_date(value: &str) -> Option<Date> {
    (value.len() == 10)
        .then(|| crate::sources::feed::parse_date(value))
        .flatten()
}

/// "Heat, 1995 - ★★★½ (contains spoilers)" → "Heat, 1995".
fn without_stars(title: &str) -> String {
    let title = title.trim_end_matches(SPOILER_SUFFIX).trim_end();
    let title = title.trim_end_matches(['★', '½', ' ']);
    title.strip_suffix(" -").unwrap_or(title).trim().to_owned()
}

/// The description without the poster paragraph Letterboxd opens it with.
fn without_poster(html: &str) -> &str {
    let trimmed = html.trim_start();
    let Some(rest) = trimmed
        .get(..3)
        .filter(|p| p.eq_ignore_ascii_case("<p>"))
        .map(|_| &trimmed[3..])
    else {
        return html;
    };
    let Some(end) = rest.find("</p>") else {
        return html;
    };
    let inner = &rest[..end];
    let only_tags = plain_text(inner).is_empty();
    if only_tags && inner.to_ascii_lowercase().contains("<img") {
        &rest[end + 4..]
    } else {
        html
    }
}

/// Drops the spoiler warning opening the body, saying whether there was one.
fn without_warning(body: &str) -> (String, bool) {
    let (first, rest) = body.split_once("\n\n").unwrap_or((body, ""));
    let plain = first.trim().trim_matches(['*', '_']).trim();
    if plain == SPOILER_WARNING {
        (rest.trim().to_owned(), true)
    } else if let Some(after) = first.trim().strip_prefix(SPOILER_WARNING) {
        let after = after.trim();
        let body = if rest.is_empty() {
            after.to_owned()
        } else {
            format!("{after}\n\n{rest}").trim().to_owned()
        };
        (body, true)
    } else {
        (body.to_owned(), false)
    }
}
