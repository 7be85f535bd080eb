//! The bundled collection's way through loading: its files are already in memory, so
//! they are parsed here on one thread, with the same parts and rules as files on disk.

use super::super::model::{Collection, Library};
use super::super::names::NameCache;
use super::super::parse::{SourceFile, parse_review};
use super::emitter::{film_of, sink_reviews};
use super::{Part, problems_part};

/// Parses one collection from files already in memory (the bundled collection).
pub(crate) fn build_collection(
    name: &str,
    film_file: Option<SourceFile>,
    film_missing_path: &str,
    reviews: &[(String, SourceFile)],
    library: &mut Library,
) {
    let mut problems = Vec::new();
    let (film, skipped) = film_of(name, film_file, film_missing_path, &mut problems);
    library.add(Part::Collection(Collection {
        name: super::super::sanitize_line(name),
        key: super::super::sanitize_line(name),
        film,
        reviews: Vec::new(),
    }));
    library.add(problems_part(problems, skipped));
    let parsed = reviews
        .iter()
        .map(|(id, file)| {
            let parsed = file.parse(|path, bytes| parse_review(path, id, bytes));
            (parsed, None, 0)
        })
        .collect();
    sink_reviews(parsed, (0, 0), &mut NameCache::default(), &mut |part| {
        library.add(part);
    });
}
