//! Cast mentions per review, counted a film at a time when the film is first shown (or
//! searched across with `m`/`M`), so loading a large library never waits for them.

use std::ops::Range;

use rayon::prelude::*;

use super::App;
use crate::data::Review;
use crate::data::index::{MentionCounter, fold_review};

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
        // Spoilers the reader revealed count, as the reading pane shows them.
        let reviews: Vec<(&Review, bool)> = entries
            .clone()
            .map(|e| (self.entry(e).1, self.reading.revealed.contains(&e)))
            .collect();
        // Each text is folded where it is counted, and dropped after.
        let counts: Vec<Vec<usize>> = reviews
            .par_iter()
            .with_min_len(8)
            .map(|&(review, revealed)| counter.count(&mention_text(review, revealed)))
            .collect();
        for (e, counts) in entries.zip(counts) {
            for (reach, &n) in self.catalog.films[c].reach.iter_mut().zip(&counts) {
                *reach += usize::from(n > 0);
            }
            self.catalog.mentions[e] = counts;
        }
    }

    /// Counts `entry`'s mentions again after its spoilers were shown or hidden, and keeps
    /// its film's reach in step (the sidebar's `×N` and `in N of M reviews`).
    pub(super) fn recount_mentions(&mut self, entry: usize) {
        let c = self.catalog.entries[entry].0;
        let Some(counter) = &self.catalog.films[c].counter else {
            return;
        };
        let revealed = self.reading.revealed.contains(&entry);
        let counts = counter.count(&mention_text(self.entry(entry).1, revealed));
        let old = std::mem::replace(&mut self.catalog.mentions[entry], counts);
        let film = &mut self.catalog.films[c];
        for (m, reach) in film.reach.iter_mut().enumerate() {
            let was = old.get(m).is_some_and(|&n| n > 0);
            let is = self.catalog.mentions[entry].get(m).is_some_and(|&n| n > 0);
            *reach = (*reach + usize::from(is)).saturating_sub(usize::from(was));
        }
    }
}

/// The folded text mentions are counted in: spoilers blanked, or for a review whose
/// spoilers are shown, its whole text.
fn mention_text(review: &Review, revealed: bool) -> String {
    if !revealed {
        return fold_review(review);
    }
    let mut shown = review.clone();
    // The markers become the two spaces the hidden form leaves; the text stays.
    shown.body = shown.body.replace("||", "  ");
    for comment in &mut shown.comments {
        comment.text = comment.text.replace("||", "  ").into();
    }
    fold_review(&shown)
}
