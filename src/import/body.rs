//! The review's body as Markdown: paragraphs, list items, headings from short lines and
//! `Key: value` runs as a list.

use super::clean::strip_bullet;
use super::comments::marker;
use super::draft::{listed, plural, quote};

/// Longest line that can be a heading, in characters.
const MAX_HEADING: usize = 60;

/// A run of lines in the body.
enum Part {
    Paragraph(Vec<String>),
    List(Vec<String>),
}

/// The body as Markdown: paragraphs separated by blank lines, `•` lines as list items,
/// short stand-alone lines as headings, runs of `Key: value` lines as a list.
pub(super) fn body(lines: &[String], notes: &mut Vec<String>) -> String {
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
        let quoted: Vec<String> = headings.iter().map(|h| quote(h)).collect();
        notes.push(format!(
            "{} heading{} from short stand-alone lines: {}",
            headings.len(),
            plural(headings.len()),
            listed(&quoted, 6)
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
