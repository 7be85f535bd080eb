//! Draws an `&App`, one function per region; never changes state.

mod cast;
mod chrome;
mod errors;
mod links;
mod list;
mod popup;
mod ratings;
mod reading;
mod sources;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{App, Mode};
use crate::layout::{self, Arrangement};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // The terminal loop's buffer is already this small; another caller's may not be.
        let (width, height) = layout::drawn(area.width, area.height);
        let area = Rect {
            width,
            height,
            ..area
        };
        let panes = layout::panes(area, self.view());
        if panes.arrangement == Arrangement::TooSmall {
            render_too_small(area, buf);
            return;
        }
        chrome::render_header(self, panes.header, buf);
        if let Some(rect) = panes.list {
            list::render(self, rect, buf);
        }
        if let Some(rect) = panes.reading {
            reading::render(self, reading::Side::Left, rect, buf);
        }
        if let Some(rect) = panes.right {
            reading::render(self, reading::Side::Right, rect, buf);
        }
        if let Some(rect) = panes.cast {
            cast::render(self, rect, buf);
        }
        chrome::render_footer(self, panes.footer, buf);
        match self.mode() {
            Mode::Normal | Mode::Prompt(..) => {}
            Mode::Help(scroll) => popup::render_help(self, *scroll, area, buf),
            Mode::Picker(picker) => popup::render_picker(self, picker, area, buf),
            Mode::Ratings(scroll) => ratings::render(self, *scroll, area, buf),
            Mode::Sources(scroll) => sources::render(self, *scroll, area, buf),
            Mode::Cast => cast::render_popup(self, area, buf),
            Mode::Links(links) => links::render(self, links, area, buf),
            Mode::Errors(scroll) => errors::render(self, *scroll, area, buf),
        }
        theme::Theme::new(&self.settings().colors).apply(buf);
    }
}

fn render_too_small(area: Rect, buf: &mut Buffer) {
    let message = format!(
        "Terminal too small: {}×{}, reelread needs {}×{}. Enlarge the window or press q.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let height = area.height.min(4);
    let rect = Rect {
        y: area.y + area.height.saturating_sub(height) / 2,
        height,
        ..area
    };
    Paragraph::new(Line::from(message).centered())
        .wrap(Wrap { trim: true })
        .render(rect, buf);
}

/// Cuts a styled line to `width` columns, ending with "…" when anything was dropped.
fn fit(line: Line<'static>, width: usize) -> Line<'static> {
    use unicode_width::UnicodeWidthStr;
    if line.width() <= width {
        return line;
    }
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let w = span.content.width();
        if used + w < width {
            used += w;
            spans.push(span);
        } else {
            let text = truncate(&span.content, width - used);
            spans.push(ratatui::text::Span::styled(text, span.style));
            break;
        }
    }
    Line::from(spans)
}

/// Shortens `text` to `width` columns, ending with "…" when cut.
fn truncate(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}
