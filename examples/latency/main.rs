//! Measures reelread, `less` and `newsboat` in a real pseudo-terminal on the same corpus and
//! prints one side-by-side Markdown table (issue 6): start to first usable frame, start to
//! fully loaded, key press to frame for moving, scrolling and switching, and memory.
//!
//! ```sh
//! cargo run --release --example latency -- --corpus /tmp/reelread-corpus
//! ```
//!
//! Every program runs on a 200×50 pty with `TERM=xterm-256color` and a fresh private `HOME`
//! and XDG folders. A reader thread feeds the output into a `vt100` emulator and stamps
//! every chunk. A key press is timed from the write of the key to the last output byte of
//! the redraw it caused (the output then stays quiet for 30 ms); presses that draw nothing
//! are counted, not timed. `less` gets the corpus as one plain text file and `newsboat` as
//! one RSS feed per film, with its cache filled by `newsboat -x reload` before timing.
//! `scripts/latency` builds everything, makes the corpus and runs this.
// One program split into files for size: each file sees the others' items whole.
#![allow(clippy::wildcard_imports)]

use std::error::Error;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use clap::Parser;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use reelread::data::{Library, Review, load_path};

type Res<T> = Result<T, Box<dyn Error>>;

const COLS: u16 = 200;
const ROWS: u16 = 50;
/// Output quiet for this long ends a redraw.
const QUIET: Duration = Duration::from_millis(30);
/// Output quiet for this long, with the screen loaded, ends start-up.
const START_QUIET: Duration = Duration::from_millis(150);
/// A press with no output within this long drew nothing.
const SILENT: Duration = Duration::from_millis(300);
/// A program that keeps drawing for this long is never quiet enough to time keys.
const BUSY: Duration = Duration::from_secs(5);
const START_TIMEOUT: Duration = Duration::from_secs(120);
/// Arrow keys as a terminal sends them in keypad (application) mode, which ncurses sets.
const DOWN: &[u8] = b"\x1bOB";
const UP: &[u8] = b"\x1bOA";
const PAGE_DOWN: &[u8] = b"\x1b[6~";
const PAGE_UP: &[u8] = b"\x1b[5~";
/// The timed operations, in table order.
const MOVE: &str = "move in list";
const LINE: &str = "scroll a line";
const PAGE: &str = "scroll a page";
const SOURCE: &str = "switch source (next/prev review)";
const FEED: &str = "switch feed (film)";
const FETCHING: &str = "scroll a line while R fetches 60 sources";
const LOADING: &str = "move in list while the library loads";
/// Reviews whose text (body and comments) is longer than this are used for scrolling.
const LONG: usize = 12_000;

/// Command-line options.
#[derive(Parser)]
#[command(about = "Time reelread, less and newsboat in a real pty on the same corpus")]
struct Args {
    /// The library to read (e.g. written by the gen-corpus example).
    #[arg(long)]
    corpus: PathBuf,
    /// Key presses per operation (rounded up to even: they alternate direction).
    #[arg(long, default_value_t = 200)]
    presses: usize,
    /// Starts per program; start-up figures are their median.
    #[arg(long, default_value_t = 3)]
    starts: usize,
    /// The reelread binary [default: `reelread` in the folder above this example's].
    #[arg(long)]
    reelread: Option<PathBuf>,
    /// Leave newsboat out.
    #[arg(long)]
    skip_newsboat: bool,
    /// Leave less out.
    #[arg(long)]
    skip_less: bool,
    /// Also time keys while `R` fetches 60 loopback feeds (needs the feed-server example).
    #[arg(long)]
    fetching: bool,
}

/// How to tell that the first usable frame is on screen.
#[derive(Clone)]
enum Marker {
    /// reelread: the list cursor `▶` right after a pane border, i.e. a list row.
    ListCursor,
    /// This text anywhere on screen.
    Text(String),
}

impl Marker {
    /// Whether `screen` (the emulated screen as text) shows the marker.
    fn on(&self, screen: &str) -> bool {
        match self {
            Marker::ListCursor => screen.contains("│▶ ") || screen.contains("┃▶ "),
            Marker::Text(t) => screen.contains(t.as_str()),
        }
    }
}

/// What the reader thread has seen.
struct Output {
    parser: vt100::Parser,
    bytes: u64,
    last: Option<Instant>,
    /// Checked after every chunk until start-up is over; `true` if `Loading` means "not yet".
    watch: Option<(Marker, bool)>,
    first_usable: Option<Instant>,
    /// Since when the screen has been usable with no `Loading` text, without a break.
    loaded_since: Option<Instant>,
    /// The last bytes fed, for a frame end split across two reads.
    tail: Vec<u8>,
    /// The press whose frame is awaited, if any.
    waiting: Option<Waiting>,
}

impl Output {
    fn feed(&mut self, bytes: &[u8], now: Instant) {
        self.feed_frames(bytes, now);
        self.bytes += bytes.len() as u64;
        self.last = Some(now);
        if let Some((marker, loading)) = &self.watch {
            let screen = self.parser.screen().contents();
            let usable = marker.on(&screen);
            if usable && self.first_usable.is_none() {
                self.first_usable = Some(now);
            }
            if usable && !(*loading && screen.contains("Loading")) {
                self.loaded_since.get_or_insert(now);
            } else {
                self.loaded_since = None;
            }
        }
    }
}

/// Key timings for one operation.
#[derive(Default)]
struct Sample {
    times: Vec<Duration>,
    silent: usize,
}

/// Everything measured for one program.
#[derive(Default)]
struct Figures {
    command: String,
    /// Presses per operation.
    presses: usize,
    first: Vec<Duration>,
    loaded: Vec<Duration>,
    /// (operation, keys used, timings).
    ops: Vec<(&'static str, &'static str, Sample)>,
    rss_kib: Option<u64>,
    hwm_kib: Option<u64>,
    note: String,
}

impl Figures {
    /// Times `op`, pressing the two `keys` (shown as `label`) in turn.
    fn time(
        &mut self,
        term: &mut Term,
        op: &'static str,
        label: &'static str,
        keys: [&[u8]; 2],
    ) -> Res<()> {
        let sample = term.measure(keys, self.presses)?;
        self.ops.push((op, label, sample));
        Ok(())
    }

    /// Times `op` on a busy screen: each press to the first whole frame that meets the
    /// condition `until` makes from the screen before it (see `frames.rs`), while `go` holds.
    fn time_busy(
        &mut self,
        term: &mut Term,
        (op, label): (&'static str, &'static str),
        keys: [&[u8]; 2],
        until: impl Fn(&Term) -> Until,
        go: impl Fn(&Term, usize) -> bool,
    ) -> Res<()> {
        let mut sample = Sample::default();
        let mut i = 0;
        while go(term, i) {
            let condition = until(term);
            sample.times.push(term.press_until(keys[i % 2], condition)?);
            i += 1;
            // Let the frame settle, as a person's next key would come later still.
            thread::sleep(Duration::from_millis(5));
        }
        self.ops.push((op, label, sample));
        Ok(())
    }
}

/// Locks the reader thread's output, even if that thread panicked.
fn lock(out: &Mutex<Output>) -> MutexGuard<'_, Output> {
    out.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The review the scrolling is timed on.
#[derive(Default)]
struct Long {
    /// Its place in the whole library (how many `J` presses reach it from the first).
    index: usize,
    /// Its film's place in the library (feed) and its place in that film.
    film: usize,
    pos: usize,
    title: String,
}

/// The first review whose text (body and comments) is over [`LONG`] bytes.
fn long_review(library: &Library) -> Long {
    let long =
        |r: &Review| r.body.len() + r.comments.iter().map(|c| c.text.len()).sum::<usize>() > LONG;
    library
        .collections
        .iter()
        .enumerate()
        .flat_map(|(f, c)| c.reviews.iter().enumerate().map(move |(p, r)| (f, p, r)))
        .enumerate()
        .find(|(_, (_, _, r))| long(r))
        .map(|(index, (film, pos, r))| Long {
            index,
            film,
            pos,
            title: r.title.clone(),
        })
        .unwrap_or_default()
}

fn main() -> ExitCode {
    match run_all(&Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("latency: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Prepares the inputs, measures every program and prints the report.
fn run_all(args: &Args) -> Res<()> {
    let began = Instant::now();
    let bin = match &args.reelread {
        Some(p) => p.clone(),
        None => std::env::current_exe()?
            .parent()
            .and_then(Path::parent)
            .ok_or("cannot find the target folder")?
            .join("reelread"),
    };
    eprintln!("loading {} …", args.corpus.display());
    let library = load_path(&args.corpus);
    let (film, first) = library
        .reviews()
        .next()
        .ok_or("the corpus has no reviews")?;
    let (first_film, first_title) = (film.film.title.clone(), first.title.clone());
    let long = long_review(&library);
    let work = tempfile::tempdir()?;
    prepare(&library, work.path())?;
    drop(library);
    let corpus_mib = tree_bytes(&args.corpus) as f64 / 1024.0 / 1024.0;
    let me: Vec<String> = std::env::args().skip(1).collect();
    let mut facts = format!(
        "- Machine: {}\n- Date: {}\n- Corpus: `{}`, {corpus_mib:.1} MiB\n\
         - Terminal: {COLS}×{ROWS} pty, TERM=xterm-256color, a fresh HOME and XDG folders per run\n\
         - Versions: {}; {}; {}\n- Command: `cargo run --release --example latency -- {}`\n\
         - Inputs (temporary): `{}/reviews.txt` for less; `feed000.xml`… (one RSS 2.0 feed per film) for newsboat\n\
         - Scrolling is timed on the first review with over {LONG} bytes of text: {:?} (review {} of the library)\n",
        machine(),
        first_line("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
        args.corpus.display(),
        first_line(&bin.display().to_string(), &["--version"]),
        first_line("less", &["--version"]),
        first_line("newsboat", &["-v"]),
        me.join(" "),
        work.path().display(),
        long.title,
        long.index + 1,
    );
    eprintln!("reelread …");
    let r = reelread(&bin, args, &long)?;
    let _ = writeln!(facts, "- reelread: `{}`", r.command);
    let l = if args.skip_less {
        None
    } else {
        eprintln!("less …");
        let l = less(&work.path().join("reviews.txt"), &first_title, args)?;
        let _ = writeln!(facts, "- less: `LESSHISTFILE=- {}`", l.command);
        Some(l)
    };
    let n = if args.skip_newsboat {
        None
    } else {
        eprintln!("newsboat: filling the cache …");
        let took = prefill_newsboat(work.path())?;
        eprintln!("newsboat …");
        let n = newsboat(work.path(), &first_film, args, &long)?;
        let _ = writeln!(
            facts,
            "- newsboat: `{}`, its cache filled first by `newsboat -x reload` with the same \
             `-u -c -C` ({:.1} s)",
            n.command,
            took.as_secs_f64()
        );
        Some(n)
    };
    print_table(
        args,
        &facts,
        &[("reelread", Some(r)), ("less", l), ("newsboat", n)],
        corpus_mib,
    );
    eprintln!("done in {:.0} s", began.elapsed().as_secs_f64());
    Ok(())
}

mod fetching;
use fetching::*;
mod frames;
use frames::*;
mod programs;
use programs::*;
mod report;
use report::*;
mod term;
use term::*;
