//! Everyone who wrote something in a library (review authors and commenters), so the
//! reader can filter by person.

use super::model::{Library, Review};

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

/// True when `review` is by the person called `name` or has a comment by them: the
/// reviewer filter's rule.
#[must_use]
pub fn touches(review: &Review, name: &str) -> bool {
    same_name(review.reviewer.as_deref(), name)
        || review
            .comments
            .iter()
            .any(|c| same_name(c.author.as_deref(), name))
}

/// Case-insensitive, whitespace-trimmed name equality: how the picker and `--reviewer` match.
#[must_use]
pub fn same_name(candidate: Option<&str>, name: &str) -> bool {
    candidate.is_some_and(|c| c.trim().to_lowercase() == name.trim().to_lowercase())
}

/// Only plain web links may leave the reader: no `javascript:`, `file:` or escapes.
#[must_use]
pub fn is_web_link(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > lower.find("://").map_or(0, |i| i + 3)
        && !url
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\u{fffd}')
}

/// Every named person, sorted by name (case-insensitive), with their counts.
#[must_use]
pub fn people(library: &Library) -> Vec<Person> {
    // One pass with a map from the folded name, so a library with thousands of
    // commenters is indexed in linear time.
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut people: Vec<Person> = Vec::new();
    let mut add = |name: Option<&str>, is_review: bool| {
        let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
            return;
        };
        let at = *index.entry(name.to_lowercase()).or_insert_with(|| {
            people.push(Person {
                name: name.to_owned(),
                reviews: 0,
                comments: 0,
            });
            people.len() - 1
        });
        if is_review {
            people[at].reviews += 1;
        } else {
            people[at].comments += 1;
        }
    };
    for (_, review) in library.reviews() {
        add(review.reviewer.as_deref(), true);
        for comment in &review.comments {
            add(comment.author.as_deref(), false);
        }
    }
    people.sort_by_cached_key(|p| p.name.to_lowercase());
    people
}
