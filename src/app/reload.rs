//! Live reload: new data replaces the old while the reader keeps its place, and a file
//! that no longer parses keeps its last good version on screen.

use std::collections::{HashMap, HashSet};

mod report;

use super::{App, Mark};
use crate::data::Library;

/// A review's identity across reloads: collection folder and file stem.
type Key = (String, String);

impl App {
    fn key_of(&self, entry: usize) -> Key {
        let (collection, review) = self.entry(entry);
        (collection.name.clone(), review.id.clone())
    }

    /// Swaps in freshly loaded data (the one way besides [`super::update`] that state
    /// changes: the data itself is new). Selection, scroll, marks and toggles follow each
    /// review by collection and ID.
    pub(super) fn reload(&mut self, mut library: Library) {
        let kept = self.keep_last_good(&mut library);
        // Compared with the last good versions back in: a broken file is not "changed",
        // its error says what happened.
        let report = report::report(&self.catalog.library, &library, &|d| kept.contains(&d.path));
        let old: HashMap<Key, (Mark, usize)> = (0..self.catalog.entries.len())
            .map(|e| {
                (
                    self.key_of(e),
                    (self.marks.per_entry[e], self.reading.scroll[e]),
                )
            })
            .collect();
        let revealed: Vec<Key> = self
            .reading
            .revealed
            .iter()
            .map(|&e| self.key_of(e))
            .collect();
        let collapsed: Vec<Key> = self
            .reading
            .collapsed
            .iter()
            .map(|&e| self.key_of(e))
            .collect();
        let open = self.reading.open.map(|e| self.key_of(e));
        let fresh_comments = self.reading.fresh.map(|(e, i)| (self.key_of(e), i));
        let seen: HashMap<Key, u32> = self
            .reading
            .seen
            .iter()
            .map(|(&e, &share)| (self.key_of(e), share))
            .collect();
        let right = self.reading.right.map(|e| self.key_of(e));
        let selected = self
            .list
            .visible
            .get(self.list.selected)
            .map(|&e| self.key_of(e));
        let mut fresh = Self::with_settings(library, self.settings.clone());
        fresh.size = self.size;
        fresh.window = self.window;
        for e in 0..fresh.catalog.entries.len() {
            // A review new since the last load starts unread, even if it sorts first.
            let (mark, scroll) = old.get(&fresh.key_of(e)).copied().unwrap_or_default();
            fresh.marks.per_entry[e] = mark;
            fresh.reading.scroll[e] = scroll;
        }
        let find = |key: &Option<Key>, app: &Self| {
            key.as_ref()
                .and_then(|k| (0..app.catalog.entries.len()).find(|&e| app.key_of(e) == *k))
        };
        // Carry over everything the reader set up, then recompute what depends on data.
        let keep = std::mem::replace(self, fresh);
        self.reading.open = find(&open, self).or(self.reading.open);
        self.reading.right = find(&right, self).filter(|r| Some(*r) != self.reading.open);
        self.focus = keep.focus;
        self.list.filter = keep.list.filter;
        self.list.sort = keep.list.sort;
        self.list.reverse = keep.list.reverse;
        self.list.hide_read = keep.list.hide_read;
        let len = self.open_review().map_or(0, |(c, _)| c.film.cast.len());
        self.reading.cast_cursor = keep.reading.cast_cursor.min(len.saturating_sub(1));
        let entries_of = |keys: &[Key], app: &Self| -> std::collections::HashSet<usize> {
            (0..app.catalog.entries.len())
                .filter(|&e| keys.contains(&app.key_of(e)))
                .collect()
        };
        self.reading.revealed = entries_of(&revealed, self);
        for entry in self.reading.revealed.clone() {
            self.recount_mentions(entry);
        }
        self.reading.collapsed = entries_of(&collapsed, self);
        self.reading.seen = (0..self.catalog.entries.len())
            .filter_map(|e| seen.get(&self.key_of(e)).map(|&share| (e, share)))
            .collect();
        self.reading.cast_focus = keep.reading.cast_focus;
        self.running = keep.running;
        // A fetch in progress (its writes are what is being reloaded) and its summary.
        self.sources = keep.sources;
        self.catalog.generation = keep.catalog.generation + 1;
        self.marks.dirty = keep.marks.dirty;
        if let Some(query) = keep.list.query.map(|q| q.text) {
            self.set_list_query(&query);
        } else {
            self.rebuild_visible();
        }
        if let Some(e) = find(&selected, self) {
            self.list.selected = self
                .list
                .visible
                .iter()
                .position(|&v| v == e)
                .unwrap_or(self.list.selected);
        }
        self.mark_arrived_comments(fresh_comments);
        self.refresh_view();
        if let Some(query) = keep.reading.search.map(|s| s.query) {
            self.set_search(&query, false);
        }
        self.say_reloaded(report);
    }

    /// Comments that arrived on the review being read are marked new at once, as a visit
    /// would mark them, with those already marked (`before`: review and first new one).
    fn mark_arrived_comments(&mut self, before: Option<(Key, usize)>) {
        self.reading.fresh = None;
        let Some(open) = self.reading.open else {
            return;
        };
        let earlier = before
            .filter(|(key, _)| *key == self.key_of(open))
            .map(|(_, first)| first);
        // A review the reader marked unread stays unread.
        if self.marks.per_entry[open].read {
            self.mark_read(open);
        }
        let count = self.entry(open).1.comments.len();
        let first = match (earlier.filter(|&i| i < count), self.reading.fresh) {
            (Some(i), Some((_, j))) => Some(i.min(j)),
            (Some(i), None) => Some(i),
            (None, fresh) => fresh.map(|(_, j)| j),
        };
        self.reading.fresh = first.map(|i| (open, i));
    }

    /// A review (or film) whose file now fails to parse stays as it was on screen; the
    /// paths of the files kept so.
    fn keep_last_good(&self, library: &mut Library) -> HashSet<String> {
        let mut kept = HashSet::new();
        let broken = |library: &Library, collection: &str, file: &str| {
            library
                .diagnostics
                .iter()
                .find(|d| {
                    let path = std::path::Path::new(&d.path);
                    let parent = path
                        .parent()
                        .and_then(|p| p.parent())
                        .and_then(|p| p.file_name());
                    let folder = if file == "film" {
                        path.parent().and_then(|p| p.file_name())
                    } else {
                        parent
                    };
                    d.is_error()
                        && path.file_stem().is_some_and(|s| s == file)
                        && folder.is_some_and(|f| f.to_string_lossy() == collection)
                })
                .map(|d| d.path.clone())
        };
        for entry in 0..self.catalog.entries.len() {
            let (collection, review) = self.entry(entry);
            let review_broken = broken(library, &collection.name, &review.id);
            let film_broken = broken(library, &collection.name, "film");
            let Some(target) = library
                .collections
                .iter_mut()
                .find(|c| c.name == collection.name)
            else {
                continue;
            };
            if let Some(path) = film_broken {
                target.film = collection.film.clone();
                kept.insert(path);
            }
            if let Some(path) = review_broken
                && !target.reviews.iter().any(|r| r.id == review.id)
            {
                target.reviews.push(review.clone());
                target.reviews.sort_by(|a, b| a.id.cmp(&b.id));
                kept.insert(path);
            }
        }
        kept
    }
}
