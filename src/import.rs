//! `reelread import`'s guesswork, with no terminal or file code: a review file guessed from
//! plain text copied off a web page (title, Markdown paragraphs, byline facts, ratings and
//! the comment section), every guess written down as a note so a person can check it.
//!
//! Nothing is invented: a field the text does not state is left out. The produced TOML is
//! written with escaping that round-trips, so `crate::data::parse_review` reads back
//! exactly the strings guessed here.
//!
//! The work runs in passes over the text's lines, each in its own module, in this order:
//!
//! - `clean`: line ends and spaces made plain, a blog's widget text dropped;
//! - the title is the first line left (`draft`, which runs the passes);
//! - `comments`: the comment section taken off the end;
//! - `byline`: repeats of the title, the byline and a star widget above the first paragraph;
//! - `rating`: scores stated on lines of their own (`dates` reads the dates they and
//!   the byline give);
//! - `body`: what is left, as Markdown;
//! - `output`: the review ID and the TOML file, with every note in its header.

mod body;
mod byline;
mod clean;
mod comments;
mod dates;
mod draft;
mod output;

/// TOML writing shared with the sources, so fetched and imported files are quoted alike.
pub use output::{literal_safe, slug, toml_date, value as toml_value};
mod rating;

pub use draft::{Guess, guess};
