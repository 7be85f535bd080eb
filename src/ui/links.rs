//! The link picker (`L`): each link's address on one line and where it was found under
//! it, the one under the cursor in full at the bottom when its line had to cut it.
//! Addresses are drawn as plain text, never as OSC 8 hyperlinks.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthStr;

use super::{theme, truncate};
use crate::action::Command;
use crate::app::{App, LinkList};

/// Rows each link takes: its address, then where it came from.
const ROWS_PER_LINK: usize = 2;

pub fn render(app: &App, list: &LinkList, area: Rect, buf: &mut Buffer) {
    let widest = list
        .links
        .iter()
        .map(|l| l.url.width() + 4)
        .max()
        .unwrap_or(0)
        .max(60);
    let width = u16::try_from(widest + 2).unwrap_or(u16::MAX);
    let wanted = list.links.len().max(1) * ROWS_PER_LINK + 5;
    let height = u16::try_from(wanted).unwrap_or(u16::MAX);
    let title = format!(
        "Links · {} opens · {} copies · {} closes",
        app.key(Command::OpenUrl),
        app.key(Command::CopyUrl),
        app.key(Command::Back)
    );
    let inner = super::popup::frame(&title, width, height, area, buf);
    let w = usize::from(inner.width);
    if inner.height == 0 || w < 4 {
        return;
    }
    let mut put = |row: u16, text: &str, style: Style| {
        if row < inner.height {
            buf.set_stringn(inner.x, inner.y + row, truncate(text, w), w, style);
        }
    };
    if list.links.is_empty() {
        put(
            0,
            " No web link in this review or its comments.",
            Style::new(),
        );
        put(
            1,
            &format!(
                " The review's own address: {} opens it, {} copies it.",
                app.key(Command::OpenUrl),
                app.key(Command::CopyUrl)
            ),
            theme::DIM,
        );
    }
    // The bottom two rows: the address under the cursor in full (when cut) and the counts.
    let body = usize::from(inner.height.saturating_sub(3)).max(1);
    let shown = (body / ROWS_PER_LINK).max(1);
    let offset = list.cursor.saturating_sub(shown - 1);
    for (row, (i, link)) in list
        .links
        .iter()
        .enumerate()
        .skip(offset)
        .take(shown)
        .enumerate()
    {
        let y = u16::try_from(row * ROWS_PER_LINK).unwrap_or(u16::MAX);
        let selected = i == list.cursor;
        let marker = if selected { "▶ " } else { "  " };
        let style = if selected {
            theme::CURSOR.add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        put(y, &format!("{marker}{}", link.url), style);
        let from = match &link.text {
            Some(words) => format!("    {} · “{words}”", link.origin),
            None => format!("    {}", link.origin),
        };
        put(y + 1, &from, theme::DIM);
    }
    let bottom = inner.height - 1;
    if let Some(link) = list.current()
        && link.url.width() + 2 > w
        && bottom >= 2
    {
        put(
            bottom - 1,
            &format!(" {}", tail(&link.url, w - 2)),
            theme::DIM,
        );
    }
    let mut counts = match list.links.len() {
        1 => " 1 link".to_owned(),
        n => format!(" {n} links"),
    };
    if list.refused > 0 {
        let _ = write!(counts, " · {} not http(s), left out", list.refused);
    }
    if list.in_spoilers > 0 {
        let _ = write!(
            counts,
            " · {} in hidden spoilers ({} reveals them)",
            list.in_spoilers,
            app.key(Command::ToggleSpoilers)
        );
    }
    put(bottom, &counts, theme::DIM);
}

/// The end of an address cut to `width` columns, with "…" in front: the start is on the
/// link's own line.
fn tail(url: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out: Vec<char> = Vec::new();
    let mut used = 1;
    for c in url.chars().rev() {
        let cw = c.width().unwrap_or(0);
        if used + cw > width {
            break;
        }
        used += cw;
        out.push(c);
    }
    std::iter::once('…').chain(out.into_iter().rev()).collect()
}
