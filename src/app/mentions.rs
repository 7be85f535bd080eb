//! Cast mentions per review, counted a film at a time when the film is first shown (or
//! searched across with `m`/`M`), so loading a large library never waits for them.

use std::ops::Range;

use rayon::prelude::*;

use super::App;
use crate::data::index::MentionCounter;

/// What the app knows about one collection's mentions.
#[derive(Debug, Clone)]
pub struct FilmIndex {
    /// The collection's first entry; its entries are consecutive.
    first: usize,
    /// Counts the film's cast names; present once the film's mentions are counted.
    counter: Option<MentionCounter>,
    /// In how many of the film's reviews each cast member appears.
    pub reach: Vec<usize>,
}

impl FilmIndex {
    /// A collection whose entries start at `first`, not counted yet.
    pub fn new(first: usize) -> Self {
        Self {
            first,
            counter: None,
            reach: Vec::new(),
        }
    }
}

impl App {
    /// Counts mentions in every review of collection `c`, once (on every core).
    pub(super) fn count_mentions(&mut self, c: usize) {
        if self.catalog.films[c].counter.is_some() {
            return;
        }
        let cast = &self.catalog.library.collections[c].film.cast;
        self.catalog.films[c].counter = Some(MentionCounter::new(cast));
        self.catalog.films[c].reach = vec![0; cast.len()];
        let first = self.catalog.films[c].first;
        let end = first + self.catalog.library.collections[c].reviews.len();
        self.count_new_mentions(c, first..end);
    }

    /// Counts mentions in `entries` (reviews of collection `c`) if the film is counted;
    /// otherwise they are counted with the rest of the film when it is first shown.
    pub(super) fn count_new_mentions(&mut self, c: usize, entries: Range<usize>) {
        let Some(counter) = &self.catalog.films[c].counter else {
            return;
        };
        let texts: Vec<&str> = self.catalog.index[entries.clone()]
            .iter()
            .map(|i| &*i.text)
            .collect();
        let counts: Vec<Vec<usize>> = texts
            .par_iter()
            .with_min_len(32)
            .map(|text| counter.count(text))
            .collect();
        for (e, counts) in entries.zip(counts) {
            for (reach, &n) in self.catalog.films[c].reach.iter_mut().zip(&counts) {
                *reach += usize::from(n > 0);
            }
            self.catalog.mentions[e] = counts;
        }
    }
}
