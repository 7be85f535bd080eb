//! "Did you mean": the known names closest to one a person typed, for an unknown review
//! ID, cast member or command, so a typo gets an answer rather than a dead end.

/// At most this many suggestions are offered.
const MAX: usize = 5;

/// The `known` names that contain `typed` (any case) or are within a few edits of it,
/// closest first, at most five.
#[must_use]
pub fn closest<'a>(typed: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let typed = typed.to_lowercase();
    if typed.is_empty() {
        return Vec::new();
    }
    // A third of the typed length, at least one and at most three edits.
    let limit = (typed.chars().count() / 3).clamp(1, 3);
    let mut scored: Vec<(usize, &str)> = known
        .into_iter()
        .filter_map(|name| {
            let lower = name.to_lowercase();
            if lower.contains(&typed) {
                return Some((0, name));
            }
            // A whole name, or one of its words (`crudupp` for `Billy Crudup`).
            let d = std::iter::once(lower.as_str())
                .chain(lower.split_whitespace())
                .map(|part| distance(&typed, part))
                .min()
                .unwrap_or(usize::MAX);
            (d <= limit).then_some((d, name))
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(MAX).map(|(_, name)| name).collect()
}

/// ` Did you mean `a` or `b`?` (with its leading space), or nothing.
#[must_use]
pub fn did_you_mean(names: &[&str]) -> String {
    let quoted: Vec<String> = names
        .iter()
        .map(|n| format!("`{}`", crate::data::sanitize_line(n)))
        .collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => format!(" Did you mean {one}?"),
        [rest @ .., last] => format!(" Did you mean {} or {last}?", rest.join(", ")),
    }
}

/// Edit distance over characters, a swap of two neighbours counting as one edit
/// (`lsit` is one edit from `list`).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::{closest, did_you_mean, distance};

    #[test]
    fn parts_and_typos_find_their_names() {
        let ids = [
            "trailer-park-tuesday",
            "keep-on-running",
            "heartwarming-story",
        ];
        assert_eq!(closest("trailer", ids), ["trailer-park-tuesday"]);
        assert_eq!(closest("keep-on-runing", ids), ["keep-on-running"]);
        assert!(closest("zeppelin", ids).is_empty());
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("lsit", "list"), 1);
        assert_eq!(
            closest("crudupp", ["Billy Crudup", "Tim Roth"]),
            ["Billy Crudup"]
        );
        assert_eq!(
            did_you_mean(&["a", "b", "c"]),
            " Did you mean `a`, `b` or `c`?"
        );
        assert_eq!(did_you_mean(&[]), "");
    }
}
