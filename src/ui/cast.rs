//! The cast sidebar, and the same list in a popup where the sidebar does not fit: actor
//! and role, with the people the open review mentions picked out and counted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::{theme, truncate};
use crate::action::Command;
use crate::app::{App, CAST_ROWS, Focus, cast_popup_area, cast_popup_rows};
use crate::keymap::symbols;

/// The sidebar pane.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus() == Focus::Cast;
    let Some((collection, _)) = app.open_review() else {
        theme::pane("Cast", focused).render(area, buf);
        return;
    };
    let block = theme::pane(&title(app), focused);
    let inner = block.inner(area);
    block.render(area, buf);
    let rows = (usize::from(inner.height) / CAST_ROWS).max(1);
    let offset = members(app, collection, inner, rows, focused, buf);
    more_marks(area, offset, rows, collection.film.cast.len(), buf);
}

/// `more ↑` / `more ↓` on the border when actors are above or below those shown.
fn more_marks(rect: Rect, offset: usize, rows: usize, len: usize, buf: &mut Buffer) {
    let mut mark = |label: &str, y: u16| {
        let w = label.width() as u16;
        if rect.width > w + 4 {
            buf.set_string(rect.right() - w - 1, y, label, theme::HIGHLIGHT);
        }
    };
    if offset > 0 {
        mark(" more ↑ ", rect.y);
    }
    if offset + rows < len {
        mark(" more ↓ ", rect.bottom().saturating_sub(1));
    }
}

/// The cast over the panes, where the sidebar does not fit: the sidebar's list with a
/// line saying what the keys do.
pub fn render_popup(app: &App, area: Rect, buf: &mut Buffer) {
    let rect = cast_popup_area(area);
    if rect.width < 8 || rect.height < 4 {
        return;
    }
    super::popup::clear(rect, buf);
    let block = theme::pane(&title(app), true);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let width = usize::from(inner.width);
    let hint = format!(
        " {} highlights · {}/{} jump · {} closes",
        app.key(Command::Open),
        app.key(Command::NextMention),
        app.key(Command::PrevMention),
        app.key(Command::Back)
    );
    let hint_row = inner.bottom().saturating_sub(1);
    buf.set_string(inner.x, hint_row, truncate(&hint, width), theme::DIM);
    let Some((collection, _)) = app.open_review() else {
        return;
    };
    let list = Rect {
        height: inner.height.saturating_sub(1),
        ..inner
    };
    if collection.film.cast.is_empty() {
        let text = truncate(" This film's file lists no cast.", width);
        buf.set_string(list.x, list.y, text, theme::DIM);
        return;
    }
    let rows = cast_popup_rows(rect);
    let offset = members(app, collection, list, rows, true, buf);
    more_marks(rect, offset, rows, collection.film.cast.len(), buf);
}

/// "Cast · 7/9 mentioned", naming the side of a split it follows.
fn title(app: &App) -> String {
    let total = app.open_review().map_or(0, |(c, _)| c.film.cast.len());
    let mentioned = app.open_mentions().iter().filter(|&&n| n > 0).count();
    let side = if app.right_entry().is_some() {
        " (left)"
    } else {
        ""
    };
    format!("Cast{side} · {mentioned}/{total} mentioned")
}

/// Three lines per actor from the cursor's page (name and count, role, reach); returns
/// the first actor shown.
fn members(
    app: &App,
    collection: &crate::data::Collection,
    inner: Rect,
    rows: usize,
    focused: bool,
    buf: &mut Buffer,
) -> usize {
    let cast = &collection.film.cast;
    let mentions = app.open_mentions();
    let reach = app.cast_reach();
    let chosen = app.cast_focus().map(|f| f.actor.as_str());
    let width = usize::from(inner.width);
    let per_member = CAST_ROWS;
    let total = collection.reviews.len();
    let offset = app.cast_cursor().saturating_sub(rows - 1);
    for (slot, (i, member)) in cast.iter().enumerate().skip(offset).take(rows).enumerate() {
        let count = mentions.get(i).copied().unwrap_or(0);
        let y = inner.y + (slot * per_member) as u16;
        let is_chosen = chosen == Some(member.actor.as_str());
        let (marker, name_style) = match (is_chosen, count > 0) {
            (true, _) => (
                symbols::HIGHLIGHTED_ACTOR,
                theme::HIGHLIGHT.add_modifier(Modifier::UNDERLINED),
            ),
            (false, true) => (symbols::MENTIONED_ACTOR, theme::HIGHLIGHT),
            (false, false) => (" ", Style::new()),
        };
        let count_text = if count > 0 {
            format!(" ×{count}")
        } else {
            String::new()
        };
        let name = truncate(&member.actor, width.saturating_sub(2 + count_text.width()));
        let pad = width.saturating_sub(2 + name.width() + count_text.width());
        let first = Line::from(vec![
            Span::styled(format!("{marker} "), name_style),
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
    offset
}
