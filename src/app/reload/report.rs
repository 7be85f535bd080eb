//! What the footer says after a live reload: the file just broken (named relative to the
//! opened folder, its message first when the footer must cut), or the file just saved and
//! how many files still have problems. Old and new data are compared, since the watcher
//! only says that something changed.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::data::Library;
use crate::diagnostic::Diagnostic;

/// The footer's message, and the form to show when it does not fit (message first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::app) struct Report {
    pub(in crate::app) full: String,
    pub(in crate::app) cut: String,
    /// A file broke in this reload: said even over a fetch's summary.
    pub(in crate::app) broke: bool,
}

impl crate::app::App {
    /// Puts a reload's report in the footer, unless a fetch's summary says more (its own
    /// writes are what was reloaded) and nothing broke.
    pub(in crate::app) fn say_reloaded(&mut self, report: Option<Report>) {
        self.footer.cut = None;
        let report = match (report, &self.sources.summary) {
            (Some(report), _) if report.broke => report,
            (_, Some(summary)) => {
                self.footer.status = Some(summary.clone());
                return;
            }
            (Some(report), None) => report,
            (None, None) => {
                self.footer.status = Some("Reloaded: nothing changed".to_owned());
                return;
            }
        };
        self.footer.status = Some(report.full.clone());
        self.footer.cut = Some((report.full, report.cut));
    }
}

/// `path` relative to the folder that was opened (`origin`), as people name it.
pub(in crate::app) fn relative(origin: Option<&str>, path: &str) -> String {
    origin
        .and_then(|o| Path::new(path).strip_prefix(o).ok())
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| path.to_owned(), |p| p.display().to_string())
}

/// One error as the footer shows it: where, then what (or what, then where when cut).
fn located(origin: Option<&str>, d: &Diagnostic) -> (String, String) {
    let place = match d.position() {
        Some((line, column)) => format!("{}:{line}:{column}", relative(origin, &d.path)),
        None => relative(origin, &d.path),
    };
    (place, d.message.clone())
}

/// Files with errors, by path.
fn broken_files(library: &Library) -> HashSet<&str> {
    library
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.path.as_str())
        .collect()
}

/// The review files (and `film.toml`s) whose content differs between `old` and `new`,
/// relative to the opened folder: added, removed or edited.
fn changed_files(old: &Library, new: &Library) -> Vec<String> {
    let origin = new.origin.as_deref();
    // A collection's folder as opened: the folder itself for one collection, else the
    // folder inside the library.
    let folder = |library: &Library, name: &str| -> String {
        let itself = library.collections.len() == 1
            && origin.is_none_or(|o| {
                Path::new(o)
                    .file_name()
                    .is_none_or(|f| f.to_string_lossy() == name)
            });
        if itself {
            String::new()
        } else {
            format!("{name}/")
        }
    };
    let mut before: HashMap<(&str, &str), &crate::data::Review> = HashMap::new();
    let mut films = HashMap::new();
    for c in &old.collections {
        films.insert(c.key.as_str(), &c.film);
        for r in &c.reviews {
            before.insert((c.key.as_str(), r.id.as_str()), r);
        }
    }
    let mut changed = Vec::new();
    for c in &new.collections {
        let dir = folder(new, &c.name);
        if films.get(c.key.as_str()).is_some_and(|f| **f != c.film) {
            changed.push(format!("{dir}film.toml"));
        }
        for r in &c.reviews {
            if before.remove(&(c.key.as_str(), r.id.as_str())) != Some(r) {
                changed.push(format!("{dir}reviews/{}.toml", r.id));
            }
        }
    }
    // What is left was removed, or broke (and then the error says it).
    for c in &old.collections {
        for r in &c.reviews {
            if before.contains_key(&(c.key.as_str(), r.id.as_str())) {
                changed.push(format!("{}reviews/{}.toml", folder(old, &c.name), r.id));
            }
        }
    }
    changed
}

/// What a reload from `old` to `new` tells the reader; `kept` says which broken files
/// still show their last good version (by path). `None` when nothing changed and
/// nothing broke (another message, such as a fetch's summary, may then stand).
pub(in crate::app) fn report(
    old: &Library,
    new: &Library,
    kept: &dyn Fn(&Diagnostic) -> bool,
) -> Option<Report> {
    let origin = new.origin.as_deref();
    let said = |d: &'_ Diagnostic| (d.path.clone(), d.line, d.column, d.message.clone());
    let was_broken: HashSet<_> = old
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(said)
        .collect();
    let fresh: Vec<&Diagnostic> = new
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && !was_broken.contains(&said(d)))
        .collect();
    let broken_now = broken_files(new);
    let check = origin.map_or_else(
        || "reelread check".to_owned(),
        |o| format!("reelread check {o}"),
    );
    if let Some(first) = fresh.first() {
        let (place, message) = located(origin, first);
        let outcome = if kept(first) {
            "its last good version stays"
        } else {
            "skipped"
        };
        let files: HashSet<&str> = fresh.iter().map(|d| d.path.as_str()).collect();
        let more = match files.len() - 1 {
            0 => String::new(),
            n => format!(" · {} more broken", super::super::plural(n, "file")),
        };
        return Some(Report {
            full: format!("Reload: {place}: {message} · {outcome}{more}"),
            cut: format!("{message} · {place} · {outcome}{more}"),
            broke: true,
        });
    }
    let changed = changed_files(old, new);
    let fixed: Vec<String> = broken_files(old)
        .difference(&broken_now)
        .map(|p| relative(origin, p))
        .collect();
    let what = match (changed.as_slice(), fixed.as_slice()) {
        ([], []) => return None,
        ([], [one]) | ([one], []) => format!("Reloaded {one}"),
        ([one], [fixed]) if one == fixed => format!("Reloaded {one}"),
        (changed, fixed) => format!(
            "Reloaded {} changed",
            super::super::plural(changed.len().max(fixed.len()), "file")
        ),
    };
    let still = match broken_now.len() {
        0 => String::new(),
        n => format!(
            " · {} still {} problems: `{check}` tells why",
            super::super::plural(n, "file"),
            super::super::agrees(n, "has", "have")
        ),
    };
    let full = format!("{what}{still}");
    Some(Report {
        cut: full.clone(),
        full,
        broke: false,
    })
}

#[cfg(test)]
mod tests {
    use super::relative;

    #[test]
    fn paths_are_named_from_the_opened_folder() {
        assert_eq!(
            relative(Some("/tmp/x/mile"), "/tmp/x/mile/reviews/a.toml"),
            "reviews/a.toml"
        );
        assert_eq!(relative(Some("lib/"), "lib/f/film.toml"), "f/film.toml");
        assert_eq!(relative(None, "a/b.toml"), "a/b.toml");
        assert_eq!(relative(Some("/elsewhere"), "/tmp/a.toml"), "/tmp/a.toml");
    }
}
