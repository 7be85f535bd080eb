//! How often each review names each cast member: a review's text folded once, when its
//! film is first shown, and scanned for the whole cast in one pass.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::fold::{fold, fold_into};
use super::mentions::terms;
use super::model::{CastMember, Review};
use super::scan::{FIELD_SEPARATOR, fold_visible};

/// The text of a review folded, spoilers blanked, `\0` between fields: what mentions are
/// counted in.
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
                assert_eq!(
                    counter.count(&fold_review(review)),
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
}
