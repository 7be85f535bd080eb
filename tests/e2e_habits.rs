//! End-to-end tests of the reader's habits: colour, config, reading state, mouse, live
//! reload and export. Each runs the real binary in a pseudo-terminal with its own config,
//! state, home and working folders, so the tests never see (or touch) the user's files and
//! can run in parallel.

// The harness is shared with tests/e2e.rs; not every helper is used by both files.
#[allow(dead_code)]
#[path = "support/pty.rs"]
mod pty;

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
        s.pane("● Reading").is_some()
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
// 2. A keymap from the config file.

#[test]
fn keys_from_the_config_file_replace_the_defaults() {
    let world = World::new();
    world.write_config("[keys]\nquit = [\"x\"]\nnext_source = [\"n\"]\n");
    // Tall enough for the whole key help.
    let mut app = world.spawn_env(&[], &[], 120, 50);
    let s = wait_first_frame(&mut app);
    let hints = footer(&s);
    assert!(hints.contains(" x quit"), "footer: {hints:?}");
    assert!(hints.contains(" n next"), "footer: {hints:?}");
    assert!(!hints.contains(" q quit"), "footer: {hints:?}");

    // q no longer quits: the program goes on and takes the next key.
    app.send("q");
    app.send("n");
    app.wait_for("the second review after n", shows_second_review);
    assert!(app.try_wait().is_none(), "the program exited after q");

    app.send("?");
    let s = app.wait_for("the key help", |s| s.pane("Keys").is_some());
    let help = s.pane("Keys").unwrap_or_default();
    let quit_rows: Vec<&str> = help
        .lines()
        .map(str::trim)
        .filter(|l| l.ends_with(" Quit"))
        .collect();
    assert_eq!(quit_rows.len(), 1, "help:\n{help}");
    let keys: Vec<&str> = quit_rows[0].split_whitespace().collect();
    assert_eq!(keys, ["x", "Quit"], "help:\n{help}");
    app.send("\x1b");
    app.wait_for("the key help closed", |s| s.pane("Keys").is_none());

    quit_with(&mut app, "x");
}

// ---------------------------------------------------------------------------------------
// 3. A config file with problems.

const BAD_CONFIG: &str = "text_width = \"wide\"\n[keys]\nfrobnicate = \"z\"\n";

#[test]
fn a_bad_config_still_starts_and_says_so() {
    let world = World::new();
    world.write_config(BAD_CONFIG);
    let mut app = world.spawn(&[]);
    wait_first_frame(&mut app);
    let s = app.wait_for("the config problems in the footer", |s| {
        footer(s).contains("config: 2 problems")
    });
    assert!(
        reading_starts_with(&s, FIRST_TITLE),
        "screen:\n{}",
        s.text()
    );
    quit_with(&mut app, "q");
}

#[test]
fn check_reports_each_config_problem_with_its_place() {
    let world = World::new();
    world.write_config(BAD_CONFIG);
    let output = world
        .command(&["check"])
        .output()
        .expect("run reelread check");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(1),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    let path = world.config_path().display().to_string();
    let problems: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with(&format!("{path}:")))
        .collect();
    assert_eq!(problems.len(), 2, "stdout:\n{stdout}");
    assert!(
        problems[0].starts_with(&format!("{path}:1:14: error: "))
            && problems[0].contains("text_width"),
        "stdout:\n{stdout}"
    );
    assert!(
        problems[1].starts_with(&format!("{path}:3:1: error: "))
            && problems[1].contains("frobnicate"),
        "stdout:\n{stdout}"
    );
    assert!(stdout.contains("2 errors"), "stdout:\n{stdout}");
}

// ---------------------------------------------------------------------------------------
// 4. and 5. Reading state across runs.

#[test]
fn the_open_review_and_stars_survive_a_restart() {
    let world = World::new();

    let mut first = world.spawn(&[]);
    wait_first_frame(&mut first);
    first.send("J");
    first.wait_for("the second review after J", shows_second_review);
    first.send("s");
    first.wait_for("the star confirmed in the footer", |s| {
        footer(s).contains("Starred")
    });
    quit_with(&mut first, "q");

    let state = std::fs::read_to_string(world.state_path()).unwrap_or_else(|e| {
        panic!(
            "no state file at {} after quitting: {e}",
            world.state_path().display()
        )
    });
    assert!(state.contains("heartwarming-story"), "state file:\n{state}");
    assert!(state.contains("starred = true"), "state file:\n{state}");

    let mut second = world.spawn(&[]);
    let s = second.wait_for("the second review reopened on start", |s| {
        s.pane("Reviews 5").is_some() && shows_second_review(s)
    });
    let list = s.pane("Reviews 5").unwrap_or_default();
    let starred: Vec<&str> = list
        .lines()
        .map(str::trim_end)
        .filter(|l| l.contains("★ 1 Mile To You") || l.contains("★●1 Mile To You"))
        .collect();
    assert_eq!(starred.len(), 1, "list:\n{list}");
    assert!(
        starred[0].ends_with("★ 1 Mile To You"),
        "the starred row is not the second review: {:?}\nlist:\n{list}",
        starred[0]
    );
    quit_with(&mut second, "q");

    let output = world
        .command(&["list", "--starred"])
        .output()
        .expect("run reelread list --starred");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "status {:?}, stderr: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let ids: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(ids, ["heartwarming-story"], "stdout:\n{stdout}");
}

#[test]
fn a_corrupt_state_file_is_set_aside() {
    let world = World::new();
    let garbage = "this is [not a state file\n\u{0}\u{1}";
    write_file(&world.state_path(), garbage);
    // Wide, so the whole warning fits in the footer.
    let mut app = world.spawn_env(&[], &[], 220, 40);
    wait_first_frame(&mut app);
    let s = app.wait_for("the state warning in the footer", |s| {
        footer(s).contains("state file was corrupt")
    });
    let hints = footer(&s);
    assert!(hints.contains("set aside"), "footer: {hints:?}");

    let folder = world.state_path().with_file_name("");
    let aside: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("list the state folder")
        .map(|e| e.expect("folder entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("state.toml.corrupt-"))
        })
        .collect();
    assert_eq!(aside.len(), 1, "in {}: {aside:?}", folder.display());
    quit_with(&mut app, "q");
    // Saving the fresh state on quit must not touch the file set aside.
    assert_eq!(
        std::fs::read_to_string(&aside[0]).expect("read the file set aside"),
        garbage
    );
}

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

#[test]
fn clicking_a_review_opens_it_and_the_wheel_scrolls() {
    let world = World::new();
    let mut app = world.spawn(&[]);
    let s = wait_first_frame(&mut app);
    let raw = app.raw_output();
    assert!(
        raw.windows(ENABLE_MOUSE.len()).any(|w| w == ENABLE_MOUSE),
        "mouse capture was not turned on"
    );

    let at = locate(&s, FOURTH_PREFIX)
        .unwrap_or_else(|| panic!("{FOURTH_PREFIX:?} not on screen:\n{}", s.text()));
    app.send(&mouse(0, at, false));
    app.send(&mouse(0, at, true));
    let s = app.wait_for("the fourth review opened by the click", |s| {
        reading_starts_with(s, FOURTH_TITLE)
    });
    let before =
        reading_line(&s).unwrap_or_else(|| panic!("no `line X/Y` on screen:\n{}", s.text()));

    // Over the text of the reading pane: its title line.
    let over = locate(&s, FOURTH_TITLE)
        .filter(|&(_, col)| col > at.1 + 10)
        .unwrap_or_else(|| panic!("the reading pane's title is not on screen:\n{}", s.text()));
    app.send(&mouse(65, over, false));
    app.send(&mouse(65, over, false));
    let s = app.wait_for("the reading pane scrolled down by the wheel", |s| {
        reading_line(s).is_some_and(|line| line > before)
    });
    assert!(
        s.pane("Reviews 5").is_some(),
        "the list disappeared:\n{}",
        s.text()
    );
    quit_with(&mut app, "q");
}

#[test]
fn mouse_false_leaves_the_mouse_to_the_terminal() {
    let world = World::new();
    world.write_config("mouse = false\n");
    let mut app = world.spawn(&[]);
    wait_first_frame(&mut app);
    app.send("J");
    app.wait_for("the second review after J", shows_second_review);
    quit_with(&mut app, "q");
    let raw = app.raw_output();
    assert!(
        !raw.windows(ENABLE_MOUSE.len()).any(|w| w == ENABLE_MOUSE),
        "mouse capture was turned on with mouse = false"
    );
}

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

#[test]
fn edited_files_reload_and_a_broken_one_keeps_its_last_good_version() {
    let world = World::new();
    let collection = world.dir("data").join("1-mile-to-you");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data/1-mile-to-you"),
        &collection,
    );
    let dir = collection.to_str().expect("a UTF-8 temporary path");
    let mut app = world.spawn(&[dir]);
    wait_first_frame(&mut app);

    let edited = collection.join("reviews/keep-on-running.toml");
    let text = std::fs::read_to_string(&edited).expect("read keep-on-running.toml");
    let text: Vec<String> = text
        .lines()
        .map(|l| {
            if l.starts_with("title = ") {
                "title = \"Edited Title\"".to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect();
    write_file(&edited, &(text.join("\n") + "\n"));
    app.wait_for("the edited title in the list", |s| {
        s.pane_contains("Reviews 5", "Edited Title")
    });

    write_file(
        &collection.join("reviews/power-in-your-pain.toml"),
        "title = \"unterminated\nbody = [\n",
    );
    let s = app.wait_for("the reload warning in the footer", |s| {
        footer(s).contains("kept the last good version")
    });
    let list = s.pane("Reviews 5").unwrap_or_default();
    assert!(list.contains(FOURTH_PREFIX), "list:\n{list}");
    assert!(list.contains("Edited Title"), "list:\n{list}");
    quit_with(&mut app, "q");
}

// ---------------------------------------------------------------------------------------
// 8. Export.

#[test]
fn e_exports_the_open_review_to_the_working_folder() {
    let world = World::new();
    let mut app = world.spawn(&[]);
    wait_first_frame(&mut app);
    app.send("e");
    let s = app.wait_for("the export confirmed in the footer", |s| {
        footer(s).contains("Exported to")
    });
    let file = world.cwd().join("guilt-and-redemption.md");
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| {
        panic!(
            "{} not written ({e}); footer: {:?}",
            file.display(),
            footer(&s)
        )
    });
    assert!(
        text.starts_with("# 1 Mile To You (2017) Review"),
        "{} starts with:\n{}",
        file.display(),
        &text[..text.len().min(200)]
    );
    quit_with(&mut app, "q");
}
