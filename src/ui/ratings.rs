//! The ratings popup (`r`): every source's critic and audience score side by side as
//! percentages, the averages, and a histogram. Unrated sources say so, never zero.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{BarChart, Block, BorderType, Widget};

use super::{theme, truncate};
use crate::app::App;
use crate::data::Review;

/// Histogram buckets: label and exclusive upper bound in percent.
const BUCKETS: [(&str, f64); 5] = [
    ("0–19%", 20.0),
    ("20–39%", 40.0),
    ("40–59%", 60.0),
    ("60–79%", 80.0),
    ("80–100%", f64::INFINITY),
];
/// Columns of a score cell.
const SCORE_WIDTH: usize = 24;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let rows: Vec<&Review> = app.visible().map(|(_, _, r)| r).collect();
    let count = u16::try_from(rows.len()).unwrap_or(u16::MAX);
    let height = count.saturating_add(14).min(area.height);
    let rect = area.centered(
        Constraint::Length(96.min(area.width)),
        Constraint::Length(height),
    );
    super::popup::clear(rect, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .title(" Ratings, compared as percentages · Esc or r closes ")
        .title_style(Style::new().add_modifier(Modifier::BOLD));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let [table, summary, chart] = Layout::vertical([
        Constraint::Length(count.saturating_add(1)),
        Constraint::Length(2),
        Constraint::Fill(1),
    ])
    .areas(inner);
    render_table(&rows, table, buf);
    render_summary(&rows, summary, buf);
    render_histogram(&rows, chart, buf);
}

fn render_table(rows: &[&Review], area: Rect, buf: &mut Buffer) {
    let w = usize::from(area.width);
    let title_width = w.saturating_sub(2 * SCORE_WIDTH + 1);
    let header = format!(
        "{:<title_width$} {:<SCORE_WIDTH$}{:<SCORE_WIDTH$}",
        "Source", "Critic", "Audience"
    );
    buf.set_stringn(
        area.x,
        area.y,
        header,
        w,
        Style::new().add_modifier(Modifier::BOLD),
    );
    let cell = |value: Option<String>| match value {
        Some(text) => Span::styled(
            format!("{:<SCORE_WIDTH$}", truncate(&text, SCORE_WIDTH - 1)),
            theme::RATING,
        ),
        None => Span::styled(format!("{:<SCORE_WIDTH$}", "unrated"), theme::DIM),
    };
    // Only the rows that fit: a long library must not draw past the popup.
    let fits = usize::from(area.height.saturating_sub(1));
    let more = rows.len().saturating_sub(fits);
    let shown = if more > 0 {
        fits.saturating_sub(1)
    } else {
        fits
    };
    for (i, review) in rows.iter().take(shown).enumerate() {
        let critic = review.rating.map(|r| format!("{r} · {:.0}%", r.percent()));
        let audience = review
            .audience_rating
            .map(|a| format!("{a} · {:.0}%", a.percent()));
        let line = Line::from(vec![
            Span::raw(format!(
                "{:<title_width$} ",
                truncate(&review.title, title_width)
            )),
            cell(critic),
            cell(audience),
        ]);
        buf.set_line(area.x, area.y + 1 + i as u16, &line, area.width);
    }
    if more > 0 && area.height > 1 {
        let note = format!(
            "… and {} more (sort or filter the list to choose)",
            rows.len() - shown
        );
        buf.set_stringn(area.x, area.bottom() - 1, note, w, theme::DIM);
    }
}

fn render_summary(rows: &[&Review], area: Rect, buf: &mut Buffer) {
    let average = |values: Vec<f64>| {
        if values.is_empty() {
            "none rated".to_owned()
        } else {
            let mean = values.iter().sum::<f64>() / values.len() as f64;
            format!("{mean:.0}% over {}", values.len())
        }
    };
    let critics = average(
        rows.iter()
            .filter_map(|r| r.rating.map(|x| x.percent()))
            .collect(),
    );
    let audiences = average(
        rows.iter()
            .filter_map(|r| r.audience_rating.map(|x| x.percent()))
            .collect(),
    );
    let unrated = rows
        .iter()
        .filter(|r| r.rating.is_none() && r.audience_rating.is_none())
        .count();
    let text =
        format!("Average: critics {critics} · audience {audiences} · unrated sources: {unrated}");
    buf.set_stringn(
        area.x,
        area.y,
        text,
        usize::from(area.width),
        Style::new().add_modifier(Modifier::BOLD),
    );
}

fn render_histogram(rows: &[&Review], area: Rect, buf: &mut Buffer) {
    let percents: Vec<f64> = rows
        .iter()
        .flat_map(|r| {
            r.rating
                .map(|x| x.percent())
                .into_iter()
                .chain(r.audience_rating.map(|x| x.percent()))
        })
        .collect();
    let counts: Vec<(&str, u64)> = BUCKETS
        .iter()
        .enumerate()
        .map(|(i, (label, upper))| {
            let lower = if i == 0 {
                f64::NEG_INFINITY
            } else {
                BUCKETS[i - 1].1
            };
            let n = percents
                .iter()
                .filter(|&&p| p >= lower && p < *upper)
                .count();
            (*label, n as u64)
        })
        .collect();
    BarChart::default()
        .block(Block::new().title("Scores (critic and audience) by range"))
        .data(&counts)
        .bar_width(9)
        .bar_gap(2)
        .bar_style(Style::new().fg(Color::Yellow))
        .value_style(
            Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
        )
        .render(area, buf);
}
