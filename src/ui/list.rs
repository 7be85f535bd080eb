//! The review list: three rows per review, only the visible ones built.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{theme, truncate};
use crate::app::{App, Focus, Mark};
use crate::data::{Kind, Review};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let total = app.total();
    let title = if app.visible_len() == total {
        format!("Reviews {total}")
    } else {
        format!("Reviews {}/{total}", app.visible_len())
    };
    let focused = app.focus() == Focus::List;
    let block = theme::pane(&title, focused);
    let inner = block.inner(area);
    block.render(area, buf);
    if app.visible_len() == 0 {
        let message = match (app.list_query(), app.filter()) {
            (Some(q), _) => format!(
                "No review contains “{}”. Esc clears the text filter.",
                q.text
            ),
            (None, Some(name)) => {
                format!("No review by or commented on by {name}. Esc clears the filter.")
            }
            (None, None) => "No reviews in this collection.".to_owned(),
        };
        Paragraph::new(message)
            .style(theme::DIM)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let item_height = app.list_item_height();
    let rows = usize::from(inner.height) / item_height;
    let width = usize::from(inner.width);
    // In a library, each row names its film: sorted and filtered lists mix films.
    let many_films = app.library().collections.len() > 1;
    for (slot, (position, (entry, collection, review))) in app
        .visible()
        .enumerate()
        .skip(app.list_offset())
        .take(rows.max(1))
        .enumerate()
    {
        let y = inner.y + (slot * item_height) as u16;
        let is_cursor = position == app.selected();
        let is_open = app.open_entry() == Some(entry);
        let marker = match (is_cursor, is_open) {
            (true, _) => "▶ ",
            (false, true) => "› ",
            _ => "  ",
        };
        let hits = app.list_hits(entry);
        let info = Info {
            film: many_films.then_some(collection.film.title.as_str()),
            hits,
            filter: app.filter(),
            mark: app.mark(entry),
            new_comments: app.new_comments(entry),
        };
        let lines = if item_height == 1 {
            vec![compact_line(review, marker, width, &info)]
        } else {
            item_lines(review, marker, width, &info).to_vec()
        };
        for (i, line) in lines.iter().enumerate() {
            let row_y = y + i as u16;
            if row_y >= inner.bottom() {
                break;
            }
            let row = Rect {
                y: row_y,
                height: 1,
                ..inner
            };
            line.clone().render(row, buf);
            if is_cursor && focused {
                buf.set_style(row, theme::CURSOR);
            } else if is_cursor || is_open {
                buf.set_style(row, Style::new().add_modifier(Modifier::BOLD));
            }
        }
    }
}

/// What the list says about a review besides its own fields.
struct Info<'a> {
    /// The film's title, when the library holds several.
    film: Option<&'a str>,
    /// Text-filter hits, when the list is filtered by text.
    hits: Option<usize>,
    /// The person the list is filtered by.
    filter: Option<&'a str>,
    /// Read and starred.
    mark: Mark,
    /// Comments added since it was read.
    new_comments: usize,
}

impl Info<'_> {
    /// "★" for starred, "●" for unread, before the title.
    fn badge(&self) -> &'static str {
        match (self.mark.starred, self.mark.read) {
            (true, false) => "★● ",
            (true, true) => "★ ",
            (false, false) => "● ",
            (false, true) => "",
        }
    }

    fn title_style(&self) -> Style {
        if self.mark.read {
            Style::new()
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
}

/// One row per review when the panes are stacked: title and comment count.
fn compact_line(review: &Review, marker: &str, width: usize, info: &Info<'_>) -> Line<'static> {
    let hits = info.hits;
    let count = match review.comments.len() {
        1 => " 1 comment".to_owned(),
        n => format!(" {n} comments"),
    };
    let rating = match (review.rating, review.audience_rating) {
        (Some(r), _) => format!(" {:.0}%", r.percent()),
        (None, Some(a)) => format!(" aud. {:.0}%", a.percent()),
        (None, None) => String::new(),
    };
    let hits = hits.map_or_else(String::new, |n| {
        format!(" {n} hit{}", if n == 1 { "" } else { "s" })
    });
    let tail = format!("{hits}{rating}{count}");
    let room = width.saturating_sub(2 + tail.chars().count());
    let badge = info.badge();
    let title = truncate(&review.title, room.saturating_sub(badge.chars().count()));
    let pad = room.saturating_sub(
        unicode_width::UnicodeWidthStr::width(title.as_str()) + badge.chars().count(),
    );
    Line::from(vec![
        Span::raw(marker.to_owned()),
        Span::styled(badge, theme::HIGHLIGHT),
        Span::styled(title, info.title_style()),
        Span::raw(" ".repeat(pad)),
        Span::styled(tail, theme::DIM),
    ])
}

/// A percentage as five stars to the nearest half (★★★½☆), with the number for precision.
fn stars(percent: f64) -> String {
    let halves = (percent / 10.0).round().clamp(0.0, 10.0) as usize;
    let full = "★".repeat(halves / 2);
    let half = if halves % 2 == 1 { "½" } else { "" };
    let empty = "☆".repeat(5 - halves.div_ceil(2));
    format!("{full}{half}{empty} {percent:.0}%")
}

fn item_lines(review: &Review, marker: &str, width: usize, info: &Info<'_>) -> [Line<'static>; 3] {
    let (hits, filter) = (info.hits, info.filter);
    let badge = info.badge();
    let title = truncate(
        &review.title,
        width.saturating_sub(2 + badge.chars().count()),
    );
    let source = review.source.as_deref().unwrap_or("unknown source");
    let reviewer = review.reviewer.as_deref().unwrap_or("unknown reviewer");
    let byline = match info.film {
        Some(film) => format!("{film} · {source} · {reviewer}"),
        None => format!("{source} · {reviewer}"),
    };
    let byline = truncate(&byline, width.saturating_sub(2));
    let mut third = vec![Span::raw("  ")];
    if let Some(hits) = hits {
        let noun = if hits == 1 { "hit" } else { "hits" };
        third.push(Span::styled(format!("{hits} {noun} · "), theme::HIGHLIGHT));
    }
    if let Some(name) = filter {
        let theirs = review
            .comments
            .iter()
            .filter(|c| crate::data::same_name(c.author.as_deref(), name))
            .count();
        if theirs > 0 {
            third.push(Span::styled(
                format!("{theirs} by {name} · "),
                theme::HIGHLIGHT,
            ));
        }
    }
    // The score first: it is what a narrow list must not cut.
    match (review.rating, review.audience_rating) {
        (Some(r), _) => third.push(Span::styled(stars(r.percent()), theme::RATING)),
        (None, Some(a)) => {
            third.push(Span::styled(
                format!("{} aud.", stars(a.percent())),
                theme::RATING,
            ));
        }
        (None, None) => third.push(Span::styled("unrated", theme::DIM)),
    }
    let count = review.comments.len();
    let plural = if count == 1 { "comment" } else { "comments" };
    third.push(Span::styled(format!(" · {count} {plural}"), theme::DIM));
    match (info.mark.read, info.new_comments) {
        (false, _) => third.push(Span::styled(" · unread", theme::HIGHLIGHT)),
        (true, 0) => {}
        (true, n) => third.push(Span::styled(format!(" · {n} new"), theme::HIGHLIGHT)),
    }
    if review.kind == Kind::Preview {
        third.push(Span::styled(" · preview", theme::DIM));
    }
    [
        Line::from(vec![
            Span::raw(marker.to_owned()),
            Span::styled(badge, theme::HIGHLIGHT),
            Span::styled(title, info.title_style()),
        ]),
        Line::from(vec![Span::raw("  "), Span::styled(byline, theme::DIM)]),
        super::fit(Line::from(third), width),
    ]
}

#[cfg(test)]
mod tests {
    use super::stars;

    #[test]
    fn stars_round_to_halves() {
        assert_eq!(stars(60.0), "★★★☆☆ 60%");
        assert_eq!(stars(75.0), "★★★★☆ 75%");
        assert_eq!(stars(70.0), "★★★½☆ 70%");
        assert_eq!(stars(0.0), "☆☆☆☆☆ 0%");
        assert_eq!(stars(100.0), "★★★★★ 100%");
    }
}
