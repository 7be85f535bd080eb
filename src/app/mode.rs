//! The small types the state is described in: focus, what is on top of the panes, the
//! list's text filter, the highlighted actor.

use fixedbitset::FixedBitSet;

use super::{LinkList, Picker};
use crate::doc::Hit;

/// Which pane receives movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The review list.
    List,
    /// The reading pane (the left half when split).
    Reading,
    /// The right half of a side-by-side comparison.
    Right,
    /// The cast sidebar.
    Cast,
}

/// What a text prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptFor {
    /// Search the open review.
    Reading,
    /// Narrow the list to reviews containing the text.
    List,
}

/// What is on top of the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Just the panes.
    Normal,
    /// The key help, scrolled this many lines.
    Help(usize),
    /// The reviewer picker.
    Picker(Picker),
    /// Typing a search; the text so far.
    Prompt(PromptFor, String),
    /// The ratings comparison popup, scrolled this many lines.
    Ratings(usize),
    /// The followed sources popup, scrolled this many rows.
    Sources(usize),
    /// The cast popup, where the sidebar does not fit (its cursor is the sidebar's).
    Cast,
    /// The link picker over the open review's links.
    Links(LinkList),
    /// The list of files skipped or warned about, scrolled this many rows.
    Errors(usize),
}

/// The list's text filter: the query and the entries that contain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    /// What was typed.
    pub text: String,
    /// Entries containing the text, one bit per entry (the others are left out of the
    /// list): 6 KB at 50,000 reviews, and no hashing on each keystroke. Hit counts are
    /// counted only for the rows on screen ([`App::list_hits`]), so a one-letter query
    /// over 50 MB stops at each review's first hit.
    pub matches: FixedBitSet,
}

/// The cast member whose mentions are highlighted, and where the reader is among them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CastFocus {
    /// The member, by actor name (so it survives switching reviews).
    pub actor: String,
    /// Mentions in the open review's layout.
    pub hits: Vec<Hit>,
    /// The mention last jumped to.
    pub current: Option<usize>,
}
