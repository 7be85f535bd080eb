//! A web page as one review: the readable article (`dom_smoothie`, a Readability port) as
//! Markdown, never the navigation, sidebars, share buttons or comment form around it,
//! with facts from JSON-LD and `OpenGraph` / `article:` meta tags; and the page's feeds.

mod jsonld;
mod url;

use dom_query::Document;
use dom_smoothie::{Config, Readability, ReadabilityError};

use super::Entry;
use super::html::{is_safe_link, shallow, to_markdown};
use super::map::{blank_review, first_line, web_link};
use crate::data::Review;

/// How deep a whole page may nest before its deeper tags are dropped (real pages stay
/// under a hundred levels).
const PAGE_DEPTH: usize = 200;

/// More elements than any article page has; beyond it extraction is refused rather than
/// left to run for minutes.
const MAX_ELEMENTS: usize = 60_000;

/// Less text than this (Readability's own threshold for a readable page) is no article:
/// Readability's last, rawest attempt returns whatever text a page has.
const MIN_ARTICLE_CHARS: usize = 140;

/// The review a page holds, and where its comments can be followed.
#[derive(Debug, Clone)]
pub struct Page {
    /// The review (key: the canonical URL, else the page's).
    pub entry: Entry,
    /// The post's own comment feed, absolute.
    pub comment_feed: Option<String>,
}

/// Extracts the article and its facts from a page fetched from `url`.
pub fn extract(html: &str, url: &str) -> Result<Page, String> {
    let html = shallow(html, PAGE_DEPTH);
    let doc = Document::from(html.as_ref());
    let base = base_url(&doc, url);
    let facts = json_ld(&doc);
    let canonical = canonical(&doc, &base);
    let comment_feed = find_comment_feed(&doc, &base, canonical.as_deref());
    let og_title = meta(&doc, "og:title");
    let site = meta(&doc, "og:site_name");
    let published = meta(&doc, "article:published_time");
    let author = meta(&doc, "author");

    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let doc_url = Some(url).filter(|u| crate::data::is_web_link(u));
    let article = Readability::with_document(doc, doc_url, Some(config.clone()))
        .or_else(|_| Readability::with_document(Document::from(html.as_ref()), None, Some(config)))
        .and_then(|mut r| r.parse())
        .map_err(|e| match e {
            ReadabilityError::TooManyElements(found, max) => {
                format!("the page has too many elements to read ({found}, at most {max})")
            }
            _ => "no readable article found on the page".to_owned(),
        })?;
    let body = to_markdown(&article.content);
    if article.text_content.trim().chars().count() < MIN_ARTICLE_CHARS {
        return Err("no readable article found on the page".to_owned());
    }
    let title = facts
        .headline
        .clone()
        .or(og_title)
        .or_else(|| Some(article.title.trim().to_owned()).filter(|t| !t.is_empty()))
        .or_else(|| first_line(&body))
        .unwrap_or_default();
    let byline = article
        .byline
        .as_deref()
        .map(|b| {
            b.trim()
                .trim_start_matches("By ")
                .trim_start_matches("by ")
                .trim()
                .to_owned()
        })
        .filter(|b| !b.is_empty());
    let key = canonical
        .clone()
        .filter(|c| crate::data::is_web_link(c))
        .unwrap_or_else(|| url.to_owned());
    let review = Review {
        title,
        body,
        source: site
            .or(facts.publisher)
            .or(article.site_name)
            .map(Into::into),
        reviewer: facts.author.or(author).or(byline).map(Into::into),
        published: facts.published.or_else(|| {
            published
                .or(article.published_time)
                .and_then(|d| crate::sources::feed::parse_date(&d))
        }),
        url: web_link(Some(&key)),
        rating: facts.rating,
        ..blank_review()
    };
    let entry = Entry {
        key,
        film: facts.film,
        facts: facts.film_facts,
        review,
        excerpt_only: false,
        comment_feed: comment_feed.clone(),
    };
    Ok(Page {
        entry,
        comment_feed,
    })
}

/// The post's own comment feed (a `WordPress` `…/post/feed/`), absolute; not the site's
/// feed of every comment.
#[must_use]
pub fn comment_feed(html: &str, url: &str) -> Option<String> {
    let html = shallow(html, PAGE_DEPTH);
    let doc = Document::from(html.as_ref());
    let base = base_url(&doc, url);
    find_comment_feed(&doc, &base, canonical(&doc, &base).as_deref())
}

/// The page's feed: the first RSS or Atom alternate that is not a comments feed.
#[must_use]
pub fn feed_link(html: &str, url: &str) -> Option<String> {
    let html = shallow(html, PAGE_DEPTH);
    let doc = Document::from(html.as_ref());
    let base = base_url(&doc, url);
    feeds(&doc, &base)
        .into_iter()
        .find(|l| !l.title.to_lowercase().contains("comment") && !is_site_comments(&l.href))
        .map(|l| l.href)
}

/// A `<meta property=…>` (or `name=…`) tag's content, as text.
fn meta(doc: &Document, property: &str) -> Option<String> {
    doc.select("meta").iter().find_map(|m| {
        let key = m.attr("property").or_else(|| m.attr("name"))?;
        if !key.trim().eq_ignore_ascii_case(property) {
            return None;
        }
        let content = crate::sources::html::plain_text(&m.attr("content")?);
        (!content.is_empty()).then_some(content)
    })
}

/// What the page's JSON-LD blocks state.
fn json_ld(doc: &Document) -> jsonld::Stated {
    let blocks: Vec<String> = doc
        .select("script")
        .iter()
        .filter(|s| {
            s.attr("type").is_some_and(|t| {
                t.trim()
                    .to_ascii_lowercase()
                    .starts_with("application/ld+json")
            })
        })
        .map(|s| s.text().to_string())
        .collect();
    jsonld::facts(blocks.iter().map(String::as_str))
}

/// `<link rel="canonical">`, absolute.
fn canonical(doc: &Document, base: &str) -> Option<String> {
    links(doc, base)
        .into_iter()
        .find(|l| l.rels.iter().any(|r| r == "canonical"))
        .map(|l| l.href)
}

/// A `<link>` with its relations, type and title, `href` made absolute.
struct Link {
    rels: Vec<String>,
    kind: String,
    title: String,
    href: String,
}

fn links(doc: &Document, base: &str) -> Vec<Link> {
    doc.select("link")
        .iter()
        .filter_map(|l| {
            let href = url::resolve(base, &l.attr("href")?)?;
            Some(Link {
                rels: l
                    .attr("rel")
                    .unwrap_or_default()
                    .split_ascii_whitespace()
                    .map(str::to_ascii_lowercase)
                    .collect(),
                kind: l
                    .attr("type")
                    .unwrap_or_default()
                    .trim()
                    .to_ascii_lowercase(),
                title: l.attr("title").unwrap_or_default().to_string(),
                href,
            })
        })
        .collect()
}

/// RSS and Atom alternates, http(s) only.
fn feeds(doc: &Document, base: &str) -> Vec<Link> {
    links(doc, base)
        .into_iter()
        .filter(|l| {
            l.rels.iter().any(|r| r == "alternate")
                && matches!(
                    l.kind.as_str(),
                    "application/rss+xml" | "application/atom+xml"
                )
                && crate::data::is_web_link(&l.href)
        })
        .collect()
}

fn find_comment_feed(doc: &Document, base: &str, canonical: Option<&str>) -> Option<String> {
    let page = canonical.unwrap_or(base);
    let own_feed = format!(
        "{}/feed",
        page.split(['?', '#']).next()?.trim_end_matches('/')
    );
    feeds(doc, base)
        .into_iter()
        .find(|l| {
            !is_site_comments(&l.href)
                && (l.title.to_lowercase().contains("comment")
                    || l.href.trim_end_matches('/') == own_feed)
        })
        .map(|l| l.href)
}

/// The site-wide comments feed (`/comments/feed/`), which mixes every post's comments.
fn is_site_comments(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or(href);
    path.trim_end_matches('/').ends_with("/comments/feed")
}

/// The page's `<base href>`, else its own URL.
fn base_url(doc: &Document, url: &str) -> String {
    doc.select("base")
        .iter()
        .find_map(|b| url::resolve(url, &b.attr("href")?))
        .filter(|b| is_safe_link(b))
        .unwrap_or_else(|| url.to_owned())
}

#[cfg(test)]
mod tests;
