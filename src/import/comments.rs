//! The comment section at the end of the text: numbered items or `Name says:` blocks,
//! each with its author, date and contact when given.

use std::fmt::Write as _;

use super::dates::date_line;
use super::draft::{listed, plural, quote};
use crate::data::Comment;

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

/// An item of a numbered list: `  2. robin Rue says:`.
pub(super) struct Marker<'a> {
    number: usize,
    rest: &'a str,
}

/// The number and text of a numbered-list item (`2. text`, `2) text`).
pub(super) fn marker(line: &str) -> Option<Marker<'_>> {
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
pub(super) fn take_comments(lines: &mut Vec<String>, notes: &mut Vec<String>) -> Vec<Comment> {
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

/// Numbered items from `1.` counting up to the end, when they look like comments (a name
/// says something, a comments heading stands above, or blank lines separate them).
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

/// `Name says:` blocks, when there are two or a comments heading stands above.
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
        c.author = Some(name.into());
        if let Some(date) = date_line(after) {
            c.posted = Some(date);
        } else if !after.is_empty() {
            text.push(after);
        }
    } else if numbered && has_more && name_like(first, 4) && !is_contact(first) {
        c.author = Some(first.into());
    } else if !first.is_empty() {
        text.push(first);
    }
    let mut i = 0;
    if c.author.is_some() && text.is_empty() {
        while let Some(line) = rest.get(i).map(|l| l.trim()) {
            if line.is_empty() {
            } else if is_contact(line) {
                c.contact = Some(match c.contact.take() {
                    Some(before) => format!("{before}, {line}").into(),
                    None => line.into(),
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
    c.text = paragraphs(&text).into();
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

/// The note summing up the comments found: how many, how marked, whose, with what.
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
        let _ = write!(note, " ({})", listed(&names, 8));
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
