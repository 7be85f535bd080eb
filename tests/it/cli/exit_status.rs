//! grep's exit status for every command (0 found, 1 nothing found, 2 a usage or data
//! error), each command's cases run as a script would, and the README and the man page
//! saying the same.

use std::path::Path;
use std::process::Output;

use crate::sources::{Home, following_alice};
use crate::support::cli::{run, run_with_home};

fn code(out: &Output) -> Option<i32> {
    out.status.code()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[track_caller]
fn expect(args: &[&str], want: i32) -> Output {
    let out = run(args);
    assert_eq!(code(&out), Some(want), "{args:?}: {}", stderr(&out));
    out
}

#[test]
fn list_is_0_when_it_lists_1_when_nothing_passes_2_on_error() {
    expect(&["list"], 0);
    let out = expect(&["list", "--grep", "zzzz"], 1);
    assert_eq!(
        stderr(&out),
        "No review matches --grep “zzzz” (spoilers are not searched).\n"
    );
    expect(&["list", "--json", "--grep", "zzzz"], 1);
    expect(&["list", "/no/such/folder"], 2);
    expect(&["list", "--sort", "sideways"], 2);
}

#[test]
fn an_unknown_actor_or_person_is_named_not_just_no_match() {
    let out = expect(&["list", "--mentions", "nobody"], 1);
    assert_eq!(
        stderr(&out),
        "No cast member matches “nobody” (by actor, role or alias).\n"
    );
    let out = expect(&["list", "--mentions", "crudupp"], 1);
    assert!(
        stderr(&out).contains("Did you mean `Billy Crudup`?"),
        "{}",
        stderr(&out)
    );
    let out = expect(&["list", "--reviewer", "nobody"], 1);
    assert_eq!(stderr(&out), "No reviewer or commenter matches “nobody”.\n");
    // A known actor whom no selected review mentions: the filters are named.
    let out = expect(&["list", "--mentions", "crudup", "--grep", "zzzz"], 1);
    assert_eq!(
        stderr(&out),
        "No review matches --grep “zzzz” (spoilers are not searched) and --mentions “crudup”.\n"
    );
}

#[test]
fn show_is_0_when_shown_1_when_grep_finds_nothing_2_for_a_bad_id() {
    expect(&["show", "keep-on-running"], 0);
    expect(&["show", "trailer-park-tuesday", "--grep", "screener"], 0);
    let out = expect(&["show", "trailer-park-tuesday", "--grep", "zeppelin"], 1);
    assert!(stderr(&out).contains("No match for “zeppelin”"));
    expect(&["show", "no-such-review"], 2);
    expect(&["show"], 2);
    expect(&["show", "keep-on-running", "/no/such/folder"], 2);
}

#[test]
fn export_is_0_when_it_exports_1_when_nothing_passes_2_on_error() {
    expect(&["export"], 0);
    expect(&["export", "--grep", "zzzz"], 1);
    expect(&["export", "--format", "yaml"], 2);
    expect(&["export", "/no/such/folder"], 2);
}

#[test]
fn check_is_0_without_errors_1_with_them_2_with_nothing_to_check() {
    expect(&["check"], 0);
    expect(&["check", &fixture("invalid/wrong-type")], 1);
    expect(&["check", "/no/such/folder"], 2);
    expect(&["check", &fixture("not-a-collection")], 2);
}

#[test]
fn a_missing_film_toml_is_a_warning_in_check_as_in_import_and_the_reader() {
    let dir = tempfile::tempdir().expect("collection");
    std::fs::create_dir_all(dir.path().join("reviews")).expect("mkdir");
    std::fs::write(
        dir.path().join("reviews/one.toml"),
        "title = \"One\"\nbody = \"Text.\"\n",
    )
    .expect("review");
    let out = expect(&["check", dir.path().to_str().expect("utf-8")], 0);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("film.toml: warning: missing film.toml: the film is shown by folder name"),
        "{said}"
    );
    assert!(
        said.ends_with("1 collection, 1 review, 0 comments, 0 errors, 1 warning\n"),
        "{said}"
    );
}

#[test]
fn import_is_0_when_written_1_when_the_file_holds_no_review_2_on_error() {
    let into = tempfile::tempdir().expect("collection");
    std::fs::write(into.path().join("film.toml"), "title = \"F\"\n").expect("film");
    let dir = into.path().to_str().expect("utf-8");
    let review = into.path().join("review.txt");
    std::fs::write(&review, "A title\n\nA body.\n").expect("write");
    let review = review.to_str().expect("utf-8");
    expect(&["import", review, "--into", dir], 0);
    // The same file again: the review file is there and is not replaced.
    expect(&["import", review, "--into", dir], 2);
    let empty = into.path().join("empty.txt");
    std::fs::write(&empty, "\n").expect("write");
    expect(
        &["import", empty.to_str().expect("utf-8"), "--into", dir],
        1,
    );
    expect(&["import", "/no/such/file.txt", "--into", dir], 2);
}

#[test]
fn follow_unfollow_sources_and_fetch_follow_the_rule() {
    let (_server, url, home) = following_alice();
    assert_eq!(code(&home.run(&["sources"])), Some(0));
    assert_eq!(
        code(&home.run(&["follow", &url])),
        Some(1),
        "already followed"
    );
    assert_eq!(
        code(&home.run(&["follow", "ftp://x.example/feed"])),
        Some(2)
    );
    assert_eq!(code(&home.run(&["fetch"])), Some(0));
    assert_eq!(code(&home.run(&["fetch", "nobody"])), Some(2));
    assert_eq!(code(&home.run(&["unfollow", "alice"])), Some(0));
    let again = home.run(&["unfollow", "alice"]);
    assert_eq!(code(&again), Some(1), "nothing changed");
    assert_eq!(code(&home.run(&["sources"])), Some(1), "none followed");
    assert_eq!(code(&home.run(&["sources", "--json"])), Some(1));
    let fetch = home.run(&["fetch"]);
    assert_eq!(code(&fetch), Some(1), "nothing to fetch");
    assert!(stderr(&fetch).contains("No sources followed yet"));
}

#[test]
fn an_unfollow_typo_gets_did_you_mean() {
    let home = Home::new();
    home.follow_raw(&[("alice", "https://a.example/feed")]);
    let out = home.run(&["unfollow", "alcie"]);
    assert_eq!(code(&out), Some(1));
    assert!(
        stderr(&out).contains("Did you mean `alice`?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn config_keys_completions_and_man_are_0_and_2_for_a_bad_config() {
    for args in [
        &["config"][..],
        &["keys"],
        &["completions", "bash"],
        &["man"],
    ] {
        expect(args, 0);
    }
    expect(&["completions", "tcsh"], 2);
    let home = tempfile::tempdir().expect("home");
    let config = home.path().join("config/reelread");
    std::fs::create_dir_all(&config).expect("mkdir");
    std::fs::write(config.join("config.toml"), "text_width = \"wide\"\n").expect("config");
    for command in ["config", "keys"] {
        let out = run_with_home(&[command], home.path());
        assert_eq!(code(&out), Some(2), "{command}: {}", stderr(&out));
        assert!(!out.stdout.is_empty(), "{command} still prints");
    }
    let out = run(&["--config", "/no/such/config.toml", "keys"]);
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
}

#[test]
fn plain_reelread_on_a_pipe_is_a_usage_error_with_a_hint() {
    // The test's stdout is a pipe, as in `reelread | less` or a script.
    let out = expect(&[], 2);
    assert!(out.stdout.is_empty());
    let said = stderr(&out);
    assert!(
        said.starts_with("reelread draws a reader only on a terminal."),
        "{said}"
    );
    assert!(said.contains("reelread list [DIR]"), "{said}");
    assert!(
        said.contains("`reelread --help` lists every command."),
        "{said}"
    );
    expect(&["/no/such/folder"], 2);
    expect(&["--no-such-option"], 2);
    expect(&["--help"], 0);
    expect(&["--version"], 0);
}

/// The commands the man page's EXIT STATUS names, in order.
fn man_commands() -> Vec<String> {
    let man = String::from_utf8(run(&["man"]).stdout).expect("utf-8");
    let section = man
        .split(".SH \"EXIT STATUS\"")
        .nth(1)
        .and_then(|rest| rest.split("\n.SH ").next())
        .expect("an EXIT STATUS section")
        .to_owned();
    section
        .lines()
        .filter_map(|l| l.strip_prefix("\\fB")?.strip_suffix("\\fR"))
        .map(|name| name.replace("\\-", "-"))
        .collect()
}

#[test]
fn the_readme_and_the_man_page_list_every_command_s_exit_status() {
    let commands = man_commands();
    for needed in [
        "list", "show", "export", "check", "import", "follow", "unfollow", "sources", "fetch",
        "config", "keys",
    ] {
        assert!(
            commands.iter().any(|c| c == needed),
            "man page lacks {needed}: {commands:?}"
        );
    }
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README");
    let section = readme
        .split("\n## Exit status\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("README has an Exit status section");
    for command in &commands {
        assert!(
            section.contains(&format!("| `{command}` |")),
            "README's Exit status lacks `{command}`"
        );
    }
}

#[test]
fn import_without_into_writes_into_the_library_never_the_current_folder() {
    let home = tempfile::tempdir().expect("home");
    let cwd = tempfile::tempdir().expect("working folder");
    let review = cwd.path().join("review.txt");
    std::fs::write(&review, "A title\n\nA body.\n").expect("write");
    // HOME alone, as on a usual machine: the library is under ~/.local/share.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_reelread"))
        .args(["import", "review.txt", "--film", "Heat (1995)"])
        .current_dir(cwd.path())
        .env("HOME", home.path())
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_STATE_HOME")
        .output()
        .expect("run");
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let written = home
        .path()
        .join(".local/share/reelread/library/heat-1995/reviews/a-title.toml");
    assert!(
        written.is_file(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(&written.display().to_string()),
        "the output names the file"
    );
    let left: Vec<_> = std::fs::read_dir(cwd.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        left,
        ["review.txt"],
        "nothing is created in the current folder"
    );
}
