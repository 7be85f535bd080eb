//! A Letterboxd export (Settings → Data → Export): its `reviews.csv` (or `diary.csv`) read
//! into entries, from the CSV file itself, the unpacked folder or the `.zip` as downloaded.
//!
//! This file finds the CSV and reads it within limits (a zip is a stranger's file: no member
//! may unpack past 64 MiB, no archive may hold over 10,000 members); `rows` turns its
//! records into entries.

mod rows;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read, Seek};
use std::path::Path;

use super::Mapped;

/// The CSV files that hold reviews, the one read first when an export has both.
const REVIEW_FILES: [&str; 2] = ["reviews.csv", "diary.csv"];

/// Folders of an export that hold CSV files of the same names, not the reviews in force.
const SUBFOLDERS: [&str; 2] = ["deleted", "orphaned"];

/// The export's account details, for the reviewer's name.
const PROFILE: &str = "profile.csv";

/// How much of a stranger's file is read.
#[derive(Debug, Clone, Copy)]
struct Limits {
    /// Bytes read from one file or zip member, after unpacking.
    file_bytes: u64,
    /// Members a zip may hold.
    members: usize,
}

/// The limits in force for every export read.
const LIMITS: Limits = Limits {
    file_bytes: 64 * 1024 * 1024,
    members: 10_000,
};

/// Reads a Letterboxd export: `reviews.csv` or `diary.csv` given directly, the export's
/// unpacked folder, or its `.zip`, so a person can import what Letterboxd gave them as it
/// came. The reviewer is the export's `profile.csv` username, else `reviewer`.
pub fn read(path: &Path, reviewer: Option<&str>) -> Result<Mapped, String> {
    read_within(path, reviewer, LIMITS)
}

/// Whether `path` looks like a Letterboxd export (a `.zip` or folder holding `reviews.csv`
/// or `diary.csv`, or a file of that name), so an import can tell it from a feed or a page.
#[must_use]
pub fn is_export(path: &Path) -> bool {
    if path.is_dir() {
        return REVIEW_FILES.iter().any(|f| path.join(f).is_file());
    }
    if is_zip(path) {
        return File::open(path)
            .ok()
            .and_then(|f| zip::ZipArchive::new(f).ok())
            .is_some_and(|archive| {
                archive.len() <= LIMITS.members && review_member(&archive).is_some()
            });
    }
    path.is_file()
        && path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| REVIEW_FILES.iter().any(|f| n.eq_ignore_ascii_case(f)))
}

fn read_within(path: &Path, reviewer: Option<&str>, limits: Limits) -> Result<Mapped, String> {
    let shown = path.display();
    let metadata = std::fs::metadata(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    if metadata.is_dir() {
        let Some(name) = REVIEW_FILES.into_iter().find(|f| path.join(f).is_file()) else {
            return Err(format!(
                "{shown}: no reviews.csv or diary.csv in this folder; is it a Letterboxd export?"
            ));
        };
        let csv = read_file(&path.join(name), limits)?;
        let profile = path.join(PROFILE);
        let username = if profile.is_file() {
            rows::username(&read_file(&profile, limits)?)
        } else {
            None
        };
        return rows::entries(name, &csv, username.as_deref().or(reviewer));
    }
    if is_zip(path) || has_zip_extension(path) {
        return read_zip(path, reviewer, limits);
    }
    let name = path
        .file_name()
        .map_or_else(|| shown.to_string(), |n| n.to_string_lossy().into_owned());
    rows::entries(&name, &read_file(path, limits)?, reviewer)
}

fn read_zip(path: &Path, reviewer: Option<&str>, limits: Limits) -> Result<Mapped, String> {
    let shown = path.display();
    let file = File::open(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let mut archive =
        zip::ZipArchive::new(file).map_err(|e| format!("{shown}: not a readable zip: {e}"))?;
    if archive.len() > limits.members {
        return Err(format!(
            "{shown}: the zip holds {} files, over the limit of {}; not read",
            archive.len(),
            limits.members
        ));
    }
    let Some((member, name)) = review_member(&archive) else {
        return Err(format!(
            "{shown}: no reviews.csv or diary.csv in this zip; is it a Letterboxd export?"
        ));
    };
    let csv = read_member(&mut archive, &member, limits, path)?;
    let profile = format!("{}{PROFILE}", prefix(&member));
    let username = if archive.index_for_name(&profile).is_some() {
        rows::username(&read_member(&mut archive, &profile, limits, path)?)
    } else {
        None
    };
    rows::entries(name, &csv, username.as_deref().or(reviewer))
}

/// The member to read and the file name it stands for: `reviews.csv` before `diary.csv`,
/// at the top of the zip or inside the one folder that holds everything (an export zipped
/// again as its folder). `deleted/` and `orphaned/` hold files of the same names, so only
/// those two places count.
fn review_member<R: Read + Seek>(archive: &zip::ZipArchive<R>) -> Option<(String, &'static str)> {
    let names: Vec<Cow<'_, str>> = archive.file_names().filter_map(Result::ok).collect();
    let names: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
    let top = names
        .first()
        .and_then(|n| n.split_once('/'))
        .map(|(t, _)| t);
    let wrapper = top.filter(|t| {
        !SUBFOLDERS.contains(t)
            && names
                .iter()
                .all(|n| n.split_once('/').is_some_and(|(f, _)| f == *t))
    });
    REVIEW_FILES.into_iter().find_map(|file| {
        let candidates = [
            Some(file.to_owned()),
            wrapper.map(|w| format!("{w}/{file}")),
        ];
        candidates
            .into_iter()
            .flatten()
            .find(|c| names.contains(&c.as_str()))
            .map(|c| (c, file))
    })
}

/// The folder part of a member's name, with its slash (empty at the top).
fn prefix(member: &str) -> &str {
    member.rfind('/').map_or("", |i| &member[..=i])
}

fn read_member(
    archive: &mut zip::ZipArchive<File>,
    member: &str,
    limits: Limits,
    path: &Path,
) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let entry = archive
        .by_name(member)
        .map_err(|e| format!("{shown}: cannot unpack {member}: {e}"))?;
    read_capped(entry, limits.file_bytes).map_err(|e| match e {
        Capped::Over => format!(
            "{shown}: {member} unpacks to over {}; not read",
            size(limits.file_bytes)
        ),
        Capped::Io(e) => format!("{shown}: cannot unpack {member}: {e}"),
    })
}

fn read_file(path: &Path, limits: Limits) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let file = File::open(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    read_capped(file, limits.file_bytes).map_err(|e| match e {
        Capped::Over => format!("{shown}: over {}; not read", size(limits.file_bytes)),
        Capped::Io(e) => format!("cannot read {shown}: {e}"),
    })
}

/// Why a capped read stopped.
enum Capped {
    Over,
    Io(io::Error),
}

/// Reads at most `limit` bytes, counting what arrives rather than trusting a stated size.
fn read_capped(reader: impl Read, limit: u64) -> Result<Vec<u8>, Capped> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Capped::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Capped::Over);
    }
    Ok(bytes)
}

/// A zip by its first bytes (a local file header, or the end record of an empty archive),
/// whatever the file is named.
fn is_zip(path: &Path) -> bool {
    let mut magic = [0u8; 4];
    // Only a regular file is opened: opening a FIFO waits for a writer.
    path.is_file()
        && File::open(path)
            .and_then(|mut f| f.read_exact(&mut magic))
            .is_ok()
        && (magic == *b"PK\x03\x04" || magic == *b"PK\x05\x06")
}

fn has_zip_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// A limit as a person reads it.
fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}
