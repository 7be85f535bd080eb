//! Command-line arguments are a stranger's text too (a script may pass anything): when
//! clap refuses one and quotes it, the message reaches stderr sanitised, while `--help`
//! and `--version` still print as they always did.

use crate::support::cli::run;

const OSC_TITLE: &str = "\x1b]0;X\x07";

/// No ESC, BEL, other C0 control but a line break or tab, or C1 control (as UTF-8).
fn assert_inert(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    assert!(
        !text
            .chars()
            .any(|c| (c.is_control() && c != '\n') || ('\u{80}'..='\u{9f}').contains(&c)),
        "{what}: a control character reached stderr: {text:?}"
    );
}

#[test]
fn a_refused_argument_is_quoted_sanitised_with_clap_s_exit_code() {
    for args in [
        vec!["list", "--sort", OSC_TITLE],
        vec!["completions", OSC_TITLE],
        vec!["list", "--sort", "x\u{9b}31m\u{202e}"],
        vec![OSC_TITLE, "extra"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_inert(&out.stderr, &format!("{args:?}"));
        let text = String::from_utf8_lossy(&out.stderr);
        assert!(text.starts_with("error: "), "{args:?}: {text}");
        assert!(text.ends_with("try '--help'.\n"), "{args:?}: {text}");
    }
    let out = run(&["list", "--sort", OSC_TITLE]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("'\u{241b}]0;X\u{2407}'"),
        "the value is shown with its stand-ins: {:?}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn help_and_version_still_print_to_stdout_and_succeed() {
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("Usage: reelread") && help.contains("Examples:"),
        "{help}"
    );
    assert!(out.stderr.is_empty());
    let out = run(&["list", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("--sort"));
    let out = run(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("reelread {}\n", env!("CARGO_PKG_VERSION"))
    );
}
