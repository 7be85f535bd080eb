//! End-to-end tests of the reader's habits: colour, config, reading state, mouse, live
//! reload and export. Each runs the real binary in a pseudo-terminal with its own config,
//! state, home and working folders, so the tests never see (or touch) the user's files and
//! can run in parallel.

// The harness is shared with tests/e2e.rs; not every helper is used by both files.
use crate::support::pty;

use std::path::{Path, PathBuf};
use std::process::Command;

use portable_pty::CommandBuilder;
use pty::{Pty, Screen};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_reelread");

const FIRST_TITLE: &str = "1 Mile To You (2017) Review";
const FOURTH_TITLE: &str = "1 Mile to You: There is Power in Your Pain";
/// What of the fourth title a list row at 120 columns shows before truncating it.
const FOURTH_PREFIX: &str = "1 Mile to You: There is Pow";

/// A private world for one test: home, config, state and working folders under one
/// temporary folder that is removed when the test ends.
struct World {
    root: TempDir,
}

impl World {
    fn new() -> Self {
        let root = tempfile::tempdir().expect("create a temporary folder");
        for sub in ["home", "config", "state", "data", "cwd"] {
            std::fs::create_dir(root.path().join(sub)).expect("create a world folder");
        }
        Self { root }
    }

    fn dir(&self, sub: &str) -> PathBuf {
        self.root.path().join(sub)
    }

    /// Where the program reads its config file: `$XDG_CONFIG_HOME/reelread/config.toml`.
    fn config_path(&self) -> PathBuf {
        self.dir("config").join("reelread").join("config.toml")
    }

    /// Where the program keeps its reading state: `$XDG_STATE_HOME/reelread/state.toml`.
    fn state_path(&self) -> PathBuf {
        self.dir("state").join("reelread").join("state.toml")
    }

    /// The working folder the program runs in.
    fn cwd(&self) -> PathBuf {
        self.dir("cwd")
    }

    fn write_config(&self, text: &str) {
        write_file(&self.config_path(), text);
    }

    /// The variables every run gets, so nothing comes from the user's environment.
    fn vars(&self) -> Vec<(&'static str, PathBuf)> {
        vec![
            ("HOME", self.dir("home")),
            ("XDG_CONFIG_HOME", self.dir("config")),
            ("XDG_STATE_HOME", self.dir("state")),
            ("XDG_DATA_HOME", self.dir("data")),
        ]
    }

    /// Variables that would change the outcome if inherited from whoever runs the tests.
    const REMOVED: &[&str] = &["NO_COLOR", "BROWSER", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"];

    /// Applies the world to a pty command; `TERM=xterm-256color` is already set by the
    /// harness, and `extra` may add to or override all of this.
    fn configure(&self, cmd: &mut CommandBuilder, extra: &[(&str, &str)]) {
        for name in Self::REMOVED {
            cmd.env_remove(name);
        }
        for (name, value) in self.vars() {
            cmd.env(name, value);
        }
        for (name, value) in extra {
            cmd.env(name, value);
        }
        cmd.cwd(self.cwd());
    }

    /// Starts the reader with `args` and extra environment variables.
    fn spawn_env(&self, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        Pty::spawn_with(BIN, args, cols, rows, |cmd| self.configure(cmd, env))
    }

    fn spawn(&self, args: &[&str]) -> Pty {
        self.spawn_env(args, &[], 120, 40)
    }

    /// A plain process (no terminal) in the same world, for the subcommands.
    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.args(args)
            .env("TERM", "xterm-256color")
            .env_remove("COLUMNS")
            .env_remove("LINES")
            .current_dir(self.cwd())
            .stdin(std::process::Stdio::null());
        for name in Self::REMOVED {
            cmd.env_remove(name);
        }
        for (name, value) in self.vars() {
            cmd.env(name, value);
        }
        cmd
    }
}

fn write_file(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create parent folders");
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

/// Waits for the first frame with all three panes.
fn wait_first_frame(app: &mut Pty) -> Screen {
    // A folder loads in the background: wait until it is all in (live reload watches
    // the folder from then on).
    app.wait_for("the first frame with all three panes, loading done", |s| {
        s.pane("Reviews 5").is_some()
            && s.pane("Reading").is_some()
            && s.pane("Cast").is_some()
            && !s.contains("Loading…")
    })
}

fn reading_starts_with(s: &Screen, title: &str) -> bool {
    s.pane_first_line("Reading")
        .is_some_and(|l| l.starts_with(title))
}

/// The second review (`heartwarming-story`) is in the reading pane.
fn shows_second_review(s: &Screen) -> bool {
    s.pane_first_line("Reading").as_deref() == Some("1 Mile To You")
        && s.pane_contains("Reading", "A Heartwarming Story")
}

/// The bottom row: status and key hints.
fn footer(s: &Screen) -> String {
    s.row(s.size().0 - 1)
}

/// Quits with `key` and checks the program ended successfully.
fn quit_with(app: &mut Pty, key: &str) {
    app.send(key);
    let status = app.wait_exit();
    assert!(status.success(), "exit status after {key:?}: {status:?}");
}

/// Where `text` starts on screen as (row, column), both 0-based, counting cells so wide
/// characters before it are handled.
fn locate(s: &Screen, text: &str) -> Option<(u16, u16)> {
    let (rows, cols) = s.size();
    for row in 0..rows {
        let mut line = String::new();
        let mut starts = Vec::new();
        for col in 0..cols {
            let Some(cell) = s.inner().cell(row, col) else {
                continue;
            };
            if cell.is_wide_continuation() {
                continue;
            }
            let contents = cell.contents();
            let contents = if contents.is_empty() { " " } else { contents };
            starts.push((line.len(), col));
            line.push_str(contents);
        }
        if let Some(at) = line.find(text) {
            let col = starts
                .iter()
                .rev()
                .find(|(byte, _)| *byte <= at)
                .map_or(0, |&(_, c)| c);
            return Some((row, col));
        }
    }
    None
}

// ---------------------------------------------------------------------------------------
// 1. Colour: NO_COLOR, TERM=dumb, --color.

/// Every SGR sequence (`ESC [ params m`) in `raw` that sets a colour: 256-colour or RGB
/// (`38;5;n`, `48;2;r;g;b`, also the underline colour 58), or a basic colour 30–37, 40–47,
/// 90–97, 100–107. Resets to the default colour (39, 49, 59) and attributes are allowed.
fn colour_sgrs(raw: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < raw.len() {
        if raw[i] != 0x1b || raw[i + 1] != b'[' {
            i += 1;
            continue;
        }
        let start = i + 2;
        let len = raw[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b';' || **b == b':')
            .count();
        let end = start + len;
        if raw.get(end) == Some(&b'm') {
            let params = String::from_utf8_lossy(&raw[start..end]).into_owned();
            if sets_colour(&params) {
                found.push(format!("ESC[{params}m"));
            }
        }
        i = end.max(i + 1);
    }
    found
}

fn sets_colour(params: &str) -> bool {
    params.split(';').any(|param| {
        // `38:5:n` style sub-parameters: the first one says what is set.
        let first = param.split(':').next().unwrap_or_default();
        first
            .parse::<u32>()
            .is_ok_and(|n| matches!(n, 30..=38 | 40..=48 | 58 | 90..=97 | 100..=107))
    })
}

#[test]
fn the_colour_check_tells_colour_from_attributes() {
    let raw = b"\x1b[1m\x1b[39;49m\x1b[0m\x1b[m\x1b[7;22m\x1b[?25l\x1b[2;3H";
    assert!(colour_sgrs(raw).is_empty(), "{:?}", colour_sgrs(raw));
    for colour in [
        "38;5;6",
        "48;5;0",
        "38;2;1;2;3",
        "48;2;1;2;3",
        "36",
        "1;43",
        "90",
        "107",
        "38:5:6",
    ] {
        let raw = format!("x\x1b[{colour}my");
        assert_eq!(
            colour_sgrs(raw.as_bytes()),
            [format!("ESC[{colour}m")],
            "{colour}"
        );
    }
}

/// Runs the reader, draws the first frame, presses `J` and Tab, quits, and returns
/// every byte it wrote.
fn output_after_a_few_keys(args: &[&str], env: &[(&str, &str)]) -> Vec<u8> {
    let world = World::new();
    let mut app = world.spawn_env(args, env, 120, 40);
    wait_first_frame(&mut app);
    app.send("J");
    app.wait_for("the second review after J", shows_second_review);
    app.send("\t");
    app.wait_for("focus on the Reading pane after Tab", |s| {
        s.pane("◉ Reading").is_some()
    });
    quit_with(&mut app, "q");
    app.raw_output()
}

fn assert_no_colour(args: &[&str], env: &[(&str, &str)]) {
    let raw = output_after_a_few_keys(args, env);
    let colours = colour_sgrs(&raw);
    assert!(
        colours.is_empty(),
        "args {args:?}, env {env:?}: {} colour sequences written, first ones: {:?}",
        colours.len(),
        &colours[..colours.len().min(10)]
    );
}

fn assert_colour(args: &[&str], env: &[(&str, &str)]) {
    let raw = output_after_a_few_keys(args, env);
    assert!(
        !colour_sgrs(&raw).is_empty(),
        "args {args:?}, env {env:?}: no colour sequence was written"
    );
}

#[test]
fn no_color_env_writes_no_colour() {
    assert_no_colour(&[], &[("NO_COLOR", "1")]);
}

#[test]
fn by_default_colour_is_written() {
    assert_colour(&[], &[]);
}

#[test]
fn term_dumb_writes_no_colour() {
    assert_no_colour(&[], &[("TERM", "dumb")]);
}

#[test]
fn color_never_writes_no_colour() {
    assert_no_colour(&["--color", "never"], &[]);
}

#[test]
fn color_always_beats_no_color() {
    assert_colour(&["--color", "always"], &[("NO_COLOR", "1")]);
}

// ---------------------------------------------------------------------------------------
// 3. A config file with problems.

const BAD_CONFIG: &str = "text_width = \"wide\"\n[keys]\nfrobnicate = \"z\"\n";

// ---------------------------------------------------------------------------------------
// 6. The mouse.

/// The `X` of the reading pane's `line X/Y`.
fn reading_line(s: &Screen) -> Option<usize> {
    let text = s.text();
    let at = text.find(" line ")? + " line ".len();
    let digits: String = text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if !text[at + digits.len()..].starts_with('/') {
        return None;
    }
    digits.parse().ok()
}

/// An SGR (1006) mouse report at a 0-based cell; `release` for the button coming up.
fn mouse(button: u8, (row, col): (u16, u16), release: bool) -> String {
    let end = if release { 'm' } else { 'M' };
    format!("\x1b[<{button};{};{}{end}", col + 1, row + 1)
}

const ENABLE_MOUSE: &[u8] = b"\x1b[?1000h";

// ---------------------------------------------------------------------------------------
// 7. Live reload.

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create the copy's folder");
    for entry in std::fs::read_dir(from).expect("list the bundled collection") {
        let entry = entry.expect("folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a collection file");
        }
    }
}

mod more;
