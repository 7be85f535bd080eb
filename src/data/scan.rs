//! Case-insensitive search over reviews' own text, with no folded copy of it kept: the
//! list's text filter, `list --grep` and export's `--grep` all count hits here.
//!
//! A query is folded (`data::fold`) and matched field by field (title, body, each
//! comment), so a hit never runs from one field into the next. An ASCII query is matched
//! over the original bytes, ignoring ASCII case: that is exact wherever no non-ASCII
//! character folds to ASCII and no spoiler is hidden, since every byte of a non-ASCII
//! character is ≥ 0x80 and so never equals a query byte. The few fields that break that
//! rule (spoilers, `İ`, the Kelvin sign) are marked at load, one byte each, and folded
//! at the moment they are searched, as are fields holding non-ASCII text when the query
//! is not ASCII.

use std::cell::RefCell;

use memchr::memmem;

use super::fold::{fold_into, folded};
use super::model::Review;

/// The field holds a spoiler (`||`) or a character that folds to ASCII (`İ`, `K`):
/// it must be folded before it is searched.
const FOLD: u8 = 1;
/// The field holds non-ASCII text: a non-ASCII query may match it.
const NON_ASCII: u8 = 2;

/// Separates fields in a review's folded text (mention counting) and blanks hidden
/// spoilers: no name or query contains it.
pub const FIELD_SEPARATOR: char = '\0';

/// How each field of one review must be searched, worked out where it is parsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Indexed {
    /// The fields (0 title, 1 body, then each comment) that must be folded to be
    /// searched, ascending; empty, with no allocation, for almost every review.
    fold: Box<[u32]>,
    /// Some field holds non-ASCII text, so a non-ASCII query may match.
    non_ascii: bool,
}

/// Indexes one review: which fields need folding, nothing of its text.
#[must_use]
pub fn index_review(review: &Review) -> Indexed {
    let mut non_ascii = false;
    let mut fold = Vec::new();
    for (i, field) in fields(review).enumerate() {
        let flags = field_flags(field);
        non_ascii |= flags & NON_ASCII != 0;
        if flags & FOLD != 0 {
            fold.push(u32::try_from(i).unwrap_or(u32::MAX));
        }
    }
    Indexed {
        fold: fold.into_boxed_slice(),
        non_ascii,
    }
}

/// `text` holds one of the only characters whose fold is ASCII: U+0130 `İ` and U+212A
/// `K` (a test checks every character).
fn folds_to_ascii(text: &[u8]) -> bool {
    memmem::find(text, "\u{130}".as_bytes()).is_some()
        || memmem::find(text, "\u{212a}".as_bytes()).is_some()
}

fn field_flags(text: &str) -> u8 {
    if text.is_ascii() {
        return if memmem::find(text.as_bytes(), b"||").is_some() {
            FOLD
        } else {
            0
        };
    }
    let bytes = text.as_bytes();
    let hides = memmem::find(bytes, b"||").is_some();
    NON_ASCII
        | if folds_to_ascii(bytes) || hides {
            FOLD
        } else {
            0
        }
}

/// Title, body, then each comment's text: the fields a query is matched in.
fn fields(review: &Review) -> impl Iterator<Item = &str> {
    [review.title.as_str(), review.body.as_str()]
        .into_iter()
        .chain(review.comments.iter().map(|c| &*c.text))
}

/// A query ready to be matched in many reviews.
#[derive(Debug)]
pub struct Needle {
    /// The query folded, as fields folded for searching are compared with it.
    finder: memmem::Finder<'static>,
    /// For a query whose fold is ASCII: the same, ignoring ASCII case, over raw bytes
    /// (`None` too for a query too long to compile, searched the folded way).
    ascii: Option<regex::bytes::Regex>,
    /// The folded query is ASCII, so it can match plain ASCII fields.
    is_ascii: bool,
    /// The query holds no space: a hit in a field folded for searching is then a hit in
    /// its raw bytes too, unless the field holds `İ` or `K` (the spaces that stand for
    /// spoiler markers are the only other ASCII folding adds).
    spaceless: bool,
}

impl Needle {
    /// `None` for a query that can match nothing: blank, or holding a NUL.
    #[must_use]
    pub fn new(text: &str) -> Option<Self> {
        let needle = folded(text);
        if needle.trim().is_empty() || needle.contains(FIELD_SEPARATOR) {
            return None;
        }
        let is_ascii = needle.is_ascii();
        let ascii = is_ascii
            .then(|| {
                regex::bytes::RegexBuilder::new(&regex::escape(&needle))
                    .case_insensitive(true)
                    .unicode(false)
                    .build()
                    .ok()
            })
            .flatten();
        Some(Self {
            finder: memmem::Finder::new(needle.as_bytes()).into_owned(),
            ascii,
            is_ascii,
            spaceless: !needle.contains(' '),
        })
    }

    /// Non-overlapping hits in `review`'s title, body and comments.
    #[must_use]
    pub fn count(&self, review: &Review, indexed: &Indexed) -> usize {
        self.hits(review, indexed, usize::MAX)
    }

    /// Whether `review` holds a hit at all; stops at the first.
    #[must_use]
    pub fn found(&self, review: &Review, indexed: &Indexed) -> bool {
        self.hits(review, indexed, 1) > 0
    }

    /// Hits counted until `enough`.
    fn hits(&self, review: &Review, indexed: &Indexed, enough: usize) -> usize {
        let mut total = 0;
        let mut folds = indexed.fold.iter().peekable();
        for (i, field) in fields(review).enumerate() {
            let fold = folds.next_if(|&&f| f as usize == i).is_some();
            let flags = match (fold, indexed.non_ascii) {
                (true, _) => FOLD | NON_ASCII,
                (false, true) => NON_ASCII,
                (false, false) => 0,
            };
            total += match &self.ascii {
                Some(regex) if flags & FOLD == 0 => regex
                    .find_iter(field.as_bytes())
                    .take(enough - total)
                    .count(),
                // No hit in the raw bytes, so none once folded: skip the folding (most
                // fields, for a query that matches few reviews).
                Some(regex)
                    if self.spaceless
                        && !regex.is_match(field.as_bytes())
                        && !folds_to_ascii(field.as_bytes()) =>
                {
                    0
                }
                None if flags == 0 && !self.is_ascii => 0,
                // The title's spoiler markers are shown as written, as the list shows them.
                _ => self.in_folded(field, i > 0, enough - total),
            };
            if total >= enough {
                break;
            }
        }
        total
    }

    /// Hits in `field` folded as the reading pane shows it (with `hide`, spoilers
    /// blanked), in a buffer kept per thread.
    fn in_folded(&self, field: &str, hide: bool, enough: usize) -> usize {
        thread_local! {
            static BUFFER: RefCell<String> = const { RefCell::new(String::new()) };
        }
        BUFFER.with_borrow_mut(|buffer| {
            buffer.clear();
            if hide {
                fold_visible(buffer, field);
            } else {
                fold_into(buffer, field);
            }
            let hits = self
                .finder
                .find_iter(buffer.as_bytes())
                .take(enough)
                .count();
            if buffer.capacity() > 1 << 20 {
                // One huge review should not keep a megabyte per thread for good.
                *buffer = String::new();
            }
            hits
        })
    }
}

/// Appends `text` folded, as the reading pane shows it with spoilers hidden (markers as
/// two spaces, hidden characters as NULs), without copying it first.
pub fn fold_visible(out: &mut String, text: &str) {
    for (i, part) in text.split("||").enumerate() {
        if i > 0 {
            out.push_str("  ");
        }
        if i % 2 == 0 {
            fold_into(out, part);
        } else {
            out.extend(std::iter::repeat_n(FIELD_SEPARATOR, part.chars().count()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fold::fold;

    #[test]
    fn only_the_listed_characters_fold_to_ascii() {
        let found: Vec<char> = (0x80..=0x10_FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| fold(c).is_ascii())
            .collect();
        assert_eq!(found, ['\u{130}', '\u{212a}']);
    }

    fn review(title: &str, body: &str, comments: &[&str]) -> Review {
        let mut r = crate::data::bundled_library().collections[0].reviews[0].clone();
        r.title = title.into();
        r.body = body.into();
        r.comments.truncate(0);
        for text in comments {
            r.comments.push(crate::data::Comment {
                text: (*text).into(),
                ..Default::default()
            });
        }
        r
    }

    fn count(r: &Review, query: &str) -> usize {
        Needle::new(query).map_or(0, |n| n.count(r, &index_review(r)))
    }

    #[test]
    fn hits_stay_within_fields_and_ignore_case() {
        let r = review("The End", "the END is near", &["aaa", "a"]);
        assert_eq!(count(&r, "the end"), 2);
        assert_eq!(count(&r, "aa"), 1);
        assert_eq!(count(&r, "  "), 0);
        assert_eq!(count(&r, "a\0a"), 0);
        assert_eq!(index_review(&r), Indexed::default());
    }

    #[test]
    fn a_field_without_a_raw_hit_is_skipped_only_when_folding_could_add_none() {
        // The hidden spoiler's markers read as spaces: a query with a space can meet them.
        let r = review("t", "the end||secret|| came", &[]);
        assert_eq!(count(&r, "end  "), 1);
        assert_eq!(count(&r, "secret"), 0);
        assert_eq!(count(&r, "came"), 1);
        // `K` (Kelvin) folds to `k`: no raw hit for `kelvin`, one once folded.
        let r = review("t", "\u{212a}elvin||x||", &["\u{130}stanbul"]);
        assert_eq!(count(&r, "kelvin"), 1);
        assert_eq!(count(&r, "istanbul"), 1);
    }

    #[test]
    fn spoilers_and_folding_characters_are_searched_folded() {
        let r = review("İSTANBUL", "seen ||the twist|| after", &["Kelvin ÜBER"]);
        assert_eq!(count(&r, "istanbul"), 1);
        assert_eq!(count(&r, "twist"), 0);
        assert_eq!(count(&r, "seen   "), 1);
        assert_eq!(count(&r, "kelvin"), 1);
        assert_eq!(count(&r, "über"), 1);
        assert_eq!(count(&r, "ÜBER"), 1);
        assert_eq!(count(&r, "é"), 0);
    }

    #[test]
    fn found_stops_at_the_first_hit() {
        let r = review("x", "a a a", &["a"]);
        let needle = Needle::new("A").expect("a query");
        assert!(needle.found(&r, &index_review(&r)));
        assert_eq!(needle.count(&r, &index_review(&r)), 4);
    }
}
