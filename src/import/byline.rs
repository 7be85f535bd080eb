//! What stands above the first paragraph: repeats of the title, the byline (reviewer,
//! date, reading time) and a star widget.

use super::clean::remove_indices;
use super::dates::{bare, date_at, is_separator, is_time_word};
use super::draft::{Draft, quote, same_text};
use super::rating::{apply_rating, rating_line};
use crate::data::Date;

/// Words a byline may hold besides its facts.
const BYLINE_FILLERS: &[&str] = &["posted", "published", "on", "written"];
/// Lower-case words that may sit inside a name after `By`.
const NAME_PARTICLES: &[&str] = &[
    "de", "del", "der", "da", "di", "du", "la", "le", "van", "von",
];

/// Drops the title's repeats and the byline above the first paragraph; a rating there
/// (a star widget beside the film's name) is taken as the critic's score.
pub(super) fn leading_lines(lines: &mut Vec<String>, draft: &mut Draft, notes: &mut Vec<String>) {
    let mut drop = Vec::new();
    let mut repeats = 0;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if same_text(t, &draft.title) {
            repeats += 1;
            drop.push(i);
        } else if let Some(found) = byline(t) {
            apply_byline(found, draft, notes);
            drop.push(i);
        } else if let Some(found) = rating_line(t, true) {
            if apply_rating(&found, t, draft, notes) {
                drop.push(i);
            }
        } else {
            break;
        }
    }
    match repeats {
        0 => {}
        1 => notes.push("dropped a repeat of the title at the top".to_owned()),
        n => notes.push(format!("dropped {n} repeats of the title at the top")),
    }
    remove_indices(lines, &drop);
}

/// Facts a byline such as `By Jane Doe · Jun 12, 2024 · 4 min read` states, each with
/// the words it was read from.
#[derive(Debug, Default)]
struct Byline {
    reviewer: Option<(String, String)>,
    published: Option<(Date, String)>,
    minutes: Option<(u32, String)>,
}

/// Reads a line made only of byline facts, separators and a few filler words.
fn byline(line: &str) -> Option<Byline> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut found = Byline::default();
    let mut i = 0;
    while i < words.len() {
        if let Some(minutes) = read_time_at(&words, i) {
            found
                .minutes
                .get_or_insert((minutes, words[i..i + 3].join(" ")));
            i += 3;
        } else if let Some((date, used)) = date_at(&words, i) {
            let source = words[i..i + used].join(" ");
            let source = source
                .trim_end_matches([',', '.', ';', '·', '|'])
                .to_owned();
            found.published.get_or_insert((date, source));
            i += used;
        } else if bare(words[i]).eq_ignore_ascii_case("by") && found.reviewer.is_none() {
            let (name, used) = name_after_by(&words, i + 1)?;
            found.reviewer = Some((name.clone(), format!("{} {name}", words[i])));
            i += 1 + used;
        } else if is_separator(words[i])
            || BYLINE_FILLERS.contains(&bare(words[i]).to_lowercase().as_str())
            || is_time_word(words[i])
        {
            i += 1;
        } else {
            return None;
        }
    }
    (found.reviewer.is_some() || found.published.is_some() || found.minutes.is_some())
        .then_some(found)
}

/// The capitalised name after `By`, up to four words, and how many words it took.
fn name_after_by(words: &[&str], start: usize) -> Option<(String, usize)> {
    let mut name: Vec<&str> = Vec::new();
    let mut j = start;
    while j < words.len() && name.len() < 4 {
        let word = words[j];
        if is_separator(word) || date_at(words, j).is_some() || read_time_at(words, j).is_some() {
            break;
        }
        let trimmed = word.trim_end_matches([',', ';', '|', '·']);
        let capital = trimmed.chars().next().is_some_and(char::is_uppercase);
        if !(capital || (!name.is_empty() && NAME_PARTICLES.contains(&trimmed))) {
            return None;
        }
        name.push(trimmed);
        j += 1;
        if trimmed.len() != word.len() {
            break;
        }
    }
    (!name.is_empty()).then(|| (name.join(" "), j - start))
}

/// Records the byline's facts not already found, each with a note of its source words.
fn apply_byline(found: Byline, draft: &mut Draft, notes: &mut Vec<String>) {
    if let Some((name, source)) = found.reviewer
        && draft.reviewer.is_none()
    {
        notes.push(format!("reviewer: {} from {}", name, quote(&source)));
        draft.reviewer = Some(name);
    }
    if let Some((date, source)) = found.published
        && draft.published.is_none()
    {
        notes.push(format!("published: {date} from {}", quote(&source)));
        draft.published = Some(date);
    }
    if let Some((minutes, source)) = found.minutes
        && draft.read_minutes.is_none()
    {
        notes.push(format!("read_minutes: {minutes} from {}", quote(&source)));
        draft.read_minutes = Some(minutes);
    }
}

/// `N min read` at `words[i]`.
fn read_time_at(words: &[&str], i: usize) -> Option<u32> {
    let [number, unit, read, ..] = words.get(i..)? else {
        return None;
    };
    let minutes: u32 = number.parse().ok().filter(|m| (1..=600).contains(m))?;
    let unit = unit.trim_end_matches('.').to_ascii_lowercase();
    let read = bare(read).to_ascii_lowercase();
    (["min", "mins", "minute", "minutes"].contains(&unit.as_str()) && read == "read")
        .then_some(minutes)
}
