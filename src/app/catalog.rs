//! The loaded reviews and what is indexed from them: every per-entry table grows together
//! (see `loading`), so an entry number means the same review in each.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::loading::Progress;
use super::mentions::FilmIndex;
use crate::data::people;
use crate::data::{Indexed, Library, Person, Review};

/// The library, its entries and their indexes.
#[derive(Debug, Default)]
pub(super) struct Catalog {
    pub(super) library: Library,
    /// (collection index, review index) for every review, in file order.
    pub(super) entries: Vec<(usize, usize)>,
    /// Per entry: how its fields must be searched, for the list's text filter.
    pub(super) index: Vec<Indexed>,
    /// Per entry: words in its body, counted when the list is first sorted by length.
    pub(super) words: Vec<usize>,
    /// Per entry: mentions of each cast member of its film; empty until its film is
    /// first shown (counting is deferred so loading stays fast).
    pub(super) mentions: Vec<Vec<usize>>,
    /// Per collection: its first entry (a collection's entries are consecutive), whether
    /// its mentions are counted, and in how many of its reviews each member appears.
    pub(super) films: Vec<FilmIndex>,
    /// Everyone who wrote, sorted by name.
    pub(super) people: Vec<Person>,
    /// Per person (by folded name): the entries they wrote or commented on, ascending
    /// (`u32`: half the size, for the half a million a large library files here).
    pub(super) by_person: HashMap<String, (Person, Vec<u32>)>,
    /// People were added since `people` was last sorted.
    pub(super) people_changed: bool,
    /// How far background loading has got; `None` once everything is in.
    pub(super) loading: Option<Progress>,
    /// Bumped by every reload, so work begun on older data is not applied to new data.
    pub(super) generation: u64,
}

impl Catalog {
    /// Entry `e`'s review with its search index: what the list's text filter scans.
    pub(super) fn searchable(&self, e: usize) -> (&Review, &Indexed) {
        let (c, r) = self.entries[e];
        (&self.library.collections[c].reviews[r], &self.index[e])
    }

    /// Gives back the room the per-entry tables grew into while loading (a growing `Vec`
    /// doubles), once nothing more arrives.
    pub(super) fn shrink(&mut self) {
        self.entries.shrink_to_fit();
        self.index.shrink_to_fit();
        self.mentions.shrink_to_fit();
        for collection in &mut self.library.collections {
            collection.reviews.shrink_to_fit();
        }
        for (_, entries) in self.by_person.values_mut() {
            entries.shrink_to_fit();
        }
    }

    /// The entries a person wrote or commented on, by the reviewer filter's rule.
    pub(super) fn entries_of(&self, name: &str) -> &[u32] {
        self.by_person
            .get(&people::key(name))
            .map_or(&[], |(_, entries)| entries.as_slice())
    }

    /// Brings the sorted list of people up to date with everyone who has arrived.
    pub(super) fn sort_people(&mut self) {
        if std::mem::take(&mut self.people_changed) {
            let mut people: Vec<Person> = self.by_person.values().map(|(p, _)| p.clone()).collect();
            people.sort_by_cached_key(|p| natural_key(&people::key(&p.name)));
            self.people = people;
        }
    }

    /// Counts a review or comment by `name` and files the entry under them.
    pub(super) fn add_person(&mut self, name: Option<&str>, entry: usize, is_review: bool) {
        let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
            return;
        };
        let (person, entries) = self.by_person.entry(people::key(name)).or_insert_with(|| {
            let person = Person {
                name: name.to_owned(),
                reviews: 0,
                comments: 0,
            };
            (person, Vec::new())
        });
        if is_review {
            person.reviews += 1;
        } else {
            person.comments += 1;
        }
        // Four billion reviews would not fit in memory long before this saturates.
        let entry = u32::try_from(entry).unwrap_or(u32::MAX);
        if entries.last() != Some(&entry) {
            entries.push(entry);
        }
        self.people_changed = true;
    }
}

/// A folded name's key for natural order, where numbers compare as numbers: `Critic 2`
/// before `Critic 10` before `Critic 19`, as a person scanning the picker expects. Each
/// run of digits becomes its length (fixed width) and then its digits, leading zeros
/// dropped; the folded name follows, so names that differ only in zeros keep an order.
fn natural_key(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len() * 2 + 8);
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_ascii_digit() {
            out.push(c);
            continue;
        }
        let mut run = String::from(c);
        while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
            run.push(d);
            chars.next();
        }
        let digits = run.trim_start_matches('0');
        // A longer number is a larger one: its length first, then its digits.
        let _ = write!(out, "{:05}{digits}", digits.len());
    }
    out.push('\0');
    out.push_str(folded);
    out
}

#[cfg(test)]
mod tests {
    use super::natural_key;

    #[test]
    fn numbers_in_names_sort_as_numbers() {
        let mut names = vec![
            "critic 19",
            "critic 2",
            "critic 10",
            "critic",
            "ana",
            "critic 02",
            "zed",
        ];
        names.sort_by_cached_key(|n| natural_key(n));
        assert_eq!(
            names,
            [
                "ana",
                "critic",
                "critic 02",
                "critic 2",
                "critic 10",
                "critic 19",
                "zed"
            ]
        );
    }
}
