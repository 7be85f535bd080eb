//! What the reader looks up in every review on every query, computed once where the review
//! is parsed: its text folded to lower case (the full-text index) and how often it names
//! each cast member. Queries then scan folded bytes with `memmem` instead of folding
//! 50 MB of text per keystroke.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::fold::{fold, fold_into};
#[cfg(doc)]
use super::mentions::strip_spoilers;
use super::mentions::terms;
use super::model::{CastMember, Review};

/// Separates a review's fields in its folded text; no name or query contains it, so a
/// match never runs from one field into the next.
const FIELD_SEPARATOR: char = '\0';

/// A review's search material, built where it is parsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Indexed {
    /// Title, body and comments, spoilers blanked, folded to lower case, `\0` between fields:
    /// what the list's text filter scans, and what mentions are counted in.
    pub text: Box<str>,
}

/// The searchable text of a review, folded: what the list's text filter and `list --grep`
/// look in. Hidden spoilers are blanked, so they are never found.
#[must_use]
pub fn fold_review(review: &Review) -> String {
    let size = review.title.len()
        + review.body.len()
        + review
            .comments
            .iter()
            .map(|c| c.text.len() + 1)
            .sum::<usize>()
        + 1;
    let mut out = String::with_capacity(size);
    fold_into(&mut out, &review.title);
    out.push(FIELD_SEPARATOR);
    fold_visible(&mut out, &review.body);
    for comment in &review.comments {
        out.push(FIELD_SEPARATOR);
        fold_visible(&mut out, &comment.text);
    }
    out
}

/// Appends `text` folded, as [`strip_spoilers`] would show it (markers as two spaces,
/// hidden characters as NULs), without copying it first.
fn fold_visible(out: &mut String, text: &str) {
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

/// Non-overlapping occurrences of an already folded `needle` in folded `text`.
#[must_use]
pub fn count_folded(text: &str, needle: &str) -> usize {
    if needle.trim().is_empty() || needle.contains(FIELD_SEPARATOR) {
        return 0;
    }
    memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()).count()
}

/// Counts cast mentions in folded review texts with one pass per text for the whole cast,
/// by the same rules as [`super::find_terms`]: whole words, a member's longer names first,
/// a place in the text counted once per member.
#[derive(Debug, Clone)]
pub struct MentionCounter {
    /// Every distinct folded name; `None` when the cast has none.
    automaton: Option<AhoCorasick>,
    /// Per member: pattern IDs of its names, longest name first.
    members: Vec<Vec<usize>>,
    patterns: usize,
}

impl MentionCounter {
    /// Prepares the names of a film's cast; build once per film, use for all its reviews.
    #[must_use]
    pub fn new(cast: &[CastMember]) -> Self {
        let mut needles: Vec<String> = Vec::new();
        let members = cast
            .iter()
            .map(|member| {
                terms(member)
                    .into_iter()
                    .map(|t| t.chars().map(fold).collect::<String>())
                    .filter(|n| !n.is_empty())
                    .map(|needle| {
                        needles
                            .iter()
                            .position(|n| *n == needle)
                            .unwrap_or_else(|| {
                                needles.push(needle);
                                needles.len() - 1
                            })
                    })
                    .collect()
            })
            .collect();
        let automaton = (!needles.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    // A handful of names: a full DFA is small and the fastest to run.
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(&needles)
                    .ok()
            })
            .flatten();
        Self {
            automaton,
            members,
            patterns: needles.len(),
        }
    }

    /// Mentions of each member (in cast order) in a text folded by [`fold_review`].
    #[must_use]
    pub fn count(&self, text: &str) -> Vec<usize> {
        let Some(automaton) = &self.automaton else {
            return vec![0; self.members.len()];
        };
        // Per name: its matches as `str::match_indices` would give them (left to right,
        // not overlapping each other), kept only where they are whole words.
        let mut hits: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.patterns];
        let mut last_end = vec![0usize; self.patterns];
        for m in automaton.find_overlapping_iter(text) {
            let p = m.pattern().as_usize();
            if m.start() < last_end[p] {
                continue;
            }
            last_end[p] = m.end();
            if is_whole_word(text, m.start(), m.end()) {
                hits[p].push((m.start(), m.end()));
            }
        }
        self.members
            .iter()
            .map(|names| {
                let mut found: Vec<(usize, usize)> = Vec::new();
                for &p in names {
                    for &(start, end) in &hits[p] {
                        let at = found.partition_point(|&(s, _)| s < start);
                        let clashes_before = at > 0 && found[at - 1].1 > start;
                        let clashes_after = found.get(at).is_some_and(|&(s, _)| s < end);
                        if !clashes_before && !clashes_after {
                            found.insert(at, (start, end));
                        }
                    }
                }
                found.len()
            })
            .collect()
    }
}

fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !is_word(text[..start].chars().next_back()) && !is_word(text[end..].chars().next())
}

/// Indexes one review.
#[must_use]
pub fn index_review(review: &Review) -> Indexed {
    Indexed {
        text: fold_review(review).into_boxed_str(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fold::folded;
    use crate::data::{bundled_library, mention_counts};

    #[test]
    fn counts_agree_with_the_reading_pane_rules() {
        let library = bundled_library();
        for collection in &library.collections {
            let counter = MentionCounter::new(&collection.film.cast);
            for review in &collection.reviews {
                let indexed = index_review(review);
                assert_eq!(
                    counter.count(&indexed.text),
                    mention_counts(review, &collection.film.cast),
                    "{}",
                    review.id
                );
            }
        }
    }

    #[test]
    fn spoilers_fold_as_the_reading_pane_hides_them() {
        for text in ["a ||b|| c", "||", "x||y", "||a||||b||", "Ünï ||Çé|| Z", ""] {
            let mut out = String::new();
            fold_visible(&mut out, text);
            assert_eq!(out, folded(&crate::data::strip_spoilers(text)), "{text:?}");
        }
    }

    #[test]
    fn queries_count_non_overlapping_hits_within_fields() {
        assert_eq!(count_folded("aaa\0a", "aa"), 1);
        assert_eq!(count_folded("the end\0the", "the"), 2);
        assert_eq!(count_folded("x\0y", "x\0y"), 0);
        assert_eq!(count_folded("anything", "  "), 0);
    }
}
