//! The lines under a review's title: byline, dates and ratings, with unknowns said so.

use ratatui::style::{Color, Modifier, Style};

use super::{DIM, Piece};
use crate::data::{Kind, Review};

/// Byline, date line and rating line.
pub fn lines(review: &Review, date_format: &str) -> [Vec<Piece>; 3] {
    [
        byline(review),
        dateline(review, date_format),
        ratings(review),
    ]
}

fn byline(review: &Review) -> Vec<Piece> {
    let kind = match review.kind {
        Kind::Review => "Review",
        Kind::Preview => "Preview",
    };
    vec![
        (format!("{kind} by "), DIM),
        known(review.reviewer.as_deref(), "unknown reviewer"),
        (" · ".into(), DIM),
        known(review.source.as_deref(), "unknown source"),
    ]
}

fn dateline(review: &Review, date_format: &str) -> Vec<Piece> {
    let date = review
        .published
        .map(|d| crate::data::date::format_date(d, date_format));
    let mut pieces = vec![
        ("Published: ".into(), DIM),
        known(date.as_deref(), "date unknown"),
    ];
    match (review.watched, review.rewatch) {
        (Some(d), rewatch) => pieces.push((
            format!(
                " · Watched {}{}",
                crate::data::date::format_date(d, date_format),
                if rewatch { " (rewatch)" } else { "" }
            ),
            DIM,
        )),
        (None, true) => pieces.push((" · Rewatch".into(), DIM)),
        (None, false) => {}
    }
    if let Some(minutes) = review.read_minutes {
        pieces.push((format!(" · {minutes} min read"), DIM));
    }
    if let Some(url) = &review.url {
        pieces.push((format!(" · {url}"), DIM));
    }
    pieces
}

fn ratings(review: &Review) -> Vec<Piece> {
    let gold = Style::new().fg(Color::Yellow);
    let mut pieces = vec![("Rating: ".into(), DIM)];
    match review.rating {
        Some(r) => pieces.push((format!("{r} · {:.0}%", r.percent()), gold)),
        None => pieces.push(("not rated".into(), DIM)),
    }
    if let Some(a) = review.audience_rating {
        pieces.push((" · Audience: ".into(), DIM));
        pieces.push((format!("{a} · {:.0}%", a.percent()), gold));
    }
    pieces
}

/// A value, or the words for its absence in a dim italic.
pub fn known(value: Option<&str>, unknown: &str) -> Piece {
    match value {
        Some(v) => (v.to_owned(), Style::default()),
        None => (unknown.to_owned(), DIM.add_modifier(Modifier::ITALIC)),
    }
}
