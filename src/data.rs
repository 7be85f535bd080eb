//! Collections of film reviews: parsing, validation and sanitising, with no terminal code.
//!
//! One file, one job: `decode` turns bytes into text, `parse` turns text into a film or a
//! review (with `toml_diag` saying what the toml parser found), `walk` finds and reads the
//! files of a folder, and `stream` builds loading on all of them; nothing imports `stream`
//! back but the bundled collection.

mod bundled;
pub mod date;
mod decode;
pub mod fold;
pub mod index;
mod mentions;
mod model;
mod names;
mod parse;
pub mod people;
pub mod scan;

mod stream;
mod toml_diag;
mod walk;

pub use crate::sanitize::{sanitize, sanitize_line};
pub use bundled::bundled_library;
pub use date::Date;
pub use decode::{decode_utf8, without_bom};
pub use mentions::{count_mentions, find_terms, find_text, mention_counts, strip_spoilers, terms};
pub use model::{
    AudienceRating, CastMember, Collection, Comment, Film, Kind, Library, Rating, Review,
};
pub use parse::{parse_film, parse_review};
pub use people::{
    LinkRefusal, Person, is_web_link, link_refusal, name_matches, review_matches, same_name,
};
pub use scan::Indexed;
pub use stream::{Part, in_own_pool, load_in_background, load_parts, load_path};
pub use toml_diag::key_text;
pub(crate) use walk::REVIEWS_DIR;
pub use walk::{LoadOptions, MAX_FILE_BYTES, read_regular};
