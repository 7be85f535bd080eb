//! Names for followed sources: ones a person can type after `fetch` and `unfollow`,
//! never two alike.

use crate::data::sanitize_line;
use crate::sources::subscriptions::Source;

/// `alice` for `https://letterboxd.com/alice/rss/`.
pub(super) fn letterboxd_member(url: &str) -> Option<String> {
    let rest = url
        .split_once("letterboxd.com/")
        .map(|(_, rest)| rest)?
        .trim_end_matches('/');
    let member = rest.strip_suffix("/rss").unwrap_or(rest);
    (!member.is_empty() && !member.contains('/')).then(|| member.to_owned())
}

/// A `--name` as given, trimmed, if it can name a new source.
pub(super) fn given_name(name: &str, sources: &[Source]) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("--name must not be empty".to_owned());
    }
    if sanitize_line(name) != name {
        return Err("--name must be a name without control characters".to_owned());
    }
    if sources.iter().any(|s| s.name == name) {
        return Err(format!(
            "a source named `{name}` is already followed; pick another --name"
        ));
    }
    Ok(name.to_owned())
}

/// Longest default name, in characters: a feed title can be a sentence.
const NAME_CHARS: usize = 40;

/// A name a person can type after `fetch` and `unfollow`, from a feed's or page's title:
/// letters, digits, spaces and `-_.'&()` only, one space at a time, at most 40
/// characters; the URL's host when nothing is left.
pub(super) fn default_name(title: &str, url: &str) -> String {
    let name = typeable(title);
    if !name.is_empty() {
        return name;
    }
    let host = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let host = host.rsplit_once('@').map_or(host, |(_, host)| host);
    let host = match host.rsplit_once(':') {
        Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
        _ => host,
    };
    let host = typeable(host);
    if host.is_empty() {
        "source".to_owned()
    } else {
        host
    }
}

/// `text` with every other character a space (typographic apostrophes straightened,
/// invisible ones dropped), spaces collapsed, cut at [`NAME_CHARS`].
pub(super) fn typeable(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter_map(|c| match c {
            c if c.is_alphanumeric() || "-_.'&()".contains(c) => Some(c),
            '\u{2018}' | '\u{2019}' => Some('\''),
            c if c.is_whitespace() => Some(' '),
            c if c.is_control() || sanitize_line(&c.to_string()) != c.to_string() => None,
            _ => Some(' '),
        })
        .collect();
    let collapsed = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = collapsed.chars().take(NAME_CHARS).collect();
    cut.trim_end().to_owned()
}

/// `name`, or `name (2)` and so on when taken.
pub(super) fn unique_name(base: &str, sources: &[Source]) -> String {
    let mut candidate = base.to_owned();
    let mut n = 2;
    while sources.iter().any(|s| s.name == candidate) {
        candidate = format!("{base} ({n})");
        n += 1;
    }
    candidate
}
