//! Imports that give entries — a page, a feed file, a Letterboxd export, a URL — written
//! by the same writer as `fetch`: films found or created, no duplicates on a second
//! import, a person's edits kept unless `--force`.

use std::fmt::Write as _;
use std::path::Path;

use super::{Failed, Plan, shown};
use crate::config::Config;
use crate::sources::fetch::Counts;
use crate::sources::http::{Client, Response, Validators};
use crate::sources::write::{Outcome, Writer};
use crate::sources::{Mapped, feed, letterboxd_export, map, page};

/// More entries than this are summed up rather than listed one line each.
const LISTED: usize = 20;

/// An http(s) URL: a page (its article) or a feed, fetched once.
pub(super) fn from_url(url: &str, config: &Config, plan: &Plan) -> Result<(), Failed> {
    crate::sources::subscriptions::check_url(url)?;
    let client = Client::new(&config.fetch);
    let Response::Fetched(fetched) = client
        .get(url, &Validators::default())
        .map_err(|e| format!("{url}: {e}"))?
    else {
        return Err(format!("{url}: the server answered 304 to a plain request").into());
    };
    let mapped = if feed::looks_like_feed(&fetched.body) {
        from_feed_bytes(&fetched.body).map_err(|e| format!("{url}: {e}"))?
    } else {
        let html = String::from_utf8_lossy(&fetched.body);
        let mut page = page::extract(&html, &fetched.url).map_err(|e| format!("{url}: {e}"))?;
        if let Some(comments_url) = page::comment_feed(&html, &fetched.url)
            && let Ok(Response::Fetched(f)) = client.get(&comments_url, &Validators::default())
            && let Ok(parsed) = feed::parse(&f.body)
        {
            page.entry.review.comments = map::comments(&parsed);
        }
        one(page.entry)
    };
    write(mapped, url, plan)
}

/// A saved HTML page: its article, not the page.
pub(super) fn from_page_file(path: &Path, plan: &Plan) -> Result<(), Failed> {
    let bytes = read(path)?;
    let html = String::from_utf8_lossy(&bytes);
    let url = canonical_file_url(path);
    let mut page = page::extract(&html, &url).map_err(|e| format!("{}: {e}", shown(path)))?;
    // The file's own address is no place a reader can open; a canonical link is.
    let review = &mut page.entry.review;
    if review
        .url
        .as_deref()
        .is_some_and(|u| u.starts_with("file:"))
    {
        review.url = None;
    }
    write(one(page.entry), &shown(path), plan)
}

/// A feed file, imported once.
pub(super) fn from_feed_file(path: &Path, plan: &Plan) -> Result<(), Failed> {
    let bytes = read(path)?;
    let mapped = from_feed_bytes(&bytes).map_err(|e| format!("{}: {e}", shown(path)))?;
    write(mapped, &shown(path), plan)
}

/// A Letterboxd export: reviews.csv, diary.csv, the zip or the unpacked folder.
pub(super) fn from_export(path: &Path, plan: &Plan) -> Result<(), Failed> {
    let mapped = letterboxd_export::read(path, plan.reviewer.as_deref())?;
    write(mapped, &shown(path), plan)
}

/// A page or feed file, with the loader's checks: a regular file of at most its 16 MiB.
fn read(path: &Path) -> Result<Vec<u8>, String> {
    crate::data::read_regular(path, crate::data::MAX_FILE_BYTES)
        .map_err(|e| format!("{}: {e}", shown(path)))
}

/// A page saved to disk has no address; its links are resolved against the file's.
fn canonical_file_url(path: &Path) -> String {
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    format!("file://{}", absolute.display())
}

fn from_feed_bytes(bytes: &[u8]) -> Result<Mapped, String> {
    let parsed = feed::parse(bytes).map_err(|e| e.to_string())?;
    Ok(map::entries(&parsed, &map::MapOptions::default()))
}

fn one(entry: crate::sources::Entry) -> Mapped {
    Mapped {
        entries: vec![entry],
        skipped: 0,
        title: None,
    }
}

/// Writes every entry, saving the fetch state (so a second import updates in place), and
/// prints what was done.
fn write(mut mapped: Mapped, origin: &str, plan: &Plan) -> Result<(), Failed> {
    if mapped.entries.is_empty() {
        return Err(Failed::Nothing(match mapped.skipped {
            0 => format!("{origin}: no reviews found"),
            n => format!("{origin}: no reviews found ({n} skipped: not reviews)"),
        }));
    }
    for entry in &mut mapped.entries {
        if plan.film.is_some() {
            entry.film.clone_from(&plan.film);
        }
        if entry.review.reviewer.is_none() {
            entry.review.reviewer = plan.reviewer.as_deref().map(Into::into);
        }
    }
    if mapped.entries.iter().all(|e| e.review.reviewer.is_none()) {
        println!("note: the source names no reviewer; pass --reviewer NAME to say who wrote these");
    }
    let (state_path, mut state) = crate::cli::follow::state();
    let mut writer = Writer::new(plan.target.clone());
    let mut counts = Counts {
        skipped: mapped.skipped,
        ..Counts::default()
    };
    let mut failures = Vec::new();
    let mut collections = std::collections::BTreeSet::new();
    let list = mapped.entries.len() <= LISTED;
    // The file's full path (or the URL), so an import from another folder is another one.
    let absolute = std::fs::canonicalize(origin)
        .map_or_else(|_| origin.to_owned(), |p| p.display().to_string());
    let origin_key = format!("import {absolute}");
    for entry in &mapped.entries {
        match writer.write(&mut state, &origin_key, entry, plan.force) {
            Ok(written) => {
                counts.add(&written);
                if let Some(dir) = written.path.parent().and_then(Path::parent) {
                    collections.insert(dir.to_path_buf());
                }
                if list {
                    println!("{}", said(written.outcome, &written.path));
                }
            }
            Err(reason) => failures.push(reason),
        }
    }
    if let Some(path) = &state_path
        && let Err(e) = crate::sources::fetch_state::save(path, &state)
    {
        eprintln!("reelread import: cannot save the fetch state: {e}");
    }
    for failure in &failures {
        eprintln!("reelread import: {}", crate::data::sanitize_line(failure));
    }
    println!(
        "{} new review{} · {} updated · {} unchanged · in {} collection{}{}",
        counts.new_reviews,
        if counts.new_reviews == 1 { "" } else { "s" },
        counts.updated,
        counts.unchanged,
        collections.len(),
        if collections.len() == 1 { "" } else { "s" },
        extras(&counts)
    );
    if failures.len() == mapped.entries.len() {
        return Err(format!("nothing from {origin} was written").into());
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(Failed::Said)
    }
}

/// What else the summary says: skipped items, `unsorted`, kept edits.
fn extras(counts: &Counts) -> String {
    let mut out = String::new();
    if counts.skipped > 0 {
        {
            let _ = write!(out, " · {} skipped (not reviews)", counts.skipped);
        };
    }
    if counts.unsorted > 0 {
        {
            let _ = write!(
                out,
                " · {} in unsorted (film unknown; pass --film)",
                counts.unsorted
            );
        };
    }
    if counts.kept_edits > 0 {
        {
            let _ = write!(
                out,
                " · {} edited file(s) kept (--force replaces them)",
                counts.kept_edits
            );
        };
    }
    if counts.deleted > 0 {
        {
            let _ = write!(
                out,
                " · {} deleted file(s) not brought back (--force does)",
                counts.deleted
            );
        };
    }
    out
}

fn said(outcome: Outcome, path: &Path) -> String {
    let path = shown(path);
    match outcome {
        Outcome::New => format!("wrote {path}"),
        Outcome::Updated => format!("updated {path}"),
        Outcome::Unchanged => format!("unchanged {path}"),
        Outcome::KeptEdit => format!("kept your edit; the import is in {path}"),
        Outcome::Deleted => format!("not brought back (you deleted it): {path}"),
    }
}
