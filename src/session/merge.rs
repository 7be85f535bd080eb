//! Two readers on one state file: each save re-reads the file and applies only what this
//! run changed since it last read or wrote it, so a star made in another reader survives
//! this one's save (and the other way round).

use std::collections::BTreeSet;
use std::io;
use std::path::Path;

use crate::state::{ReadingState, ReviewState, ViewState};

/// `disk` with every review and last-open choice that `mine` changed since `base`.
#[must_use]
pub fn merge(base: &ReadingState, mine: &ReadingState, disk: &ReadingState) -> ReadingState {
    let mut out = disk.clone();
    merge_view(&base.view, &mine.view, &mut out.view);
    let keys: BTreeSet<&String> = base
        .collections
        .keys()
        .chain(mine.collections.keys())
        .collect();
    for key in keys {
        let (b, m) = (base.collections.get(key), mine.collections.get(key));
        let open = |c: Option<&crate::state::CollectionState>| c.and_then(|c| c.last_open.clone());
        if open(b) != open(m) {
            out.collections.entry(key.clone()).or_default().last_open = open(m);
        }
        let ids: BTreeSet<&String> = b
            .into_iter()
            .chain(m)
            .flat_map(|c| c.reviews.keys())
            .collect();
        for id in ids {
            let review = |c: Option<&crate::state::CollectionState>| -> ReviewState {
                c.and_then(|c| c.reviews.get(id))
                    .cloned()
                    .unwrap_or_default()
            };
            let (was, now) = (review(b), review(m));
            if was == now {
                continue;
            }
            // Field by field: this reader may have read a review the other starred.
            let collection = out.collections.entry(key.clone()).or_default();
            let mut merged = collection.reviews.get(id).cloned().unwrap_or_default();
            if was.read != now.read {
                merged.read = now.read;
            }
            if was.comments_seen != now.comments_seen {
                merged.comments_seen = now.comments_seen;
            }
            if was.scroll != now.scroll {
                merged.scroll = now.scroll;
            }
            if was.starred != now.starred {
                merged.starred = now.starred;
            }
            if merged.is_default() {
                collection.reviews.remove(id);
            } else {
                collection.reviews.insert(id.clone(), merged);
            }
        }
    }
    out
}

/// The view parts `mine` changed since `base`, one by one: this reader may have sorted
/// while the other hid read reviews.
fn merge_view(base: &ViewState, mine: &ViewState, out: &mut ViewState) {
    if base.sort != mine.sort {
        out.sort.clone_from(&mine.sort);
    }
    if base.reverse != mine.reverse {
        out.reverse = mine.reverse;
    }
    if base.hide_read != mine.hide_read {
        out.hide_read = mine.hide_read;
    }
    // What this run has recorded is its own, whatever the file says.
    out.recorded = mine.recorded;
}

/// Saves `mine` merged into the file as it is now, and returns what was written, the
/// next save's `base`.
pub fn save_merged(
    path: &Path,
    base: &ReadingState,
    mine: &ReadingState,
) -> io::Result<ReadingState> {
    let disk = crate::state::load(path).state;
    let merged = merge(base, mine, &disk);
    crate::state::save(path, &merged)?;
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starred(collection: &str, id: &str) -> ReadingState {
        let mut state = ReadingState::default();
        state.review_mut(collection, id).starred = true;
        state
    }

    #[test]
    fn each_readers_changes_survive_the_others_save() {
        let base = ReadingState::default();
        // The other reader starred `a` and saved; this one starred `b`.
        let disk = starred("c", "a");
        let mine = starred("c", "b");
        let merged = merge(&base, &mine, &disk);
        assert!(merged.review("c", "a").starred);
        assert!(merged.review("c", "b").starred);
    }

    #[test]
    fn one_reader_reads_what_the_other_starred() {
        let base = ReadingState::default();
        let disk = starred("c", "a");
        let mut mine = ReadingState::default();
        mine.review_mut("c", "a").read = true;
        let merged = merge(&base, &mine, &disk);
        assert!(merged.review("c", "a").starred && merged.review("c", "a").read);
    }

    #[test]
    fn each_reader_keeps_the_view_parts_it_changed() {
        let base = ReadingState::default();
        let mut disk = ReadingState::default();
        disk.view.hide_read = Some(true);
        disk.view.sort = Some("rating".to_owned());
        let mut mine = ReadingState::default();
        mine.view.sort = Some("date".to_owned());
        let merged = merge(&base, &mine, &disk);
        assert_eq!(merged.view.sort.as_deref(), Some("date"), "changed here");
        assert_eq!(merged.view.hide_read, Some(true), "changed there");
        assert_eq!(merged.view.reverse, None);
        // Unchanged here: the other reader's choice stands.
        let merged = merge(&mine, &mine, &disk);
        assert_eq!(merged.view.sort.as_deref(), Some("rating"));
    }

    #[test]
    fn what_this_reader_undid_is_undone_and_untouched_entries_stay_as_on_disk() {
        let base = starred("c", "a");
        let mine = ReadingState::default();
        let mut disk = starred("c", "a");
        disk.review_mut("c", "z").read = true;
        let merged = merge(&base, &mine, &disk);
        assert!(!merged.review("c", "a").starred, "unstarred here");
        assert!(
            merged.review("c", "z").read,
            "the other reader's mark stays"
        );
    }
}
