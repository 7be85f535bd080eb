//! Dates and times of day written in words (`Jun 12, 2024`, `10:12 am`), and the
//! separators and punctuation around the words of a byline.

use crate::data::Date;
use crate::data::date::MONTHS;

/// A date written `Jun 12, 2024`, `12 June 2024` or `2024-06-12` at `words[i]`, and how
/// many words it takes.
pub(super) fn date_at(words: &[&str], i: usize) -> Option<(Date, usize)> {
    let rest = words.get(i..)?;
    if let [a, b, c, ..] = rest {
        if let (Some(month), Some(day), Some(year)) = (month(a), day(b), year(c)) {
            return valid_date(year, month, day).map(|d| (d, 3));
        }
        if let (Some(day), Some(month), Some(year)) = (day(a), month(b), year(c)) {
            return valid_date(year, month, day).map(|d| (d, 3));
        }
    }
    iso_date(rest.first()?).map(|d| (d, 1))
}

/// A month's number from its name or abbreviation (`June`, `Jun.`, `Sept`).
fn month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches(['.', ',']).to_ascii_lowercase();
    // Three-letter abbreviations are the names' first three letters.
    let position = MONTHS.iter().position(|name| {
        let m = name.to_ascii_lowercase();
        w == m || (w.len() == 3 && m.starts_with(&w)) || w == "sept" && m == "september"
    })?;
    u8::try_from(position + 1).ok()
}

/// A day of the month, 1–31, optionally with `st`/`nd`/`rd`/`th`.
fn day(word: &str) -> Option<u8> {
    let w = word.trim_end_matches(',');
    let w = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year, 1870–2200.
fn year(word: &str) -> Option<u16> {
    let w = word.trim_end_matches([',', '.', ';', ')', '·', '|']);
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|y| (1870..=2200).contains(y))
}

/// A date written `2024-06-12`, perhaps inside punctuation.
fn iso_date(word: &str) -> Option<Date> {
    let w = word.trim_matches(|c: char| !c.is_ascii_digit());
    let parts: Vec<&str> = w.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    valid_date(year(y)?, m.parse().ok()?, d.parse().ok()?)
}

/// The date, when it exists in the calendar (leap years counted).
fn valid_date(year: u16, month: u8, day: u8) -> Option<Date> {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&day)
        .then_some(Date { year, month, day })
}

/// A whole line that is a date, optionally with a time: `April 4, 2017 at 10:12 am`.
pub(super) fn date_line(line: &str) -> Option<Date> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let start = words
        .iter()
        .take_while(|w| ["on", "posted"].contains(&bare(w).to_lowercase().as_str()))
        .count();
    let (date, used) = date_at(&words, start)?;
    words[start + used..]
        .iter()
        .all(|w| is_time_word(w) || is_separator(w))
        .then_some(date)
}

/// Part of a time of day (`at`, `10:12`, `am`), which may follow a date and is skipped.
pub(super) fn is_time_word(word: &str) -> bool {
    let w = bare(word).to_ascii_lowercase();
    if ["at", "am", "pm", "a.m", "p.m"].contains(&w.as_str()) {
        return true;
    }
    let clock = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    clock.contains(':')
        && clock
            .split(':')
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Punctuation standing between byline facts (`·`, `|`, `—`).
pub(super) fn is_separator(word: &str) -> bool {
    word.chars().all(|c| "·|•-–—/,:~".contains(c))
}

/// A word without the punctuation around it.
pub(super) fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '(' | ')' | '|' | '·'))
}
