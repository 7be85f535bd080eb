//! The export reader against the fixture export, as a bare CSV, a folder and zips built
//! here, and every error a person can meet.

use std::collections::HashSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{LIMITS, Limits, is_export, read, read_within};
use crate::data::{Date, Rating};
use crate::sources::{FilmRef, Mapped};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sources/letterboxd-export")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).expect("fixture")
}

fn date(year: u16, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

/// `DIR/name` as a zip holding `files`, written with the zip crate's writer.
fn zip_in(dir: &Path, name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let path = dir.join(name);
    let file = std::fs::File::create(&path).expect("create zip");
    let mut writer = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (member, content) in files {
        writer.start_file(*member, options).expect("start member");
        writer.write_all(content).expect("write member");
    }
    writer.finish().expect("finish zip");
    path
}

/// The fixture export's three files, under `folder` (empty: at the top).
fn export_members(folder: &str) -> Vec<(String, Vec<u8>)> {
    ["profile.csv", "reviews.csv", "diary.csv"]
        .into_iter()
        .map(|f| (format!("{folder}{f}"), bytes(f)))
        .collect()
}

fn zip_of(dir: &Path, members: &[(String, Vec<u8>)]) -> PathBuf {
    let files: Vec<(&str, &[u8])> = members
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    zip_in(dir, "letterboxd-export.zip", &files)
}

fn reviewers(mapped: &Mapped) -> Vec<Option<&str>> {
    mapped
        .entries
        .iter()
        .map(|e| e.review.reviewer.as_deref())
        .collect()
}

fn keys(mapped: &Mapped) -> Vec<&str> {
    mapped.entries.iter().map(|e| e.key.as_str()).collect()
}

const REVIEW_KEYS: [&str; 5] = [
    "https://boxd.it/fx1A01",
    "https://boxd.it/fx1A02",
    "https://boxd.it/fx1A03",
    "https://boxd.it/fx1A04",
    "https://boxd.it/fx1A05",
];

#[test]
fn reviews_csv_gives_one_entry_per_row_for_the_film_by_name_and_year() {
    let mapped = read(&fixture("reviews.csv"), None).expect("reads");
    assert_eq!(mapped.skipped, 0);
    assert_eq!(mapped.title.as_deref(), Some("Letterboxd"));
    assert_eq!(keys(&mapped), REVIEW_KEYS);
    let films: Vec<(&str, Option<i32>)> = mapped
        .entries
        .iter()
        .map(|e| {
            let film = e.film.as_ref().expect("film");
            (film.title.as_str(), film.year)
        })
        .collect();
    assert_eq!(
        films,
        [
            ("1 Mile to You", Some(2017)),
            ("Paterson", Some(2016)),
            ("1 Mile to You", Some(2017)),
            ("Gattaca", Some(1997)),
            ("Moonlight", Some(2016)),
        ]
    );
    let distinct: HashSet<&FilmRef> = mapped
        .entries
        .iter()
        .filter_map(|e| e.film.as_ref())
        .collect();
    assert_eq!(distinct.len(), 4, "the film reviewed twice is one film");

    let first = &mapped.entries[0].review;
    assert_eq!(first.title, "1 Mile to You (2017)");
    assert_eq!(first.source.as_deref(), Some("Letterboxd"));
    assert_eq!(first.reviewer, None);
    assert_eq!(first.url.as_deref(), Some("https://boxd.it/fx1A01"));
    assert_eq!(first.published, Some(date(2024, 6, 2)));
    assert_eq!(first.watched, Some(date(2024, 6, 1)));
    assert_eq!(
        first.rating,
        Some(Rating {
            score: 3.5,
            max: 5.0
        })
    );
    assert!(!first.rewatch);
    assert!(first.comments.is_empty());

    let rewatch = &mapped.entries[2].review;
    assert!(rewatch.rewatch);
    assert_eq!(
        rewatch.rating,
        Some(Rating {
            score: 4.0,
            max: 5.0
        })
    );
    assert_eq!(rewatch.watched, Some(date(2024, 8, 14)));
    assert_eq!(mapped.entries[3].review.rating, None, "an unrated row");
    assert_eq!(
        mapped.entries[4].review.rating,
        Some(Rating {
            score: 5.0,
            max: 5.0
        })
    );
    assert!(
        mapped
            .entries
            .iter()
            .all(|e| e.facts == crate::sources::FilmFacts::default()
                && !e.excerpt_only
                && e.comment_feed.is_none())
    );
}

#[test]
fn review_html_and_line_breaks_become_markdown() {
    let mapped = read(&fixture("reviews.csv"), None).expect("reads");
    let bodies: Vec<&str> = mapped
        .entries
        .iter()
        .map(|e| e.review.body.as_str())
        .collect();
    assert_eq!(
        bodies,
        [
            "Kevin runs to outrun his grief, and the film mostly keeps pace.\n\nThe coach is the **best** thing in it.",
            "A week of small poems.\n\n> Nothing happens, and that is the point.\n\nThe bus route is the rhyme scheme.",
            "Better the second time: *the final race lands now.*",
            "No stars for this one, just a note: the swimming scene still works.",
            "Three chapters, one *face*.",
        ]
    );
}

#[test]
fn a_bare_csv_is_by_the_reviewer_given() {
    let mapped = read(&fixture("reviews.csv"), Some("Sam")).expect("reads");
    assert_eq!(reviewers(&mapped), [Some("Sam"); 5]);
}

#[test]
fn diary_rows_without_text_are_watches_and_counted_as_skipped() {
    let mapped = read(&fixture("diary.csv"), None).expect("reads");
    assert_eq!(
        keys(&mapped),
        ["https://boxd.it/fx1D01", "https://boxd.it/fx1D03"]
    );
    assert_eq!(mapped.skipped, 3);
}

#[test]
fn the_export_folder_gives_reviews_csv_by_the_profiles_username() {
    let mapped = read(&fixture(""), Some("Sam")).expect("reads the folder");
    assert_eq!(keys(&mapped), REVIEW_KEYS, "reviews.csv, not diary.csv");
    assert_eq!(mapped.skipped, 0);
    assert_eq!(reviewers(&mapped), [Some("trackside_reels"); 5]);
}

#[test]
fn a_folder_with_only_a_diary_and_no_profile_reads_the_diary_by_the_reviewer_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("diary.csv"), bytes("diary.csv")).expect("write");
    let mapped = read(dir.path(), Some("Sam")).expect("reads");
    assert_eq!((mapped.entries.len(), mapped.skipped), (2, 3));
    assert_eq!(reviewers(&mapped), [Some("Sam"); 2]);
    std::fs::write(
        dir.path().join("profile.csv"),
        "Date Joined,Given Name\n2019-03-14,Sam\n",
    )
    .expect("write");
    let mapped = read(dir.path(), None).expect("reads");
    assert_eq!(
        reviewers(&mapped),
        [None, None],
        "a profile without a Username"
    );
}

#[test]
fn a_zip_reads_like_its_folder_and_ignores_deleted_reviews() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut members = export_members("");
    members.push((
        "deleted/reviews.csv".into(),
        b"Name,Review\nRocky,gone\n".to_vec(),
    ));
    members.push(("ratings.csv".into(), b"Date,Name,Year,Rating\n".to_vec()));
    let path = zip_of(dir.path(), &members);
    let mapped = read(&path, None).expect("reads the zip");
    let folder = read(&fixture(""), None).expect("reads the folder");
    assert_eq!(keys(&mapped), keys(&folder));
    let bodies = |m: &Mapped| {
        m.entries
            .iter()
            .map(|e| e.review.body.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(bodies(&mapped), bodies(&folder));
    assert_eq!(reviewers(&mapped), [Some("trackside_reels"); 5]);
}

#[test]
fn a_zip_of_the_export_folder_is_read_inside_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = zip_of(dir.path(), &export_members("letterboxd-trackside-2024/"));
    let mapped = read(&path, Some("Sam")).expect("reads");
    assert_eq!(keys(&mapped), REVIEW_KEYS);
    assert_eq!(reviewers(&mapped), [Some("trackside_reels"); 5]);
    let diary_only = [("export/diary.csv".to_owned(), bytes("diary.csv"))];
    let mapped = read(&zip_of(dir.path(), &diary_only), Some("Sam")).expect("reads");
    assert_eq!((mapped.entries.len(), mapped.skipped), (2, 3));
    assert_eq!(
        reviewers(&mapped),
        [Some("Sam"); 2],
        "no profile in the zip"
    );
}

#[test]
fn a_zip_without_reviews_or_diary_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    for files in [
        vec![("profile.csv", bytes("profile.csv"))],
        vec![("deleted/reviews.csv", bytes("reviews.csv"))],
        vec![
            ("deleted/reviews.csv", bytes("reviews.csv")),
            ("likes/films.csv", b"Date,Name\n".to_vec()),
        ],
    ] {
        let members: Vec<(String, Vec<u8>)> =
            files.into_iter().map(|(n, b)| (n.to_owned(), b)).collect();
        let path = zip_of(dir.path(), &members);
        assert!(!is_export(&path), "{members:?}");
        assert_eq!(
            read(&path, None).expect_err("not an export"),
            format!(
                "{}: no reviews.csv or diary.csv in this zip; is it a Letterboxd export?",
                path.display()
            )
        );
    }
}

#[test]
fn a_zip_member_that_unpacks_past_the_limit_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = format!("Name,Review\n{}", "Rocky,fine\n".repeat(200));
    let path = zip_in(dir.path(), "bomb.zip", &[("reviews.csv", big.as_bytes())]);
    let limits = Limits {
        file_bytes: 1000,
        members: 10,
    };
    assert_eq!(
        read_within(&path, None, limits).expect_err("refused"),
        format!(
            "{}: reviews.csv unpacks to over 1000 bytes; not read",
            path.display()
        )
    );
    let limits = Limits {
        file_bytes: 4 * 1024 * 1024,
        members: 10,
    };
    assert_eq!(
        read_within(&path, None, limits)
            .expect("reads")
            .entries
            .len(),
        200
    );
}

#[test]
fn a_zip_with_too_many_members_is_refused_before_anything_is_unpacked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let members: Vec<(String, Vec<u8>)> = (0..4)
        .map(|i| (format!("lists/list-{i}.csv"), Vec::new()))
        .chain(export_members(""))
        .collect();
    let path = zip_of(dir.path(), &members);
    let limits = Limits {
        file_bytes: 1024 * 1024,
        members: 6,
    };
    assert_eq!(
        read_within(&path, None, limits).expect_err("refused"),
        format!(
            "{}: the zip holds 7 files, over the limit of 6; not read",
            path.display()
        )
    );
}

#[test]
fn the_limits_are_64_mib_a_file_and_10000_members() {
    assert_eq!(LIMITS.file_bytes, 64 * 1024 * 1024);
    assert_eq!(LIMITS.members, 10_000);
    assert_eq!(super::size(LIMITS.file_bytes), "64 MiB");
}

#[test]
fn a_bare_file_past_the_limit_is_refused() {
    let limits = Limits {
        file_bytes: 100,
        members: 10,
    };
    let path = fixture("reviews.csv");
    assert_eq!(
        read_within(&path, None, limits).expect_err("refused"),
        format!("{}: over 100 bytes; not read", path.display())
    );
}

#[test]
fn unreadable_paths_and_broken_zips_say_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("reviews.csv");
    let error = read(&missing, None).expect_err("missing");
    assert!(
        error.starts_with(&format!("cannot read {}: ", missing.display())),
        "{error}"
    );
    assert!(!is_export(&missing));
    let fake = dir.path().join("export.zip");
    std::fs::write(&fake, "Name,Review\n").expect("write");
    let error = read(&fake, None).expect_err("not a zip");
    assert!(
        error.starts_with(&format!("{}: not a readable zip: ", fake.display())),
        "{error}"
    );
    assert!(!is_export(&fake));
    let empty = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        read(empty.path(), None).expect_err("empty folder"),
        format!(
            "{}: no reviews.csv or diary.csv in this folder; is it a Letterboxd export?",
            empty.path().display()
        )
    );
}

#[test]
fn an_export_is_told_by_its_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert!(is_export(&fixture("reviews.csv")));
    assert!(is_export(&fixture("diary.csv")));
    assert!(!is_export(&fixture("profile.csv")));
    assert!(is_export(&fixture("")));
    assert!(!is_export(dir.path()));
    let path = zip_of(dir.path(), &export_members(""));
    assert!(is_export(&path));
    let renamed = dir.path().join("download");
    std::fs::rename(&path, &renamed).expect("rename");
    assert!(is_export(&renamed), "a zip by its bytes, not its name");
    assert!(read(&renamed, None).is_ok());
}
