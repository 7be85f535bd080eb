//! Header (film, filter) and footer (status, key hints): one line each.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme;
use crate::app::App;
use crate::keymap;

pub fn render_header(app: &App, area: Rect, buf: &mut Buffer) {
    let film = app
        .open_review()
        .map(|(c, _)| &c.film)
        .or_else(|| app.library().collections.first().map(|c| &c.film));
    let mut spans = vec![Span::raw(" ")];
    if let Some(film) = film {
        spans.push(Span::styled(
            film.title.clone(),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        if let Some(year) = film.year {
            spans.push(Span::raw(format!(" ({year})")));
        }
        let directors = if film.directors.is_empty() {
            "director unknown".to_owned()
        } else {
            format!("directed by {}", film.directors.join(", "))
        };
        spans.push(Span::styled(format!(" · {directors}"), theme::DIM));
    } else {
        spans.push(Span::styled("No collection loaded", theme::DIM));
    }
    let tags = header_tags(app);
    let tags_width = tags.width().min(usize::from(area.width) * 2 / 3);
    let rect = Rect {
        x: area.right() - tags_width as u16,
        width: tags_width as u16,
        ..area
    };
    super::fit(tags, tags_width).render(rect, buf);
    let room = usize::from(area.width).saturating_sub(tags_width + 1);
    super::fit(Line::from(spans), room).render(area, buf);
}

/// What narrows or orders the view, right-aligned in the header.
fn header_tags(app: &App) -> Line<'static> {
    let tag = theme::HIGHLIGHT.add_modifier(Modifier::REVERSED);
    let mut spans = Vec::new();
    if app.is_clamped() {
        spans.push(Span::styled(crate::layout::clamped_note(), theme::STATUS));
        spans.push(Span::raw(" "));
    }
    if let Some(progress) = app.progress() {
        spans.push(Span::styled(loading_text(progress), theme::STATUS));
        spans.push(Span::raw(" "));
    }
    if let Some((done, total)) = app.fetching() {
        let text = if total == 0 {
            "Fetching sources…".to_owned()
        } else {
            format!("Fetching {done}/{total} sources…")
        };
        spans.push(Span::styled(text, theme::STATUS));
        spans.push(Span::raw(" "));
    }
    if let Some(right) = app.right_entry() {
        let rating = |entry: usize| {
            let (_, r) = app.entry(entry);
            match (r.rating, r.audience_rating) {
                (Some(c), _) => format!("{:.0}%", c.percent()),
                (None, Some(a)) => format!("audience {:.0}%", a.percent()),
                (None, None) => "unrated".to_owned(),
            }
        };
        let left = app.open_entry().map_or_else(|| "–".to_owned(), rating);
        spans.push(Span::styled(
            format!(" Left {left} · Right {} ", rating(right)),
            tag,
        ));
        spans.push(Span::raw(" "));
    }
    let (key, reverse) = app.sort();
    if key != crate::query::SortKey::File || reverse {
        spans.push(Span::styled(
            format!(" By {key}, {} ", key.direction(reverse)),
            theme::DIM.add_modifier(Modifier::REVERSED),
        ));
        spans.push(Span::raw(" "));
    }
    if app.hides_read() {
        spans.push(Span::styled(" Unread only ", tag));
        spans.push(Span::raw(" "));
    }
    if let Some(q) = app.list_query() {
        spans.push(Span::styled(format!(" Text: “{}” ", q.text), tag));
        spans.push(Span::raw(" "));
    }
    if let Some(name) = app.filter() {
        spans.push(Span::styled(format!(" Filter: {name} (Esc clears) "), tag));
    }
    Line::from(spans)
}

/// `Loading… 3,400/10,100 files · 17.0/49.8 MB`: how far a background load has got;
/// `Loading… 32 files · 0.1 MB` while the library is still being listed.
fn loading_text(p: crate::app::Progress) -> String {
    let mb = |bytes: u64| bytes as f64 / 1e6;
    if p.total_files == 0 {
        return format!(
            "Loading… {} files · {:.1} MB",
            thousands(p.files),
            mb(p.bytes)
        );
    }
    format!(
        "Loading… {}/{} files · {:.1}/{:.1} MB",
        thousands(p.files),
        thousands(p.total_files),
        mb(p.bytes),
        mb(p.total_bytes)
    )
}

/// 10100 → `10,100`.
pub(super) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

pub fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let hint = |command: &crate::action::Command, label: &str| {
        let key = app
            .settings()
            .keymap
            .first_key(*command)
            .unwrap_or_default();
        vec![
            Span::styled(format!(" {key}"), Style::new().add_modifier(Modifier::BOLD)),
            Span::styled(format!(" {label} "), theme::DIM),
        ]
    };
    let span_width = |spans: &[Span<'_>]| spans.iter().map(Span::width).sum::<usize>();
    // Help and quit are always shown; the other hints only when whole ones fit.
    let essential: Vec<Span<'static>> = keymap::HINTS
        .iter()
        .filter(|(a, _)| keymap::ESSENTIAL_HINTS.contains(a))
        .flat_map(|(a, l)| hint(a, l))
        .collect();
    let mut left = vec![Span::raw(" ")];
    let typing = matches!(app.mode(), crate::app::Mode::Prompt(..));
    if let Some(prompt) = prompt_line(app) {
        left.extend(prompt);
        left.push(Span::styled(" │", theme::DIM));
    }
    if let (false, Some(status)) = (typing, app.status()) {
        let room = width.saturating_sub(span_width(&left) + span_width(&essential) + 4);
        // Cut, the message says what is wrong before where (a reload's error).
        let status = match app.status_cut() {
            Some(cut) if unicode_width::UnicodeWidthStr::width(status) > room => cut,
            _ => status,
        };
        left.push(Span::styled(super::truncate(status, room), theme::STATUS));
        left.push(Span::styled(" │", theme::DIM));
    }
    let mut used = span_width(&left) + span_width(&essential);
    for (action, label) in keymap::HINTS {
        if keymap::ESSENTIAL_HINTS.contains(action) {
            continue;
        }
        let spans = hint(action, label);
        if used + span_width(&spans) > width {
            break;
        }
        used += span_width(&spans);
        left.extend(spans);
    }
    left.extend(essential);
    super::fit(Line::from(left), width).render(area, buf);
}

/// The search being typed, or the search in force with its position.
fn prompt_line(app: &App) -> Option<Vec<Span<'static>>> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    if let crate::app::Mode::Prompt(target, text) = app.mode() {
        let (label, enter) = match target {
            crate::app::PromptFor::Reading => ("Search review: /", "Enter keeps"),
            crate::app::PromptFor::List => ("Filter list by text: /", "Enter opens the first"),
        };
        return Some(vec![
            Span::styled(label, bold),
            Span::raw(text.clone()),
            Span::styled("▏", Style::new().add_modifier(Modifier::SLOW_BLINK)),
            Span::styled(format!("  {enter} · Esc cancels"), theme::DIM),
        ]);
    }
    let search = app.search()?;
    // A search with no match that the status already reports ("No match for …") is said
    // once, not twice.
    if search.hits.is_empty() && app.status().is_some() {
        return None;
    }
    let position = match (search.current, search.hits.len()) {
        (_, 0) => "no match".to_owned(),
        (Some(i), n) => format!("match {}/{n}", i + 1),
        (None, 1) => "1 match".to_owned(),
        (None, n) => format!("{n} matches"),
    };
    let mut spans = vec![
        Span::styled(format!("/{}", search.query), bold),
        Span::styled(format!(" {position}"), theme::STATUS),
    ];
    // A fresh status (e.g. "Wrapped to the top") says more than the standing key reminder.
    if app.status().is_none() {
        let keys = format!(
            " · {}/{} · {} ends",
            app.key(crate::action::Command::NextMatch),
            app.key(crate::action::Command::PrevMatch),
            app.key(crate::action::Command::Back)
        );
        spans.push(Span::styled(keys, theme::DIM));
    }
    Some(spans)
}

#[cfg(test)]
mod tests {
    #[test]
    fn progress_reads_in_files_and_megabytes() {
        let p = crate::app::Progress {
            files: 3400,
            total_files: 10_100,
            bytes: 17_040_000,
            total_bytes: 49_800_000,
        };
        assert_eq!(
            super::loading_text(p),
            "Loading… 3,400/10,100 files · 17.0/49.8 MB"
        );
        let listing = crate::app::Progress {
            files: 33,
            bytes: 160_000,
            ..crate::app::Progress::default()
        };
        assert_eq!(super::loading_text(listing), "Loading… 33 files · 0.2 MB");
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }
}
