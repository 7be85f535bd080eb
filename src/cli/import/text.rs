//! A plain-text review (copied off a web page) into `reviews/ID.toml` for a person to
//! correct, printing what was guessed.

use std::fs;
use std::path::Path;

use super::{Failed, Plan, shown};
use crate::data::{MAX_FILE_BYTES, parse_review, read_regular, without_bom};
use crate::sources::FilmFacts;
use crate::sources::write::{Target, Writer};

/// Guesses the review in the text at `path` and writes it where `plan` says.
pub(super) fn import(file: &Path, plan: &Plan) -> Result<(), Failed> {
    // The loader's checks: a regular file within its size limit, UTF-16 refused, a byte
    // order mark dropped.
    let bytes = read_regular(file, MAX_FILE_BYTES).map_err(|e| format!("{}: {e}", shown(file)))?;
    let bytes = without_bom(&bytes).map_err(|e| format!("{}: {e}", shown(file)))?;
    if let Some(why) = not_text(bytes) {
        return Err(format!(
            "{} is not text ({why}): nothing to import; import takes a review copied as text, a page, a feed or a Letterboxd export",
            shown(file)
        )
        .into());
    }
    let (text, lossy) = match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), false),
        Err(_) => (String::from_utf8_lossy(bytes).into_owned(), true),
    };
    if text.trim().is_empty() {
        return Err(Failed::Nothing(format!(
            "{} is empty: nothing to import",
            shown(file)
        )));
    }
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut guess = crate::import::guess(&text, &stem);
    if lossy {
        guess.add_note("text: not valid UTF-8; undecodable bytes became U+FFFD (�)");
    }
    let check = |toml: &str| {
        parse_review("the guessed file", &guess.id, toml.as_bytes()).map_err(|d| {
            format!("bug: the guessed file would not load, so nothing was written: {d}")
        })
    };
    let (review, _) = check(&guess.toml)?;
    let mut toml = guess.toml.clone();
    if let (None, Some(name)) = (&review.reviewer, &plan.reviewer) {
        toml = with_reviewer(&toml, name);
    }
    let (dir, unsorted) = match &plan.target {
        Target::Collection(dir) => (dir.clone(), false),
        Target::Library(_) => Writer::new(plan.target.clone()).collection(
            plan.film.as_ref(),
            &FilmFacts::default(),
            &review.title,
            &shown(file),
        )?,
    };
    let path = dir.join("reviews").join(format!("{}.toml", guess.id));
    let (_, warnings) = parse_review(&shown(&path), &guess.id, toml.as_bytes()).map_err(|d| {
        format!("bug: the guessed file would not load, so nothing was written: {d}")
    })?;
    if toml.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "the review guessed from {} would be {} bytes, over the loader's {} MiB limit; nothing was written",
            shown(file),
            toml.len(),
            MAX_FILE_BYTES / (1024 * 1024)
        )
        .into());
    }
    if fs::symlink_metadata(&path).is_ok() && !plan.force {
        return Err(format!(
            "{} already exists; nothing was written (pass --force to replace it)",
            shown(&path)
        )
        .into());
    }
    crate::atomic::write(&path, toml.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", shown(&path)))?;
    println!("wrote {}", shown(&path));
    for note in &guess.notes {
        println!("  guessed: {note}");
    }
    for warning in &warnings {
        println!("  {warning}");
    }
    if unsorted {
        println!(
            "  note: the film is unknown, so it went to {}; pass --film \"TITLE (YEAR)\" to file it",
            shown(&dir)
        );
    } else if !dir.join("film.toml").is_file() {
        println!(
            "  note: {} has no film.toml yet; the film is shown by folder name until it has one",
            shown(&dir)
        );
    }
    println!(
        "Check every field, then run: reelread check {}",
        shown(&dir)
    );
    Ok(())
}

/// Why `bytes` are not text, if they are not: NUL bytes (no text file has them; a program,
/// an image or an archive does), or mostly bytes that are not UTF-8 (a Latin-1 file has
/// a few, and is imported with stand-ins).
fn not_text(bytes: &[u8]) -> Option<&'static str> {
    if bytes.contains(&0) {
        return Some("it holds NUL bytes");
    }
    let decoded = String::from_utf8_lossy(bytes);
    let bad = decoded.chars().filter(|&c| c == '\u{fffd}').count();
    let all = decoded.chars().count().max(1);
    (bad * 10 > all).then_some("most of it is not UTF-8")
}

/// The review file with `reviewer = NAME` after its title line.
fn with_reviewer(toml: &str, name: &str) -> String {
    let line = format!("reviewer = {}\n", crate::import::toml_value(name));
    let mut out = String::with_capacity(toml.len() + line.len());
    let mut done = false;
    for l in toml.split_inclusive('\n') {
        out.push_str(l);
        if !done && l.starts_with("title = ") {
            out.push_str(&line);
            done = true;
        }
    }
    out
}
