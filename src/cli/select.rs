//! The options `list` and `export` share, declared once and flattened into both, so the
//! two commands select reviews by the same words and the same rules; and how a review ID
//! names one review, for `show`.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::data::{Collection, Library, Review, name_matches, sanitize_line};

/// Which reviews a command works on.
#[derive(Debug, clap::Args)]
pub struct Selection {
    /// Collection or library folder (bundled collection if omitted).
    pub dir: Option<PathBuf>,
    /// Only reviews by or commented on by a person whose name contains NAME (any case).
    #[arg(long, value_name = "NAME")]
    pub reviewer: Option<String>,
    /// Only reviews whose title, body or comments contain TEXT (any case; spoilers excluded).
    #[arg(long, value_name = "TEXT")]
    pub grep: Option<String>,
}

/// What a review ID (`ID`, or `FILM/ID` with the film's folder name) names in a library.
pub enum Named<'a> {
    /// Exactly one review.
    One(&'a Review),
    /// The same ID in several films: each as `FILM/ID`, to name one of them.
    Ambiguous(Vec<String>),
    /// No review: the IDs closest to it, for "did you mean".
    Unknown(Vec<String>),
}

/// Finds the review `id` names: `FILM/ID` always works, a bare `ID` when one film has it.
#[must_use]
pub fn named<'a>(library: &'a Library, id: &str) -> Named<'a> {
    let id = id.trim();
    let matches: Vec<(&Collection, &Review)> = library
        .reviews()
        .filter(|(c, r)| {
            r.id == id
                || id
                    .split_once('/')
                    .is_some_and(|(f, i)| f == c.name && i == r.id)
        })
        .collect();
    match matches.as_slice() {
        [(_, r)] => Named::One(r),
        [] => {
            let known: Vec<String> = library
                .reviews()
                .map(|(c, r)| library.qualified_id(c, r))
                .collect();
            Named::Unknown(
                super::suggest::closest(id, known.iter().map(String::as_str))
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
            )
        }
        many => Named::Ambiguous(
            many.iter()
                .map(|(c, r)| format!("{}/{}", c.name, r.id))
                .collect(),
        ),
    }
}

/// Says on stderr why `id` names no single review (for `command`), with the candidates;
/// exit 2, a usage error.
pub fn refuse(command: &str, library: &Library, id: &str, named: &Named<'_>) -> ExitCode {
    let shown = sanitize_line(id);
    match named {
        Named::One(_) => return super::status::found(),
        Named::Ambiguous(candidates) => {
            eprintln!(
                "reelread {command}: the ID `{shown}` is ambiguous: {} films have it. Name one as FILM/ID:",
                candidates.len()
            );
            for candidate in candidates {
                eprintln!("  {}", sanitize_line(candidate));
            }
        }
        Named::Unknown(close) => {
            // A review file that failed to load has this ID: its error was printed above.
            let broken = library.diagnostics.iter().any(|d| {
                d.is_error()
                    && std::path::Path::new(&d.path)
                        .file_stem()
                        .is_some_and(|s| s.to_string_lossy() == id.rsplit('/').next().unwrap_or(id))
            });
            let close: Vec<&str> = close.iter().map(String::as_str).collect();
            if broken {
                eprintln!(
                    "reelread {command}: the review `{shown}` could not be loaded (its error is above); `reelread check` lists every problem"
                );
            } else {
                eprintln!(
                    "reelread {command}: no review with ID `{shown}`.{} `reelread list` shows the IDs.",
                    super::suggest::did_you_mean(&close)
                );
            }
        }
    }
    super::status::trouble()
}

/// Why no review was selected, in words that name the filter that failed: an unknown
/// person or cast member by name (with the closest names), else the filters in force.
#[must_use]
pub fn nothing_selected(
    library: &Library,
    selection: &Selection,
    mentions: Option<&str>,
    starred: bool,
) -> String {
    let quoted = |text: &str| format!("“{}”", sanitize_line(text));
    if let Some(actor) = mentions {
        let cast: Vec<&str> = library
            .collections
            .iter()
            .flat_map(|c| &c.film.cast)
            .flat_map(|m| {
                std::iter::once(m.actor.as_str())
                    .chain(m.role.as_deref())
                    .chain(m.aliases.iter().map(String::as_str))
            })
            .collect();
        if !cast.iter().any(|name| name_matches(name, actor)) {
            let actors: Vec<&str> = library
                .collections
                .iter()
                .flat_map(|c| &c.film.cast)
                .map(|m| m.actor.as_str())
                .collect();
            return format!(
                "No cast member matches {} (by actor, role or alias).{}",
                quoted(actor),
                super::suggest::did_you_mean(&super::suggest::closest(actor, actors))
            );
        }
    }
    if let Some(person) = selection.reviewer.as_deref() {
        let people: Vec<&str> = library
            .reviews()
            .flat_map(|(_, r)| {
                r.reviewer
                    .as_deref()
                    .into_iter()
                    .chain(r.comments.iter().filter_map(|c| c.author.as_deref()))
            })
            .collect();
        if !people.iter().any(|name| name_matches(name, person)) {
            return format!(
                "No reviewer or commenter matches {}.{}",
                quoted(person),
                super::suggest::did_you_mean(&super::suggest::closest(person, people))
            );
        }
    }
    let mut filters = Vec::new();
    if let Some(person) = selection.reviewer.as_deref() {
        filters.push(format!("--reviewer {}", quoted(person)));
    }
    if let Some(text) = selection.grep.as_deref() {
        filters.push(format!(
            "--grep {} (spoilers are not searched)",
            quoted(text)
        ));
    }
    if let Some(actor) = mentions {
        filters.push(format!("--mentions {}", quoted(actor)));
    }
    if starred {
        filters.push("--starred".to_owned());
    }
    if filters.is_empty() {
        "No reviews: the collection holds none.".to_owned()
    } else {
        format!("No review matches {}.", filters.join(" and "))
    }
}
