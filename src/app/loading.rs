//! Reviews arriving: from a whole library at start, or part by part from a background
//! load while the reader is already in use. Every per-entry table (index, marks, scroll,
//! people, reach) grows here and nowhere else.

use super::{App, Restore, Settings};
use crate::data::index::index_review;
use crate::data::{Collection, Indexed, Library, Part, Person, Review};

/// How far a background load has got, for the progress indicator.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Files read so far.
    pub files: usize,
    /// Files to read in all.
    pub total_files: usize,
    /// Bytes read so far.
    pub bytes: u64,
    /// Bytes to read in all.
    pub total_bytes: u64,
}

impl App {
    /// A reader whose library is still loading: parts arrive through [`App::absorb`], and
    /// [`App::finish_loading`] says when all are in. `origin` names the folder (for
    /// messages); `saved` marks apply to reviews as they arrive.
    #[must_use]
    pub fn loading(settings: Settings, origin: &str, saved: Restore) -> Self {
        let mut app = Self::empty(settings);
        app.library.origin = Some(crate::data::sanitize_line(origin));
        app.loading = Some(Progress::default());
        app.saved = saved;
        app.auto_open = true;
        // Config problems are said at once; skipped files once loading is done.
        app.set_notice();
        app
    }

    /// False while the open review is the one loading chose and the reader has not acted
    /// (it may still give way to the saved last-open review).
    #[must_use]
    pub fn opened_by_reader(&self) -> bool {
        !self.auto_open
    }

    /// How far loading has got; `None` when everything is loaded.
    #[must_use]
    pub fn progress(&self) -> Option<Progress> {
        self.loading
    }

    /// Takes one part of a background load (the data path besides [`super::update`]: new
    /// data, not an action). Call [`App::absorbed`] after a run of parts.
    pub fn absorb(&mut self, part: Part) {
        match part {
            Part::Plan { files, bytes } => {
                if let Some(p) = &mut self.loading {
                    p.total_files = files;
                    p.total_bytes = bytes;
                }
            }
            Part::Collection(collection) => self.add_collection(collection),
            Part::Reviews {
                reviews,
                indexed,
                files,
                bytes,
            } => {
                if let Some(p) = &mut self.loading {
                    p.files += files;
                    p.bytes += bytes;
                }
                if let Some(c) = self.library.collections.len().checked_sub(1) {
                    self.add_reviews(c, reviews, indexed);
                }
            }
            part @ Part::Problems { .. } => self.library.add(part),
        }
    }

    /// Brings the list, the people and the open review up to date after parts arrived.
    pub fn absorbed(&mut self) {
        // Sorting thousands of names is left for the end of loading, unless the picker
        // is open and should show who has arrived.
        if self.loading.is_none() {
            self.sort_people();
        } else if let super::Mode::Picker(picker) = &self.mode {
            // Keep the cursor on the same person as newcomers sort in around them.
            let under = picker
                .matches(&self.people)
                .get(picker.cursor)
                .map(|p| p.name.clone());
            self.sort_people();
            if let (Some(name), super::Mode::Picker(picker)) = (under, &mut self.mode) {
                let matches = picker.matches(&self.people);
                picker.cursor = matches.iter().position(|p| p.name == name).unwrap_or(0);
            }
        }
        // New reviews must not move the rows the reader is looking at.
        let offset = self.list_offset;
        self.rebuild_visible();
        // A filter set while loading goes on counting what arrives.
        if self.filter_note.is_some() && self.status == self.filter_note {
            self.filter_note = self.filter_message();
            self.status.clone_from(&self.filter_note);
        }
        self.list_offset = offset;
        if self.open.is_none() {
            self.open = self.visible.first().copied();
        }
        // Before the first resize there is nothing to lay out (and no pane to focus).
        if self.size != (0, 0) {
            self.refresh_view();
        }
    }

    /// Brings the sorted list of people up to date with everyone who has arrived.
    pub(super) fn sort_people(&mut self) {
        if std::mem::take(&mut self.people_changed) {
            let mut people: Vec<Person> = self.by_person.values().map(|(p, _)| p.clone()).collect();
            people.sort_by_cached_key(|p| p.name.to_lowercase());
            self.people = people;
        }
    }

    /// Everything is loaded: the progress indicator goes, skipped files are announced,
    /// and the review opened by loading counts as read.
    pub fn finish_loading(&mut self) {
        self.loading = None;
        self.absorbed();
        self.set_notice();
        self.settle_open();
    }

    /// Adds a whole library (loaded at once) with its index, in file order.
    pub(super) fn add_entries(&mut self, library: Library, index: Vec<Indexed>) {
        let mut index = index.into_iter();
        self.library.origin = library.origin;
        self.library.diagnostics = library.diagnostics;
        self.library.files_skipped = library.files_skipped;
        for mut collection in library.collections {
            let reviews = std::mem::take(&mut collection.reviews);
            let indexed = index.by_ref().take(reviews.len()).collect();
            self.add_collection(collection);
            self.add_reviews(self.library.collections.len() - 1, reviews, indexed);
        }
        self.absorbed();
    }

    fn add_collection(&mut self, collection: Collection) {
        self.films.push(super::FilmIndex::new(self.entries.len()));
        self.library.collections.push(collection);
    }

    /// Appends reviews to collection `c`, indexing them here if the loader did not.
    fn add_reviews(&mut self, c: usize, reviews: Vec<Review>, mut indexed: Vec<Indexed>) {
        if indexed.len() != reviews.len() {
            indexed = reviews.iter().map(index_review).collect();
        }
        let first = self.entries.len();
        let start = self.library.collections[c].reviews.len();
        for (r, review) in reviews.iter().enumerate() {
            let entry = first + r;
            self.entries.push((c, start + r));
            self.add_person(review.reviewer.as_deref(), entry, true);
            for comment in &review.comments {
                self.add_person(comment.author.as_deref(), entry, false);
            }
        }
        if let Some(query) = &mut self.list_query {
            let found = crate::query::matching(&indexed, &query.text);
            query.matches.extend(
                found
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, found)| found.then_some(first + i)),
            );
        }
        self.library.collections[c].reviews.extend(reviews);
        self.index.extend(indexed);
        let added = self.entries.len() - first;
        self.mentions.extend(std::iter::repeat_n(Vec::new(), added));
        self.marks
            .extend(std::iter::repeat_n(super::Mark::default(), added));
        self.scroll.extend(std::iter::repeat_n(0, added));
        self.count_new_mentions(c, first..self.entries.len());
        let opens = self.open.is_none() && added > 0;
        if opens {
            self.open = Some(first);
            self.visible.push(first);
        }
        self.restore_entries(first..self.entries.len());
        if opens && self.open == Some(first) {
            self.show_opened();
        }
    }

    /// Counts a review or comment by `name` and files the entry under them.
    fn add_person(&mut self, name: Option<&str>, entry: usize, is_review: bool) {
        let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
            return;
        };
        let (person, entries) = self
            .by_person
            .entry(name.to_lowercase())
            .or_insert_with(|| {
                let person = Person {
                    name: name.to_owned(),
                    reviews: 0,
                    comments: 0,
                };
                (person, Vec::new())
            });
        if is_review {
            person.reviews += 1;
        } else {
            person.comments += 1;
        }
        if entries.last() != Some(&entry) {
            entries.push(entry);
        }
        self.people_changed = true;
    }

    /// The entries a person wrote or commented on, by the reviewer filter's rule.
    #[must_use]
    pub(super) fn entries_of(&self, name: &str) -> &[usize] {
        self.by_person
            .get(&name.trim().to_lowercase())
            .map_or(&[], |(_, entries)| entries.as_slice())
    }
}
