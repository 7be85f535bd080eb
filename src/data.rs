//! Collections of film reviews: parsing, validation and sanitising, with no terminal code.

mod bundled;
pub mod index;
mod load;
mod mentions;
mod model;
mod people;
mod sanitize;
mod stream;

pub use bundled::bundled_library;
pub use index::Indexed;
pub use load::{LoadOptions, MAX_FILE_BYTES, load_path, load_path_with, parse_film, parse_review};
pub use mentions::{count_mentions, find_terms, find_text, mention_counts, strip_spoilers, terms};
pub use model::{
    AudienceRating, CastMember, Collection, Comment, Date, Film, Kind, Library, Rating, Review,
};
pub use people::{Person, is_web_link, people, same_name, touches};
pub use sanitize::{sanitize, sanitize_line};
pub use stream::{Part, load_in_background, load_parts};
