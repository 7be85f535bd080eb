//! A review or a film as the TOML text of a collection file, quoted by the same helpers as
//! `reelread import`, so a person reads and edits fetched files like imported ones. The
//! text holds no timestamp: fetching what did not change gives the same bytes, and no
//! file is rewritten.

use std::fmt::Write as _;

use crate::data::{Kind, Review};
use crate::import::{literal_safe, toml_date, toml_value as value};
use crate::sources::{FilmFacts, FilmRef};

/// A long text as a `'''` literal when it can be one, else a quoted string.
fn text_value(text: &str, multiline: bool) -> String {
    if text.is_empty() {
        value("")
    } else if multiline && literal_safe(text) {
        format!("'''\n{text}\n'''")
    } else if literal_safe(text) && !text.starts_with('\'') && !text.ends_with('\'') {
        format!("'''{text}'''")
    } else {
        value(text)
    }
}

/// `reviews/ID.toml` for `review`, under a header comment naming where it came from.
pub(super) fn review(review: &Review, origin: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Written by reelread from {}.\n# Edit freely: reelread keeps your edit and writes any later version beside this file.\n",
        crate::data::sanitize_line(origin)
    );
    let _ = writeln!(out, "title = {}", value(&review.title));
    if review.kind == Kind::Preview {
        let _ = writeln!(out, "kind = {}", value(&Kind::Preview));
    }
    let strings = [
        ("source", review.source.as_deref()),
        ("reviewer", review.reviewer.as_deref()),
        ("url", review.url.as_deref()),
    ];
    for (key, v) in strings {
        if let Some(v) = v {
            let _ = writeln!(out, "{key} = {}", value(v));
        }
    }
    if let Some(date) = review.published {
        let _ = writeln!(out, "published = {}", value(&toml_date(date)));
    }
    if let Some(date) = review.watched {
        let _ = writeln!(out, "watched = {}", value(&toml_date(date)));
    }
    if review.rewatch {
        let _ = writeln!(out, "rewatch = true");
    }
    if let Some(minutes) = review.read_minutes {
        let _ = writeln!(out, "read_minutes = {minutes}");
    }
    if let Some(rating) = &review.rating {
        let _ = writeln!(out, "rating = {}", value(rating));
    }
    if let Some(audience) = &review.audience_rating {
        let _ = writeln!(out, "audience_rating = {}", value(audience));
    }
    let _ = writeln!(out, "body = {}", text_value(&review.body, true));
    for c in &review.comments {
        out.push_str("\n[[comments]]\n");
        let _ = writeln!(out, "text = {}", text_value(&c.text, c.text.contains('\n')));
        if let Some(author) = &c.author {
            let _ = writeln!(out, "author = {}", value(author));
        }
        if let Some(date) = c.posted {
            let _ = writeln!(out, "posted = {}", value(&toml_date(date)));
        }
        if let Some(contact) = &c.contact {
            let _ = writeln!(out, "contact = {}", value(contact));
        }
        if let Some(n) = c.replies_to {
            let _ = writeln!(out, "replies_to = {n}");
        }
    }
    out
}

/// A new `film.toml`: the film's name and what the source states about it, nothing more.
pub(super) fn film(film: &FilmRef, facts: &FilmFacts, origin: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Created by reelread from {}; yours to complete (directors, cast, aliases).\n",
        crate::data::sanitize_line(origin)
    );
    let _ = writeln!(out, "title = {}", value(&film.title));
    if let Some(year) = film.year {
        let _ = writeln!(out, "year = {year}");
    }
    if let Some(id) = facts.tmdb_id {
        let _ = writeln!(out, "tmdb_id = {id}");
    }
    if !facts.directors.is_empty() {
        let _ = writeln!(out, "directors = {}", value(&facts.directors));
    }
    for actor in &facts.cast {
        let _ = writeln!(out, "\n[[cast]]\nactor = {}", value(actor));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Comment, Date, Rating, parse_film, parse_review};

    fn sample() -> Review {
        Review {
            id: String::new(),
            title: "Heat, 1995".into(),
            body: "A *long* night.\n\nWith a back\\slash and '''quotes'''.".into(),
            source: Some("Letterboxd".into()),
            reviewer: Some("alice".into()),
            published: Some(Date {
                year: 2024,
                month: 6,
                day: 12,
            }),
            url: Some("https://letterboxd.com/alice/film/heat/".into()),
            read_minutes: None,
            kind: Kind::Review,
            rating: Some(Rating {
                score: 3.5,
                max: 5.0,
            }),
            audience_rating: None,
            watched: Some(Date {
                year: 2024,
                month: 6,
                day: 10,
            }),
            rewatch: true,
            comments: vec![Comment {
                text: "'quoted' reply".into(),
                author: Some("bo".into()),
                ..Comment::default()
            }],
        }
    }

    #[test]
    fn a_rendered_review_loads_back_the_same() {
        let review = sample();
        let text = super::review(&review, "https://letterboxd.com/alice/rss/");
        let (back, warnings) = parse_review("r.toml", "r", text.as_bytes()).expect("loads");
        assert!(warnings.is_empty(), "{warnings:?}\n{text}");
        assert_eq!(
            back,
            Review {
                id: "r".into(),
                ..review
            }
        );
    }

    #[test]
    fn a_rendered_film_loads_back() {
        let facts = FilmFacts {
            tmdb_id: Some(949),
            directors: vec!["Michael Mann".into()],
            cast: vec!["Al Pacino".into(), "Robert De Niro".into()],
        };
        let name = FilmRef {
            title: "Heat".into(),
            year: Some(1995),
        };
        let text = film(&name, &facts, "a feed");
        let (back, warnings) = parse_film("film.toml", text.as_bytes()).expect("loads");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            (back.title.as_str(), back.year, back.tmdb_id),
            ("Heat", Some(1995), Some(949))
        );
        assert_eq!(back.cast.len(), 2);
    }
}
