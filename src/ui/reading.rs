//! The reading pane (one or two sides): slices the cached layout, overlays search and
//! mention highlights, marks the filtered person's comments, and shows where you are.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{
    Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};
use unicode_width::UnicodeWidthStr;

use super::{theme, truncate};
use crate::app::{App, Focus};
use crate::data::same_name;
use crate::doc::Hit;
use crate::keymap::symbols;
use crate::layout;

/// Search matches.
const MATCH: Style = Style::new().bg(Color::Yellow).fg(Color::Black);
/// The match last jumped to: also bold and underlined, so it stands out without colour.
const CURRENT: Style = Style::new()
    .bg(Color::LightRed)
    .fg(Color::Black)
    .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED));
/// Mentions of the highlighted actor.
const MENTION: Style = Style::new()
    .fg(Color::LightCyan)
    .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED));

/// Which side of the reading area is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The open review (the only one when not split).
    Left,
    /// The comparison source.
    Right,
}

pub fn render(app: &App, side: Side, area: Rect, buf: &mut Buffer) {
    let (entry, focused) = match side {
        Side::Left => (app.open_entry(), app.focus() == Focus::Reading),
        Side::Right => (app.right_entry(), app.focus() == Focus::Right),
    };
    let split = app.right_entry().is_some();
    let Some((entry, doc)) = entry.and_then(|e| app.doc(e).map(|d| (e, d))) else {
        let block = theme::pane("Reading", focused);
        let inner = block.inner(area);
        block.render(area, buf);
        Paragraph::new("No review open. Select one in the list and press Enter.")
            .style(theme::DIM)
            .render(inner, buf);
        return;
    };
    let (_, review) = app.entry(entry);
    let text = layout::inner(area, app.settings().text_width);
    let height = usize::from(text.height);
    let total = doc.lines.len();
    let scroll = app.scroll_of(entry).min(total.saturating_sub(1));
    let last_shown = (scroll + height).min(total);
    // The top line's number, and how much has been seen so far: the furthest the bottom
    // of the view has reached (100% at the end).
    let seen = app.seen_percent(entry).unwrap_or(100);
    let position = match doc.estimated_lines {
        // Only the head of a huge review is laid out yet: the total is an estimate.
        Some(estimate) => format!(" line {}/~{estimate} · laying out the rest… ", scroll + 1),
        None => format!(" line {}/{total} · {seen}% ", scroll + 1),
    };
    let title = if split {
        let label = if side == Side::Left { "Left" } else { "Right" };
        let room = usize::from(area.width).saturating_sub(12);
        format!("{label}: {}", truncate(&review.title, room))
    } else {
        "Reading".to_owned()
    };
    theme::pane(&title, focused)
        .title_bottom(Line::from(position).right_aligned())
        .render(area, buf);
    for (row, line) in doc.lines[scroll..last_shown].iter().enumerate() {
        let y = text.y + row as u16;
        buf.set_line(text.x, y, &line.line, text.width);
        let by_filter = line.comment.is_some_and(|i| {
            app.filter()
                .is_some_and(|name| same_name(review.comments[i].author.as_deref(), name))
        });
        let is_new = side == Side::Left
            && line
                .comment
                .zip(app.first_new_comment())
                .is_some_and(|(i, first)| i >= first);
        if by_filter {
            buf.set_string(text.x - 1, y, symbols::FILTERED_COMMENT, theme::HIGHLIGHT);
        } else if is_new {
            buf.set_string(text.x - 1, y, symbols::NEW_COMMENT, theme::NEW);
        }
    }
    let visible = scroll..last_shown;
    let plain = |line: usize| doc.lines[line].plain();
    if side == Side::Left
        && let Some(focus) = app.cast_focus()
    {
        let current = MENTION.add_modifier(Modifier::REVERSED);
        paint(
            &focus.hits,
            focus.current,
            MENTION,
            current,
            &visible,
            text,
            &plain,
            buf,
        );
    }
    // Search last, so its highlight wins where it overlaps a mention.
    if let Some(search) = app.search().filter(|s| s.on_right == (side == Side::Right)) {
        paint(
            &search.hits,
            search.current,
            MATCH,
            CURRENT,
            &visible,
            text,
            &plain,
            buf,
        );
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

/// Styles the on-screen parts of `hits`, the current one differently.
#[allow(clippy::too_many_arguments)]
fn paint(
    hits: &[Hit],
    current: Option<usize>,
    style: Style,
    current_style: Style,
    visible: &std::ops::Range<usize>,
    text: Rect,
    plain: &dyn Fn(usize) -> String,
    buf: &mut Buffer,
) {
    let first = hits.partition_point(|h| h.segments.last().is_some_and(|s| s.line < visible.start));
    for (i, hit) in hits.iter().enumerate().skip(first) {
        if hit.line() >= visible.end {
            break;
        }
        let style = if Some(i) == current {
            current_style
        } else {
            style
        };
        for segment in hit.segments.iter().filter(|s| visible.contains(&s.line)) {
            let line = plain(segment.line);
            let (Some(before), Some(matched)) = (
                line.get(..segment.start),
                line.get(segment.start..segment.end),
            ) else {
                continue;
            };
            let x = text.x + before.width() as u16;
            let width = (matched.width() as u16).min(text.right().saturating_sub(x));
            let y = text.y + (segment.line - visible.start) as u16;
            buf.set_style(Rect::new(x, y, width, 1), style);
        }
    }
}
