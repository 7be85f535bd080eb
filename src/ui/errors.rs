//! The error list (`!`): every file skipped or warned about, one problem after another as
//! `path:line:column: message`, wrapped to the popup's width.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme;
use crate::action::Command;
use crate::app::App;

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let problems = app.problems();
    let errors = problems.iter().filter(|p| p.error).count();
    let warnings = problems.len() - errors;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let title = format!(
        "Problems · {} skipped, {} · {} closes",
        plural(errors, "file", "files"),
        plural(warnings, "warning", "warnings"),
        app.key(Command::Back)
    );
    // As tall as the problems wrapped to the popup's width need, up to the screen.
    let width = area.width.min(120);
    let inside = usize::from(width.saturating_sub(2)).max(8);
    let rows: usize = problems
        .iter()
        .map(|p| wrapped(&p.text, inside).len())
        .sum::<usize>()
        .max(1);
    let height = u16::try_from(rows + 3)
        .unwrap_or(u16::MAX)
        .clamp(6, area.height.saturating_sub(2).max(6));
    let inner = super::popup::frame(&title, width, height, area, buf);
    let width = usize::from(inner.width);
    if inner.height < 2 || width < 8 {
        return;
    }
    let body = inner.height - 1;
    if problems.is_empty() {
        buf.set_stringn(
            inner.x,
            inner.y,
            " No file was skipped or warned about.",
            width,
            Style::new(),
        );
    }
    let scroll = scroll.min(problems.len().saturating_sub(1));
    let mut y = 0;
    let mut last_drawn = scroll;
    'problems: for (i, problem) in problems.iter().enumerate().skip(scroll) {
        let style = if problem.error {
            theme::HIGHLIGHT
        } else {
            Style::new()
        };
        for (n, line) in wrapped(&problem.text, width).into_iter().enumerate() {
            if y >= body {
                break 'problems;
            }
            let line = if n == 0 { line.style(style) } else { line };
            buf.set_line(inner.x, inner.y + y, &line, inner.width);
            y += 1;
        }
        last_drawn = i;
    }
    let more = problems.len().saturating_sub(last_drawn + 1);
    let hint = if more > 0 {
        format!(
            " more ↓ ({more}) · {}/{} scroll · `reelread check` prints the same",
            app.key(Command::Down),
            app.key(Command::Up)
        )
    } else {
        " `reelread check` prints the same list".to_owned()
    };
    buf.set_line(
        inner.x,
        inner.bottom() - 1,
        &Line::styled(hint, theme::DIM),
        inner.width,
    );
}

/// A problem's lines at `width`, the lines after the first indented under it.
fn wrapped(text: &str, width: usize) -> Vec<Line<'static>> {
    let pieces = [(text.to_owned(), Style::new())];
    crate::doc::wrap(&pieces, width, &Span::raw(" "), &Span::raw("     "))
}
