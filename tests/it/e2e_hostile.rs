//! Strangers' text against a real terminal: a fixture with one attack per field (OSC
//! titles and links, DCS, APC, PM, SOS, lone ESC, C1 CSI, bidi overrides, terminal
//! reports), read through every view and printed by every command. No byte of it may
//! reach the terminal as a control sequence; the raw output is checked, not the screen.

use crate::support::pty;

use std::process::Command;

use pty::Pty;

const BIN: &str = env!("CARGO_BIN_EXE_reelread");

fn fixture() -> String {
    format!(
        "{}/tests/fixtures/hostile-terminal",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Sequences the fixture plants; none may appear in any output.
const PLANTED: [(&str, &[u8]); 10] = [
    ("OSC (window title, links, clipboard)", b"\x1b]"),
    ("DCS", b"\x1bP"),
    ("APC", b"\x1b_"),
    ("PM", b"\x1b^"),
    ("SOS", b"\x1bX"),
    ("cursor position report request", b"\x1b[6n"),
    ("window title report request", b"\x1b[21t"),
    ("printer on", b"\x1b[5i"),
    ("C1 CSI as UTF-8", b"\xc2\x9b"),
    ("C1 NEL as UTF-8", b"\xc2\x85"),
];

fn assert_inert(what: &str, bytes: &[u8]) {
    for (name, sequence) in PLANTED {
        assert!(
            !bytes.windows(sequence.len()).any(|w| w == sequence),
            "{what}: {name} reached the output"
        );
    }
    let text = String::from_utf8_lossy(bytes);
    for c in text.chars() {
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}');
        assert!(
            !bidi,
            "{what}: bidi control U+{:04X} reached the output",
            u32::from(c)
        );
        assert!(
            !('\u{80}'..='\u{9f}').contains(&c),
            "{what}: C1 control reached the output"
        );
    }
}

#[test]
fn every_view_of_the_reader_stays_inert() {
    let mut app = Pty::spawn(BIN, &[&fixture()], 120, 40);
    // The skipped file may be counted a frame after the first review is shown.
    let screen = app.wait_for("the hostile review and the skipped file", |s| {
        s.pane("Reading").is_some() && s.contains("1 file skipped")
    });
    // The attacks are shown as text, with visible stand-ins.
    assert!(screen.contains("␛]0;pwned-title␇"), "{}", screen.text());
    for keys in [
        "\t", "G", "v", "v", "f", "\x1b", "?", "\x1b", "r", "\x1b", "/pwned", "\r", "y", "b",
    ] {
        app.send(keys);
        std::thread::sleep(std::time::Duration::from_millis(60));
    }
    app.wait_for("the refusal to open a javascript: link", |s| {
        s.contains("Only http(s) links")
    });
    app.send("q");
    assert!(app.wait_exit().success());
    let raw = app.raw_output();
    assert_inert("reader", &raw);
    // The disguised name is drawn with its stand-in (checked in the bytes: the vt100
    // emulator, unlike terminals, drops U+FFFD).
    assert!(
        String::from_utf8_lossy(&raw).contains("ad\u{fffd}min"),
        "the zero-width space was not shown"
    );
}

#[test]
fn every_command_prints_it_inert() {
    let dir = fixture();
    let home = tempfile::tempdir().expect("temp home");
    for args in [
        vec!["list", &dir],
        vec!["list", &dir, "--json"],
        vec!["show", "attacks", &dir],
        vec!["show", "attacks", &dir, "--spoilers", "--grep", "payload"],
        vec!["export", &dir],
        vec!["export", &dir, "--format", "json"],
        vec!["check", &dir],
        vec!["show", "no\x1b]0;such", &dir],
    ] {
        let out = Command::new(BIN)
            .args(&args)
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path())
            .env("XDG_STATE_HOME", home.path())
            .output()
            .expect("run reelread");
        assert_inert(&format!("{args:?} stdout"), &out.stdout);
        assert_inert(&format!("{args:?} stderr"), &out.stderr);
        assert!(
            !out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b),
            "{args:?}: an ESC byte"
        );
    }
}
