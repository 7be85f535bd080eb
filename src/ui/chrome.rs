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
    let mut room = usize::from(area.width);
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
        room = room.saturating_sub(usize::from(width) + 1);
    }
    super::fit(Line::from(spans), room).render(area, buf);
}

pub fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let hint = |action, label: &str| {
        let key = keymap::first_key(action).unwrap_or_default();
        vec![
            Span::styled(format!(" {key}"), Style::new().add_modifier(Modifier::BOLD)),
            Span::styled(format!(" {label} "), theme::DIM),
        ]
    };
    let span_width = |spans: &[Span<'_>]| spans.iter().map(Span::width).sum::<usize>();
    // Help and quit are always shown; the other hints only when whole ones fit.
    let essential: Vec<Span<'static>> = keymap::HINTS
        .iter()
        .filter(|(a, _)| keymap::ESSENTIAL_HINTS.contains(a))
        .flat_map(|(a, l)| hint(*a, l))
        .collect();
    let mut left = vec![Span::raw(" ")];
    if let Some(status) = app.status() {
        let room = width.saturating_sub(span_width(&essential) + 4);
        left.push(Span::styled(super::truncate(status, room), theme::STATUS));
        left.push(Span::styled(" │", theme::DIM));
    }
    let mut used = span_width(&left) + span_width(&essential);
    for (action, label) in keymap::HINTS {
        if keymap::ESSENTIAL_HINTS.contains(action) {
            continue;
        }
        let spans = hint(*action, label);
        if used + span_width(&spans) > width {
            break;
        }
        used += span_width(&spans);
        left.extend(spans);
    }
    left.extend(essential);
    super::fit(Line::from(left), width).render(area, buf);
}
