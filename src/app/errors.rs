//! The error list (`!`): every file the load skipped or warned about, as
//! `path:line:column: message` with paths relative to the opened folder, so the reader
//! can see what `reelread check` would say without leaving.

use super::{App, Mode};
use crate::action::{Action, Command};
use crate::diagnostic::Diagnostic;

/// One line of the error list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file skipped (an error) or only warned about.
    pub error: bool,
    /// `path:line:column: error: message`, the path relative to the opened folder.
    pub text: String,
}

/// `path` relative to `origin` when it lies inside it; as given otherwise.
#[must_use]
pub fn relative(path: &str, origin: Option<&str>) -> String {
    let Some(origin) = origin else {
        return path.to_owned();
    };
    match std::path::Path::new(path).strip_prefix(origin) {
        Ok(inside) if !inside.as_os_str().is_empty() => inside.display().to_string(),
        _ => path.to_owned(),
    }
}

/// A diagnostic as the list shows it: as `reelread check` prints it, the path shortened.
fn problem(diagnostic: &Diagnostic, origin: Option<&str>) -> Problem {
    let shown = Diagnostic {
        path: relative(&diagnostic.path, origin),
        ..diagnostic.clone()
    };
    Problem {
        error: diagnostic.is_error(),
        text: shown.to_string(),
    }
}

impl App {
    /// Every problem met loading the library, errors first, each in the order met.
    #[must_use]
    pub fn problems(&self) -> Vec<Problem> {
        let library = &self.catalog.library;
        let origin = library.origin.as_deref();
        let mut problems: Vec<Problem> = library
            .diagnostics
            .iter()
            .map(|d| problem(d, origin))
            .collect();
        problems.sort_by_key(|p| !p.error);
        problems
    }

    /// `!`: open the error list.
    pub(super) fn open_errors(&mut self) {
        self.mode = Mode::Errors(0);
    }

    /// Keys in the error list: scroll by one problem, a page, to either end; close.
    pub(super) fn errors_update(&mut self, action: &Action) {
        let count = self.catalog.library.diagnostics.len();
        let page = usize::from(self.size.1.saturating_sub(6)).max(1);
        let Mode::Errors(scroll) = &mut self.mode else {
            return;
        };
        let last = count.saturating_sub(1);
        let command = match action {
            Action::Run(command) => *command,
            Action::Wheel(_, _, true) => Command::Down,
            Action::Wheel(_, _, false) => Command::Up,
            _ => return,
        };
        match command {
            Command::Up => *scroll = scroll.saturating_sub(1),
            Command::Down => *scroll = (*scroll + 1).min(last),
            Command::PageUp | Command::HalfPageUp => *scroll = scroll.saturating_sub(page),
            Command::PageDown | Command::HalfPageDown => *scroll = (*scroll + page).min(last),
            Command::Top => *scroll = 0,
            Command::Bottom => *scroll = last,
            Command::Back | Command::Errors => self.mode = Mode::Normal,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::relative;

    #[test]
    fn paths_inside_the_folder_lose_its_name() {
        assert_eq!(
            relative("lib/alpha/reviews/x.toml", Some("lib")),
            "alpha/reviews/x.toml"
        );
        assert_eq!(relative("./reviews/x.toml", Some(".")), "reviews/x.toml");
        assert_eq!(
            relative("/abs/lib/film.toml", Some("/abs/lib/")),
            "film.toml"
        );
        assert_eq!(
            relative("elsewhere/x.toml", Some("lib")),
            "elsewhere/x.toml"
        );
        assert_eq!(relative("lib", Some("lib")), "lib");
        assert_eq!(relative("x.toml", None), "x.toml");
    }
}
