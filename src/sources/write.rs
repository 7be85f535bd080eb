//! Entries into the library as ordinary collection files: the one place fetched and
//! imported reviews are written, so every source kind gets the same guarantees.
//!
//! - **No duplicates.** An item's file is the one the fetch state recorded for it; else its
//!   ID is derived from the item's key (never from its title, which may change), and a file
//!   with that ID and the item's URL is the item's own.
//! - **No lost edits.** The state keeps a hash of what reelread wrote; a file whose bytes
//!   differ was edited by the person and is left alone, the new text going to
//!   `ID.fetched.toml` beside it (which the loader skips). A deleted file stays deleted.
//! - **Comments accumulate.** Comments already in the file are kept (comment feeds show
//!   only the latest); new ones are appended in order.
//! - **Nothing rewritten for nothing**: identical bytes are not written again. Every write
//!   is atomic, and the state is recorded after the file, so a kill at any moment leaves
//!   the library loadable and the next run completes the work.

mod place;
mod render;

use std::path::{Path, PathBuf};

pub use place::{UNSORTED, is_collection};

use super::fetch_state::{FetchState, ItemRecord, hash};
use super::{Entry, FilmFacts, FilmRef};
use crate::data::{Comment, Review, sanitize, sanitize_line};
use place::Films;

/// Where entries go.
#[derive(Debug, Clone)]
pub enum Target {
    /// A library: each film's collection is found or created inside it.
    Library(PathBuf),
    /// One collection: every entry goes there, whatever film it names.
    Collection(PathBuf),
}

/// What writing one entry did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A new review file.
    New,
    /// The item's file, rewritten with what changed.
    Updated,
    /// The file already said exactly this.
    Unchanged,
    /// The person edited the file; the new text went to `ID.fetched.toml` beside it.
    KeptEdit,
    /// The person deleted the file; it is not brought back.
    Deleted,
}

/// One entry written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// What happened.
    pub outcome: Outcome,
    /// The review file (or, for [`Outcome::KeptEdit`], the copy beside it).
    pub path: PathBuf,
    /// Comments the file did not have before.
    pub new_comments: usize,
    /// The entry went to the `unsorted` collection, its film unknown.
    pub unsorted: bool,
}

/// Writes entries into one target, remembering the films it has seen.
#[derive(Debug)]
pub struct Writer {
    target: Target,
    films: Films,
}

/// A path as it may be printed.
fn shown(path: &Path) -> String {
    sanitize_line(&path.display().to_string())
}

impl Writer {
    /// A writer into `target`, knowing the films already there. The folder is made
    /// absolute, so what the state records holds wherever the next command runs.
    #[must_use]
    pub fn new(target: Target) -> Self {
        let absolute = |dir: PathBuf| std::path::absolute(&dir).unwrap_or(dir);
        let target = match target {
            Target::Library(dir) => Target::Library(absolute(dir)),
            Target::Collection(dir) => Target::Collection(absolute(dir)),
        };
        let films = match &target {
            Target::Library(dir) => Films::scan(dir),
            Target::Collection(_) => Films::default(),
        };
        Self { target, films }
    }

    /// Writes `entry`, from `origin` (a source URL, or the file imported), recording the
    /// file in `state`. `force` overwrites a file the person edited or deleted.
    pub fn write(
        &mut self,
        state: &mut FetchState,
        origin: &str,
        entry: &Entry,
        force: bool,
    ) -> Result<Written, String> {
        let item = format!("{origin} {}", entry.key);
        // A record for another target (an import into another folder) is not this one's.
        let root = self.root().to_path_buf();
        let recorded = state
            .items
            .get(&item)
            .filter(|r| r.path.starts_with(&root))
            .cloned();
        // An item keeps the file it first wrote, even if the person moved it to another film.
        let (path, unsorted) = if let Some(record) = &recorded {
            let unsorted = record
                .path
                .parent()
                .and_then(Path::parent)
                .and_then(Path::file_name)
                .is_some_and(|n| n == UNSORTED);
            (record.path.clone(), unsorted)
        } else {
            let (collection, unsorted) = self.collection_for(entry, origin)?;
            (review_path(&collection, entry), unsorted)
        };
        let on_disk = std::fs::read(&path).ok();
        if on_disk.is_none() && recorded.is_some() && !force {
            return Ok(Written {
                outcome: Outcome::Deleted,
                path,
                new_comments: 0,
                unsorted,
            });
        }
        // The file may be known under another key (the source's URL changed): what
        // reelread wrote there still tells a person's edit.
        let known = recorded.clone().or_else(|| {
            on_disk.as_ref()?;
            state.items.values().find(|r| r.path == path).cloned()
        });
        let edited = match (&on_disk, &known) {
            (Some(bytes), Some(record)) => hash(bytes) != record.hash,
            // A file the state does not know is ours only when it is this item's review.
            (Some(bytes), None) => !same_item(bytes, entry),
            (None, _) => false,
        };
        let (review, new_comments) = merged(entry, on_disk.as_deref());
        let text = render::review(&review, origin);
        if on_disk.as_deref() == Some(text.as_bytes()) {
            record(state, item, &path, text.as_bytes());
            return Ok(Written {
                outcome: Outcome::Unchanged,
                path,
                new_comments: 0,
                unsorted,
            });
        }
        if edited && !force {
            let copy = fetched_copy(&path);
            if std::fs::read(&copy).ok().as_deref() != Some(text.as_bytes()) {
                crate::atomic::write(&copy, text.as_bytes())
                    .map_err(|e| format!("cannot write {}: {e}", shown(&copy)))?;
            }
            return Ok(Written {
                outcome: Outcome::KeptEdit,
                path: copy,
                new_comments,
                unsorted,
            });
        }
        crate::atomic::write(&path, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", shown(&path)))?;
        record(state, item, &path, text.as_bytes());
        Ok(Written {
            outcome: if on_disk.is_some() {
                Outcome::Updated
            } else {
                Outcome::New
            },
            path,
            new_comments,
            unsorted,
        })
    }

    /// The folder everything this writer writes is under.
    fn root(&self) -> &Path {
        match &self.target {
            Target::Library(dir) | Target::Collection(dir) => dir,
        }
    }

    /// The collection folder for `entry`, creating it (with a film.toml) when needed; and
    /// whether it is `unsorted`.
    fn collection_for(&mut self, entry: &Entry, origin: &str) -> Result<(PathBuf, bool), String> {
        self.collection(
            entry.film.as_ref(),
            &entry.facts,
            &entry.review.title,
            origin,
        )
    }

    /// The collection for a review of `film` (else of a film `title` names), created with
    /// a film.toml of `facts` when the library lacks it; and whether it is `unsorted`.
    pub fn collection(
        &mut self,
        film: Option<&FilmRef>,
        facts: &FilmFacts,
        title: &str,
        origin: &str,
    ) -> Result<(PathBuf, bool), String> {
        let library = match &self.target {
            Target::Collection(dir) => {
                let dir = dir.clone();
                if let Some(film) = film
                    && !dir.join("film.toml").exists()
                {
                    write_film(&dir, film, facts, origin)?;
                }
                return Ok((dir, false));
            }
            Target::Library(dir) => dir.clone(),
        };
        if let Some(film) = film {
            if let Some(dir) = self.films.find(film) {
                return Ok((dir.to_path_buf(), false));
            }
            let dir = Films::new_folder(&library, film);
            write_film(&dir, film, facts, origin)?;
            self.films.add(film.clone(), dir.clone());
            return Ok((dir, false));
        }
        if let Some((_, dir)) = self.films.named_in(title) {
            return Ok((dir.to_path_buf(), false));
        }
        let dir = library.join(UNSORTED);
        if !dir.join("film.toml").exists() {
            let text = "# Reviews whose film reelread could not tell. Move each file into its film's\n# folder, or follow the source with --film \"TITLE (YEAR)\".\n\ntitle = \"Unsorted\"\n";
            crate::atomic::write(&dir.join("film.toml"), text.as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", shown(&dir)))?;
        }
        Ok((dir, true))
    }
}

fn write_film(dir: &Path, film: &FilmRef, facts: &FilmFacts, origin: &str) -> Result<(), String> {
    let path = dir.join("film.toml");
    let text = render::film(film, facts, origin);
    crate::atomic::write(&path, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", shown(&path)))
}

fn record(state: &mut FetchState, item: String, path: &Path, bytes: &[u8]) {
    state.items.insert(
        item,
        ItemRecord {
            path: path.to_path_buf(),
            hash: hash(bytes),
        },
    );
}

/// `reviews/ID.toml` for a new item.
fn review_path(collection: &Path, entry: &Entry) -> PathBuf {
    collection
        .join("reviews")
        .join(format!("{}.toml", review_id(entry)))
}

/// `ID.fetched.toml` beside `ID.toml`.
fn fetched_copy(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!("{stem}.fetched.toml"))
}

/// An ID from the item's key: who wrote it, then the key's last meaningful part
/// (`letterboxd-review-123` → `123`, `https://blog.example/2024/06/heat-at-30/` →
/// `heat-at-30`), with a short hash of the whole key so two items never share one.
#[must_use]
pub fn review_id(entry: &Entry) -> String {
    let key = entry.key.trim();
    let tail = key
        .trim_end_matches('/')
        .rsplit(['/', '=', '#'])
        .find(|part| !part.is_empty() && *part != "rss" && *part != "feed")
        .unwrap_or(key);
    let tail = tail
        .trim_start_matches("letterboxd-review-")
        .trim_end_matches(".html")
        .trim_end_matches(".htm");
    let who = entry
        .review
        .reviewer
        .as_deref()
        .or(entry.review.source.as_deref())
        .unwrap_or("");
    let mut who = crate::import::slug(who);
    who.truncate(20);
    let mut tail = crate::import::slug(tail);
    tail.truncate(32);
    let tail = tail.trim_end_matches('-');
    let short = &hash(key.as_bytes())[..6];
    [who.trim_end_matches('-'), tail, short]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("-")
}

/// The file on disk is this item's review (its URL, or its title and reviewer, agree).
fn same_item(bytes: &[u8], entry: &Entry) -> bool {
    let Some(old) = raw_review(bytes) else {
        return false;
    };
    match (&old.url, &entry.review.url) {
        (Some(a), Some(b)) => a == b,
        _ => old.title == entry.review.title && old.reviewer == entry.review.reviewer,
    }
}

/// A review file as written, unsanitised (sanitising is the loader's, at display).
fn raw_review(bytes: &[u8]) -> Option<Review> {
    let text = std::str::from_utf8(bytes).ok()?;
    toml::from_str::<Review>(text).ok()
}

/// The entry's review with the comments the file already holds kept first, and the
/// entry's comments that are new appended; and how many were new.
fn merged(entry: &Entry, on_disk: Option<&[u8]>) -> (Review, usize) {
    let mut review = entry.review.clone();
    let Some(old) = on_disk.and_then(raw_review) else {
        let n = review.comments.len();
        return (review, n);
    };
    let mut comments = old.comments;
    let before = comments.len();
    for c in &entry.review.comments {
        if !comments.iter().any(|o| same_comment(o, c)) {
            comments.push(c.clone());
        }
    }
    let new = comments.len() - before;
    review.comments = comments;
    (review, new)
}

/// Two comments are one when author, date and text (as shown) agree.
fn same_comment(a: &Comment, b: &Comment) -> bool {
    let text = |c: &Comment| {
        sanitize(c.text.trim())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    a.author == b.author && a.posted == b.posted && text(a) == text(b)
}

#[cfg(test)]
mod tests;
