//! What the toml parser reports, said for a person editing the file: errors and unknown
//! keys located from the parser's own spans, named as the file writes them, and nesting
//! refused before the parser recurses.

use std::fmt::Write as _;
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};

/// Deepest nesting of arrays, inline tables and dotted keys accepted. The toml parser stops
/// at 80 with a vaguer message; checking first says what is wrong, and where.
pub(super) const MAX_NESTING: usize = 64;

/// A diagnostic pointing at a top-level key (or the file's start if it cannot be found).
/// `key` is a path such as `["comments", "3", "replies_to"]` (array indices from 0).
pub(super) fn at_key(
    path: &str,
    text: &str,
    key: &[&str],
    severity: Severity,
    message: &str,
) -> Diagnostic {
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

/// An error at the first bracket, brace or dot nested deeper than [`MAX_NESTING`], so the
/// parser never recurses that far; `None` when the file stays shallower.
pub(super) fn nesting_error(path: &str, text: &str) -> Option<Diagnostic> {
    too_deep(text).map(|offset| {
        Diagnostic::at_offset(
            path,
            text,
            offset,
            Severity::Error,
            &format!("nesting deeper than {MAX_NESTING} levels"),
        )
    })
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
pub(super) fn toml_error(
    path: &str,
    text: &str,
    e: &toml::de::Error,
    required: &str,
) -> Diagnostic {
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

/// The key written at `span`, with a dotted prefix (`rating.score`) and without quotes, so
/// a duplicate key is named the same way in a review file and in the config.
#[must_use]
pub fn key_text(text: &str, span: Range<usize>) -> String {
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
    if let Some(said) = out_of_range(message) {
        return said;
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

/// `invalid value: integer `N`, expected u32` for a number that is a whole number but out
/// of the field's range: say it is negative, or too large and what the largest is.
fn out_of_range(message: &str) -> Option<String> {
    let rest = message.strip_prefix("invalid value: integer `")?;
    let (number, expected) = rest.split_once("`, expected ")?;
    let max: u128 = match expected {
        "u16" => u16::MAX.into(),
        "u32" => u32::MAX.into(),
        "u64" | "usize" => u64::MAX.into(),
        _ => return None,
    };
    if number.starts_with('-') {
        return Some(format!(
            "{number} is negative; expected a whole number, 0 or more"
        ));
    }
    let n: u128 = number.parse().ok()?;
    (n > max).then(|| format!("{number} is too large (at most {max})"))
}

/// A warning for each unknown key, located from a second, span-keeping parse, in file
/// order. Only files with unknown keys pay for that parse.
pub(super) fn unknown_keys(path: &str, text: &str, unknown: &[Vec<Segment>]) -> Vec<Diagnostic> {
    if unknown.is_empty() {
        return Vec::new();
    }
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
    warnings
}

/// One step of a path to an unknown key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Segment {
    Key(String),
    Index(usize),
}

/// Flattens `serde_ignored`'s path, dropping the `Option`/newtype steps TOML has no syntax for.
pub(super) fn segments(path: &serde_ignored::Path<'_>) -> Vec<Segment> {
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
    if rest.is_empty() {
        // The element itself: where its table (a `[[cast]]` header) is written.
        return Some(value.span().start);
    }
    match value.get_ref() {
        DeValue::Table(inner) => key_offset(inner, rest),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
