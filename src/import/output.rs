//! What is written out: the review ID (a slug of the title) and the TOML file.

use std::fmt::Write as _;

use super::draft::Draft;
use crate::data::sanitize_line;

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

/// Lower-case ASCII letters and digits (accents dropped) joined by single dashes, at most
/// [`MAX_ID`] bytes, cut at a dash when one is near the end.
fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.chars() {
        let ascii = c
            .is_ascii_alphanumeric()
            .then(|| c.to_ascii_lowercase().to_string());
        if let Some(letters) = ascii.or_else(|| fold_latin(c).map(str::to_owned)) {
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

/// The plain letters of an accented Latin-1 letter (`ñ` → `n`), so `Ñandú` slugs as `nandu`.
fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à'..='å' | 'À'..='Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' => "c",
        'è'..='ë' | 'È'..='Ë' => "e",
        'ì'..='ï' | 'Ì'..='Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò'..='ö' | 'ø' | 'Ò'..='Ö' | 'Ø' => "o",
        'ù'..='ü' | 'Ù'..='Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        'œ' | 'Œ' => "oe",
        _ => return None,
    })
}

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
    let _ = writeln!(out, "title = {}", basic(&draft.title));
    if draft.preview {
        out.push_str("kind = \"preview\"\n");
    }
    if let Some(reviewer) = &draft.reviewer {
        let _ = writeln!(out, "reviewer = {}", basic(reviewer));
    }
    if let Some(date) = draft.published {
        let _ = writeln!(out, "published = {date}");
    }
    if let Some(minutes) = draft.read_minutes {
        let _ = writeln!(out, "read_minutes = {minutes}");
    }
    if let Some((score, max)) = draft.rating {
        let _ = writeln!(out, "rating = {{ score = {score:?}, max = {max:?} }}");
    }
    if let Some((score, max, votes)) = draft.audience {
        let votes = votes.map(|v| format!(", votes = {v}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "audience_rating = {{ score = {score:?}, max = {max:?}{votes} }}"
        );
    }
    let body = if draft.body.is_empty() {
        basic("")
    } else if literal_safe(&draft.body) {
        format!("'''\n{}\n'''", draft.body)
    } else {
        basic(&format!("{}\n", draft.body))
    };
    let _ = writeln!(out, "body = {body}");
    for c in &draft.comments {
        out.push_str("\n[[comments]]\n");
        let text = if literal_safe(&c.text) && !c.text.starts_with('\'') && !c.text.ends_with('\'')
        {
            format!("'''{}'''", c.text)
        } else {
            basic(&c.text)
        };
        let _ = writeln!(out, "text = {text}");
        if let Some(author) = &c.author {
            let _ = writeln!(out, "author = {}", basic(author));
        }
        if let Some(date) = c.posted {
            let _ = writeln!(out, "posted = {date}");
        }
        if let Some(contact) = &c.contact {
            let _ = writeln!(out, "contact = {}", basic(contact));
        }
    }
    out
}

/// A TOML string with every special character escaped, from the `toml` crate.
fn basic(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// Whether `s` can sit between `'''` as it is: no `'''`, no control character but line
/// feeds and tabs, no leading line feed (TOML would drop it).
fn literal_safe(s: &str) -> bool {
    !s.contains("'''")
        && !s.starts_with('\n')
        && s.chars().all(|c| c == '\n' || c == '\t' || !c.is_control())
}
