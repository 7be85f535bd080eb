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
}

impl Output {
    fn feed(&mut self, bytes: &[u8], now: Instant) {
        self.parser.process(bytes);
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

/// A program running in a pty, with a private home.
struct Term {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    _master: Box<dyn MasterPty + Send>,
    out: Arc<Mutex<Output>>,
    started: Instant,
    _home: tempfile::TempDir,
}

/// `HOME` and the XDG folders inside `home`, so no run sees the user's files or another run's.
fn private_env(home: &Path) -> Vec<(&'static str, PathBuf)> {
    let mut env = vec![("HOME", home.to_owned())];
    for (var, sub) in [
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
    ] {
        env.push((var, home.join(sub)));
    }
    env
}

impl Term {
    /// Starts `cmdline` on a fresh pty, watching for `marker` (and, if `loading`, for the
    /// `Loading` text to be gone).
    fn spawn(cmdline: &[String], marker: Marker, loading: bool, env: &[(&str, &str)]) -> Res<Self> {
        let size = PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size)?;
        let home = tempfile::tempdir()?;
        let mut cmd = CommandBuilder::new(&cmdline[0]);
        cmd.args(&cmdline[1..]);
        cmd.env("TERM", "xterm-256color");
        for (var, value) in private_env(home.path()) {
            cmd.env(var, value);
        }
        for var in [
            "COLUMNS",
            "LINES",
            "NO_COLOR",
            "LESS",
            "LESSOPEN",
            "LESSCLOSE",
        ] {
            cmd.env_remove(var);
        }
        for (var, value) in env {
            cmd.env(var, value);
        }
        let nonzero = |n| NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN);
        let out = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(nonzero(ROWS), nonzero(COLS), 0),
            bytes: 0,
            last: None,
            watch: Some((marker, loading)),
            first_usable: None,
            loaded_since: None,
        }));
        let mut reader = pair.master.try_clone_reader()?;
        let writer = pair.master.take_writer()?;
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd)?;
        drop(pair.slave);
        let sink = Arc::clone(&out);
        thread::spawn(move || {
            let mut buf = [0u8; 16384];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                let now = Instant::now();
                lock(&sink).feed(&buf[..n], now);
            }
        });
        Ok(Self {
            child,
            writer,
            _master: pair.master,
            out,
            started,
            _home: home,
        })
    }

    /// The emulated screen as text.
    fn screen(&self) -> String {
        lock(&self.out).parser.screen().contents()
    }

    /// Waits for the first usable frame and for everything to be loaded; returns both
    /// times from the start.
    fn wait_start(&mut self) -> Res<(Duration, Duration)> {
        loop {
            thread::sleep(Duration::from_millis(2));
            {
                let mut out = lock(&self.out);
                if let (Some(first), Some(since), Some(last)) =
                    (out.first_usable, out.loaded_since, out.last)
                    && last.elapsed() >= START_QUIET
                {
                    out.watch = None;
                    return Ok((first - self.started, since - self.started));
                }
            }
            if self.started.elapsed() > START_TIMEOUT || self.child.try_wait()?.is_some() {
                return Err(format!("no usable frame; screen:\n{}", self.screen()).into());
            }
        }
    }

    /// Writes `key` to the program.
    fn send(&mut self, key: &[u8]) -> Res<()> {
        self.writer.write_all(key)?;
        Ok(self.writer.flush()?)
    }

    /// Sends `key` once the output is quiet, and waits for the redraw: the time from the
    /// write to the redraw's last byte, or `None` if nothing was drawn.
    fn press(&mut self, key: &[u8]) -> Res<Option<Duration>> {
        let waiting = Instant::now();
        while lock(&self.out).last.is_some_and(|t| t.elapsed() < QUIET) {
            if waiting.elapsed() > BUSY {
                return Err(
                    format!("the output never went quiet; screen:\n{}", self.screen()).into(),
                );
            }
            thread::sleep(Duration::from_millis(2));
        }
        let before = lock(&self.out).bytes;
        let sent = Instant::now();
        self.send(key)?;
        loop {
            thread::sleep(Duration::from_millis(1));
            let out = lock(&self.out);
            if out.bytes > before {
                if let Some(last) = out.last.filter(|t| t.elapsed() >= QUIET) {
                    return Ok(Some(last - sent));
                }
            } else if sent.elapsed() > SILENT {
                return Ok(None);
            }
            if sent.elapsed() > BUSY {
                return Err(format!("{key:?} drew for over {BUSY:?} without a pause").into());
            }
        }
    }

    /// Presses the two keys in turn `presses` times (rounded up to even).
    fn measure(&mut self, keys: [&[u8]; 2], presses: usize) -> Res<Sample> {
        let mut sample = Sample::default();
        for i in 0..presses.div_ceil(2) * 2 {
            match self.press(keys[i % 2])? {
                Some(t) => sample.times.push(t),
                None => sample.silent += 1,
            }
        }
        Ok(sample)
    }

    /// (`VmRSS`, `VmHWM`) in KiB from `/proc/PID/status`.
    fn memory(&self) -> (Option<u64>, Option<u64>) {
        let status = self
            .child
            .process_id()
            .and_then(|pid| std::fs::read_to_string(format!("/proc/{pid}/status")).ok())
            .unwrap_or_default();
        let field = |name: &str| {
            status.lines().find_map(|l| {
                let kib = l.strip_prefix(name)?.trim().trim_end_matches("kB");
                kib.trim().parse().ok()
            })
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    /// Presses `q` until the program exits (newsboat backs out one view per `q`); dropping
    /// the terminal then kills it if it is still running.
    fn quit(mut self) -> Res<()> {
        for _ in 0..10 {
            if self.child.try_wait()?.is_some() {
                break;
            }
            self.send(b"q")?;
            thread::sleep(Duration::from_millis(300));
        }
        Ok(())
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
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

/// Starts a program `starts` times; the last run also measures keys (with `drive`) and memory.
fn run(
    cmdline: &[String],
    marker: &Marker,
    loading: bool,
    env: &[(&str, &str)],
    args: &Args,
    mut drive: impl FnMut(&mut Term, &mut Figures) -> Res<()>,
) -> Res<Figures> {
    let mut figures = Figures {
        command: cmdline.join(" "),
        presses: args.presses,
        ..Figures::default()
    };
    for i in 1..=args.starts.max(1) {
        let mut term = Term::spawn(cmdline, marker.clone(), loading, env)?;
        let (first, loaded) = term.wait_start()?;
        figures.first.push(first);
        figures.loaded.push(loaded);
        if i == args.starts.max(1) {
            figures.rss_kib = term.memory().0;
            drive(&mut term, &mut figures)?;
            figures.hwm_kib = term.memory().1;
        }
        term.quit()?;
    }
    Ok(figures)
}

/// Notes it in `figures` if `title` is not on screen where the long review should be open.
fn check_open(term: &Term, figures: &mut Figures, title: &str) {
    if !term.screen().contains(title) {
        figures.note = format!("the long review {title:?} was not on screen for scrolling");
    }
}

/// Times reelread: moving in the list, then scrolling and switching in the reading pane.
fn reelread(bin: &Path, args: &Args, long: &Long) -> Res<Figures> {
    let cmdline = [bin.display().to_string(), args.corpus.display().to_string()];
    run(&cmdline, &Marker::ListCursor, true, &[], args, |t, f| {
        f.time(t, MOVE, "j/k", [b"j", b"k"])?;
        for _ in 0..long.index {
            t.press(b"J")?;
        }
        t.press(b"\t")?; // focus the reading pane
        check_open(t, f, &long.title);
        f.time(t, LINE, "j/k", [b"j", b"k"])?;
        f.time(t, PAGE, "PgDn/PgUp", [PAGE_DOWN, PAGE_UP])?;
        f.time(t, SOURCE, "J/K", [b"J", b"K"])
    })
}

/// Times less scrolling the corpus as one text file.
fn less(text: &Path, first_line: &str, args: &Args) -> Res<Figures> {
    let cmdline = ["less".to_owned(), text.display().to_string()];
    let marker = Marker::Text(first_line.to_owned());
    run(
        &cmdline,
        &marker,
        false,
        &[("LESSHISTFILE", "-")],
        args,
        |t, f| {
            f.time(t, LINE, "j/k", [b"j", b"k"])?;
            f.time(t, PAGE, "Space/b", [b" ", b"b"])
        },
    )
}

/// Times newsboat: the article list of the first feed, then the long review's article.
fn newsboat(dir: &Path, first_film: &str, args: &Args, long: &Long) -> Res<Figures> {
    let path = |name: &str| dir.join(name).display().to_string();
    let (urls, cache, config) = (path("urls"), path("cache.db"), path("config"));
    let cmdline = ["newsboat", "-u", &urls, "-c", &cache, "-C", &config].map(str::to_owned);
    let marker = Marker::Text(first_film.to_owned());
    run(&cmdline, &marker, false, &[], args, |t, f| {
        t.press(b"\r")?; // open the first feed's article list
        f.time(t, MOVE, "↓/↑ in article list", [DOWN, UP])?;
        f.time(t, FEED, "j/k in article list", [b"j", b"k"])?;
        for _ in 0..long.film {
            t.press(b"j")?;
        }
        for _ in 0..long.pos {
            t.press(DOWN)?;
        }
        t.press(b"\r")?;
        check_open(t, f, &long.title);
        f.time(t, LINE, "↓/↑ in article", [DOWN, UP])?;
        f.time(t, PAGE, "PgDn/PgUp in article", [PAGE_DOWN, PAGE_UP])?;
        f.time(t, SOURCE, "J/K in article", [b"J", b"K"])
    })
}

/// The review as plain text, in the reading pane's order: header, body, comments.
fn review_text(r: &Review) -> String {
    let by = r.reviewer.as_deref().unwrap_or("unknown reviewer");
    let mut s = format!("{}\nReview by {by}", r.title);
    for part in [&r.source, &r.url].into_iter().flatten() {
        let _ = write!(s, " · {part}");
    }
    if let Some(d) = r.published {
        let _ = write!(s, "\nPublished: {d}");
    }
    if let Some(rating) = r.rating {
        let _ = write!(s, "\nRating: {rating} · {:.0}%", rating.percent());
    }
    let _ = write!(s, "\n\n{}\n", r.body.trim_end());
    if !r.comments.is_empty() {
        let _ = write!(s, "\nComments ({})\n", r.comments.len());
    }
    for (i, c) in r.comments.iter().enumerate() {
        let who = c.author.as_deref().unwrap_or("anonymous");
        let _ = write!(s, "\n#{} {who}\n{}\n", i + 1, c.text.trim_end());
    }
    s
}

/// Escapes text for XML (and HTML), dropping characters XML 1.0 forbids.
fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\t' | '\n' | '\r' | ' '..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'.. => {
                s.push(ch);
            }
            _ => {}
        }
    }
    s
}

/// An RSS 2.0 item; `description` holds the body's paragraphs and the comments as HTML.
fn rss_item(r: &Review, guid: usize) -> String {
    let mut html = String::new();
    for para in r.body.split("\n\n").chain(["Comments"]) {
        let _ = write!(html, "<p>{}</p>", escape(para.trim()));
    }
    for (i, c) in r.comments.iter().enumerate() {
        let who = escape(c.author.as_deref().unwrap_or("anonymous"));
        let _ = write!(
            html,
            "<p><b>#{} {who}</b><br/>{}</p>",
            i + 1,
            escape(&c.text)
        );
    }
    format!(
        "<item><title>{}</title><dc:creator>{}</dc:creator><link>{}</link>\
         <guid isPermaLink=\"false\">{guid:06}</guid><description>{}</description></item>\n",
        escape(&r.title),
        escape(r.reviewer.as_deref().unwrap_or("unknown reviewer")),
        escape(r.url.as_deref().unwrap_or("")),
        escape(&html),
    )
}

/// Writes the text file for less and the feeds, `urls` and `config` for newsboat.
fn prepare(library: &Library, dir: &Path) -> Res<()> {
    let (mut text, mut urls, mut guid) = (String::new(), String::new(), 0);
    for (i, c) in library.collections.iter().enumerate() {
        let mut feed = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>{}</title>\
             <link>https://example.com/{}</link><description>Reviews</description>\n",
            escape(&c.film.title),
            escape(&c.name),
        );
        for r in &c.reviews {
            let _ = write!(text, "{}\n{}\n\n", review_text(r), "─".repeat(80));
            feed.push_str(&rss_item(r, guid));
            guid += 1;
        }
        feed.push_str("</channel></rss>\n");
        let path = dir.join(format!("feed{i:03}.xml"));
        std::fs::write(&path, feed)?;
        let _ = writeln!(urls, "file://{}", path.display());
    }
    std::fs::write(dir.join("reviews.txt"), text)?;
    std::fs::write(dir.join("urls"), urls)?;
    // Feeds as listed and articles in review order (the guids count up), text 80 columns
    // wide like reelread's reading pane, and no reload (no network) at start.
    let config = "article-sort-order guid\ntext-width 80\nauto-reload no\n";
    std::fs::write(dir.join("config"), config)?;
    Ok(())
}

/// Fills newsboat's cache from the local feeds, so the timed starts read cached items.
fn prefill_newsboat(dir: &Path) -> Res<Duration> {
    let home = tempfile::tempdir()?;
    let started = Instant::now();
    let status = Command::new("newsboat")
        .args([
            "-x", "reload", "-u", "urls", "-c", "cache.db", "-C", "config",
        ])
        .current_dir(dir)
        .envs(private_env(home.path()))
        .status()?;
    if !status.success() {
        return Err(format!("newsboat -x reload failed: {status}").into());
    }
    Ok(started.elapsed())
}

/// Nearest-rank percentile.
fn percentile(times: &[Duration], p: f64) -> f64 {
    let mut sorted = times.to_vec();
    sorted.sort_unstable();
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted
        .get(rank.max(1) - 1)
        .map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
}

/// Milliseconds with one decimal, or two below 1 ms.
fn short(ms: f64) -> String {
    if ms < 0.995 {
        format!("{ms:.2}")
    } else {
        format!("{ms:.1}")
    }
}

/// The first line a command prints, e.g. its version.
fn first_line(cmd: &str, args: &[&str]) -> String {
    Command::new(cmd)
        .args(args)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .map(str::to_owned)
        })
        .unwrap_or_else(|| format!("{cmd}: not found"))
}

/// Cores, CPU model, memory and kernel.
fn machine() -> String {
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_default();
    let field = |text: &str, name: &str| {
        text.lines()
            .find_map(|l| {
                Some(
                    l.strip_prefix(name)?
                        .trim_start_matches([' ', '\t', ':'])
                        .to_owned(),
                )
            })
            .unwrap_or_default()
    };
    let cpu = field(&read("/proc/cpuinfo"), "model name");
    let kib: f64 = field(&read("/proc/meminfo"), "MemTotal")
        .trim_end_matches(" kB")
        .parse()
        .unwrap_or(0.0);
    let cores = thread::available_parallelism().map_or(0, std::num::NonZero::get);
    let kernel = read("/proc/sys/kernel/osrelease");
    format!(
        "{cores} cores ({cpu}), {:.1} GiB RAM, Linux {}",
        kib / 1024.0 / 1024.0,
        kernel.trim()
    )
}

/// The size of every file under `dir`.
fn tree_bytes(dir: &Path) -> u64 {
    let entries = std::fs::read_dir(dir).into_iter().flatten().flatten();
    entries
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => tree_bytes(&e.path()),
            _ => e.metadata().map_or(0, |m| m.len()),
        })
        .sum()
}

/// Prints the facts, then one table: a row per measure, a column per program.
fn print_table(args: &Args, facts: &str, runs: &[(&str, Option<Figures>)], corpus_mib: f64) {
    println!("## Latency and memory in a real pty\n\n{facts}");
    let names: Vec<&str> = runs.iter().map(|(n, _)| *n).collect();
    println!("| measure | issue 6 target | {} |", names.join(" | "));
    println!("| --- | --- |{}", " --- |".repeat(runs.len()));
    let row = |label: &str, target: &str, cell: &dyn Fn(&Figures) -> String| {
        let cells: Vec<String> = runs
            .iter()
            .map(|(_, f)| f.as_ref().map_or("skipped".to_owned(), cell))
            .collect();
        println!("| {label} | {target} | {} |", cells.join(" | "));
    };
    let starts = args.starts.max(1);
    // The median, then the fastest and slowest start.
    let spread = |times: &[Duration]| {
        let (low, high) = (percentile(times, 0.0), percentile(times, 100.0));
        format!("{:.0} ms ({low:.0}–{high:.0})", percentile(times, 50.0))
    };
    let label = format!("start → first usable frame, median (min–max) of {starts}");
    row(&label, "≤ 100 ms", &|f| spread(&f.first));
    let label = format!("start → fully loaded, median (min–max) of {starts}");
    row(&label, "—", &|f| spread(&f.loaded));
    for op in [MOVE, LINE, PAGE, SOURCE, FEED] {
        let label = format!("key → frame: {op}, median / p99");
        row(&label, "≤ 5 ms / ≤ 16 ms", &|f| {
            let Some((_, keys, s)) = f.ops.iter().find(|(o, _, _)| *o == op) else {
                return "—".to_owned();
            };
            let (median, p99) = (percentile(&s.times, 50.0), percentile(&s.times, 99.0));
            let silent = if s.silent > 0 {
                format!(", {} silent", s.silent)
            } else {
                String::new()
            };
            format!("{} / {} ms ({keys}{silent})", short(median), short(p99))
        });
    }
    let mib = |kib: Option<u64>| {
        kib.map_or("—".to_owned(), |k| {
            format!("{:.1} MiB", k as f64 / 1024.0)
        })
    };
    let target = format!(
        "≤ 1.5 × corpus + 20 MiB = {:.0} MiB",
        1.5 * corpus_mib + 20.0
    );
    row("memory once loaded (VmRSS)", &target, &|f| mib(f.rss_kib));
    let target = format!("≤ 2 × corpus = {:.0} MiB", 2.0 * corpus_mib);
    row("peak memory (VmHWM)", &target, &|f| mib(f.hwm_kib));
    println!(
        "\nEach key figure is from {} presses alternating the two keys, timed from the write of \
         the key to the last byte of its redraw (the output then quiet for {} ms); \"silent\" \
         presses drew nothing and are not timed. less and newsboat draw nothing until they are \
         loaded, so their two start figures are the same moment.",
        args.presses.div_ceil(2) * 2,
        QUIET.as_millis()
    );
    for (name, f) in runs {
        if let Some(f) = f.as_ref().filter(|f| !f.note.is_empty()) {
            println!("\nNote ({name}): {}", f.note);
        }
    }
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
