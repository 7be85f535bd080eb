//! Which collection folder an entry goes to: the film's own folder when the library has
//! one, a new `title-year` folder when the source names a film the library lacks, else a
//! film whose title the review's title contains, else `unsorted`.

use std::path::{Path, PathBuf};

use crate::data::fold::folded;
use crate::sources::FilmRef;

/// The folder for reviews whose film could not be told.
pub const UNSORTED: &str = "unsorted";

/// The films a library holds, each with its folder.
#[derive(Debug, Default)]
pub(super) struct Films {
    known: Vec<(FilmRef, PathBuf)>,
}

/// Whether `dir` is a collection (it has `film.toml` or `reviews/`).
#[must_use]
pub fn is_collection(dir: &Path) -> bool {
    dir.join("film.toml").is_file() || dir.join("reviews").is_dir()
}

/// The film a collection's `film.toml` names, if it loads.
pub(super) fn film_of(dir: &Path) -> Option<FilmRef> {
    let bytes = std::fs::read(dir.join("film.toml")).ok()?;
    let (film, _) = crate::data::parse_film("film.toml", &bytes).ok()?;
    Some(FilmRef {
        title: film.title,
        year: film.year,
    })
}

impl Films {
    /// The films of every collection folder in `library`.
    pub(super) fn scan(library: &Path) -> Self {
        let mut known = Vec::new();
        if let Ok(entries) = std::fs::read_dir(library) {
            for entry in entries.flatten() {
                let dir = entry.path();
                if dir.file_name().is_some_and(|n| n == UNSORTED) || !dir.is_dir() {
                    continue;
                }
                if let Some(film) = film_of(&dir) {
                    known.push((film, dir));
                }
            }
        }
        known.sort_by(|a, b| a.1.cmp(&b.1));
        Self { known }
    }

    /// Remembers a folder made for `film`.
    pub(super) fn add(&mut self, film: FilmRef, dir: PathBuf) {
        self.known.push((film, dir));
    }

    /// The folder of `film`: same title (case and accents aside) and, when both give one,
    /// the same year.
    pub(super) fn find(&self, film: &FilmRef) -> Option<&Path> {
        let title = folded(film.title.trim());
        self.known
            .iter()
            .find(|(known, _)| {
                folded(known.title.trim()) == title
                    && (known.year.is_none() || film.year.is_none() || known.year == film.year)
            })
            .map(|(_, dir)| dir.as_path())
    }

    /// The film whose title `text` (a review's title) contains as whole words, the longest
    /// such title winning; a year in `text` must then be the film's.
    pub(super) fn named_in(&self, text: &str) -> Option<(&FilmRef, &Path)> {
        let haystack = folded(text);
        self.known
            .iter()
            .filter(|(film, _)| {
                let title = folded(film.title.trim());
                // A short title ("Up", "Her") is named only with its year beside it.
                let short = title.chars().count() < 4;
                !title.is_empty()
                    && contains_words(&haystack, &title)
                    && year_fits(&haystack, film.year)
                    && (!short || film.year.is_some_and(|y| haystack.contains(&y.to_string())))
            })
            .max_by_key(|(film, _)| film.title.len())
            .map(|(film, dir)| (film, dir.as_path()))
    }

    /// A folder name for a new film: its slug, made unique among the library's folders.
    pub(super) fn new_folder(library: &Path, film: &FilmRef) -> PathBuf {
        let base = {
            let text = match film.year {
                Some(year) => format!("{} {year}", film.title),
                None => film.title.clone(),
            };
            let slug = crate::import::slug(&text);
            if slug.is_empty() {
                "film".to_owned()
            } else {
                slug
            }
        };
        let mut dir = library.join(&base);
        let mut n = 2;
        while dir.exists() {
            dir = library.join(format!("{base}-{n}"));
            n += 1;
        }
        dir
    }
}

/// `needle` occurs in `haystack` with no letter or digit right before or after it.
fn contains_words(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// No four-digit year in `text` other than `year` (a title naming 1995 is not the 2010 film).
fn year_fits(text: &str, year: Option<i32>) -> bool {
    let Some(year) = year else { return true };
    let years: Vec<i32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .filter(|y| (1880..=2100).contains(y))
        .collect();
    years.is_empty() || years.contains(&year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn films() -> Films {
        let mut films = Films::default();
        for (title, year) in [("Heat", 1995), ("Up", 2009), ("Heat Wave", 2022)] {
            films.add(
                FilmRef {
                    title: title.into(),
                    year: Some(year),
                },
                PathBuf::from(title),
            );
        }
        films
    }

    #[test]
    fn finds_a_film_by_title_and_year() {
        let films = films();
        let heat = |year| FilmRef {
            title: "heat".into(),
            year,
        };
        assert_eq!(films.find(&heat(Some(1995))), Some(Path::new("Heat")));
        assert_eq!(films.find(&heat(None)), Some(Path::new("Heat")));
        assert_eq!(films.find(&heat(Some(1986))), None);
    }

    #[test]
    fn a_title_names_the_longest_film_it_holds_as_words() {
        let films = films();
        let named = |t: &str| films.named_in(t).map(|(f, _)| f.title.clone());
        assert_eq!(named("Review: Heat (1995) at 30").as_deref(), Some("Heat"));
        assert_eq!(named("Heat Wave is a blast").as_deref(), Some("Heat Wave"));
        assert_eq!(named("Heatstroke season"), None);
        assert_eq!(named("Heat (1986)"), None);
        assert_eq!(named("Looking up"), None);
        assert_eq!(named("Up (2009), again").as_deref(), Some("Up"));
    }
}
