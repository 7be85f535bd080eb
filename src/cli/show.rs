//! `reelread show`: a review as plain text, laid out exactly as in the reading pane.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::data::Library;
use crate::doc::{self, Options};

/// Options of `reelread show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The review's ID, as `list` prints it.
    id: String,
    /// Collection or library folder (bundled collection if omitted).
    pub dir: Option<PathBuf>,
    /// Wrap to this many columns.
    #[arg(long, value_name = "N", default_value_t = 80, value_parser = clap::value_parser!(u16).range(20..))]
    width: u16,
    /// Print only the lines with a match for TEXT (any case), numbered; exit 1 if none.
    #[arg(long, value_name = "TEXT")]
    grep: Option<String>,
    /// Show text between || markers instead of hiding it.
    #[arg(long)]
    spoilers: bool,
}

pub fn run(library: &Library, args: &Args, date_format: &str) -> ExitCode {
    let found = library
        .reviews()
        .find(|(c, r)| library.qualified_id(c, r) == args.id || r.id == args.id);
    let Some((_, review)) = found else {
        eprintln!(
            "reelread: no review with ID `{}`; `reelread list` shows the IDs",
            crate::data::sanitize(&args.id)
        );
        return ExitCode::FAILURE;
    };
    let options = Options {
        width: usize::from(args.width),
        reveal_spoilers: args.spoilers,
        collapse_comments: false,
        spoiler_label: doc::spoiler::CLI_PLACEHOLDER,
        // Laid-out reviews borrow the pattern for the whole (short) run.
        date_format: Box::leak(date_format.to_owned().into_boxed_str()),
        ..Options::default()
    };
    let laid_out = doc::build(review, &options);
    let lines = laid_out.plain_lines();
    let Some(text) = args.grep.as_deref() else {
        for line in &lines {
            println!("{}", line.trim_end());
        }
        return ExitCode::SUCCESS;
    };
    let mut matched: Vec<usize> = doc::search(&laid_out, text)
        .iter()
        .flat_map(|hit| hit.segments.iter().map(|s| s.line))
        .collect();
    matched.dedup();
    let number_width = lines.len().to_string().len();
    for &line in &matched {
        println!("{:>number_width$}: {}", line + 1, lines[line].trim_end());
    }
    if matched.is_empty() {
        eprintln!(
            "No match for “{}” in {}.",
            crate::data::sanitize_line(text),
            crate::data::sanitize_line(&args.id)
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
