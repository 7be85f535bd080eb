//! The reading pane: slices the cached layout of the open review, with a scrollbar and
//! "line X/Y", and marks the filtered person's comments.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{
    Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use super::theme;
use crate::app::{App, Focus};
use crate::data::same_name;
use crate::layout;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus() == Focus::Reading;
    let (Some(doc), Some((_, review))) = (app.open_doc(), app.open_review()) else {
        let block = theme::pane("Reading", focused);
        let inner = block.inner(area);
        block.render(area, buf);
        Paragraph::new("No review open. Select one in the list and press Enter.")
            .style(theme::DIM)
            .render(inner, buf);
        return;
    };
    let text = layout::inner(area);
    let height = usize::from(text.height);
    let total = doc.lines.len();
    let scroll = app.scroll().min(total.saturating_sub(1));
    let last_shown = (scroll + height).min(total);
    // The top line's number, and how much has been seen so far (100% at the end).
    let seen = (last_shown * 100).checked_div(total).unwrap_or(100);
    let position = format!(" line {}/{total} · {seen}% ", scroll + 1);
    let block = theme::pane("Reading", focused).title_bottom(Line::from(position).right_aligned());
    block.render(area, buf);
    for (row, line) in doc.lines[scroll..last_shown].iter().enumerate() {
        let y = text.y + row as u16;
        buf.set_line(text.x, y, &line.line, text.width);
        let by_filter = line.comment.is_some_and(|i| {
            app.filter()
                .is_some_and(|name| same_name(review.comments[i].author.as_deref(), name))
        });
        if by_filter {
            buf.set_string(text.x - 1, y, "▌", theme::HIGHLIGHT);
        }
    }
    if total > height {
        let mut state = ScrollbarState::new(total.saturating_sub(height))
            .position(scroll)
            .viewport_content_length(height);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .render(
                area.inner(Margin {
                    horizontal: 0,
                    vertical: 1,
                }),
                buf,
                &mut state,
            );
    }
}
