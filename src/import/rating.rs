//! Scores stated on a line: the critic's (`Rating: 4/5`, `★★★☆☆`) and the readers'
//! (`User Rating 3.75 (4 votes)`).

use std::fmt::Write as _;

use super::clean::{remove_indices, unbulleted};
use super::draft::{Draft, flat, fmt_num, plural, quote, same_text};
use crate::data::{AudienceRating, Rating};

/// Labels that may stand before a critic's score on a line of its own (lower case).
const RATING_LABELS: &[&str] = &[
    "",
    "rating",
    "our rating",
    "my rating",
    "overall rating",
    "score",
    "our score",
    "my score",
    "final score",
    "verdict",
    "our verdict",
    "final verdict",
    "grade",
    "overall",
    "stars",
];
/// Starts of a line giving the readers' score (lower case).
const AUDIENCE_LABELS: &[&str] = &[
    "user rating",
    "users rating",
    "user's rating",
    "users' rating",
    "user’s rating",
    "users’ rating",
    "user score",
    "reader rating",
    "readers rating",
    "readers' rating",
    "readers’ rating",
    "reader score",
    "audience rating",
    "audience score",
];
/// Scales a critic's `N/M` score may use; anything else is more likely a date or a fraction.
const RATING_SCALES: &[&str] = &["100", "10", "5", "4"];

/// Takes scores stated on lines of their own anywhere in the body.
pub(super) fn rating_lines(lines: &mut Vec<String>, draft: &mut Draft, notes: &mut Vec<String>) {
    let mut drop = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if let Some(found) = rating_line(t, false)
            && apply_rating(&found, t, draft, notes)
        {
            drop.push(i);
        }
    }
    remove_indices(lines, &drop);
}

/// A score found on a line.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Score {
    /// The critic's: score, max, the words it was read from.
    Critic(f64, f64, String),
    /// The readers': score, max, votes, whether the scale was assumed.
    Audience(f64, f64, Option<u32>, bool),
}

/// A score stated by a whole line: a label and a score (`Rating: 4/5`, `★★★☆☆`), or near
/// the top (`leading`) a short line ending in a score; prose such as "I give it 3/5." stays.
pub(super) fn rating_line(line: &str, leading: bool) -> Option<Score> {
    let core = unbulleted(line);
    if core.is_empty() || core.chars().count() > 100 {
        return None;
    }
    if let Some(found) = audience(core) {
        return Some(found);
    }
    if let Some(found) = stars(core) {
        return Some(found);
    }
    let (score, max, start, end) = rating_token(core)?;
    let outside = format!("{} {}", &core[..start], &core[end..]);
    let label = flat(&outside)
        .trim_end_matches([':', '-', '–', '—'])
        .trim()
        .to_lowercase();
    // Near the top a widget may follow the film's name: `1 Mile to You (2017) 3/5`.
    let widget = leading && end == core.len() && outside.split_whitespace().count() <= 8;
    let fits = widget || RATING_LABELS.contains(&label.as_str());
    let token = &core[start..end];
    let single = format!("{}/{}", &token[..token.find('/')?], fmt_num(max));
    fits.then_some(Score::Critic(score, max, single))
}

/// Records a score unless one of its kind was already found; true when taken.
pub(super) fn apply_rating(
    found: &Score,
    line: &str,
    draft: &mut Draft,
    notes: &mut Vec<String>,
) -> bool {
    match found {
        Score::Critic(score, max, token) if draft.rating.is_none() => {
            draft.rating = Some(Rating {
                score: *score,
                max: *max,
            });
            let mut note = format!(
                "rating {}/{} from {}",
                fmt_num(*score),
                fmt_num(*max),
                quote(token)
            );
            if !same_text(line, token) {
                let _ = write!(note, "; dropped the line {}", quote(line));
            }
            notes.push(note);
            true
        }
        Score::Audience(score, max, votes, assumed) if draft.audience.is_none() => {
            draft.audience = Some(AudienceRating {
                rating: Rating {
                    score: *score,
                    max: *max,
                },
                votes: *votes,
            });
            let votes_text = votes
                .map(|n| format!(" ({n} vote{})", plural(n as usize)))
                .unwrap_or_default();
            let scale = if *assumed {
                format!(", out of {} assumed", fmt_num(*max))
            } else {
                String::new()
            };
            notes.push(format!(
                "audience rating {}/{}{votes_text} from {}{scale}",
                fmt_num(*score),
                fmt_num(*max),
                quote(line)
            ));
            true
        }
        _ => false,
    }
}

/// `3/5` or `7.5/10` (first match), as score, max and byte range; a widget repeating the
/// token (`3/53/53/5`) counts as one.
fn rating_token(s: &str) -> Option<(f64, f64, usize, usize)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit()
            && (i == 0 || !matches!(bytes[i - 1], b'0'..=b'9' | b'.' | b'/'));
        if !starts {
            i += 1;
            continue;
        }
        let number_end = number_end(bytes, i);
        if bytes.get(number_end) == Some(&b'/')
            && let Ok(score) = s[i..number_end].parse::<f64>()
        {
            let after = &s[number_end + 1..];
            for scale in RATING_SCALES {
                let Some(rest) = after.strip_prefix(scale) else {
                    continue;
                };
                let token = &s[i..number_end + 1 + scale.len()];
                let mut rest = rest;
                while let Some(r) = rest.strip_prefix(token) {
                    rest = r;
                }
                let next = rest.as_bytes();
                let decimal =
                    next.first() == Some(&b'.') && next.get(1).is_some_and(u8::is_ascii_digit);
                let clean_end = !(decimal || matches!(next.first(), Some(b'0'..=b'9' | b'/')));
                let max: f64 = scale.parse().ok()?;
                if clean_end && score <= max {
                    return Some((score, max, i, s.len() - rest.len()));
                }
            }
        }
        i = number_end.max(i + 1);
    }
    None
}

/// Where a number (`12` or `3.75`) starting at `start` ends.
fn number_end(bytes: &[u8], start: usize) -> usize {
    let digits = |from: usize| {
        from + bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let end = digits(start);
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        digits(end + 1)
    } else {
        end
    }
}

/// `User Rating 3.75 (4 votes)`, `Audience score: 8/10`.
fn audience(core: &str) -> Option<Score> {
    let label = AUDIENCE_LABELS.iter().find(|l| {
        core.get(..l.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(l))
    })?;
    let rest = core[label.len()..].trim_start_matches([':', ' ', '-', '–']);
    let (score, rest) = take_number(rest)?;
    let (max, rest) = match rest.trim_start().strip_prefix('/') {
        Some(after) => {
            let (max, rest) = take_number(after.trim_start())?;
            (Some(max), rest)
        }
        None => (None, rest),
    };
    let rest = rest.trim();
    let votes = if rest.is_empty() {
        None
    } else {
        let inner = rest
            .strip_prefix('(')
            .and_then(|r| r.strip_suffix(')'))
            .unwrap_or(rest)
            .trim();
        let inner = inner.strip_prefix("from ").unwrap_or(inner);
        let (count, unit) = inner.split_once(' ')?;
        if !["vote", "votes", "rating", "ratings"].contains(&unit.trim().to_lowercase().as_str()) {
            return None;
        }
        Some(count.parse::<u32>().ok()?)
    };
    let (max, assumed) = match max {
        Some(max) => (max, false),
        None if score <= 5.0 => (5.0, true),
        None if score <= 10.0 => (10.0, true),
        None if score <= 100.0 => (100.0, true),
        None => return None,
    };
    (max > 0.0 && score <= max).then_some(Score::Audience(score, max, votes, assumed))
}

/// A number at the start of `s` and what follows it.
fn take_number(s: &str) -> Option<(f64, &str)> {
    let end = number_end(s.as_bytes(), 0);
    let value = s[..end].parse().ok()?;
    Some((value, &s[end..]))
}

/// `★★★☆☆`, optionally after a label.
fn stars(core: &str) -> Option<Score> {
    let split = core.find(['★', '☆', '½'])?;
    let label = core[..split]
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_lowercase();
    let glyphs = &core[split..];
    if !RATING_LABELS.contains(&label.as_str())
        || !glyphs.chars().all(|c| matches!(c, '★' | '☆' | '½' | ' '))
    {
        return None;
    }
    let count = |g: char| glyphs.chars().filter(|c| *c == g).count() as f64;
    let (full, half, empty) = (count('★'), count('½'), count('☆'));
    let score = full + half / 2.0;
    let max = if empty + half > 0.0 {
        full + half + empty
    } else {
        5.0
    };
    (score > 0.0 && score <= max).then(|| Score::Critic(score, max, glyphs.trim().to_owned()))
}
