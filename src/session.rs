//! The glue between the reader's marks and the state file: which reviews were read,
//! how far, which are starred and which was open, keyed by collection (its folder's
//! full path; the name for the bundled one) and review ID.

mod merge;

pub use merge::{merge, save_merged};

use crate::app::{App, Mark, Restore, SavedView};
use crate::query::SortKey;
use crate::state::{ReadingState, ViewState};

/// The saved view as the app takes it; a sort name this version does not know is left
/// as if unsaved (and kept in the file).
#[must_use]
pub fn view_of(state: &ViewState) -> SavedView {
    SavedView {
        sort: state
            .sort
            .as_deref()
            .and_then(|name| <SortKey as clap::ValueEnum>::from_str(name, true).ok()),
        reverse: state.reverse,
        hide_read: state.hide_read,
    }
}

/// Writes into `state` each part of the list's view the reader changed since it was last
/// recorded, and only those: a part another reader changed (read back from the file by a
/// merge) stays theirs until this reader changes it too.
fn record_view(app: &App, state: &mut ViewState) {
    let changes = app.view_changes();
    let (sort, reverse) = app.sort();
    if changes.sort != state.recorded[0] {
        state.sort = Some(sort.to_string());
    }
    if changes.reverse != state.recorded[1] {
        state.reverse = Some(reverse);
    }
    if changes.hide_read != state.recorded[2] {
        state.hide_read = Some(app.hides_read());
    }
    state.recorded = [changes.sort, changes.reverse, changes.hide_read];
}

/// Saved marks for every review the state knows, keyed by collection and review ID, so
/// they apply to reviews as they load.
#[must_use]
pub fn restore(state: &ReadingState) -> Restore {
    let mut saved = Restore {
        view: view_of(&state.view),
        ..Restore::default()
    };
    for (key, collection) in &state.collections {
        if let Some(id) = &collection.last_open {
            saved.last_open.insert(key.clone(), id.clone());
        }
        for (id, s) in &collection.reviews {
            let mark = Mark {
                read: s.read,
                comments_seen: s.comments_seen,
                starred: s.starred,
            };
            if mark != Mark::default() || s.scroll > 0 {
                saved
                    .reviews
                    .insert((key.clone(), id.clone()), (mark, s.scroll));
            }
        }
    }
    saved
}

/// Writes the reader's marks and view into `state`, leaving other collections' entries
/// alone.
pub fn record(app: &App, state: &mut ReadingState) {
    record_view(app, &mut state.view);
    for (entry, mark, scroll) in app.marks() {
        let (collection, review) = app.entry(entry);
        // Untouched reviews stay out of the state (and out of the comparison that
        // decides whether to write it).
        if mark == Mark::default()
            && scroll == 0
            && state.review(&collection.key, &review.id).is_default()
        {
            continue;
        }
        let s = state.review_mut(&collection.key, &review.id);
        s.read = mark.read;
        s.comments_seen = mark.comments_seen;
        s.starred = mark.starred;
        s.scroll = scroll;
    }
    // A review loading opened, before the reader did anything, is not their choice: keep
    // the saved one (it may not have arrived yet).
    if let Some((collection, review)) = app.open_review().filter(|_| app.opened_by_reader()) {
        state.set_last_open(&collection.key, &review.id);
        // One review is the last one open: the library's other films forget theirs, or
        // the first film with one would win next time.
        for other in &app.library().collections {
            if other.key != collection.key
                && let Some(saved) = state.collections.get_mut(&other.key)
            {
                saved.last_open = None;
            }
        }
    }
}
