//! `reelread import FILE [--into DIR] [--force]`: turns a plain-text review into
//! `DIR/reviews/ID.toml` for a person to correct, printing what was guessed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::data::{parse_review, sanitize_line};

/// Options of `reelread import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plain-text file.
    file: PathBuf,
    /// Collection folder to write into (its reviews/ folder is created if needed).
    #[arg(long, value_name = "DIR", default_value = ".")]
    into: PathBuf,
    /// Replace an existing review file.
    #[arg(long)]
    force: bool,
}

/// Runs the import, reporting any failure on stderr; exit 1 when nothing was written.
pub fn run(args: &Args) -> ExitCode {
    match import(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("reelread import: {message}");
            ExitCode::FAILURE
        }
    }
}

/// A path as it may be printed: no control character from a file name reaches the terminal.
fn shown(path: &Path) -> String {
    sanitize_line(&path.display().to_string())
}

fn import(args: &Args) -> Result<(), String> {
    let bytes =
        fs::read(&args.file).map_err(|e| format!("cannot read {}: {e}", shown(&args.file)))?;
    let (text, lossy) = match String::from_utf8(bytes) {
        Ok(text) => (text, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    };
    if text.trim().is_empty() {
        return Err(format!("{} is empty: nothing to import", shown(&args.file)));
    }
    if !args.into.is_dir() {
        return Err(format!(
            "{} is not a folder: --into names the collection folder to write into",
            shown(&args.into)
        ));
    }
    let stem = args
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut guess = crate::import::guess(&text, &stem);
    if lossy {
        guess.add_note("text: not valid UTF-8; undecodable bytes became U+FFFD (�)");
    }
    let path = args.into.join("reviews").join(format!("{}.toml", guess.id));
    let (_, warnings) =
        parse_review(&shown(&path), &guess.id, guess.toml.as_bytes()).map_err(|d| {
            format!("bug: the guessed file would not load, so nothing was written: {d}")
        })?;
    if fs::symlink_metadata(&path).is_ok() && !args.force {
        return Err(format!(
            "{} already exists; nothing was written (pass --force to replace it)",
            shown(&path)
        ));
    }
    crate::atomic::write(&path, guess.toml.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", shown(&path)))?;
    println!("wrote {}", shown(&path));
    for note in &guess.notes {
        println!("  guessed: {note}");
    }
    for warning in &warnings {
        println!("  {warning}");
    }
    if !args.into.join("film.toml").is_file() {
        println!(
            "  note: {} has no film.toml yet; the film is shown by folder name until it has one",
            shown(&args.into)
        );
    }
    println!(
        "Check every field, then run: reelread check {}",
        shown(&args.into)
    );
    Ok(())
}
