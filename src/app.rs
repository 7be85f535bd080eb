//! All of the reader's state. It changes only through [`update`], never does I/O, and is
//! tested without a terminal.

mod action;
mod find;
mod list;
mod loading;
mod marks;
mod mentions;
mod mouse;
mod nav;
mod picker;
mod reload;
mod update;
mod view;

use std::collections::{HashMap, HashSet};

use ratatui::layout::Rect;

pub use action::{Action, BINDABLE};
pub use find::Search;
pub use loading::Progress;
pub use marks::{Mark, Restore, is_web_link};
use mentions::FilmIndex;
pub use picker::Picker;
pub use update::{dispatch, update};

use crate::data::index::{Indexed, index_review};
use crate::data::{CastMember, Collection, Library, Person, Review};
use crate::doc::{Doc, Hit};
use crate::keymap::Keymap;
use crate::layout::{self, Panes, View};
use crate::query::SortKey;

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
    /// The ratings comparison popup.
    Ratings,
}

/// The list's text filter: the query and the entries that contain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    /// What was typed.
    pub text: String,
    /// Entries containing the text (the others are left out of the list). Hit counts are
    /// counted only for the rows on screen ([`App::list_hits`]), so a one-letter query
    /// over 50 MB stops at each review's first hit.
    pub matches: HashSet<usize>,
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

/// The settings the state depends on, taken from the config once at start.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Keys for every action (also the help and footer hints).
    pub keymap: Keymap,
    /// The reading column's maximum width.
    pub text_width: u16,
    /// Show the cast sidebar when it fits.
    pub sidebar: bool,
    /// How dates are written.
    pub date_format: &'static str,
    /// Colours (or none).
    pub theme: crate::config::Theme,
    /// Things to say at start (config problems, a state file set aside).
    pub notes: Vec<String>,
    /// How hidden spoilers are drawn, naming the key that reveals them.
    pub spoiler_label: &'static str,
    /// The key that unfolds comments, for the folded heading.
    pub comments_key: &'static str,
}

impl Settings {
    /// Names the reveal and unfold keys in laid-out text from `keymap` (the strings live for
    /// the whole run, as layouts borrow them).
    #[must_use]
    pub fn with_key_names(mut self) -> Self {
        let key = |action: &Action, default: &str| {
            self.keymap
                .first_key(action)
                .unwrap_or_else(|| default.to_owned())
        };
        let reveal = key(&Action::ToggleSpoilers, "toggle_spoilers");
        let unfold = key(&Action::ToggleComments, "toggle_comments");
        self.spoiler_label = Box::leak(format!("[spoiler: {reveal} reveals]").into_boxed_str());
        self.comments_key = Box::leak(unfold.into_boxed_str());
        self
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            keymap: Keymap::default(),
            text_width: layout::TEXT_WIDTH,
            sidebar: true,
            date_format: "%Y-%m-%d",
            theme: crate::config::Theme::default(),
            notes: Vec::new(),
            spoiler_label: crate::doc::spoiler::PLACEHOLDER,
            comments_key: "c",
        }
    }
}

/// Work only the terminal loop can do (I/O), requested by [`update`]; the loop reports
/// back with [`Action::Notify`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this URL on the clipboard with OSC 52.
    CopyToClipboard(String),
    /// Open this URL in the browser.
    OpenInBrowser(String),
    /// Write this entry to a Markdown file.
    ExportMarkdown(usize),
    /// Give the terminal back and stop until the shell resumes us.
    Suspend,
    /// A huge review on screen is laid out only in part: make the whole layout on a
    /// worker thread ([`App::next_layout_job`], then [`App::install_layout`]).
    LayOut,
}

/// Which layout a prepared search text belongs to: entry, options, line count and the
/// data's generation.
type SearchedLayout = (usize, crate::doc::Options, usize, u64);

/// What a worker needs to lay out the whole of a huge review, and what tells whether
/// the result still applies when it comes back.
#[derive(Debug, Clone)]
pub struct LayoutJob {
    /// The entry to lay out.
    pub entry: usize,
    /// The data's generation when the job was made (a reload starts a new one).
    pub generation: u64,
    /// The review, copied (the app goes on changing meanwhile).
    pub review: Review,
    /// The options to lay it out with.
    pub options: crate::doc::Options,
}

/// The reader's whole state.
#[derive(Debug)]
#[allow(clippy::struct_excessive_bools)] // independent switches (quit, sort reversed, ...), not one state
pub struct App {
    library: Library,
    /// (collection index, review index) for every review, in file order.
    entries: Vec<(usize, usize)>,
    /// Per entry: its folded text, for the list's text filter and mention counts.
    index: Vec<Indexed>,
    /// Per entry: words in its body, counted when the list is first sorted by length.
    words: Vec<usize>,
    /// Per entry: mentions of each cast member of its film; empty until its film is
    /// first shown (counting is deferred so loading stays fast).
    mentions: Vec<Vec<usize>>,
    /// Per collection: its first entry (a collection's entries are consecutive), whether
    /// its mentions are counted, and in how many of its reviews each member appears.
    films: Vec<FilmIndex>,
    /// Everyone who wrote, sorted by name.
    people: Vec<Person>,
    /// Per person (by folded name): the entries they wrote or commented on, ascending.
    by_person: HashMap<String, (Person, Vec<usize>)>,
    /// People were added since `people` was last sorted.
    people_changed: bool,
    /// How far background loading has got; `None` once everything is in.
    loading: Option<Progress>,
    /// Saved marks waiting for their reviews to arrive while loading.
    saved: Restore,
    /// The open review was chosen by loading, not by the reader: not yet marked read,
    /// and replaced by the saved last-open review if that arrives before any key.
    auto_open: bool,
    /// Bumped by every reload, so work begun on older data is not applied to new data.
    generation: u64,
    /// Entries shown in the list: filtered, then sorted.
    visible: Vec<usize>,
    selected: usize,
    list_offset: usize,
    open: Option<usize>,
    /// The right side of a split, when split.
    right: Option<usize>,
    /// Per entry: the first line shown.
    scroll: Vec<usize>,
    cast_cursor: usize,
    focus: Focus,
    mode: Mode,
    filter: Option<String>,
    list_query: Option<ListQuery>,
    sort: SortKey,
    reverse: bool,
    search: Option<Search>,
    cast_focus: Option<CastFocus>,
    revealed: HashSet<usize>,
    collapsed: HashSet<usize>,
    status: Option<String>,
    /// The footer's count of reviews by the filtered person, kept up to date while
    /// loading as long as it is what the footer shows.
    filter_note: Option<String>,
    notice: Option<String>,
    /// Where the focused review was when a search prompt opened, to return on cancel.
    prompt_origin: Option<(usize, usize)>,
    /// The search and list text filter in force when a prompt opened, to restore on cancel.
    prompt_before: Option<(Option<Search>, String)>,
    size: (u16, u16),
    docs: HashMap<usize, Doc>,
    /// The searched layout (entry, options, line count, generation), prepared.
    searchable: Option<(SearchedLayout, std::sync::Arc<crate::doc::Searchable>)>,
    /// Per huge review laid out head first after a re-wrap: where to put the reader
    /// when the whole layout arrives.
    anchors: HashMap<usize, view::Anchor>,
    settings: Settings,
    effects: Vec<Effect>,
    /// Per entry: read, comments seen, starred.
    marks: Vec<Mark>,
    marks_dirty: bool,
    hide_read: bool,
    /// The open entry and the first comment that is new since the last visit.
    fresh: Option<(usize, usize)>,
    running: bool,
}

impl App {
    /// Starts the reader on a loaded library with default settings.
    #[must_use]
    pub fn new(library: Library) -> Self {
        Self::with_settings(library, Settings::default())
    }

    /// Starts the reader on a loaded library, with the first review open.
    #[must_use]
    pub fn with_settings(library: Library, settings: Settings) -> Self {
        let index = index_library(&library);
        let mut app = Self::empty(settings);
        app.auto_open = true;
        app.add_entries(library, index);
        app.finish_loading();
        app.settle_open();
        app
    }

    /// A reader with nothing loaded yet, for parts to arrive (see [`App::absorb`]).
    fn empty(settings: Settings) -> Self {
        Self {
            library: Library::default(),
            entries: Vec::new(),
            index: Vec::new(),
            mentions: Vec::new(),
            words: Vec::new(),
            films: Vec::new(),
            people: Vec::new(),
            by_person: HashMap::new(),
            people_changed: false,
            loading: None,
            saved: Restore::default(),
            auto_open: false,
            generation: 0,
            visible: Vec::new(),
            open: None,
            right: None,
            scroll: Vec::new(),
            selected: 0,
            list_offset: 0,
            cast_cursor: 0,
            focus: Focus::List,
            mode: Mode::Normal,
            filter: None,
            list_query: None,
            sort: SortKey::File,
            reverse: false,
            search: None,
            cast_focus: None,
            revealed: HashSet::new(),
            collapsed: HashSet::new(),
            status: None,
            filter_note: None,
            notice: None,
            prompt_origin: None,
            prompt_before: None,
            size: (0, 0),
            docs: HashMap::new(),
            searchable: None,
            anchors: HashMap::new(),
            settings,
            effects: Vec::new(),
            marks: Vec::new(),
            marks_dirty: false,
            hide_read: false,
            fresh: None,
            running: true,
        }
    }

    /// The standing notice: files skipped by loading, then the settings' notes.
    fn set_notice(&mut self) {
        let check = self.library.origin.as_deref().map_or_else(
            || "reelread check".to_owned(),
            |o| format!("reelread check {o}"),
        );
        let skipped = match self.library.files_skipped {
            0 => None,
            1 => Some(format!("1 file skipped: `{check}` tells why")),
            n => Some(format!("{n} files skipped: `{check}` tells why")),
        };
        let notes: Vec<String> = skipped
            .into_iter()
            .chain(self.settings.notes.iter().cloned())
            .collect();
        self.notice = (!notes.is_empty()).then(|| notes.join(" · "));
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

    /// The popup or prompt state.
    #[must_use]
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The person the list is filtered by.
    #[must_use]
    pub fn filter(&self) -> Option<&str> {
        self.filter.as_deref()
    }

    /// The list's text filter.
    #[must_use]
    pub fn list_query(&self) -> Option<&ListQuery> {
        self.list_query.as_ref()
    }

    /// How often the list's filter text occurs in an entry, for its row.
    #[must_use]
    pub fn list_hits(&self, entry: usize) -> Option<usize> {
        let query = self.list_query.as_ref()?;
        Some(crate::query::count_hits(&self.index[entry..=entry], &query.text)[0])
    }

    /// The list order and whether it is reversed.
    #[must_use]
    pub fn sort(&self) -> (SortKey, bool) {
        (self.sort, self.reverse)
    }

    /// The search in the open review.
    #[must_use]
    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// The highlighted cast member and their mentions.
    #[must_use]
    pub fn cast_focus(&self) -> Option<&CastFocus> {
        self.cast_focus.as_ref()
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

    /// The settings in force.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// How to name an action's key in a message, from the keymap in force (so messages
    /// follow the user's bindings); the action's config name if it has no key.
    #[must_use]
    pub fn key(&self, action: &Action) -> String {
        self.settings
            .keymap
            .first_key(action)
            .unwrap_or_else(|| action.name().to_owned())
    }

    /// Hands the terminal loop the work [`update`] asked for, emptying the queue.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// What besides the size decides the layout.
    #[must_use]
    pub fn view(&self) -> View {
        View {
            split: self.right.is_some(),
            sidebar: self.settings.sidebar,
        }
    }

    /// The pane rectangles for the current size.
    #[must_use]
    pub fn panes(&self) -> Panes {
        layout::panes(Rect::new(0, 0, self.size.0, self.size.1), self.view())
    }

    /// The list's rows: entry index, collection and review.
    pub fn visible(&self) -> impl Iterator<Item = (usize, &Collection, &Review)> {
        self.visible.iter().map(|&e| {
            let (col, review) = self.entry(e);
            (e, col, review)
        })
    }

    /// Number of reviews in the list.
    #[must_use]
    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    /// Number of reviews loaded.
    #[must_use]
    pub fn total(&self) -> usize {
        self.entries.len()
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

    /// The entry on the right of a split.
    #[must_use]
    pub fn right_entry(&self) -> Option<usize> {
        self.right
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

    /// In how many reviews of its collection each cast member of the open film appears.
    #[must_use]
    pub fn cast_reach(&self) -> &[usize] {
        self.open
            .map_or(&[], |open| &self.films[self.entries[open].0].reach)
    }

    /// The cast member under the sidebar cursor.
    #[must_use]
    pub fn cast_member(&self, index: usize) -> Option<&CastMember> {
        self.open_review().and_then(|(c, _)| c.film.cast.get(index))
    }

    /// The sidebar's cursor.
    #[must_use]
    pub fn cast_cursor(&self) -> usize {
        self.cast_cursor
    }

    /// The laid-out text of an entry, when the size is known.
    #[must_use]
    pub fn doc(&self, entry: usize) -> Option<&Doc> {
        self.docs.get(&entry)
    }

    /// The open review laid out for the reading pane.
    #[must_use]
    pub fn open_doc(&self) -> Option<&Doc> {
        self.open.and_then(|e| self.docs.get(&e))
    }

    /// The first line shown of an entry.
    #[must_use]
    pub fn scroll_of(&self, entry: usize) -> usize {
        if entry < self.scroll.len() {
            self.top(entry)
        } else {
            0
        }
    }

    /// The reading pane's first line for the open review.
    #[must_use]
    pub fn scroll(&self) -> usize {
        self.open.map_or(0, |e| self.top(e))
    }

    /// Whether an entry's spoilers are shown.
    #[must_use]
    pub fn is_revealed(&self, entry: usize) -> bool {
        self.revealed.contains(&entry)
    }

    /// Visible text lines inside the reading pane.
    #[must_use]
    pub fn reading_height(&self) -> usize {
        self.panes().reading.map_or(0, |r| {
            usize::from(layout::inner(r, self.settings.text_width).height)
        })
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
}

/// The search index of every review, on every core.
fn index_library(library: &Library) -> Vec<Indexed> {
    let reviews: Vec<&Review> = library.reviews().map(|(_, r)| r).collect();
    crate::par::map(&reviews, 64, |review| index_review(review))
}
