//! A generated library for tests at a modest scale: two films with more reviews than one
//! loading batch, many commenters, cast mentions, non-ASCII names, a spoiler and one broken
//! file per film.

use std::fmt::Write as _;
use std::path::Path;

pub const REVIEWS_PER_FILM: usize = 300;

/// Writes the library under `root`.
pub fn write_library(root: &Path) {
    let people = [
        "Ana Ruiz",
        "BJÖRN Ek",
        "chen wei",
        "Dagny Nguyễn",
        "Émile Roux",
    ];
    for (f, film) in ["alpha", "beta"].iter().enumerate() {
        let dir = root.join(film);
        std::fs::create_dir_all(dir.join("reviews")).expect("mkdir");
        std::fs::write(
            dir.join("film.toml"),
            format!(
                "title = \"Film {film}\"\n[[cast]]\nactor = \"Zoë Kravitz\"\nrole = \"Ellie\"\n\
                 [[cast]]\nactor = \"Tim Roth\"\naliases = [\"Roth\"]\n"
            ),
        )
        .expect("film");
        for r in 0..REVIEWS_PER_FILM {
            let mut text = format!(
                "title = \"Review {r} of {film}\"\nauthor = \"{}\"\nbody = \"\"\"\n",
                people[(r + f) % people.len()]
            );
            for line in 0..(r % 7) {
                let _ = writeln!(
                    text,
                    "Line {line}: ELLIE runs; Tim Roth ({}) watches. ||Roth dies|| Straße.",
                    if line % 2 == 0 { "roth" } else { "Rothko" }
                );
            }
            text.push_str("\"\"\"\n");
            for c in 0..(r % 4) {
                let _ = write!(
                    text,
                    "[[comments]]\nauthor = \"{}\"\ntext = \"Comment {c}: zoë kravitz, Ellie!\"\n",
                    people[(r + c + 1) % people.len()]
                );
            }
            std::fs::write(dir.join(format!("reviews/r{r:04}.toml")), text).expect("review");
        }
        std::fs::write(dir.join("reviews/zz-broken.toml"), "title = ").expect("broken");
    }
}

pub fn library_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write_library(dir.path());
    dir
}
