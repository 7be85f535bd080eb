//! Finding where a text names a cast member (by actor, role or alias), so the sidebar
//! can show who a review talks about.

use std::ops::Range;

use super::model::{CastMember, Review};

/// How many times a review (title, body and comments) mentions a cast member.
#[must_use]
pub fn count_mentions(review: &Review, member: &CastMember) -> usize {
    let terms = terms(member);
    std::iter::once(review.title.as_str())
        .chain(std::iter::once(review.body.as_str()))
        .chain(review.comments.iter().map(|c| c.text.as_str()))
        .map(|text| find_terms(text, &terms).len())
        .sum()
}

/// The names a member goes by, longest first so "Billy Crudup" wins over "Crudup".
fn terms(member: &CastMember) -> Vec<&str> {
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
#[must_use]
pub fn find_terms(text: &str, terms: &[&str]) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, fold(c))).collect();
    let mut found: Vec<Range<usize>> = Vec::new();
    for term in terms {
        let needle: Vec<char> = term.chars().map(fold).collect();
        if needle.is_empty() || needle.len() > chars.len() {
            continue;
        }
        for start in 0..=chars.len() - needle.len() {
            let end = start + needle.len();
            let hit = chars[start..end]
                .iter()
                .map(|&(_, c)| c)
                .eq(needle.iter().copied());
            let starts_word = start == 0 || !chars[start - 1].1.is_alphanumeric();
            let ends_word = end == chars.len() || !chars[end].1.is_alphanumeric();
            if hit && starts_word && ends_word {
                let range = chars[start].0..chars.get(end).map_or(text.len(), |&(i, _)| i);
                if !found
                    .iter()
                    .any(|f| f.start < range.end && range.start < f.end)
                {
                    found.push(range);
                }
            }
        }
    }
    found.sort_by_key(|r| r.start);
    found
}

/// Case folding of one character, keeping one character per character.
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
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
        assert_eq!(ranges, vec![0..5, 25..30]);
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
            comments: vec![],
        };
        assert_eq!(count_mentions(&review, &m), 3);
    }
}
