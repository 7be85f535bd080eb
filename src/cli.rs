//! The command line: `reelread [DIR]`, `list`, `show` and `check`, all on the same
//! loader so they agree with what the reader shows.

mod check;
mod export;
mod list;
mod show;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::app::App;
use crate::data::{self, Library};

/// Read film reviews, their comments and the cast in the terminal.
#[derive(Debug, Parser)]
#[command(
    name = "reelread",
    version,
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  reelread                      read the bundled collection\n  reelread ~/reviews            read a collection or a library of collections\n  reelread list --reviewer liz  reviews Liz wrote or commented on\n  reelread list --sort rating --reverse --grep running\n  reelread list --mentions crudup\n  reelread show keep-on-running --width 72\n  reelread show trailer-park-tuesday --grep screener\n  reelread check ~/reviews      report every problem as path:line:column"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A collection (film.toml + reviews/) or a library of them; the bundled one if omitted.
    dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// One line per review, starting with its ID.
    List(list::Args),
    /// A review and its comments as plain text.
    Show(show::Args),
    /// The selected reviews with their comments, as Markdown or JSON.
    Export(export::Args),
    /// Validate everything and report each problem as path:line:column: message.
    Check {
        /// Collection or library folder (bundled collection if omitted).
        dir: Option<PathBuf>,
    },
}

/// Parses the arguments and runs the command, returning the process exit code.
#[must_use]
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => read(cli.dir.as_deref()),
        Some(Command::List(args)) => match load_reporting(args.dir.as_deref()) {
            Some(library) => list::run(&library, &args),
            None => ExitCode::FAILURE,
        },
        Some(Command::Show(args)) => match load_reporting(args.dir.as_deref()) {
            Some(library) => show::run(&library, &args),
            None => ExitCode::FAILURE,
        },
        Some(Command::Export(args)) => match load_reporting(args.dir.as_deref()) {
            Some(library) => export::run(&library, &args),
            None => ExitCode::FAILURE,
        },
        Some(Command::Check { dir }) => check::run(&load(dir.as_deref())),
    }
}

/// Loads `dir`, or the bundled collection.
#[must_use]
pub fn load(dir: Option<&Path>) -> Library {
    dir.map_or_else(data::bundled_library, data::load_path)
}

/// Loads and reports errors (not warnings) on stderr, for commands that go on with what
/// loaded; `None` when nothing did.
fn load_reporting(dir: Option<&Path>) -> Option<Library> {
    let library = load(dir);
    for d in library.diagnostics.iter().filter(|d| d.is_error()) {
        eprintln!("{d}");
    }
    (!library.collections.is_empty()).then_some(library)
}

fn read(dir: Option<&Path>) -> ExitCode {
    let Some(library) = load_reporting(dir) else {
        return ExitCode::FAILURE;
    };
    if !std::io::stdout().is_terminal() {
        println!(
            "reelread draws a reader only on a terminal. To print reviews instead:\n  \
             reelread list [DIR] [--reviewer NAME] [--grep TEXT] [--sort KEY] [--json]\n  \
             reelread show ID [DIR] [--width N]\n  \
             reelread check [DIR]"
        );
        return ExitCode::SUCCESS;
    }
    match crate::tui::run(App::new(library)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("reelread: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}
