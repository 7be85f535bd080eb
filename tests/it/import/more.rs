//! More of the tests in `import.rs`, which holds their helpers.

use super::*;

#[test]
fn an_imported_collection_passes_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("film.toml"), "title = \"1 Mile to You\"\n").expect("film");
    for seed in [
        "seed-000-heartwarming.txt",
        "seed-001-power-in-your-pain.txt",
        "seed-002-guilt-and-redemption.txt",
        "seed-003-keep-on-running.txt",
        "seed-004-trailer-park-tuesday.txt",
    ] {
        let out = import_into(&fixture_path(seed), dir.path(), &[]);
        assert!(out.status.success(), "{seed}: {}", text(&out.stderr));
    }
    // No user config may add its own warnings to the count.
    let check = Command::new(env!("CARGO_BIN_EXE_reelread"))
        .args(["check", dir.path().to_str().expect("utf-8")])
        .env("XDG_CONFIG_HOME", dir.path())
        .env("HOME", dir.path())
        .output()
        .expect("run reelread check");
    let stdout = text(&check.stdout);
    assert!(check.status.success(), "{stdout}");
    assert!(stdout.contains("0 errors, 0 warnings"), "{stdout}");

    // And back out: exporting the imported collection gives the same comments, in order.
    let export = reelread(&[
        "export",
        dir.path().to_str().expect("utf-8"),
        "--format",
        "json",
    ]);
    assert!(export.status.success(), "{}", text(&export.stderr));
    let rows: serde_json::Value = serde_json::from_slice(&export.stdout).expect("json");
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 5);
    let trailer = rows
        .iter()
        .find(|r| r["comments"].as_array().is_some_and(|c| c.len() == 20))
        .expect("the trailer post with its 20 comments");
    let bundled = bundled("trailer-park-tuesday");
    let texts: Vec<&str> = trailer["comments"]
        .as_array()
        .expect("comments")
        .iter()
        .map(|c| c["text"].as_str().expect("text"))
        .collect();
    let expected: Vec<&str> = bundled.comments.iter().map(|c| &*c.text).collect();
    assert_eq!(texts, expected);
}

#[test]
fn import_reports_a_missing_file_an_empty_one_and_a_missing_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("nope.txt");
    let out = import_into(missing.to_str().expect("utf-8"), dir.path(), &[]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a file that cannot be read is an error"
    );
    assert!(text(&out.stderr).starts_with("reelread import: cannot read "));

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, " \n\n").expect("write");
    let out = import_into(empty.to_str().expect("utf-8"), dir.path(), &[]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "an empty file holds no review: nothing found"
    );
    assert!(text(&out.stderr).contains("is empty"));

    let seed = fixture_path("seed-000-heartwarming.txt");
    let out = import_into(&seed, &dir.path().join("no-such-folder"), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not a folder"));
    let written = std::fs::read_dir(dir.path().join("reviews"))
        .expect("reviews")
        .count();
    assert_eq!(written, 0, "nothing was written");
}

#[test]
fn text_that_is_not_utf8_is_decoded_lossily_and_noted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("latin1.txt");
    std::fs::write(&file, b"Caf\xe9 Review\n\nIt was fine.\n").expect("write");
    let out = import_into(file.to_str().expect("utf-8"), dir.path(), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("  guessed: text: not valid UTF-8"));
    let written = std::fs::read(dir.path().join("reviews/caf-review.toml")).expect("written");
    let (review, _) = parse_review("w.toml", "caf-review", &written).expect("loads");
    assert_eq!(review.title, "Caf\u{fffd} Review");
    assert!(text(&written).contains("\n# - text: not valid UTF-8"));
}

#[test]
fn a_binary_file_is_refused_as_not_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let elf = dir.path().join("program");
    let mut bytes = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
    bytes.extend((0..4096u32).map(|i| (i % 251) as u8));
    std::fs::write(&elf, &bytes).expect("write");
    let out = import_into(elf.to_str().expect("utf-8"), dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("is not text (it holds NUL bytes)"),
        "{}",
        text(&out.stderr)
    );
    let garbage = dir.path().join("noise.txt");
    std::fs::write(
        &garbage,
        (0..4096u32)
            .map(|i| 0x80 + (i % 64) as u8)
            .collect::<Vec<u8>>(),
    )
    .expect("write");
    let out = import_into(garbage.to_str().expect("utf-8"), dir.path(), &[]);
    assert!(
        text(&out.stderr).contains("most of it is not UTF-8"),
        "{}",
        text(&out.stderr)
    );
    let written = std::fs::read_dir(dir.path().join("reviews"))
        .expect("reviews")
        .count();
    assert_eq!(written, 0);
}
