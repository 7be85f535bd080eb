use super::*;
use crate::data::{Date, Kind};
use crate::sources::FilmFacts;

fn entry(key: &str, film: Option<(&str, i32)>, title: &str, comments: &[&str]) -> Entry {
    Entry {
        key: key.into(),
        film: film.map(|(title, year)| FilmRef {
            title: title.into(),
            year: Some(year),
        }),
        facts: FilmFacts::default(),
        review: Review {
            id: String::new(),
            title: title.into(),
            body: "Text.".into(),
            source: Some("Blog".into()),
            reviewer: Some("Jo".into()),
            published: Some(Date {
                year: 2024,
                month: 5,
                day: 1,
            }),
            url: Some(format!("https://blog.example/{key}/")),
            read_minutes: None,
            kind: Kind::Review,
            rating: None,
            audience_rating: None,
            watched: None,
            rewatch: false,
            comments: comments
                .iter()
                .map(|t| Comment {
                    text: (*t).into(),
                    author: Some("Reader".into()),
                    ..Comment::default()
                })
                .collect(),
        },
        excerpt_only: false,
        comment_feed: None,
    }
}

fn library() -> (tempfile::TempDir, Writer) {
    let dir = tempfile::tempdir().expect("temp dir");
    let writer = Writer::new(Target::Library(dir.path().to_path_buf()));
    (dir, writer)
}

#[test]
fn a_new_film_gets_a_collection_and_a_refetch_changes_nothing() {
    let (dir, mut writer) = library();
    let mut state = FetchState::default();
    let e = entry("heat-at-30", Some(("Heat", 1995)), "Heat at 30", &[]);
    let first = writer.write(&mut state, "feed", &e, false).expect("write");
    assert_eq!(first.outcome, Outcome::New);
    assert!(
        first.path.starts_with(dir.path().join("heat-1995/reviews")),
        "{first:?}"
    );
    assert!(dir.path().join("heat-1995/film.toml").is_file());
    let modified = std::fs::metadata(&first.path)
        .and_then(|m| m.modified())
        .expect("mtime");
    let again = Writer::new(Target::Library(dir.path().to_path_buf()))
        .write(&mut state, "feed", &e, false)
        .expect("write");
    assert_eq!(
        (again.outcome, &again.path),
        (Outcome::Unchanged, &first.path)
    );
    let after = std::fs::metadata(&first.path)
        .and_then(|m| m.modified())
        .expect("mtime");
    assert_eq!(modified, after, "an unchanged review is not rewritten");
    let library = crate::data::load_path(dir.path());
    assert_eq!(library.error_count(), 0, "{:?}", library.diagnostics);
    assert_eq!(library.reviews().count(), 1);
}

#[test]
fn new_comments_are_appended_and_old_ones_kept() {
    let (dir, mut writer) = library();
    let mut state = FetchState::default();
    let first = entry("post", Some(("Heat", 1995)), "Post", &["one", "two"]);
    writer
        .write(&mut state, "page", &first, false)
        .expect("write");
    // The comment feed now shows only the latest two: "two" and a new "three".
    let later = entry("post", Some(("Heat", 1995)), "Post", &["two", "three"]);
    let w = writer
        .write(&mut state, "page", &later, false)
        .expect("write");
    assert_eq!((w.outcome, w.new_comments), (Outcome::Updated, 1));
    let library = crate::data::load_path(dir.path());
    let (_, review) = library.reviews().next().expect("one review");
    let texts: Vec<&str> = review.comments.iter().map(|c| &*c.text).collect();
    assert_eq!(texts, ["one", "two", "three"]);
    assert_eq!(library.reviews().count(), 1, "never a second review");
}

#[test]
fn an_edited_file_is_kept_and_the_fetch_goes_beside_it() {
    let (dir, mut writer) = library();
    let mut state = FetchState::default();
    let e = entry("k", Some(("Heat", 1995)), "Heat", &[]);
    let path = writer
        .write(&mut state, "f", &e, false)
        .expect("write")
        .path;
    let mut mine = std::fs::read_to_string(&path).expect("read");
    mine = mine.replace("Text.", "My corrected text.");
    std::fs::write(&path, &mine).expect("edit");
    let mut changed = e.clone();
    changed.review.body = "Text, revised by the site.".into();
    let w = writer
        .write(&mut state, "f", &changed, false)
        .expect("write");
    assert_eq!(w.outcome, Outcome::KeptEdit);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), mine);
    assert!(w.path.to_string_lossy().ends_with(".fetched.toml"), "{w:?}");
    let library = crate::data::load_path(dir.path());
    assert_eq!(
        library.reviews().count(),
        1,
        "the kept copy is not a second review"
    );
    // Unchanged once more: the same copy, not rewritten.
    let again = writer
        .write(&mut state, "f", &changed, false)
        .expect("write");
    assert_eq!(again.outcome, Outcome::KeptEdit);
}

#[test]
fn a_deleted_file_stays_deleted_unless_forced() {
    let (_dir, mut writer) = library();
    let mut state = FetchState::default();
    let e = entry("k", Some(("Heat", 1995)), "Heat", &[]);
    let path = writer
        .write(&mut state, "f", &e, false)
        .expect("write")
        .path;
    std::fs::remove_file(&path).expect("delete");
    let w = writer.write(&mut state, "f", &e, false).expect("write");
    assert_eq!(w.outcome, Outcome::Deleted);
    assert!(!path.exists());
    let w = writer.write(&mut state, "f", &e, true).expect("write");
    assert_eq!(w.outcome, Outcome::New);
    assert!(path.exists());
}

#[test]
fn a_lost_state_finds_the_same_file_by_id() {
    let (dir, mut writer) = library();
    let e = entry("k", Some(("Heat", 1995)), "Heat", &[]);
    let first = writer
        .write(&mut FetchState::default(), "f", &e, false)
        .expect("write");
    let mut retitled = e.clone();
    retitled.review.title = "Heat, thirty years on".into();
    let w = Writer::new(Target::Library(dir.path().to_path_buf()))
        .write(&mut FetchState::default(), "f", &retitled, false)
        .expect("write");
    assert_eq!((w.outcome, &w.path), (Outcome::Updated, &first.path));
}

#[test]
fn films_are_found_by_name_or_title_else_unsorted() {
    let (dir, mut writer) = library();
    let mut state = FetchState::default();
    writer
        .write(
            &mut state,
            "f",
            &entry("a", Some(("Heat", 1995)), "A", &[]),
            false,
        )
        .expect("write");
    let named = writer
        .write(
            &mut state,
            "f",
            &entry("b", None, "Why Heat (1995) still matters", &[]),
            false,
        )
        .expect("write");
    assert!(
        named.path.starts_with(dir.path().join("heat-1995")),
        "{named:?}"
    );
    assert!(!named.unsorted);
    let lost = writer
        .write(
            &mut state,
            "f",
            &entry("c", None, "My week in cinemas", &[]),
            false,
        )
        .expect("write");
    assert!(lost.unsorted);
    assert!(lost.path.starts_with(dir.path().join(UNSORTED)), "{lost:?}");
    let library = crate::data::load_path(dir.path());
    assert_eq!(library.error_count(), 0, "{:?}", library.diagnostics);
    assert_eq!(library.collections.len(), 2);
}

#[test]
fn a_collection_target_takes_every_entry() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut writer = Writer::new(Target::Collection(dir.path().to_path_buf()));
    let w = writer
        .write(
            &mut FetchState::default(),
            "f",
            &entry("a", Some(("Heat", 1995)), "A", &[]),
            false,
        )
        .expect("write");
    assert!(w.path.starts_with(dir.path().join("reviews")));
    assert!(dir.path().join("film.toml").is_file());
}

#[test]
fn review_ids_come_from_the_key_not_the_title() {
    let mut e = entry("https://letterboxd.com/alice/film/heat/", None, "Heat", &[]);
    e.key = "letterboxd-review-123456".into();
    e.review.reviewer = Some("alice".into());
    let id = review_id(&e);
    assert!(id.starts_with("alice-123456-"), "{id}");
    e.review.title = "Something else".into();
    assert_eq!(review_id(&e), id);
    e.key = "https://blog.example/2024/06/heat-at-30/".into();
    assert!(
        review_id(&e).starts_with("alice-heat-at-30-"),
        "{}",
        review_id(&e)
    );
}

#[test]
fn an_edit_is_kept_when_the_source_url_changes() {
    let (_dir, mut writer) = library();
    let mut state = FetchState::default();
    let e = entry("k", Some(("Heat", 1995)), "Heat", &[]);
    let path = writer
        .write(&mut state, "http://a.example/feed", &e, false)
        .expect("write")
        .path;
    let mine = std::fs::read_to_string(&path)
        .expect("read")
        .replace("Text.", "Mine.");
    std::fs::write(&path, &mine).expect("edit");
    let w = writer
        .write(&mut state, "https://a.example/feed", &e, false)
        .expect("write");
    assert_eq!(w.outcome, Outcome::KeptEdit);
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), mine);
}

#[test]
fn a_record_for_another_folder_is_not_this_ones() {
    let mut state = FetchState::default();
    let e = entry("k", Some(("Heat", 1995)), "Heat", &[]);
    let (one, mut first) = library();
    let (two, mut second) = library();
    let a = first
        .write(&mut state, "import x", &e, false)
        .expect("write");
    assert!(a.path.starts_with(one.path()));
    let b = second
        .write(&mut state, "import x", &e, false)
        .expect("write");
    assert_eq!(b.outcome, Outcome::New);
    assert!(b.path.starts_with(two.path()), "{b:?}");
}
