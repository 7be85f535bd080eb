//! The glue between the reader's marks and the state file: which reviews were read,
//! how far, which are starred and which was open, keyed by collection (its folder's
//! full path; the name for the bundled one) and review ID.

use crate::app::{App, Mark, Restore};
use crate::data::Library;
use crate::state::ReadingState;

/// Saved marks for the reviews of `library`, by entry (file order, as the app counts).
#[must_use]
pub fn restore(library: &Library, state: &ReadingState) -> Restore {
    let mut saved = Restore::default();
    for (entry, (collection, review)) in library.reviews().enumerate() {
        let s = state.review(&collection.key, &review.id);
        let mark = Mark {
            read: s.read,
            comments_seen: s.comments_seen,
            starred: s.starred,
        };
        if mark != Mark::default() || s.scroll > 0 {
            saved.reviews.push((entry, mark, s.scroll));
        }
        if saved.last_open.is_none() && state.last_open(&collection.key) == Some(review.id.as_str())
        {
            saved.last_open = Some(entry);
        }
    }
    saved
}

/// Writes the reader's marks into `state`, leaving other collections' entries alone.
pub fn record(app: &App, state: &mut ReadingState) {
    for (entry, mark, scroll) in app.marks() {
        let (collection, review) = app.entry(entry);
        let s = state.review_mut(&collection.key, &review.id);
        s.read = mark.read;
        s.comments_seen = mark.comments_seen;
        s.starred = mark.starred;
        s.scroll = scroll;
    }
    if let Some((collection, review)) = app.open_review() {
        state.set_last_open(&collection.key, &review.id);
    }
}
