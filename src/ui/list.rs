//! The review list: a card of up to three rows per review, or one compact row; only the
//! visible ones built.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use unicode_width::UnicodeWidthStr;

use super::{theme, truncate};
use crate::app::{App, Focus, Mark};
use crate::data::{Kind, Review};
use crate::keymap::symbols;
use crate::query::SortKey;

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
    let by_length = app.sort().0 == SortKey::Length;
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
            (true, _) => symbols::CURSOR,
            (false, true) => symbols::OPEN,
            _ => " ",
        };
        let info = Info {
            film: many_films.then_some(collection.film.title.as_str()),
            hits: app.list_hits(entry),
            filter: app.filter(),
            mark: app.mark(entry),
            new_comments: app.new_comments(entry),
            words: by_length.then(|| app.word_count(entry)),
            date_format: app.settings().date_format,
        };
        let marker = format!("{marker} ");
        let lines = if item_height == 1 {
            vec![compact_line(review, &marker, width, &info)]
        } else {
            card_lines(review, &marker, width, &info)
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
    /// The body's length in words, when the list is sorted by it.
    words: Option<usize>,
    /// How dates are written.
    date_format: &'a str,
}

impl Info<'_> {
    /// The starred and unread marks, before the title.
    fn badge(&self) -> String {
        let mut badge = String::new();
        if self.mark.starred {
            badge.push_str(symbols::STARRED);
        }
        if !self.mark.read {
            badge.push_str(symbols::UNREAD);
        }
        if !badge.is_empty() {
            badge.push(' ');
        }
        badge
    }

    fn title_style(&self) -> Style {
        if self.mark.read {
            Style::new()
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// "1,234 words", when the list is sorted by length.
    fn length(&self) -> Option<String> {
        self.words.map(|n| {
            let noun = if n == 1 { "word" } else { "words" };
            format!("{} {noun}", super::chrome::thousands(n))
        })
    }
}

/// One row per review (stacked panes, or `list_style = "compact"`): title, then the
/// length when sorted by it, hits, score and comment count.
fn compact_line(review: &Review, marker: &str, width: usize, info: &Info<'_>) -> Line<'static> {
    let badge = info.badge();
    let full = compact_tail(review, info, false);
    // In a narrow pane the title matters more than the words around the numbers.
    let tail = if width.saturating_sub(2 + full.width() + badge.width()) < 16 {
        compact_tail(review, info, true)
    } else {
        full
    };
    let room = width.saturating_sub(2 + tail.width());
    let title = truncate(&review.title, room.saturating_sub(badge.width()));
    let pad = room.saturating_sub(title.width() + badge.width());
    Line::from(vec![
        Span::raw(marker.to_owned()),
        Span::styled(badge, theme::HIGHLIGHT),
        Span::styled(title, info.title_style()),
        Span::raw(" ".repeat(pad)),
        Span::styled(tail, theme::DIM),
    ])
}

/// The numbers after a compact row's title; `short` leaves out "aud." and no comments.
fn compact_tail(review: &Review, info: &Info<'_>, short: bool) -> String {
    let count = match review.comments.len() {
        0 if short => String::new(),
        1 => " 1 comment".to_owned(),
        n => format!(" {n} comments"),
    };
    let rating = match (review.rating, review.audience_rating) {
        (Some(r), _) => format!(" {:.0}%", r.percent()),
        (None, Some(a)) if short => format!(" {:.0}%", a.percent()),
        (None, Some(a)) => format!(" aud. {:.0}%", a.percent()),
        (None, None) => String::new(),
    };
    let hits = info.hits.map_or_else(String::new, |n| {
        format!(" {n} hit{}", if n == 1 { "" } else { "s" })
    });
    let length = info.length().map_or_else(String::new, |l| format!(" {l}"));
    format!("{length}{hits}{rating}{count}")
}

/// A percentage in five steps (▰▰▰▰▱), with the number for precision.
fn score(percent: f64) -> String {
    let full = ((percent / 20.0).round().clamp(0.0, 5.0)) as usize;
    format!(
        "{}{} {percent:.0}%",
        symbols::SCORE_FULL.repeat(full),
        symbols::SCORE_EMPTY.repeat(5 - full)
    )
}

/// What is known of who wrote a review and where, in `width` columns: film (in a
/// library), reviewer, source, date; nothing for what is unknown. A long film title is
/// shortened before the reviewer is cut.
fn byline(review: &Review, info: &Info<'_>, width: usize) -> String {
    let date = review
        .published
        .map(|d| crate::data::date::format_date(d, info.date_format));
    let known = |v: &Option<std::sync::Arc<str>>| {
        v.as_deref()
            .filter(|part| !part.trim().is_empty())
            .map(str::to_owned)
    };
    let reviewer = known(&review.reviewer);
    let rest: Vec<String> = [reviewer.clone(), known(&review.source), date]
        .into_iter()
        .flatten()
        .collect();
    let mut parts = Vec::new();
    if let Some(film) = info.film {
        // The reviewer (when known) keeps its room, and a cut after it shows; the film
        // gets what is left, at least a few columns so it stays recognisable.
        let more = if rest.len() > 1 { 2 } else { 0 };
        let after = reviewer.map_or(0, |r| r.width() + 3 + more);
        let room = width.saturating_sub(after).max(8);
        parts.push(truncate(film, room));
    }
    parts.extend(rest);
    truncate(&parts.join(" · "), width)
}

/// Up to three rows: the title, the byline, and the facts (score first: it is what a
/// narrow list must not cut). With no byline, a long title takes two rows.
fn card_lines(review: &Review, marker: &str, width: usize, info: &Info<'_>) -> Vec<Line<'static>> {
    let badge = info.badge();
    let room = width.saturating_sub(2 + badge.width());
    let byline = byline(review, info, width.saturating_sub(2));
    let (first, second) = if byline.is_empty() && review.title.width() > room {
        split_title(&review.title, room, width.saturating_sub(2))
    } else {
        (truncate(&review.title, room), None)
    };
    let mut lines = vec![Line::from(vec![
        Span::raw(marker.to_owned()),
        Span::styled(badge, theme::HIGHLIGHT),
        Span::styled(first, info.title_style()),
    ])];
    if let Some(rest) = second {
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(rest, info.title_style()),
        ]));
    }
    if !byline.is_empty() {
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(byline, theme::DIM),
        ]));
    }
    lines.push(super::fit(facts(review, info), width));
    lines
}

/// A title over two rows, cut at a space when there is one: `room` columns on the first,
/// `rest` on the second (cut with "…" if still too long).
fn split_title(title: &str, room: usize, rest: usize) -> (String, Option<String>) {
    use unicode_width::UnicodeWidthChar;
    let mut used = 0;
    let mut end = 0;
    let mut last_space = None;
    for (i, c) in title.char_indices() {
        used += c.width().unwrap_or(0);
        if used > room {
            break;
        }
        if c == ' ' {
            last_space = Some(i);
        }
        end = i + c.len_utf8();
    }
    let cut = last_space.filter(|&s| s > 0).unwrap_or(end);
    let (head, tail) = title.split_at(cut);
    (
        head.trim_end().to_owned(),
        Some(truncate(tail.trim_start(), rest)),
    )
}

/// The third row: length (when sorted by it), hits, the filtered person's comments, the
/// score, the comment count, unread or new comments, and "preview".
fn facts(review: &Review, info: &Info<'_>) -> Line<'static> {
    let mut third = vec![Span::raw("  ")];
    if let Some(length) = info.length() {
        third.push(Span::styled(format!("{length} · "), theme::HIGHLIGHT));
    }
    if let Some(hits) = info.hits {
        let noun = if hits == 1 { "hit" } else { "hits" };
        third.push(Span::styled(format!("{hits} {noun} · "), theme::HIGHLIGHT));
    }
    if let Some(name) = info.filter {
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
    match (review.rating, review.audience_rating) {
        (Some(r), _) => third.push(Span::styled(score(r.percent()), theme::RATING)),
        (None, Some(a)) => {
            third.push(Span::styled(
                format!("{} aud.", score(a.percent())),
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
    Line::from(third)
}

#[cfg(test)]
mod tests {
    use super::{score, split_title};

    #[test]
    fn scores_round_to_fifths() {
        assert_eq!(score(60.0), "▰▰▰▱▱ 60%");
        assert_eq!(score(75.0), "▰▰▰▰▱ 75%");
        assert_eq!(score(0.0), "▱▱▱▱▱ 0%");
        assert_eq!(score(100.0), "▰▰▰▰▰ 100%");
    }

    #[test]
    fn a_long_title_breaks_at_a_space() {
        assert_eq!(
            split_title("Trailer Park Tuesday, 1 Mile", 14, 20),
            (
                "Trailer Park".to_owned(),
                Some("Tuesday, 1 Mile".to_owned())
            )
        );
        let (head, tail) = split_title("Unbreakable", 4, 4);
        assert_eq!((head.as_str(), tail.as_deref()), ("Unbr", Some("eak…")));
    }
}
