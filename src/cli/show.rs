//! `reelread show`: a review as plain text, laid out exactly as in the reading pane.

use std::path::PathBuf;
use std::process::ExitCode;

use ratatui::text::Line;

use super::paint::{self, Paint};
use super::{select, status};
use crate::data::Library;
use crate::doc::{self, Options};

/// Options of `reelread show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The review's ID, as `list` prints it; FILM/ID names one of several films' reviews.
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

/// Prints the review `args.id` names; exit 2 when it names none or several.
pub fn run(library: &Library, args: &Args, date_format: &str, paint: Paint) -> ExitCode {
    let review = match select::named(library, &args.id) {
        select::Named::One(review) => review,
        other => return select::refuse("show", library, &args.id, &other),
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
    let Some(text) = args.grep.as_deref() else {
        for line in &laid_out.lines {
            println!("{}", paint.line(&trimmed(&line.line)));
        }
        return status::found();
    };
    // Each matching line with the byte ranges of its matches, top to bottom.
    let mut matched: std::collections::BTreeMap<usize, Vec<(usize, usize)>> =
        std::collections::BTreeMap::new();
    for hit in doc::search(&laid_out, text) {
        for segment in hit.segments {
            matched
                .entry(segment.line)
                .or_default()
                .push((segment.start, segment.end));
        }
    }
    let number_width = laid_out.lines.len().to_string().len();
    for (&line, ranges) in &matched {
        let plain = laid_out
            .lines
            .get(line)
            .map(doc::DocLine::plain)
            .unwrap_or_default();
        let number = paint.paint(&format!("{:>number_width$}:", line + 1), paint::DIM);
        println!("{number} {}", marked(paint, plain.trim_end(), ranges));
    }
    if matched.is_empty() {
        eprintln!(
            "No match for “{}” in {}.",
            crate::data::sanitize_line(text),
            crate::data::sanitize_line(&args.id)
        );
        return status::nothing();
    }
    status::found()
}

/// A line with its matches painted as grep paints them.
fn marked(paint: Paint, line: &str, ranges: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    for &(start, end) in ranges {
        let (start, end) = (start.max(at).min(line.len()), end.min(line.len()));
        if start >= end || !line.is_char_boundary(start) || !line.is_char_boundary(end) {
            continue;
        }
        out.push_str(&line[at..start]);
        out.push_str(&paint.paint(&line[start..end], paint::MATCH));
        at = end;
    }
    out.push_str(&line[at..]);
    out
}

/// A line without its trailing blanks (the layout pads some), styles kept.
fn trimmed(line: &Line<'static>) -> Line<'static> {
    let mut line = line.clone();
    while let Some(last) = line.spans.last_mut() {
        let kept = last.content.trim_end().len();
        if kept > 0 {
            last.content = last.content[..kept].to_owned().into();
            break;
        }
        line.spans.pop();
    }
    line
}
