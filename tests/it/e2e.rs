//! End-to-end tests: the real binary in a pseudo-terminal, asserting what the screen shows.

use crate::support::pty;

use std::process::{Command, Stdio};

use pty::{Pty, Screen};

const BIN: &str = env!("CARGO_BIN_EXE_reelread");

const FIRST_TITLE: &str = "1 Mile To You (2017) Review";
const LAST_TITLE: &str = "Trailer Park Tuesday";

/// Starts the reader on the bundled collection at 120x40 and waits for the first frame.
fn start() -> Pty {
    let mut app = Pty::spawn(BIN, &[], 120, 40);
    app.wait_for("the first frame with all three panes", |s| {
        s.pane("Reviews 5").is_some() && s.pane("Reading").is_some() && s.pane("Cast").is_some()
    });
    app
}

fn reading_starts_with(s: &Screen, title: &str) -> bool {
    s.pane_first_line("Reading")
        .is_some_and(|l| l.starts_with(title))
}

#[test]
fn start_shows_panes_and_next_source_opens_second_review() {
    let mut app = start();
    let s = app.wait_for("the first review in the reading pane", |s| {
        reading_starts_with(s, FIRST_TITLE)
    });
    assert!(
        s.row(0).contains("1 Mile to You (2017)"),
        "header row: {:?}",
        s.row(0)
    );
    let list = s.pane("Reviews 5").expect("Reviews pane");
    assert!(list.contains(FIRST_TITLE), "list:\n{list}");
    assert!(list.contains("Trailer Park Tuesday"), "list:\n{list}");
    assert!(
        s.pane_contains("Cast", "Graham Rogers"),
        "cast pane:\n{:?}",
        s.pane("Cast")
    );

    app.send("J");
    let s = app.wait_for("the second review in the reading pane", |s| {
        reading_starts_with(s, "1 Mile To You")
            && s.pane_contains("Reading", "A Heartwarming Story")
    });
    let first = s.pane_first_line("Reading").unwrap_or_default();
    assert!(
        !first.contains("(2017)"),
        "reading pane still shows the first review: {first:?}"
    );

    // J opens the next source from any pane, not only the list: focus the Cast pane first.
    app.send("\t\t");
    app.wait_for("focus on the Cast pane", |s| s.pane("◉ Cast").is_some());
    app.send("J");
    app.wait_for("the third review in the reading pane", |s| {
        reading_starts_with(s, "1 Mile to You (2017) Graham Rogers")
    });
}

#[test]
fn filter_by_commenter_then_escape_clears_it() {
    let mut app = start();

    app.send("f");
    app.wait_for_text("Filter by reviewer or commenter");
    app.send("pam");
    app.wait_for("the picker narrowed to Pam", |s| {
        s.contains("Name: pam") && s.contains("Pam Wattenbarger") && !s.contains("robin Rue")
    });
    app.send("\r");
    let s = app.wait_for("the filter applied", |s| {
        s.row(0).contains("Filter: Pam Wattenbarger") && s.pane("Reviews 1/5").is_some()
    });
    assert!(s.row(0).contains("(Esc clears)"), "header: {:?}", s.row(0));
    let list = s.pane("Reviews 1/5").expect("filtered list pane");
    assert!(list.contains(LAST_TITLE), "filtered list:\n{list}");
    assert!(!list.contains(FIRST_TITLE), "filtered list:\n{list}");
    assert!(
        !s.contains("Filter by reviewer or commenter"),
        "picker still open:\n{}",
        s.text()
    );
    // The reading pane shows the one remaining review: either from its title or, as the
    // reader does now, scrolled to Pam's comment.
    let reading = s.pane("Reading").expect("Reading pane");
    assert!(
        reading.contains(LAST_TITLE) || reading.contains("Pam Wattenbarger"),
        "reading pane does not show the filtered review:\n{reading}"
    );

    app.send("\x1b");
    let s = app.wait_for("the filter cleared", |s| {
        s.pane("Reviews 5").is_some() && !s.row(0).contains("Filter:")
    });
    let list = s.pane("Reviews 5").expect("list pane");
    assert!(list.contains(FIRST_TITLE), "list after clearing:\n{list}");
}

/// Finds the last occurrence of `needle` in `haystack`.
fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[test]
fn q_exits_successfully_and_restores_the_terminal() {
    let mut app = start();
    app.send("q");
    let status = app.wait_exit();
    assert!(status.success(), "exit status: {status:?}");

    let raw = app.raw_output();
    let leave = rfind(&raw, b"\x1b[?1049l").expect("the program never left the alternate screen");
    let enter =
        rfind(&raw, b"\x1b[?1049h").expect("the program never entered the alternate screen");
    let last_frame = rfind(&raw, b"Reviews").expect("no frame was drawn");
    assert!(
        leave > enter && leave > last_frame,
        "leave-alternate-screen (at {leave}) is not after the last enter ({enter}) and the last frame ({last_frame})"
    );
    let screen = app.screen();
    assert!(
        !screen.inner().alternate_screen(),
        "the terminal is still in the alternate screen"
    );
    assert!(!screen.inner().hide_cursor(), "the cursor was left hidden");
}

#[test]
fn resizing_down_to_too_small_and_back_redraws() {
    let mut app = start();

    app.resize(50, 12);
    // Only a layout drawn for 50 columns has the Reading pane's corner in the first column
    // (the 120-column frame, merely truncated, has it further right).
    app.wait_for("a redraw at 50x12", |s| {
        (0..12).any(|r| s.row(r).starts_with("┌ Reading"))
    });
    assert!(app.try_wait().is_none(), "the program exited at 50x12");

    app.resize(30, 8);
    app.wait_for_text("Terminal too small");
    assert!(app.try_wait().is_none(), "the program exited at 30x8");

    app.resize(120, 40);
    let s = app.wait_for("the full layout again at 120x40", |s| {
        !s.contains("Terminal too small")
            && s.pane("Reviews 5").is_some()
            && s.pane("Reading").is_some()
            && s.pane_contains("Cast", "Graham Rogers")
    });
    assert!(
        s.row(0).contains("1 Mile to You (2017)"),
        "header: {:?}",
        s.row(0)
    );

    // Still responsive, and still quits cleanly.
    app.send("q");
    let status = app.wait_exit();
    assert!(status.success(), "exit status after resizing: {status:?}");
}

#[test]
fn a_huge_window_draws_its_corner_and_still_quits() {
    // Before the clamp, 30000x30000 asked ratatui for a 206 GB buffer: the reader
    // aborted and left the alternate screen behind.
    let mut app = start();
    app.resize_huge((30000, 30000), (1000, 500));
    app.wait_for_text("window larger than 1000×500: drawing the top-left part");
    assert!(
        app.try_wait().is_none(),
        "the program exited at 30000x30000"
    );
    app.send("q");
    let status = app.wait_exit();
    assert!(status.success(), "exit status at 30000x30000: {status:?}");
    let screen = app.screen();
    assert!(
        !screen.inner().alternate_screen(),
        "the terminal is still in the alternate screen"
    );
}

#[test]
fn without_a_terminal_prints_usage_and_exits_2() {
    let output = Command::new(BIN)
        .stdin(Stdio::null())
        .output()
        .expect("run reelread with captured output");
    // A usage error (issue 13): a script that pipes plain `reelread` hears it.
    assert_eq!(output.status.code(), Some(2), "{:?}", output.status);
    assert!(output.stdout.is_empty(), "the usage goes to stderr");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("reelread list"), "stderr:\n{stderr}");
    assert!(
        !stderr.contains("\x1b["),
        "escape sequences written to a non-terminal:\n{stderr:?}"
    );
}
