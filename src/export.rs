//! Reviews written out for use elsewhere: a standalone Markdown document per review, a
//! JSON array of whole reviews, and a never-overwriting `.md` file for the reader's `e` key.
//! No terminal code, so `reelread export` and the reader export the same text.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use crate::data::{Collection, Comment, Kind, Library, Review, review_matches};
use crate::query;

mod json;

pub use json::{JsonFilm, json};

/// Whether a review passes `--reviewer` (written or commented on by a matching name) and
/// `--grep` (text outside spoilers), the same rules as `list`; `None` passes everything.
#[must_use]
pub fn selected(review: &Review, reviewer: Option<&str>, grep: Option<&query::Grep>) -> bool {
    reviewer.is_none_or(|q| review_matches(review, q)) && grep.is_none_or(|g| g.hits(review) > 0)
}

/// The library's reviews that pass [`selected`], in display order, so a command can export
/// exactly what `list` with the same options shows.
#[must_use]
pub fn select<'a>(
    library: &'a Library,
    reviewer: Option<&str>,
    grep: Option<&str>,
) -> Vec<(&'a Collection, &'a Review)> {
    let grep = grep.map(query::Grep::new);
    library
        .reviews()
        .filter(|(_, r)| selected(r, reviewer, grep.as_ref()))
        .collect()
}

/// A review and its comments as a standalone Markdown document, so it can be kept or shared
/// outside reelread. Only what is known is written (a field the file leaves out has no
/// line), spoiler markers are kept, and an image with no address becomes its caption.
#[must_use]
pub fn markdown(collection: &Collection, review: &Review) -> String {
    let mut out = String::new();
    let film = &collection.film;
    let film_line = match film.year {
        Some(year) => format!("{} ({year})", inline(&film.title)),
        None => inline(&film.title),
    };
    let kind = match review.kind {
        Kind::Review => "review",
        Kind::Preview => "preview",
    };
    let meta = [
        ("Film", Some(film_line)),
        ("Source", review.source.as_deref().map(inline)),
        ("Reviewer", review.reviewer.as_deref().map(inline)),
        ("Published", review.published.map(|d| d.to_string())),
        ("Watched", watched(review)),
        ("URL", review.url.as_deref().map(link)),
        ("Read time", review.read_minutes.map(|m| format!("{m} min"))),
        ("Kind", Some(kind.to_owned())),
        (
            "Rating",
            review.rating.map(|r| format!("{r} ({:.0}%)", r.percent())),
        ),
        (
            "Audience rating",
            review
                .audience_rating
                .map(|a| format!("{a} ({:.0}%)", a.percent())),
        ),
    ];
    let _ = writeln!(out, "# {}\n", inline(&review.title));
    for (label, value) in meta {
        if let Some(value) = value {
            let _ = writeln!(out, "- **{label}:** {value}");
        }
    }
    let body = without_empty_images(review.body.trim_matches('\n'));
    if !body.trim().is_empty() {
        let _ = write!(out, "\n{}\n", body.trim_matches('\n'));
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

/// When the film was watched, as far as the review says: a date, a rewatch, or both.
fn watched(review: &Review) -> Option<String> {
    match (review.watched, review.rewatch) {
        (Some(date), true) => Some(format!("{date} (rewatch)")),
        (Some(date), false) => Some(date.to_string()),
        (None, true) => Some("a rewatch".to_owned()),
        (None, false) => None,
    }
}

/// Markdown with each image that has no address (`![caption]()`, the collection format's
/// caption) replaced by its caption as text, and dropped when it has none, so no other
/// program shows a broken image. Images with an address, and everything else, stay as
/// written.
#[must_use]
pub fn without_empty_images(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    let mut copied = 0;
    // The outermost empty image being replaced: its source range and its caption so far.
    let mut open: Option<(std::ops::Range<usize>, String, usize)> = None;
    for (event, range) in
        Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH).into_offset_iter()
    {
        match (&event, &mut open) {
            (Event::Start(Tag::Image { dest_url, .. }), None) if dest_url.trim().is_empty() => {
                open = Some((range, String::new(), 0));
            }
            (Event::Start(Tag::Image { .. }), Some((_, _, depth))) => *depth += 1,
            (Event::End(TagEnd::Image), Some((_, _, depth))) if *depth > 0 => *depth -= 1,
            (Event::End(TagEnd::Image), Some(_)) => {
                let Some((image, caption, _)) = open.take() else {
                    continue;
                };
                if image.start < copied {
                    continue;
                }
                out.push_str(&markdown[copied..image.start]);
                let caption = caption.trim();
                if caption.is_empty() {
                    // Nothing left of the image: no blank line where it stood alone.
                    if out.ends_with('\n') {
                        let rest = &markdown[image.end..];
                        copied = image.end + (rest.len() - rest.trim_start_matches('\n').len());
                        continue;
                    }
                } else {
                    out.push_str(&inline(caption));
                }
                copied = image.end;
            }
            (Event::Text(text) | Event::Code(text), Some((_, caption, _))) => {
                caption.push_str(text);
            }
            _ => {}
        }
    }
    out.push_str(&markdown[copied..]);
    out
}

/// One comment: its number and author, what is known of it, its text.
fn write_comment(out: &mut String, number: usize, comment: &Comment) {
    // An unnamed commenter is left unnamed, like every other unknown.
    match comment.author.as_deref() {
        Some(author) => {
            let _ = write!(out, "\n### #{number} {}\n", inline(author));
        }
        None => {
            let _ = write!(out, "\n### #{number}\n");
        }
    }
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
    let text = without_empty_images(comment.text.trim_matches('\n'));
    let text = text.trim_matches('\n');
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

/// Writes [`markdown`] to `DIR/<id>.md`, or `<id>-2.md`, `<id>-3.md`, … when taken, so an
/// export never replaces an earlier one; returns the path so the caller can say where.
/// The file is created as any program creates one, `0666` less the umask: it is the
/// person's document, to share or to edit.
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
        // `create_new` takes the name only if nothing has it, a dangling link included,
        // with no gap between looking and taking.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                use std::io::Write as _;
                if let Err(e) = file
                    .write_all(text.as_bytes())
                    .and_then(|()| file.sync_all())
                {
                    // No half export left behind under a name that looks finished.
                    let _ = std::fs::remove_file(&path);
                    return Err(e);
                }
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
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
    use crate::data::{Comment, Date, Film, Rating};

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
    fn markdown_leaves_unknown_fields_out_and_keeps_spoilers() {
        let md = markdown(&collection(), &review());
        assert!(
            md.starts_with(
                "# Title\n\n- **Film:** A Film\n- **Reviewer:** \\*NSYNC\\_fan\n- **Kind:** review\n- **Rating:** 3/5 (60%)\n\n"
            ),
            "{md}"
        );
        assert!(!md.contains("unknown"), "{md}");
        assert!(md.contains("\nBody with ||a twist||.\n"));
        assert!(md.contains("\n## Comments (2)\n\n### #1\n\nFirst.\n"));
        assert!(md.contains("\n### #2 Liz\n\n*2024-06-13 · Twitter: yesnofilms · reply to #1*\n"));
        assert!(!md.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn an_image_without_an_address_becomes_its_caption_or_nothing() {
        assert_eq!(
            without_empty_images("Before.\n\n![Kevin on the track]()\n\nAfter."),
            "Before.\n\nKevin on the track\n\nAfter."
        );
        assert_eq!(
            without_empty_images("Before.\n\n![]()\n\nAfter."),
            "Before.\n\nAfter."
        );
        assert_eq!(
            without_empty_images("A ![still](https://x.example/a.jpg) and ![*two* words]( ) end"),
            "A ![still](https://x.example/a.jpg) and two words end"
        );
        // Not an image: code and escaped brackets stay as written.
        let code = "`![x]()` and \\![y]()";
        assert_eq!(without_empty_images(code), code);
        let mut r = review();
        r.body = "Text.\n\n![A still from the film]()\n".into();
        let md = markdown(&collection(), &r);
        assert!(md.contains("\nText.\n\nA still from the film\n"), "{md}");
        assert!(!md.contains("]()"), "{md}");
    }

    #[test]
    fn file_stems_stay_inside_the_folder() {
        assert_eq!(file_stem("keep-on-running"), "keep-on-running");
        assert_eq!(file_stem("../x"), "-x");
        assert_eq!(file_stem(".."), "review");
    }
}
