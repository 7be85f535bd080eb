//! `reelread fetch [NAME...] [--jobs N]`: every followed source (or the named ones) into
//! the library, a progress bar on a terminal, one line per failed source, one summary.

use std::io::IsTerminal as _;
use std::process::ExitCode;

use super::status;
use crate::config::Config;
use crate::data::sanitize_line;
use crate::sources::fetch::{self, Progress, Status};
use crate::sources::subscriptions::Source;

/// Options of `reelread fetch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only these sources (by name); all of them if none is given.
    names: Vec<String>,
    /// Sources fetched at once (default: the config's fetch.jobs).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    jobs: Option<u16>,
}

/// Runs the fetch; exit 2 when any source failed (the others are saved all the same),
/// 1 when no source is followed.
pub fn run(args: &Args, config: &Config) -> ExitCode {
    let (_, sources) = match super::follow::followed() {
        Ok(found) => found,
        Err(message) => {
            eprintln!("reelread fetch: {message}");
            return status::trouble();
        }
    };
    let chosen = match choose(&sources, &args.names) {
        Ok(chosen) => chosen,
        Err(message) => {
            eprintln!("reelread fetch: {}", sanitize_line(&message));
            return status::trouble();
        }
    };
    if chosen.is_empty() {
        eprintln!("No sources followed yet. Add one with: reelread follow URL");
        return status::nothing();
    }
    let Some(library) = crate::config::library_path(config) else {
        eprintln!("reelread fetch: cannot find the data folder for the library (is HOME set?)");
        return status::trouble();
    };
    let mut limits = config.fetch;
    if let Some(jobs) = args.jobs {
        limits.jobs = usize::from(jobs);
    }
    let (state_path, mut state) = super::follow::state();
    let bar = progress_bar(chosen.len());
    let report = fetch::run(
        &chosen,
        &library,
        &mut state,
        state_path.as_deref(),
        &limits,
        &mut |p| {
            if let (Some(bar), Progress::Finished { report, .. }) = (&bar, p) {
                bar.set_message(format!("(last done: {})", report.name));
                bar.inc(1);
            }
        },
    );
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    for failed in report.failures() {
        if let Status::Failed(reason) = &failed.status {
            eprintln!(
                "{}: {}: {}",
                sanitize_line(&failed.name),
                sanitize_line(&failed.url),
                sanitize_line(reason)
            );
        }
    }
    for copy in report.sources.iter().flat_map(|s| &s.kept) {
        let copy = sanitize_line(&copy.display().to_string());
        let file = copy.replace(".fetched.toml", ".toml");
        eprintln!("kept your edit of {file}; the fetched version is beside it: {copy}");
    }
    for note in &report.notes {
        eprintln!("reelread fetch: {note}");
    }
    println!("{}", report.summary());
    if report.failures().next().is_some() {
        status::trouble()
    } else {
        status::found()
    }
}

/// The named sources, in the file's order, or all of them.
fn choose(sources: &[Source], names: &[String]) -> Result<Vec<Source>, String> {
    if let Some(unknown) = names
        .iter()
        .find(|n| !sources.iter().any(|s| &s.name == *n))
    {
        return Err(format!(
            "no source named `{unknown}`; `reelread sources` lists them"
        ));
    }
    Ok(sources
        .iter()
        .filter(|s| names.is_empty() || names.contains(&s.name))
        .cloned()
        .collect())
}

/// A bar on stderr when it is a terminal; nothing when output goes to a file or a pipe.
fn progress_bar(total: usize) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    let style =
        indicatif::ProgressStyle::with_template("Fetching {pos}/{len} sources {bar:30} {wide_msg}")
            .ok()?;
    bar.set_style(style);
    Some(bar)
}
