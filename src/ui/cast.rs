//! The cast sidebar: actor and role, with the people the open review mentions picked out
//! and counted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::{theme, truncate};
use crate::app::{App, Focus};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus() == Focus::Cast;
    let Some((collection, _)) = app.open_review() else {
        theme::pane("Cast", focused).render(area, buf);
        return;
    };
    let cast = &collection.film.cast;
    let mentions = app.open_mentions();
    let reach = app.cast_reach();
    let chosen = app.cast_focus().map(|f| f.actor.as_str());
    let mentioned = mentions.iter().filter(|&&n| n > 0).count();
    let side = if app.right_entry().is_some() {
        " (left)"
    } else {
        ""
    };
    let block = theme::pane(
        &format!("Cast{side} · {mentioned}/{} mentioned", cast.len()),
        focused,
    );
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    let per_member = 3;
    let total = collection.reviews.len();
    let rows = (usize::from(inner.height) / per_member).max(1);
    let offset = app.cast_cursor().saturating_sub(rows - 1);
    for (slot, (i, member)) in cast.iter().enumerate().skip(offset).take(rows).enumerate() {
        let count = mentions.get(i).copied().unwrap_or(0);
        let y = inner.y + (slot * per_member) as u16;
        let is_chosen = chosen == Some(member.actor.as_str());
        let (marker, name_style) = match (is_chosen, count > 0) {
            (true, _) => ("◆ ", theme::HIGHLIGHT.add_modifier(Modifier::UNDERLINED)),
            (false, true) => ("● ", theme::HIGHLIGHT),
            (false, false) => ("  ", Style::new()),
        };
        let count_text = if count > 0 {
            format!(" ×{count}")
        } else {
            String::new()
        };
        let name = truncate(&member.actor, width.saturating_sub(2 + count_text.width()));
        let pad = width.saturating_sub(2 + name.width() + count_text.width());
        let first = Line::from(vec![
            Span::styled(marker, name_style),
            Span::styled(name, name_style),
            Span::raw(" ".repeat(pad)),
            Span::styled(count_text, theme::HIGHLIGHT),
        ]);
        let role = member
            .role
            .as_deref()
            .map_or_else(|| "role unknown".to_owned(), |r| format!("as {r}"));
        let in_reviews = match (reach.get(i).copied().unwrap_or(0), total) {
            (0, _) => "  in no review".to_owned(),
            (n, t) => format!("  in {n} of {t} review{}", if t == 1 { "" } else { "s" }),
        };
        let third = Line::styled(truncate(&in_reviews, width), theme::DIM);
        let second = Line::styled(
            format!("  {}", truncate(&role, width.saturating_sub(2))),
            theme::DIM,
        );
        for (dy, line) in [first, second, third].iter().enumerate() {
            let row = Rect {
                y: y + dy as u16,
                height: 1,
                ..inner
            };
            if row.y >= inner.bottom() {
                break;
            }
            line.render(row, buf);
            if focused && i == app.cast_cursor() {
                buf.set_style(row, theme::CURSOR);
            } else if count > 0 && dy == 0 {
                buf.set_style(row, Style::new().add_modifier(Modifier::BOLD));
            }
        }
    }
}
