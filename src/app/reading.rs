//! What the reader did in the reviews they opened: which are open, how far down, what is
//! revealed, folded, searched and highlighted; and what the footer says about it.

use std::collections::{HashMap, HashSet};

use super::{CastFocus, Search};

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
