//! RSS 2.0 (and 0.9x/1.0) and Atom documents read into one neutral [`Feed`], so mapping
//! to reviews is written once for both formats.
//!
//! The bytes are first scanned with quick-xml (`scan`): that finds the root element,
//! the exact place of a syntax error, and refuses elements nested so deep that the
//! recursive parsers of `rss` and `atom_syndication` would run out of stack. DTD
//! entities are never expanded by quick-xml: `&lol9;` from a billion-laughs document
//! stays those six characters.

mod convert;
mod fast;
mod scan;

use std::collections::BTreeMap;
use std::fmt;
use std::io::{BufRead, Read};

use crate::data::Date;

/// One feed document, whichever format it came in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Feed {
    /// The channel's (or Atom feed's) title: the default source name.
    pub title: Option<String>,
    /// The site the feed belongs to.
    pub link: Option<String>,
    /// The items (Atom entries), in document order.
    pub items: Vec<Item>,
}

/// One item (Atom entry), with its namespaced fields kept for the mappers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Item {
    /// RSS `guid` or Atom `id`: what identifies the item across fetches.
    pub guid: Option<String>,
    /// The item's title as written (entities of the XML decoded once).
    pub title: Option<String>,
    /// The item's page (RSS `link`, Atom `link rel="alternate"`).
    pub link: Option<String>,
    /// Names from `dc:creator`, `author` (its "(Name)" part) or Atom `author/name`.
    pub authors: Vec<String>,
    /// `pubDate` (or `dc:date`), Atom `published` else `updated`, as the date it states.
    pub published: Option<Date>,
    /// The full text: `content:encoded` or Atom `content`, as HTML.
    pub content_html: Option<String>,
    /// The description or Atom summary, as HTML.
    pub summary_html: Option<String>,
    /// The item's own comment feed (`wfw:commentRss`, Atom `link rel="replies"`).
    pub comment_rss: Option<String>,
    /// Other namespaced fields as `prefix:name` → text, with the prefix the namespace is
    /// known by ("letterboxd:filmTitle", "tmdb:movieId"), whatever prefix the document used.
    pub ext: BTreeMap<String, String>,
}

/// Why bytes are not a usable feed, worded for a fetch report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedError(Problem);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Problem {
    NotAFeed,
    Malformed {
        line: usize,
        column: usize,
        message: String,
    },
}

impl FeedError {
    /// True when the document is no feed at all (an HTML page, say), so a caller can try
    /// it as a page instead of reporting a broken feed.
    #[must_use]
    pub fn is_not_a_feed(&self) -> bool {
        self.0 == Problem::NotAFeed
    }

    fn malformed(bytes: &[u8], offset: usize, message: impl Into<String>) -> Self {
        let (line, column) = line_column(bytes, offset);
        Self(Problem::Malformed {
            line,
            column,
            message: message.into(),
        })
    }
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Problem::NotAFeed => write!(f, "not an RSS or Atom feed"),
            Problem::Malformed {
                line,
                column,
                message,
            } => write!(
                f,
                "malformed feed at line {line}, column {column}: {message}"
            ),
        }
    }
}

impl std::error::Error for FeedError {}

/// Parses an RSS or Atom document; any bytes give a feed or an error, never a panic.
pub fn parse(bytes: &[u8]) -> Result<Feed, FeedError> {
    // Most feeds are well-formed UTF-8 RSS: read them on the quick path; any other
    // document, and any problem, takes the crates' path with its located errors.
    if let Some(feed) = fast::read(bytes) {
        return Ok(feed);
    }
    parse_with_crates(bytes)
}

/// The `rss` and `atom_syndication` crates' reading, after a scan for the root, the first
/// syntax error and the depth limit.
fn parse_with_crates(bytes: &[u8]) -> Result<Feed, FeedError> {
    let scanned = scan::scan(bytes);
    if let Some((offset, message)) = scanned.error {
        return Err(if scanned.root.is_some() || looks_like_feed(bytes) {
            FeedError::malformed(bytes, offset, message)
        } else {
            FeedError(Problem::NotAFeed)
        });
    }
    let mut rss_error = None;
    if matches!(scanned.root.as_deref(), Some("rss" | "rdf:RDF")) {
        let mut reader = Counting::new(bytes);
        match rss::Channel::read_from(&mut reader) {
            Ok(channel) => return Ok(convert::from_rss(&channel)),
            Err(e) => rss_error = Some(FeedError::malformed(bytes, reader.consumed, e.to_string())),
        }
    }
    if scanned.root.as_deref() == Some("feed") {
        let mut reader = Counting::new(bytes);
        return match atom_syndication::Feed::read_from(&mut reader) {
            Ok(feed) => Ok(convert::from_atom(&feed)),
            Err(e) => Err(FeedError::malformed(bytes, reader.consumed, e.to_string())),
        };
    }
    Err(rss_error.unwrap_or(FeedError(Problem::NotAFeed)))
}

/// A cheap sniff for content-type-less responses and files: the first element after the
/// prolog, comments and doctype is `<rss`, `<feed` or `<rdf:RDF`.
#[must_use]
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    loop {
        rest = rest.trim_ascii_start();
        let next = if rest.starts_with(b"<?") {
            skip_to(rest, b"?>")
        } else if rest.starts_with(b"<!--") {
            skip_to(&rest[4..], b"-->")
        } else if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case(b"<!DOCTYPE") {
            skip_doctype(rest)
        } else {
            return ["<rss", "<feed", "<rdf:RDF"].iter().any(|root| {
                rest.strip_prefix(root.as_bytes())
                    .and_then(|after| after.first())
                    .is_some_and(|&c| c == b'>' || c == b'/' || c.is_ascii_whitespace())
            });
        };
        match next {
            Some(n) => rest = n,
            None => return false,
        }
    }
}

/// What follows the first `end` in `rest`.
fn skip_to<'a>(rest: &'a [u8], end: &[u8]) -> Option<&'a [u8]> {
    memchr::memmem::find(rest, end).map(|i| &rest[i + end.len()..])
}

/// Skips `<!DOCTYPE …>`, including an internal subset in brackets.
fn skip_doctype(rest: &[u8]) -> Option<&[u8]> {
    let close = memchr::memchr(b'>', rest)?;
    match memchr::memchr(b'[', &rest[..close]) {
        Some(open) => {
            let end = memchr::memmem::find(&rest[open..], b"]")? + open;
            let gt = memchr::memchr(b'>', &rest[end..])? + end;
            Some(&rest[gt + 1..])
        }
        None => Some(&rest[close + 1..]),
    }
}

/// Line and column (both from 1, the column in characters) of a byte offset.
fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let column = before[start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count()
        + 1;
    (line, column)
}

/// A reader over the bytes that remembers how far the parser got, for error positions.
struct Counting<'a> {
    bytes: &'a [u8],
    consumed: usize,
}

impl<'a> Counting<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, consumed: 0 }
    }
}

impl Read for Counting<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.bytes.len() - self.consumed);
        buf[..n].copy_from_slice(&self.bytes[self.consumed..self.consumed + n]);
        self.consumed += n;
        Ok(n)
    }
}

impl BufRead for Counting<'_> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        Ok(&self.bytes[self.consumed..])
    }

    fn consume(&mut self, amount: usize) {
        self.consumed = (self.consumed + amount).min(self.bytes.len());
    }
}

/// Reads the dates feeds write: RFC 2822 (even with a wrong weekday), RFC 3339, or one
/// starting `YYYY-MM-DD`; the date is the one stated, in the offset it was written in.
#[must_use]
pub(crate) fn parse_date(text: &str) -> Option<Date> {
    use chrono::{DateTime, Datelike};
    let text = text.trim();
    let stated = DateTime::parse_from_rfc2822(text)
        .or_else(|_| {
            let without_weekday = text.split_once(',').map_or(text, |(_, rest)| rest.trim());
            DateTime::parse_from_rfc2822(without_weekday)
        })
        .or_else(|_| DateTime::parse_from_rfc3339(text));
    if let Ok(stated) = stated {
        let day = stated.date_naive();
        return Some(Date {
            year: u16::try_from(day.year()).ok()?,
            month: u8::try_from(day.month()).ok()?,
            day: u8::try_from(day.day()).ok()?,
        });
    }
    iso_date_prefix(text)
}

/// `YYYY-MM-DD` at the start of `text`, checked against the calendar.
fn iso_date_prefix(text: &str) -> Option<Date> {
    let head = text.get(..10)?;
    let mut parts = head.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (year, month, day) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    chrono::NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day))?;
    Some(Date { year, month, day })
}

#[cfg(test)]
mod tests;
