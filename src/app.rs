//! All of the reader's state. It changes only through [`update`], never does I/O, and is
//! tested without a terminal.

mod action;
mod picker;
mod update;

use std::collections::HashMap;

use ratatui::layout::Rect;

pub use action::Action;
pub use picker::Picker;
pub use update::{dispatch, update};

use crate::data::{Collection, Library, Person, Review, mention_counts, people};
use crate::doc::{self, Doc};
use crate::layout::{self, Panes};

/// Which pane receives movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The review list.
    List,
    /// The reading pane.
    Reading,
    /// The cast sidebar.
    Cast,
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
}

/// The reader's whole state.
#[derive(Debug)]
pub struct App {
    library: Library,
    /// (collection index, review index) for every review, in list order.
    entries: Vec<(usize, usize)>,
    /// Per entry: mention count for each cast member of its collection.
    mentions: Vec<Vec<usize>>,
    people: Vec<Person>,
    /// Entries shown in the list (all, or those the filter keeps).
    visible: Vec<usize>,
    /// Position in `visible` of the list cursor.
    selected: usize,
    /// First visible row of the list, in items.
    list_offset: usize,
    /// The entry shown in the reading pane.
    open: Option<usize>,
    /// Per entry: the reading pane's first line.
    scroll: Vec<usize>,
    cast_cursor: usize,
    focus: Focus,
    mode: Mode,
    filter: Option<String>,
    status: Option<String>,
    notice: Option<String>,
    size: (u16, u16),
    docs: HashMap<usize, Doc>,
    running: bool,
}

impl App {
    /// Starts the reader on a loaded library, with the first review open.
    #[must_use]
    pub fn new(library: Library) -> Self {
        let entries: Vec<(usize, usize)> = library
            .collections
            .iter()
            .enumerate()
            .flat_map(|(c, col)| (0..col.reviews.len()).map(move |r| (c, r)))
            .collect();
        let mentions = entries
            .iter()
            .map(|&(c, r)| {
                let col = &library.collections[c];
                mention_counts(&col.reviews[r], &col.film.cast)
            })
            .collect();
        let check = library.origin.as_deref().map_or_else(
            || "reelread check".to_owned(),
            |o| format!("reelread check {o}"),
        );
        let notice = match library.files_skipped {
            0 => None,
            1 => Some(format!("1 file skipped: `{check}` tells why")),
            n => Some(format!("{n} files skipped: `{check}` tells why")),
        };
        Self {
            people: people(&library),
            visible: (0..entries.len()).collect(),
            open: (!entries.is_empty()).then_some(0),
            scroll: vec![0; entries.len()],
            mentions,
            entries,
            library,
            selected: 0,
            list_offset: 0,
            cast_cursor: 0,
            focus: Focus::List,
            mode: Mode::Normal,
            filter: None,
            status: None,
            notice,
            size: (0, 0),
            docs: HashMap::new(),
            running: true,
        }
    }

    /// False once the user asked to quit.
    #[must_use]
    pub fn is_running(&self) -> bool {
        self.running
    }

    /// The loaded data.
    #[must_use]
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// Which pane has focus.
    #[must_use]
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The popup state.
    #[must_use]
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The person the list is filtered by.
    #[must_use]
    pub fn filter(&self) -> Option<&str> {
        self.filter.as_deref()
    }

    /// The message for the footer: the last action's, else a standing notice (skipped files).
    #[must_use]
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref().or(self.notice.as_deref())
    }

    /// Everyone who wrote a review or a comment.
    #[must_use]
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// The terminal size the state was laid out for.
    #[must_use]
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The pane rectangles for the current size.
    #[must_use]
    pub fn panes(&self) -> Panes {
        layout::panes(Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// The list's rows: entry index, collection and review.
    pub fn visible(&self) -> impl Iterator<Item = (usize, &Collection, &Review)> {
        self.visible.iter().map(|&e| {
            let (c, r) = self.entries[e];
            let col = &self.library.collections[c];
            (e, col, &col.reviews[r])
        })
    }

    /// Number of reviews in the list.
    #[must_use]
    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    /// Position of the list cursor among visible reviews.
    #[must_use]
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// First list item drawn.
    #[must_use]
    pub fn list_offset(&self) -> usize {
        self.list_offset
    }

    /// The entry open in the reading pane.
    #[must_use]
    pub fn open_entry(&self) -> Option<usize> {
        self.open
    }

    /// The collection and review open in the reading pane.
    #[must_use]
    pub fn open_review(&self) -> Option<(&Collection, &Review)> {
        self.open.map(|e| self.entry(e))
    }

    /// The collection and review of an entry.
    #[must_use]
    pub fn entry(&self, entry: usize) -> (&Collection, &Review) {
        let (c, r) = self.entries[entry];
        let col = &self.library.collections[c];
        (col, &col.reviews[r])
    }

    /// Mention counts of the open review, one per cast member of its film.
    #[must_use]
    pub fn open_mentions(&self) -> &[usize] {
        self.open.map_or(&[], |e| &self.mentions[e])
    }

    /// The cast sidebar's cursor.
    #[must_use]
    pub fn cast_cursor(&self) -> usize {
        self.cast_cursor
    }

    /// The open review laid out for the reading pane, when the size is known.
    #[must_use]
    pub fn open_doc(&self) -> Option<&Doc> {
        self.open.and_then(|e| self.docs.get(&e))
    }

    /// The reading pane's first line for the open review.
    #[must_use]
    pub fn scroll(&self) -> usize {
        self.open.map_or(0, |e| self.scroll[e])
    }

    /// Width of text inside the reading pane.
    fn reading_width(&self) -> usize {
        self.panes()
            .reading
            .map_or(0, |r| usize::from(layout::inner(r).width))
    }

    /// Visible text lines inside the reading pane.
    #[must_use]
    pub fn reading_height(&self) -> usize {
        self.panes()
            .reading
            .map_or(0, |r| usize::from(layout::inner(r).height))
    }

    /// Rows one review takes in the list: three when there is room, one when stacked.
    #[must_use]
    pub fn list_item_height(&self) -> usize {
        if self.panes().arrangement == layout::Arrangement::Stacked {
            1
        } else {
            3
        }
    }

    /// Rows inside the list pane.
    fn list_height(&self) -> usize {
        self.panes()
            .list
            .map_or(0, |r| usize::from(r.height.saturating_sub(2)))
    }

    /// Lays out the open review for the current width (cached per entry and width).
    fn ensure_doc(&mut self) {
        let width = self.reading_width();
        let Some(entry) = self.open else { return };
        if width == 0 || self.docs.get(&entry).is_some_and(|d| d.width == width) {
            return;
        }
        let (_, review) = self.entry(entry);
        let doc = doc::build(review, width);
        self.docs.insert(entry, doc);
    }

    /// Largest useful scroll offset for the open review.
    fn max_scroll(&self) -> usize {
        let lines = self.open_doc().map_or(0, |d| d.lines.len());
        lines.saturating_sub(self.reading_height())
    }
}
