//! More of the tests in `data.rs`, which holds their helpers.

use super::*;

#[cfg(unix)]
#[test]
fn an_unreadable_file_says_why() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("tempdir");
    let reviews = scratch_collection(tmp.path());
    let locked = reviews.join("locked.toml");
    std::fs::write(&locked, "title = \"t\"\nbody = \"b\"\n").expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&locked).is_ok() {
        // Running as root, permissions do not stop reading; the folder-named-like-a-file
        // fixture covers the unreadable case instead.
        eprintln!("skipped: permissions do not apply to this user");
        return;
    }
    let expected = format!(
        "{}: error: cannot read file: permission denied",
        locked.display()
    );
    assert_only_good(tmp.path(), &expected);
}

#[cfg(unix)]
#[test]
fn a_pipe_named_like_a_review_is_refused_without_blocking() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let reviews = scratch_collection(tmp.path());
    let pipe = reviews.join("pipe.toml");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let expected = format!(
        "{}: error: cannot read file: it is a FIFO (named pipe), not a file",
        pipe.display()
    );
    assert_only_good(tmp.path(), &expected);
}

#[test]
fn unknown_keys_warn_and_the_file_still_loads() {
    let library = load_path(&fixture("warnings"));
    assert_eq!((library.files_skipped, library.error_count()), (0, 0));
    let r = review(&library, "extra-keys");
    assert_eq!(
        (r.comments.len(), r.rating.map(|x| x.score)),
        (2, Some(3.0))
    );
    assert_eq!(library.diagnostics.len(), 3, "{:?}", library.diagnostics);
    let warning = |key: &str| {
        let d = library
            .diagnostics
            .iter()
            .find(|d| d.message.contains(&format!("{key}` ignored")));
        d.unwrap_or_else(|| panic!("no warning for {key}: {:?}", library.diagnostics))
    };
    for (key, shown, position) in [
        ("mood", "mood", (3, 1)),
        ("stars", "rating.stars", (4, 36)),
        ("likes", "comments[2].likes", (13, 1)),
    ] {
        let d = warning(key);
        assert!(d.message.contains(&format!("unknown key `{shown}`")), "{d}");
        assert_eq!(d.severity, Severity::Warning, "{d}");
        assert_diagnostic(d, "reviews/extra-keys.toml", position, key, "unknown key");
    }
}

#[test]
fn broken_film_gives_a_placeholder_and_reviews_still_load() {
    let library = load_path(&fixture("broken-film"));
    assert_eq!(library.collections[0].film.title, "broken-film");
    assert_eq!(ids(&library), ["still-here"]);
    assert_eq!((library.files_skipped, library.diagnostics.len()), (1, 1));
    let d = &library.diagnostics[0];
    assert!(d.is_error());
    // The array on line 3 is not closed; the parser notices at the next key.
    assert_diagnostic(
        d,
        "film.toml",
        (4, 1),
        "genres",
        "missing comma between array elements",
    );
}

#[test]
fn library_folder_loads_every_collection() {
    let library = load_path(&fixture("library"));
    assert!(library.diagnostics.is_empty(), "{:?}", library.diagnostics);
    let films: Vec<_> = library
        .collections
        .iter()
        .map(|c| (c.name.as_str(), c.film.title.as_str()))
        .collect();
    assert_eq!(films, [("alpha", "Film alpha"), ("beta", "Film beta")]);
    let qualified: Vec<_> = library
        .reviews()
        .map(|(c, r)| library.qualified_id(c, r))
        .collect();
    assert_eq!(qualified, ["alpha/only", "beta/only"]);
}

#[test]
fn hostile_text_is_neutralised() {
    let library = load_path(&fixture("hostile"));
    assert!(library.diagnostics.is_empty(), "{:?}", library.diagnostics);
    assert_eq!(ids(&library), ["crlf", "escapes"]);
    let mut all = Vec::new();
    for c in &library.collections {
        strings(&serde_json::to_value(&c.film).expect("film"), "", &mut all);
        for r in &c.reviews {
            strings(&serde_json::to_value(r).expect("review"), "", &mut all);
            all.push((r.id.clone(), true));
        }
    }
    assert!(all.len() > 15, "every field is checked: {all:?}");
    for (s, one_line) in all {
        assert!(!s.chars().any(is_dangerous), "control left in {s:?}");
        assert!(
            !(one_line && s.contains('\n')),
            "line break in one-line field {s:?}"
        );
    }

    let film = &library.collections[0].film;
    assert_eq!(film.title, "Hostile\u{241b}[2J Film\u{fffd}");
    assert_eq!(film.directors, ["Dir\u{fffd}31mector    tab"]);
    let e = review(&library, "escapes");
    assert_eq!(
        e.title,
        "Red\u{241b}[31m alert\u{fffd}2J\u{fffd}gnp.exe second line"
    );
    assert!(
        e.body
            .starts_with("Body\u{241b}[2J\u{fffd}31m text\u{fffd} reversed"),
        "{:?}",
        e.body
    );
    assert!(
        // NEL (U+0085) is a C1 control: a visible stand-in, not a line break.
        e.body
            .ends_with("\nnext    line\u{2400}\u{2421}\u{fffd}end"),
        "{:?}",
        e.body
    );
    assert_eq!(
        e.comments[0].author.as_deref(),
        Some("Ev\u{241b}[8mil\u{fffd} Two lines")
    );
    assert_eq!(e.comments[0].text, "Comment\u{241b}[5m blink\nreturn");

    let raw = std::fs::read(fixture("hostile/reviews/crlf.toml")).expect("crlf fixture");
    assert!(
        raw.windows(2).any(|w| w == b"\r\n"),
        "fixture kept its CRLF endings"
    );
    let crlf = review(&library, "crlf");
    assert_eq!(crlf.title, "CRLF    title");
    assert_eq!(crlf.body, "line one\n    indented\nline two\n");
    assert_eq!(crlf.comments[0].text, "CRLF    comment\n");
    assert_eq!(crlf.comments[0].author.as_deref(), Some("Tab Author"));
}

#[test]
fn folder_without_a_collection_is_an_error() {
    let path = fixture("not-a-collection");
    let library = load_path(&path);
    assert!(library.collections.is_empty());
    let [d] = library.diagnostics.as_slice() else {
        panic!("{:?}", library.diagnostics)
    };
    assert!(d.is_error() && d.path == path.display().to_string(), "{d}");
    assert!(d.message.contains("no collection here"), "{d}");
}

#[test]
fn missing_path_is_an_error() {
    let path = fixture("does-not-exist");
    let library = load_path(&path);
    assert!(library.collections.is_empty());
    let [d] = library.diagnostics.as_slice() else {
        panic!("{:?}", library.diagnostics)
    };
    assert!(d.is_error() && d.path == path.display().to_string(), "{d}");
    assert!(d.message.contains("no such folder"), "{d}");
}
