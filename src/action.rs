//! Everything that can happen to the reader, as data: keys map to [`Command`]s, terminal
//! events and other threads' results arrive as [`Action`]s, and tests send both. Nothing
//! here knows the state, so the keymap and the config can name commands without the app.

mod key;
mod sources;

use strum::{EnumIter, EnumMessage, EnumString, IntoStaticStr};

pub use key::Key;
pub use sources::{FetchProgress, SourceRow, table as source_table};

use crate::data::{Library, Part};
use crate::doc::{Doc, LayoutJob};

/// A command a key can be bound to. Declared in help order; the names (`next_source`)
/// are the config's, the messages are the help's, both from the derives.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, EnumMessage, EnumString, IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum Command {
    /// Move or scroll down one line (or one item).
    #[strum(message = "Move down / scroll down")]
    Down,
    /// Move or scroll up one line (or one item).
    #[strum(message = "Move up / scroll up")]
    Up,
    /// Jump to the start.
    #[strum(message = "Go to the top")]
    Top,
    /// Jump to the end.
    #[strum(message = "Go to the bottom")]
    Bottom,
    /// Scroll a full page down.
    #[strum(message = "Page down")]
    PageDown,
    /// Scroll a full page up.
    #[strum(message = "Page up")]
    PageUp,
    /// Scroll half a page down.
    #[strum(message = "Half a page down")]
    HalfPageDown,
    /// Scroll half a page up.
    #[strum(message = "Half a page up")]
    HalfPageUp,
    /// Focus the next visible pane.
    #[strum(message = "Focus the next pane")]
    FocusNext,
    /// Focus the previous visible pane.
    #[strum(message = "Focus the previous pane")]
    FocusPrev,
    /// Open the selected review (or apply the picker's choice).
    #[strum(message = "Open the review; on an actor, highlight their mentions")]
    Open,
    /// Open the next source in the list, from any pane.
    #[strum(message = "Next source, from any pane (right side when split)")]
    NextSource,
    /// Open the previous source in the list, from any pane.
    #[strum(message = "Previous source, from any pane")]
    PrevSource,
    /// Search the open review, or (from the list) narrow the list by text.
    #[strum(message = "Search this review; in the list, filter by text")]
    Search,
    /// Jump to the next search match.
    #[strum(message = "Next search match")]
    NextMatch,
    /// Jump to the previous search match.
    #[strum(message = "Previous search match")]
    PrevMatch,
    /// Jump to the next mention of the highlighted actor.
    #[strum(message = "Next mention of the highlighted actor")]
    NextMention,
    /// Jump to the previous mention of the highlighted actor.
    #[strum(message = "Previous mention of the highlighted actor")]
    PrevMention,
    /// Jump to the next comment.
    #[strum(message = "Next comment")]
    NextComment,
    /// Jump to the previous comment.
    #[strum(message = "Previous comment")]
    PrevComment,
    /// Fold or unfold the comments.
    #[strum(message = "Fold or unfold the comments")]
    ToggleComments,
    /// Show or hide spoilers.
    #[strum(message = "Show or hide this review's spoilers")]
    ToggleSpoilers,
    /// Compare two sources side by side.
    #[strum(message = "Compare with another source side by side")]
    Split,
    /// Show the ratings comparison.
    #[strum(message = "Compare every source's ratings")]
    Ratings,
    /// Show or hide the cast: the sidebar when it fits, else a popup over the panes.
    #[strum(message = "Show or hide the cast (a popup where the sidebar does not fit)")]
    ToggleCast,
    /// Cycle the list's sort order.
    #[strum(message = "Cycle the list order")]
    Sort,
    /// Reverse the list's sort order.
    #[strum(message = "Reverse the list order")]
    ReverseSort,
    /// Open the next unread review.
    #[strum(message = "Open the next unread review")]
    NextUnread,
    /// Mark the open review read or unread.
    #[strum(message = "Mark this review read or unread")]
    ToggleRead,
    /// Mark every review in the list read: all of them, or all the filters let through.
    #[strum(message = "Mark every listed review read (all, or the filtered)")]
    MarkAllRead,
    /// Hide or show reviews already read.
    #[strum(message = "Hide or show reviews already read")]
    HideRead,
    /// Star or unstar the open review.
    #[strum(message = "Star or unstar this review")]
    Star,
    /// Copy the open review's URL to the clipboard.
    #[strum(message = "Copy this review's URL (OSC 52)")]
    CopyUrl,
    /// Open the open review's URL in the browser.
    #[strum(message = "Open this review's URL in the browser")]
    OpenUrl,
    /// List the links in the review and its comments, to open or copy one.
    #[strum(message = "List this review's links, to open or copy one")]
    Links,
    /// Write the open review to a Markdown file.
    #[strum(message = "Export this review to a Markdown file")]
    Export,
    /// Open the review's file in `$VISUAL` or `$EDITOR`, back to the reader after.
    #[strum(message = "Edit this review's file in $EDITOR")]
    Edit,
    /// Open the reviewer filter picker.
    #[strum(message = "Filter by reviewer or commenter")]
    Filter,
    /// Show or hide the key help.
    #[strum(message = "Show this help")]
    Help,
    /// Close a popup, or clear the filter.
    #[strum(message = "Close a popup; end a search; clear a filter")]
    Back,
    /// Fetch every followed source in the background.
    #[strum(message = "Fetch every followed source in the background")]
    Fetch,
    /// Read every file of the library again, now.
    #[strum(message = "Re-read every file from disk")]
    Reload,
    /// Show the followed sources and how their last fetch went.
    #[strum(message = "Show the followed sources and their status")]
    Sources,
    /// List every file skipped or warned about, with where and why.
    #[strum(message = "List the files skipped or warned about")]
    Errors,
    /// Hand the terminal back to the shell until `fg`.
    #[strum(message = "Suspend to the shell (fg resumes)")]
    Suspend,
    /// Leave the reader.
    #[strum(message = "Quit")]
    Quit,
}

impl Command {
    /// Every command, in help order.
    pub fn all() -> impl Iterator<Item = Self> {
        <Self as strum::IntoEnumIterator>::iter()
    }

    /// The command with this config name (`next_source`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        name.parse().ok()
    }

    /// The name in config files, `reelread keys` and messages.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// One line for the help.
    #[must_use]
    pub fn description(self) -> &'static str {
        self.get_message().unwrap_or_default()
    }

    /// The help section the command is listed under, so the `?` help, `reelread keys`
    /// and the man page group keys the same way.
    #[must_use]
    pub fn section(self) -> Section {
        match self {
            Self::Down
            | Self::Up
            | Self::Top
            | Self::Bottom
            | Self::PageDown
            | Self::PageUp
            | Self::HalfPageDown
            | Self::HalfPageUp
            | Self::FocusNext
            | Self::FocusPrev
            | Self::NextSource
            | Self::PrevSource
            | Self::NextUnread => Section::Move,
            Self::Open
            | Self::NextComment
            | Self::PrevComment
            | Self::ToggleComments
            | Self::ToggleSpoilers
            | Self::Split
            | Self::Ratings
            | Self::ToggleCast => Section::Read,
            Self::Search
            | Self::NextMatch
            | Self::PrevMatch
            | Self::NextMention
            | Self::PrevMention => Section::Find,
            Self::Filter | Self::Sort | Self::ReverseSort | Self::HideRead => Section::Filter,
            Self::ToggleRead
            | Self::MarkAllRead
            | Self::Star
            | Self::CopyUrl
            | Self::OpenUrl
            | Self::Links
            | Self::Export
            | Self::Edit => Section::Keep,
            Self::Fetch | Self::Reload | Self::Sources | Self::Errors => Section::Library,
            Self::Help | Self::Back | Self::Suspend | Self::Quit => Section::Leave,
        }
    }
}

/// A group of commands in the help, in the order the help shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter)]
pub enum Section {
    /// Cursors, scrolling, panes, the next source.
    Move,
    /// What the reading pane shows: comments, spoilers, a split, ratings, the cast.
    Read,
    /// Searching a review and jumping between mentions.
    Find,
    /// Narrowing and ordering the list.
    Filter,
    /// Marks on a review and taking it elsewhere (clipboard, browser, a file).
    Keep,
    /// The library's sources and files.
    Library,
    /// Popups, the shell, quitting.
    Leave,
}

impl Section {
    /// Every section, in help order.
    pub fn all() -> impl Iterator<Item = Self> {
        <Self as strum::IntoEnumIterator>::iter()
    }

    /// The heading in the help and the man page.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Move => "Move",
            Self::Read => "Read",
            Self::Find => "Find",
            Self::Filter => "Filter",
            Self::Keep => "Mark and share",
            Self::Library => "Sources and library",
            Self::Leave => "Leave",
        }
    }
}

impl std::fmt::Display for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One change request for `app::update`: a command, or something that happened.
#[derive(Debug, Clone)]
pub enum Action {
    /// A bound command (from a key, the mouse or a test).
    Run(Command),
    /// Remove the reviewer filter.
    ClearFilter,
    /// A character typed into a prompt.
    Input(char),
    /// Text pasted into the terminal: typed into a prompt as one line, ignored elsewhere
    /// (a paste is never replayed as commands).
    Paste(String),
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
    /// Part of a background load arrived (taken in, shown at the next [`Action::Show`]).
    Loaded(Part),
    /// Show what arrived since the last time (list, counts, progress).
    Show,
    /// The background load is over.
    LoadDone,
    /// The whole layout of a huge review, made on a worker for this job.
    LaidOut(Box<(LayoutJob, Doc)>),
    /// The library's files changed and were loaded again.
    Reloaded(Box<Library>),
    /// The reading state was written: what changed is safe on disk.
    Saved,
    /// A fetch started with [`Command::Fetch`] moved on, or ended.
    Fetch(FetchProgress),
    /// The followed sources and their status, for the sources popup.
    Sources(Vec<SourceRow>),
}

impl From<Command> for Action {
    fn from(command: Command) -> Self {
        Self::Run(command)
    }
}
