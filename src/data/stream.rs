//! Loading a library as a stream of parts, in display order, so a reader can show the first
//! collection while the rest is still being read. Files are read, parsed and indexed on
//! every core, a batch at a time; [`load_in_background`] runs it all on a background thread.

use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use super::model::{Collection, Library, Review};
use super::scan::Indexed;
use super::walk::{
    LoadOptions, Plan, is_collection, is_symlink, library_entries, plan, reason, whole_file_error,
};
use crate::diagnostic::Diagnostic;

mod emitter;
mod memory;

use emitter::Emitter;

pub(crate) use memory::build_collection;

/// Reviews per part after the first: few parts for the reader to take in, each still
/// a small fraction of a large library.
const BATCH: usize = 256;

/// One step of loading, in the order the library is shown.
#[derive(Debug, Clone)]
pub enum Part {
    /// What there is to read (for a progress indicator), sent once the first film's first
    /// reviews are out and every folder is listed.
    Plan {
        /// Files to read.
        files: usize,
        /// Their size in bytes.
        bytes: u64,
    },
    /// A new collection: its film, with no reviews yet.
    Collection(Collection),
    /// Reviews of the collection sent last.
    Reviews {
        /// The reviews, in file-name order.
        reviews: Vec<Review>,
        /// Their search index, when indexing was asked for (else empty).
        indexed: Vec<Indexed>,
        /// Files read for this part (reviews, skipped files and the film's).
        files: usize,
        /// Bytes read for this part.
        bytes: u64,
    },
    /// Problems met, in order; `skipped` files could not be used.
    Problems {
        /// Errors and warnings.
        diagnostics: Vec<Diagnostic>,
        /// Files left out.
        skipped: usize,
    },
}

impl Library {
    /// Adds one part of a load, as it arrives.
    pub fn add(&mut self, part: Part) {
        match part {
            Part::Plan { .. } => {}
            Part::Collection(collection) => self.collections.push(collection),
            Part::Reviews { reviews, .. } => {
                if let Some(last) = self.collections.last_mut() {
                    last.reviews.extend(reviews);
                }
            }
            Part::Problems {
                diagnostics,
                skipped,
            } => {
                self.diagnostics.extend(diagnostics);
                self.files_skipped += skipped;
            }
        }
    }
}

/// Loads a collection, or a library of collections, from a folder, with the default
/// [`LoadOptions`].
#[must_use]
pub fn load_path(path: &Path) -> Library {
    load_path_with(path, &LoadOptions::default())
}

/// Loads a collection, or a library of collections, from a folder, reading files as
/// `options` says. Every problem becomes a diagnostic; nothing here fails or panics.
#[must_use]
pub fn load_path_with(path: &Path, options: &LoadOptions) -> Library {
    let mut library = Library {
        origin: Some(super::sanitize_line(&path.display().to_string())),
        ..Library::default()
    };
    load_parts(path, options, false, &mut |part| library.add(part));
    library
}

/// Loads `path` on a background thread, indexing every review for search; the receiver
/// gets the parts in order and is closed when loading is done.
#[must_use]
pub fn load_in_background(path: PathBuf, options: LoadOptions) -> mpsc::Receiver<Part> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        in_own_pool(|| {
            load_parts(&path, &options, true, &mut |part| {
                // The reader went away: nothing left to load for.
                let _ = tx.send(part);
            });
        });
    });
    rx
}

/// Runs `work` with its parallel parts on a thread pool of its own, not rayon's global one:
/// the reader's own parallel work (counting mentions, filtering) runs on the global pool
/// and would otherwise queue behind a whole load's files (85 ms for the first frame at
/// 50,000 reviews). The two pools share the cores as threads do.
pub fn in_own_pool<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    match rayon::ThreadPoolBuilder::new().build() {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}

/// Loads a collection or a library of collections from `path`, handing each part to `sink`
/// in display order; with `index`, reviews come with their [`Indexed`] search material.
/// Every problem becomes a [`Part::Problems`]; nothing here fails or panics.
pub fn load_parts(path: &Path, options: &LoadOptions, index: bool, sink: &mut dyn FnMut(Part)) {
    let shown = path.display().to_string();
    let mut problems = Vec::new();
    let dirs = if is_collection(path) {
        vec![path.to_path_buf()]
    } else if path.is_dir() {
        let dirs = library_entries(path, &mut problems);
        if dirs.is_empty() {
            problems.push(whole_file_error(&shown, "no collection here: expected film.toml and reviews/*.toml, or sub-folders that hold them"));
        }
        dirs
    } else {
        let message = if path.exists() {
            "not a folder: give a collection folder (film.toml + reviews/) or a library of them"
                .to_owned()
        } else if let Err(e) = fs::metadata(path)
            && is_symlink(path)
        {
            format!("cannot open folder: {}", reason(path, &e))
        } else {
            "no such folder".to_owned()
        };
        problems.push(whole_file_error(&shown, &message));
        Vec::new()
    };
    if !problems.is_empty() {
        // A film folder that could not be opened (a broken link) is a skipped file too,
        // so the reader's footer counts it.
        let skipped = if dirs.is_empty() {
            0
        } else {
            problems.iter().filter(|d| d.is_error()).count()
        };
        sink(problems_part(problems, skipped));
    }
    let mut emitter = Emitter::new(options);
    let mut dirs = dirs.into_iter();
    // The first film is listed, and its first reviews read, before the other folders are
    // listed and sized: at 50,000 files that listing was most of the wait for the first
    // frame. The plan (for the progress count) follows.
    emitter.plans.extend(dirs.next().map(plan));
    let first_jobs = jobs(&emitter.plans, 0);
    let (now, later) = first_jobs.split_at(first_jobs.len().min(FIRST_BATCH));
    emitter.read(now, index, sink);
    emitter.flush(sink);
    if emitter.next_collection == 0 && !emitter.plans.is_empty() {
        // A first film with no reviews is still shown before the rest is listed.
        emitter.send_collection(sink);
    }
    emitter.limit = BATCH;
    let rest: Vec<Plan> = dirs.collect::<Vec<_>>().into_par_iter().map(plan).collect();
    emitter.plans.extend(rest);
    sink(Part::Plan {
        files: emitter
            .plans
            .iter()
            .map(|p| p.reviews.len() + usize::from(p.film.is_some()))
            .sum(),
        bytes: emitter.plans.iter().map(|p| p.bytes).sum(),
    });
    let mut remaining = later.to_vec();
    remaining.extend(jobs(&emitter.plans, 1));
    // Chunks span films, so cores wait for each other once per chunk, not once per film.
    for chunk in remaining.chunks(CHUNK) {
        emitter.read(chunk, index, sink);
    }
    emitter.finish(sink);
}

/// A review file to read: its collection's and its own place in the plans.
type Job = (usize, usize);

/// Every review file of the plans from collection `from` on, in display order.
fn jobs(plans: &[Plan], from: usize) -> Vec<Job> {
    plans
        .iter()
        .enumerate()
        .skip(from)
        .flat_map(|(c, plan)| (0..plan.reviews.len()).map(move |r| (c, r)))
        .collect()
}

fn problems_part(diagnostics: Vec<Diagnostic>, skipped: usize) -> Part {
    Part::Problems {
        diagnostics,
        skipped,
    }
}

/// Reviews sent in the first part: few, so the reader can open at once.
const FIRST_BATCH: usize = 32;
/// Review files parsed together (all cores) after the first part.
const CHUNK: usize = 1024;
