//! RSS read straight off quick-xml's borrowed events, for the common case: a UTF-8 RSS
//! 2.0 (or 1.0) document that is well formed. It gives the same [`Feed`] as the `rss`
//! crate followed by `convert` (a test compares them on every fixture) in a third of the
//! time, since it copies only the text it keeps; anything it does not expect — another
//! encoding, a syntax error, nesting past the limit — returns `None`, and the `rss`
//! crate's path, with its located errors, reads the document instead.

use std::borrow::Cow;
use std::collections::BTreeMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::scan::MAX_DEPTH;
use super::{Feed, Item, parse_date};

/// Namespace URIs by the prefix the mappers know them by.
const NAMESPACES: &[(&str, &str)] = &[
    ("https://letterboxd.com", "letterboxd"),
    ("http://letterboxd.com", "letterboxd"),
    ("https://themoviedb.org", "tmdb"),
    ("http://themoviedb.org", "tmdb"),
    ("http://wellformedweb.org/CommentAPI", "wfw"),
    ("http://purl.org/rss/1.0/modules/slash", "slash"),
    ("http://purl.org/dc/elements/1.1", "dc"),
    ("http://purl.org/rss/1.0/modules/content", "content"),
];

/// One item's (or the channel's) fields as read, before they become an [`Item`].
#[derive(Default)]
struct Raw {
    fields: Vec<(Cow<'static, str>, String)>,
    creators: Vec<String>,
}

impl Raw {
    /// The first value of a field, taken out.
    fn take(&mut self, key: &str) -> Option<String> {
        let i = self.fields.iter().position(|(k, _)| k == key)?;
        non_empty(self.fields.remove(i).1)
    }
}

/// Where an element sits: the only places whose children are read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Channel,
    Item,
    /// A field of the channel or an item: its text is kept.
    Field,
    Other,
}

/// Reads `bytes` as RSS, or `None` when the `rss` crate should.
pub(super) fn read(bytes: &[u8]) -> Option<Feed> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut reader = Reader::from_str(text);
    let mut prefixes: Vec<(String, &'static str)> = Vec::new();
    let mut path: Vec<Place> = Vec::new();
    let mut channel = Raw::default();
    let mut items: Vec<Raw> = Vec::new();
    // The field being read: its name and text so far, and whether it is an item's.
    let mut field: Option<(Cow<'static, str>, String, bool)> = None;
    loop {
        match reader.read_event().ok()? {
            Event::Decl(decl) => {
                if let Some(Ok(encoding)) = decl.encoding()
                    && !encoding.eq_ignore_ascii_case(b"utf-8")
                {
                    return None;
                }
            }
            Event::Start(start) => {
                if path.len() >= MAX_DEPTH {
                    return None;
                }
                let parent = path.last().copied();
                let name = start.name();
                let place = match (parent, name.as_ref()) {
                    (None, b"rss" | b"rdf:RDF") => {
                        bind(&start, &mut prefixes);
                        Place::Other
                    }
                    (None, _) => return None,
                    (Some(_), b"channel") if path.len() == 1 => Place::Channel,
                    (Some(_), b"item") if path.len() <= 2 => {
                        items.push(Raw::default());
                        Place::Item
                    }
                    (Some(p @ (Place::Channel | Place::Item)), raw) => {
                        field = Some((key(raw, &prefixes)?, String::new(), p == Place::Item));
                        Place::Field
                    }
                    _ => Place::Other,
                };
                path.push(place);
            }
            Event::Empty(_) if path.is_empty() => return None,
            Event::Text(t) => {
                if let (Some((_, buf, _)), Some(Place::Field)) = (&mut field, path.last()) {
                    buf.push_str(&t.decode().ok()?);
                }
            }
            Event::CData(c) => {
                if let (Some((_, buf, _)), Some(Place::Field)) = (&mut field, path.last()) {
                    buf.push_str(std::str::from_utf8(&c).ok()?);
                }
            }
            Event::GeneralRef(r) => {
                if let (Some((_, buf, _)), Some(Place::Field)) = (&mut field, path.last()) {
                    push_reference(buf, &r)?;
                }
            }
            Event::End(_) => {
                if path.pop()? == Place::Field
                    && let Some((name, value, of_item)) = field.take()
                {
                    let raw = if of_item {
                        items.last_mut()?
                    } else {
                        &mut channel
                    };
                    if name == "dc:creator" {
                        raw.creators.push(value.clone());
                    }
                    raw.fields.push((name, value));
                }
                if path.is_empty() {
                    break;
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
    Some(Feed {
        title: channel.take("title"),
        link: channel.take("link"),
        items: items.into_iter().map(item).collect(),
    })
}

/// A field's name as the mappers know it: the common ones without allocating, a prefixed
/// one under the prefix its namespace is known by.
fn key(raw: &[u8], prefixes: &[(String, &'static str)]) -> Option<Cow<'static, str>> {
    const PLAIN: &[&str] = &["title", "link", "guid", "pubDate", "description", "author"];
    let name = std::str::from_utf8(raw).ok()?;
    if let Some(known) = PLAIN.iter().find(|k| **k == name) {
        return Some(Cow::Borrowed(known));
    }
    Some(match name.split_once(':') {
        Some((prefix, local)) => match prefixes.iter().find(|(p, _)| p == prefix) {
            Some((_, known)) => {
                let mut key = String::with_capacity(known.len() + 1 + local.len());
                key.push_str(known);
                key.push(':');
                key.push_str(local);
                Cow::Owned(key)
            }
            None => Cow::Owned(name.to_owned()),
        },
        None => Cow::Owned(name.to_owned()),
    })
}

/// Records the root's `xmlns:prefix="uri"` bindings of the namespaces the mappers know.
fn bind(start: &BytesStart<'_>, prefixes: &mut Vec<(String, &'static str)>) {
    for attr in start.attributes().flatten() {
        if let Some(prefix) = attr.key.as_ref().strip_prefix(b"xmlns:")
            && let Ok(uri) = std::str::from_utf8(&attr.value)
            && let Some((_, known)) = NAMESPACES
                .iter()
                .find(|(known, _)| *known == uri.trim().trim_end_matches('/'))
        {
            prefixes.push((String::from_utf8_lossy(prefix).into_owned(), known));
        }
    }
}

/// `&amp;`, `&#039;` and the like; an entity the document does not define stays as
/// written (as the `rss` crate keeps it), so nothing is expanded.
fn push_reference(buf: &mut String, reference: &quick_xml::events::BytesRef<'_>) -> Option<()> {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        buf.push(c);
        return Some(());
    }
    let name = std::str::from_utf8(reference).ok()?;
    if let Some(s) = quick_xml::escape::resolve_predefined_entity(name) {
        buf.push_str(s);
    } else {
        buf.push('&');
        buf.push_str(name);
        buf.push(';');
    }
    Some(())
}

fn item(mut raw: Raw) -> Item {
    let (guid, title, link) = (raw.take("guid"), raw.take("title"), raw.take("link"));
    let content_html = raw.take("content:encoded");
    let summary_html = raw.take("description");
    let pub_date = raw.take("pubDate");
    let dc_date = raw.take("dc:date");
    let author = raw.take("author");
    let mut authors: Vec<String> = raw.creators.into_iter().filter_map(non_empty).collect();
    if authors.is_empty() {
        authors.extend(author.as_deref().and_then(super::convert::author_name));
    }
    // What is left with a prefix is an extension, as `convert::flatten` keeps them (the
    // first of each name); the `rss` crate reads Dublin Core and content:encoded itself,
    // so they are not among them.
    let mut ext: BTreeMap<String, String> = BTreeMap::new();
    for (k, v) in raw.fields {
        if k.contains(':') && !k.starts_with("dc:") && !k.starts_with("content:") {
            ext.entry(k.into_owned()).or_insert(v);
        }
    }
    let published = pub_date
        .as_deref()
        .and_then(parse_date)
        .or_else(|| dc_date.as_deref().and_then(parse_date));
    Item {
        guid,
        title,
        link,
        authors,
        published,
        content_html,
        summary_html,
        comment_rss: ext.get("wfw:commentRss").cloned(),
        ext,
    }
}

/// The text trimmed, in place, or `None` when nothing is left.
fn non_empty(mut s: String) -> Option<String> {
    let end = s.trim_end().len();
    s.truncate(end);
    let start = s.len() - s.trim_start().len();
    s.drain(..start);
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::super::{convert, parse_with_crates};

    /// Every RSS fixture reads the same on both paths.
    #[test]
    fn the_quick_path_reads_what_the_crates_read() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sources");
        let mut compared = 0;
        for entry in std::fs::read_dir(dir).expect("fixtures").flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "xml") {
                continue;
            }
            let bytes = std::fs::read(&path).expect("read");
            let Some(quick) = super::read(&bytes) else {
                continue;
            };
            let slow = parse_with_crates(&bytes).expect("the crates read it too");
            assert_eq!(quick, slow, "{}", path.display());
            compared += 1;
        }
        assert!(compared >= 4, "only {compared} fixtures compared");
        let _ = convert::author_name;
    }

    #[test]
    fn what_it_does_not_expect_goes_to_the_crates() {
        let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf\xe9</title></channel></rss>";
        assert!(super::read(latin1).is_none());
        assert!(super::read(b"<rss><channel><title>x</item></channel></rss>").is_none());
        assert!(super::read(b"<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>").is_none());
        let deep = format!("<rss>{}", "<a>".repeat(300));
        assert!(super::read(deep.as_bytes()).is_none());
    }
}
