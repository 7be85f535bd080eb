//! Whole reviews as JSON, for scripts: `reelread export --format json` and `list --json`
//! give a film the same shape.

use serde::Serialize;

use crate::data::{Collection, Film, Library, Review};

/// A review's film as both JSON outputs give it, `{ "title": …, "year": … }` (year `null`
/// when unknown), so a script can tell apart two films of one title.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct JsonFilm<'a> {
    /// The film's title.
    pub title: &'a str,
    /// Its release year.
    pub year: Option<i32>,
}

impl<'a> From<&'a Film> for JsonFilm<'a> {
    fn from(film: &'a Film) -> Self {
        Self {
            title: &film.title,
            year: film.year,
        }
    }
}

#[derive(Serialize)]
struct JsonReview<'a> {
    id: String,
    film: JsonFilm<'a>,
    #[serde(flatten)]
    review: &'a Review,
    /// `false` when the review's own `rewatch` is left out (review files write it only
    /// when true), so every object has the key.
    #[serde(skip_serializing_if = "Option::is_none")]
    rewatch: Option<bool>,
}

/// The reviews as a pretty JSON array of whole objects (ID as `list` prints it, the film's
/// title and year, then every field including comments), for scripts and other tools.
///
/// # Panics
///
/// Never in practice: every field serialises to JSON (ratings are finite, keys are strings).
#[must_use]
pub fn json(library: &Library, rows: &[(&Collection, &Review)]) -> String {
    let rows: Vec<JsonReview<'_>> = rows
        .iter()
        .map(|&(c, r)| JsonReview {
            id: library.qualified_id(c, r),
            film: JsonFilm::from(&c.film),
            review: r,
            rewatch: (!r.rewatch).then_some(false),
        })
        .collect();
    serde_json::to_string_pretty(&rows).expect("reviews serialise to JSON")
}
