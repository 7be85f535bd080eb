//! Case folding for search: one character to one character, so every search, filter and
//! mention count in the reader agrees on what matches, and offsets can be mapped back.

/// Case folding of one character, keeping one character per character (the fold every
/// search and mention count in the reader uses).
#[must_use]
pub fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Appends `text` folded with [`fold`]; runs of ASCII are lowered a slice at a time.
pub fn fold_into(out: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            out.push(fold(c));
            rest = &rest[c.len_utf8()..];
        }
    }
}

/// `text` folded with [`fold`] when that changes no character's length in bytes (so
/// byte offsets in one are offsets in the other); `None` otherwise (`İ` folds to `i`).
#[must_use]
pub fn folded_in_place(text: &str) -> Option<String> {
    let lower = folded(text);
    (lower.len() == text.len()
        && text
            .chars()
            .filter(|c| !c.is_ascii())
            .all(|c| fold(c).len_utf8() == c.len_utf8()))
    .then_some(lower)
}

/// `text` folded with [`fold`].
#[must_use]
pub fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::{fold, folded};

    #[test]
    fn folding_matches_the_per_character_fold() {
        for text in [
            "Plain ASCII",
            "Ünïcödé MIXED ΣΑΣ",
            "İstanbul K",
            "",
            "a\u{0}B",
        ] {
            assert_eq!(folded(text), text.chars().map(fold).collect::<String>());
        }
    }
}
