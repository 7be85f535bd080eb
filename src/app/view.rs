//! Keeping derived state in step: layouts per review and width, search and mention hits
//! for the open layout, and every offset clamped after a change.

use super::{App, Focus};
use crate::doc::{self, Doc, LayoutJob, Options};
use crate::layout;

/// How many layouts to keep before dropping all but the shown ones.
const CACHE_LIMIT: usize = 64;
/// Where the reader was in a huge review's last whole layout (line `top` of `of`), and
/// the line the head was placed at from an estimate.
#[derive(Debug, Clone, Copy)]
pub(super) struct Anchor {
    top: usize,
    of: usize,
    placed: usize,
}

/// Bodies longer than this are laid out head first (a 5 MB review takes ~250 ms whole).
const LAZY_BYTES: usize = 256 * 1024;

impl App {
    /// Width of the text column in the reading pane (each half when split).
    pub(super) fn reading_width(&self) -> usize {
        self.panes().reading.map_or(0, |r| {
            usize::from(layout::inner(r, self.settings.text_width).width)
        })
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
            reveal_spoilers: self.reading.revealed.contains(&entry),
            collapse_comments: self.reading.collapsed.contains(&entry),
            date_format: self.settings.date_format,
            spoiler_label: self.settings.spoiler_label,
            comments_key: self.settings.comments_key,
        }
    }

    /// Lays out `entry` if its cached layout is missing or stale. A huge review gets its
    /// head laid out here (what is on screen, at once) and the whole of it on a worker
    /// thread ([`super::Effect::LayOut`]).
    fn ensure_doc(&mut self, entry: usize) {
        let options = self.options_for(entry);
        if options.width == 0
            || self
                .layouts
                .docs
                .get(&entry)
                .is_some_and(|d| d.options == options)
        {
            return;
        }
        let old = self
            .layouts
            .docs
            .get(&entry)
            .filter(|d| !d.lines.is_empty())
            .map(|d| (d.estimated_lines.unwrap_or(d.lines.len()), d.options.width));
        // Keep the reader's place across a re-wrap: the same share of the text stays on top.
        // The position itself is not clamped here, so a wide detour and back restores it.
        // A saved position may be anything: past the end counts as the end.
        let share = |new: usize| {
            old.map(|(old_lines, _)| {
                let top = self.reading.scroll[entry].min(old_lines);
                (top * new + old_lines / 2) / old_lines
            })
        };
        let body_len = self.entry(entry).1.body.len();
        let laid_out = if body_len > LAZY_BYTES {
            // Lines scale inversely with the width (prose fills about two thirds of a
            // line, with a blank line between paragraphs); the exact count comes with the
            // whole layout.
            let width = options.width.max(1);
            let estimate = old.map_or(body_len * 3 / (2 * width), |(lines, w)| lines * w / width);
            let top = share(estimate).unwrap_or(self.reading.scroll[entry]);
            // Remember the share of the text the reader was at, exactly, to put them back
            // there when the whole layout (and its true length) arrives.
            let kept = self
                .layouts
                .anchors
                .get(&entry)
                .filter(|a| a.placed == self.reading.scroll[entry])
                .map(|a| (a.top, a.of));
            let exact = kept
                .or_else(|| old.map(|(lines, _)| (self.reading.scroll[entry].min(lines), lines)));
            match exact {
                Some((top_was, of)) => {
                    let anchor = Anchor {
                        top: top_was,
                        of,
                        placed: top,
                    };
                    self.layouts.anchors.insert(entry, anchor);
                }
                None => {
                    self.layouts.anchors.remove(&entry);
                }
            }
            let need = top + 2 * self.reading_height() + 1;
            // The inverse of the estimate, with a margin: bytes that fill `need` lines.
            let bytes = need * width * 3 / 4 + 4096;
            let head = doc::build_head(self.entry(entry).1, &options, bytes, estimate);
            self.reading.scroll[entry] = top;
            head
        } else {
            let laid_out = doc::build(self.entry(entry).1, &options);
            if let Some(top) = share(laid_out.lines.len()) {
                self.reading.scroll[entry] = top;
            }
            laid_out
        };
        self.layouts.docs.insert(entry, laid_out);
    }

    /// A review on screen is laid out only in part, for the options in force: a worker
    /// should make its whole layout (what [`super::Effect::LayOut`] asks for).
    #[must_use]
    pub fn wants_whole_layout(&self) -> bool {
        [self.reading.open, self.reading.right]
            .into_iter()
            .flatten()
            .any(|entry| {
                self.layouts.docs.get(&entry).is_some_and(|doc| {
                    doc.estimated_lines.is_some() && doc.options == self.options_for(entry)
                })
            })
    }

    /// The next whole layout a worker should make: a review on screen (either side of a
    /// split) of which only the head is laid out, for the options in force.
    #[must_use]
    pub fn next_layout_job(&self) -> Option<LayoutJob> {
        [self.reading.open, self.reading.right]
            .into_iter()
            .flatten()
            .find_map(|entry| {
                let doc = self.layouts.docs.get(&entry)?;
                let options = self.options_for(entry);
                (doc.estimated_lines.is_some() && doc.options == options).then(|| LayoutJob {
                    entry,
                    generation: self.catalog.generation,
                    review: self.entry(entry).1.clone(),
                    options,
                })
            })
    }

    /// Lays out the whole of `entry` here and now if only its head is laid out: for what
    /// needs all of it (a search, comments, scrolling past the head) before the worker
    /// is done.
    pub(super) fn whole_layout_now(&mut self, entry: usize) {
        let options = self.options_for(entry);
        if self
            .layouts
            .docs
            .get(&entry)
            .is_some_and(|d| d.estimated_lines.is_some() && d.options == options)
        {
            let whole = doc::build(self.entry(entry).1, &options);
            self.place_anchor(entry, whole.lines.len());
            self.layouts.docs.insert(entry, whole);
            self.refresh_hits();
        }
    }

    /// Takes the whole layout of a huge review from a worker (new data, like
    /// [`App::absorb`]). Dropped if the data was reloaded or the options changed since
    /// the job was made; the reader stays on the same line otherwise.
    pub(super) fn install_layout(&mut self, job: &LayoutJob, doc: Doc) {
        let entry = job.entry;
        let current = self.layouts.docs.get(&entry);
        if job.generation == self.catalog.generation
            && entry < self.catalog.entries.len()
            && current.is_some_and(|d| d.estimated_lines.is_some())
            && doc.options == self.options_for(entry)
        {
            self.place_anchor(entry, doc.lines.len());
            self.layouts.docs.insert(entry, doc);
            self.refresh_hits();
        }
    }

    /// The whole layout of a head arrived with `lines` lines: if the reader has not moved
    /// since the head was placed by an estimate, put them at the exact share of the text.
    fn place_anchor(&mut self, entry: usize, lines: usize) {
        if let Some(anchor) = self.layouts.anchors.remove(&entry)
            && anchor.placed == self.reading.scroll[entry]
            && anchor.of > 0
        {
            self.reading.scroll[entry] = (anchor.top * lines + anchor.of / 2) / anchor.of;
        }
    }

    /// Largest useful scroll offset for an entry.
    pub(super) fn max_scroll_of(&self, entry: usize) -> usize {
        let lines = self.layouts.docs.get(&entry).map_or(0, |d| d.lines.len());
        lines.saturating_sub(self.reading_height())
    }

    /// Largest useful scroll offset for the open review.
    pub(super) fn max_scroll(&self) -> usize {
        self.reading.open.map_or(0, |e| self.max_scroll_of(e))
    }

    /// The entry the focused reading side shows.
    pub(super) fn focused_entry(&self) -> Option<usize> {
        match self.focus {
            Focus::Right => self.reading.right,
            _ => self.reading.open,
        }
    }

    /// Re-lays out what is shown, refreshes hits and clamps every offset.
    pub(super) fn refresh_view(&mut self) {
        for entry in [self.reading.open, self.reading.right]
            .into_iter()
            .flatten()
        {
            self.count_mentions(self.catalog.entries[entry].0);
            self.ensure_doc(entry);
        }
        if self.layouts.docs.len() > CACHE_LIMIT {
            let (open, right) = (self.reading.open, self.reading.right);
            self.layouts
                .docs
                .retain(|e, _| Some(*e) == open || Some(*e) == right);
        }
        self.refresh_hits();
        if self.focus == Focus::Cast && self.panes().cast.is_none() {
            self.focus = Focus::Reading;
        }
        if self.focus == Focus::Right && self.reading.right.is_none() {
            self.focus = Focus::Reading;
        }
        if self.focus == Focus::List && self.panes().list.is_none() {
            self.focus = Focus::Reading;
        }
        self.list.selected = self
            .list
            .selected
            .min(self.list.visible.len().saturating_sub(1));
        self.keep_selection_visible();
    }

    /// Recomputes search and mention hits when a layout changed under them.
    fn refresh_hits(&mut self) {
        if let Some(search) = self.reading.search.as_ref().filter(|s| s.on_right)
            && self.reading.right.is_none()
        {
            // The split closed: the search moves to the open review.
            let query = search.query.clone();
            self.reading.search = None;
            self.set_search(&query, false);
        }
        match self.search_entry() {
            // Prepared text only for a search in force (joining a review is not free).
            Some(entry) if self.reading.search.is_some() => {
                let text = self.searchable(entry);
                if let (Some(search), Some(laid_out), Some(text)) = (
                    &mut self.reading.search,
                    self.layouts.docs.get(&entry),
                    text,
                ) {
                    search.refresh(entry, laid_out, &text);
                }
            }
            Some(_) => {}
            None => {
                self.reading.search = self.reading.search.take().map(super::find::Search::emptied);
            }
        }
        let Some(entry) = self.reading.open else {
            return;
        };
        let Some(laid_out) = self.layouts.docs.get(&entry) else {
            return;
        };
        if let Some(focus) = &mut self.reading.cast_focus {
            let collection = self.catalog.entries[entry].0;
            let member = self.catalog.library.collections[collection]
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
        if self.list.selected < self.list.offset {
            self.list.offset = self.list.selected;
        } else if self.list.selected >= self.list.offset + rows {
            self.list.offset = self.list.selected + 1 - rows;
        }
        let max_offset = self.list.visible.len().saturating_sub(rows);
        self.list.offset = self.list.offset.min(max_offset);
    }

    /// The share of `entry` the bottom of its view reaches now, in ten-thousandths; `None`
    /// while only its head is laid out (its length is a guess).
    fn bottom_share(&self, entry: usize) -> Option<u32> {
        let doc = self.layouts.docs.get(&entry)?;
        if doc.estimated_lines.is_some() {
            return None;
        }
        let total = doc.lines.len();
        let bottom = (self.top(entry) + self.reading_height()).min(total);
        let share = (bottom * 10_000).checked_div(total).unwrap_or(10_000);
        Some(u32::try_from(share).unwrap_or(10_000))
    }

    /// Notes how far down the reviews on screen have been seen (after every action).
    pub(super) fn note_seen(&mut self) {
        for entry in [self.reading.open, self.reading.right]
            .into_iter()
            .flatten()
        {
            if let Some(share) = self.bottom_share(entry) {
                let seen = self.reading.seen.entry(entry).or_default();
                *seen = (*seen).max(share);
            }
        }
    }

    /// How much of `entry` has been seen, in percent: the furthest the bottom of the view
    /// has reached (scrolling back up does not lower it); `None` while only its head is
    /// laid out.
    #[must_use]
    pub fn seen_percent(&self, entry: usize) -> Option<u32> {
        let now = self.bottom_share(entry)?;
        let before = self.reading.seen.get(&entry).copied().unwrap_or(0);
        Some(now.max(before) / 100)
    }

    /// The first line shown of `entry`: its remembered position, clamped to the layout.
    pub(super) fn top(&self, entry: usize) -> usize {
        self.reading.scroll[entry].min(self.max_scroll_of(entry))
    }

    /// Notes the focused review's position as a search prompt opens.
    pub(super) fn remember_prompt_origin(&mut self) {
        self.prompt.origin = self.focused_entry().map(|e| (e, self.reading.scroll[e]));
        let list_text = self
            .list
            .query
            .as_ref()
            .map(|q| q.text.clone())
            .unwrap_or_default();
        self.prompt.before = Some((self.reading.search.clone(), list_text));
    }

    /// Puts the focused review back where it was before a cancelled search moved it.
    pub(super) fn restore_prompt_origin(&mut self) {
        if let Some((search, list_text)) = self.prompt.before.take() {
            self.set_list_query(&list_text);
            self.reading.search = search;
        }
        if let Some((entry, scroll)) = self.prompt.origin.take() {
            self.reading.scroll[entry] = scroll;
        }
    }

    /// [`Self::bring_into_view`] for the open review.
    pub(super) fn bring_into_view_open(&mut self, line: usize) {
        if let Some(entry) = self.reading.open {
            self.bring_into_view(entry, line);
        }
    }

    /// Scrolls `entry` so `line` is in view, a few lines below the top.
    pub(super) fn bring_into_view(&mut self, entry: usize, line: usize) {
        let height = self.reading_height();
        let top = self.top(entry);
        if line < top || line >= top + height {
            self.reading.scroll[entry] = line
                .saturating_sub(height / 3)
                .min(self.max_scroll_of(entry));
        }
    }
}
