//! Popups over the panes: the key help (generated from the keymap) and the reviewer
//! picker.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::{theme, truncate};
use crate::app::{App, Picker};

/// Clears `rect` for a popup. A wide character just left of it (CJK, emoji) would be drawn
/// two columns wide by the terminal, over the popup's left border: it goes too.
pub fn clear(rect: Rect, buf: &mut Buffer) {
    Clear.render(rect, buf);
    if rect.x <= buf.area.x {
        return;
    }
    for y in rect.top()..rect.bottom() {
        let cell = &mut buf[(rect.x - 1, y)];
        if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// A bordered box centred in `area`, cleared, returning its inside.
pub(super) fn frame(title: &str, width: u16, height: u16, area: Rect, buf: &mut Buffer) -> Rect {
    let rect = area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    clear(rect, buf);
    let block = Block::bordered()
        .border_type(ratatui::widgets::BorderType::Double)
        .title(format!(" {title} "))
        .title_style(Style::new().add_modifier(Modifier::BOLD));
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

pub fn render_help(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let rows = app.settings().keymap.help_rows();
    let key_width = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let text_width = rows.iter().map(|(_, d)| d.width()).max().unwrap_or(0);
    let width = (key_width + text_width + 7) as u16;
    let inner = frame("Keys", width, rows.len() as u16 + 4, area, buf);
    let footer = format!(
        "{} or {} closes · {}/{} scroll",
        app.key(crate::action::Command::Back),
        app.key(crate::action::Command::Help),
        app.key(crate::action::Command::Down),
        app.key(crate::action::Command::Up)
    );
    let body_height = usize::from(inner.height.saturating_sub(1));
    let scroll = scroll.min(rows.len().saturating_sub(body_height));
    for (i, (keys, description)) in rows.iter().skip(scroll).take(body_height).enumerate() {
        let line = Line::from(vec![
            Span::styled(
                format!(" {keys:<key_width$}  "),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::raw(*description),
        ]);
        buf.set_line(inner.x, inner.y + i as u16, &line, inner.width);
    }
    if inner.height > 0 {
        let text = truncate(&footer, usize::from(inner.width));
        buf.set_string(inner.x + 1, inner.bottom() - 1, text, theme::DIM);
    }
}

pub fn render_picker(app: &App, picker: &Picker, area: Rect, buf: &mut Buffer) {
    let matches = picker.matches(app.people());
    let height = (matches.len() as u16 + 5).clamp(7, area.height.saturating_sub(2).max(7));
    let inner = frame("Filter by reviewer or commenter", 56, height, area, buf);
    if inner.height < 3 {
        return;
    }
    let query = Line::from(vec![
        Span::styled(" Name: ", theme::DIM),
        Span::raw(picker.query.clone()),
        Span::styled("▏", Style::new().add_modifier(Modifier::SLOW_BLINK)),
    ]);
    buf.set_line(inner.x, inner.y, &query, inner.width);
    let list_height = usize::from(inner.height - 2);
    let width = usize::from(inner.width);
    if matches.is_empty() {
        let text = if app.people().is_empty() {
            " Nobody in this collection is named.".to_owned()
        } else {
            format!(" Nobody matches “{}”.", picker.query)
        };
        buf.set_string(inner.x, inner.y + 1, truncate(&text, width), theme::DIM);
    }
    let offset = picker.cursor.saturating_sub(list_height.saturating_sub(1));
    for (row, (i, person)) in matches
        .iter()
        .enumerate()
        .skip(offset)
        .take(list_height)
        .enumerate()
    {
        let counts = counts(person.reviews, person.comments);
        let name = truncate(&person.name, width.saturating_sub(counts.width() + 4));
        let pad = width.saturating_sub(name.width() + counts.width() + 3);
        let marker = if i == picker.cursor { "▶ " } else { "  " };
        let line = Line::from(vec![
            Span::raw(marker),
            Span::raw(name),
            Span::raw(" ".repeat(pad)),
            Span::styled(counts, theme::DIM),
        ]);
        let rect = Rect {
            y: inner.y + 1 + row as u16,
            height: 1,
            ..inner
        };
        line.render(rect, buf);
        if i == picker.cursor {
            buf.set_style(rect, theme::CURSOR);
        }
    }
    let hint = format!(
        " {} of {} · Enter applies · Esc cancels",
        matches.len(),
        app.people().len()
    );
    buf.set_string(
        inner.x,
        inner.bottom() - 1,
        truncate(&hint, width),
        theme::DIM,
    );
}

fn counts(reviews: usize, comments: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (reviews, comments) {
        (0, c) => plural(c, "comment"),
        (r, 0) => plural(r, "review"),
        (r, c) => format!("{}, {}", plural(r, "review"), plural(c, "comment")),
    }
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    #[test]
    fn a_wide_character_left_of_a_popup_does_not_cover_its_border() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 2));
        buf.set_string(0, 0, "ab헌cd", ratatui::style::Style::new());
        buf.set_string(0, 1, "abcdef", ratatui::style::Style::new());
        super::clear(Rect::new(3, 0, 4, 2), &mut buf);
        assert_eq!(buf[(2, 0)].symbol(), " ", "the wide character is gone");
        assert_eq!(buf[(2, 1)].symbol(), "c", "narrow ones stay");
        assert_eq!(buf[(1, 0)].symbol(), "b");
    }
}
