//! The records of a Letterboxd `reviews.csv` or `diary.csv` as entries: columns found by
//! their header names, one entry per row with review text, the film named by `Name` and
//! `Year` (two reviews of one film have different URIs, so the URI cannot join them).

#[cfg(test)]
mod tests;

use std::fmt::Write as _;

use chrono::Datelike as _;
use csv::{ErrorKind, Position, StringRecord};

use crate::data::{Date, Kind, Rating, Review, sanitize_line};
use crate::sources::{Entry, FilmFacts, FilmRef, Mapped};

/// What the reviews are said to come from.
const SOURCE: &str = "Letterboxd";

/// Where each known column is; only `Name` must be there.
struct Columns {
    name: usize,
    year: Option<usize>,
    uri: Option<usize>,
    rating: Option<usize>,
    rewatch: Option<usize>,
    review: Option<usize>,
    watched: Option<usize>,
    date: Option<usize>,
}

impl Columns {
    fn find(file: &str, headers: &StringRecord) -> Result<Self, String> {
        let at = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name))
        };
        let name = at("Name")
            .ok_or_else(|| format!("{file}: no Name column; is this a Letterboxd export?"))?;
        Ok(Self {
            name,
            year: at("Year"),
            uri: at("Letterboxd URI"),
            rating: at("Rating"),
            rewatch: at("Rewatch"),
            review: at("Review"),
            watched: at("Watched Date"),
            date: at("Date"),
        })
    }
}

/// The entries in `bytes`, the CSV file named `file` (named so in every error), each
/// review by `reviewer`; rows without review text (watches) are counted as skipped.
pub(super) fn entries(file: &str, bytes: &[u8], reviewer: Option<&str>) -> Result<Mapped, String> {
    let mut reader = csv::Reader::from_reader(without_bom(bytes));
    let headers = reader.headers().map_err(|e| csv_error(file, &e))?;
    let columns = Columns::find(file, headers)?;
    let mut mapped = Mapped {
        title: Some(SOURCE.to_owned()),
        ..Mapped::default()
    };
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(file, &e))?;
        let line = record.position().map_or(0, Position::line);
        let context = |what: String| format!("{file}: line {line}: {what}");
        let Some(text) = field(&record, columns.review) else {
            mapped.skipped += 1;
            continue;
        };
        let name = field(&record, Some(columns.name))
            .ok_or_else(|| context("no film name in the Name column".to_owned()))?;
        let year = field(&record, columns.year)
            .map(|y| {
                y.parse::<i32>()
                    .map_err(|_| context(format!("Year `{}` is not a year", sanitize_line(y))))
            })
            .transpose()?;
        let rating = field(&record, columns.rating)
            .map(|r| {
                rating(r).ok_or_else(|| {
                    context(format!(
                        "Rating `{}` is not a number from 0.5 to 5",
                        sanitize_line(r)
                    ))
                })
            })
            .transpose()?;
        let published = date_in(&record, columns.date, "Date").map_err(&context)?;
        let watched = date_in(&record, columns.watched, "Watched Date").map_err(&context)?;
        let url = field(&record, columns.uri).map(str::to_owned);
        let named = FilmRef {
            title: name.to_owned(),
            year,
        };
        mapped.entries.push(Entry {
            key: url
                .clone()
                .unwrap_or_else(|| fallback_key(&named, published)),
            review: Review {
                id: String::new(),
                title: title(&named),
                body: markdown(text),
                source: Some(SOURCE.into()),
                reviewer: reviewer.map(Into::into),
                published,
                url,
                read_minutes: None,
                kind: Kind::Review,
                rating,
                audience_rating: None,
                watched,
                rewatch: field(&record, columns.rewatch)
                    .is_some_and(|r| r.eq_ignore_ascii_case("yes")),
                comments: Vec::new(),
            },
            film: Some(named),
            facts: FilmFacts::default(),
            excerpt_only: false,
            comment_feed: None,
        });
    }
    Ok(mapped)
}

/// The account's username from `profile.csv`, when it has one.
pub(super) fn username(bytes: &[u8]) -> Option<String> {
    let mut reader = csv::Reader::from_reader(without_bom(bytes));
    let column = reader
        .headers()
        .ok()?
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case("Username"))?;
    let record = reader.records().next()?.ok()?;
    field(&record, Some(column)).map(str::to_owned)
}

/// A cell's text, trimmed; `None` when the column is missing or the cell empty.
fn field(record: &StringRecord, column: Option<usize>) -> Option<&str> {
    column
        .and_then(|c| record.get(c))
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Letterboxd's half stars, 0.5 to 5.
fn rating(text: &str) -> Option<Rating> {
    let score: f64 = text.parse().ok()?;
    (0.5..=5.0)
        .contains(&score)
        .then_some(Rating { score, max: 5.0 })
}

/// The date in `column` (`YYYY-MM-DD`, as Letterboxd writes them), or why it is not one.
fn date_in(
    record: &StringRecord,
    column: Option<usize>,
    name: &str,
) -> Result<Option<Date>, String> {
    let Some(text) = field(record, column) else {
        return Ok(None);
    };
    let parsed = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| {
            Some(Date {
                year: u16::try_from(d.year()).ok()?,
                month: u8::try_from(d.month()).ok()?,
                day: u8::try_from(d.day()).ok()?,
            })
        });
    parsed.map(Some).ok_or_else(|| {
        format!(
            "{name} `{}` is not a date like 2024-06-01",
            sanitize_line(text)
        )
    })
}

/// "Name (Year)", the way Letterboxd itself names a film.
fn title(film: &FilmRef) -> String {
    match film.year {
        Some(year) => format!("{} ({year})", film.title),
        None => film.title.clone(),
    }
}

/// A key for a row without a URI: the film and the day it was logged.
fn fallback_key(film: &FilmRef, published: Option<Date>) -> String {
    let mut key = title(film);
    if let Some(date) = published {
        let _ = write!(key, " {date}");
    }
    key
}

fn csv_error(file: &str, error: &csv::Error) -> String {
    let line = |pos: &Option<Position>| pos.as_ref().map_or(0, Position::line);
    match error.kind() {
        ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => format!(
            "{file}: line {}: malformed CSV: {len} fields where the rows before have {expected_len}",
            line(pos)
        ),
        ErrorKind::Utf8 { pos, .. } => format!(
            "{file}: line {}: not UTF-8; is this a Letterboxd export?",
            line(pos)
        ),
        ErrorKind::Io(e) => format!("{file}: cannot read: {e}"),
        _ => format!("{file}: malformed CSV: {error}"),
    }
}

/// A review's text as Markdown. Letterboxd keeps it as typed: a few HTML tags (`<i>`,
/// `<b>`, `<blockquote>`, `<br />`, not always closed) and paragraphs as blank lines, so
/// the line breaks become HTML too before the whole becomes Markdown.
fn markdown(text: &str) -> String {
    crate::sources::html::to_markdown(&with_breaks(text))
}

/// Blank-line paragraphs as `<p>`, the line breaks inside them as `<br />`.
fn with_breaks(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut paragraphs: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.lines() {
        match paragraphs.last_mut() {
            Some(last) if !line.trim().is_empty() => last.push(line.trim_end()),
            Some(last) if !last.is_empty() => paragraphs.push(Vec::new()),
            _ => {}
        }
    }
    let mut html = String::with_capacity(text.len() + 16);
    for paragraph in paragraphs.iter().filter(|p| !p.is_empty()) {
        let _ = write!(html, "<p>{}</p>", paragraph.join("<br />"));
    }
    html
}
