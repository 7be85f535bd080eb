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
use crate::keymap::HelpLine;

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

/// The key help in sections (two columns when wide), with `more ↑` / `more ↓` on the
/// border when there is more than the popup shows.
pub fn render_help(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let page = app.settings().keymap.help_page(area.width, area.height);
    let rect = area.centered(
        Constraint::Length(page.width.min(area.width)),
        Constraint::Length(page.height.min(area.height)),
    );
    let inner = frame("Keys", page.width, page.height, area, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let scroll = scroll.min(page.max_scroll());
    let body = page.body.min(usize::from(inner.height.saturating_sub(1)));
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let heading = theme::HEADING;
    for (c, column) in page.columns.iter().enumerate() {
        let x = inner.x + (c * (page.column_width + 3)) as u16;
        let width = (page.column_width as u16).min(inner.right().saturating_sub(x));
        for (i, line) in column.iter().skip(scroll).take(body).enumerate() {
            let key_width = page.key_width;
            let line = match line {
                HelpLine::Heading(title) => Line::styled(format!(" {title}"), heading),
                HelpLine::Row(keys, text) => Line::from(vec![
                    Span::styled(
                        format!(" {:<key_width$}  ", truncate(keys, key_width)),
                        bold,
                    ),
                    Span::raw(text.clone()),
                ]),
                HelpLine::Blank => continue,
            };
            buf.set_line(x, inner.y + i as u16, &line, width);
        }
    }
    let footer = format!(
        "{} or {} closes · {}/{}, {}/{} scroll",
        app.key(crate::action::Command::Back),
        app.key(crate::action::Command::Help),
        app.key(crate::action::Command::Down),
        app.key(crate::action::Command::Up),
        app.key(crate::action::Command::PageDown),
        app.key(crate::action::Command::PageUp)
    );
    let text = truncate(&footer, usize::from(inner.width.saturating_sub(1)));
    buf.set_string(inner.x + 1, inner.bottom() - 1, text, theme::DIM);
    // On the border, right-aligned, where they do not cover the title or the corners.
    let mark = |label: &str, y: u16, buf: &mut Buffer| {
        let w = label.width() as u16;
        if rect.width > w + 10 {
            buf.set_string(rect.right() - w - 2, y, label, theme::HIGHLIGHT);
        }
    };
    if scroll > 0 {
        mark(" more ↑ ", rect.y, buf);
    }
    if scroll < page.max_scroll() {
        mark(" more ↓ ", rect.bottom() - 1, buf);
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
