//! `reelread check`: every problem as `path:line:column: message` and a summary line.

use std::process::ExitCode;

use super::paint::{self, Paint};
use super::status;
use crate::data::Library;

/// Prints every problem and the summary; exit 1 when any is an error, 2 when there was
/// nothing to check (no such folder, or no collection in it).
pub fn run(library: &Library, config: &crate::config::Loaded, paint: Paint) -> ExitCode {
    for d in &library.diagnostics {
        println!("{}", paint.diagnostic(d));
    }
    // Config problems were already printed on stderr when it loaded; count them here too.
    for d in &config.diagnostics {
        println!("{}", paint.diagnostic(d));
    }
    // The followed sources are settings too: a bad entry is found here, not at fetch time.
    let sources = crate::sources::subscriptions::default_path()
        .map(|p| crate::sources::subscriptions::load(&p).diagnostics)
        .unwrap_or_default();
    for d in &sources {
        println!("{}", paint.diagnostic(d));
    }
    let reviews = library.reviews().count();
    let comments: usize = library.reviews().map(|(_, r)| r.comments.len()).sum();
    let settings = config.diagnostics.iter().chain(&sources);
    let config_errors = settings.clone().filter(|d| d.is_error()).count();
    let errors = library.error_count() + config_errors;
    let warnings = library.diagnostics.len() + settings.count() - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let counted = |n: usize, word: &str, style| {
        let text = plural(n, word);
        if n == 0 {
            text
        } else {
            paint.paint(&text, style)
        }
    };
    println!(
        "{}, {}, {}, {}, {}",
        plural(library.collections.len(), "collection"),
        plural(reviews, "review"),
        plural(comments, "comment"),
        counted(errors, "error", paint::ERROR),
        counted(warnings, "warning", paint::WARNING),
    );
    if library.collections.is_empty() {
        status::trouble()
    } else if errors == 0 {
        status::found()
    } else {
        status::nothing()
    }
}
