//! Reading collections from disk: each file parsed on its own, so one bad file is
//! reported and skipped while the rest loads.

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
    pub bytes: Vec<u8>,
}

/// Parses `film.toml` text: the film, or the error that stopped it, plus warnings.
pub fn parse_film(path: &str, bytes: &[u8]) -> Result<(Film, Vec<Diagnostic>), Diagnostic> {
    let (mut film, warnings): (Film, _) = parse_toml(path, bytes)?;
    film.sanitize();
    Ok((film, warnings))
}

/// Parses a review file's text; `id` is the file stem.
pub fn parse_review(
    path: &str,
    id: &str,
    bytes: &[u8],
) -> Result<(Review, Vec<Diagnostic>), Diagnostic> {
    let (mut review, warnings): (Review, _) = parse_toml(path, bytes)?;
    review.id = super::sanitize(id);
    review.sanitize();
    Ok((review, warnings))
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
        Diagnostic::at_offset(path, text, offset, Severity::Error, e.message())
    };
    let deserializer = toml::Deserializer::parse(text).map_err(error)?;
    let mut unknown = Vec::new();
    let value = serde_ignored::deserialize(deserializer, |key| unknown.push(key.to_string()))
        .map_err(error)?;
    let warnings = unknown
        .iter()
        .map(|key| {
            let offset = locate_key(text, key);
            Diagnostic::at_offset(
                path,
                text,
                offset,
                Severity::Warning,
                &format!("unknown key `{key}` ignored"),
            )
        })
        .collect();
    Ok((value, warnings))
}

/// Finds where a dotted key path such as `comments.3.mood` is written, as a byte offset.
fn locate_key(text: &str, key_path: &str) -> usize {
    let segments: Vec<&str> = key_path.split('.').collect();
    let mut cursor = 0;
    let mut i = 0;
    while i < segments.len() {
        let name = segments[i];
        let index = segments.get(i + 1).and_then(|s| s.parse::<usize>().ok());
        let found = if let Some(n) = index {
            i += 1;
            find_line(text, cursor, |l| header_name(l, "[[") == Some(name)).nth(n)
        } else if i + 1 == segments.len() {
            find_line(text, cursor, |l| assigns(l, name))
                .next()
                .map(|at| {
                    let line = &text[at..];
                    at + line.find(name).unwrap_or(0)
                })
        } else {
            find_line(text, cursor, |l| {
                header_name(l, "[") == Some(name) || assigns(l, name)
            })
            .next()
        };
        if let Some(at) = found {
            cursor = at;
        }
        i += 1;
    }
    cursor
}

/// Byte offsets (of the first non-blank character) of lines from `start` that match.
fn find_line<'a>(
    text: &'a str,
    start: usize,
    matches: impl Fn(&str) -> bool + 'a,
) -> impl Iterator<Item = usize> + 'a {
    let mut offset = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let at = offset;
        offset += line.len();
        let trimmed = line.trim_start();
        let at = at + (line.len() - trimmed.len());
        (at >= start && matches(trimmed)).then_some(at)
    })
}

/// The last dotted part of a `[table]` or `[[array]]` header.
fn header_name<'a>(line: &'a str, open: &str) -> Option<&'a str> {
    let close = if open == "[[" { "]]" } else { "]" };
    let inner = line.strip_prefix(open)?.split(close).next()?;
    if open == "[" && inner.starts_with('[') {
        return None;
    }
    inner.rsplit('.').next().map(str::trim)
}

/// True when the line assigns `name`, directly or inside an inline table.
fn assigns(line: &str, name: &str) -> bool {
    line.match_indices(name).any(|(at, _)| {
        let before_ok = at == 0 || line[..at].ends_with([' ', '{', ',', '.']);
        before_ok && line[at + name.len()..].trim_start().starts_with(['=', '.'])
    })
}

/// Loads a collection, or a library of collections, from a folder.
#[must_use]
pub fn load_path(path: &Path) -> Library {
    let mut library = Library::default();
    let shown = path.display().to_string();
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
        bytes: fs::read(p).unwrap_or_default(),
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
    film: Option<SourceFile>,
    film_missing_path: &str,
    reviews: Vec<(String, SourceFile)>,
    library: &mut Library,
) {
    let placeholder = || Film {
        title: super::sanitize(name),
        ..Film::default()
    };
    let film = match film {
        Some(file) => match parse_film(&file.path, &file.bytes) {
            Ok((film, warnings)) => {
                library.diagnostics.extend(warnings);
                film
            }
            Err(e) => {
                library.diagnostics.push(e);
                library.files_skipped += 1;
                placeholder()
            }
        },
        None => {
            library.diagnostics.push(not_found(
                film_missing_path,
                "missing film.toml: the film is shown by folder name",
            ));
            placeholder()
        }
    };
    let mut collection = Collection {
        name: super::sanitize(name),
        film,
        reviews: Vec::new(),
    };
    for (id, file) in reviews {
        match parse_review(&file.path, &id, &file.bytes) {
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
    use super::locate_key;

    #[test]
    fn unknown_keys_are_located_in_nested_tables() {
        let text = "title = \"t\"\nmood = 1\n[[comments]]\ntext = \"a\"\n[[comments]]\ntext = \"b\"\nmood = 2\n";
        let at = locate_key(text, "mood");
        assert_eq!(&text[at..at + 4], "mood");
        let at = locate_key(text, "comments.1.mood");
        assert_eq!(&text[at..at + 8], "mood = 2");
    }

    #[test]
    fn unknown_keys_in_inline_tables_are_located() {
        let text = "title = \"t\"\nrating = { score = 3.0, max = 5.0, stars = 3 }\n";
        let at = locate_key(text, "rating.stars");
        assert_eq!(&text[at..at + 5], "stars");
    }
}
