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

mod ascii;

use std::cell::RefCell;
use std::sync::LazyLock;

use memchr::memmem;

use super::fold::{fold_into, folded};
use super::model::Review;
pub use ascii::AsciiFinder;

/// The field holds a spoiler (`||`) or a character that folds to ASCII (`İ`, `K`):
/// it must be folded before it is searched.
const FOLD: u8 = 1;
/// The field holds non-ASCII text: a non-ASCII query may match it.
const NON_ASCII: u8 = 2;
/// The field holds `İ` or `K`: even an ASCII query must meet its folded text.
const TO_ASCII: u8 = 4;
/// Set in `Indexed::fold` beside a field's number when the field holds `İ` or `K`.
const TO_ASCII_BIT: u32 = 1 << 31;

/// Finds spoiler markers: built once, not for each field.
static MARKER: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(b"||"));

/// Separates fields in a review's folded text (mention counting) and blanks hidden
/// spoilers: no name or query contains it.
pub const FIELD_SEPARATOR: char = '\0';

/// How each field of one review must be searched, worked out where it is parsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Indexed {
    /// The fields (0 title, 1 body, then each comment) that must be folded to be
    /// searched, ascending, with `TO_ASCII_BIT` set for those holding `İ` or `K`; empty,
    /// with no allocation, for almost every review.
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
            let to_ascii = if flags & TO_ASCII == 0 {
                0
            } else {
                TO_ASCII_BIT
            };
            fold.push(u32::try_from(i).unwrap_or(!TO_ASCII_BIT) | to_ascii);
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
    let bytes = text.as_bytes();
    let hides = if MARKER.find(bytes).is_some() {
        FOLD
    } else {
        0
    };
    if text.is_ascii() {
        hides
    } else if folds_to_ascii(bytes) {
        NON_ASCII | FOLD | TO_ASCII
    } else {
        NON_ASCII | hides
    }
}

/// Title, body, then each comment's text: the fields a query is matched in.
fn fields(review: &Review) -> impl Iterator<Item = &str> {
    [review.title.as_str(), review.body.as_str()]
        .into_iter()
        .chain(review.comments.iter().map(|c| &*c.text))
}

/// Where a review's first hit is: its field (0 title, 1 body, then each comment) and,
/// in a field searched in its raw bytes, the byte offset (else 0).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hit {
    /// The field, numbered as `Indexed::fold` numbers them.
    pub field: u32,
    /// The hit's byte offset in the field's raw text, or 0.
    pub at: u32,
}

/// A query ready to be matched in many reviews.
#[derive(Debug)]
pub struct Needle {
    /// The query folded, as fields folded for searching are compared with it.
    finder: memmem::Finder<'static>,
    /// For a query whose fold is ASCII: the same, ignoring ASCII case, over raw bytes
    /// (`None` for any other query, which cannot match a plain ASCII field).
    ascii: Option<AsciiFinder>,
    /// The query holds no space: a hit in a field folded for searching is then a hit in
    /// its raw bytes too, unless the field holds `İ` or `K` (the spaces that stand for
    /// spoiler markers are the only other ASCII folding adds).
    spaceless: bool,
    /// The query holds neither space nor `|`, so it cannot meet a spoiler's markers: in a
    /// field that hides a spoiler it is found in the visible parts of the raw bytes.
    plain: bool,
}

impl Needle {
    /// `None` for a query that can match nothing: blank, or holding a NUL.
    #[must_use]
    pub fn new(text: &str) -> Option<Self> {
        let needle = folded(text);
        if needle.trim().is_empty() || needle.contains(FIELD_SEPARATOR) {
            return None;
        }
        let ascii = AsciiFinder::new(needle.as_bytes());
        Some(Self {
            finder: memmem::Finder::new(needle.as_bytes()).into_owned(),
            ascii,
            spaceless: !needle.contains(' '),
            plain: !needle.contains([' ', '|']),
        })
    }

    /// Non-overlapping hits in `review`'s title, body and comments.
    #[must_use]
    pub fn count(&self, review: &Review, indexed: &Indexed) -> usize {
        self.hits(review, indexed, usize::MAX, Hit::default()).0
    }

    /// Whether `review` holds a hit at all; stops at the first.
    #[must_use]
    pub fn found(&self, review: &Review, indexed: &Indexed) -> bool {
        self.first_hit(review, indexed, Hit::default()).is_some()
    }

    /// Where `review`'s first hit is, searching from `from`: the first hit of a query
    /// this one extends (a longer query can only match where its prefix did), or the
    /// start.
    #[must_use]
    pub fn first_hit(&self, review: &Review, indexed: &Indexed, from: Hit) -> Option<Hit> {
        self.hits(review, indexed, 1, from).1
    }

    /// Hits counted from `from` until `enough`, and where the first is.
    fn hits(
        &self,
        review: &Review,
        indexed: &Indexed,
        enough: usize,
        from: Hit,
    ) -> (usize, Option<Hit>) {
        let mut total = 0;
        let mut first = None;
        let mut folds = indexed.fold.iter().peekable();
        for (i, field) in (0u32..).zip(fields(review)) {
            let marked = folds.next_if(|&&f| f & !TO_ASCII_BIT == i).copied();
            if i < from.field {
                continue;
            }
            let flags = match (marked, indexed.non_ascii) {
                (Some(f), _) if f & TO_ASCII_BIT != 0 => FOLD | NON_ASCII | TO_ASCII,
                (Some(_), _) => FOLD | NON_ASCII,
                (None, true) => NON_ASCII,
                (None, false) => 0,
            };
            let bytes = field.as_bytes();
            let start = if i == from.field { from.at as usize } else { 0 };
            let (hits, at) = match &self.ascii {
                Some(finder) if flags & FOLD == 0 => raw_hits(finder, bytes, start, enough - total),
                Some(_) if flags & TO_ASCII != 0 => self.folded_hits(field, i > 0, enough - total),
                Some(finder) => self.in_marked(finder, field, i == 0, start, enough - total),
                // A query that is not ASCII cannot match plain ASCII.
                None if flags == 0 => (0, None),
                None => self.folded_hits(field, i > 0, enough - total),
            };
            if let (Some(at), None) = (at, first) {
                // An offset too large to keep is kept as 0: searching from the start is
                // always right.
                let at = u32::try_from(at).unwrap_or(0);
                first = Some(Hit { field: i, at });
            }
            total += hits;
            if total >= enough {
                break;
            }
        }
        (total, first)
    }

    /// Hits of an ASCII query in a field that hides a spoiler (and holds neither `İ` nor
    /// `K`), and the raw offset of the first (0 when it was found folded).
    fn in_marked(
        &self,
        finder: &AsciiFinder,
        field: &str,
        title: bool,
        start: usize,
        enough: usize,
    ) -> (usize, Option<usize>) {
        let bytes = field.as_bytes();
        if title {
            // The title's spoiler markers are shown as written, as the list shows them.
            raw_hits(finder, bytes, start, enough)
        } else if self.plain {
            visible_hits(finder, bytes, start, enough)
        } else if self.spaceless && finder.find(bytes).is_none() {
            // No hit in the raw bytes, so none once folded: skip the folding.
            (0, None)
        } else {
            self.folded_hits(field, true, enough)
        }
    }

    /// Hits in `field` folded, and 0 as the offset of the first: where a hit is in the
    /// folded text says nothing of the raw bytes, so a longer query searches such a field
    /// from its start.
    fn folded_hits(&self, field: &str, hide: bool, enough: usize) -> (usize, Option<usize>) {
        let hits = self.in_folded(field, hide, enough);
        (hits, (hits > 0).then_some(0))
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

/// Hits of `finder` in `field` from `start`, until `enough`, and where the first is.
fn raw_hits(
    finder: &AsciiFinder,
    field: &[u8],
    start: usize,
    enough: usize,
) -> (usize, Option<usize>) {
    let Some(first) = finder.find_from(field, start) else {
        return (0, None);
    };
    let rest = field.get(first + finder.len()..).unwrap_or_default();
    (1 + finder.count(rest, enough - 1), Some(first))
}

/// Hits of a query with neither space nor `|` in what a field's hidden spoilers leave
/// visible: the text between markers, every other part (`fold_visible` blanks the rest
/// and turns each marker into spaces, which such a query cannot meet).
fn visible_hits(
    finder: &AsciiFinder,
    field: &[u8],
    start: usize,
    enough: usize,
) -> (usize, Option<usize>) {
    let mut total = 0;
    let mut first = None;
    let mut part_start = 0;
    let ends = MARKER.find_iter(field).chain([field.len()]);
    for (end, visible) in ends.zip([true, false].into_iter().cycle()) {
        if visible {
            let part = &field[..end];
            let mut at = part_start.max(start);
            while total < enough {
                let Some(hit) = finder.find_from(part, at) else {
                    break;
                };
                first.get_or_insert(hit);
                total += 1;
                at = hit + finder.len();
            }
        }
        if total >= enough {
            break;
        }
        part_start = end + 2;
    }
    (total, first)
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
mod tests;
