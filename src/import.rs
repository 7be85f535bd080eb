//! `reelread import`'s guesswork, with no terminal or file code: a review file guessed from
//! plain text copied off a web page (title, Markdown paragraphs, byline facts, ratings and
//! the comment section), every guess written down as a note so a person can check it.
//!
//! Nothing is invented: a field the text does not state is left out. The produced TOML is
//! written with escaping that round-trips, so `crate::data::parse_review` reads back
//! exactly the strings guessed here.

use std::fmt::Write as _;

use crate::data::{Comment, Date, sanitize_line};

/// Longest review ID made from a title, in bytes (ASCII).
const MAX_ID: usize = 40;
/// Longest excerpt of the text quoted in a note, in characters.
const MAX_QUOTE: usize = 60;
/// Longest line that can be a heading, in characters.
const MAX_HEADING: usize = 60;

/// Whole lines a blog adds around every post (compared in lower case, bullets removed).
const CHROME_LINES: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "cancel reply",
    "featured posts",
    "related",
    "related posts",
    "post navigation",
    "share this:",
    "like this:",
    "like loading...",
    "like loading…",
    "loading...",
    "loading…",
    "reply",
    "like",
    "wordpress.com logo",
    "twitter picture",
    "facebook photo",
    "google+ photo",
    "connecting to %s",
    "our score",
];
/// Starts of chrome lines whose end varies (lower case).
const CHROME_PREFIXES: &[&str] = &[
    "fill in your details",
    "you are commenting using your",
    "notify me of new comments",
    "notify me of new posts",
    "liked by ",
];
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
/// Sites whose handle may follow a commenter's name, as in `Twitter: yesnofilms`.
const CONTACT_SITES: &[&str] = &[
    "twitter",
    "x",
    "facebook",
    "instagram",
    "threads",
    "bluesky",
    "mastodon",
    "tumblr",
    "pinterest",
    "youtube",
    "tiktok",
    "letterboxd",
    "blog",
    "website",
    "web",
    "site",
    "email",
    "e-mail",
];
/// Words a byline may hold besides its facts.
const BYLINE_FILLERS: &[&str] = &["posted", "published", "on", "written"];
/// Lower-case words that may sit inside a name after `By`.
const NAME_PARTICLES: &[&str] = &[
    "de", "del", "der", "da", "di", "du", "la", "le", "van", "von",
];
/// Month names; three-letter abbreviations are their first three letters.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A review file guessed from plain text, with what was guessed so a person can check it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    /// The file stem to save under (`reviews/ID.toml`): a slug of the title, or of the
    /// file name when the title has no ASCII letters or digits.
    pub id: String,
    /// The review file: a header comment listing the notes, then the fields found.
    pub toml: String,
    /// One human-readable line per guess, e.g. `title: first line`; safe to print.
    pub notes: Vec<String>,
}

impl Guess {
    /// Records one more note (e.g. the caller's own finding about the file) both in
    /// [`Guess::notes`] and in the TOML's header comment, so the two stay the same.
    pub fn add_note(&mut self, note: &str) {
        let note = sanitize_line(note);
        let header_end = self.toml.find("\n\n").map_or(self.toml.len(), |i| i + 1);
        self.toml.insert_str(header_end, &format!("# - {note}\n"));
        self.notes.push(note);
    }
}

/// Everything found, before it is written out.
#[derive(Debug, Default)]
struct Draft {
    title: String,
    preview: bool,
    reviewer: Option<String>,
    published: Option<Date>,
    read_minutes: Option<u32>,
    rating: Option<(f64, f64)>,
    audience: Option<(f64, f64, Option<u32>)>,
    body: String,
    comments: Vec<Comment>,
}

/// Guesses a review file from a plain-text review; `file_stem` names the source in the
/// header and is the fallback for the title and the ID.
#[must_use]
pub fn guess(text: &str, file_stem: &str) -> Guess {
    // What cleaning finds is noted after the title, which a reader checks first.
    let mut cleaning = Vec::new();
    let mut lines = normalize(text, &mut cleaning);
    drop_chrome(&mut lines, &mut cleaning);
    let mut notes = Vec::new();
    let mut draft = Draft::default();
    if let Some(first) = lines.iter().position(|l| !l.trim().is_empty()) {
        draft.title = lines[first].trim().to_owned();
        lines.drain(..=first);
        if draft.title.chars().count() > 120 {
            notes.push("title: first line (a long one: is it really the title?)".to_owned());
        } else {
            notes.push("title: first line".to_owned());
        }
    } else {
        let stem = file_stem.trim();
        if stem.is_empty() { "untitled" } else { stem }.clone_into(&mut draft.title);
        notes.push(format!(
            "title: {} (the text is empty)",
            quote(&draft.title)
        ));
    }
    notes.append(&mut cleaning);
    if has_word(&draft.title, "trailer") {
        draft.preview = true;
        notes.push("kind: preview, as the title mentions a trailer".to_owned());
    }
    draft.comments = take_comments(&mut lines, &mut notes);
    leading_lines(&mut lines, &mut draft, &mut notes);
    rating_lines(&mut lines, &mut draft, &mut notes);
    draft.body = body(&lines, &mut notes);
    if draft.body.contains("||") || draft.comments.iter().any(|c| c.text.contains("||")) {
        notes.push("the text has “||”, which reelread reads as a spoiler marker".to_owned());
    }
    let id = id_for(&draft.title, file_stem, &mut notes);
    let notes: Vec<String> = notes.iter().map(|n| sanitize_line(n)).collect();
    let toml = write_toml(&draft, file_stem, &notes);
    Guess { id, toml, notes }
}

// ---------------------------------------------------------------------------------------
// Lines

/// The text as lines: BOM dropped, line ends unified, non-breaking spaces made plain,
/// trailing blanks trimmed.
fn normalize(text: &str, notes: &mut Vec<String>) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let nbsp = text.matches('\u{a0}').count();
    if nbsp > 0 {
        notes.push(format!(
            "{nbsp} non-breaking space{} made plain",
            plural(nbsp)
        ));
    }
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(|l| l.replace('\u{a0}', " ").trim_end().to_owned())
        .collect()
}

/// Whether a line is a blog's widget text rather than the review's.
fn is_chrome(line: &str) -> bool {
    let trimmed = line.trim();
    let core = strip_bullet(trimmed).unwrap_or(trimmed).to_lowercase();
    CHROME_LINES.contains(&core.as_str()) || CHROME_PREFIXES.iter().any(|p| core.starts_with(p))
}

fn drop_chrome(lines: &mut Vec<String>, notes: &mut Vec<String>) {
    let dropped: Vec<String> = lines
        .iter()
        .filter(|l| is_chrome(l))
        .map(|l| {
            let t = l.trim();
            strip_bullet(t).unwrap_or(t).to_owned()
        })
        .collect();
    lines.retain(|l| !is_chrome(l));
    match dropped.as_slice() {
        [] => {}
        [one] => notes.push(format!("dropped site chrome: {}", quote_bare(one))),
        [first, .., last] => notes.push(format!(
            "dropped site chrome ({} lines): {} … {}",
            dropped.len(),
            quote_bare(first),
            quote_bare(last)
        )),
    }
}

/// The text after a list bullet (`•`, `- `…), or `None` when the line has none.
fn strip_bullet(line: &str) -> Option<&str> {
    let t = line.trim_start();
    ['•', '◦', '▪', '‣', '●']
        .iter()
        .find_map(|b| t.strip_prefix(*b))
        .or_else(|| ["- ", "* "].iter().find_map(|b| t.strip_prefix(b)))
        .or_else(|| (t == "-" || t == "*").then_some(""))
        .map(str::trim_start)
}

// ---------------------------------------------------------------------------------------
// Title repeats, byline and ratings

/// Drops the title's repeats and the byline above the first paragraph; a rating there
/// (a star widget beside the film's name) is taken as the critic's score.
fn leading_lines(lines: &mut Vec<String>, draft: &mut Draft, notes: &mut Vec<String>) {
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

/// Takes scores stated on lines of their own anywhere in the body.
fn rating_lines(lines: &mut Vec<String>, draft: &mut Draft, notes: &mut Vec<String>) {
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

fn remove_indices(lines: &mut Vec<String>, drop: &[usize]) {
    // `drop` is in ascending order: it is filled front to back.
    let mut index = 0;
    lines.retain(|_| {
        let keep = drop.binary_search(&index).is_err();
        index += 1;
        keep
    });
}

/// Equal but for case and spacing.
fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
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

/// A date written `Jun 12, 2024`, `12 June 2024` or `2024-06-12` at `words[i]`, and how
/// many words it takes.
fn date_at(words: &[&str], i: usize) -> Option<(Date, usize)> {
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

fn month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches(['.', ',']).to_ascii_lowercase();
    let position = MONTHS.iter().position(|m| {
        w == *m || (w.len() == 3 && m.starts_with(&w)) || w == "sept" && *m == "september"
    })?;
    u8::try_from(position + 1).ok()
}

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

fn year(word: &str) -> Option<u16> {
    let w = word.trim_end_matches([',', '.', ';', ')', '·', '|']);
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|y| (1870..=2200).contains(y))
}

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
fn date_line(line: &str) -> Option<Date> {
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

fn is_time_word(word: &str) -> bool {
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

fn is_separator(word: &str) -> bool {
    word.chars().all(|c| "·|•-–—/,:~".contains(c))
}

/// A word without the punctuation around it.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '(' | ')' | '|' | '·'))
}

/// A score found on a line.
#[derive(Debug, Clone, PartialEq)]
enum Score {
    /// The critic's: score, max, the words it was read from.
    Critic(f64, f64, String),
    /// The readers': score, max, votes, whether the scale was assumed.
    Audience(f64, f64, Option<u32>, bool),
}

/// A score stated by a whole line: a label and a score (`Rating: 4/5`, `★★★☆☆`), or near
/// the top (`leading`) a short line ending in a score; prose such as "I give it 3/5." stays.
fn rating_line(line: &str, leading: bool) -> Option<Score> {
    let core = strip_bullet(line).unwrap_or(line).trim();
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
    let label = outside
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
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
fn apply_rating(found: &Score, line: &str, draft: &mut Draft, notes: &mut Vec<String>) -> bool {
    match found {
        Score::Critic(score, max, token) if draft.rating.is_none() => {
            draft.rating = Some((*score, *max));
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
            draft.audience = Some((*score, *max, *votes));
            let votes_text = match votes {
                Some(1) => " (1 vote)".to_owned(),
                Some(n) => format!(" ({n} votes)"),
                None => String::new(),
            };
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

// ---------------------------------------------------------------------------------------
// Comments

/// An item of a numbered list: `  2. robin Rue says:`.
struct Marker<'a> {
    number: usize,
    rest: &'a str,
}

fn marker(line: &str) -> Option<Marker<'_>> {
    let t = line.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 6 {
        return None;
    }
    let number = t[..digits].parse().ok()?;
    let after = &t[digits..];
    let after = after.strip_prefix(['.', ')'])?;
    (after.is_empty() || after.starts_with(char::is_whitespace)).then(|| Marker {
        number,
        rest: after.trim(),
    })
}

/// `Name says:` (and what follows on the line), when `Name` looks like a name.
fn says(line: &str) -> Option<(&str, &str)> {
    let at = line.to_ascii_lowercase().find(" says:")?;
    let name = line[..at].trim();
    name_like(name, 6).then(|| (name, line[at + " says:".len()..].trim()))
}

/// A short line that can be a commenter's name: no sentence punctuation.
fn name_like(s: &str, max_words: usize) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let initial_dot = words
        .last()
        .is_some_and(|w| w.chars().count() == 2 && w.ends_with('.'));
    (1..=max_words).contains(&words.len())
        && s.chars().count() <= 40
        && s.chars().next().is_some_and(char::is_alphabetic)
        && !s.contains(['!', '?', ',', ';', ':', '"', '“', '”', '(', ')', '/'])
        && (!s.ends_with('.') || initial_dot)
}

/// `Twitter: yesnofilms`, `@handle` or a bare web address, as given.
fn is_contact(line: &str) -> bool {
    if line.contains(char::is_whitespace) {
        let Some((site, handle)) = line.split_once(':') else {
            return false;
        };
        let handle = handle.trim();
        return CONTACT_SITES.contains(&site.trim().to_lowercase().as_str())
            && !handle.is_empty()
            && !handle.contains(char::is_whitespace);
    }
    line.starts_with('@') && line.len() > 1
        || ["http://", "https://", "www."]
            .iter()
            .any(|p| line.starts_with(p))
}

/// `20 Comments`, `One thought on “…”`, `Responses`: the line that opens a comment section.
fn is_comments_heading(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    if lower.chars().count() > 100 {
        return false;
    }
    if [
        "comments",
        "responses",
        "replies",
        "reader comments",
        "discussion",
    ]
    .contains(&lower.trim_end_matches(':'))
        || lower.starts_with("comments (")
    {
        return true;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    let counted = words.first().is_some_and(|w| {
        w.bytes().all(|b| b.is_ascii_digit())
            || [
                "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            ]
            .contains(w)
    });
    counted
        && words.get(1).is_some_and(|w| {
            ["comment", "response", "thought", "repl"]
                .iter()
                .any(|p| w.starts_with(p))
        })
}

/// Where the comment section starts and each comment's first line.
struct Section {
    heading: Option<usize>,
    starts: Vec<usize>,
    numbered: bool,
}

/// Takes the comment section off the end of `lines`: numbered items (`1. Liz`) running to
/// the end, or `Name says:` blocks.
fn take_comments(lines: &mut Vec<String>, notes: &mut Vec<String>) -> Vec<Comment> {
    let Some(section) = numbered_section(lines).or_else(|| says_section(lines)) else {
        return Vec::new();
    };
    let mut comments = Vec::new();
    for (k, &start) in section.starts.iter().enumerate() {
        let end = section.starts.get(k + 1).copied().unwrap_or(lines.len());
        let first = if section.numbered {
            marker(&lines[start]).map_or("", |m| m.rest)
        } else {
            lines[start].trim()
        };
        comments.push(comment(first, &lines[start + 1..end], section.numbered));
    }
    let cut = section.heading.unwrap_or(section.starts[0]);
    if let Some(h) = section.heading {
        notes.push(format!(
            "dropped the comments heading {}",
            quote(lines[h].trim())
        ));
    }
    lines.truncate(cut);
    notes.push(comments_note(&comments, section.numbered));
    comments
}

fn numbered_section(lines: &[String]) -> Option<Section> {
    for (start, line) in lines.iter().enumerate() {
        if marker(line).is_none_or(|m| m.number != 1) {
            continue;
        }
        let mut starts = vec![start];
        let mut unbroken = true;
        for (j, line) in lines.iter().enumerate().skip(start + 1) {
            if let Some(m) = marker(line) {
                if m.number == starts.len() + 1 {
                    starts.push(j);
                } else {
                    unbroken = false;
                    break;
                }
            }
        }
        if !unbroken {
            continue;
        }
        let heading = heading_before(lines, start);
        let named = starts
            .iter()
            .any(|&s| marker(&lines[s]).is_some_and(|m| says(m.rest).is_some()));
        let spaced =
            starts.len() >= 3 && starts[1..].iter().all(|&s| lines[s - 1].trim().is_empty());
        if named || heading.is_some() || spaced {
            return Some(Section {
                heading,
                starts,
                numbered: true,
            });
        }
    }
    None
}

fn says_section(lines: &[String]) -> Option<Section> {
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            says(l.trim()).is_some_and(|(_, after)| after.is_empty() || date_line(after).is_some())
        })
        .map(|(i, _)| i)
        .collect();
    let heading = heading_before(lines, *starts.first()?);
    (starts.len() >= 2 || heading.is_some()).then_some(Section {
        heading,
        starts,
        numbered: false,
    })
}

/// The comments heading right above line `start`, if any.
fn heading_before(lines: &[String], start: usize) -> Option<usize> {
    let above = lines[..start].iter().rposition(|l| !l.trim().is_empty())?;
    is_comments_heading(&lines[above]).then_some(above)
}

/// One comment from its first line (marker removed) and the lines under it.
fn comment(first: &str, rest: &[String], numbered: bool) -> Comment {
    let mut c = Comment::default();
    let mut text: Vec<&str> = Vec::new();
    let has_more = rest.iter().any(|l| !l.trim().is_empty());
    if let Some((name, after)) = says(first) {
        c.author = Some(name.to_owned());
        if let Some(date) = date_line(after) {
            c.posted = Some(date);
        } else if !after.is_empty() {
            text.push(after);
        }
    } else if numbered && has_more && name_like(first, 4) && !is_contact(first) {
        c.author = Some(first.to_owned());
    } else if !first.is_empty() {
        text.push(first);
    }
    let mut i = 0;
    if c.author.is_some() && text.is_empty() {
        while let Some(line) = rest.get(i).map(|l| l.trim()) {
            if line.is_empty() {
            } else if is_contact(line) {
                c.contact = Some(match c.contact.take() {
                    Some(before) => format!("{before}, {line}"),
                    None => line.to_owned(),
                });
            } else if let Some(date) = date_line(line).filter(|_| c.posted.is_none()) {
                c.posted = Some(date);
            } else {
                break;
            }
            i += 1;
        }
    }
    text.extend(rest[i..].iter().map(|l| l.trim()));
    c.text = paragraphs(&text);
    c
}

/// Lines joined with `\n`, runs of blank lines as one empty line, ends trimmed.
fn paragraphs(lines: &[&str]) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in lines {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = false;
    }
    out
}

fn comments_note(comments: &[Comment], numbered: bool) -> String {
    let n = comments.len();
    let names: Vec<&str> = comments
        .iter()
        .filter_map(|c| c.author.as_deref())
        .collect();
    let mut note = format!(
        "{n} comment{} from {}; {} with names",
        plural(n),
        if numbered {
            "numbered blocks"
        } else {
            "“Name says:” blocks"
        },
        names.len()
    );
    if !names.is_empty() {
        let shown: Vec<&str> = names.iter().take(8).copied().collect();
        let more = if names.len() > 8 { ", …" } else { "" };
        let _ = write!(note, " ({}{more})", shown.join(", "));
    }
    let contacts = comments.iter().filter(|c| c.contact.is_some()).count();
    if contacts > 0 {
        let _ = write!(note, "; {contacts} with a contact");
    }
    let dated = comments.iter().filter(|c| c.posted.is_some()).count();
    if dated > 0 {
        let _ = write!(note, "; {dated} with a date");
    }
    note
}

// ---------------------------------------------------------------------------------------
// Body

/// A run of lines in the body.
enum Part {
    Paragraph(Vec<String>),
    List(Vec<String>),
}

/// The body as Markdown: paragraphs separated by blank lines, `•` lines as list items,
/// short stand-alone lines as headings, runs of `Key: value` lines as a list.
fn body(lines: &[String], notes: &mut Vec<String>) -> String {
    let (parts, bullets, captions) = parts(lines);
    if bullets > 0 {
        notes.push(format!(
            "{bullets} bulleted line{} made list items",
            plural(bullets)
        ));
    }
    for caption in &captions {
        notes.push(format!(
            "kept {} between list items as a paragraph (a photo caption? write it as ![caption]())",
            quote(caption)
        ));
    }
    let mut out: Vec<String> = Vec::new();
    let mut headings: Vec<&str> = Vec::new();
    let mut key_values = 0;
    let mut i = 0;
    while i < parts.len() {
        match &parts[i] {
            Part::List(items) => out.push(
                items
                    .iter()
                    .map(|t| format!("- {}", escape_start(t)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Part::Paragraph(lines) => {
                let run: Vec<(&str, &str)> = parts[i..]
                    .iter()
                    .map_while(|p| match p {
                        Part::Paragraph(l) if l.len() == 1 => key_value(&l[0]),
                        _ => None,
                    })
                    .collect();
                if run.len() >= 2 {
                    out.push(
                        run.iter()
                            .map(|(k, v)| format!("- **{k}:** {v}"))
                            .collect::<Vec<_>>()
                            .join("\n"),
                    );
                    key_values += run.len();
                    i += run.len();
                    continue;
                }
                if let [line] = lines.as_slice()
                    && i + 1 < parts.len()
                    && heading_like(line)
                {
                    headings.push(line);
                    out.push(format!("## {line}"));
                } else {
                    out.push(
                        lines
                            .iter()
                            .map(|l| escape_start(l))
                            .collect::<Vec<_>>()
                            .join("\n"),
                    );
                }
            }
        }
        i += 1;
    }
    if !headings.is_empty() {
        let shown: Vec<String> = headings.iter().take(6).map(|h| quote(h)).collect();
        let more = if headings.len() > 6 { ", …" } else { "" };
        notes.push(format!(
            "{} heading{} from short stand-alone lines: {}{more}",
            headings.len(),
            plural(headings.len()),
            shown.join(", ")
        ));
    }
    if key_values > 0 {
        notes.push(format!(
            "{key_values} “Key: value” lines made a list with bold keys"
        ));
    }
    out.join("\n\n")
}

/// Blank-line separated blocks, split where bulleted lines start or stop; also the count
/// of bulleted lines and the plain lines found right after a list in the same block.
fn parts(lines: &[String]) -> (Vec<Part>, usize, Vec<String>) {
    let mut parts = Vec::new();
    let mut bullets = 0;
    let mut captions = Vec::new();
    let mut current: Option<Part> = None;
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            parts.extend(current.take());
            continue;
        }
        match (strip_bullet(line), &mut current) {
            (Some(""), _) => {}
            (Some(item), Some(Part::List(items))) => {
                bullets += 1;
                items.push(item.to_owned());
            }
            (Some(item), _) => {
                bullets += 1;
                parts.extend(current.take());
                current = Some(Part::List(vec![item.to_owned()]));
            }
            (None, Some(Part::Paragraph(lines))) => lines.push(line.to_owned()),
            (None, Some(Part::List(_))) => {
                captions.push(line.to_owned());
                parts.extend(current.take());
                current = Some(Part::Paragraph(vec![line.to_owned()]));
            }
            (None, None) => current = Some(Part::Paragraph(vec![line.to_owned()])),
        }
    }
    parts.extend(current);
    (parts, bullets, captions)
}

/// A short line without final punctuation, not a `Key: value` line.
fn heading_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    line.chars().count() <= MAX_HEADING
        && (1..=8).contains(&words)
        && !line.contains(':')
        && line.chars().next().is_some_and(char::is_alphanumeric)
        && line.chars().any(char::is_alphabetic)
        && !line.ends_with(|c: char| ".!?,;…\"“”'’#*_".contains(c))
        && marker(line).is_none()
}

/// `Director(s): Leif Tilden` as key and value, when the key is short.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(": ")?;
    let (key, value) = (key.trim(), value.trim());
    let words = key.split_whitespace().count();
    ((1..=4).contains(&words)
        && key.chars().count() <= 30
        && key.chars().next().is_some_and(char::is_alphabetic)
        && !key.contains(['*', '_', '`', '[', ']'])
        && !value.is_empty())
    .then_some((key, value))
}

/// Escapes what would make a plain line start Markdown syntax that changes how it reads (a
/// heading, a quote, a bullet, a rule or a code fence). Numbered lines (`1. …`) are left
/// as they are: as an ordered list they show the same numbers and words.
fn escape_start(line: &str) -> String {
    let rule = line.chars().all(|c| "-_*= ".contains(c));
    let syntax = line.starts_with(['#', '>', '<', '`', '~'])
        || ["- ", "+ ", "* "].iter().any(|p| line.starts_with(p))
        || ["-", "+", "*"].contains(&line)
        || (line.starts_with('[') && line.contains("]:"));
    if rule || syntax {
        format!("\\{line}")
    } else {
        line.to_owned()
    }
}

// ---------------------------------------------------------------------------------------
// ID and TOML

/// A slug of the title, or of the file name when the title gives none.
fn id_for(title: &str, file_stem: &str, notes: &mut Vec<String>) -> String {
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

fn write_toml(draft: &Draft, file_stem: &str, notes: &[String]) -> String {
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

// ---------------------------------------------------------------------------------------
// Small helpers

/// `“text”`, shortened and with spacing collapsed, for a note.
fn quote(text: &str) -> String {
    format!("“{}”", quote_bare(text))
}

fn quote_bare(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > MAX_QUOTE {
        let cut: String = flat.chars().take(MAX_QUOTE - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        flat
    }
}

/// `3` for 3.0, `3.75` for 3.75.
fn fmt_num(n: f64) -> String {
    format!("{n}")
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Whether `word` appears in `text` as a whole word, in any case.
fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word))
}
