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

impl App {
    /// Whether reviews already read are hidden from the list.
    #[must_use]
    pub fn hides_read(&self) -> bool {
        self.list.hide_read
    }

    /// Puts a saved view in force (at start, before any action).
    pub(super) fn apply_view(&mut self, view: SavedView) {
        self.list.sort = view.sort.unwrap_or(self.list.sort);
        self.list.reverse = view.reverse.unwrap_or(self.list.reverse);
        self.list.hide_read = view.hide_read.unwrap_or(self.list.hide_read);
    }
}
