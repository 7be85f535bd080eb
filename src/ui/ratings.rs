//! The ratings popup (`r`): every source's critic and audience score side by side as
//! percentages, grouped by film (the current film first), each film with its averages
//! and score ranges. Unrated sources say so, never zero. Columns are as wide as what they
//! hold; a narrow popup drops vote counts, then scales, before it cuts a source's name,
//! and anything cut ends with "…". More lines than fit scroll, with a mark saying so.

mod columns;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};
use unicode_width::UnicodeWidthStr;

use super::{fit, theme, truncate};
use crate::action::Command;
use crate::app::{App, BUCKETS, FilmRatings, Ratings, RatingsLine, body_height};
use columns::Columns;

/// The popup is never narrower than this (unless the terminal is) nor wider than the max.
const MIN_WIDTH: u16 = 48;
const MAX_WIDTH: u16 = 100;
/// Columns of a range's label ("80–100%") in the histogram.
const BUCKET_LABEL: usize = 7;
/// The longest bar of a histogram, when there is room.
const BAR_MAX: usize = 32;

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let ratings = app.ratings();
    let lines = ratings.lines.len();
    let body = body_height(lines, area.height).max(1);
    let natural = natural_width(app, &ratings);
    let width = natural.clamp(MIN_WIDTH, MAX_WIDTH).min(area.width);
    let height = u16::try_from(body + 3).unwrap_or(u16::MAX).min(area.height);
    let rect = area.centered(Constraint::Length(width), Constraint::Length(height));
    super::popup::clear(rect, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .title(title(app, usize::from(width.saturating_sub(2))))
        .title_style(Style::new().add_modifier(Modifier::BOLD));
    let inner = block.inner(rect);
    block.render(rect, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let w = usize::from(inner.width);
    if lines == 0 {
        let text = truncate("No reviews in the list.", w);
        buf.set_string(inner.x, inner.y, text, theme::DIM);
        return;
    }
    let columns = Columns::fit(&ratings, w);
    buf.set_line(inner.x, inner.y, &columns.header(), inner.width);
    let shown = usize::from(inner.height - 1);
    let top = scroll.min(lines.saturating_sub(shown));
    for (i, line) in ratings.lines.iter().skip(top).take(shown).enumerate() {
        let drawn = draw_line(&ratings, *line, &columns, w);
        buf.set_line(inner.x, inner.y + 1 + i as u16, &drawn, inner.width);
    }
    if lines > shown {
        scroll_mark(app, top, lines - shown, rect, buf);
    }
}

/// The popup's title, as much of it as fits.
fn title(app: &App, room: usize) -> String {
    let (back, again) = (app.key(Command::Back), app.key(Command::Ratings));
    [
        format!(" Ratings, compared as percentages · {back} or {again} closes "),
        format!(" Ratings as percentages · {back} closes "),
        format!(" Ratings · {back} closes "),
        " Ratings ".to_owned(),
    ]
    .into_iter()
    .find(|t| t.width() <= room)
    .unwrap_or_default()
}

/// How wide the popup would like to be: its widest line at full detail, with the frame.
fn natural_width(app: &App, ratings: &Ratings<'_>) -> u16 {
    let table = Columns::natural(ratings);
    let headings = ratings
        .films
        .iter()
        .map(|f| heading(f).width())
        .max()
        .unwrap_or(0);
    let chart = BUCKET_LABEL + 2 + BAR_MAX + 3;
    let title = title(app, usize::MAX).width();
    let widest = table.max(headings).max(chart).max(title);
    u16::try_from(widest + 2).unwrap_or(u16::MAX)
}

/// A film's heading: its title and year, and whether it is the current film.
fn heading(film: &FilmRatings<'_>) -> Line<'static> {
    let name = match film.film.year {
        Some(year) => format!("{} ({year})", film.film.title),
        None => film.film.title.clone(),
    };
    let mut spans = vec![Span::styled(
        name,
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
    )];
    if film.current {
        spans.push(Span::styled(" · current film", theme::DIM));
    }
    Line::from(spans)
}

fn draw_line(
    ratings: &Ratings<'_>,
    line: RatingsLine,
    columns: &Columns,
    width: usize,
) -> Line<'static> {
    match line {
        RatingsLine::Heading(f) => fit(heading(&ratings.films[f]), width),
        RatingsLine::Review(f, r) => columns.review(ratings.films[f].reviews[r]),
        RatingsLine::Average(f) => columns.average(&ratings.films[f]),
        RatingsLine::ChartTitle(f) => Line::styled(chart_title(ratings, f, width), theme::DIM),
        RatingsLine::Bar(f, b) => bar(&ratings.films[f], b, width),
        RatingsLine::Blank => Line::default(),
    }
}

/// The title over a film's histogram, naming the film in a library (its heading may
/// have scrolled away); shorter forms for a narrow popup.
fn chart_title(ratings: &Ratings<'_>, film: usize, width: usize) -> String {
    let mut titles = Vec::new();
    if ratings.titled {
        let name = &ratings.films[film].film.title;
        titles.push(format!("Scores of {name} by range, critic and audience"));
        titles.push(format!("Scores of {name} by range"));
    }
    titles.push("Scores by range, critic and audience".to_owned());
    titles.push("Scores by range".to_owned());
    let last = titles.len() - 1;
    titles
        .iter()
        .find(|t| t.width() <= width)
        .map_or_else(|| truncate(&titles[last], width), Clone::clone)
}

/// One range of a film's histogram: its label, a bar scaled to the film's fullest range,
/// and the count.
fn bar(film: &FilmRatings<'_>, bucket: usize, width: usize) -> Line<'static> {
    let counts = film.buckets();
    let most = counts.iter().copied().max().unwrap_or(0);
    let count = counts[bucket];
    let digits = most.to_string().len();
    let room = width.saturating_sub(BUCKET_LABEL + 2 + digits).min(BAR_MAX);
    let length = if most == 0 || count == 0 {
        0
    } else {
        // At least one block for a range that has a score, so none looks empty.
        (count * room).div_ceil(most).max(1).min(room)
    };
    let label = format!("{:<BUCKET_LABEL$} ", BUCKETS[bucket].0);
    let mut spans = vec![
        Span::raw(label),
        Span::styled("█".repeat(length), Style::new().fg(Color::Yellow)),
    ];
    let count_style = if count == 0 { theme::DIM } else { Style::new() };
    spans.push(Span::styled(
        format!("{}{count}", if length > 0 { " " } else { "" }),
        count_style,
    ));
    fit(Line::from(spans), width)
}

/// Says on the bottom border that there is more above or below, and how to scroll.
fn scroll_mark(app: &App, top: usize, last: usize, rect: Rect, buf: &mut Buffer) {
    let more = match (top > 0, top < last) {
        (true, true) => "↑ more ↓",
        (false, _) => "more ↓",
        (true, false) => "↑ more",
    };
    let keys = format!("{}/{}", app.key(Command::Down), app.key(Command::Up));
    let room = usize::from(rect.width.saturating_sub(4));
    let Some(text) = [format!(" {keys} scroll · {more} "), format!(" {more} ")]
        .into_iter()
        .find(|t| t.width() <= room)
    else {
        return;
    };
    let x = rect.right().saturating_sub(2 + text.width() as u16);
    buf.set_string(x, rect.bottom() - 1, text, theme::STATUS);
}
