//! The list's view kept between runs: the sort, whether it is reversed, and whether read
//! reviews are hidden. The session layer maps it to and from the state file.

use super::App;
use crate::query::SortKey;

/// A saved view; a part never saved is `None` and stays as the reader starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SavedView {
    /// The list order.
    pub sort: Option<SortKey>,
    /// The order reversed.
    pub reverse: Option<bool>,
    /// Reviews already read hidden.
    pub hide_read: Option<bool>,
}

/// How many times the reader changed each part of the view this run, so a save writes
/// only the parts this reader changed since its last save, never another reader's choice
/// read back from the file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ViewChanges {
    /// Changes of the sort order.
    pub sort: u64,
    /// Changes of the reverse flag.
    pub reverse: u64,
    /// Changes of hide-read.
    pub hide_read: u64,
}

/// The view's parts as they are, to tell which an action changed.
pub(super) type ViewNow = (SortKey, bool, bool);

impl App {
    /// How often each part of the view was changed this run.
    #[must_use]
    pub fn view_changes(&self) -> ViewChanges {
        self.view_changes
    }

    /// The view's parts now.
    pub(super) fn view_now(&self) -> ViewNow {
        (self.list.sort, self.list.reverse, self.list.hide_read)
    }

    /// Counts the parts that differ from `before`.
    pub(super) fn count_view_changes(&mut self, before: ViewNow) {
        let now = self.view_now();
        let changes = &mut self.view_changes;
        changes.sort += u64::from(now.0 != before.0);
        changes.reverse += u64::from(now.1 != before.1);
        changes.hide_read += u64::from(now.2 != before.2);
    }

    /// Puts a saved view in force (at start, before any action).
    pub(super) fn apply_view(&mut self, view: SavedView) {
        self.list.sort = view.sort.unwrap_or(self.list.sort);
        self.list.reverse = view.reverse.unwrap_or(self.list.reverse);
        self.list.hide_read = view.hide_read.unwrap_or(self.list.hide_read);
    }
}
