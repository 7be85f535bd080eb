//! What the ratings popup (`r`) lists: the list's reviews grouped by film, the current
//! film first, each film with its own averages and score ranges, as lines the popup
//! scrolls through. The lines do not depend on the width, so the scroll is exact.

use super::{App, Mode};
use crate::action::Command;
use crate::data::{Film, Review};

/// Histogram ranges: label and exclusive upper bound in percent.
pub const BUCKETS: [(&str, f64); 5] = [
    ("0–19%", 20.0),
    ("20–39%", 40.0),
    ("40–59%", 60.0),
    ("60–79%", 80.0),
    ("80–100%", f64::INFINITY),
];

/// Rows the popup's frame and column header take from the terminal's height.
const CHROME_ROWS: u16 = 3;

/// One film's part of the popup: its reviews in list order, and what they add up to.
#[derive(Debug)]
pub struct FilmRatings<'a> {
    /// The film the reviews are of.
    pub film: &'a Film,
    /// The film of the open review (else of the selected one): listed first.
    pub current: bool,
    /// The film's reviews in the list, in list order.
    pub reviews: Vec<&'a Review>,
}

/// A mean score in percent and how many scores it is made of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Average {
    /// The mean, in percent.
    pub percent: f64,
    /// How many scores were averaged.
    pub count: usize,
}

impl FilmRatings<'_> {
    /// The critics' mean, if any review is scored.
    #[must_use]
    pub fn critics(&self) -> Option<Average> {
        average(
            self.reviews
                .iter()
                .filter_map(|r| r.rating.map(|x| x.percent())),
        )
    }

    /// The audiences' mean, if any review has an audience score.
    #[must_use]
    pub fn audience(&self) -> Option<Average> {
        average(
            self.reviews
                .iter()
                .filter_map(|r| r.audience_rating.map(|x| x.percent())),
        )
    }

    /// Reviews with neither score.
    #[must_use]
    pub fn unrated(&self) -> usize {
        self.reviews
            .iter()
            .filter(|r| r.rating.is_none() && r.audience_rating.is_none())
            .count()
    }

    /// How many scores (critic and audience) fall in each of [`BUCKETS`].
    #[must_use]
    pub fn buckets(&self) -> [usize; BUCKETS.len()] {
        let mut counts = [0; BUCKETS.len()];
        let scores = self.reviews.iter().flat_map(|r| {
            r.rating
                .map(|x| x.percent())
                .into_iter()
                .chain(r.audience_rating.map(|x| x.percent()))
        });
        for percent in scores {
            if let Some(i) = BUCKETS.iter().position(|(_, upper)| percent < *upper) {
                counts[i] += 1;
            }
        }
        counts
    }

    /// True when some review has a score, so the ranges are worth drawing.
    fn any_score(&self) -> bool {
        self.reviews
            .iter()
            .any(|r| r.rating.is_some() || r.audience_rating.is_some())
    }
}

fn average(values: impl Iterator<Item = f64>) -> Option<Average> {
    let (sum, count) = values.fold((0.0, 0), |(s, n), v| (s + v, n + 1));
    (count > 0).then(|| Average {
        percent: sum / count as f64,
        count,
    })
}

/// One line of the popup's body; the numbers index [`Ratings::films`] and its reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatingsLine {
    /// The film's title, in a library of several films.
    Heading(usize),
    /// A review's scores.
    Review(usize, usize),
    /// The film's averages.
    Average(usize),
    /// The title over the film's score ranges.
    ChartTitle(usize),
    /// One score range of the film: the index into [`BUCKETS`].
    Bar(usize, usize),
    /// Space between parts.
    Blank,
}

/// Everything the ratings popup shows, grouped by film.
#[derive(Debug)]
pub struct Ratings<'a> {
    /// The films with reviews in the list, the current film first, then in list order.
    pub films: Vec<FilmRatings<'a>>,
    /// The lines of the body, top to bottom.
    pub lines: Vec<RatingsLine>,
    /// Each film is titled (the library holds several).
    pub titled: bool,
}

impl App {
    /// The list's reviews grouped by film for the ratings popup: the current film (the
    /// open review's, else the selected review's) first, the others as the list orders
    /// them. Each film is titled when the library holds several.
    #[must_use]
    pub fn ratings(&self) -> Ratings<'_> {
        let current = self
            .reading
            .open
            .or_else(|| self.list.visible.get(self.list.selected).copied())
            .map(|e| self.catalog.entries[e].0);
        let mut order: Vec<usize> = Vec::new();
        let mut films: Vec<FilmRatings<'_>> = Vec::new();
        for &entry in &self.list.visible {
            let collection = self.catalog.entries[entry].0;
            let (col, review) = self.entry(entry);
            if let Some(i) = order.iter().position(|&c| c == collection) {
                films[i].reviews.push(review);
            } else {
                order.push(collection);
                films.push(FilmRatings {
                    film: &col.film,
                    current: Some(collection) == current,
                    reviews: vec![review],
                });
            }
        }
        // A stable sort: the current film moves to the top, the rest keep list order.
        films.sort_by_key(|f| !f.current);
        let titled = self.catalog.library.collections.len() > 1;
        let mut lines = Vec::new();
        for (f, film) in films.iter().enumerate() {
            if f > 0 {
                lines.push(RatingsLine::Blank);
            }
            if titled {
                lines.push(RatingsLine::Heading(f));
            }
            lines.extend((0..film.reviews.len()).map(|r| RatingsLine::Review(f, r)));
            lines.push(RatingsLine::Average(f));
            if film.any_score() {
                lines.push(RatingsLine::Blank);
                lines.push(RatingsLine::ChartTitle(f));
                lines.extend((0..BUCKETS.len()).map(|b| RatingsLine::Bar(f, b)));
            }
        }
        Ratings {
            films,
            lines,
            titled,
        }
    }

    /// Moves the ratings popup's scroll (or closes it), never past its last screenful.
    pub(super) fn ratings_key(&mut self, command: Command) {
        let Mode::Ratings(scroll) = self.mode else {
            return;
        };
        let lines = self.ratings().lines.len();
        let body = body_height(lines, self.size.1);
        let last = lines.saturating_sub(body);
        let page = body.max(1) as isize;
        let step = |by: isize| scroll.min(last).saturating_add_signed(by).min(last);
        self.mode = match command {
            Command::Back | Command::Ratings => Mode::Normal,
            Command::Up => Mode::Ratings(step(-1)),
            Command::Down => Mode::Ratings(step(1)),
            Command::PageUp => Mode::Ratings(step(-page)),
            Command::PageDown => Mode::Ratings(step(page)),
            Command::HalfPageUp => Mode::Ratings(step(-(page / 2).max(1))),
            Command::HalfPageDown => Mode::Ratings(step((page / 2).max(1))),
            Command::Top => Mode::Ratings(0),
            Command::Bottom => Mode::Ratings(last),
            _ => return,
        };
    }
}

/// Lines of a body of `lines` lines shown at a terminal `height`: all of them when they
/// fit under the popup's frame and column header, else what room there is (at least one).
#[must_use]
pub fn body_height(lines: usize, height: u16) -> usize {
    lines.min(usize::from(height.saturating_sub(CHROME_ROWS)).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{AudienceRating, Rating};

    fn review(critic: Option<f64>, audience: Option<f64>) -> Review {
        Review {
            rating: critic.map(|score| Rating { score, max: 100.0 }),
            audience_rating: audience.map(|score| AudienceRating {
                rating: Rating { score, max: 100.0 },
                votes: None,
            }),
            id: String::new(),
            title: String::new(),
            body: String::new(),
            source: None,
            reviewer: None,
            published: None,
            url: None,
            read_minutes: None,
            kind: crate::data::Kind::Review,
            watched: None,
            rewatch: false,
            comments: Vec::new(),
        }
    }

    #[test]
    fn a_film_averages_only_its_own_scores_and_counts_each_range() {
        let film = Film::default();
        let reviews = [
            review(Some(19.9), Some(80.0)),
            review(Some(60.0), None),
            review(None, None),
        ];
        let ratings = FilmRatings {
            film: &film,
            current: true,
            reviews: reviews.iter().collect(),
        };
        let critics = ratings.critics().expect("two critic scores");
        assert_eq!(critics.count, 2);
        assert!((critics.percent - 39.95).abs() < 1e-9);
        assert_eq!(
            ratings.audience(),
            Some(Average {
                percent: 80.0,
                count: 1
            })
        );
        assert_eq!(ratings.unrated(), 1);
        assert_eq!(ratings.buckets(), [1, 0, 0, 1, 1]);
    }

    #[test]
    fn an_unscored_film_has_no_average() {
        let film = Film::default();
        let reviews = [review(None, None)];
        let ratings = FilmRatings {
            film: &film,
            current: false,
            reviews: reviews.iter().collect(),
        };
        assert_eq!((ratings.critics(), ratings.audience()), (None, None));
        assert!(!ratings.any_score());
    }

    #[test]
    fn the_body_takes_what_room_the_frame_leaves() {
        assert_eq!(body_height(5, 24), 5);
        assert_eq!(body_height(50, 24), 21);
        assert_eq!(body_height(50, 2), 1);
        assert_eq!(body_height(0, 24), 0);
    }
}
