//! Cleaning the text into lines: line ends and spaces made plain, a blog's widget text
//! dropped, list bullets recognised.

use super::draft::{plural, quote_bare};

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

/// The text as lines: BOM dropped, line ends unified, non-breaking spaces made plain,
/// trailing blanks trimmed.
pub(super) fn normalize(text: &str, notes: &mut Vec<String>) -> Vec<String> {
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
    let core = unbulleted(line).to_lowercase();
    CHROME_LINES.contains(&core.as_str()) || CHROME_PREFIXES.iter().any(|p| core.starts_with(p))
}

/// Drops a blog's widget lines ("Leave a reply", "Share this:"…), noting the first and last.
pub(super) fn drop_chrome(lines: &mut Vec<String>, notes: &mut Vec<String>) {
    let dropped: Vec<String> = lines
        .iter()
        .filter(|l| is_chrome(l))
        .map(|l| unbulleted(l).to_owned())
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

/// The line trimmed and without its list bullet, if it has one.
pub(super) fn unbulleted(line: &str) -> &str {
    let t = line.trim();
    strip_bullet(t).unwrap_or(t)
}

/// The text after a list bullet (`•`, `- `…), or `None` when the line has none.
pub(super) fn strip_bullet(line: &str) -> Option<&str> {
    let t = line.trim_start();
    ['•', '◦', '▪', '‣', '●']
        .iter()
        .find_map(|b| t.strip_prefix(*b))
        .or_else(|| ["- ", "* "].iter().find_map(|b| t.strip_prefix(b)))
        .or_else(|| (t == "-" || t == "*").then_some(""))
        .map(str::trim_start)
}

/// Removes the lines at `drop`, the indices of lines a pass has taken in.
pub(super) fn remove_indices(lines: &mut Vec<String>, drop: &[usize]) {
    // `drop` is in ascending order: it is filled front to back.
    let mut index = 0;
    lines.retain(|_| {
        let keep = drop.binary_search(&index).is_err();
        index += 1;
        keep
    });
}
