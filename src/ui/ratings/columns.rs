//! The ratings table's columns, sized by what they hold: the source's name takes what
//! the score columns leave. When the popup is too narrow, detail goes in this order:
//! vote counts, then scales (`3/5 ·`) and the unrated count, then "over N"; the source's
//! name is cut last, with "…".

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::super::{theme, truncate};
use crate::app::{Average, FilmRatings, Ratings};
use crate::data::{AudienceRating, Rating, Review};

/// How much detail the cells show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Detail {
    /// `(4 votes)` after an audience score.
    votes: bool,
    /// The score on its own scale (`3/5 · 60%`), not only the percentage.
    scale: bool,
    /// How many scores an average is made of (`60% over 3`).
    over: bool,
}

/// From the most detail to the least: the first that leaves the names room wins.
const DETAILS: [Detail; 4] = [
    Detail {
        votes: true,
        scale: true,
        over: true,
    },
    Detail {
        votes: false,
        scale: true,
        over: true,
    },
    Detail {
        votes: false,
        scale: false,
        over: true,
    },
    Detail {
        votes: false,
        scale: false,
        over: false,
    },
];
/// Columns between cells, and the fewest at the narrowest.
const GAP: usize = 2;
const NARROW_GAP: usize = 1;
/// Detail is given up until the source column has this many columns (or its longest
/// name): a longer name (a review's whole title) may be cut.
const NAMES_WANTED: usize = 30;
/// Below this, the gaps between columns narrow to give the names room.
const NAMES_MIN: usize = 16;
const HEADER: [&str; 3] = ["Source", "Critic", "Audience"];
const UNRATED: &str = "unrated";

/// The chosen detail and the widths of the columns that are padded (the audience's is last).
#[derive(Debug)]
pub struct Columns {
    detail: Detail,
    source: usize,
    critic: usize,
    gap: usize,
}

impl Columns {
    /// The table's width with every detail and no name cut.
    pub fn natural(ratings: &Ratings<'_>) -> usize {
        let detail = DETAILS[0];
        let (critic, audience) = score_widths(ratings, detail);
        source_width(ratings, detail) + critic + audience + 2 * GAP
    }

    /// The most detail that fits `width` with the names whole (up to [`NAMES_WANTED`]);
    /// at the least detail, the names take what is left.
    pub fn fit(ratings: &Ratings<'_>, width: usize) -> Self {
        let names = |detail| source_width(ratings, detail);
        for detail in DETAILS {
            let (critic, _) = score_widths(ratings, detail);
            let room = room_for_names(ratings, detail, width, GAP);
            if room >= names(detail).min(NAMES_WANTED) {
                return Self {
                    detail,
                    source: room.min(names(detail)),
                    critic,
                    gap: GAP,
                };
            }
        }
        let detail = DETAILS[DETAILS.len() - 1];
        let (critic, _) = score_widths(ratings, detail);
        let gap = if room_for_names(ratings, detail, width, GAP) >= NAMES_MIN {
            GAP
        } else {
            NARROW_GAP
        };
        Self {
            detail,
            source: room_for_names(ratings, detail, width, gap).min(names(detail)),
            critic,
            gap,
        }
    }

    /// The column titles.
    pub fn header(&self) -> Line<'static> {
        self.row(
            HEADER[0],
            (HEADER[1].to_owned(), Style::new()),
            (HEADER[2].to_owned(), Style::new()),
        )
        .style(Style::new().add_modifier(Modifier::BOLD))
    }

    /// A review's row.
    pub fn review(&self, review: &Review) -> Line<'static> {
        let cell = |text: Option<String>| match text {
            Some(text) => (text, theme::RATING),
            None => (UNRATED.to_owned(), theme::DIM),
        };
        self.row(
            &source_name(review),
            cell(review.rating.map(|r| critic_cell(r, self.detail))),
            cell(
                review
                    .audience_rating
                    .map(|a| audience_cell(a, self.detail)),
            ),
        )
    }

    /// A film's averages, under its reviews.
    pub fn average(&self, film: &FilmRatings<'_>) -> Line<'static> {
        let cell = |average: Option<Average>| {
            let style = if average.is_some() {
                theme::RATING
            } else {
                theme::DIM
            };
            (average_cell(average, self.detail), style)
        };
        self.row(
            &average_name(film, self.detail),
            cell(film.critics()),
            cell(film.audience()),
        )
        .style(Style::new().add_modifier(Modifier::BOLD))
    }

    fn row(&self, name: &str, critic: (String, Style), audience: (String, Style)) -> Line<'static> {
        let (critic, critic_style) = critic;
        let gap = " ".repeat(self.gap);
        Line::from(vec![
            Span::raw(pad(&truncate(name, self.source), self.source)),
            Span::raw(gap.clone()),
            Span::styled(pad(&critic, self.critic), critic_style),
            Span::raw(gap),
            Span::styled(audience.0, audience.1),
        ])
    }
}

/// What the source column has of `width` once the score columns take theirs.
fn room_for_names(ratings: &Ratings<'_>, detail: Detail, width: usize, gap: usize) -> usize {
    let (critic, audience) = score_widths(ratings, detail);
    width.saturating_sub(critic + audience + 2 * gap)
}

/// The widths of the critic and audience columns at `detail`.
fn score_widths(ratings: &Ratings<'_>, detail: Detail) -> (usize, usize) {
    let mut critic = HEADER[1].width().max(UNRATED.len());
    let mut audience = HEADER[2].width().max(UNRATED.len());
    for film in &ratings.films {
        critic = critic.max(average_cell(film.critics(), detail).width());
        audience = audience.max(average_cell(film.audience(), detail).width());
        for review in &film.reviews {
            if let Some(r) = review.rating {
                critic = critic.max(critic_cell(r, detail).width());
            }
            if let Some(a) = review.audience_rating {
                audience = audience.max(audience_cell(a, detail).width());
            }
        }
    }
    (critic, audience)
}

/// The longest name in the source column at `detail`.
fn source_width(ratings: &Ratings<'_>, detail: Detail) -> usize {
    ratings
        .films
        .iter()
        .flat_map(|f| {
            f.reviews
                .iter()
                .map(|r| source_name(r).width())
                .chain([average_name(f, detail).width()])
        })
        .fold(HEADER[0].width(), usize::max)
}

/// What names a review's row: its source and reviewer as far as they are known, else
/// its title.
fn source_name(review: &Review) -> String {
    let known: Vec<&str> = [review.source.as_deref(), review.reviewer.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    if known.is_empty() {
        review.title.clone()
    } else {
        known.join(" · ")
    }
}

fn average_name(film: &FilmRatings<'_>, detail: Detail) -> String {
    match film.unrated() {
        n if n > 0 && detail.scale => format!("Average · {n} unrated"),
        _ => "Average".to_owned(),
    }
}

fn critic_cell(rating: Rating, detail: Detail) -> String {
    if detail.scale {
        format!("{rating} · {:.0}%", rating.percent())
    } else {
        format!("{:.0}%", rating.percent())
    }
}

fn audience_cell(rating: AudienceRating, detail: Detail) -> String {
    match (detail.votes, detail.scale) {
        (true, _) => format!("{rating} · {:.0}%", rating.percent()),
        (false, true) => format!("{} · {:.0}%", rating.rating, rating.percent()),
        (false, false) => format!("{:.0}%", rating.percent()),
    }
}

fn average_cell(average: Option<Average>, detail: Detail) -> String {
    match (average, detail.over) {
        (Some(a), true) => format!("{:.0}% over {}", a.percent, a.count),
        (Some(a), false) => format!("{:.0}%", a.percent),
        (None, true) => "none rated".to_owned(),
        (None, false) => "none".to_owned(),
    }
}

/// `text` padded with spaces to `width` columns.
fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(fill))
}
