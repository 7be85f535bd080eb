//! The CSV rules on records written here: columns by name, values checked, the errors a
//! person reads, and review HTML with Letterboxd's line breaks as Markdown.

use super::{entries, username};
use crate::sources::{FilmRef, Mapped};

fn csv(text: &str) -> Result<Mapped, String> {
    entries("reviews.csv", text.as_bytes(), None)
}

fn one(text: &str) -> crate::sources::Entry {
    let mapped = csv(text).expect("reads");
    assert_eq!(mapped.entries.len(), 1, "{text}");
    mapped.entries.into_iter().next().expect("one entry")
}

#[test]
fn line_breaks_and_tags_open_across_paragraphs_become_markdown() {
    let entry = one(
        "Name,Review\nRocky,\"one\r\ntwo\r\n \r\n\r\nthree <i>open\n\nstill open</i> * not a list\"\n",
    );
    assert_eq!(
        entry.review.body, "one\\\ntwo\n\nthree *open*\n\n*still open* \\* not a list",
        "CRLF lines, a blank line of spaces, a tag open across paragraphs, Markdown's own signs"
    );
}

#[test]
fn a_csv_without_a_name_column_is_not_an_export() {
    let expected = "reviews.csv: no Name column; is this a Letterboxd export?";
    assert_eq!(
        csv("Title,Year,Review\nRocky,1976,fine\n").expect_err("no Name"),
        expected
    );
    assert_eq!(csv("").expect_err("empty"), expected);
    let error = entries("diary.csv", b"Date\n", None).expect_err("no Name");
    assert_eq!(
        error,
        "diary.csv: no Name column; is this a Letterboxd export?"
    );
}

#[test]
fn malformed_csv_names_the_line_of_the_record() {
    assert_eq!(
        csv("Name,Review\nRocky,fine\nGattaca,fine,extra\n").expect_err("malformed"),
        "reviews.csv: line 3: malformed CSV: 3 fields where the rows before have 2"
    );
    assert_eq!(
        csv("Name,Review\nRocky,\"one\n\ntwo\"\nGattaca\n").expect_err("malformed"),
        "reviews.csv: line 5: malformed CSV: 1 fields where the rows before have 2",
        "a quoted review over several lines moves the line on"
    );
    assert_eq!(
        entries("reviews.csv", b"Name,Review\nRocky,caf\xe9\n", None).expect_err("latin-1"),
        "reviews.csv: line 2: not UTF-8; is this a Letterboxd export?"
    );
}

#[test]
fn bad_values_name_the_line_the_column_and_the_value() {
    for (row, expected) in [
        (
            "Rocky,1976,6,2024-01-02,,fine",
            "Rating `6` is not a number from 0.5 to 5",
        ),
        (
            "Rocky,1976,0,2024-01-02,,fine",
            "Rating `0` is not a number from 0.5 to 5",
        ),
        (
            "Rocky,1976,four,2024-01-02,,fine",
            "Rating `four` is not a number from 0.5 to 5",
        ),
        ("Rocky,soon,4,2024-01-02,,fine", "Year `soon` is not a year"),
        (
            "Rocky,1976,4,2024-13-01,,fine",
            "Date `2024-13-01` is not a date like 2024-06-01",
        ),
        (
            "Rocky,1976,4,,02/01/2024,fine",
            "Watched Date `02/01/2024` is not a date like 2024-06-01",
        ),
        (
            ",1976,4,2024-01-02,,fine",
            "no film name in the Name column",
        ),
        (
            "Rocky,1976,\u{1b}[2J,,,fine",
            "Rating `\u{241b}[2J` is not a number from 0.5 to 5",
        ),
    ] {
        let text =
            format!("Name,Year,Rating,Date,Watched Date,Review\nGattaca,1997,,,,ok\n{row}\n");
        assert_eq!(
            csv(&text).expect_err(row),
            format!("reviews.csv: line 3: {expected}")
        );
    }
}

#[test]
fn columns_are_found_by_name_in_any_order_with_extras_and_gaps() {
    let entry = one("Review,Liked,name,Year\n<b>Still</b> works.,Yes,Rocky,1976\n");
    assert_eq!(
        entry.film,
        Some(FilmRef {
            title: "Rocky".into(),
            year: Some(1976)
        })
    );
    assert_eq!(entry.review.title, "Rocky (1976)");
    assert_eq!(entry.review.body, "**Still** works.");
    assert_eq!(entry.key, "Rocky (1976)");
    let review = &entry.review;
    assert_eq!(
        (review.url.as_deref(), review.published, review.watched),
        (None, None, None)
    );
    assert_eq!(review.rating, None);
    assert!(!review.rewatch);
}

#[test]
fn without_a_uri_the_key_is_the_film_and_the_date() {
    let entry = one("Date,Name,Year,Review\n2024-01-02,Rocky,1976,fine\n");
    assert_eq!(entry.key, "Rocky (1976) 2024-01-02");
    let entry = one("Date,Name,Review\n2024-01-02,Rocky,fine\n");
    assert_eq!(entry.key, "Rocky 2024-01-02");
    assert_eq!(entry.review.title, "Rocky");
    assert_eq!(entry.film.and_then(|f| f.year), None);
}

#[test]
fn rewatch_is_yes_in_any_case_and_nothing_else() {
    let mapped = csv("Name,Rewatch,Review\nA,Yes,x\nB,yes,x\nC,No,x\nD,,x\n").expect("reads");
    let rewatches: Vec<bool> = mapped.entries.iter().map(|e| e.review.rewatch).collect();
    assert_eq!(rewatches, [true, true, false, false]);
}

#[test]
fn a_byte_order_mark_does_not_hide_the_first_column() {
    let entry = one("\u{feff}Name,Review\nRocky,fine\n");
    assert_eq!(entry.review.title, "Rocky");
    let profile = "\u{feff}Username,Bio\nsam_watches,hi\n";
    assert_eq!(username(profile.as_bytes()).as_deref(), Some("sam_watches"));
}

#[test]
fn rows_without_review_text_are_skipped_even_with_no_review_column() {
    let mapped = csv("Name,Review\nRocky,\nGattaca,  \nMoonlight,fine\n").expect("reads");
    assert_eq!((mapped.entries.len(), mapped.skipped), (1, 2));
    let mapped = csv("Date,Name,Year,Rewatch\n2024-06-20,Rocky,1976,Yes\n").expect("reads");
    assert_eq!((mapped.entries.len(), mapped.skipped), (0, 1));
}
