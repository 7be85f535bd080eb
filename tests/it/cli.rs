//! The command line, run as a user would: output text, JSON shape and exit codes.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reelread"))
        .args(args)
        .output()
        .expect("run reelread")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8 output")
}

fn ids(output: &Output) -> Vec<String> {
    stdout(output)
        .lines()
        .map(|l| l.split_whitespace().next().unwrap_or_default().to_owned())
        .collect()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn list_prints_one_line_per_review_starting_with_its_id() {
    let out = run(&["list"]);
    assert!(out.status.success());
    assert_eq!(
        ids(&out),
        [
            "guilt-and-redemption",
            "heartwarming-story",
            "keep-on-running",
            "power-in-your-pain",
            "trailer-park-tuesday"
        ]
    );
    assert!(stdout(&out).contains("unknown reviewer"));
    assert!(stdout(&out).contains("20 comments"));
}

#[test]
fn list_json_has_the_documented_fields() {
    let out = run(&["list", "--json", "--reviewer", "PAM"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    for field in [
        "id",
        "title",
        "source",
        "reviewer",
        "published",
        "rating",
        "comments",
    ] {
        assert!(row.get(field).is_some(), "missing {field}");
    }
    assert_eq!(row["id"], "trailer-park-tuesday");
    assert_eq!(row["comments"], 20);
    assert!(row["reviewer"].is_null());
}

#[test]
fn list_sorts_and_filters_like_the_reader() {
    let out = run(&["list", "--sort", "rating", "--reverse"]);
    assert_eq!(ids(&out)[..2], ["guilt-and-redemption", "keep-on-running"]);
    let out = run(&["list", "--grep", "SCREENER"]);
    assert_eq!(ids(&out), ["trailer-park-tuesday"]);
    assert!(stdout(&out).contains("2 hits"));
    let out = run(&["list", "--mentions", "Tim Roth", "--sort", "comments"]);
    assert!(ids(&out).contains(&"trailer-park-tuesday".to_owned()));
    assert!(stdout(&out).contains("mention"));
}

#[test]
fn show_wraps_to_the_width_and_greps() {
    let out = run(&["show", "keep-on-running", "--width", "40"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 40)
    );
    assert!(text.contains("Keep on Running"));
    let out = run(&["show", "trailer-park-tuesday", "--grep", "screener"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), 2);
    let out = run(&["show", "trailer-park-tuesday", "--grep", "zeppelin"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn show_hides_spoilers_unless_asked() {
    let dir = fixture("spoilers");
    let hidden = stdout(&run(&["show", "twist", &dir]));
    assert!(hidden.contains("[spoiler: --spoilers shows]") && !hidden.contains("wins the race"));
    let shown = stdout(&run(&["show", "twist", &dir, "--spoilers"]));
    assert!(shown.contains("wins the race"));
}

#[test]
fn check_reports_problems_and_sets_the_exit_code() {
    let out = run(&["check"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out).trim(),
        "1 collection, 5 reviews, 20 comments, 0 errors, 0 warnings"
    );
    let out = run(&["check", &fixture("invalid/wrong-type")]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("reviews/wrong-type.toml:3:16: error:"),
        "{text}"
    );
    assert!(
        text.ends_with("1 collection, 1 review, 0 comments, 1 error, 0 warnings\n"),
        "{text}"
    );
}

#[test]
fn a_missing_folder_fails_with_a_message() {
    for args in [vec!["list", "/no/such/folder"], vec!["/no/such/folder"]] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("no such folder"));
    }
}
