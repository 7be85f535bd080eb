//! All of the reader's state. It changes only through [`update`], never does I/O, and is
//! tested without a terminal.

mod cast_popup;
mod catalog;
mod effect;
mod errors;
mod files;
mod find;
mod layouts;
mod links;
mod list;
mod loading;
mod marks;
mod mentions;
mod mode;
mod mouse;
mod nav;
mod picker;
mod plural;
mod ratings;
mod reading;
mod reload;
mod saved_view;
mod settings;
mod sources;
mod typing;
mod update;
mod view;
mod words;

use ratatui::layout::Rect;

pub use cast_popup::{CAST_ROWS, cast_popup_area, cast_popup_rows};
use catalog::Catalog;
pub use effect::Effect;
pub use errors::{Problem, relative as relative_path};
pub use find::Search;
use layouts::LayoutCache;
pub use links::{Link, LinkList, links_of};
use list::ListView;
pub use loading::Progress;
use marks::Marks;
pub use marks::{Mark, Restore};
pub use mode::{CastFocus, Focus, ListQuery, Mode, PromptFor};
pub use picker::Picker;
pub use plural::{agrees, plural, plural_of};
pub use ratings::{Average, BUCKETS, FilmRatings, Ratings, RatingsLine, body_height};
use reading::{Footer, PromptOrigin, Reading};
pub use saved_view::{SavedView, ViewChanges};
pub use settings::Settings;
pub use typing::PROMPT_MAX;
pub use update::update;

use crate::action::{Action, Command};
use crate::data::{Collection, Library, Person, Review};
use crate::layout::{self, Panes, View};
use crate::query::SortKey;

/// The reader's whole state: a few owned parts, each with its own file and methods.
#[derive(Debug)]
pub struct App {
    /// The loaded reviews and everything indexed from them.
    catalog: Catalog,
    /// What the list shows, in which order, and where its cursor is.
    list: ListView,
    /// The open review(s) and what the reader did in them.
    reading: Reading,
    /// Laid-out reviews and their prepared search text.
    layouts: LayoutCache,
    /// Read, starred and seen, and the saved marks still to apply.
    marks: Marks,
    /// What the footer says.
    footer: Footer,
    /// A fetch in progress and the followed sources' status.
    sources: sources::Sources,
    /// What the files held when the reader asked to read them again.
    reread: files::Reread,
    /// How often the reader changed each part of the list's view.
    view_changes: ViewChanges,
    /// What is on top of the panes.
    mode: Mode,
    /// Where to return if the open prompt is cancelled.
    prompt: PromptOrigin,
    /// Which pane receives movement keys.
    focus: Focus,
    /// The terminal size the state was laid out for: the drawn part of the window
    /// (see [`layout::drawn`]).
    size: (u16, u16),
    /// The window's whole size, larger than `size` when only its corner is drawn.
    window: (u16, u16),
    settings: Settings,
    /// The sidebar is wanted where it fits (`sidebar` in the config, then `C`).
    sidebar: bool,
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
        let index = loading::index_library(&library);
        let mut app = Self::empty(settings);
        app.marks.auto_open = true;
        app.add_entries(library, index);
        app.finish_loading();
        app.settle_open();
        app
    }

    /// A reader with nothing loaded yet, for parts to arrive (see [`Action::Loaded`]).
    fn empty(settings: Settings) -> Self {
        Self {
            catalog: Catalog::default(),
            list: ListView::default(),
            reading: Reading::default(),
            layouts: LayoutCache::default(),
            marks: Marks::default(),
            footer: Footer::default(),
            sources: sources::Sources::default(),
            reread: files::Reread::default(),
            view_changes: ViewChanges::default(),
            mode: Mode::Normal,
            prompt: PromptOrigin::default(),
            focus: Focus::List,
            size: (0, 0),
            window: (0, 0),
            sidebar: settings.sidebar,
            settings,
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
        &self.catalog.library
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
        self.list.filter.as_deref()
    }

    /// The list's text filter.
    #[must_use]
    pub fn list_query(&self) -> Option<&ListQuery> {
        self.list.query.as_ref()
    }

    /// How often the list's filter text occurs in an entry, for its row.
    #[must_use]
    pub fn list_hits(&self, entry: usize) -> Option<usize> {
        self.list.query.as_ref()?;
        let (review, indexed) = self.catalog.searchable(entry);
        Some(
            self.list
                .needle
                .as_ref()
                .map_or(0, |n| n.count(review, indexed)),
        )
    }

    /// The list order and whether it is reversed.
    #[must_use]
    pub fn sort(&self) -> (SortKey, bool) {
        (self.list.sort, self.list.reverse)
    }

    /// Whether read reviews are left out of the list (`H`), for the header to say so.
    #[must_use]
    pub fn hides_read(&self) -> bool {
        self.list.hide_read
    }

    /// The search in the open review.
    #[must_use]
    pub fn search(&self) -> Option<&Search> {
        self.reading.search.as_ref()
    }

    /// The highlighted cast member and their mentions.
    #[must_use]
    pub fn cast_focus(&self) -> Option<&CastFocus> {
        self.reading.cast_focus.as_ref()
    }

    /// The message for the footer: the last action's, else a standing notice (skipped files).
    #[must_use]
    pub fn status(&self) -> Option<&str> {
        self.footer
            .status
            .as_deref()
            .or(self.footer.notice.as_deref())
    }

    /// The status in the form to show when the footer cannot fit [`Self::status`]:
    /// what is wrong first, where after (a reload's error).
    #[must_use]
    pub fn status_cut(&self) -> Option<&str> {
        let (full, cut) = self.footer.cut.as_ref()?;
        (self.footer.status.as_deref() == Some(full.as_str())).then_some(cut.as_str())
    }

    /// Everyone who wrote a review or a comment.
    #[must_use]
    pub fn people(&self) -> &[Person] {
        &self.catalog.people
    }

    /// The terminal size the state was laid out for.
    #[must_use]
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// True when the window is larger than what is drawn, so the header can say so.
    #[must_use]
    pub fn is_clamped(&self) -> bool {
        self.window != self.size
    }

    /// The settings in force.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// How to name a command's key in a message, from the keymap in force (so messages
    /// follow the user's bindings); the command's config name if it has no key.
    #[must_use]
    pub fn key(&self, command: Command) -> String {
        self.settings
            .keymap
            .first_key(command)
            .unwrap_or_else(|| command.name().to_owned())
    }

    /// The action for a key press: in a prompt or the picker, typing edits the text;
    /// elsewhere the keymap decides.
    #[must_use]
    pub fn action_for_key(&self, key: crossterm::event::KeyEvent) -> Option<Action> {
        match self.mode {
            Mode::Picker(_) | Mode::Prompt(..) => crate::keymap::prompt_action(key),
            _ => self.settings.keymap.command_for(key).map(Action::Run),
        }
    }

    /// What besides the size decides the layout.
    #[must_use]
    pub fn view(&self) -> View {
        View {
            split: self.reading.right.is_some(),
            sidebar: self.sidebar,
        }
    }

    /// The pane rectangles for the current size.
    #[must_use]
    pub fn panes(&self) -> Panes {
        layout::panes(Rect::new(0, 0, self.size.0, self.size.1), self.view())
    }

    /// The list's rows: entry index, collection and review.
    pub fn visible(&self) -> impl Iterator<Item = (usize, &Collection, &Review)> {
        self.list.visible.iter().map(|&e| {
            let (col, review) = self.entry(e);
            (e, col, review)
        })
    }

    /// Number of reviews in the list.
    #[must_use]
    pub fn visible_len(&self) -> usize {
        self.list.visible.len()
    }

    /// Number of reviews loaded.
    #[must_use]
    pub fn total(&self) -> usize {
        self.catalog.entries.len()
    }

    /// Position of the list cursor among visible reviews.
    #[must_use]
    pub fn selected(&self) -> usize {
        self.list.selected
    }

    /// First list item drawn.
    #[must_use]
    pub fn list_offset(&self) -> usize {
        self.list.offset
    }

    /// The entry open in the reading pane.
    #[must_use]
    pub fn open_entry(&self) -> Option<usize> {
        self.reading.open
    }

    /// The entry on the right of a split.
    #[must_use]
    pub fn right_entry(&self) -> Option<usize> {
        self.reading.right
    }

    /// The collection and review open in the reading pane.
    #[must_use]
    pub fn open_review(&self) -> Option<(&Collection, &Review)> {
        self.reading.open.map(|e| self.entry(e))
    }

    /// The collection and review of an entry.
    #[must_use]
    pub fn entry(&self, entry: usize) -> (&Collection, &Review) {
        let (c, r) = self.catalog.entries[entry];
        let col = &self.catalog.library.collections[c];
        (col, &col.reviews[r])
    }

    /// Rows one review takes in the list: three when there is room, one when stacked or
    /// when `list_style = "compact"`.
    #[must_use]
    pub fn list_item_height(&self) -> usize {
        if self.panes().arrangement == layout::Arrangement::Stacked
            || self.settings.list_style == crate::config::ListStyle::Compact
        {
            1
        } else {
            3
        }
    }
}
