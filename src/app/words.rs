//! How long a review is, in words: what the list shows when sorted by length.

use super::App;

impl App {
    /// Words in an entry's body: counted once for the length sort ([`crate::data::Review::word_count`]
    /// otherwise), so drawing a row never splits a 5 MB body twice.
    #[must_use]
    pub fn word_count(&self, entry: usize) -> usize {
        self.catalog
            .words
            .get(entry)
            .copied()
            .unwrap_or_else(|| self.entry(entry).1.word_count())
    }

    /// An entry's reading time in minutes: the source's own, else its words at 200 a
    /// minute (as `list` and the length order count it).
    #[must_use]
    pub fn reading_minutes(&self, entry: usize) -> u32 {
        crate::query::minutes(self.entry(entry).1, self.word_count(entry))
    }
}
