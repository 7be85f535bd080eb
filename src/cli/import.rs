//! `reelread import FILE|URL [--into DIR] [--film "TITLE (YEAR)"] [--reviewer NAME]
//! [--force]`: a plain-text review, an HTML page (a file or a URL), a feed file or a
//! Letterboxd export, written into the library (or `--into DIR`) as collection files.

mod entries;
mod text;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::config::Config;
use crate::sources::FilmRef;
use crate::sources::write::{Target, is_collection};

/// Options of `reelread import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A plain-text review, an HTML page (.html, .htm or an http(s) URL), a feed file
    /// (.xml, .rss, .atom), or a Letterboxd export (reviews.csv, diary.csv, its .zip or
    /// unpacked folder).
    #[arg(value_name = "FILE|URL")]
    file: String,
    /// A collection to write into (it has film.toml or reviews/), else a library in which
    /// each film's collection is found or created (default: your library).
    #[arg(long, value_name = "DIR")]
    into: Option<PathBuf>,
    /// The film the imported reviews are about, as "TITLE (YEAR)".
    #[arg(long, value_name = "TITLE (YEAR)")]
    film: Option<String>,
    /// The reviewer, when the source does not name one.
    #[arg(long, value_name = "NAME")]
    reviewer: Option<String>,
    /// Replace a review file you edited (or deleted) since it was written.
    #[arg(long)]
    force: bool,
}

/// What every kind of import needs: where to write and what the person said.
pub(super) struct Plan {
    target: Target,
    film: Option<FilmRef>,
    reviewer: Option<String>,
    force: bool,
}

/// Why an import wrote nothing (or not everything).
pub(super) enum Failed {
    /// The file holds no review (empty, or a feed without one): exit 1.
    Nothing(String),
    /// It could not be read or written: exit 2.
    Error(String),
    /// Some reviews could not be written; each was said already: exit 2.
    Said,
}

impl From<String> for Failed {
    fn from(message: String) -> Self {
        Self::Error(message)
    }
}

impl From<&str> for Failed {
    fn from(message: &str) -> Self {
        Self::Error(message.to_owned())
    }
}

/// Runs the import, reporting any failure on stderr: exit 1 when the file holds no
/// review, 2 when a review could not be read or written.
pub fn run(args: &Args, config: &Config) -> ExitCode {
    let say = |message: &str| eprintln!("reelread import: {}", crate::data::sanitize_line(message));
    match plan(args, config)
        .map_err(Failed::from)
        .and_then(|plan| dispatch(args, config, &plan))
    {
        Ok(()) => super::status::found(),
        Err(Failed::Nothing(message)) => {
            say(&message);
            super::status::nothing()
        }
        Err(Failed::Error(message)) => {
            say(&message);
            super::status::trouble()
        }
        Err(Failed::Said) => super::status::trouble(),
    }
}

/// A path as it may be printed: no control character from a file name reaches the terminal.
pub(super) fn shown(path: &Path) -> String {
    crate::data::sanitize_line(&path.display().to_string())
}

fn plan(args: &Args, config: &Config) -> Result<Plan, String> {
    let film = args
        .film
        .as_deref()
        .map(crate::sources::subscriptions::parse_film)
        .transpose()
        .map_err(|e| format!("--film: {e}"))?;
    let target = match &args.into {
        Some(dir) if !dir.is_dir() => {
            return Err(format!(
                "{} is not a folder: --into names a collection or a library (create it first)",
                shown(dir)
            ));
        }
        Some(dir) if is_collection(dir) => Target::Collection(dir.clone()),
        Some(dir) => Target::Library(dir.clone()),
        None => Target::Library(crate::config::library_path(config).ok_or(
            "cannot find the data folder for the library (is HOME set?); pass --into DIR",
        )?),
    };
    let reviewer = args
        .reviewer
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned);
    Ok(Plan {
        target,
        film,
        reviewer,
        force: args.force,
    })
}

/// Which importer the file or URL is for.
fn dispatch(args: &Args, config: &Config, plan: &Plan) -> Result<(), Failed> {
    let name = args.file.trim();
    if name.starts_with("http://") || name.starts_with("https://") {
        return entries::from_url(name, config, plan);
    }
    let path = Path::new(name);
    if !path.exists() {
        return Err(Failed::Error(format!(
            "cannot read {}: no such file or folder",
            shown(path)
        )));
    }
    if crate::sources::letterboxd_export::is_export(path) {
        return entries::from_export(path, plan);
    }
    if path.is_dir() {
        return Err(Failed::Error(format!(
            "{} is a folder but not a Letterboxd export (no reviews.csv or diary.csv in it)",
            shown(path)
        )));
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => entries::from_page_file(path, plan),
        "xml" | "rss" | "atom" => entries::from_feed_file(path, plan),
        _ => text::import(path, plan),
    }
}
