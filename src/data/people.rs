//! Everyone who wrote something in a library (review authors and commenters): how a
//! person is keyed and how a name or a review matches what a reader typed.

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

use super::model::Review;

/// A person and how much they wrote, for the reviewer picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name as first written.
    pub name: String,
    /// Reviews they are the author of.
    pub reviews: usize,
    /// Comments they posted.
    pub comments: usize,
}

/// The key a person is filed under: their name trimmed and lower-cased, so `Ann`, `ann`
/// and ` ANN ` are one person wherever people are counted, grouped or compared.
#[must_use]
pub fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// True when `name` contains `query`, ignoring case and surrounding space: the one rule by
/// which the picker narrows people and `--reviewer` picks them.
#[must_use]
pub fn name_matches(name: &str, query: &str) -> bool {
    matcher(query)(name)
}

/// [`name_matches`] for many names against one query, folding the query once (the picker
/// tests every person on each keystroke).
pub fn matcher(query: &str) -> impl Fn(&str) -> bool {
    let query = key(query);
    move |name| key(name).contains(&query)
}

/// True when the review's author or any commenter's name contains `query` (see
/// [`name_matches`]): the reviewer filter, the same for `list`, `export` and the reader.
#[must_use]
pub fn review_matches(review: &Review, query: &str) -> bool {
    let matches = |name: Option<&str>| name.is_some_and(|n| name_matches(n, query));
    matches(review.reviewer.as_deref())
        || review.comments.iter().any(|c| matches(c.author.as_deref()))
}

/// True when `candidate` is the person called `name` (same [`key`]): whether a comment is
/// by the person a filter has picked.
#[must_use]
pub fn same_name(candidate: Option<&str>, name: &str) -> bool {
    candidate.is_some_and(|c| key(c) == key(name))
}

/// Why a URL may not leave the reader (be copied or opened), so the refusal can say why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkRefusal {
    /// Not an `http://` or `https://` link with something after the `://`.
    NotWeb,
    /// A web link holding a control, format, bidi or whitespace character, or a stand-in
    /// the sanitiser left for one: what it shows is not what it holds.
    Hidden,
}

/// Only plain web links may leave the reader: no `javascript:`, `file:` or escapes.
#[must_use]
pub fn is_web_link(url: &str) -> bool {
    link_refusal(url).is_none()
}

/// Why `url` may not be copied or opened; `None` for a plain web link. It judges a raw
/// string and a sanitised one alike: either the characters or their stand-ins refuse it.
#[must_use]
pub fn link_refusal(url: &str) -> Option<LinkRefusal> {
    let lower = url.trim().to_ascii_lowercase();
    let web = ["https://", "http://"].iter().any(|scheme| {
        lower
            .strip_prefix(scheme)
            .is_some_and(|rest| !rest.is_empty())
    });
    if !web {
        Some(LinkRefusal::NotWeb)
    } else if hides_characters(url) {
        Some(LinkRefusal::Hidden)
    } else {
        None
    }
}

/// True when `url` holds a character the sanitiser would change, a stand-in it leaves
/// (U+FFFD, a control picture), whitespace or any format character (a joiner too).
fn hides_characters(url: &str) -> bool {
    url.chars().any(|c| {
        c.is_control()
            || c.is_whitespace()
            || c == '\u{fffd}'
            || ('\u{2400}'..='\u{243f}').contains(&c)
            || (!c.is_ascii() && c.general_category() == GeneralCategory::Format)
    }) || super::sanitize(url) != url
}

#[cfg(test)]
mod tests {
    use super::{key, name_matches, review_matches, same_name};
    use crate::data::{Comment, bundled_library};

    #[test]
    fn a_person_is_their_trimmed_lower_case_name() {
        assert_eq!(key("  Robin RUE "), "robin rue");
        assert!(same_name(Some("robin Rue"), " ROBIN RUE"));
        assert!(!same_name(Some("Robin"), "robin Rue"));
        assert!(!same_name(None, "robin"));
    }

    #[test]
    fn names_match_by_containing_the_query_in_any_case() {
        assert!(name_matches("Pam Wattenbarger", "WATTEN"));
        assert!(name_matches("Pam Wattenbarger", " pam "));
        assert!(name_matches("Émile Roux", "émile"));
        assert!(!name_matches("Pam", "Pamela"));
    }

    #[test]
    fn a_review_matches_by_its_author_or_any_commenter() {
        let library = bundled_library();
        let (_, review) = library.reviews().next().expect("a review");
        let mut review = review.clone();
        review.reviewer = Some("Jane Doe".into());
        review.comments = vec![Comment {
            text: "x".into(),
            author: Some("robin Rue".into()),
            ..Comment::default()
        }];
        assert!(review_matches(&review, "jane"));
        assert!(review_matches(&review, "RUE"));
        assert!(!review_matches(&review, "pam"));
    }
}
