//! What is written out: the review ID (a slug of the title) and the TOML file.

use std::fmt::Write as _;

use serde::Serialize;

use super::draft::Draft;
use crate::data::{Date, Kind, sanitize_line};
use crate::sanitize::escaped_in_files;

/// Longest review ID made from a title, in bytes (ASCII).
const MAX_ID: usize = 40;

/// A slug of the title, or of the file name when the title gives none.
pub(super) fn id_for(title: &str, file_stem: &str, notes: &mut Vec<String>) -> String {
    let from_title = slug(title);
    if !from_title.is_empty() {
        notes.push(format!("id: {from_title}, a slug of the title"));
        return from_title;
    }
    let from_stem = slug(file_stem);
    let id = if from_stem.is_empty() {
        "imported".to_owned()
    } else {
        from_stem
    };
    notes.push(format!(
        "id: {id}, from the file name (the title has no Latin letters or digits)"
    ));
    id
}

/// Blocks of the Latin script whose letters a slug keeps, transliterated (Latin-1 and the
/// Latin Extended blocks, IPA, ligatures such as `ﬁ`, full-width `Ａ`). Other scripts are
/// left out, so a title in them gives no slug and the ID comes from the file name.
const LATIN: &[std::ops::RangeInclusive<char>] = &[
    '\u{c0}'..='\u{2af}',
    '\u{1e00}'..='\u{1eff}',
    '\u{2c60}'..='\u{2c7f}',
    '\u{a720}'..='\u{a7ff}',
    '\u{ab30}'..='\u{ab6f}',
    '\u{fb00}'..='\u{fb06}',
    '\u{ff21}'..='\u{ff5a}',
];

/// Lower-case ASCII letters and digits (other Latin letters transliterated) joined by
/// single dashes, at most [`MAX_ID`] bytes, cut at a dash when one is near the end.
#[must_use]
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.chars() {
        if let Some(letters) = slug_letters(c) {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push_str(&letters);
        } else if c != '\'' && c != '’' {
            gap = true;
        }
    }
    if out.len() > MAX_ID {
        let cut = out[..=MAX_ID]
            .rfind('-')
            .filter(|&i| i >= MAX_ID / 2)
            .unwrap_or(MAX_ID);
        out.truncate(cut);
    }
    out.trim_end_matches('-').to_owned()
}

/// What `c` adds to a slug: itself when an ASCII letter or digit (in lower case), the
/// ASCII letters `deunicode` gives for a Latin letter (`ñ` → `n`, `ł` → `l`, `æ` → `ae`,
/// so `Ñandú` slugs as `nandu`), else nothing.
fn slug_letters(c: char) -> Option<String> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase().to_string());
    }
    if !c.is_alphabetic() || !LATIN.iter().any(|block| block.contains(&c)) {
        return None;
    }
    let letters: String = deunicode::deunicode_char(c)?
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|l| l.to_ascii_lowercase())
        .collect();
    (!letters.is_empty()).then_some(letters)
}

/// The review file: a header comment with the notes, then the fields found. Every value is
/// written by the `toml` crate's serializer, except a body or comment that can sit verbatim
/// between `'''` (see [`literal_safe`]).
pub(super) fn write_toml(draft: &Draft, file_stem: &str, notes: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Imported from {} by reelread import; check every field.",
        sanitize_line(file_stem)
    );
    for note in notes {
        let _ = writeln!(out, "# - {note}");
    }
    out.push('\n');
    let _ = writeln!(out, "title = {}", value(&draft.title));
    if draft.preview {
        let _ = writeln!(out, "kind = {}", value(&Kind::Preview));
    }
    if let Some(reviewer) = &draft.reviewer {
        let _ = writeln!(out, "reviewer = {}", value(reviewer));
    }
    if let Some(date) = draft.published {
        let _ = writeln!(out, "published = {}", value(&toml_date(date)));
    }
    if let Some(minutes) = draft.read_minutes {
        let _ = writeln!(out, "read_minutes = {}", value(&minutes));
    }
    if let Some(rating) = &draft.rating {
        let _ = writeln!(out, "rating = {}", value(rating));
    }
    if let Some(audience) = &draft.audience {
        let _ = writeln!(out, "audience_rating = {}", value(audience));
    }
    let body = if draft.body.is_empty() {
        value("")
    } else if literal_safe(&draft.body) {
        format!("'''\n{}\n'''", draft.body)
    } else {
        value(&format!("{}\n", draft.body))
    };
    let _ = writeln!(out, "body = {body}");
    for c in &draft.comments {
        out.push_str("\n[[comments]]\n");
        let text = if literal_safe(&c.text) && !c.text.starts_with('\'') && !c.text.ends_with('\'')
        {
            format!("'''{}'''", c.text)
        } else {
            value(&c.text)
        };
        let _ = writeln!(out, "text = {text}");
        if let Some(author) = &c.author {
            let _ = writeln!(out, "author = {}", value(author));
        }
        if let Some(date) = c.posted {
            let _ = writeln!(out, "posted = {}", value(&toml_date(date)));
        }
        if let Some(contact) = &c.contact {
            let _ = writeln!(out, "contact = {}", value(contact));
        }
    }
    out
}

/// A value as TOML from the `toml` crate's serializer, so quoting, escaping and number
/// formats are the crate's rather than ours.
///
/// # Panics
///
/// Never for the strings, numbers, dates and flat tables it is given here.
#[must_use]
pub fn value<T: Serialize + ?Sized>(v: &T) -> String {
    let mut out = String::new();
    v.serialize(toml::ser::ValueSerializer::new(&mut out))
        .expect("strings, numbers, dates and flat tables serialise to TOML");
    if !out.chars().any(escaped_in_files) {
        return out;
    }
    // The serializer escapes only ASCII controls: C1 controls, bidi and other format
    // characters and U+2028/U+2029 would be written raw, so the value is written again.
    toml::Value::try_from(v).map_or(out, |v| escaped(&v))
}

/// A value as TOML with every string a basic string in which what
/// [`escaped_in_files`] names is a `\uXXXX` escape.
fn escaped(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => basic_string(s),
        toml::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(escaped).collect();
            format!("[{}]", items.join(", "))
        }
        toml::Value::Table(table) => {
            let pairs: Vec<String> = table
                .iter()
                .map(|(k, v)| format!("{} = {}", basic_string(k), escaped(v)))
                .collect();
            format!("{{ {} }}", pairs.join(", "))
        }
        other => value(other),
    }
}

/// `s` between double quotes, escaped by TOML's rules and [`escaped_in_files`].
fn basic_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if escaped_in_files(c) && u32::from(c) > 0xFFFF => {
                let _ = write!(out, "\\U{:08X}", u32::from(c));
            }
            c if escaped_in_files(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A date as the `toml` crate's local date, which it writes bare (`2024-06-12`); our
/// [`Date`] serialises as a string.
#[must_use]
pub fn toml_date(date: Date) -> toml::value::Datetime {
    toml::value::Datetime {
        date: Some(toml::value::Date {
            year: date.year,
            month: date.month,
            day: date.day,
        }),
        time: None,
        offset: None,
    }
}

/// Whether `s` can sit between `'''` as it is: no `'''`, no control character but line
/// feeds and tabs, no bidi or other format character and no U+2028/U+2029 (a literal
/// cannot escape them; see [`escaped_in_files`]), no leading line feed (TOML would drop it). Text is written this way
/// because the `toml` crate offers no choice of string style and picks `"""` strings, in
/// which a backslash a person adds while correcting the Markdown would start an escape.
#[must_use]
pub fn literal_safe(s: &str) -> bool {
    !s.contains("'''") && !s.starts_with('\n') && !s.chars().any(escaped_in_files)
}

#[cfg(test)]
mod tests {
    use super::{literal_safe, value};

    #[test]
    fn invisible_and_reordering_characters_are_escaped_and_read_back() {
        for text in [
            "a\u{85}b",
            "rtl \u{202e}txt",
            "iso\u{2066}late",
            "zero\u{200b}width",
            "line\u{2028}sep",
            "para\u{2029}sep",
            "tag \u{e0041}",
            "quote \" back\\slash\nnew\tline \u{202e}",
        ] {
            assert!(!literal_safe(text), "{text:?}");
            let written = value(text);
            assert!(written.is_ascii(), "{text:?} written as {written}");
            let table: toml::Table = toml::from_str(&format!("v = {written}")).expect("valid TOML");
            assert_eq!(table["v"].as_str(), Some(text), "{written}");
        }
        assert!(literal_safe("plain, é and emoji \u{1f3ac}"));
        assert_eq!(value("plain"), "\"plain\"");
    }
}
