//! Counts in messages: one helper for every message the reader prints, so none says
//! `1 comments` or `0 comments hidden`.

/// `1 review`, `2 reviews`, `0 reviews`: a count with its noun, made plural with `s`.
#[must_use]
pub fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// [`plural`] for a noun whose plural is not `noun + s` (`reply`, `replies`).
#[must_use]
pub fn plural_of(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `contains` after one, `contain` after several: the verb that agrees with a count.
#[must_use]
pub fn agrees(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::{agrees, plural, plural_of};

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1, "review"), "1 review");
        assert_eq!(plural(0, "review"), "0 reviews");
        assert_eq!(plural(2, "comment"), "2 comments");
        assert_eq!(plural(11, "file"), "11 files");
        assert_eq!(plural_of(1, "reply", "replies"), "1 reply");
        assert_eq!(plural_of(3, "reply", "replies"), "3 replies");
        assert_eq!(agrees(1, "contains", "contain"), "contains");
        assert_eq!(agrees(0, "contains", "contain"), "contain");
    }
}
