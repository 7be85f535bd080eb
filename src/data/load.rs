//! Reading collections from disk: each file parsed on its own, so one bad file is
//! reported and skipped while the rest loads.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::diag::{Diagnostic, Severity};
use super::model::{Collection, Film, Library, Review};

/// The file that makes a folder a collection.
const FILM_FILE: &str = "film.toml";
/// The folder holding one TOML file per review.
const REVIEWS_DIR: &str = "reviews";

/// A file's display path and contents, wherever it came from (disk or the binary).
pub(crate) struct SourceFile {
    pub path: String,
    /// The contents, or why they could not be read.
    pub bytes: Result<Vec<u8>, String>,
}

impl SourceFile {
    fn parse<T>(
        &self,
        parse: impl FnOnce(&str, &[u8]) -> Result<(T, Vec<Diagnostic>), Diagnostic>,
    ) -> Result<(T, Vec<Diagnostic>), Diagnostic> {
        match &self.bytes {
            Ok(bytes) => parse(&self.path, bytes),
            Err(e) => Err(not_found(&self.path, &format!("cannot read file: {e}"))),
        }
    }
}

/// Parses `film.toml` text: the film, or the error that stopped it, plus warnings.
pub fn parse_film(path: &str, bytes: &[u8]) -> Result<(Film, Vec<Diagnostic>), Diagnostic> {
    let (mut film, warnings): (Film, _) = parse_toml(path, bytes)?;
    film.sanitize();
    if film.title.is_empty() {
        return Err(at_key(
            path,
            bytes,
            &["title"],
            Severity::Error,
            "title is empty: the film needs one",
        ));
    }
    Ok((film, warnings))
}

/// Parses a review file's text; `id` is the file stem.
pub fn parse_review(
    path: &str,
    id: &str,
    bytes: &[u8],
) -> Result<(Review, Vec<Diagnostic>), Diagnostic> {
    let (mut review, mut warnings): (Review, _) = parse_toml(path, bytes)?;
    review.id = super::sanitize_line(id);
    review.sanitize();
    if review.title.is_empty() {
        return Err(at_key(
            path,
            bytes,
            &["title"],
            Severity::Error,
            "title is empty: every review needs one",
        ));
    }
    if review.body.trim().is_empty() {
        warnings.push(at_key(
            path,
            bytes,
            &["body"],
            Severity::Warning,
            "body is empty",
        ));
    }
    let unclosed = |text: &str| text.matches("||").count() % 2 == 1;
    if unclosed(&review.body) {
        warnings.push(at_key(
            path,
            bytes,
            &["body"],
            Severity::Warning,
            "unclosed spoiler: an odd number of || markers hides everything after the last one",
        ));
    }
    for i in 0..review.comments.len() {
        if unclosed(&review.comments[i].text) {
            let index = i.to_string();
            warnings.push(at_key(
                path,
                bytes,
                &["comments", &index, "text"],
                Severity::Warning,
                "unclosed spoiler: an odd number of || markers hides the rest of the comment",
            ));
        }
        let number = i + 1;
        if let Some(parent) = review.comments[i].replies_to
            && !(1..number).contains(&parent)
        {
            review.comments[i].replies_to = None;
            let message = format!(
                "comment #{number} replies_to = {parent} must name an earlier comment (1 to {}); shown unthreaded",
                number - 1
            );
            let index = i.to_string();
            warnings.push(at_key(
                path,
                bytes,
                &["comments", &index, "replies_to"],
                Severity::Warning,
                &message,
            ));
        }
    }
    warnings.sort_by_key(|d| (d.line, d.column));
    Ok((review, warnings))
}

/// A diagnostic pointing at a top-level key (or the file's start if it cannot be found).
/// `key` is a path such as `["comments", "3", "replies_to"]` (array indices from 0).
fn at_key(path: &str, bytes: &[u8], key: &[&str], severity: Severity, message: &str) -> Diagnostic {
    let text = String::from_utf8_lossy(bytes);
    let segments: Vec<Segment> = key
        .iter()
        .map(|k| {
            k.parse()
                .map_or_else(|_| Segment::Key((*k).to_owned()), Segment::Index)
        })
        .collect();
    let offset = toml::de::DeTable::parse(&text)
        .ok()
        .and_then(|t| key_offset(t.get_ref(), &segments))
        .unwrap_or(0);
    Diagnostic::at_offset(path, &text, offset, severity, message)
}

/// Says serde's type names the way a person editing TOML would.
fn humanize(message: &str) -> String {
    message
        .replace("expected u32", "expected a whole number, 0 or more")
        .replace("expected u16", "expected a whole number, 0 or more")
        .replace("expected i32", "expected a whole number")
        .replace("expected f64", "expected a number")
        .replace(
            "expected a TOML datetime",
            "expected an unquoted date like 2024-06-12",
        )
}

fn parse_toml<T: DeserializeOwned>(
    path: &str,
    bytes: &[u8],
) -> Result<(T, Vec<Diagnostic>), Diagnostic> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let valid = String::from_utf8_lossy(&bytes[..offset]);
        let byte = bytes.get(offset).copied().unwrap_or_default();
        Diagnostic::at_offset(
            path,
            &valid,
            offset,
            Severity::Error,
            &format!("file is not valid UTF-8 (byte 0x{byte:02x})"),
        )
    })?;
    let error = |e: toml::de::Error| {
        let offset = e.span().map_or(0, |s| s.start);
        Diagnostic::at_offset(path, text, offset, Severity::Error, &humanize(e.message()))
    };
    let deserializer = toml::Deserializer::parse(text).map_err(error)?;
    let mut unknown: Vec<Vec<Segment>> = Vec::new();
    let value = serde_ignored::deserialize(deserializer, |path| unknown.push(segments(&path)))
        .map_err(error)?;
    if unknown.is_empty() {
        return Ok((value, Vec::new()));
    }
    // Only files with unknown keys pay for a second, span-keeping parse.
    let tree = toml::de::DeTable::parse(text).ok();
    let mut warnings: Vec<Diagnostic> = unknown
        .iter()
        .map(|key| {
            let offset = tree
                .as_ref()
                .and_then(|t| key_offset(t.get_ref(), key))
                .unwrap_or(0);
            Diagnostic::at_offset(
                path,
                text,
                offset,
                Severity::Warning,
                &format!("unknown key `{}` ignored", display_path(key)),
            )
        })
        .collect();
    warnings.sort_by_key(|d| (d.line, d.column));
    Ok((value, warnings))
}

/// One step of a path to an unknown key.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

/// Flattens `serde_ignored`'s path, dropping the `Option`/newtype steps TOML has no syntax for.
fn segments(path: &serde_ignored::Path<'_>) -> Vec<Segment> {
    use serde_ignored::Path;
    let mut out = match path {
        Path::Root => return Vec::new(),
        Path::Seq { parent, .. }
        | Path::Map { parent, .. }
        | Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => segments(parent),
    };
    match path {
        Path::Seq { index, .. } => out.push(Segment::Index(*index)),
        Path::Map { key, .. } => out.push(Segment::Key(key.clone())),
        _ => {}
    }
    out
}

/// `comments[2].likes`: counted from 1, as a person reads the file.
fn display_path(path: &[Segment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Key(key) if out.is_empty() => out.push_str(key),
            Segment::Key(key) => {
                out.push('.');
                out.push_str(key);
            }
            Segment::Index(i) => {
                let _ = write!(out, "[{}]", i + 1);
            }
        }
    }
    out
}

/// Where the last key of `path` is written, from the parser's own spans.
fn key_offset(table: &toml::de::DeTable<'_>, path: &[Segment]) -> Option<usize> {
    use toml::de::DeValue;
    let (Segment::Key(first), rest) = path.split_first()? else {
        return None;
    };
    let (key, value) = table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == first.as_str())?;
    if rest.is_empty() {
        return Some(key.span().start);
    }
    let mut value = value;
    let mut rest = rest;
    while let Some((Segment::Index(i), tail)) = rest.split_first() {
        let DeValue::Array(items) = value.get_ref() else {
            return None;
        };
        value = items.get(*i)?;
        rest = tail;
    }
    match value.get_ref() {
        DeValue::Table(inner) => key_offset(inner, rest),
        _ => None,
    }
}

/// Loads a collection, or a library of collections, from a folder.
#[must_use]
pub fn load_path(path: &Path) -> Library {
    let shown = path.display().to_string();
    let mut library = Library {
        origin: Some(super::sanitize_line(&shown)),
        ..Library::default()
    };
    if is_collection(path) {
        load_collection_dir(path, &mut library);
    } else if path.is_dir() {
        let mut dirs: Vec<_> = fs::read_dir(path)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| is_collection(p))
                    .collect()
            })
            .unwrap_or_default();
        dirs.sort();
        for dir in &dirs {
            load_collection_dir(dir, &mut library);
        }
        if dirs.is_empty() {
            library.diagnostics.push(not_found(&shown, "no collection here: expected film.toml and reviews/*.toml, or sub-folders that hold them"));
        }
    } else if path.exists() {
        library.diagnostics.push(not_found(
            &shown,
            "not a folder: give a collection folder (film.toml + reviews/) or a library of them",
        ));
    } else {
        library
            .diagnostics
            .push(not_found(&shown, "no such folder"));
    }
    library
}

fn not_found(path: &str, message: &str) -> Diagnostic {
    Diagnostic::at_offset(path, "", 0, Severity::Error, message)
}

fn is_collection(path: &Path) -> bool {
    path.join(FILM_FILE).is_file() || path.join(REVIEWS_DIR).is_dir()
}

fn load_collection_dir(dir: &Path, library: &mut Library) {
    let name = dir.file_name().map_or_else(
        || dir.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let read = |p: &Path| SourceFile {
        path: p.display().to_string(),
        bytes: fs::read(p).map_err(|e| e.to_string()),
    };
    let film_path = dir.join(FILM_FILE);
    let film = film_path.is_file().then(|| read(&film_path));
    let mut reviews: Vec<(String, SourceFile)> = fs::read_dir(dir.join(REVIEWS_DIR))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
                .map(|p| {
                    let id = p
                        .file_stem()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned();
                    (id, read(&p))
                })
                .collect()
        })
        .unwrap_or_default();
    reviews.sort_by(|a, b| a.0.cmp(&b.0));
    let film_missing = film_path.display().to_string();
    build_collection(&name, film, &film_missing, reviews, library);
}

/// Parses one collection's files into `library`, recording every problem.
pub(crate) fn build_collection(
    name: &str,
    film_file: Option<SourceFile>,
    film_missing_path: &str,
    reviews: Vec<(String, SourceFile)>,
    library: &mut Library,
) {
    let placeholder = || Film {
        title: super::sanitize(name),
        ..Film::default()
    };
    let film = if let Some(file) = film_file {
        match file.parse(parse_film) {
            Ok((film, warnings)) => {
                library.diagnostics.extend(warnings);
                film
            }
            Err(e) => {
                library.diagnostics.push(e);
                library.files_skipped += 1;
                placeholder()
            }
        }
    } else {
        library.diagnostics.push(not_found(
            film_missing_path,
            "missing film.toml: the film is shown by folder name",
        ));
        placeholder()
    };
    let mut collection = Collection {
        name: super::sanitize(name),
        film,
        reviews: Vec::new(),
    };
    for (id, file) in reviews {
        match file.parse(|path, bytes| parse_review(path, &id, bytes)) {
            Ok((review, warnings)) => {
                library.diagnostics.extend(warnings);
                collection.reviews.push(review);
            }
            Err(e) => {
                library.diagnostics.push(e);
                library.files_skipped += 1;
            }
        }
    }
    library.collections.push(collection);
}

#[cfg(test)]
mod tests {
    use super::parse_review;

    fn warnings(text: &str) -> Vec<String> {
        let (_, warnings) = parse_review("r.toml", "r", text.as_bytes()).expect("parses");
        warnings.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn unknown_keys_are_located_by_the_parser_not_by_text_search() {
        let text = "# mood = in a comment\ntitle = \"t\"\nbody = \"\"\"\nmood = in the body\n\"\"\"\nmood = 1\n[[comments]]\ntext = \"a\"\n[[comments]]\ntext = \"b\"\nmood = 2\n";
        assert_eq!(
            warnings(text),
            [
                "r.toml:6:1: warning: unknown key `mood` ignored",
                "r.toml:11:1: warning: unknown key `comments[2].mood` ignored",
            ]
        );
    }

    #[test]
    fn an_empty_title_is_an_error_and_an_empty_body_a_warning() {
        let error =
            parse_review("r.toml", "r", b"body = \"x\"\ntitle = \" \"\n").expect_err("empty title");
        assert_eq!(
            error.to_string(),
            "r.toml:2:1: error: title is empty: every review needs one"
        );
        assert_eq!(
            warnings("title = \"t\"\nbody = \"\"\n"),
            ["r.toml:2:1: warning: body is empty"]
        );
    }

    #[test]
    fn a_reply_must_name_an_earlier_comment() {
        let text = "title = \"t\"\nbody = \"b\"\n[[comments]]\ntext = \"a\"\n[[comments]]\ntext = \"b\"\nreplies_to = 1\n[[comments]]\ntext = \"c\"\nreplies_to = 3\n";
        let (review, warnings) = parse_review("r.toml", "r", text.as_bytes()).expect("parses");
        assert_eq!(review.comments[1].replies_to, Some(1));
        assert_eq!(review.comments[2].replies_to, None);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0]
                .to_string()
                .starts_with("r.toml:10:1: warning: comment #3 replies_to = 3"),
            "{}",
            warnings[0]
        );
    }

    #[test]
    fn an_unclosed_spoiler_is_a_warning() {
        assert_eq!(
            warnings("title = \"t\"\nbody = \"a ||b\"\n"),
            [
                "r.toml:2:1: warning: unclosed spoiler: an odd number of || markers hides everything after the last one"
            ]
        );
        assert!(warnings("title = \"t\"\nbody = \"a ||b|| c\"\n").is_empty());
    }

    #[test]
    fn type_errors_speak_toml_not_rust() {
        let error = parse_review(
            "r.toml",
            "r",
            b"title = \"t\"\nbody = \"b\"\nread_minutes = -3\n",
        )
        .expect_err("negative minutes");
        assert!(
            error.message.contains("expected a whole number, 0 or more"),
            "{error}"
        );
    }

    #[test]
    fn unknown_keys_in_inline_tables_are_located() {
        let text = "title = \"t\"\nbody = \"b\"\nrating = { score = 3.0, max = 5.0, note = \"stars = 9\", stars = 3 }\n";
        assert_eq!(
            warnings(text),
            [
                "r.toml:3:36: warning: unknown key `rating.note` ignored",
                "r.toml:3:56: warning: unknown key `rating.stars` ignored",
            ]
        );
    }
}
