//! Keeping derived state in step: layouts per review and width, search and mention hits
//! for the open layout, and every offset clamped after a change.

use super::{App, Focus};
use crate::doc::{self, Options};
use crate::layout;

/// How many layouts to keep before dropping all but the shown ones.
const CACHE_LIMIT: usize = 64;

impl App {
    /// Width of the text column in the reading pane (each half when split).
    pub(super) fn reading_width(&self) -> usize {
        self.panes()
            .reading
            .map_or(0, |r| usize::from(layout::inner(r).width))
    }

    /// Rows inside the list pane.
    pub(super) fn list_height(&self) -> usize {
        self.panes()
            .list
            .map_or(0, |r| usize::from(r.height.saturating_sub(2)))
    }

    /// What an entry's layout depends on right now.
    pub(super) fn options_for(&self, entry: usize) -> Options {
        Options {
            width: self.reading_width(),
            reveal_spoilers: self.revealed.contains(&entry),
            collapse_comments: self.collapsed.contains(&entry),
        }
    }

    /// Lays out `entry` if its cached layout is missing or stale.
    fn ensure_doc(&mut self, entry: usize) {
        let options = self.options_for(entry);
        if options.width == 0 || self.docs.get(&entry).is_some_and(|d| d.options == options) {
            return;
        }
        let (_, review) = self.entry(entry);
        let laid_out = doc::build(review, &options);
        self.docs.insert(entry, laid_out);
    }

    /// Largest useful scroll offset for an entry.
    pub(super) fn max_scroll_of(&self, entry: usize) -> usize {
        let lines = self.docs.get(&entry).map_or(0, |d| d.lines.len());
        lines.saturating_sub(self.reading_height())
    }

    /// Largest useful scroll offset for the open review.
    pub(super) fn max_scroll(&self) -> usize {
        self.open.map_or(0, |e| self.max_scroll_of(e))
    }

    /// The entry the focused reading side shows.
    pub(super) fn focused_entry(&self) -> Option<usize> {
        match self.focus {
            Focus::Right => self.right,
            _ => self.open,
        }
    }

    /// Re-lays out what is shown, refreshes hits and clamps every offset.
    pub(super) fn refresh_view(&mut self) {
        for entry in [self.open, self.right].into_iter().flatten() {
            self.ensure_doc(entry);
            self.scroll[entry] = self.scroll[entry].min(self.max_scroll_of(entry));
        }
        if self.docs.len() > CACHE_LIMIT {
            let (open, right) = (self.open, self.right);
            self.docs
                .retain(|e, _| Some(*e) == open || Some(*e) == right);
        }
        self.refresh_hits();
        if self.focus == Focus::Cast && self.panes().cast.is_none() {
            self.focus = Focus::Reading;
        }
        if self.focus == Focus::Right && self.right.is_none() {
            self.focus = Focus::Reading;
        }
        if self.focus == Focus::List && self.panes().list.is_none() {
            self.focus = Focus::Reading;
        }
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
        self.keep_selection_visible();
    }

    /// Recomputes search and mention hits when the open layout changed under them.
    fn refresh_hits(&mut self) {
        let Some(entry) = self.open else {
            self.search = self.search.take().map(super::find::Search::emptied);
            return;
        };
        let Some(laid_out) = self.docs.get(&entry) else {
            return;
        };
        if let Some(search) = &mut self.search {
            search.refresh(entry, laid_out);
        }
        if let Some(focus) = &mut self.cast_focus {
            let collection = self.entries[entry].0;
            let member = self.library.collections[collection]
                .film
                .cast
                .iter()
                .find(|m| m.actor == focus.actor);
            focus.hits = member.map_or_else(Vec::new, |m| {
                doc::mentions(laid_out, &crate::data::terms(m))
            });
            focus.current = focus.current.filter(|&c| c < focus.hits.len());
        }
    }

    /// Keeps the list cursor on screen.
    pub(super) fn keep_selection_visible(&mut self) {
        let rows = (self.list_height() / self.list_item_height()).max(1);
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + rows {
            self.list_offset = self.selected + 1 - rows;
        }
        let max_offset = self.visible.len().saturating_sub(rows);
        self.list_offset = self.list_offset.min(max_offset);
    }

    /// Scrolls the open review so `line` is in view, a few lines below the top.
    pub(super) fn bring_into_view(&mut self, line: usize) {
        let Some(entry) = self.open else { return };
        let height = self.reading_height();
        let top = self.scroll[entry];
        if line < top || line >= top + height {
            self.scroll[entry] = line
                .saturating_sub(height / 3)
                .min(self.max_scroll_of(entry));
        }
    }
}
