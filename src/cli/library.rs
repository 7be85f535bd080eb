//! The library as the folder commands read when given none: used once it holds at least
//! one collection, so a fresh machine still opens the bundled collection.

use std::path::{Path, PathBuf};

use crate::config::{Config, library_path};

/// The library's folder, if it holds at least one collection.
#[must_use]
pub fn with_collections(config: &Config) -> Option<PathBuf> {
    library_path(config).filter(|dir| holds_a_collection(dir))
}

/// A collection is a folder with `film.toml` or `reviews/`; the library may be one itself
/// or hold them one per film.
fn holds_a_collection(dir: &Path) -> bool {
    let is_collection = |d: &Path| d.join("film.toml").is_file() || d.join("reviews").is_dir();
    is_collection(dir)
        || std::fs::read_dir(dir).is_ok_and(|entries| {
            entries
                .flatten()
                .any(|e| e.path().is_dir() && is_collection(&e.path()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_or_missing_library_holds_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(!holds_a_collection(dir.path()));
        assert!(!holds_a_collection(&dir.path().join("missing")));
        std::fs::create_dir_all(dir.path().join("notes")).expect("mkdir");
        assert!(!holds_a_collection(dir.path()));
    }

    #[test]
    fn one_film_folder_makes_a_library() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("heat-1995/reviews")).expect("mkdir");
        assert!(holds_a_collection(dir.path()));
        let config = Config {
            library: Some(dir.path().to_path_buf()),
            ..Config::default()
        };
        assert_eq!(with_collections(&config), Some(dir.path().to_path_buf()));
    }
}
