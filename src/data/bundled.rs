//! The *1 Mile to You* collection compiled into the binary, so `reelread` works from any
//! directory with no argument.

use super::model::Library;
use super::parse::SourceFile;
use super::stream::build_collection;

/// The bundled collection's folder name (and its path in the repository under `data/`).
const NAME: &str = "1-mile-to-you";

macro_rules! bundled_file {
    ($rel:literal) => {
        (
            $rel,
            include_bytes!(concat!("../../data/1-mile-to-you/", $rel)).as_slice(),
        )
    };
}

/// Paths relative to the collection folder, with their contents.
const FILM: (&str, &[u8]) = bundled_file!("film.toml");
const REVIEWS: [(&str, &[u8]); 5] = [
    bundled_file!("reviews/guilt-and-redemption.toml"),
    bundled_file!("reviews/heartwarming-story.toml"),
    bundled_file!("reviews/keep-on-running.toml"),
    bundled_file!("reviews/power-in-your-pain.toml"),
    bundled_file!("reviews/trailer-park-tuesday.toml"),
];

/// Loads the collection embedded in the binary, through the same parser as files on disk.
#[must_use]
pub fn bundled_library() -> Library {
    let file = |(rel, bytes): (&str, &[u8])| SourceFile {
        path: format!("data/{NAME}/{rel}"),
        bytes: Ok(bytes.to_vec()),
    };
    let reviews: Vec<(String, SourceFile)> = REVIEWS
        .iter()
        .map(|&(rel, bytes)| {
            let id = rel.trim_start_matches("reviews/").trim_end_matches(".toml");
            (id.to_owned(), file((rel, bytes)))
        })
        .collect();
    let mut library = Library::default();
    build_collection(NAME, Some(file(FILM)), "film.toml", &reviews, &mut library);
    library
}

#[cfg(test)]
mod tests {
    use super::REVIEWS;

    #[test]
    fn every_review_file_in_the_folder_is_embedded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/1-mile-to-you/reviews");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .expect("bundled reviews folder")
            .map(|e| {
                format!(
                    "reviews/{}",
                    e.expect("entry").file_name().to_string_lossy()
                )
            })
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = REVIEWS.iter().map(|(rel, _)| *rel).collect();
        assert_eq!(on_disk, embedded);
    }
}
