//! Everything that can happen to the reader, as data: keys map to these, tests send them.

use std::fmt;

/// One change request for [`super::update`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Move or scroll up one line (or one item).
    Up,
    /// Move or scroll down one line (or one item).
    Down,
    /// Jump to the start.
    Top,
    /// Jump to the end.
    Bottom,
    /// Scroll a full page up.
    PageUp,
    /// Scroll a full page down.
    PageDown,
    /// Scroll half a page up.
    HalfPageUp,
    /// Scroll half a page down.
    HalfPageDown,
    /// Focus the next visible pane.
    FocusNext,
    /// Focus the previous visible pane.
    FocusPrev,
    /// Open the selected review (or apply the picker's choice).
    Open,
    /// Open the next source in the list, from any pane.
    NextSource,
    /// Open the previous source in the list, from any pane.
    PrevSource,
    /// Open the reviewer filter picker.
    Filter,
    /// Show or hide the key help.
    Help,
    /// Close a popup, or clear the filter.
    Back,
    /// Remove the reviewer filter.
    ClearFilter,
    /// Search the open review, or (from the list) narrow the list by text.
    Search,
    /// Jump to the next search match.
    NextMatch,
    /// Jump to the previous search match.
    PrevMatch,
    /// Jump to the next mention of the highlighted actor.
    NextMention,
    /// Jump to the previous mention of the highlighted actor.
    PrevMention,
    /// Jump to the next comment.
    NextComment,
    /// Jump to the previous comment.
    PrevComment,
    /// Fold or unfold the comments.
    ToggleComments,
    /// Show or hide spoilers.
    ToggleSpoilers,
    /// Compare two sources side by side.
    Split,
    /// Show the ratings comparison.
    Ratings,
    /// Cycle the list's sort order.
    Sort,
    /// Reverse the list's sort order.
    ReverseSort,
    /// A character typed into the picker's query.
    Input(char),
    /// Delete the last character of the picker's query.
    DeleteChar,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
}

impl Action {
    /// The name used in the keymap and help (`next_source`), stable for config files.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Quit => "quit",
            Self::Up => "up",
            Self::Down => "down",
            Self::Top => "top",
            Self::Bottom => "bottom",
            Self::PageUp => "page_up",
            Self::PageDown => "page_down",
            Self::HalfPageUp => "half_page_up",
            Self::HalfPageDown => "half_page_down",
            Self::FocusNext => "focus_next",
            Self::FocusPrev => "focus_prev",
            Self::Open => "open",
            Self::NextSource => "next_source",
            Self::PrevSource => "prev_source",
            Self::Filter => "filter",
            Self::Help => "help",
            Self::Back => "back",
            Self::ClearFilter => "clear_filter",
            Self::Search => "search",
            Self::NextMatch => "next_match",
            Self::PrevMatch => "prev_match",
            Self::NextMention => "next_mention",
            Self::PrevMention => "prev_mention",
            Self::NextComment => "next_comment",
            Self::PrevComment => "prev_comment",
            Self::ToggleComments => "toggle_comments",
            Self::ToggleSpoilers => "toggle_spoilers",
            Self::Split => "split",
            Self::Ratings => "ratings",
            Self::Sort => "sort",
            Self::ReverseSort => "reverse_sort",
            Self::Input(_) => "input",
            Self::DeleteChar => "delete_char",
            Self::Resize(..) => "resize",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
