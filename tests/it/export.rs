//! `reelread export` run as a user would, and the Markdown file the reader's `e` key writes.

use std::process::Output;

use reelread::data::bundled_library;
use serde_json::{Value, json};

fn run(args: &[&str]) -> Output {
    crate::support::cli::run(args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8 output")
}

fn exported_json(args: &[&str]) -> Vec<Value> {
    let out = run(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value: Value = serde_json::from_slice(&out.stdout).expect("json");
    value.as_array().expect("array").clone()
}

fn titles(markdown: &str) -> Vec<&str> {
    markdown
        .lines()
        .filter_map(|l| l.strip_prefix("# "))
        .collect()
}

#[test]
fn json_has_every_review_with_its_comments() {
    let reviews = exported_json(&["export", "--format", "json"]);
    assert_eq!(reviews.len(), 5);
    let trailer = reviews
        .iter()
        .find(|r| r["id"] == "trailer-park-tuesday")
        .expect("trailer post");
    assert_eq!(trailer["film"]["title"], "1 Mile to You");
    assert_eq!(trailer["film"]["year"], 2017);
    assert_eq!(trailer["kind"], "preview");
    let comments = trailer["comments"].as_array().expect("comments");
    assert_eq!(comments.len(), 20);
    assert_eq!(comments[0]["author"], "Liz");
    assert_eq!(comments[0]["contact"], "Twitter: yesnofilms");
    let authors = comments.iter().filter(|c| c["author"].is_string()).count();
    assert!(authors >= 2, "only {authors} named commenters");
    assert!(comments.iter().any(|c| c["author"] == "Pam Wattenbarger"));
}

#[test]
fn json_round_trips_every_field_of_every_review() {
    let reviews = exported_json(&["export", "--format", "json"]);
    let library = bundled_library();
    let loaded: Vec<_> = library.reviews().collect();
    assert_eq!(reviews.len(), loaded.len());
    for (exported, (collection, review)) in reviews.iter().zip(loaded) {
        assert_eq!(exported["id"], review.id.as_str());
        assert_eq!(exported["body"], review.body.as_str());
        let texts: Vec<&str> = exported["comments"]
            .as_array()
            .expect("comments")
            .iter()
            .map(|c| c["text"].as_str().expect("comment text"))
            .collect();
        let loaded_texts: Vec<&str> = review.comments.iter().map(|c| &*c.text).collect();
        assert_eq!(texts, loaded_texts, "{}", review.id);
        // Everything else too: the export is the review plus its ID and film, with
        // `rewatch` even where the review file leaves it out.
        let mut expected = serde_json::to_value(review).expect("serialise");
        let object = expected.as_object_mut().expect("object");
        object.insert("id".into(), review.id.clone().into());
        let film = json!({ "title": collection.film.title, "year": collection.film.year });
        object.insert("film".into(), film);
        object.entry("rewatch").or_insert(false.into());
        assert_eq!(exported, &expected, "{}", review.id);
    }
}

#[test]
fn json_ids_are_qualified_in_a_library() {
    let dir = format!("{}/tests/fixtures/library", env!("CARGO_MANIFEST_DIR"));
    let reviews = exported_json(&["export", &dir, "--format", "json"]);
    let ids: Vec<&str> = reviews.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ["alpha/only", "beta/only"]);
}

#[test]
fn markdown_for_a_reviewer_has_only_their_reviews() {
    let out = run(&["export", "--format", "markdown", "--reviewer", "pam"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(titles(&text), ["Trailer Park Tuesday, 1 Mile To You"]);
    assert!(text.starts_with("# Trailer Park Tuesday, 1 Mile To You\n"));
    assert!(text.contains("\n## Comments (20)\n"));
    assert!(text.contains("Pam Wattenbarger"));
    assert!(text.contains("- **Kind:** preview\n"));
    // What the file does not say has no line: no `**Reviewer:** unknown`.
    assert!(!text.contains("**Reviewer:**"), "{text}");
    assert!(!text.contains("unknown"), "{text}");
    // The bundled review's caption image stays a caption, not a broken image.
    assert!(!text.contains("]()"), "{text}");
    assert!(
        !text.contains("\n---\n"),
        "a single document has no separator"
    );
}

#[test]
fn markdown_is_the_default_and_separates_documents() {
    let out = run(&["export"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(titles(&text).len(), 5);
    assert_eq!(text.matches("\n\n---\n\n").count(), 4);
    assert_eq!(text.matches("\n## Comments (").count(), 5);
}

#[test]
fn grep_selects_by_text() {
    let reviews = exported_json(&["export", "--format", "json", "--grep", "screener"]);
    let ids: Vec<&str> = reviews.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ["trailer-park-tuesday"]);
    let text = stdout(&run(&["export", "--grep", "SCREENER"]));
    assert_eq!(titles(&text), ["Trailer Park Tuesday, 1 Mile To You"]);
}

#[test]
fn nothing_selected_is_an_empty_answer_with_a_message() {
    let out = run(&["export", "--reviewer", "nobody"]);
    assert_eq!(out.status.code(), Some(1), "nothing found");
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "No reviewer or commenter matches “nobody”.\n"
    );
    let out = run(&["export", "--grep", "zzzz"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("No review matches --grep “zzzz”"));
    let out = run(&["export", "--reviewer", "nobody", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).trim(), "[]");
}

#[test]
fn hostile_text_stays_inert() {
    let dir = format!("{}/tests/fixtures/hostile", env!("CARGO_MANIFEST_DIR"));
    for format in ["markdown", "json"] {
        let out = run(&["export", &dir, "--format", format]);
        assert!(out.status.success(), "{format}");
        let text = stdout(&out);
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{format}: {text:?}"
        );
    }
}

#[test]
fn markdown_files_never_overwrite() {
    let library = bundled_library();
    let collection = &library.collections[0];
    let review = collection
        .reviews
        .iter()
        .find(|r| r.id == "trailer-park-tuesday")
        .expect("trailer post");
    let dir = tempfile::tempdir().expect("temp dir");
    let first =
        reelread::export::write_markdown_file(dir.path(), collection, review).expect("first");
    let second =
        reelread::export::write_markdown_file(dir.path(), collection, review).expect("second");
    assert_eq!(first, dir.path().join("trailer-park-tuesday.md"));
    assert_eq!(second, dir.path().join("trailer-park-tuesday-2.md"));
    let expected = reelread::export::markdown(collection, review);
    for path in [&first, &second] {
        let text = std::fs::read_to_string(path).expect("read export");
        assert_eq!(text, expected, "{}", path.display());
        assert!(text.contains("\n### #20"));
    }
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["trailer-park-tuesday-2.md", "trailer-park-tuesday.md"]
    );
}

/// A library of two films: one with a year and a review that states its URL, when it was
/// watched and that it was a rewatch; one with neither year nor any of those.
fn two_films() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = [
        ("dune/film.toml", "title = \"Dune\"\nyear = 2021\n"),
        (
            "dune/reviews/second-look.toml",
            "title = \"Second look\"\nbody = \"Better.\"\nurl = \"https://example.com/dune\"\nwatched = 2024-06-01\nrewatch = true\n",
        ),
        ("untitled/film.toml", "title = \"Untitled\"\n"),
        (
            "untitled/reviews/first.toml",
            "title = \"First\"\nbody = \"Fine.\"\n",
        ),
    ];
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    dir
}

/// What `list --json` and `export --format json` both say of each review's film and origin.
fn film_and_url(rows: &[Value]) -> Vec<Value> {
    rows.iter()
        .map(|r| json!([r["id"], r["film"], r["url"], r["watched"], r["rewatch"]]))
        .collect()
}

#[test]
fn both_jsons_give_the_film_with_its_year_the_url_and_when_it_was_watched() {
    let bundled = json!({ "title": "1 Mile to You", "year": 2017 });
    for args in [&["list", "--json"][..], &["export", "--format", "json"]] {
        let rows = exported_json(args);
        assert_eq!(rows.len(), 5, "{args:?}");
        for row in film_and_url(&rows) {
            assert_eq!(row[1], bundled, "{args:?}");
            assert_eq!(
                row.as_array().expect("row")[2..],
                [json!(null), json!(null), json!(false)]
            );
        }
    }
    let dir = two_films();
    let dir = dir.path().to_str().expect("utf-8 path");
    for args in [
        &["list", dir, "--json"][..],
        &["export", dir, "--format", "json"],
    ] {
        assert_eq!(
            film_and_url(&exported_json(args)),
            [
                json!([
                    "dune/second-look",
                    { "title": "Dune", "year": 2021 },
                    "https://example.com/dune",
                    "2024-06-01",
                    true
                ]),
                json!([
                    "untitled/first",
                    { "title": "Untitled", "year": null },
                    null,
                    null,
                    false
                ]),
            ],
            "{args:?}"
        );
    }
}
