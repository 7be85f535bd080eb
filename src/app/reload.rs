//! Live reload: new data replaces the old while the reader keeps its place, and a file
//! that no longer parses keeps its last good version on screen.

use std::collections::HashMap;

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
    pub fn reload(&mut self, mut library: Library) {
        let errors: Vec<String> = library
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect();
        self.keep_last_good(&mut library);
        let old: HashMap<Key, (Mark, usize)> = (0..self.entries.len())
            .map(|e| (self.key_of(e), (self.marks[e], self.scroll[e])))
            .collect();
        let revealed: Vec<Key> = self.revealed.iter().map(|&e| self.key_of(e)).collect();
        let collapsed: Vec<Key> = self.collapsed.iter().map(|&e| self.key_of(e)).collect();
        let open = self.open.map(|e| self.key_of(e));
        let right = self.right.map(|e| self.key_of(e));
        let selected = self.visible.get(self.selected).map(|&e| self.key_of(e));
        let mut fresh = Self::with_settings(library, self.settings.clone());
        fresh.size = self.size;
        for e in 0..fresh.entries.len() {
            // A review new since the last load starts unread, even if it sorts first.
            let (mark, scroll) = old.get(&fresh.key_of(e)).copied().unwrap_or_default();
            fresh.marks[e] = mark;
            fresh.scroll[e] = scroll;
        }
        let find = |key: &Option<Key>, app: &Self| {
            key.as_ref()
                .and_then(|k| (0..app.entries.len()).find(|&e| app.key_of(e) == *k))
        };
        // Carry over everything the reader set up, then recompute what depends on data.
        let keep = std::mem::replace(self, fresh);
        self.open = find(&open, self).or(self.open);
        self.right = find(&right, self).filter(|r| Some(*r) != self.open);
        self.focus = keep.focus;
        self.filter = keep.filter;
        self.sort = keep.sort;
        self.reverse = keep.reverse;
        self.hide_read = keep.hide_read;
        let len = self.open_review().map_or(0, |(c, _)| c.film.cast.len());
        self.cast_cursor = keep.cast_cursor.min(len.saturating_sub(1));
        let entries_of = |keys: &[Key], app: &Self| -> std::collections::HashSet<usize> {
            (0..app.entries.len())
                .filter(|&e| keys.contains(&app.key_of(e)))
                .collect()
        };
        self.revealed = entries_of(&revealed, self);
        self.collapsed = entries_of(&collapsed, self);
        self.cast_focus = keep.cast_focus;
        self.running = keep.running;
        self.generation = keep.generation + 1;
        self.marks_dirty = keep.marks_dirty;
        if let Some(query) = keep.list_query.map(|q| q.text) {
            self.set_list_query(&query);
        } else {
            self.rebuild_visible();
        }
        if let Some(e) = find(&selected, self) {
            self.selected = self
                .visible
                .iter()
                .position(|&v| v == e)
                .unwrap_or(self.selected);
        }
        self.refresh_view();
        if let Some(query) = keep.search.map(|s| s.query) {
            self.set_search(&query, false);
        }
        self.status = Some(match errors.first() {
            Some(first) => format!("Reload kept the last good version: {first}"),
            None => format!("Reloaded: {} reviews", self.entries.len()),
        });
    }

    /// A review (or film) whose file now fails to parse stays as it was on screen.
    fn keep_last_good(&self, library: &mut Library) {
        let broken = |library: &Library, collection: &str, file: &str| {
            library.diagnostics.iter().any(|d| {
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
        };
        for entry in 0..self.entries.len() {
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
            if film_broken {
                target.film = collection.film.clone();
            }
            if review_broken && !target.reviews.iter().any(|r| r.id == review.id) {
                target.reviews.push(review.clone());
                target.reviews.sort_by(|a, b| a.id.cmp(&b.id));
            }
        }
    }
}
