//! Colour for the printing commands (`list`, `show`, `check`): SGR sequences around text
//! that is already sanitised, only when `--color` (or, for `auto`, a terminal without
//! `NO_COLOR`) says so, so a pipe or a file never gets an escape byte it did not ask for.

use std::fmt::Write as _;

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use super::setup::ColorMode;
use crate::diagnostic::{Diagnostic, Severity};

/// A review ID in `list`.
pub const ID: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
/// Secondary facts: `list`'s details.
pub const DIM: Style = crate::ui::theme::DIM;
/// A match of `show --grep`, as grep paints one.
pub const MATCH: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
/// A path and position in `check`.
pub const PATH: Style = Style::new().add_modifier(Modifier::BOLD);
/// `error` in `check`.
pub const ERROR: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
/// `warning` in `check`.
pub const WARNING: Style = Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD);

/// Whether this run writes colour on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    on: bool,
}

impl Paint {
    /// Decides for stdout: `always` colours, `never` does not, `auto` colours a terminal
    /// unless `NO_COLOR` is set or `TERM` is dumb.
    #[must_use]
    pub fn for_stdout(mode: ColorMode) -> Self {
        use std::io::IsTerminal as _;
        let on = match mode {
            ColorMode::Always => true,
            ColorMode::Never => false,
            ColorMode::Auto => std::io::stdout().is_terminal() && mode.enabled(),
        };
        Self { on }
    }

    /// `text` in `style`, or as it is when colour is off.
    #[must_use]
    pub fn paint(self, text: &str, style: Style) -> String {
        let start = sgr(style);
        if !self.on || start.is_empty() || text.is_empty() {
            return text.to_owned();
        }
        format!("{start}{text}\x1b[0m")
    }

    /// A laid-out line with its own styles (`show`).
    #[must_use]
    pub fn line(self, line: &Line<'_>) -> String {
        let mut out = String::new();
        for span in &line.spans {
            out.push_str(&self.paint(&span.content, line.style.patch(span.style)));
        }
        out
    }

    /// A diagnostic as `check` prints it: `path:line:column: error: message`.
    #[must_use]
    pub fn diagnostic(self, d: &Diagnostic) -> String {
        if !self.on {
            return d.to_string();
        }
        let place = match d.position() {
            Some((line, column)) => format!("{}:{line}:{column}:", d.path),
            None => format!("{}:", d.path),
        };
        let (kind, style) = match d.severity {
            Severity::Error => ("error", ERROR),
            Severity::Warning => ("warning", WARNING),
        };
        format!(
            "{} {}: {}",
            self.paint(&place, PATH),
            self.paint(kind, style),
            d.message
        )
    }
}

/// The SGR sequence that sets `style`, or nothing for the plain style.
fn sgr(style: Style) -> String {
    let mut codes: Vec<String> = Vec::new();
    for (modifier, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if style.add_modifier.contains(modifier) {
            codes.push(code.to_owned());
        }
    }
    codes.extend(style.fg.and_then(|c| color(c, false)));
    codes.extend(style.bg.and_then(|c| color(c, true)));
    if codes.is_empty() {
        return String::new();
    }
    let mut out = String::from("\x1b[");
    let _ = write!(out, "{}m", codes.join(";"));
    out
}

/// One colour's SGR parameters, foreground or background.
fn color(color: Color, background: bool) -> Option<String> {
    let base = |n: u8| Some((if background { n + 10 } else { n }).to_string());
    let layer = if background { 48 } else { 38 };
    match color {
        Color::Reset => None,
        Color::Black => base(30),
        Color::Red => base(31),
        Color::Green => base(32),
        Color::Yellow => base(33),
        Color::Blue => base(34),
        Color::Magenta => base(35),
        Color::Cyan => base(36),
        Color::Gray => base(37),
        Color::DarkGray => base(90),
        Color::LightRed => base(91),
        Color::LightGreen => base(92),
        Color::LightYellow => base(93),
        Color::LightBlue => base(94),
        Color::LightMagenta => base(95),
        Color::LightCyan => base(96),
        Color::White => base(97),
        Color::Indexed(n) => Some(format!("{layer};5;{n}")),
        Color::Rgb(r, g, b) => Some(format!("{layer};2;{r};{g};{b}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_become_sgr_and_plain_text_stays_plain() {
        let on = Paint { on: true };
        assert_eq!(on.paint("id", ID), "\x1b[1;33mid\x1b[0m");
        assert_eq!(on.paint("x", Style::new()), "x");
        assert_eq!(
            on.paint("x", Style::new().bg(Color::Rgb(1, 2, 3))),
            "\x1b[48;2;1;2;3mx\x1b[0m"
        );
        let off = Paint { on: false };
        assert_eq!(off.paint("id", ID), "id");
    }
}
