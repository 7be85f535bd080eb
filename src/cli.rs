//! The command line: `reelread [DIR]` and its subcommands, all on the same loader and
//! settings so they agree with what the reader shows.

mod check;
mod export;
mod fetch;
mod follow;
mod import;
mod library;
mod list;
mod man;
mod paint;
mod reader;
mod select;
mod setup;
mod show;
mod status;
mod suggest;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::data::{self, Library};

/// What `--help` and the man page show as examples: a command and what it does.
pub(crate) const EXAMPLES: &[(&str, &str)] = &[
    ("reelread", "read the bundled collection (or your library)"),
    (
        "reelread ~/reviews",
        "read a collection or a library of collections",
    ),
    (
        "reelread list --reviewer liz",
        "reviews Liz wrote or commented on",
    ),
    (
        "reelread list --sort rating --reverse --grep running",
        "the reviews that mention running, by rating, in reverse",
    ),
    (
        "reelread list --mentions crudup",
        "the reviews that mention an actor",
    ),
    (
        "reelread show keep-on-running --width 72",
        "one review, wrapped at 72 columns",
    ),
    (
        "reelread show 1-mile-to-you/keep-on-running",
        "a review by FILM/ID, when two films have that ID",
    ),
    (
        "reelread show trailer-park-tuesday --grep screener",
        "the lines of a review that match",
    ),
    (
        "reelread check ~/reviews",
        "report every problem as path:line:column",
    ),
    (
        "reelread export --format json > reviews.json",
        "every review as JSON",
    ),
    (
        "reelread --color never",
        "read without colour (also NO_COLOR=1)",
    ),
    (
        "reelread import review.txt --film \"Heat (1995)\"",
        "a review copied as text, into your library",
    ),
    (
        "reelread follow https://letterboxd.com/USER/rss/",
        "follow a feed",
    ),
    (
        "reelread fetch",
        "fetch every followed source into the library",
    ),
    (
        "reelread completions zsh > _reelread",
        "a completion script for zsh",
    ),
    ("reelread man | man -l -", "this manual"),
];

/// The examples as `--help` prints them, one command a line with what it does beneath.
fn examples_help() -> String {
    use std::fmt::Write as _;
    let mut out = String::from("Examples:");
    for (command, what) in EXAMPLES {
        let _ = write!(out, "\n  {command}\n      {what}");
    }
    out.push_str(
        "\n\nExit status: 0 found (or done), 1 nothing found, 2 usage or data error; `reelread man` says what each command counts as found.",
    );
    out
}

/// Read film reviews, their comments and the cast in the terminal.
#[derive(Debug, Parser)]
#[allow(clippy::doc_markdown)] // these comments are --help text, where backticks would show
#[command(
    name = "reelread",
    version,
    subcommand_precedence_over_arg = true,
    after_help = examples_help()
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A collection (film.toml + reviews/) or a library of them; the bundled one if omitted.
    dir: Option<PathBuf>,
    /// Read settings from this file instead of $XDG_CONFIG_HOME/reelread/config.toml.
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Colours: auto (off under NO_COLOR or TERM=dumb), always or never.
    #[arg(long, global = true, value_enum, default_value_t = setup::ColorMode::Auto)]
    color: setup::ColorMode,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// One line per review, starting with its ID.
    List(list::Args),
    /// A review and its comments as plain text.
    Show(show::Args),
    /// The selected reviews with their comments, as Markdown or JSON.
    Export(export::Args),
    /// Validate the reviews and the config; report each problem as path:line:column: message.
    Check {
        /// Collection or library folder (bundled collection if omitted).
        dir: Option<PathBuf>,
    },
    /// Import a review: plain text, an HTML page or URL, a feed file, a Letterboxd export.
    Import(import::Args),
    /// Follow a feed or a page (a post with its comments), after fetching it once.
    Follow(follow::FollowArgs),
    /// Stop following a source (its reviews stay in the library).
    Unfollow {
        /// The source's name, as `reelread sources` shows it.
        name: String,
    },
    /// List the followed sources with their last fetch.
    Sources(follow::SourcesArgs),
    /// Fetch every followed source (or the named ones) into the library.
    Fetch(fetch::Args),
    /// Print the settings in force, as a config file.
    Config,
    /// Print every action with its keys and what it does.
    Keys,
    /// Print a shell completion script.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `reelread man | man -l -`.
    Man,
}

/// Parses the arguments and runs the command, returning the process exit code.
#[must_use]
pub fn main() -> ExitCode {
    die_quietly_on_closed_pipe();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return refuse_arguments(&e),
    };
    // Options go anywhere; a folder before a command would be silently ignored.
    if let (Some(dir), Some(_)) = (&cli.dir, &cli.command) {
        eprintln!(
            "reelread: the folder goes after the command (e.g. `reelread list {}`); nothing was done",
            crate::data::sanitize_line(&dir.display().to_string())
        );
        return status::trouble();
    }
    if let (Some(dir), None) = (&cli.dir, &cli.command)
        && let Some(refused) = not_a_command(dir)
    {
        return refused;
    }
    let paint = paint::Paint::for_stdout(cli.color);
    let config = || setup::config(cli.config.as_deref(), true);
    // A folder given wins; else the library when it holds a collection; else the bundled one.
    let folder = |dir: Option<PathBuf>| {
        dir.or_else(|| {
            library::with_collections(&setup::config(cli.config.as_deref(), false).config)
        })
    };
    match cli.command {
        None => {
            // The reader reads the config anyway: find the library in that one reading.
            let loaded = config();
            let dir = cli
                .dir
                .or_else(|| library::with_collections(&loaded.config));
            reader::read(dir.as_deref(), &loaded, cli.color)
        }
        Some(Command::List(args)) => {
            match load_reporting(folder(args.select.dir.clone()).as_deref()) {
                Some(library) => list::run(&library, &args, paint),
                None => status::trouble(),
            }
        }
        Some(Command::Show(args)) => {
            let loaded = config();
            let dir = args
                .dir
                .clone()
                .or_else(|| library::with_collections(&loaded.config));
            match load_reporting(dir.as_deref()) {
                Some(library) => show::run(&library, &args, &loaded.config.date_format, paint),
                None => status::trouble(),
            }
        }
        Some(Command::Export(args)) => {
            match load_reporting(folder(args.select.dir.clone()).as_deref()) {
                Some(library) => export::run(&library, &args),
                None => status::trouble(),
            }
        }
        Some(Command::Check { dir }) => check::run(
            &load(folder(dir).as_deref()),
            &setup::config(cli.config.as_deref(), false),
            paint,
        ),
        Some(Command::Import(args)) => import::run(&args, &config().config),
        Some(Command::Follow(args)) => follow::follow(&args, &config().config),
        Some(Command::Unfollow { name }) => follow::unfollow(&name),
        Some(Command::Sources(args)) => follow::list(&args),
        Some(Command::Fetch(args)) => fetch::run(&args, &config().config),
        Some(Command::Config) => setup::print_config(&config()),
        Some(Command::Keys) => setup::print_keys(&config()),
        Some(Command::Completions { shell }) => {
            use clap::CommandFactory as _;
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "reelread",
                &mut std::io::stdout(),
            );
            status::found()
        }
        Some(Command::Man) => man::print(&config().config),
    }
}

/// `reelread lsit`: no such folder, but a command of nearly that name; said, exit 2,
/// rather than "no such folder".
fn not_a_command(dir: &Path) -> Option<ExitCode> {
    use clap::CommandFactory as _;
    if std::fs::symlink_metadata(dir).is_ok() {
        return None;
    }
    let typed = dir.to_str()?;
    let command = Cli::command();
    let names: Vec<&str> = command
        .get_subcommands()
        .map(clap::Command::get_name)
        .collect();
    let close = suggest::closest(typed, names.iter().copied());
    // Only a near miss of a whole name: a folder `l` is not a try at `list`.
    let close: Vec<&str> = close
        .into_iter()
        .filter(|n| n.len() <= typed.len() + 2)
        .collect();
    if close.is_empty() {
        return None;
    }
    eprintln!(
        "reelread: `{}` is neither a folder nor a command.{}",
        data::sanitize_line(typed),
        suggest::did_you_mean(&close)
    );
    Some(status::trouble())
}

/// Loads `dir`, or the bundled collection.
#[must_use]
pub fn load(dir: Option<&Path>) -> Library {
    dir.map_or_else(data::bundled_library, data::load_path)
}

/// Loads and reports errors (not warnings) on stderr, for commands that go on with what
/// loaded; `None` when nothing did.
pub(crate) fn load_reporting(dir: Option<&Path>) -> Option<Library> {
    let library = load(dir);
    for d in library.diagnostics.iter().filter(|d| d.is_error()) {
        eprintln!("{d}");
    }
    (!library.collections.is_empty()).then_some(library)
}

/// clap's answer to arguments it would not take: `--help` and `--version` print as clap
/// prints them; an error, which quotes the arguments (any bytes a script passed), goes to
/// stderr sanitised, line breaks kept. The exit code is clap's (2 for a usage error).
fn refuse_arguments(error: &clap::Error) -> ExitCode {
    use clap::CommandFactory as _;
    use std::io::Write as _;
    if error.use_stderr() {
        // clap's own styling escapes cannot be told from the arguments' once rendered:
        // parse again without styles, so every escape left is the arguments' to sanitise.
        let plain = Cli::command()
            .styles(clap::builder::Styles::plain())
            .try_get_matches()
            .err()
            .map_or_else(
                || error.render().to_string(),
                |e| e.render().ansi().to_string(),
            );
        let _ = write!(std::io::stderr(), "{}", data::sanitize(&plain));
    } else {
        let _ = error.print();
    }
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}

/// Whether a SIGPIPE ends the process at once, with its default action.
#[cfg(unix)]
static CLOSED_PIPE_ENDS: std::sync::LazyLock<std::sync::Arc<std::sync::atomic::AtomicBool>> =
    std::sync::LazyLock::new(|| std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true)));

/// `reelread list | head` must end quietly like any Unix tool, not panic on a closed pipe:
/// Rust ignores SIGPIPE, so give it back its default action (end the process).
fn die_quietly_on_closed_pipe() {
    #[cfg(unix)]
    {
        let _ = signal_hook::flag::register_conditional_default(
            signal_hook::consts::SIGPIPE,
            CLOSED_PIPE_ENDS.clone(),
        );
    }
}

/// The reader on a terminal ends on a SIGPIPE like on any other stop signal, after
/// restoring the terminal: the default action would leave it in raw mode.
pub(crate) fn restore_the_terminal_on_sigpipe() {
    #[cfg(unix)]
    CLOSED_PIPE_ENDS.store(false, std::sync::atomic::Ordering::SeqCst);
}
