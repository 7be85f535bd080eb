//! The command line, run as a user would: output text, JSON shape and exit codes.

use std::process::Output;

fn run(args: &[&str]) -> Output {
    crate::support::cli::run(args)
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
    // Unknown fields are left out, as in the reader's list.
    assert!(!stdout(&out).contains("unknown"), "{}", stdout(&out));
    assert!(stdout(&out).contains("[2024-06-12 · unrated · 0 comments]"));
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
        "film",
        "source",
        "reviewer",
        "published",
        "watched",
        "rewatch",
        "url",
        "rating",
        "audience_rating",
        "comments",
    ] {
        assert!(row.get(field).is_some(), "missing {field}");
    }
    assert_eq!(row["id"], "trailer-park-tuesday");
    assert_eq!(row["comments"], 20);
    assert!(row["reviewer"].is_null());
    assert_eq!(row["film"]["title"], "1 Mile to You");
    assert_eq!(row["film"]["year"], 2017);
    assert!(row["url"].is_null() && row["watched"].is_null());
    assert_eq!(row["rewatch"], false);
}

#[test]
fn list_sorts_and_filters_like_the_reader() {
    // Highest rated first, as the reader's `o` sorts; `--reverse` puts them last.
    let out = run(&["list", "--sort", "rating"]);
    assert_eq!(ids(&out)[..2], ["guilt-and-redemption", "keep-on-running"]);
    let out = run(&["list", "--sort", "rating", "--reverse"]);
    assert_ne!(ids(&out)[0], "guilt-and-redemption");
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
fn show_says_when_the_film_was_watched_in_the_configured_date_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let reviews = dir.path().join("reviews");
    std::fs::create_dir_all(&reviews).expect("mkdir");
    std::fs::write(dir.path().join("film.toml"), "title = \"Dune\"\n").expect("write");
    for (id, facts) in [
        (
            "again",
            "published = 2024-06-02\nwatched = 2024-06-01\nrewatch = true\n",
        ),
        ("once", "watched = 2024-06-01\n"),
        ("seen-before", "rewatch = true\n"),
        ("plain", ""),
    ] {
        let text = format!("title = \"{id}\"\nbody = \"Text.\"\n{facts}");
        std::fs::write(reviews.join(format!("{id}.toml")), text).expect("write");
    }
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "date_format = \"%e %B %Y\"\n").expect("write config");
    let dir = dir.path().to_str().expect("utf-8 path");
    let config = config.to_str().expect("utf-8 path");
    let date_line = |id: &str, extra: &[&str]| {
        let out = run(&[&["show", id, dir][..], extra].concat());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout(&out).lines().nth(2).expect("date line").to_owned()
    };
    assert_eq!(
        date_line("again", &["--config", config]),
        "Published: 2 June 2024 · Watched 1 June 2024 (rewatch)"
    );
    assert_eq!(
        date_line("once", &[]),
        "Published: date unknown · Watched 2024-06-01"
    );
    assert_eq!(
        date_line("seen-before", &[]),
        "Published: date unknown · Rewatch"
    );
    assert_eq!(date_line("plain", &[]), "Published: date unknown");
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
        assert_eq!(out.status.code(), Some(2), "{args:?}: a data error");
        assert!(String::from_utf8_lossy(&out.stderr).contains("no such folder"));
    }
}

#[test]
fn commands_given_no_folder_read_the_library_once_it_holds_a_collection() {
    let home = tempfile::tempdir().expect("temp home");
    let library = home.path().join("data/reelread/library");
    // An empty library: the bundled collection, as on a fresh machine.
    std::fs::create_dir_all(&library).expect("mkdir");
    let out = crate::support::cli::run_with_home(&["list"], home.path());
    assert!(ids(&out).contains(&"trailer-park-tuesday".to_owned()));
    // One film in it: that is what every command reads.
    copy_dir(
        &std::path::PathBuf::from(fixture("library/alpha")),
        &library.join("alpha"),
    );
    let out = crate::support::cli::run_with_home(&["list"], home.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !ids(&out).contains(&"trailer-park-tuesday".to_owned()),
        "{}",
        stdout(&out)
    );
    assert!(!ids(&out).is_empty());
    let check = crate::support::cli::run_with_home(&["check"], home.path());
    // The library's one review, not the bundled collection's five.
    assert!(
        stdout(&check).contains("1 collection, 1 review,"),
        "{check:?}"
    );
}

#[test]
fn library_in_the_config_moves_it() {
    let home = tempfile::tempdir().expect("temp home");
    let elsewhere = home.path().join("reviews");
    copy_dir(
        &std::path::PathBuf::from(fixture("library/beta")),
        &elsewhere.join("beta"),
    );
    let config = home.path().join("config/reelread");
    std::fs::create_dir_all(&config).expect("mkdir");
    let line = format!(
        "library = {}\n",
        toml::Value::String(elsewhere.display().to_string())
    );
    std::fs::write(config.join("config.toml"), line).expect("write config");
    let out = crate::support::cli::run_with_home(&["list"], home.path());
    assert!(out.status.success());
    assert!(
        !ids(&out).contains(&"trailer-park-tuesday".to_owned()),
        "{}",
        stdout(&out)
    );
    let shown = crate::support::cli::run_with_home(&["config"], home.path());
    assert!(stdout(&shown).contains("library = "), "{}", stdout(&shown));
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

#[test]
fn global_options_work_before_the_command_and_a_folder_before_it_is_refused() {
    use crate::support::cli::run;
    for args in [
        &["--color", "never", "list"][..],
        &["list", "--color", "never"],
        &["--color", "never", "show", "keep-on-running"],
        &["--config", "/nonexistent/reelread.toml", "keys"],
    ] {
        let out = run(args);
        assert!(
            out.status.success() || args.contains(&"--config"),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{args:?} printed nothing");
    }
    let out = run(&["data", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the folder goes after the command"));
}

mod color;
mod exit_status;
mod ids;
mod man;
