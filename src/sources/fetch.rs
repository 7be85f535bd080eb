//! Fetching every followed source: `jobs` worker threads fetch and map (the client keeps
//! to `per_host` connections per host), while the calling thread writes each source's
//! entries as it arrives and saves the state after it — so the reader's live reload shows
//! new reviews as they come, and a kill loses at most the source being written.
//!
//! A source that fails is reported with its reason and never stops the others.

mod one;
mod report;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

pub use report::{Counts, Report, SourceReport, Status};

use super::fetch_state::{self, FetchState};
use super::http::Client;
use super::subscriptions::Source;
use super::write::{Target, Writer};
use crate::config::FetchLimits;

/// What a fetch reports while it runs, for a progress bar or the reader's header.
#[derive(Debug)]
pub enum Progress<'a> {
    /// About to fetch this many sources.
    Started {
        /// How many.
        total: usize,
    },
    /// One source is done and written.
    Finished {
        /// How many are done, this one included.
        done: usize,
        /// How many in all.
        total: usize,
        /// What it did.
        report: &'a SourceReport,
    },
}

/// Fetches `sources` into the library at `library`, with `limits` (its `jobs` is the
/// parallelism), updating `state` and saving it to `state_path` after each source.
pub fn run(
    sources: &[Source],
    library: &Path,
    state: &mut FetchState,
    state_path: Option<&Path>,
    limits: &FetchLimits,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Report {
    let total = sources.len();
    progress(Progress::Started { total });
    let client = Client::new(limits);
    let known = state.urls.clone();
    let order = by_host_in_turn(sources);
    let next = AtomicUsize::new(0);
    let mut writer = Writer::new(Target::Library(library.to_path_buf()));
    let mut report = Report::default();
    std::thread::scope(|scope| {
        let (send, receive) = mpsc::channel();
        for _ in 0..limits.jobs.clamp(1, total.max(1)) {
            let send = send.clone();
            let (client, known, next, order) = (&client, &known, &next, &order);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(source) = order.get(i).and_then(|&i| sources.get(i)) else {
                        break;
                    };
                    let gathered = one::gather(client, source, known);
                    if send.send((source, gathered)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        for (source, gathered) in receive {
            let done = save(source, gathered, &mut writer, state);
            if let Some(path) = state_path
                && let Err(e) = fetch_state::save(path, state)
            {
                // The library is written; only the memory of it is lost, which costs a
                // full download next time, never a duplicate. Said once, at the end (the
                // reader's screen is no place for a stray line).
                let note = format!(
                    "cannot save the fetch state to {}: {e}",
                    crate::data::sanitize_line(&path.display().to_string())
                );
                if !report.notes.contains(&note) {
                    report.notes.push(note);
                }
            }
            progress(Progress::Finished {
                done: report.sources.len() + 1,
                total,
                report: &done,
            });
            report.sources.push(done);
        }
    });
    report
}

/// The sources' indices taking each host in turn (a source of host A, one of B, one of C,
/// then A again…), so the workers spread over the hosts instead of queueing at the first
/// host's `per_host` gate while the others sit idle.
fn by_host_in_turn(sources: &[Source]) -> Vec<usize> {
    let host = |url: &str| {
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        rest.split(['/', '?', '#'])
            .next()
            .unwrap_or(rest)
            .to_ascii_lowercase()
    };
    let mut hosts: Vec<(String, std::collections::VecDeque<usize>)> = Vec::new();
    for (i, source) in sources.iter().enumerate() {
        let h = host(&source.url);
        match hosts.iter_mut().find(|(known, _)| *known == h) {
            Some((_, queue)) => queue.push_back(i),
            None => hosts.push((h, std::collections::VecDeque::from([i]))),
        }
    }
    let mut order = Vec::with_capacity(sources.len());
    while order.len() < sources.len() {
        for (_, queue) in &mut hosts {
            if let Some(i) = queue.pop_front() {
                order.push(i);
            }
        }
    }
    order
}

/// Writes one source's entries and records its outcome in `state`.
fn save(
    source: &Source,
    gathered: Result<one::Gathered, String>,
    writer: &mut Writer,
    state: &mut FetchState,
) -> SourceReport {
    let mut counts = Counts::default();
    let mut kept = Vec::new();
    let status = match gathered {
        Err(reason) => Status::Failed(reason),
        Ok(gathered) => {
            let mut problems = gathered.problems;
            counts.skipped = gathered.skipped;
            for entry in &gathered.entries {
                match writer.write(state, &source.url, entry, false) {
                    Ok(written) => {
                        counts.add(&written);
                        if written.outcome == super::write::Outcome::KeptEdit {
                            kept.push(written.path);
                        }
                    }
                    Err(reason) => problems.push(reason),
                }
            }
            for (url, validators) in gathered.validators {
                let entry = state.urls.entry(url).or_default();
                entry.etag = validators.etag;
                entry.last_modified = validators.last_modified;
            }
            if !problems.is_empty() {
                Status::Failed(problems.join("; "))
            } else if gathered.not_modified {
                Status::NotModified
            } else {
                Status::Ok
            }
        }
    };
    let url_state = state.urls.entry(source.url.clone()).or_default();
    url_state.last_fetch = Some(fetch_state::now());
    url_state.status = Some(status.text());
    url_state.reviews += counts.new_reviews;
    SourceReport {
        name: source.name.clone(),
        url: source.url.clone(),
        status,
        counts,
        kept,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::subscriptions::{FullText, Kind};

    #[test]
    fn hosts_take_turns() {
        let sources: Vec<Source> = ["a/1", "a/2", "a/3", "b/1", "c/1", "b/2"]
            .iter()
            .map(|p| Source {
                name: (*p).into(),
                url: format!("http://{p}"),
                film: None,
                kind: Kind::Feed,
                full_text: FullText::Auto,
            })
            .collect();
        assert_eq!(by_host_in_turn(&sources), [0, 3, 4, 1, 5, 2]);
    }
}
