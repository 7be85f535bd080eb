//! One source, fetched and mapped on a worker thread: the feed or page itself, then the
//! linked pages of excerpt-only items and the comment feeds. Nothing is written here; the
//! entries go back to the thread that writes.

use std::collections::BTreeMap;

use super::super::feed;
use super::super::fetch_state::UrlState;
use super::super::http::{Client, HttpError, Response, Validators};
use super::super::map::{self, MapOptions};
use super::super::page;
use super::super::subscriptions::{FullText, Kind, Source};
use super::super::{Entry, Mapped};

/// What a worker brings back.
#[derive(Debug, Default)]
pub(super) struct Gathered {
    /// The source's entries, comments filled in.
    pub entries: Vec<Entry>,
    /// Items that are not reviews.
    pub skipped: usize,
    /// The source itself answered 304.
    pub not_modified: bool,
    /// New validators, per URL fetched in full.
    pub validators: Vec<(String, Validators)>,
    /// What went wrong after the source itself loaded (a comment feed, say): the entries
    /// are still written and the source reported.
    pub problems: Vec<String>,
}

/// The stored validators of `url`.
fn stored(known: &BTreeMap<String, UrlState>, url: &str) -> Validators {
    known
        .get(url)
        .map(|s| Validators {
            etag: s.etag.clone(),
            last_modified: s.last_modified.clone(),
        })
        .unwrap_or_default()
}

/// `URL: reason`, for a URL other than the source's own.
fn at(e: &HttpError) -> String {
    format!("{}: {}", crate::data::sanitize_line(&e.url), e)
}

/// Fetches and maps `source`; `Err` when the source itself could not be had.
pub(super) fn gather(
    client: &Client,
    source: &Source,
    known: &BTreeMap<String, UrlState>,
) -> Result<Gathered, String> {
    let mut out = Gathered::default();
    // A page is always fetched whole: its comments come from a feed found in it. So is a
    // feed whose last fetch failed in part (a comment feed, a linked page): a 304 would
    // leave what failed unfetched until the feed itself changed.
    let failed_last_time = known
        .get(&source.url)
        .and_then(|u| u.status.as_deref())
        .is_some_and(|s| s != "ok" && s != "not modified");
    let validators = match source.kind {
        Kind::Feed if !failed_last_time => stored(known, &source.url),
        Kind::Feed | Kind::Page => Validators::default(),
    };
    let fetched = match client
        .get(&source.url, &validators)
        .map_err(|e| e.to_string())?
    {
        Response::NotModified => {
            out.not_modified = true;
            return Ok(out);
        }
        Response::Fetched(f) => f,
    };
    out.validators
        .push((source.url.clone(), fetched.validators.clone()));
    let mapped = if feed::looks_like_feed(&fetched.body) {
        let parsed = feed::parse(&fetched.body).map_err(|e| e.to_string())?;
        let options = MapOptions {
            film: source.film.clone(),
            source: None,
        };
        map::entries(&parsed, &options)
    } else {
        let html = String::from_utf8_lossy(&fetched.body);
        let mut page = page::extract(&html, &fetched.url)?;
        if source.film.is_some() {
            page.entry.film.clone_from(&source.film);
        }
        if page.entry.comment_feed.is_none() {
            page.entry.comment_feed = page.comment_feed.take();
        }
        Mapped {
            entries: vec![page.entry],
            skipped: 0,
            title: None,
        }
    };
    out.skipped = mapped.skipped;
    for mut entry in mapped.entries {
        full_text(client, source, &mut entry, &mut out);
        comments(client, known, &mut entry, &mut out);
        out.entries.push(entry);
    }
    Ok(out)
}

/// Replaces an excerpt with the linked page's article, as the source's `full_text` says.
fn full_text(client: &Client, source: &Source, entry: &mut Entry, out: &mut Gathered) {
    let wanted = match source.full_text {
        FullText::Never => false,
        FullText::Always => true,
        FullText::Auto => entry.excerpt_only,
    };
    let Some(url) = entry.review.url.clone().filter(|_| wanted) else {
        return;
    };
    let fetched = match client.get(&url, &Validators::default()) {
        Ok(Response::Fetched(f)) => f,
        Ok(Response::NotModified) => return,
        Err(e) => {
            out.problems.push(format!("full text of {}", at(&e)));
            return;
        }
    };
    match page::extract(&String::from_utf8_lossy(&fetched.body), &fetched.url) {
        Ok(page) => {
            let article = page.entry;
            if !article.review.body.trim().is_empty() {
                entry.review.body = article.review.body;
                entry.excerpt_only = false;
            }
            if entry.film.is_none() {
                entry.film = article.film;
                entry.facts = article.facts;
            }
            let review = &mut entry.review;
            review.rating = review.rating.or(article.review.rating);
            if review.reviewer.is_none() {
                review.reviewer = article.review.reviewer;
            }
        }
        Err(reason) => out.problems.push(format!(
            "full text of {}: {reason}",
            crate::data::sanitize_line(&url)
        )),
    }
}

/// Fills in the entry's comments from its comment feed; a 304 leaves them to the file.
fn comments(
    client: &Client,
    known: &BTreeMap<String, UrlState>,
    entry: &mut Entry,
    out: &mut Gathered,
) {
    let Some(url) = entry.comment_feed.clone() else {
        return;
    };
    match client.get(&url, &stored(known, &url)) {
        Ok(Response::NotModified) => {}
        Ok(Response::Fetched(f)) => match feed::parse(&f.body) {
            Ok(parsed) => {
                entry.review.comments = map::comments(&parsed);
                out.validators.push((url, f.validators));
            }
            Err(e) => out.problems.push(format!(
                "comments feed {}: {e}",
                crate::data::sanitize_line(&url)
            )),
        },
        Err(e) => out.problems.push(format!("comments feed {}", at(&e))),
    }
}
