//! A review ID on the command line: `FILM/ID` names one review, an ID two films share is
//! refused with the candidates, and a part or a typo gets "did you mean".

use std::path::Path;

use crate::support::cli::run;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A library of two films that both have a review with the ID `keep-on-running`.
fn two_films() -> tempfile::TempDir {
    let root = tempfile::tempdir().expect("library");
    for (film, title) in [("heat-1995", "Heat"), ("ronin-1998", "Ronin")] {
        let reviews = root.path().join(film).join("reviews");
        std::fs::create_dir_all(&reviews).expect("mkdir");
        std::fs::write(
            root.path().join(film).join("film.toml"),
            format!("title = \"{title}\"\n"),
        )
        .expect("film");
        std::fs::write(
            reviews.join("keep-on-running.toml"),
            format!("title = \"{title}: keep on running\"\nbody = \"About {title}.\"\n"),
        )
        .expect("review");
    }
    std::fs::write(
        root.path().join("ronin-1998/reviews/trailer-notes.toml"),
        "title = \"Trailer notes\"\nbody = \"Short.\"\n",
    )
    .expect("review");
    root
}

fn path(dir: &Path) -> &str {
    dir.to_str().expect("utf-8 path")
}

#[test]
fn an_id_two_films_share_is_refused_with_the_candidates() {
    let library = two_films();
    let out = run(&["show", "keep-on-running", path(library.path())]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    assert_eq!(
        text(&out.stderr),
        "reelread show: the ID `keep-on-running` is ambiguous: 2 films have it. Name one as FILM/ID:\n  heat-1995/keep-on-running\n  ronin-1998/keep-on-running\n"
    );
}

#[test]
fn film_slash_id_names_one_review_in_a_library_and_in_a_collection() {
    let library = two_films();
    let out = run(&["show", "ronin-1998/keep-on-running", path(library.path())]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("About Ronin."));
    assert!(!text(&out.stdout).contains("About Heat."));
    // In a single collection, the qualified form works too (the bundled one is `1-mile-to-you`).
    let out = run(&["show", "1-mile-to-you/keep-on-running"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // An ID unique in the library needs no film.
    let out = run(&["show", "trailer-notes", path(library.path())]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn a_part_or_a_typo_of_an_id_gets_did_you_mean() {
    let out = run(&["show", "trailer"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "reelread show: no review with ID `trailer`. Did you mean `trailer-park-tuesday`? `reelread list` shows the IDs.\n"
    );
    let out = run(&["show", "keep-on-runing"]);
    assert!(
        text(&out.stderr).contains("Did you mean `keep-on-running`?"),
        "{}",
        text(&out.stderr)
    );
    let library = two_films();
    let out = run(&["show", "trailer", path(library.path())]);
    assert!(
        text(&out.stderr).contains("Did you mean `ronin-1998/trailer-notes`?"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["show", "zeppelin"]);
    assert_eq!(
        text(&out.stderr),
        "reelread show: no review with ID `zeppelin`. `reelread list` shows the IDs.\n"
    );
}

#[test]
fn a_mistyped_option_or_command_gets_did_you_mean() {
    let out = run(&["list", "--gerp", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("a similar argument exists: '--grep'"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["show", "--spoiler", "keep-on-running"]);
    assert!(
        text(&out.stderr).contains("'--spoilers'"),
        "{}",
        text(&out.stderr)
    );
    // A word where the folder goes that is no folder but nearly a command.
    let out = run(&["lsit"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "reelread: `lsit` is neither a folder nor a command. Did you mean `list`?\n"
    );
    let out = run(&["chek"]);
    assert!(
        text(&out.stderr).contains("Did you mean `check`?"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn an_id_whose_file_did_not_load_says_so_rather_than_no_such_review() {
    let dir = format!(
        "{}/tests/fixtures/invalid/wrong-type",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = run(&["show", "wrong-type", &dir]);
    assert_eq!(out.status.code(), Some(2));
    let said = text(&out.stderr);
    assert!(
        said.contains("reviews/wrong-type.toml:3:16: error:"),
        "{said}"
    );
    assert!(
        said.ends_with(
            "reelread show: the review `wrong-type` could not be loaded (its error is above); `reelread check` lists every problem\n"
        ),
        "{said}"
    );
}
