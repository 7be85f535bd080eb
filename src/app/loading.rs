//! Reviews arriving: from a whole library at start, or part by part from a background
//! load while the reader is already in use. Every per-entry table (index, marks, scroll,
//! people, reach) grows here and nowhere else.

use super::{App, Restore, Settings};
use crate::data::scan::index_review;
use crate::data::{Collection, Indexed, Library, Part, Review};

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
        app.catalog.library.origin = Some(crate::data::sanitize_line(origin));
        app.catalog.loading = Some(Progress::default());
        app.apply_view(saved.view);
        app.marks.saved = saved;
        app.marks.auto_open = true;
        // Config problems are said at once; skipped files once loading is done.
        app.set_notice();
        app
    }

    /// False while the open review is the one loading chose and the reader has not acted
    /// (it may still give way to the saved last-open review).
    #[must_use]
    pub fn opened_by_reader(&self) -> bool {
        !self.marks.auto_open
    }

    /// How far loading has got; `None` when everything is loaded.
    #[must_use]
    pub fn progress(&self) -> Option<Progress> {
        self.catalog.loading
    }

    /// Takes one part of a background load (the data path besides [`super::update`]: new
    /// data, not an action). Call [`App::absorbed`] after a run of parts.
    pub(super) fn absorb(&mut self, part: Part) {
        match part {
            Part::Plan { files, bytes } => {
                if let Some(p) = &mut self.catalog.loading {
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
                if let Some(p) = &mut self.catalog.loading {
                    p.files += files;
                    p.bytes += bytes;
                }
                if let Some(c) = self.catalog.library.collections.len().checked_sub(1) {
                    self.add_reviews(c, reviews, indexed);
                }
            }
            part @ Part::Problems { .. } => self.catalog.library.add(part),
        }
    }

    /// Brings the list, the people and the open review up to date after parts arrived.
    pub(super) fn absorbed(&mut self) {
        // Sorting thousands of names is left for the end of loading, unless the picker
        // is open and should show who has arrived.
        if self.catalog.loading.is_none() {
            self.catalog.sort_people();
        } else if let super::Mode::Picker(picker) = &self.mode {
            // Keep the cursor on the same person as newcomers sort in around them.
            let under = picker
                .matches(&self.catalog.people)
                .get(picker.cursor)
                .map(|p| p.name.clone());
            self.catalog.sort_people();
            if let (Some(name), super::Mode::Picker(picker)) = (under, &mut self.mode) {
                let matches = picker.matches(&self.catalog.people);
                picker.cursor = matches.iter().position(|p| p.name == name).unwrap_or(0);
            }
        }
        // New reviews must not move the rows the reader is looking at.
        let offset = self.list.offset;
        self.rebuild_visible();
        // A filter set while loading goes on counting what arrives.
        if self.footer.filter_note.is_some() && self.footer.status == self.footer.filter_note {
            self.footer.filter_note = self.filter_message();
            self.footer.status.clone_from(&self.footer.filter_note);
        }
        self.list.offset = offset;
        if self.reading.open.is_none() {
            self.reading.open = self.list.visible.first().copied();
        }
        // Before the first resize there is nothing to lay out (and no pane to focus).
        if self.size != (0, 0) {
            self.refresh_view();
        }
    }

    /// Everything is loaded: the progress indicator goes, skipped files are announced,
    /// and the review opened by loading counts as read.
    pub(super) fn finish_loading(&mut self) {
        self.catalog.loading = None;
        self.catalog.shrink();
        self.marks.per_entry.shrink_to_fit();
        self.reading.scroll.shrink_to_fit();
        self.absorbed();
        self.set_notice();
        self.settle_open();
    }

    /// Adds a whole library (loaded at once) with its index, in file order.
    pub(super) fn add_entries(&mut self, library: Library, index: Vec<Indexed>) {
        let mut index = index.into_iter();
        self.catalog.library.origin = library.origin;
        self.catalog.library.diagnostics = library.diagnostics;
        self.catalog.library.files_skipped = library.files_skipped;
        for mut collection in library.collections {
            let reviews = std::mem::take(&mut collection.reviews);
            let indexed = index.by_ref().take(reviews.len()).collect();
            self.add_collection(collection);
            self.add_reviews(self.catalog.library.collections.len() - 1, reviews, indexed);
        }
        self.absorbed();
    }

    fn add_collection(&mut self, collection: Collection) {
        self.catalog
            .films
            .push(super::mentions::FilmIndex::new(self.catalog.entries.len()));
        self.catalog.library.collections.push(collection);
    }

    /// Appends reviews to collection `c`, indexing them here if the loader did not.
    fn add_reviews(&mut self, c: usize, reviews: Vec<Review>, mut indexed: Vec<Indexed>) {
        if indexed.len() != reviews.len() {
            indexed = reviews.iter().map(index_review).collect();
        }
        let first = self.catalog.entries.len();
        let start = self.catalog.library.collections[c].reviews.len();
        for (r, review) in reviews.iter().enumerate() {
            let entry = first + r;
            self.catalog.entries.push((c, start + r));
            self.catalog
                .add_person(review.reviewer.as_deref(), entry, true);
            for comment in &review.comments {
                self.catalog
                    .add_person(comment.author.as_deref(), entry, false);
            }
        }
        self.list.recent.clear();
        if let Some(query) = &mut self.list.query {
            let searchable: Vec<_> = reviews.iter().zip(&indexed).collect();
            let found = crate::query::matching(&searchable, &query.text);
            query.matches.extend(
                found
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, found)| found.then_some(first + i)),
            );
        }
        self.catalog.library.collections[c].reviews.extend(reviews);
        self.catalog.index.extend(indexed);
        let added = self.catalog.entries.len() - first;
        self.catalog
            .mentions
            .extend(std::iter::repeat_n(Vec::new(), added));
        self.marks
            .per_entry
            .extend(std::iter::repeat_n(super::Mark::default(), added));
        self.reading.scroll.extend(std::iter::repeat_n(0, added));
        self.count_new_mentions(c, first..self.catalog.entries.len());
        let opens = self.reading.open.is_none() && added > 0;
        if opens {
            self.reading.open = Some(first);
            self.list.visible.push(first);
        }
        self.restore_entries(first..self.catalog.entries.len());
        if opens && self.reading.open == Some(first) {
            self.show_opened();
        }
    }

    /// The standing notice: files skipped by loading, then the settings' notes.
    fn set_notice(&mut self) {
        let check = self.catalog.library.origin.as_deref().map_or_else(
            || "reelread check".to_owned(),
            |o| format!("reelread check {o}"),
        );
        // The key first: a long folder path may be cut off at the footer's end.
        let list = self.key(crate::action::Command::Errors);
        let skipped = match self.catalog.library.files_skipped {
            0 => None,
            1 => Some(format!("1 file skipped: {list} lists why (or `{check}`)")),
            n => Some(format!(
                "{n} files skipped: {list} lists why (or `{check}`)"
            )),
        };
        let notes: Vec<String> = skipped
            .into_iter()
            .chain(self.settings.notes.iter().cloned())
            .collect();
        self.footer.notice = (!notes.is_empty()).then(|| notes.join(" · "));
    }
}

/// The search index of every review, on every core.
pub(super) fn index_library(library: &Library) -> Vec<Indexed> {
    use rayon::prelude::*;
    let reviews: Vec<&Review> = library.reviews().map(|(_, r)| r).collect();
    reviews
        .par_iter()
        .with_min_len(64)
        .map(|review| index_review(review))
        .collect()
}
