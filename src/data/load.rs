//! Reading collections from disk: each file parsed on its own, so one bad file is
//! reported and skipped while the rest loads.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Read as _};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use super::model::{Film, Library, Review};
use crate::diagnostic::{Diagnostic, Severity};

/// The file that makes a folder a collection.
pub(super) const FILM_FILE: &str = "film.toml";
/// The folder holding one TOML file per review.
pub(super) const REVIEWS_DIR: &str = "reviews";
/// The largest file [`load_path`] reads, so a stray video or dump named `.toml` is refused
/// from its size instead of being read into memory whole.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Deepest nesting of arrays, inline tables and dotted keys accepted. The toml parser stops
/// at 80 with a vaguer message; checking first says what is wrong, and where.
const MAX_NESTING: usize = 64;
/// The byte order mark some editors put at the start of UTF-8 files.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// How [`load_path_with`] reads files from disk, so limits can be set per caller (and tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// Files larger than this are reported and skipped without being read.
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: MAX_FILE_BYTES,
        }
    }
}

/// A file's display path and contents, wherever it came from (disk or the binary).
pub(crate) struct SourceFile {
    pub path: String,
    /// The contents, or the whole message saying why they were not read.
    pub bytes: Result<Vec<u8>, String>,
}

impl SourceFile {
    pub(super) fn parse<T>(
        &self,
        parse: impl FnOnce(&str, &[u8]) -> Result<(T, Vec<Diagnostic>), Diagnostic>,
    ) -> Result<(T, Vec<Diagnostic>), Diagnostic> {
        match &self.bytes {
            Ok(bytes) => parse(&self.path, bytes),
            Err(message) => Err(Diagnostic::whole_file(&self.path, Severity::Error, message)),
        }
    }
}

/// Parses `film.toml` text: the film, or the error that stopped it, plus warnings.
pub fn parse_film(path: &str, bytes: &[u8]) -> Result<(Film, Vec<Diagnostic>), Diagnostic> {
    let text = decode(path, bytes)?;
    let (mut film, warnings): (Film, _) = parse_toml(path, text, "every film needs a title")?;
    film.sanitize();
    if film.title.is_empty() {
        return Err(at_key(
            path,
            text,
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
    let text = decode(path, bytes)?;
    let (mut review, mut warnings): (Review, _) =
        parse_toml(path, text, "every review needs title and body")?;
    review.id = super::sanitize_line(id);
    review.sanitize();
    if review.title.is_empty() {
        return Err(at_key(
            path,
            text,
            &["title"],
            Severity::Error,
            "title is empty: every review needs one",
        ));
    }
    if review.body.trim().is_empty() {
        warnings.push(at_key(
            path,
            text,
            &["body"],
            Severity::Warning,
            "body is empty",
        ));
    }
    if let Some(url) = review.url.as_deref().filter(|u| !super::is_web_link(u)) {
        let message =
            format!("url `{url}` is not an http(s) link; it will not be opened or copied");
        warnings.push(at_key(path, text, &["url"], Severity::Warning, &message));
    }
    let unclosed = |text: &str| text.matches("||").count() % 2 == 1;
    if unclosed(&review.body) {
        warnings.push(at_key(
            path,
            text,
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
                text,
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
                text,
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
fn at_key(path: &str, text: &str, key: &[&str], severity: Severity, message: &str) -> Diagnostic {
    let segments: Vec<Segment> = key
        .iter()
        .map(|k| {
            k.parse()
                .map_or_else(|_| Segment::Key((*k).to_owned()), Segment::Index)
        })
        .collect();
    let offset = toml::de::DeTable::parse(text)
        .ok()
        .and_then(|t| key_offset(t.get_ref(), &segments))
        .unwrap_or(0);
    Diagnostic::at_offset(path, text, offset, severity, message)
}

/// The file's text: UTF-8, with a leading byte order mark dropped so positions on line 1
/// count from the first real character. UTF-16 and invalid bytes are errors.
fn decode<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    if is_utf16(bytes) {
        return Err(Diagnostic::whole_file(
            path,
            Severity::Error,
            "file is UTF-16; save it as UTF-8",
        ));
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let valid = String::from_utf8_lossy(&bytes[..offset]);
        let byte = bytes.get(offset).copied().unwrap_or_default();
        Diagnostic::at_offset(
            path,
            &valid,
            offset,
            Severity::Error,
            &format!("file is not UTF-8: invalid byte 0x{byte:02x}; save it as UTF-8"),
        )
    })
}

/// True for a UTF-16 byte order mark (`FF FE`, `FE FF`), or when most two-byte pairs at the
/// start are half NUL — ASCII written as UTF-16 without a mark. Neither can start UTF-8 text.
fn is_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let pairs: Vec<&[u8]> = bytes[..bytes.len().min(64)].chunks_exact(2).collect();
    let half_nul = pairs.iter().filter(|p| (p[0] == 0) != (p[1] == 0)).count();
    !pairs.is_empty() && half_nul * 2 >= pairs.len()
}

/// The byte offset where `[`, `{` or a dotted key's parts nest deeper than [`MAX_NESTING`],
/// scanning outside strings and comments; `None` when the file stays shallower.
fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut dots = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            quote @ (b'"' | b'\'') => {
                i = string_end(bytes, i, quote);
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                dots = 0;
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                dots = 0;
            }
            b'.' => dots += 1,
            b'=' | b',' | b'\n' => dots = 0,
            _ => {}
        }
        if depth + dots > MAX_NESTING {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The offset just past the string opening at `start` (or the end of its line or the
/// file, if unclosed: the parser reports that).
fn string_end(bytes: &[u8], start: usize, quote: u8) -> usize {
    let basic = quote == b'"';
    let triple = [quote; 3];
    let multiline = bytes[start..].starts_with(&triple);
    let mut i = start + if multiline { 3 } else { 1 };
    while i < bytes.len() {
        // Jump to the next byte that can end the string or escape: string bodies are
        // most of a review file.
        let rest = &bytes[i..];
        let next = match (basic, multiline) {
            (true, true) => memchr::memchr2(quote, b'\\', rest),
            (true, false) => memchr::memchr3(quote, b'\\', b'\n', rest),
            (false, true) => memchr::memchr(quote, rest),
            (false, false) => memchr::memchr2(quote, b'\n', rest),
        };
        let Some(skip) = next else {
            return bytes.len();
        };
        i += skip;
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' => return i,
            _ if !multiline => return i + 1,
            _ if bytes[i..].starts_with(&triple) => {
                // Up to two more quotes may end the content: `"""a""""`.
                let mut end = i + 3;
                while end < bytes.len() && bytes[end] == quote && end < i + 5 {
                    end += 1;
                }
                return end;
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Turns a toml error into a diagnostic, naming what the parser leaves unnamed.
fn toml_error(path: &str, text: &str, e: &toml::de::Error, required: &str) -> Diagnostic {
    let span = e.span();
    let message = e.message();
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        return missing_field(path, text, span, field, required);
    }
    let offset = span.as_ref().map_or(0, |s| s.start);
    let message = match span {
        Some(span) if message == "duplicate key" => {
            format!("duplicate key `{}`", key_text(text, span))
        }
        _ => humanize(message),
    };
    Diagnostic::at_offset(path, text, offset, Severity::Error, &message)
}

/// A missing required field: at the `[[comments]]` header or inline table that lacks it,
/// or, for a top-level field (which has no place of its own), about the whole file.
fn missing_field(
    path: &str,
    text: &str,
    span: Option<Range<usize>>,
    field: &str,
    required: &str,
) -> Diagnostic {
    match span {
        Some(span) if !span.is_empty() => {
            let owner = toml::de::DeTable::parse(text)
                .ok()
                .and_then(|t| table_at(t.get_ref(), &span))
                .map_or_else(|| "a table".to_owned(), |p| describe(&p));
            Diagnostic::at_offset(
                path,
                text,
                span.start,
                Severity::Error,
                &format!("{owner} is missing `{field}`"),
            )
        }
        _ => Diagnostic::whole_file(
            path,
            Severity::Error,
            &format!("missing required field `{field}` ({required})"),
        ),
    }
}

/// The path of the table written at `span` (a `[[comments]]` header, an inline table).
fn table_at(table: &toml::de::DeTable<'_>, span: &Range<usize>) -> Option<Vec<Segment>> {
    use toml::de::DeValue;
    let inside = |value: &toml::Spanned<DeValue<'_>>| match value.get_ref() {
        DeValue::Table(_) if value.span() == *span => Some(Vec::new()),
        DeValue::Table(inner) => table_at(inner, span),
        _ => None,
    };
    table.iter().find_map(|(key, value)| {
        let mut found = match value.get_ref() {
            DeValue::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
                let mut rest = inside(item)?;
                rest.insert(0, Segment::Index(i));
                Some(rest)
            }),
            _ => inside(value),
        }?;
        found.insert(0, Segment::Key(key.get_ref().to_string()));
        Some(found)
    })
}

/// Names a table the way the reader counts: `comment #3`, `cast member #2`, `` `rating` ``.
fn describe(path: &[Segment]) -> String {
    match path {
        [Segment::Key(k), Segment::Index(i)] if k == "comments" => format!("comment #{}", i + 1),
        [Segment::Key(k), Segment::Index(i)] if k == "cast" => {
            format!("cast member #{}", i + 1)
        }
        _ => format!("`{}`", display_path(path)),
    }
}

/// The key written at `span`, with a dotted prefix (`rating.score`) and without quotes.
fn key_text(text: &str, span: Range<usize>) -> String {
    let Some(written) = text.get(span.clone()) else {
        return String::new();
    };
    let before = &text[..span.start];
    let prefix = &before[before
        .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        .len()..];
    let unquoted = written
        .strip_prefix('\'')
        .and_then(|k| k.strip_suffix('\''))
        .or_else(|| {
            written
                .strip_prefix('"')
                .and_then(|k| k.strip_suffix('"'))
                .filter(|k| !k.contains('\\'))
        })
        .unwrap_or(written);
    format!("{prefix}{unquoted}")
}

/// Says serde's type names the way a person editing TOML would.
fn humanize(message: &str) -> String {
    if message == "recursion limit" || message.starts_with("cannot recurse further") {
        return "nesting too deep".to_owned();
    }
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
    text: &str,
    required: &str,
) -> Result<(T, Vec<Diagnostic>), Diagnostic> {
    if let Some(offset) = too_deep(text) {
        return Err(Diagnostic::at_offset(
            path,
            text,
            offset,
            Severity::Error,
            &format!("nesting deeper than {MAX_NESTING} levels"),
        ));
    }
    let error = |e: toml::de::Error| toml_error(path, text, &e, required);
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

/// Loads a collection, or a library of collections, from a folder, with the default
/// [`LoadOptions`].
#[must_use]
pub fn load_path(path: &Path) -> Library {
    load_path_with(path, &LoadOptions::default())
}

/// Loads a collection, or a library of collections, from a folder, reading files as
/// `options` says. Every problem becomes a diagnostic; nothing here fails or panics.
#[must_use]
pub fn load_path_with(path: &Path, options: &LoadOptions) -> Library {
    let mut library = Library {
        origin: Some(super::sanitize_line(&path.display().to_string())),
        ..Library::default()
    };
    super::stream::load_parts(path, options, false, &mut |part| library.add(part));
    library
}

fn whole_file_error(path: &str, message: &str) -> Diagnostic {
    Diagnostic::whole_file(path, Severity::Error, message)
}

pub(super) fn is_collection(path: &Path) -> bool {
    fs::symlink_metadata(path.join(FILM_FILE)).is_ok() || path.join(REVIEWS_DIR).is_dir()
}

pub(super) fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Says why `path` could not be opened, in words rather than an OS error number.
pub(super) fn reason(path: &Path, e: &io::Error) -> String {
    let link = is_symlink(path);
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::NotFound if link => {
            "broken symbolic link (its target does not exist)".to_owned()
        }
        io::ErrorKind::NotFound => "it no longer exists".to_owned(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file".to_owned(),
        // ELOOP has no stable `ErrorKind`; a link that exists but cannot be followed loops.
        _ if link => "symbolic link loop (the link leads back to itself)".to_owned(),
        _ => e.to_string(),
    }
}

/// The collections in a library folder, sorted. Symbolic links that loop (to themselves,
/// or back to the library or above it) are reported and not followed.
pub(super) fn library_entries(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let entries = match fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) => {
            let message = format!("cannot read folder: {}", reason(path, &e));
            diagnostics.push(whole_file_error(&path.display().to_string(), &message));
            return Vec::new();
        }
    };
    let home = fs::canonicalize(path).ok();
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let mut dirs = Vec::new();
    for dir in paths {
        if is_symlink(&dir) {
            let message = match fs::canonicalize(&dir) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    Some(format!("{}; skipped", reason(&dir, &e)))
                }
                Ok(target) if home.as_ref().is_some_and(|h| h.starts_with(&target)) => Some(
                    "symbolic link loop: it leads back to the library folder; not followed"
                        .to_owned(),
                ),
                _ => None,
            };
            if let Some(message) = message {
                diagnostics.push(Diagnostic::whole_file(
                    &dir.display().to_string(),
                    Severity::Warning,
                    &message,
                ));
                continue;
            }
        }
        if is_collection(&dir) {
            dirs.push(dir);
        }
    }
    dirs
}

/// A file's bytes, refused from its metadata when it is not a regular file or is over
/// the size limit, so pipes, devices and huge files never stall loading.
pub(super) fn read_file(path: &Path, options: &LoadOptions) -> Result<Vec<u8>, String> {
    let cannot = |e: &io::Error| format!("cannot read file: {}", reason(path, e));
    let meta = fs::metadata(path).map_err(|e| cannot(&e))?;
    if meta.is_dir() {
        return Err("cannot read file: it is a folder, not a file".to_owned());
    }
    if !meta.is_file() {
        return Err("cannot read file: not a regular file (a pipe, socket or device)".to_owned());
    }
    let limit = options.max_file_bytes;
    if meta.len() > limit {
        return Err(format!(
            "file is {}, over the {} limit; not read",
            size_text(meta.len()),
            limit_text(limit)
        ));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|e| cannot(&e))?;
    if bytes.len() as u64 > limit {
        // It grew between the size check and the read.
        return Err(format!(
            "file is over the {} limit; not read",
            limit_text(limit)
        ));
    }
    Ok(bytes)
}

const KIB: u64 = 1024;
const MIB: u64 = 1024 * KIB;

/// A file size to one decimal: `20.0 MiB`, `1.5 KiB`, `300 bytes`.
fn size_text(bytes: u64) -> String {
    if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else if bytes >= KIB {
        format!("{:.1} KiB", bytes as f64 / KIB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

/// A limit as it was likely set: `16 MiB`, `1 KiB`, else as a size.
fn limit_text(bytes: u64) -> String {
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else {
        size_text(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::{LoadOptions, MAX_NESTING, limit_text, load_path_with, parse_film, parse_review};

    fn error(text: &str) -> String {
        parse_review("r.toml", "r", text.as_bytes())
            .expect_err("fails")
            .to_string()
    }

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

    #[test]
    fn nesting_is_refused_before_the_parser_recurses() {
        let deep = |open: &str, close: &str, n: usize| {
            format!(
                "title = \"t\"\nbody = \"b\"\nx = {}1{}\n",
                open.repeat(n),
                close.repeat(n)
            )
        };
        let message = format!("nesting deeper than {MAX_NESTING} levels");
        // The 65th bracket, after `x = ` and 64 others.
        assert_eq!(
            error(&deep("[", "]", 100_000)),
            format!("r.toml:3:69: error: {message}")
        );
        assert_eq!(
            error(&deep("{a=", "}", 100)),
            format!("r.toml:3:{}: error: {message}", 5 + 3 * 64)
        );
        let dotted = vec!["k"; 100_000].join(".");
        assert_eq!(
            error(&format!("title = \"t\"\nbody = \"b\"\n{dotted} = 1\n")),
            format!("r.toml:3:{}: error: {message}", 2 * 64 + 2)
        );
        assert_eq!(
            error(&format!("title = \"t\"\nbody = \"b\"\n[{dotted}]\n")),
            format!("r.toml:3:{}: error: {message}", 2 * 63 + 3)
        );
        // Brackets and dots inside strings and comments are text, not nesting.
        let inert = "[".repeat(200) + &".".repeat(200);
        let text = format!(
            "title = \"{inert}\"\nbody = \'\'\'{inert}\'\'\' # {inert}\nsource = \"\\\"{inert}\"\n"
        );
        parse_review("r.toml", "r", text.as_bytes()).expect("strings may hold brackets");
        // Within the limit, the parser's own rules apply.
        let ok = deep("[", "]", 20).replace("x = ", "rating = { score = 1.0, max = 2.0, x = ");
        let ok = ok.trim_end().to_owned() + " }\n";
        let (_, warnings) = parse_review("r.toml", "r", ok.as_bytes()).expect("20 levels load");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
    }

    #[test]
    fn duplicate_keys_are_named() {
        assert_eq!(
            error("title = \"a\"\nbody = \"b\"\n\"title\" = \"c\"\n"),
            "r.toml:3:1: error: duplicate key `title`"
        );
        assert_eq!(
            error("title = \"a\"\nbody = \"b\"\nrating.score = 1.0\nrating.score = 2.0\n"),
            "r.toml:4:8: error: duplicate key `rating.score`"
        );
        assert_eq!(
            error(
                "title = \"a\"\nbody = \"b\"\nrating = { score = 1.0, max = 2.0, score = 3.0 }\n"
            ),
            "r.toml:3:36: error: duplicate key `score`"
        );
        assert_eq!(
            error("title = \"a\"\nbody = \"b\"\n[rating]\nscore = 1.0\n[rating]\nmax = 2.0\n"),
            "r.toml:5:2: error: duplicate key `rating`"
        );
    }

    #[test]
    fn missing_fields_name_their_table() {
        assert_eq!(
            error("title = \"a\"\n"),
            "r.toml: error: missing required field `body` (every review needs title and body)"
        );
        assert_eq!(
            error("title = \"a\"\nbody = \"b\"\nrating = { score = 1.0 }\n"),
            "r.toml:3:10: error: `rating` is missing `max`"
        );
        assert_eq!(
            error(
                "title = \"a\"\nbody = \"b\"\ncomments = [{ text = \"x\" }, { author = \"y\" }]\n"
            ),
            "r.toml:3:29: error: comment #2 is missing `text`"
        );
        let film = parse_film(
            "film.toml",
            b"title = \"F\"\n[[cast]]\nactor = \"A\"\n[[cast]]\nrole = \"B\"\n",
        )
        .expect_err("no actor");
        assert_eq!(
            film.to_string(),
            "film.toml:4:1: error: cast member #2 is missing `actor`"
        );
        let film = parse_film("film.toml", b"year = 2020\n").expect_err("no title");
        assert_eq!(
            film.to_string(),
            "film.toml: error: missing required field `title` (every film needs a title)"
        );
    }

    #[test]
    fn encodings_other_than_utf8_are_named() {
        let utf16 = "r.toml: error: file is UTF-16; save it as UTF-8";
        let text = "title = \"t\"\nbody = \"b\"\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [
            [&[0xFF, 0xFE][..], &le].concat(),
            [&[0xFE, 0xFF][..], &be].concat(),
            le,
            be,
        ] {
            let e = parse_review("r.toml", "r", &bytes).expect_err("UTF-16");
            assert_eq!(e.to_string(), utf16);
        }
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        let (review, _) = parse_review("r.toml", "r", &bom).expect("a UTF-8 BOM is fine");
        assert_eq!(review.title, "t");
        let latin1 = b"title = \"t\"\nbody = \"caf\xe9\"\n";
        assert_eq!(
            parse_review("r.toml", "r", latin1)
                .expect_err("latin-1")
                .to_string(),
            "r.toml:2:12: error: file is not UTF-8: invalid byte 0xe9; save it as UTF-8"
        );
    }

    #[test]
    fn the_size_limit_is_configurable() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/invalid/too-big"
        );
        let options = LoadOptions {
            max_file_bytes: 1024,
        };
        let library = load_path_with(std::path::Path::new(dir), &options);
        let ids: Vec<_> = library.reviews().map(|(_, r)| r.id.as_str()).collect();
        assert_eq!(ids, ["good"]);
        let [d] = library.diagnostics.as_slice() else {
            panic!("{:?}", library.diagnostics)
        };
        assert_eq!(
            d.to_string(),
            format!(
                "{dir}/reviews/too-big.toml: error: file is 1.5 KiB, over the 1 KiB limit; not read"
            )
        );
        assert_eq!(library.files_skipped, 1);
        let library = load_path_with(std::path::Path::new(dir), &LoadOptions::default());
        assert_eq!((library.reviews().count(), library.files_skipped), (2, 0));
        assert_eq!(limit_text(16 * 1024 * 1024), "16 MiB");
        assert_eq!(limit_text(1000), "1000 bytes");
    }
}
