//! `--color`: `always` colours `list`, `show` and `check` even into a pipe; `never`,
//! `NO_COLOR` and a pipe under `auto` give no escape byte at all.

use std::process::{Command, Output};

fn run_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let home = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-home");
    let mut command = Command::new(env!("CARGO_BIN_EXE_reelread"));
    command
        .args(args)
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run reelread")
}

fn invalid() -> String {
    format!(
        "{}/tests/fixtures/invalid/wrong-type",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn commands() -> Vec<Vec<String>> {
    let owned = |args: &[&str]| args.iter().map(|&a| a.to_owned()).collect::<Vec<_>>();
    vec![
        owned(&["list"]),
        owned(&["show", "keep-on-running"]),
        owned(&["show", "trailer-park-tuesday", "--grep", "screener"]),
        vec!["check".to_owned(), invalid()],
    ]
}

#[test]
fn always_colours_list_show_and_check_even_in_a_pipe() {
    for args in commands() {
        let mut with = vec!["--color", "always"];
        with.extend(args.iter().map(String::as_str));
        let out = run_env(&with, &[]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("\x1b["),
            "{with:?} printed no colour:\n{text}"
        );
        assert!(text.contains("\x1b[0m"), "{with:?} never resets");
        // --color always wins over NO_COLOR, as in the reader.
        let out = run_env(&with, &[("NO_COLOR", "1")]);
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("\x1b["),
            "{with:?}"
        );
    }
    let out = run_env(&["list", "--color", "always"], &[]);
    let first = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(
        first.starts_with("\x1b[1;33mguilt-and-redemption"),
        "the ID is coloured: {first:?}"
    );
    let out = run_env(&["check", "--color", "always", &invalid()], &[]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("\x1b[1;31merror\x1b[0m: "),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn never_no_color_and_a_pipe_give_no_escape_byte() {
    for args in commands() {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let never: Vec<&str> = ["--color", "never"]
            .into_iter()
            .chain(args.iter().copied())
            .collect();
        for (what, out) in [
            ("--color never", run_env(&never, &[])),
            ("NO_COLOR", run_env(&args, &[("NO_COLOR", "1")])),
            ("a pipe under auto", run_env(&args, &[])),
            ("TERM=dumb", run_env(&args, &[("TERM", "dumb")])),
        ] {
            assert!(
                !out.stdout.contains(&0x1b),
                "{args:?} with {what} printed an escape"
            );
            assert!(
                !out.stdout.is_empty(),
                "{args:?} with {what} printed nothing"
            );
        }
    }
}
