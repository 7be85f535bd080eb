//! Turning reviews read on every core, in display order, into the load's parts: each
//! film as its first review arrives, reviews in batches, and the problems met.

use rayon::prelude::*;
use std::fs;

use super::super::model::{Collection, Film, Review};
use super::super::names::NameCache;
use super::super::parse::{SourceFile, parse_film, parse_review};
use super::super::scan::{Indexed, index_review};
use super::super::walk::{FILM_FILE, LoadOptions, Plan, read};
use super::{BATCH, FIRST_BATCH, Job, Part, problems_part};
use crate::diagnostic::{Diagnostic, Severity};

/// Turns parsed reviews, arriving in display order, into parts.
pub(super) struct Emitter<'a> {
    /// The collections listed so far, in display order.
    pub(super) plans: Vec<Plan>,
    /// Commenter names met so far, shared by every comment they wrote.
    names: NameCache,
    options: &'a LoadOptions,
    /// The next collection to send.
    pub(super) next_collection: usize,
    batch: Vec<Parsed>,
    /// Reviews per part: [`FIRST_BATCH`], then [`BATCH`].
    pub(super) limit: usize,
    /// Film files read since the last part, for the progress count.
    files: usize,
    bytes: u64,
}

impl<'a> Emitter<'a> {
    pub(super) fn new(options: &'a LoadOptions) -> Self {
        Emitter {
            plans: Vec::new(),
            options,
            next_collection: 0,
            names: NameCache::default(),
            batch: Vec::new(),
            limit: FIRST_BATCH,
            files: 0,
            bytes: 0,
        }
    }

    /// Reads, parses and (with `index`) indexes the `jobs` on every core, then takes them
    /// in order.
    pub(super) fn read(&mut self, jobs: &[Job], index: bool, sink: &mut dyn FnMut(Part)) {
        let (plans, options) = (&self.plans, self.options);
        let work = |&(c, r): &Job| {
            let (id, path) = &plans[c].reviews[r];
            let source = read(path, options);
            let size = source.bytes.as_ref().map_or(0, Vec::len) as u64;
            let parsed = source.parse(|path, bytes| parse_review(path, id, bytes));
            let indexed = match &parsed {
                Ok((review, _)) if index => Some(index_review(review)),
                _ => None,
            };
            (parsed, indexed, size)
        };
        let results: Vec<_> = jobs.par_iter().with_min_len(16).map(work).collect();
        for (job, parsed) in jobs.iter().zip(results) {
            self.take(job.0, parsed, sink);
        }
    }

    /// Takes the next review, of collection `c`: sends every collection up to `c` first.
    fn take(&mut self, c: usize, parsed: Parsed, sink: &mut dyn FnMut(Part)) {
        while self.next_collection <= c {
            self.flush(sink);
            self.send_collection(sink);
        }
        self.batch.push(parsed);
        if self.batch.len() >= self.limit {
            self.flush(sink);
            self.limit = BATCH;
        }
    }

    /// Sends what is left, and the collections that have no reviews.
    pub(super) fn finish(mut self, sink: &mut dyn FnMut(Part)) {
        self.flush(sink);
        while self.next_collection < self.plans.len() {
            self.send_collection(sink);
        }
        if self.files > 0 {
            sink(Part::Reviews {
                reviews: Vec::new(),
                indexed: Vec::new(),
                files: self.files,
                bytes: self.bytes,
            });
        }
    }

    pub(super) fn flush(&mut self, sink: &mut dyn FnMut(Part)) {
        if !self.batch.is_empty() {
            let batch = std::mem::take(&mut self.batch);
            sink_reviews(batch, (self.files, self.bytes), &mut self.names, sink);
            (self.files, self.bytes) = (0, 0);
        }
    }

    /// Reads and parses the next collection's film and sends it.
    pub(super) fn send_collection(&mut self, sink: &mut dyn FnMut(Part)) {
        let plan = &self.plans[self.next_collection];
        self.next_collection += 1;
        let name = plan.dir.file_name().map_or_else(
            || plan.dir.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let film_file = plan.film.as_deref().map(|p| read(p, self.options));
        if let Some(file) = &film_file {
            self.files += 1;
            self.bytes += file.bytes.as_ref().map_or(0, Vec::len) as u64;
        }
        let missing = plan.dir.join(FILM_FILE).display().to_string();
        let mut problems = plan.problems.clone();
        let (film, skipped) = film_of(&name, film_file, &missing, &mut problems);
        let full = fs::canonicalize(&plan.dir).unwrap_or_else(|_| plan.dir.clone());
        sink(Part::Collection(Collection {
            name: crate::data::sanitize_line(&name),
            key: full.display().to_string(),
            film,
            reviews: Vec::new(),
        }));
        if !problems.is_empty() || skipped > 0 {
            sink(problems_part(problems, skipped));
        }
    }
}

type Parsed = (
    Result<(Review, Vec<Diagnostic>), Diagnostic>,
    Option<Indexed>,
    u64,
);

pub(super) fn sink_reviews(
    parsed: Vec<Parsed>,
    (films, film_bytes): (usize, u64),
    names: &mut NameCache,
    sink: &mut dyn FnMut(Part),
) {
    let read = parsed.len() + films;
    let mut bytes = film_bytes;
    let mut reviews = Vec::with_capacity(parsed.len());
    let mut indexed = Vec::new();
    let mut diagnostics = Vec::new();
    let mut skipped = 0;
    for (result, index, size) in parsed {
        bytes += size;
        match result {
            Ok((mut review, warnings)) => {
                diagnostics.extend(warnings);
                names.share(&mut review);
                reviews.push(review);
                indexed.extend(index);
            }
            Err(e) => {
                diagnostics.push(e);
                skipped += 1;
            }
        }
    }
    sink(Part::Reviews {
        reviews,
        indexed,
        files: read,
        bytes,
    });
    if !diagnostics.is_empty() || skipped > 0 {
        sink(problems_part(diagnostics, skipped));
    }
}

/// The film, or a placeholder named after the folder; counts the film file when skipped.
pub(super) fn film_of(
    name: &str,
    source: Option<SourceFile>,
    missing_path: &str,
    problems: &mut Vec<Diagnostic>,
) -> (Film, usize) {
    let placeholder = || Film {
        title: crate::data::sanitize_line(name),
        ..Film::default()
    };
    let Some(source) = source else {
        // The reviews load all the same: a warning, as `import` says it, not an error.
        problems.push(Diagnostic::whole_file(
            missing_path,
            Severity::Warning,
            "missing film.toml: the film is shown by folder name until it has one",
        ));
        return (placeholder(), 0);
    };
    match source.parse(parse_film) {
        Ok((parsed, warnings)) => {
            problems.extend(warnings);
            (parsed, 0)
        }
        Err(e) => {
            problems.push(e);
            (placeholder(), 1)
        }
    }
}
