//! Questions asked of reviews by both the reader and the command line (sort order, text
//! hits, who is mentioned), so `list --sort` and the `o` key can never disagree.

use rayon::prelude::*;
use std::cmp::Ordering;
use std::fmt;

use crate::data::Review;
use crate::data::scan::{Hit, Indexed, Needle, index_review};

/// Orders the list can be sorted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SortKey {
    /// As the files are named.
    #[default]
    File,
    /// By publication date.
    Date,
    /// By the critic's rating as a percentage (the audience's when the critic gave none).
    Rating,
    /// By number of comments.
    Comments,
    /// By reading time (stated, or estimated at 200 words a minute).
    Length,
}

impl SortKey {
    /// The next order for the `o` key.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::File => Self::Date,
            Self::Date => Self::Rating,
            Self::Rating => Self::Comments,
            Self::Comments => Self::Length,
            Self::Length => Self::File,
        }
    }

    /// Whether the order people mean runs from the largest value: newest first, highest
    /// rated first, most commented first (length runs shortest first).
    #[must_use]
    pub fn descends(self) -> bool {
        matches!(self, Self::Date | Self::Rating | Self::Comments)
    }

    /// How the order runs, in words: `newest first`, or reversed `oldest first`.
    #[must_use]
    pub fn direction(self, reverse: bool) -> &'static str {
        let (natural, reversed) = match self {
            Self::File => ("as in the files", "files reversed"),
            Self::Date => ("newest first", "oldest first"),
            Self::Rating => ("highest first", "lowest first"),
            Self::Comments => ("most first", "fewest first"),
            Self::Length => ("shortest first", "longest first"),
        };
        if reverse { reversed } else { natural }
    }

    /// The value sorted on; `None` (unknown) sorts last in both directions.
    #[must_use]
    pub fn value(self, review: &Review) -> Option<f64> {
        match self {
            Self::File => Some(0.0),
            Self::Date => review
                .published
                .map(|d| f64::from(d.year) * 400.0 + f64::from(d.month) * 32.0 + f64::from(d.day)),
            Self::Rating => rating_percent(review),
            Self::Comments => Some(review.comments.len() as f64),
            Self::Length => Some(length_words(review, review.body.split_whitespace().count())),
        }
    }
}

impl fmt::Display for SortKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::File => "file",
            Self::Date => "date",
            Self::Rating => "rating",
            Self::Comments => "comments",
            Self::Length => "length",
        })
    }
}

/// The critic's rating as a percentage, else the audience's.
#[must_use]
pub fn rating_percent(review: &Review) -> Option<f64> {
    review
        .rating
        .map(|r| r.percent())
        .or_else(|| review.audience_rating.map(|a| a.percent()))
}

/// The stated reading time, or an estimate from the word count (200 words a minute).
#[must_use]
pub fn length_minutes(review: &Review) -> u32 {
    minutes(review, review.body.split_whitespace().count())
}

/// [`length_minutes`] with the body's word count already known.
#[must_use]
pub fn minutes(review: &Review, words: usize) -> u32 {
    review.read_minutes.unwrap_or_else(|| {
        u32::try_from(words.div_ceil(200))
            .unwrap_or(u32::MAX)
            .max(1)
    })
}

/// A review's length in words, to sort by: its body's `words`, or the stated reading
/// time at 200 words a minute. Words, not whole minutes: 250 and 390 words are both
/// "2 min" but not the same length.
#[must_use]
pub fn length_words(review: &Review, words: usize) -> f64 {
    review
        .read_minutes
        .map_or(words as f64, |m| f64::from(m) * 200.0)
}

/// Sorts `items` (in file order on entry) by `key` in the direction people mean (see
/// [`SortKey::descends`]), the other way with `reverse`; ties and unknowns keep file
/// order, and unknown values go last whether or not the order is reversed.
pub fn sort<'a, T>(
    items: &mut [T],
    key: SortKey,
    reverse: bool,
    review: impl Fn(&T) -> &'a Review,
) {
    sort_by_value(items, key, reverse, |item| key.value(review(item)));
}

/// [`sort`] with the values supplied (the reader has word counts from its index).
pub fn sort_by_value<T>(
    items: &mut [T],
    key: SortKey,
    reverse: bool,
    value: impl Fn(&T) -> Option<f64>,
) {
    if key == SortKey::File {
        if reverse {
            items.reverse();
        }
        return;
    }
    let reverse = reverse != key.descends();
    // Compute each value once, then sort on the values.
    let mut keyed: Vec<(Option<f64>, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (value(item), i))
        .collect();
    keyed.sort_by(|(a, i), (b, j)| {
        let order = match (a, b) {
            (Some(x), Some(y)) => {
                let order = x.partial_cmp(y).unwrap_or(Ordering::Equal);
                if reverse { order.reverse() } else { order }
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        order.then(i.cmp(j))
    });
    let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    apply_order(items, &order);
}

/// Rearranges `items` so position `k` holds what was at `order[k]`.
fn apply_order<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        if placed[start] {
            continue;
        }
        // Follow the cycle that starts here, swapping each item into place.
        let mut at = start;
        loop {
            placed[at] = true;
            let from = order[at];
            if placed[from] {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Case-insensitive hits of `text` in a review's title, body and comments; text hidden as
/// a spoiler is not searched.
#[must_use]
pub fn grep_hits(review: &Review, text: &str) -> usize {
    Grep::new(text).hits(review)
}

/// One query for many reviews read straight from files (`list --grep`, export), so the
/// query is prepared once.
#[derive(Debug)]
pub struct Grep(Option<Needle>);

impl Grep {
    /// Prepares `text`; a blank query finds nothing.
    #[must_use]
    pub fn new(text: &str) -> Self {
        Self(Needle::new(text))
    }

    /// Hits in `review`, by the rule of [`grep_hits`].
    #[must_use]
    pub fn hits(&self, review: &Review) -> usize {
        self.0
            .as_ref()
            .map_or(0, |needle| needle.count(review, &index_review(review)))
    }
}

/// Case-insensitive hits of `text` in each indexed review, on every core.
#[must_use]
pub fn count_hits(reviews: &[(&Review, &Indexed)], text: &str) -> Vec<usize> {
    scan(reviews, text, 0, Needle::count)
}

/// Which indexed reviews contain `text`, case-insensitively, on every core: the list's
/// text filter. Each review's scan stops at its first hit.
#[must_use]
pub fn matching(reviews: &[(&Review, &Indexed)], text: &str) -> Vec<bool> {
    scan(reviews, text, false, Needle::found)
}

/// Where each indexed review's first hit of `text` is, each searched from its `Hit`: the
/// first hit of a shorter query `text` extends, or the start. The list's text filter as
/// it is typed: a keystroke searches each review again only from where it matched.
#[must_use]
pub fn first_hits(reviews: &[(&Review, &Indexed, Hit)], text: &str) -> Vec<Option<Hit>> {
    let Some(needle) = Needle::new(text) else {
        return vec![None; reviews.len()];
    };
    reviews
        .par_iter()
        .with_min_len(64)
        .map(|&(review, indexed, from)| needle.first_hit(review, indexed, from))
        .collect()
}

/// Runs `per_review` over each review with the prepared query; `none` for every review
/// when the query cannot match (blank, or holding a NUL).
fn scan<R: Send + Clone>(
    reviews: &[(&Review, &Indexed)],
    text: &str,
    none: R,
    per_review: impl Fn(&Needle, &Review, &Indexed) -> R + Sync,
) -> Vec<R> {
    let Some(needle) = Needle::new(text) else {
        return vec![none; reviews.len()];
    };
    reviews
        .par_iter()
        .with_min_len(64)
        .map(|(review, indexed)| per_review(&needle, review, indexed))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Date, Rating};

    fn review(id: &str, published: Option<Date>, rating: Option<f64>) -> Review {
        let mut r = crate::data::bundled_library().collections[0].reviews[0].clone();
        r.id = id.into();
        r.published = published;
        r.rating = rating.map(|score| Rating { score, max: 5.0 });
        r.audience_rating = None;
        r
    }

    fn ids(reviews: &[Review], key: SortKey, reverse: bool) -> Vec<String> {
        let mut refs: Vec<&Review> = reviews.iter().collect();
        sort(&mut refs, key, reverse, |r| r);
        refs.iter().map(|r| r.id.clone()).collect()
    }

    #[test]
    fn unknown_values_sort_last_in_both_directions() {
        let d = |day| {
            Some(Date {
                year: 2024,
                month: 1,
                day,
            })
        };
        let reviews = [
            review("none", None, None),
            review("late", d(9), None),
            review("early", d(1), None),
        ];
        assert_eq!(
            ids(&reviews, SortKey::Date, false),
            ["late", "early", "none"]
        );
        assert_eq!(
            ids(&reviews, SortKey::Date, true),
            ["early", "late", "none"]
        );
    }

    #[test]
    fn apply_order_follows_every_cycle() {
        let order = [3, 0, 4, 1, 2, 6, 5];
        let mut items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
        let expected: Vec<char> = order.iter().map(|&i| items[i]).collect();
        apply_order(&mut items, &order);
        assert_eq!(items.to_vec(), expected);
    }

    #[test]
    fn file_order_reverses() {
        let reviews = [
            review("a", None, None),
            review("b", None, None),
            review("c", None, None),
        ];
        assert_eq!(ids(&reviews, SortKey::File, true), ["c", "b", "a"]);
    }

    #[test]
    fn ratings_compare_as_percentages() {
        let mut ten = review("ten", None, None);
        ten.rating = Some(Rating {
            score: 7.0,
            max: 10.0,
        });
        let reviews = [
            review("three", None, Some(3.0)),
            ten,
            review("unrated", None, None),
        ];
        assert_eq!(
            ids(&reviews, SortKey::Rating, false),
            ["ten", "three", "unrated"]
        );
    }

    #[test]
    fn each_order_runs_the_way_people_mean_and_length_compares_words() {
        let mut few = review("few", None, None);
        few.comments = vec![crate::data::Comment::default()];
        let mut many = review("many", None, None);
        many.comments = vec![crate::data::Comment::default(); 3];
        let reviews = [few, many];
        assert_eq!(ids(&reviews, SortKey::Comments, false), ["many", "few"]);
        assert_eq!(ids(&reviews, SortKey::Comments, true), ["few", "many"]);
        // 250 and 390 words both read as 2 minutes; the shorter still comes first.
        let mut long = review("390", None, None);
        long.body = "word ".repeat(390);
        long.read_minutes = None;
        let mut short = review("250", None, None);
        short.body = "word ".repeat(250);
        short.read_minutes = None;
        let reviews = [long, short];
        assert_eq!(minutes(&reviews[0], 390), minutes(&reviews[1], 250));
        assert_eq!(ids(&reviews, SortKey::Length, false), ["250", "390"]);
        assert_eq!(ids(&reviews, SortKey::Length, true), ["390", "250"]);
        assert_eq!(SortKey::Date.direction(false), "newest first");
        assert_eq!(SortKey::Length.direction(true), "longest first");
    }

    #[test]
    fn grep_counts_every_field_but_not_spoilers() {
        let mut r = review("r", None, None);
        r.title = "Running".into();
        r.body = "running and ||running||".into();
        r.comments = vec![crate::data::Comment {
            text: "RUNNING".into(),
            ..Default::default()
        }];
        assert_eq!(grep_hits(&r, "running"), 3);
    }
}
