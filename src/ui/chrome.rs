//! Header (film, filter) and footer (status, key hints): one line each.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::theme;
use crate::app::App;
use crate::keymap;

pub fn render_header(app: &App, area: Rect, buf: &mut Buffer) {
    let film = app
        .open_review()
        .map(|(c, _)| &c.film)
        .or_else(|| app.library().collections.first().map(|c| &c.film));
    let mut spans = vec![Span::raw(" ")];
    if let Some(film) = film {
        spans.push(Span::styled(
            film.title.clone(),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        if let Some(year) = film.year {
            spans.push(Span::raw(format!(" ({year})")));
        }
        let directors = if film.directors.is_empty() {
            "director unknown".to_owned()
        } else {
            format!("directed by {}", film.directors.join(", "))
        };
        spans.push(Span::styled(format!(" · {directors}"), theme::DIM));
    } else {
        spans.push(Span::styled("No collection loaded", theme::DIM));
    }
    Line::from(spans).render(area, buf);
    if let Some(name) = app.filter() {
        let label = format!(" Filter: {name} (Esc clears) ");
        let width = (label.width() as u16).min(area.width / 2);
        let rect = Rect {
            x: area.right() - width,
            width,
            ..area
        };
        let label = super::truncate(&label, usize::from(width));
        Span::styled(label, theme::HIGHLIGHT.add_modifier(Modifier::REVERSED)).render(rect, buf);
    }
}

pub fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let mut spans = vec![Span::raw(" ")];
    if let Some(status) = app.status() {
        spans.push(Span::styled(status.to_owned(), theme::STATUS));
        spans.push(Span::styled("  │ ", theme::DIM));
    }
    let mut used: usize = spans.iter().map(Span::width).sum();
    // Whole hints only: a hint cut in half is worse than none.
    for (action, label) in keymap::HINTS {
        let Some(key) = keymap::first_key(*action) else {
            continue;
        };
        let hint = [
            Span::styled(format!(" {key}"), Style::new().add_modifier(Modifier::BOLD)),
            Span::styled(format!(" {label} "), theme::DIM),
        ];
        let width: usize = hint.iter().map(Span::width).sum();
        if used + width > usize::from(area.width) {
            break;
        }
        used += width;
        spans.extend(hint);
    }
    Line::from(spans).render(area, buf);
}
