//! The two parsers' documents turned into the neutral [`Feed`].

use std::collections::BTreeMap;

use atom_syndication::{Text, TextType};

use super::{Feed, Item, parse_date};

/// Namespaces by the prefix the mappers know them by, whatever prefix a document binds.
const KNOWN_NAMESPACES: &[(&str, &str)] = &[
    ("https://letterboxd.com", "letterboxd"),
    ("http://letterboxd.com", "letterboxd"),
    ("https://themoviedb.org", "tmdb"),
    ("http://themoviedb.org", "tmdb"),
    ("http://wellformedweb.org/CommentAPI/", "wfw"),
    ("http://purl.org/rss/1.0/modules/slash/", "slash"),
    ("http://purl.org/dc/elements/1.1/", "dc"),
];

/// An RSS channel as a [`Feed`].
pub(super) fn from_rss(channel: &rss::Channel) -> Feed {
    let prefixes = known_prefixes(channel.namespaces());
    Feed {
        title: non_empty(channel.title()),
        link: non_empty(channel.link()),
        items: channel
            .items()
            .iter()
            .map(|item| rss_item(item, &prefixes))
            .collect(),
    }
}

fn rss_item(item: &rss::Item, prefixes: &BTreeMap<String, &'static str>) -> Item {
    let ext = flatten(item.extensions(), prefixes, |e| e.value.as_deref());
    let dc = item.dublin_core_ext();
    let mut authors: Vec<String> = dc
        .map(|dc| dc.creators().iter().filter_map(|c| non_empty(c)).collect())
        .unwrap_or_default();
    if authors.is_empty() {
        authors.extend(ext.get("dc:creator").cloned());
    }
    if authors.is_empty() {
        authors.extend(item.author().and_then(author_name));
    }
    let published = item
        .pub_date()
        .and_then(parse_date)
        .or_else(|| dc.and_then(|dc| dc.dates().iter().find_map(|d| parse_date(d))))
        .or_else(|| ext.get("dc:date").and_then(|d| parse_date(d)));
    Item {
        guid: item.guid().and_then(|g| non_empty(g.value())),
        title: item.title().and_then(non_empty),
        link: item.link().and_then(non_empty),
        authors,
        published,
        content_html: item.content().and_then(non_empty),
        summary_html: item.description().and_then(non_empty),
        comment_rss: ext.get("wfw:commentRss").cloned(),
        ext,
    }
}

/// The name in an RSS `author`, which is meant to be "email (Name)".
pub(super) fn author_name(author: &str) -> Option<String> {
    let author = author.trim();
    if let Some((_, rest)) = author.split_once('(')
        && let Some(name) = rest.strip_suffix(')')
        && !name.trim().is_empty()
    {
        return Some(name.trim().to_owned());
    }
    non_empty(author)
}

/// An Atom feed as a [`Feed`].
pub(super) fn from_atom(feed: &atom_syndication::Feed) -> Feed {
    let mut prefixes = known_prefixes(&feed.namespaces);
    let feed_authors = names(&feed.authors);
    let items = feed
        .entries
        .iter()
        .map(|entry| {
            prefixes.extend(known_prefixes(&entry.namespaces));
            let ext = flatten(&entry.extensions, &prefixes, |e| e.value.as_deref());
            let authors = match names(&entry.authors) {
                none if none.is_empty() => feed_authors.clone(),
                some => some,
            };
            let epoch = atom_syndication::FixedDateTime::default();
            let date = entry
                .published
                .or((entry.updated != epoch).then_some(entry.updated));
            let replies = entry.links.iter().find(|l| {
                l.rel == "replies"
                    && l.mime_type
                        .as_deref()
                        .is_none_or(|t| t.contains("atom") || t.contains("rss"))
            });
            Item {
                guid: non_empty(&entry.id),
                title: non_empty(&text(&entry.title)),
                link: alternate(&entry.links),
                authors,
                published: date.and_then(|d| parse_date(&d.to_rfc3339())),
                content_html: entry.content.as_ref().and_then(|c| {
                    let value = c.value.as_deref()?;
                    let kind = c.content_type.as_deref().unwrap_or("text");
                    let html = if matches!(kind, "text" | "text/plain") {
                        escape(value)
                    } else {
                        value.to_owned()
                    };
                    non_empty(&html)
                }),
                summary_html: entry.summary.as_ref().and_then(|s| {
                    let html = if s.r#type == TextType::Text {
                        escape(&s.value)
                    } else {
                        s.value.clone()
                    };
                    non_empty(&html)
                }),
                comment_rss: ext
                    .get("wfw:commentRss")
                    .cloned()
                    .or_else(|| replies.and_then(|l| non_empty(&l.href))),
                ext,
            }
        })
        .collect();
    Feed {
        title: non_empty(&text(&feed.title)),
        link: alternate(&feed.links),
        items,
    }
}

/// An Atom text construct as plain text.
fn text(t: &Text) -> String {
    match t.r#type {
        TextType::Text => t.value.clone(),
        TextType::Html | TextType::Xhtml => crate::sources::html::plain_text(&t.value),
    }
}

fn names(people: &[atom_syndication::Person]) -> Vec<String> {
    people.iter().filter_map(|p| non_empty(&p.name)).collect()
}

/// The `alternate` link (the default relation), else the first.
fn alternate(links: &[atom_syndication::Link]) -> Option<String> {
    links
        .iter()
        .find(|l| l.rel == "alternate")
        .or(links.first())
        .and_then(|l| non_empty(&l.href))
}

/// Plain text as HTML paragraphs, so every body goes through the same converter.
fn escape(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + 16);
    for p in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        html.push_str("<p>");
        for c in p.chars() {
            match c {
                '&' => html.push_str("&amp;"),
                '<' => html.push_str("&lt;"),
                '>' => html.push_str("&gt;"),
                c => html.push(c),
            }
        }
        html.push_str("</p>");
    }
    html
}

/// Prefix the document binds → the prefix the mappers use.
fn known_prefixes(namespaces: &BTreeMap<String, String>) -> BTreeMap<String, &'static str> {
    namespaces
        .iter()
        .filter_map(|(prefix, uri)| {
            let uri = uri.trim();
            KNOWN_NAMESPACES
                .iter()
                .find(|(known, _)| known.trim_end_matches('/') == uri.trim_end_matches('/'))
                .map(|&(_, name)| (prefix.clone(), name))
        })
        .collect()
}

/// Extension elements as `prefix:name` → the first one's text.
fn flatten<E>(
    map: &BTreeMap<String, BTreeMap<String, Vec<E>>>,
    prefixes: &BTreeMap<String, &'static str>,
    value_of: impl Fn(&E) -> Option<&str>,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (prefix, elements) in map {
        let prefix = prefixes.get(prefix).copied().unwrap_or(prefix.as_str());
        for (name, values) in elements {
            if let Some(value) = values.iter().find_map(&value_of) {
                out.entry(format!("{prefix}:{name}"))
                    .or_insert_with(|| value.to_owned());
            }
        }
    }
    out
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}
