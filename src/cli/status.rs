//! One exit status for every command, grep's: 0 when the command found (or did) what was
//! asked, 1 when it worked but found nothing, 2 for a usage or data error. What "found"
//! means for each command is written once, in [`TABLE`], which the man page prints and the
//! README's "Exit status" section repeats (a test holds them together).

use std::process::ExitCode;

/// Per command: what 0, 1 and 2 mean.
pub const TABLE: &[(&str, &str, &str, &str)] = &[
    (
        "reelread [DIR]",
        "you quit the reader",
        "not used",
        "the folder cannot be read or holds no collection; stdout is not a terminal",
    ),
    (
        "list",
        "a review was listed",
        "no review passed the filters (stderr says which filter, naming an unknown person or actor)",
        "usage; the folder cannot be read or holds no collection",
    ),
    (
        "show",
        "the review was printed (with --grep: a line matched)",
        "--grep matched no line",
        "the ID names no review, or several (the candidates are listed as FILM/ID); usage; the folder",
    ),
    (
        "export",
        "a review was exported",
        "no review passed the filters (JSON still prints [])",
        "usage; the folder; writing failed",
    ),
    (
        "check",
        "no errors (warnings allowed)",
        "errors found in the files or the settings",
        "nothing to check: no such folder, or no collection in it",
    ),
    (
        "import",
        "every review was written (or was already there)",
        "the file holds no review (empty, or a feed without one)",
        "the file cannot be read, or a review could not be written",
    ),
    (
        "follow",
        "the source is now followed",
        "it was already followed: nothing changed",
        "a bad URL, a failed fetch, not a feed or a page, a taken name",
    ),
    (
        "unfollow",
        "the source is no longer followed",
        "no source has that name: nothing changed",
        "sources.toml cannot be written",
    ),
    (
        "sources",
        "a source was listed",
        "no source is followed",
        "sources.toml cannot be found",
    ),
    (
        "fetch",
        "every chosen source was fetched",
        "no source is followed: nothing to fetch",
        "a source failed (the others are saved), an unknown name, no library folder",
    ),
    (
        "config",
        "printed",
        "not used",
        "the config file has errors (what is printed uses the defaults for them)",
    ),
    (
        "keys",
        "printed",
        "not used",
        "the config file has errors (what is printed uses the defaults for them)",
    ),
    (
        "completions",
        "printed",
        "not used",
        "usage (an unknown shell)",
    ),
    ("man", "printed", "not used", "usage"),
];

/// What was asked for was found (or done).
pub const FOUND: u8 = 0;
/// The command worked and found nothing.
pub const NOTHING: u8 = 1;
/// A usage or data error.
pub const TROUBLE: u8 = 2;

/// Exit 0.
#[must_use]
pub fn found() -> ExitCode {
    ExitCode::from(FOUND)
}

/// Exit 1.
#[must_use]
pub fn nothing() -> ExitCode {
    ExitCode::from(NOTHING)
}

/// Exit 2.
#[must_use]
pub fn trouble() -> ExitCode {
    ExitCode::from(TROUBLE)
}

/// 0 when `any` was found, else 1.
#[must_use]
pub fn found_if(any: bool) -> ExitCode {
    if any { found() } else { nothing() }
}
