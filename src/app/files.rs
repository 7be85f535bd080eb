//! The reader and the files behind it: `E` hands a review's file to the editor, `Ctrl-r`
//! reads every file again, and either way the reload that follows says what changed.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use super::{App, Effect};
use crate::data::{Collection, Review};

/// What the reader asked to read again, so the reload that follows can say what changed.
#[derive(Debug, Default)]
pub(super) struct Reread {
    /// The reviews and films as they were when the reader asked: by collection name and
    /// review ID (a film under the ID `""`).
    before: Option<HashMap<(String, String), Snapshot>>,
    /// The review handed to the editor: collection name and review ID.
    edited: Option<(String, String)>,
}

/// A review or a film as it was, to compare with what the reload brings.
#[derive(Debug, PartialEq)]
enum Snapshot {
    Review(Box<Review>),
    Film(Box<crate::data::Film>),
}

/// The review's file: `reviews/ID.toml` in its collection's folder.
fn review_file(collection: &Collection, review: &Review) -> PathBuf {
    PathBuf::from(&collection.key)
        .join("reviews")
        .join(format!("{}.toml", review.id))
}

impl App {
    /// `E`: the file of the review under the cursor (or being read), for the editor; the
    /// bundled collection, built into the program, has none.
    pub(super) fn request_edit(&mut self) -> Option<Effect> {
        let Some(entry) = self.target_entry() else {
            self.footer.status = Some("No review to edit".to_owned());
            return None;
        };
        if self.catalog.library.origin.is_none() {
            // Said first what matters: the footer is short at 80 columns.
            self.footer.status = Some(
                "No file to edit: the bundled reviews are built in (`reelread import` makes files)"
                    .to_owned(),
            );
            return None;
        }
        let (collection, review) = self.entry(entry);
        let path = review_file(collection, review);
        let edited = (collection.name.clone(), review.id.clone());
        self.remember_for_reread();
        self.reread.edited = Some(edited);
        Some(Effect::Edit(path))
    }

    /// `Ctrl-r`: read every file from disk again now.
    pub(super) fn request_reload(&mut self) -> Option<Effect> {
        if self.catalog.library.origin.is_none() {
            self.footer.status =
                Some("No files to re-read: the bundled reviews are built in".to_owned());
            return None;
        }
        self.remember_for_reread();
        self.footer.status = Some("Re-reading every file…".to_owned());
        Some(Effect::Reload)
    }

    /// Keeps the reviews as they are now, for the next reload to compare with.
    fn remember_for_reread(&mut self) {
        let mut before = HashMap::new();
        for collection in &self.catalog.library.collections {
            before.insert(
                (collection.name.clone(), String::new()),
                Snapshot::Film(Box::new(collection.film.clone())),
            );
            for review in &collection.reviews {
                before.insert(
                    (collection.name.clone(), review.id.clone()),
                    Snapshot::Review(Box::new(review.clone())),
                );
            }
        }
        self.reread = Reread {
            before: Some(before),
            edited: None,
        };
    }

    /// When the file just edited no longer loads: what is wrong, for the footer.
    fn edit_broken(&self, (collection, id): &(String, String)) -> Option<String> {
        let library = &self.catalog.library;
        let problem = library.diagnostics.iter().find(|d| {
            let path = std::path::Path::new(&d.path);
            let folder = path
                .parent()
                .and_then(|p| p.parent())
                .and_then(|p| p.file_name());
            d.is_error()
                && path.file_stem().is_some_and(|s| s.to_string_lossy() == *id)
                && folder.is_some_and(|f| f.to_string_lossy() == *collection)
        })?;
        let shown = crate::diagnostic::Diagnostic {
            path: super::errors::relative(&problem.path, library.origin.as_deref()),
            ..problem.clone()
        };
        Some(format!(
            "The edit does not load, so the last good version stays: {shown}"
        ))
    }

    /// After a reload the reader asked for: the footer says what changed.
    pub(super) fn report_reread(&mut self, asked: Reread) {
        let Some(mut before) = asked.before else {
            return;
        };
        if let Some(message) = asked.edited.as_ref().and_then(|e| self.edit_broken(e)) {
            self.footer.status = Some(message);
            return;
        }
        let (mut changed, mut added, mut films) = (0, 0, 0);
        for collection in &self.catalog.library.collections {
            let film = before.remove(&(collection.name.clone(), String::new()));
            if matches!(&film, Some(Snapshot::Film(old)) if **old != collection.film) {
                films += 1;
            }
            for review in &collection.reviews {
                match before.remove(&(collection.name.clone(), review.id.clone())) {
                    None => added += 1,
                    Some(Snapshot::Review(old)) if *old != *review => changed += 1,
                    Some(_) => {}
                }
            }
        }
        let removed = before
            .values()
            .filter(|s| matches!(s, Snapshot::Review(_)))
            .count();
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = Vec::new();
        if changed > 0 {
            parts.push(plural(changed, "review changed", "reviews changed"));
        }
        if added > 0 {
            parts.push(plural(added, "new review", "new reviews"));
        }
        if removed > 0 {
            parts.push(plural(removed, "review gone", "reviews gone"));
        }
        if films > 0 {
            parts.push(plural(films, "film changed", "films changed"));
        }
        let mut message = if parts.is_empty() {
            format!(
                "Re-read from disk: nothing changed ({})",
                plural(self.catalog.entries.len(), "review", "reviews")
            )
        } else {
            format!("Re-read from disk: {}", parts.join(", "))
        };
        let errors = self.catalog.library.error_count();
        if errors > 0 {
            let _ = write!(
                message,
                " · {} ({} lists {})",
                plural(errors, "file has errors", "files have errors"),
                self.key(crate::action::Command::Errors),
                if errors == 1 { "it" } else { "them" }
            );
        }
        self.footer.status = Some(message);
    }

    /// `X`: every review in the list read — all of them, or all the filters let through.
    pub(super) fn mark_all_read(&mut self) {
        let listed = self.list.visible.clone();
        let mut marked = 0;
        for &entry in &listed {
            let count = self.entry(entry).1.comments.len();
            let mark = &mut self.marks.per_entry[entry];
            if !mark.read || mark.comments_seen != count {
                marked += usize::from(!mark.read);
                mark.read = true;
                mark.comments_seen = count;
                self.marks.dirty = true;
            }
        }
        let filtered = self.list.filter.is_some() || self.list.query.is_some();
        let scope = match (filtered, listed.len()) {
            (true, 1) => "the 1 review matching the filter".to_owned(),
            (true, n) => format!("all {n} reviews matching the filter"),
            (false, 1) => "the 1 review listed".to_owned(),
            (false, n) => format!("all {n} reviews listed"),
        };
        self.footer.status = Some(match marked {
            _ if listed.is_empty() => "No review listed to mark read".to_owned(),
            0 => format!("Already read: {scope}"),
            1 => format!("Marked 1 review read ({scope})"),
            n => format!("Marked {n} reviews read ({scope})"),
        });
        self.rebuild_visible();
    }
}
