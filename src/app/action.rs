//! Everything that can happen to the reader, as data: keys and mouse events map to
//! these, effects report back with them, tests send them.

use std::fmt;

/// One change request for [`super::update`].
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// Open the next unread review.
    NextUnread,
    /// Mark the open review read or unread.
    ToggleRead,
    /// Hide or show reviews already read.
    HideRead,
    /// Star or unstar the open review.
    Star,
    /// Copy the open review's URL to the clipboard.
    CopyUrl,
    /// Open the open review's URL in the browser.
    OpenUrl,
    /// Write the open review to a Markdown file.
    Export,
    /// Hand the terminal back to the shell until `fg`.
    Suspend,
    /// A character typed into a prompt.
    Input(char),
    /// Delete the last character of a prompt.
    DeleteChar,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A mouse click at a column and row.
    Click(u16, u16),
    /// The wheel turned over a column and row; `true` is down.
    Wheel(u16, u16, bool),
    /// Something outside the state finished (a copy, an export): say it in the footer.
    Notify(String),
}

/// Actions a key can be bound to, with their names in config files and help text.
pub const BINDABLE: &[(Action, &str, &str)] = &[
    (Action::Down, "down", "Move down / scroll down"),
    (Action::Up, "up", "Move up / scroll up"),
    (Action::Top, "top", "Go to the top"),
    (Action::Bottom, "bottom", "Go to the bottom"),
    (Action::PageDown, "page_down", "Page down"),
    (Action::PageUp, "page_up", "Page up"),
    (Action::HalfPageDown, "half_page_down", "Half a page down"),
    (Action::HalfPageUp, "half_page_up", "Half a page up"),
    (Action::FocusNext, "focus_next", "Focus the next pane"),
    (Action::FocusPrev, "focus_prev", "Focus the previous pane"),
    (
        Action::Open,
        "open",
        "Open the review; on an actor, highlight their mentions",
    ),
    (
        Action::NextSource,
        "next_source",
        "Next source, from any pane (right side when split)",
    ),
    (
        Action::PrevSource,
        "prev_source",
        "Previous source, from any pane",
    ),
    (
        Action::Search,
        "search",
        "Search this review; in the list, filter by text",
    ),
    (Action::NextMatch, "next_match", "Next search match"),
    (Action::PrevMatch, "prev_match", "Previous search match"),
    (
        Action::NextMention,
        "next_mention",
        "Next mention of the highlighted actor",
    ),
    (
        Action::PrevMention,
        "prev_mention",
        "Previous mention of the highlighted actor",
    ),
    (Action::NextComment, "next_comment", "Next comment"),
    (Action::PrevComment, "prev_comment", "Previous comment"),
    (
        Action::ToggleComments,
        "toggle_comments",
        "Fold or unfold the comments",
    ),
    (
        Action::ToggleSpoilers,
        "toggle_spoilers",
        "Show or hide this review's spoilers",
    ),
    (
        Action::Split,
        "split",
        "Compare with another source side by side",
    ),
    (Action::Ratings, "ratings", "Compare every source's ratings"),
    (Action::Sort, "sort", "Cycle the list order"),
    (
        Action::ReverseSort,
        "reverse_sort",
        "Reverse the list order",
    ),
    (
        Action::NextUnread,
        "next_unread",
        "Open the next unread review",
    ),
    (
        Action::ToggleRead,
        "toggle_read",
        "Mark this review read or unread",
    ),
    (
        Action::HideRead,
        "hide_read",
        "Hide or show reviews already read",
    ),
    (Action::Star, "star", "Star or unstar this review"),
    (
        Action::CopyUrl,
        "copy_url",
        "Copy this review's URL (OSC 52)",
    ),
    (
        Action::OpenUrl,
        "open_url",
        "Open this review's URL in the browser",
    ),
    (
        Action::Export,
        "export",
        "Export this review to a Markdown file",
    ),
    (Action::Filter, "filter", "Filter by reviewer or commenter"),
    (Action::Help, "help", "Show this help"),
    (
        Action::Back,
        "back",
        "Close a popup; end a search; clear a filter",
    ),
    (
        Action::Suspend,
        "suspend",
        "Suspend to the shell (fg resumes)",
    ),
    (Action::Quit, "quit", "Quit"),
];

impl Action {
    /// The bindable action with this config name (`next_source`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        BINDABLE
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(a, _, _)| a.clone())
    }

    /// The config name of a bindable action, or a descriptive word for the others.
    #[must_use]
    pub fn name(&self) -> &'static str {
        if let Some((_, name, _)) = BINDABLE.iter().find(|(a, _, _)| a == self) {
            return name;
        }
        match self {
            Self::ClearFilter => "clear_filter",
            Self::Input(_) => "input",
            Self::DeleteChar => "delete_char",
            Self::Resize(..) => "resize",
            Self::Click(..) => "click",
            Self::Wheel(..) => "wheel",
            Self::Notify(_) => "notify",
            _ => "action",
        }
    }

    /// One line for the help.
    #[must_use]
    pub fn description(&self) -> &'static str {
        BINDABLE
            .iter()
            .find(|(a, _, _)| a == self)
            .map_or("", |(_, _, d)| d)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
