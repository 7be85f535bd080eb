//! Real sources: followed feeds and pages fetched over HTTP, imported pages, feed files and
//! Letterboxd exports, all mapped to [`Entry`]s and written into the library as ordinary
//! collection files, which the loader, `check`, export and live reload already read.
//!
//! This layer knows `data` (the model it writes) and `config` (the fetch limits), nothing
//! of the app or the terminal. Its parts, in the order a fetch runs them:
//!
//! - `subscriptions`: `sources.toml`, the followed sources;
//! - `http`: one careful blocking client (timeouts, size cap, redirects, conditional GET);
//! - `feed`: RSS 2.0 and Atom documents parsed to one neutral [`feed::Feed`];
//! - `map`: feed items to entries (Letterboxd member feeds, any blog or critic, comments);
//! - `page`: a web page's article and metadata (JSON-LD, `OpenGraph`), its comment feed;
//! - `html`: HTML to the Markdown the reader renders;
//! - `letterboxd_export`: a Letterboxd export's CSV files;
//! - `write`: entries into collection folders, without duplicates or lost edits;
//! - `fetch_state`: `ETag`s and which item wrote which file, under the state folder;
//! - `fetch`: every source on worker threads, one report.

mod entry;
pub mod feed;
pub mod fetch;
pub mod fetch_state;
pub mod html;
pub mod http;
pub mod letterboxd_export;
pub mod map;
pub mod page;
pub mod subscriptions;
pub mod write;

pub use entry::{Entry, FilmFacts, FilmRef, Mapped};
