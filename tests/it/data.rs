//! Integration tests for the data loader: the bundled collection, one fixture per failure
//! kind (each next to a good review that must still load), warnings, libraries and hostile
//! text. Fixtures live in `tests/fixtures/`.

use std::path::{Path, PathBuf};

use reelread::data::{Kind, Library, Review, bundled_library, load_path};
use reelread::diagnostic::{Diagnostic, Severity};
use serde_json::Value;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn ids(library: &Library) -> Vec<&str> {
    library.reviews().map(|(_, r)| r.id.as_str()).collect()
}

fn review<'a>(library: &'a Library, id: &str) -> &'a Review {
    library
        .reviews()
        .map(|(_, r)| r)
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no review {id} in {:?}", ids(library)))
}

/// Checks a diagnostic's file, position, severity and wording, and that the position
/// really points at `at` (the text expected to start there) in the file on disk.
fn assert_diagnostic(
    d: &Diagnostic,
    file: &str,
    (line, column): (usize, usize),
    at: &str,
    phrase: &str,
) {
    assert!(
        d.path.ends_with(file),
        "{d}: expected a path ending in {file}"
    );
    assert_eq!((d.line, d.column), (line, column), "{d}");
    assert!(d.message.contains(phrase), "{d}: expected {phrase:?}");
    let kind = if d.is_error() { "error" } else { "warning" };
    assert_eq!(
        d.to_string(),
        format!("{}:{line}:{column}: {kind}: {}", d.path, d.message)
    );
    let text = String::from_utf8_lossy(&std::fs::read(&d.path).expect("diagnostic path exists"))
        .into_owned();
    // Columns on line 1 do not count a byte order mark, as editors do not show one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let rest: String = text
        .lines()
        .nth(line - 1)
        .unwrap_or("")
        .chars()
        .skip(column - 1)
        .collect();
    assert!(
        rest.starts_with(at),
        "{d}: points at {rest:?}, expected {at:?}"
    );
}

#[test]
fn bundled_collection_loads_cleanly() {
    let library = bundled_library();
    assert!(library.diagnostics.is_empty(), "{:?}", library.diagnostics);
    assert_eq!((library.collections.len(), library.files_skipped), (1, 0));
    assert_eq!(
        ids(&library),
        [
            "guilt-and-redemption",
            "heartwarming-story",
            "keep-on-running",
            "power-in-your-pain",
            "trailer-park-tuesday"
        ]
    );
    assert!(library.reviews().all(|(_, r)| r.reviewer.is_none()));

    let film = &library.collections[0].film;
    assert_eq!(
        (film.title.as_str(), film.year),
        ("1 Mile to You", Some(2017))
    );
    assert_eq!(film.directors, ["Leif Tilden"]);
    let role = |actor: &str| {
        film.cast
            .iter()
            .find(|m| m.actor == actor)
            .and_then(|m| m.role.as_deref())
    };
    assert_eq!(role("Liana Liberato"), Some("Henny"));
    assert_eq!(role("Stefanie Scott"), Some("Ellie"));

    let trailer = review(&library, "trailer-park-tuesday");
    assert_eq!(trailer.kind, Kind::Preview);
    assert_eq!(trailer.comments.len(), 20);
    let author = |n: usize| trailer.comments[n - 1].author.as_deref();
    assert_eq!(author(1), Some("Liz"));
    assert_eq!(
        trailer.comments[0].contact.as_deref(),
        Some("Twitter: yesnofilms")
    );
    assert_eq!(author(2), Some("robin Rue"));
    assert_eq!(author(10), Some("Pam Wattenbarger"));

    let rating = review(&library, "keep-on-running").rating.expect("rating");
    assert_eq!((rating.score, rating.max), (3.0, 5.0));
    let audience = review(&library, "guilt-and-redemption")
        .audience_rating
        .expect("audience");
    assert_eq!(
        (audience.score, audience.max, audience.votes),
        (3.75, 5.0, Some(4))
    );
}

#[test]
fn on_disk_folder_matches_bundled_collection() {
    let disk = load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/1-mile-to-you"));
    let bundled = bundled_library();
    assert!(disk.diagnostics.is_empty(), "{:?}", disk.diagnostics);
    assert_eq!(disk.collections[0].film, bundled.collections[0].film);
    assert_eq!(ids(&disk), ids(&bundled));
    for ((_, d), (_, b)) in disk.reviews().zip(bundled.reviews()) {
        assert_eq!(
            (&d.title, &d.body, &d.comments),
            (&b.title, &b.body, &b.comments),
            "{}",
            d.id
        );
        assert_eq!(d, b);
    }
}

/// Loads `invalid/<kind>/`: the broken review is reported and skipped, `good` still loads.
fn assert_broken(kind: &str, position: (usize, usize), at: &str, phrase: &str) {
    let library = load_path(&fixture(&format!("invalid/{kind}")));
    assert_eq!(library.collections.len(), 1);
    assert_eq!(ids(&library), ["good"], "the good review still loads");
    assert_eq!(library.files_skipped, 1);
    assert_eq!(library.diagnostics.len(), 1, "{:?}", library.diagnostics);
    let d = &library.diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert_diagnostic(d, &format!("reviews/{kind}.toml"), position, at, phrase);
    assert_eq!(d.message, phrase, "the whole message");
}

/// Loads `invalid/<kind>/`: a problem with the file as a whole (it has no line or column)
/// is reported as `path: error: message`, and `good` still loads.
fn assert_broken_file(kind: &str, message: &str) {
    let dir = fixture(&format!("invalid/{kind}"));
    let library = load_path(&dir);
    assert_eq!(ids(&library), ["good"], "the good review still loads");
    assert_eq!(library.files_skipped, 1);
    let [d] = library.diagnostics.as_slice() else {
        panic!("{:?}", library.diagnostics)
    };
    let path = dir.join(format!("reviews/{kind}.toml"));
    assert_eq!(d.position(), None, "{d}");
    assert_eq!(
        d.to_string(),
        format!("{}: error: {message}", path.display())
    );
}

/// One test per whole-file failure: name, fixture, exact message.
macro_rules! broken_file {
    ($($name:ident: $kind:literal, $message:literal;)*) => {
        $(#[test] fn $name() { assert_broken_file($kind, $message); })*
    };
}

broken_file! {
    utf16_with_a_byte_order_mark_is_named:
        "utf16-le", "file is UTF-16; save it as UTF-8";
    utf16_without_a_byte_order_mark_is_named:
        "utf16-be", "file is UTF-16; save it as UTF-8";
    // A missing top-level key has no place of its own, so no made-up 1:1.
    missing_required_field_is_named_with_the_rule:
        "missing-field", "missing required field `body` (every review needs title and body)";
    folder_named_like_a_review_is_reported:
        "unreadable", "cannot read file: it is a folder, not a file";
}

#[test]
fn a_utf8_byte_order_mark_is_accepted_and_not_counted() {
    let library = load_path(&fixture("bom"));
    assert_eq!(ids(&library), ["bom"]);
    assert_eq!(library.collections[0].film.title, "Fixture Film");
    assert_eq!(review(&library, "bom").title, "Saved with a BOM");
    let [d] = library.diagnostics.as_slice() else {
        panic!("{:?}", library.diagnostics)
    };
    assert_diagnostic(
        d,
        "reviews/bom.toml",
        (1, 1),
        "mood",
        "unknown key `mood` ignored",
    );
}

/// A collection in a fresh temporary folder: `film.toml` and `reviews/good.toml`, for
/// failures that cannot be committed (huge files, symbolic links, permissions).
fn scratch_collection(root: &Path) -> PathBuf {
    let reviews = root.join("reviews");
    std::fs::create_dir_all(&reviews).expect("create reviews/");
    std::fs::write(root.join("film.toml"), "title = \"Scratch Film\"\n").expect("film");
    std::fs::write(
        reviews.join("good.toml"),
        "title = \"A Good Review\"\nbody = \"This one loads.\"\n",
    )
    .expect("good review");
    reviews
}

/// Loads `dir`: only `good` loads, and the one diagnostic is exactly `expected`.
fn assert_only_good(dir: &Path, expected: &str) {
    let library = load_path(dir);
    assert_eq!(ids(&library), ["good"], "the good review still loads");
    assert_eq!(library.files_skipped, 1);
    let shown: Vec<String> = library
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(shown, [expected]);
}

#[test]
fn a_hundred_thousand_nested_arrays_are_an_error_not_a_stack_overflow() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let reviews = scratch_collection(tmp.path());
    let n = 100_000;
    let deep = format!(
        "title = \"Deep\"\nbody = \"b\"\na = {}{}\n",
        "[".repeat(n),
        "]".repeat(n)
    );
    std::fs::write(reviews.join("deep.toml"), deep).expect("deep file");
    let expected = format!(
        "{}:3:69: error: nesting deeper than 64 levels",
        reviews.join("deep.toml").display()
    );
    assert_only_good(tmp.path(), &expected);
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let reviews = scratch_collection(tmp.path());
    let huge = reviews.join("huge.toml");
    // Sparse: 20 MiB by its metadata, no disk used, and never read.
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(20 * 1024 * 1024))
        .expect("sparse file");
    let expected = format!(
        "{}: error: file is 20.0 MiB, over the 16 MiB limit; not read",
        huge.display()
    );
    assert_only_good(tmp.path(), &expected);
}

#[cfg(unix)]
#[test]
fn a_film_folder_link_whose_target_is_gone_is_reported_and_counted() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().expect("tempdir");
    let lib = tmp.path().join("lib");
    scratch_collection(&lib.join("a"));
    symlink(
        tmp.path().join("unmounted/heat-1995"),
        lib.join("heat-1995"),
    )
    .expect("link");
    // An editor's lock link is dangling by design and says nothing.
    symlink("user@host.1234", lib.join(".#notes.txt")).expect("lock link");
    let library = load_path(&lib);
    assert_eq!(ids(&library), ["good"]);
    assert_eq!((library.files_skipped, library.error_count()), (1, 1));
    let shown: Vec<String> = library
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        shown,
        [format!(
            "{}/heat-1995: error: broken symbolic link (its target does not exist); skipped (point the link at the film's folder, or remove it)",
            lib.display()
        )]
    );
    let out = crate::support::cli::run(&["check", lib.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("heat-1995: error: broken symbolic link")
    );
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_are_reported_not_followed() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().expect("tempdir");
    let lib = tmp.path().join("lib");
    let reviews = scratch_collection(&lib.join("a"));
    symlink("loop.toml", reviews.join("loop.toml")).expect("file loop");
    symlink(&lib, lib.join("loop")).expect("lib/loop -> lib");
    symlink("self", lib.join("self")).expect("lib/self -> self");
    let library = load_path(&lib);
    assert_eq!(ids(&library), ["good"]);
    assert_eq!((library.files_skipped, library.error_count()), (1, 1));
    let shown: Vec<String> = library
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    let lib = lib.display();
    assert_eq!(
        shown,
        [
            format!(
                "{lib}/loop: warning: symbolic link loop: it leads back to the library folder; not followed"
            ),
            format!(
                "{lib}/self: warning: symbolic link loop (the link leads back to itself); skipped"
            ),
            format!(
                "{lib}/a/reviews/loop.toml: error: cannot read file: symbolic link loop (the link leads back to itself)"
            ),
        ]
    );
    let direct = load_path(&Path::new(&lib.to_string()).join("self"));
    let shown: Vec<String> = direct.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [format!(
            "{lib}/self: error: cannot open folder: symbolic link loop (the link leads back to itself)"
        )]
    );
}

/// One test per failure kind: name, fixture, position, the text found there, message phrase.
macro_rules! broken_review {
    ($($name:ident: $kind:literal at $line:literal:$col:literal $at:literal, $phrase:literal;)*) => {
        $(#[test] fn $name() { assert_broken($kind, ($line, $col), $at, $phrase); })*
    };
}

broken_review! {
    // Column 31 is just past `body = "This string never ends`, where `"` was expected.
    unclosed_string_is_reported_at_the_end_of_its_line:
        "unclosed-string" at 2:31 "", "invalid basic string, expected `\"`";
    missing_equals_is_reported_where_it_was_expected:
        "missing-equals" at 3:14 "2", "key with no value, expected `=`";
    wrong_type_points_at_the_value:
        "wrong-type" at 3:16 "\"four\"", "invalid type: string \"four\", expected a whole number, 0 or more";
    duplicate_key_is_named_at_its_second_occurrence:
        "duplicate-key" at 3:1 "title", "duplicate key `title`";
    missing_comment_text_points_at_that_comment:
        "missing-comment-text" at 10:1 "[[comments]]", "comment #3 is missing `text`";
    // `tags = ` then 64 brackets: the 65th is one too many.
    deep_nesting_is_refused_at_the_first_level_too_deep:
        "deep-nesting" at 3:72 "[", "nesting deeper than 64 levels";
    impossible_date_points_at_the_date:
        "invalid-date" at 3:13 "2024-13-45", "invalid date, expected month between 01 and 12";
    quoted_date_points_at_the_string:
        "date-as-string" at 3:13 "\"2024-06-12\"", "invalid type: string \"2024-06-12\", expected an unquoted date like 2024-06-12";
    non_utf8_byte_is_located_and_named:
        "not-utf8" at 3:14 "\u{fffd}", "file is not UTF-8: invalid byte 0xff; save it as UTF-8";
    rating_out_of_range_points_at_the_rating:
        "rating-range" at 3:10 "{ score = 7.0", "rating score must be between 0 and 5, found 7";
}

/// Every string in `value`, with whether it must fit on one line (all but bodies and
/// comment texts). Walking the serialised form means new fields are checked too.
fn strings(value: &Value, key: &str, out: &mut Vec<(String, bool)>) {
    match value {
        Value::String(s) => out.push((s.clone(), !matches!(key, "body" | "text"))),
        Value::Array(items) => items.iter().for_each(|v| strings(v, key, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| strings(v, k, out)),
        _ => {}
    }
}

/// Controls (C0 but `\n`, DEL, C1) and bidi embeddings, overrides, isolates and marks.
fn is_dangerous(c: char) -> bool {
    c != '\n'
        && (c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
}

mod more;
