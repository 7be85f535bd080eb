//! Problems found while reading a file (a collection, the config, the reading state),
//! located as `path:line:column` so editors can jump to them.

use std::fmt;

use crate::sanitize::{sanitize, sanitize_line};

/// Whether a problem stops a file from loading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The file was skipped.
    Error,
    /// The file loaded; something in it was ignored.
    Warning,
}

/// One problem in one file, with a 1-based position users can jump to — or none, when
/// the problem is the file as a whole (it could not be read, a required key is absent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it (or its path inside the bundled collection).
    pub path: String,
    /// 1-based line; 0 when the problem has no place in the file.
    pub line: usize,
    /// 1-based column, counted in characters; 0 when the problem has no place in the file.
    pub column: usize,
    /// What is wrong, already sanitised for the terminal.
    pub message: String,
    /// Error or warning.
    pub severity: Severity,
}

impl Diagnostic {
    /// Builds a diagnostic at a byte offset of `source`, sanitising the message once.
    #[must_use]
    pub fn at_offset(
        path: &str,
        source: &str,
        offset: usize,
        severity: Severity,
        message: &str,
    ) -> Self {
        let (line, column) = line_column(source, offset);
        Self {
            path: sanitize_line(path),
            line,
            column,
            message: one_line(&sanitize(message)),
            severity,
        }
    }

    /// Builds a diagnostic about a whole file, with no line or column: shown as
    /// `path: error: message`, since a made-up `1:1` would send editors to the wrong place.
    #[must_use]
    pub fn whole_file(path: &str, severity: Severity, message: &str) -> Self {
        Self {
            path: sanitize_line(path),
            line: 0,
            column: 0,
            message: one_line(&sanitize(message)),
            severity,
        }
    }

    /// The 1-based line and column, or `None` for a problem with the whole file.
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        (self.line > 0).then_some((self.line, self.column))
    }

    /// True when the problem made the file unusable.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.position() {
            Some((line, column)) => {
                write!(f, "{}:{line}:{column}: {kind}: {}", self.path, self.message)
            }
            None => write!(f, "{}: {kind}: {}", self.path, self.message),
        }
    }
}

/// 1-based line and character column of a byte offset (clamped to the text).
#[must_use]
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Keeps the first line of a multi-line message: the position already says where.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("invalid file")
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_from_one_in_characters() {
        let src = "a = 1\nbé = x\n";
        assert_eq!(line_column(src, 0), (1, 1));
        assert_eq!(line_column(src, 6), (2, 1));
        // 'é' is two bytes but one column.
        assert_eq!(line_column(src, 9), (2, 3));
        assert_eq!(line_column(src, 999), (3, 1));
    }

    #[test]
    fn display_is_path_line_column_message() {
        let d = Diagnostic::at_offset("x.toml", "a\nb", 2, Severity::Warning, "unknown key `b`");
        assert_eq!(d.to_string(), "x.toml:2:1: warning: unknown key `b`");
        assert_eq!(d.position(), Some((2, 1)));
    }

    #[test]
    fn a_whole_file_problem_has_no_position() {
        let d = Diagnostic::whole_file("x.toml", Severity::Error, "cannot read file: denied");
        assert_eq!(d.position(), None);
        assert_eq!(d.to_string(), "x.toml: error: cannot read file: denied");
    }
}
