//! Finding where a text names a cast member (by actor, role or alias), so the sidebar
//! can show who a review talks about.

use std::ops::Range;

use super::fold::fold;
use super::model::{CastMember, Review};

/// `text` with the contents of `||spoilers||` blanked out (as NULs, which no name or query
/// contains), so hidden text is neither counted nor found.
#[must_use]
pub fn strip_spoilers(text: &str) -> String {
    if !text.contains("||") {
        return text.to_owned();
    }
    text.split("||")
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 0 {
                part.to_owned()
            } else {
                "\u{0}".repeat(part.chars().count())
            }
        })
        .collect::<Vec<_>>()
        .join("  ")
}

/// How many times a review (title, body and comments) mentions a cast member.
#[must_use]
pub fn count_mentions(review: &Review, member: &CastMember) -> usize {
    mention_counts(review, std::slice::from_ref(member))[0]
}

/// Mention counts for every member of a cast, folding the review's text only once.
#[must_use]
pub fn mention_counts(review: &Review, cast: &[CastMember]) -> Vec<usize> {
    // Hidden spoilers do not count: the reader cannot see them.
    let plain: Vec<String> = std::iter::once(review.title.clone())
        .chain(std::iter::once(strip_spoilers(&review.body)))
        .chain(review.comments.iter().map(|c| strip_spoilers(&c.text)))
        .collect();
    let texts: Vec<Folded> = plain.iter().map(|t| Folded::new(t)).collect();
    cast.iter()
        .map(|member| {
            let terms = terms(member);
            texts.iter().map(|t| t.find(&terms).len()).sum()
        })
        .collect()
}

/// The names a member goes by, longest first so "Billy Crudup" wins over "Crudup".
#[must_use]
pub fn terms(member: &CastMember) -> Vec<&str> {
    let mut terms: Vec<&str> = std::iter::once(member.actor.as_str())
        .chain(member.role.as_deref())
        .chain(member.aliases.iter().map(String::as_str))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect();
    terms.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
    terms
}

/// Non-overlapping whole-word, case-insensitive matches of any term, in text order.
/// Terms earlier in `terms` win overlaps, so pass longer names first.
#[must_use]
pub fn find_terms(text: &str, terms: &[&str]) -> Vec<Range<usize>> {
    Folded::new(text).find(terms)
}

/// Non-overlapping case-insensitive matches of `needle` anywhere in `text`.
#[must_use]
pub fn find_text(text: &str, needle: &str) -> Vec<Range<usize>> {
    let folded = Folded::new(text);
    let needle: String = needle.chars().map(fold).collect();
    if needle.trim().is_empty() {
        return Vec::new();
    }
    folded
        .lower
        .match_indices(&needle)
        .map(|(at, hit)| folded.original(at)..folded.original(at + hit.len()))
        .collect()
}

/// A text folded to lower case once, remembering where each character came from.
struct Folded<'a> {
    text: &'a str,
    lower: String,
    /// (offset in `folded`, offset in `text`) per character.
    origin: Vec<(usize, usize)>,
}

impl<'a> Folded<'a> {
    fn new(text: &'a str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        for (at, c) in text.char_indices() {
            origin.push((folded.len(), at));
            folded.push(fold(c));
        }
        Self {
            text,
            lower: folded,
            origin,
        }
    }

    fn original(&self, folded_at: usize) -> usize {
        self.origin
            .binary_search_by_key(&folded_at, |&(f, _)| f)
            .map_or(self.text.len(), |i| self.origin[i].1)
    }

    fn find(&self, terms: &[&str]) -> Vec<Range<usize>> {
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut found: Vec<Range<usize>> = Vec::new();
        for term in terms {
            let needle: String = term.chars().map(fold).collect();
            if needle.is_empty() {
                continue;
            }
            for (at, hit) in self.lower.match_indices(&needle) {
                let end = at + hit.len();
                if is_word(self.lower[..at].chars().next_back())
                    || is_word(self.lower[end..].chars().next())
                {
                    continue;
                }
                let range = self.original(at)..self.original(end);
                if !found
                    .iter()
                    .any(|f| f.start < range.end && range.start < f.end)
                {
                    found.push(range);
                }
            }
        }
        found.sort_by_key(|r| r.start);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(actor: &str, role: Option<&str>, aliases: &[&str]) -> CastMember {
        CastMember {
            actor: actor.into(),
            role: role.map(Into::into),
            aliases: aliases.iter().map(|a| (*a).to_string()).collect(),
        }
    }

    #[test]
    fn whole_words_only_and_case_insensitive() {
        let ranges = find_terms("Kevin’s run; kevinator; KEVIN.", &["Kevin"]);
        assert_eq!(ranges, vec![0..5, 26..31]);
    }

    #[test]
    fn full_name_and_surname_count_once() {
        let m = member("Billy Crudup", Some("Coach K"), &["Crudup"]);
        let review = Review {
            id: "r".into(),
            title: "t".into(),
            body: "Billy Crudup plays Coach K. Crudup is the star.".into(),
            source: None,
            reviewer: None,
            published: None,
            url: None,
            read_minutes: None,
            kind: crate::data::Kind::Review,
            rating: None,
            audience_rating: None,
            watched: None,
            rewatch: false,
            comments: vec![],
        };
        assert_eq!(count_mentions(&review, &m), 3);
    }
}
