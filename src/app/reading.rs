//! What the reader did in the reviews they opened: which are open, how far down, what is
//! revealed, folded, searched and highlighted; and what the footer says about it.

use std::collections::{HashMap, HashSet};

use super::{App, CastFocus, Search};
use crate::data::CastMember;
use crate::doc::Doc;
use crate::layout;

/// The open review (and the right side of a split), with per-review positions and toggles.
#[derive(Debug, Default)]
pub(super) struct Reading {
    pub(super) open: Option<usize>,
    /// The right side of a split, when split.
    pub(super) right: Option<usize>,
    /// Per entry: the first line shown.
    pub(super) scroll: Vec<usize>,
    pub(super) cast_cursor: usize,
    pub(super) revealed: HashSet<usize>,
    pub(super) collapsed: HashSet<usize>,
    pub(super) search: Option<Search>,
    pub(super) cast_focus: Option<CastFocus>,
    /// The open entry and the first comment that is new since the last visit.
    pub(super) fresh: Option<(usize, usize)>,
    /// Per entry read so far: how much of it the bottom of the view has reached at most,
    /// in ten-thousandths (what the `%` in the reading pane says).
    pub(super) seen: HashMap<usize, u32>,
}

/// The footer's words: the last action's message and the standing notice.
#[derive(Debug, Default)]
pub(super) struct Footer {
    pub(super) status: Option<String>,
    /// The standing notice (files skipped, config problems).
    pub(super) notice: Option<String>,
    /// The footer's count of reviews by the filtered person, kept up to date while
    /// loading as long as it is what the footer shows.
    pub(super) filter_note: Option<String>,
    /// A long status and the form to show instead when the footer must cut it (the
    /// message before the place): used while `status` is still that message.
    pub(super) cut: Option<(String, String)>,
}

/// What a search prompt changes, to put back when it is cancelled.
#[derive(Debug, Default)]
pub(super) struct PromptOrigin {
    /// Where the focused review was when the prompt opened.
    pub(super) origin: Option<(usize, usize)>,
    /// The search and list text filter in force when the prompt opened.
    pub(super) before: Option<(Option<Search>, String)>,
}

/// What the reading pane and the cast sidebar draw from.
impl App {
    /// Mention counts of the open review, one per cast member of its film.
    #[must_use]
    pub fn open_mentions(&self) -> &[usize] {
        self.reading.open.map_or(&[], |e| &self.catalog.mentions[e])
    }

    /// In how many reviews of its collection each cast member of the open film appears.
    #[must_use]
    pub fn cast_reach(&self) -> &[usize] {
        self.reading.open.map_or(&[], |open| {
            &self.catalog.films[self.catalog.entries[open].0].reach
        })
    }

    /// The cast member under the sidebar cursor.
    #[must_use]
    pub fn cast_member(&self, index: usize) -> Option<&CastMember> {
        self.open_review().and_then(|(c, _)| c.film.cast.get(index))
    }

    /// The sidebar's cursor.
    #[must_use]
    pub fn cast_cursor(&self) -> usize {
        self.reading.cast_cursor
    }

    /// The laid-out text of an entry, when the size is known.
    #[must_use]
    pub fn doc(&self, entry: usize) -> Option<&Doc> {
        self.layouts.docs.get(&entry)
    }

    /// The open review laid out for the reading pane.
    #[must_use]
    pub fn open_doc(&self) -> Option<&Doc> {
        self.reading.open.and_then(|e| self.layouts.docs.get(&e))
    }

    /// The first line shown of an entry.
    #[must_use]
    pub fn scroll_of(&self, entry: usize) -> usize {
        if entry < self.reading.scroll.len() {
            self.top(entry)
        } else {
            0
        }
    }

    /// The reading pane's first line for the open review.
    #[must_use]
    pub fn scroll(&self) -> usize {
        self.reading.open.map_or(0, |e| self.top(e))
    }

    /// Whether an entry's spoilers are shown.
    #[must_use]
    pub fn is_revealed(&self, entry: usize) -> bool {
        self.reading.revealed.contains(&entry)
    }

    /// Visible text lines inside the reading pane.
    #[must_use]
    pub fn reading_height(&self) -> usize {
        self.panes().reading.map_or(0, |r| {
            usize::from(layout::inner(r, self.settings.text_width).height)
        })
    }
}
