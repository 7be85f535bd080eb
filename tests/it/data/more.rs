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
    // The one warning: the URL's escape, made visible, must not make it a usable link.
    let warnings: Vec<_> = library
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.path.rsplit('/').next().unwrap_or_default(),
                d.line,
                d.is_error(),
            )
        })
        .collect();
    assert_eq!(
        warnings,
        [("escapes.toml", 4, false)],
        "{:?}",
        library.diagnostics
    );
    assert!(
        library.diagnostics[0]
            .message
            .starts_with("url holds control")
    );
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
    assert_eq!(&*e.comments[0].text, "Comment\u{241b}[5m blink\nreturn");

    let raw = std::fs::read(fixture("hostile/reviews/crlf.toml")).expect("crlf fixture");
    assert!(
        raw.windows(2).any(|w| w == b"\r\n"),
        "fixture kept its CRLF endings"
    );
    let crlf = review(&library, "crlf");
    assert_eq!(crlf.title, "CRLF    title");
    assert_eq!(crlf.body, "line one\n    indented\nline two\n");
    assert_eq!(&*crlf.comments[0].text, "CRLF    comment\n");
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

#[test]
fn numbers_out_of_range_and_empty_actors_say_what_is_wrong() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("reviews")).expect("mkdir");
    std::fs::write(
        root.join("film.toml"),
        "title = \"F\"\n[[cast]]\nactor = \"\"\n",
    )
    .expect("film");
    let write = |name: &str, text: &str| {
        std::fs::write(root.join("reviews").join(name), text).expect("write");
    };
    write(
        "a.toml",
        "title = \"a\"\nbody = \"b\"\naudience_rating = { score = 1.0, max = 5.0, votes = 9223372036854775807 }\n",
    );
    write(
        "b.toml",
        "title = \"b\"\nbody = \"b\"\n[[comments]]\ntext = \"x\"\nreplies_to = -1\n",
    );
    write(
        "c.toml",
        "title = \"c\"\nbody = \"b\"\nrating = { score = 1.0, max = inf }\n",
    );
    let library = reelread::data::load_path(root);
    let said: Vec<String> = library
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .collect();
    for expected in [
        "cast member #1 has no actor; left out (the film and the rest of its cast load)",
        "9223372036854775807 is too large (at most 4294967295)",
        "-1 is negative; expected a whole number, 0 or more",
        "rating max must be a positive, finite number, found inf (infinity)",
    ] {
        assert!(
            said.iter().any(|m| m == expected),
            "{expected} not in {said:?}"
        );
    }
    assert!(library.collections[0].film.cast.is_empty());
}

#[test]
fn two_files_with_one_id_once_shown_are_named_and_the_second_left_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("reviews")).expect("mkdir");
    std::fs::write(root.join("film.toml"), "title = \"F\"\n").expect("film");
    for (name, title) in [
        ("dup\u{200b}.toml", "first"),
        ("dup\u{200c}.toml", "second"),
        ("e\u{1b}.toml", "third"),
        ("e\u{241b}.toml", "fourth"),
    ] {
        std::fs::write(
            root.join("reviews").join(name),
            format!("title = \"{title}\"\nbody = \"b\"\n"),
        )
        .expect("write");
    }
    let library = reelread::data::load_path(root);
    let ids: Vec<&str> = library.reviews().map(|(_, r)| r.id.as_str()).collect();
    let unique: std::collections::HashSet<&&str> = ids.iter().collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert_eq!(unique.len(), 2, "{ids:?}");
    let said: Vec<String> = library
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .collect();
    assert_eq!(
        said.iter()
            .filter(|m| m.contains("is also the ID of"))
            .count(),
        2,
        "{said:?}"
    );
}

#[test]
fn a_reviews_file_in_place_of_the_folder_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("film.toml"), "title = \"F\"\n").expect("film");
    std::fs::write(dir.path().join("reviews"), "x").expect("file");
    let library = reelread::data::load_path(dir.path());
    assert!(
        library
            .diagnostics
            .iter()
            .any(|d| d.message
                == "is a file, not a folder: review files go in a folder named reviews"),
        "{:?}",
        library.diagnostics
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_link_whose_target_cannot_be_read_is_not_called_a_loop() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("reviews")).expect("mkdir");
    std::fs::write(dir.path().join("film.toml"), "title = \"F\"\n").expect("film");
    std::os::unix::fs::symlink("/proc/self/pagemap", dir.path().join("reviews/x.toml"))
        .expect("link");
    std::os::unix::fs::symlink("loop.toml", dir.path().join("reviews/loop.toml")).expect("link");
    let library = reelread::data::load_path(dir.path());
    let said: Vec<String> = library
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .collect();
    assert!(
        said.iter()
            .any(|m| m.contains("its link's target cannot be read")),
        "{said:?}"
    );
    assert!(
        said.iter().any(|m| m.contains("symbolic link loop")),
        "{said:?}"
    );
    assert!(!said.iter().any(|m| m.contains("os error")), "{said:?}");
}
