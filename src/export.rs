//! Reviews written out for use elsewhere: a standalone Markdown document per review, a
//! JSON array of whole reviews, and a never-overwriting `.md` file for the reader's `e` key.
//! No terminal code, so `reelread export` and the reader export the same text.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::data::{Collection, Comment, Film, Kind, Library, Review, review_matches};
use crate::query;

/// Whether a review passes `--reviewer` (written or commented on by a matching name) and
/// `--grep` (text outside spoilers), the same rules as `list`; `None` passes everything.
#[must_use]
pub fn selected(review: &Review, reviewer: Option<&str>, grep: Option<&str>) -> bool {
    reviewer.is_none_or(|q| review_matches(review, q))
        && grep.is_none_or(|t| query::grep_hits(review, t) > 0)
}

/// The library's reviews that pass [`selected`], in display order, so a command can export
/// exactly what `list` with the same options shows.
#[must_use]
pub fn select<'a>(
    library: &'a Library,
    reviewer: Option<&str>,
    grep: Option<&str>,
) -> Vec<(&'a Collection, &'a Review)> {
    library
        .reviews()
        .filter(|(_, r)| selected(r, reviewer, grep))
        .collect()
}

/// A review and its comments as a standalone Markdown document, so it can be kept or shared
/// outside reelread; unknown facts are written as "unknown", spoiler markers are kept.
#[must_use]
pub fn markdown(collection: &Collection, review: &Review) -> String {
    let mut out = String::new();
    let unknown = || "unknown".to_owned();
    let film = &collection.film;
    let year = film
        .year
        .map_or_else(|| "year unknown".to_owned(), |y| y.to_string());
    let meta = [
        ("Film", format!("{} ({year})", inline(&film.title))),
        (
            "Source",
            review.source.as_deref().map_or_else(unknown, inline),
        ),
        (
            "Reviewer",
            review.reviewer.as_deref().map_or_else(unknown, inline),
        ),
        (
            "Published",
            review.published.map_or_else(unknown, |d| d.to_string()),
        ),
        ("URL", review.url.as_deref().map_or_else(unknown, link)),
        (
            "Read time",
            review
                .read_minutes
                .map_or_else(unknown, |m| format!("{m} min")),
        ),
        (
            "Kind",
            match review.kind {
                Kind::Review => "review",
                Kind::Preview => "preview",
            }
            .to_owned(),
        ),
        (
            "Rating",
            review
                .rating
                .map_or_else(unknown, |r| format!("{r} ({:.0}%)", r.percent())),
        ),
        (
            "Audience rating",
            review
                .audience_rating
                .map_or_else(unknown, |a| format!("{a} ({:.0}%)", a.percent())),
        ),
    ];
    let _ = writeln!(out, "# {}\n", inline(&review.title));
    for (label, value) in meta {
        let _ = writeln!(out, "- **{label}:** {value}");
    }
    let body = review.body.trim_matches('\n');
    if !body.trim().is_empty() {
        let _ = write!(out, "\n{body}\n");
    }
    let _ = write!(out, "\n## Comments ({})\n", review.comments.len());
    if review.comments.is_empty() {
        out.push_str("\nNo comments.\n");
    }
    for (i, comment) in review.comments.iter().enumerate() {
        write_comment(&mut out, i + 1, comment);
    }
    // Loaded text is sanitised already; this keeps the promise for reviews built in code.
    crate::data::sanitize(&out)
}

fn write_comment(out: &mut String, number: usize, comment: &Comment) {
    let author = comment
        .author
        .as_deref()
        .map_or_else(|| "anonymous".to_owned(), inline);
    let _ = write!(out, "\n### #{number} {author}\n");
    let details: Vec<String> = [
        comment.posted.map(|d| d.to_string()),
        comment.contact.as_deref().map(inline),
        comment.replies_to.map(|k| format!("reply to #{k}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !details.is_empty() {
        let _ = write!(out, "\n*{}*\n", details.join(" · "));
    }
    let text = comment.text.trim_matches('\n');
    if !text.trim().is_empty() {
        let _ = write!(out, "\n{text}\n");
    }
}

/// A one-line value with Markdown's inline punctuation escaped, so a name like `*NSYNC`
/// or `[draft]` reads as written. `|` is left alone: spoiler markers live in bodies.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A URL as an autolink when it can be one, else as escaped text.
fn link(url: &str) -> String {
    if url.contains("://") && !url.contains(|c: char| c.is_whitespace() || c == '<' || c == '>') {
        format!("<{url}>")
    } else {
        inline(url)
    }
}

/// A review's film as both JSON outputs give it, `{ "title": …, "year": … }` (year `null`
/// when unknown), so a script can tell apart two films of one title.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct JsonFilm<'a> {
    /// The film's title.
    pub title: &'a str,
    /// Its release year.
    pub year: Option<i32>,
}

impl<'a> From<&'a Film> for JsonFilm<'a> {
    fn from(film: &'a Film) -> Self {
        Self {
            title: &film.title,
            year: film.year,
        }
    }
}

#[derive(Serialize)]
struct JsonReview<'a> {
    id: String,
    film: JsonFilm<'a>,
    #[serde(flatten)]
    review: &'a Review,
    /// `false` when the review's own `rewatch` is left out (review files write it only
    /// when true), so every object has the key.
    #[serde(skip_serializing_if = "Option::is_none")]
    rewatch: Option<bool>,
}

/// The reviews as a pretty JSON array of whole objects (ID as `list` prints it, the film's
/// title and year, then every field including comments), for scripts and other tools.
///
/// # Panics
///
/// Never in practice: every field serialises to JSON (ratings are finite, keys are strings).
#[must_use]
pub fn json(library: &Library, rows: &[(&Collection, &Review)]) -> String {
    let rows: Vec<JsonReview<'_>> = rows
        .iter()
        .map(|&(c, r)| JsonReview {
            id: library.qualified_id(c, r),
            film: JsonFilm::from(&c.film),
            review: r,
            rewatch: (!r.rewatch).then_some(false),
        })
        .collect();
    serde_json::to_string_pretty(&rows).expect("reviews serialise to JSON")
}

/// Writes [`markdown`] to `DIR/<id>.md`, or `<id>-2.md`, `<id>-3.md`, … when taken, so an
/// export never replaces an earlier one; returns the path so the caller can say where.
pub fn write_markdown_file(
    dir: &Path,
    collection: &Collection,
    review: &Review,
) -> io::Result<PathBuf> {
    let stem = file_stem(&review.id);
    let text = markdown(collection, review);
    for n in 1..=u32::MAX {
        let name = if n == 1 {
            format!("{stem}.md")
        } else {
            format!("{stem}-{n}.md")
        };
        let path = dir.join(name);
        // `symlink_metadata` so a dangling link counts as taken, not as free.
        match std::fs::symlink_metadata(&path) {
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                crate::atomic::write(&path, text.as_bytes())?;
                return Ok(path);
            }
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "no free file name for the export",
    ))
}

/// The review ID as a single safe file name: IDs are file stems, but a review built in code
/// could hold a separator or start with a dot.
fn file_stem(id: &str) -> String {
    let stem: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_start_matches('.');
    if stem.is_empty() {
        "review".to_owned()
    } else {
        stem.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Comment, Date, Rating};

    fn collection() -> Collection {
        Collection {
            name: "film".into(),
            key: "film".into(),
            film: Film {
                title: "A Film".into(),
                ..Film::default()
            },
            reviews: Vec::new(),
        }
    }

    fn review() -> Review {
        let mut r = crate::data::bundled_library().collections[0].reviews[0].clone();
        r.id = "r".into();
        r.title = "Title".into();
        r.body = "Body with ||a twist||.".into();
        r.source = None;
        r.reviewer = Some("*NSYNC_fan".into());
        r.published = None;
        r.url = None;
        r.read_minutes = None;
        r.kind = Kind::Review;
        r.rating = Some(Rating {
            score: 3.0,
            max: 5.0,
        });
        r.audience_rating = None;
        r.comments = vec![
            Comment {
                text: "First.".into(),
                ..Comment::default()
            },
            Comment {
                text: "Second\u{1b}[2J.".into(),
                author: Some("Liz".into()),
                posted: Some(Date {
                    year: 2024,
                    month: 6,
                    day: 13,
                }),
                contact: Some("Twitter: yesnofilms".into()),
                replies_to: Some(1),
            },
        ];
        r
    }

    #[test]
    fn markdown_says_unknown_and_keeps_spoilers() {
        let md = markdown(&collection(), &review());
        assert!(md.starts_with("# Title\n\n- **Film:** A Film (year unknown)\n"));
        assert!(md.contains("- **Source:** unknown\n"));
        assert!(md.contains("- **Reviewer:** \\*NSYNC\\_fan\n"));
        assert!(md.contains("- **Rating:** 3/5 (60%)\n"));
        assert!(md.contains("- **Audience rating:** unknown\n"));
        assert!(md.contains("\nBody with ||a twist||.\n"));
        assert!(md.contains("\n## Comments (2)\n\n### #1 anonymous\n\nFirst.\n"));
        assert!(md.contains("\n### #2 Liz\n\n*2024-06-13 · Twitter: yesnofilms · reply to #1*\n"));
        assert!(!md.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn file_stems_stay_inside_the_folder() {
        assert_eq!(file_stem("keep-on-running"), "keep-on-running");
        assert_eq!(file_stem("../x"), "-x");
        assert_eq!(file_stem(".."), "review");
    }
}
