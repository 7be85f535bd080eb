//! What every source kind maps to: one review with the film it is about, so writing into
//! the library is done once for feeds, pages and exports alike.

use crate::data::Review;

/// The film a review is about, as its source names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FilmRef {
    /// The film's title, entities decoded.
    pub title: String,
    /// Its release year, when the source gives one.
    pub year: Option<i32>,
}

/// What a source states about the film besides its name, for a film.toml it creates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilmFacts {
    /// The Movie Database's number for the film (`tmdb:movieId`).
    pub tmdb_id: Option<u64>,
    /// Directors, in the order given.
    pub directors: Vec<String>,
    /// Actors, in the order given.
    pub cast: Vec<String>,
}

/// One review found in a source, ready to be written as `reviews/ID.toml`.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Stable within its source (the item's guid, else its link), so a refetch updates the
    /// same file instead of writing a second one.
    pub key: String,
    /// The film, when the source names it; else the writer looks for one.
    pub film: Option<FilmRef>,
    /// Facts for a new film.toml.
    pub facts: FilmFacts,
    /// The review itself (its `id` is chosen by the writer); body in Markdown.
    pub review: Review,
    /// The item carried only an excerpt ("Continue reading…"), so the linked page's article
    /// is the better body when `full_text` allows fetching it.
    pub excerpt_only: bool,
    /// The item's own comment feed (`wfw:commentRss`), followed with it.
    pub comment_feed: Option<String>,
}

/// Everything one document gave: its entries and what was left out on purpose.
#[derive(Debug, Clone, Default)]
pub struct Mapped {
    /// The reviews found, in document order.
    pub entries: Vec<Entry>,
    /// Items that are not reviews (Letterboxd diary entries and lists), counted so the
    /// summary can say how many were skipped.
    pub skipped: usize,
    /// The document's title (a feed's channel, a page's site), the default source name.
    pub title: Option<String>,
}
