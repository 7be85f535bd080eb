//! Input in bulk, in a real pty: a flood of keys and a huge bracketed paste are taken in
//! at once, so the keys after them still work; a paste goes into a prompt, capped, and is
//! ignored elsewhere; bracketed paste is on while the reader runs and off when it ends.

use crate::support::pty;

use pty::{Pty, Screen};

const BIN: &str = env!("CARGO_BIN_EXE_reelread");

const FIRST_TITLE: &str = "1 Mile To You (2017) Review";

/// Turns bracketed paste on and off.
const PASTE_ON: &[u8] = b"\x1b[?2004h";
const PASTE_OFF: &[u8] = b"\x1b[?2004l";

/// How many characters a prompt holds at most (the app's cap).
const PROMPT_CAP: usize = 1000;

/// The bundled collection at 120x40, once its first frame is drawn.
fn start() -> Pty {
    let mut app = Pty::spawn(BIN, &[], 120, 40);
    app.wait_for("the first frame", |s| {
        s.pane("Reviews 5").is_some() && s.pane("Reading").is_some()
    });
    app
}

/// What a terminal sends when `text` is pasted into it: the text between the bracketed
/// paste markers if the program turned bracketed paste on, else the bare text, as typed.
fn pasted(app: &Pty, text: &[u8]) -> Vec<u8> {
    if app.screen().inner().bracketed_paste() {
        [b"\x1b[200~", text, b"\x1b[201~"].concat()
    } else {
        text.to_vec()
    }
}

fn position(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn last_position(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn reading_starts_with(s: &Screen, title: &str) -> bool {
    s.pane_first_line("◉ Reading")
        .is_some_and(|l| l.starts_with(title))
}

#[test]
fn a_flood_of_movement_keys_is_drained_and_q_after_it_quits() {
    let mut app = start();
    // 100 KiB of `j`: far more than the pty holds, so it is only all written if the reader
    // keeps reading; the `q` at its end must be seen.
    let mut flood = vec![b'j'; 100 * 1024];
    flood.push(b'q');
    app.send_in_background(flood);
    let status = app.wait_exit();
    assert!(status.success(), "exit status: {status:?}");
}

#[test]
fn a_huge_paste_into_the_search_prompt_is_capped_and_the_keys_after_it_work() {
    let mut app = start();
    app.send("\t");
    app.wait_for("focus on the reading pane", |s| {
        s.pane("◉ Reading").is_some()
    });
    app.send("/");
    app.wait_for_text("Search review: /");
    // 1 MiB of pasted lines (a terminal sends a pasted line break as CR), after an `A`.
    let mut text = b"A".to_vec();
    while text.len() < 1024 * 1024 {
        text.extend_from_slice(b"bbbbbbb\r");
    }
    let paste = pasted(&app, &text);
    app.send_in_background(paste);
    app.wait_for("the paste in the prompt, its lines joined", |s| {
        s.contains("Search review: /Abbbbbbb bbbbbbb bbbbbbb")
    });
    // Deleting all but one of the characters the cap keeps leaves the `A` alone.
    app.send(&"\x7f".repeat(PROMPT_CAP - 1));
    app.wait_for("only the first character left in the prompt", |s| {
        s.contains("Search review: /A▏")
    });
    app.send("\x1b");
    app.wait_for_text("Search cancelled");
    app.send("q");
    let status = app.wait_exit();
    assert!(status.success(), "exit status: {status:?}");
}

#[test]
fn a_paste_outside_a_prompt_is_not_replayed_as_keys() {
    let mut app = start();
    // Were the paste typed, its `j`s would move the list to the last review.
    let mut keys = pasted(&app, &[b'j'; 4096]);
    // Enter opens the selected review and focuses the reading pane.
    keys.push(b'\r');
    app.send_in_background(keys);
    let s = app.wait_for("the selected review opened", |s| {
        s.pane("◉ Reading").is_some()
    });
    assert!(
        reading_starts_with(&s, FIRST_TITLE),
        "the paste moved the list:\n{}",
        s.text()
    );
}

#[test]
fn bracketed_paste_is_on_while_the_reader_runs_and_off_after() {
    let mut app = start();
    assert!(
        app.screen().inner().bracketed_paste(),
        "bracketed paste is off while the reader runs"
    );
    app.send("q");
    assert!(app.wait_exit().success());
    let raw = app.raw_output();
    let on = position(&raw, PASTE_ON).expect("bracketed paste was never turned on");
    let first_frame = position(&raw, b"Reviews").expect("no frame was drawn");
    assert!(
        on < first_frame,
        "bracketed paste was turned on after the first frame"
    );
    let off = last_position(&raw, PASTE_OFF).expect("bracketed paste was never turned off");
    let last_frame = last_position(&raw, b"Reviews").expect("no frame was drawn");
    assert!(
        off > last_frame,
        "bracketed paste was turned off before the last frame"
    );
    assert!(
        !app.screen().inner().bracketed_paste(),
        "bracketed paste is still on after the reader ended"
    );
}
