//! The reader under stress in a real pty: signals, a panic, the terminal going away and
//! resize storms all leave the terminal restored, asserted on the raw output bytes.

use crate::support::pty;

use std::time::{Duration, Instant};

use pty::Pty;

const BIN: &str = env!("CARGO_BIN_EXE_reelread");

/// Leaves the alternate screen.
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
/// Shows the cursor.
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
/// Turns mouse capture off (crossterm's first disable sequence).
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
/// Turns bracketed paste off.
const PASTE_OFF: &[u8] = b"\x1b[?2004l";

fn started(env: &[(&str, &str)]) -> Pty {
    let env: Vec<(String, String)> = env
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let mut app = Pty::spawn_with(BIN, &[], 100, 30, |cmd| {
        for (k, v) in &env {
            cmd.env(k, v);
        }
    });
    app.wait_for("the first frame", |s| s.pane("Reading").is_some());
    app
}

fn position(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The terminal is handed back: after the last thing drawn come the restoring sequences.
fn assert_restored(raw: &[u8]) {
    for (name, sequence) in [
        ("leave alternate screen", LEAVE_ALT),
        ("show cursor", SHOW_CURSOR),
        ("mouse off", MOUSE_OFF),
        ("bracketed paste off", PASTE_OFF),
    ] {
        assert!(
            position(raw, sequence).is_some(),
            "no {name} sequence in the output"
        );
    }
    let entered = position(raw, b"\x1b[?1049h").expect("entered the alternate screen");
    assert!(
        position(raw, LEAVE_ALT) > Some(entered),
        "left the alternate screen before entering it"
    );
}

fn kill(pid: u32, signal: &str) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn stop_signals_restore_the_terminal_save_state_and_exit_128_plus_signal() {
    use portable_pty::ExitStatus;
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2)] {
        let mut app = started(&[]);
        app.send("J");
        app.wait_for("the second review", |s| {
            s.pane_contains("Reading", "A Heartwarming Story")
        });
        kill(app.pid(), signal);
        let status: ExitStatus = app.wait_exit();
        assert_eq!(status.exit_code(), 128 + number, "SIG{signal}");
        assert_restored(&app.raw_output());
        let state = app.home().join("state/reelread/state.toml");
        let saved = std::fs::read_to_string(&state).unwrap_or_else(|e| panic!("SIG{signal}: {e}"));
        assert!(
            saved.contains("last_open = \"heartwarming-story\""),
            "SIG{signal}:\n{saved}"
        );
    }
}

/// Signals whose default action would end the reader with the terminal still taken
/// over (SIGQUIT even dumping core): each must end it as SIGTERM does.
#[cfg(unix)]
#[test]
fn other_ending_signals_restore_the_terminal_and_exit_128_plus_signal() {
    use signal_hook::consts::{SIGPIPE, SIGQUIT, SIGUSR1};
    for (signal, number) in [("QUIT", SIGQUIT), ("USR1", SIGUSR1), ("PIPE", SIGPIPE)] {
        let mut app = started(&[]);
        kill(app.pid(), signal);
        let status = app.wait_exit();
        let expected = u32::try_from(128 + number).expect("a small number");
        assert_eq!(status.exit_code(), expected, "SIG{signal}");
        let raw = app.raw_output();
        assert_restored(&raw);
        let tail = &raw[position(&raw, LEAVE_ALT).expect("left the alternate screen")..];
        assert_eq!(
            String::from_utf8_lossy(tail),
            String::from_utf8_lossy(&[LEAVE_ALT, SHOW_CURSOR].concat()),
            "SIG{signal}: the output does not end by restoring the terminal"
        );
    }
}

#[test]
fn a_panic_restores_the_terminal_and_prints_a_sanitised_message() {
    let mut app = Pty::spawn_with(BIN, &[], 100, 30, |cmd| cmd.env("REELREAD_TEST_PANIC", "1"));
    let status = app.wait_exit();
    assert!(!status.success());
    let raw = app.raw_output();
    assert_restored(&raw);
    let text = String::from_utf8_lossy(&raw);
    assert!(
        text.contains("reelread crashed: test panic requested with ␛]0;pwned␇"),
        "{text}"
    );
    assert!(
        position(&raw, b"\x1b]0;pwned").is_none(),
        "the raw escape reached the terminal"
    );
}

#[test]
fn closing_the_terminal_ends_the_program_quickly() {
    use std::io::Read as _;
    // Own every handle on the terminal here, so dropping them really closes it.
    let pair = portable_pty::native_pty_system()
        .openpty(portable_pty::PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("openpty");
    let home = tempfile::tempdir().expect("temp home");
    let mut cmd = portable_pty::CommandBuilder::new(BIN);
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home.path());
    cmd.env("XDG_STATE_HOME", home.path().join("state"));
    cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let writer = pair.master.take_writer().expect("writer");
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("Reading") {
        let n = reader.read(&mut buf).expect("read the first frame");
        assert!(n > 0, "the program ended before drawing");
        seen.extend_from_slice(&buf[..n]);
    }
    drop((reader, writer, pair.master));
    let deadline = Instant::now() + Duration::from_secs(2);
    while child.try_wait().expect("try_wait").is_none() {
        if Instant::now() >= deadline {
            let _ = child.kill();
            panic!("still running 2 s after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_resize_storm_ends_in_a_correct_frame() {
    let mut app = started(&[]);
    for i in 0..300u16 {
        app.resize(20 + i % 180, 5 + i % 50);
    }
    app.resize(100, 30);
    app.wait_for("a full frame at 100x30", |s| {
        s.size() == (30, 100)
            && s.row(0).contains("1 Mile to You (2017)")
            && s.pane("Reviews 5").is_some()
            && s.pane("Reading").is_some()
    });
    // The frame above may be a stale one shown at the new size while the reader is still
    // working through the storm's backlog; a rare lost keypress here is noted in the
    // project's closing note, so ask again before declaring a hang.
    app.send("q");
    let deadline = std::time::Instant::now() + Duration::from_secs(3);
    while app.try_wait().is_none() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    if app.try_wait().is_none() {
        app.send("q");
    }
    assert!(app.wait_exit().success());
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_the_reader_back() {
    // A real job-control shell, so Ctrl-Z stops the reader as it would for a person.
    let mut shell = Pty::spawn_with("bash", &["--norc", "--noprofile", "-i"], 100, 30, |cmd| {
        cmd.env("PS1", "shell$ ");
    });
    shell.wait_for_screen("the prompt", |s| s.contains("shell$ "));
    shell.send(&format!("{BIN}\r"));
    shell.wait_for("the reader", |s| s.pane("Reading").is_some());
    shell.send("J");
    shell.wait_for("the second review", |s| {
        s.pane_contains("Reading", "A Heartwarming Story")
    });
    shell.send("\x1a");
    shell.wait_for_screen("the shell's stopped-job notice", |s| s.contains("Stopped"));
    shell.send("fg\r");
    let s = shell.wait_for("the reader back where it was", |s| {
        s.pane_contains("Reading", "A Heartwarming Story")
    });
    // The shell turned bracketed paste off to run `fg`; the reader turns it on again.
    assert!(
        s.inner().bracketed_paste(),
        "bracketed paste is off after resuming"
    );
    shell.send("q");
    // Prompts: before the reader, after the stop, and now after it quit.
    shell.wait_for_screen("the prompt after quitting", |s| {
        s.pane("Reading").is_none() && s.text().matches("shell$ ").count() >= 3
    });
    shell.send("echo reader-status=$?\r");
    shell.wait_for_screen("the reader's exit status", |s| {
        s.contains("reader-status=0")
    });
    shell.send("exit 0\r");
    assert!(shell.wait_exit().success());
}
