//! The sources popup (`S`): each followed source with its kind, reviews brought, last
//! fetch and status, so a failing feed is seen without leaving the reader.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::{theme, truncate};
use crate::action::{Command, SourceRow};
use crate::app::App;

/// Columns of the kind, reviews and last-fetch cells.
const KIND: usize = 5;
const REVIEWS: usize = 8;
const WHEN: usize = 21;

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let rows = app.source_rows();
    let count = rows.map_or(1, <[SourceRow]>::len).max(1);
    let height = u16::try_from(count).unwrap_or(u16::MAX).saturating_add(5);
    let title = format!(
        "Sources · {} fetches · {} or {} closes",
        app.key(Command::Fetch),
        app.key(Command::Back),
        app.key(Command::Sources)
    );
    let inner = super::popup::frame(&title, 110, height, area, buf);
    let width = usize::from(inner.width);
    let mut line = |y: u16, text: &str, style| {
        if y < inner.height {
            buf.set_stringn(inner.x, inner.y + y, truncate(text, width), width, style);
        }
    };
    let Some(rows) = rows else {
        line(0, "Reading the followed sources…", theme::DIM);
        return;
    };
    if rows.is_empty() {
        line(0, "No sources followed yet.", ratatui::style::Style::new());
        line(
            1,
            "Add one from the shell: reelread follow URL (a feed, or a post with comments)",
            theme::DIM,
        );
        return;
    }
    let name_width = rows
        .iter()
        .map(|r| unicode_width::UnicodeWidthStr::width(r.name.as_str()))
        .max()
        .unwrap_or(4)
        .clamp(4, 28);
    let cell = |text: &str, w: usize| {
        let text = truncate(text, w);
        let pad = w.saturating_sub(unicode_width::UnicodeWidthStr::width(text.as_str()));
        format!("{text}{}", " ".repeat(pad))
    };
    let header = format!(
        "{} {}{}{}{}",
        cell("Name", name_width),
        cell("Kind", KIND),
        cell("Reviews", REVIEWS),
        cell("Last fetch", WHEN),
        "Status"
    );
    line(0, &header, theme::DIM.add_modifier(Modifier::BOLD));
    let body = usize::from(inner.height.saturating_sub(2));
    let scroll = scroll.min(rows.len().saturating_sub(body));
    for (i, row) in rows.iter().skip(scroll).take(body).enumerate() {
        let failed = !matches!(row.status.as_deref(), None | Some("ok" | "not modified"));
        let text = format!(
            "{} {}{}{}{}",
            cell(&row.name, name_width),
            cell(row.kind, KIND),
            cell(&format!("{:>6}", row.reviews), REVIEWS),
            cell(&row.when(), WHEN),
            row.status_text()
        );
        let style = if failed {
            theme::HIGHLIGHT
        } else {
            ratatui::style::Style::new()
        };
        line(1 + i as u16, &text, style);
    }
    let hint = match app.fetching() {
        Some((done, total)) => format!("Fetching {done}/{total} sources…"),
        None => format!(
            "{} source{} · `reelread sources` prints this table",
            rows.len(),
            if rows.len() == 1 { "" } else { "s" }
        ),
    };
    line(inner.height.saturating_sub(1), &hint, theme::DIM);
}
