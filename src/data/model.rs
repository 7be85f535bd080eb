//! The collection format (see docs/data-format.md): film facts, cast, reviews, comments.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::date::Date;

use crate::diagnostic::Diagnostic;

/// A film's facts and cast, from `film.toml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
pub struct Film {
    /// The film's title.
    pub title: String,
    /// Release year.
    pub year: Option<i32>,
    /// Directors, in credit order.
    #[serde(default)]
    pub directors: Vec<String>,
    /// Running time.
    pub runtime_minutes: Option<u32>,
    /// The work the film adapts.
    pub based_on: Option<String>,
    /// Genres, as the sources name them.
    #[serde(default)]
    pub genres: Vec<String>,
    /// Cast in billing order.
    #[serde(default)]
    pub cast: Vec<CastMember>,
    /// The film's number at The Movie Database, as Letterboxd feeds give it, so films from
    /// different sources can be told apart.
    pub tmdb_id: Option<u64>,
}

/// One actor and the names the texts use for them, so mentions can be found.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct CastMember {
    /// The actor's name (a member without one is left out with a warning, not the film).
    #[serde(default)]
    pub actor: String,
    /// The character played, when a source states it.
    pub role: Option<String>,
    /// Other names the texts use (surnames, nicknames such as "Coach K").
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// What a source is: a review proper or a preview such as a trailer post.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A review of the film.
    #[default]
    Review,
    /// Written before seeing the film (a trailer post, an announcement).
    Preview,
}

/// A score out of a maximum, so different scales can be compared.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[serde(try_from = "RawRating")]
pub struct Rating {
    /// The score given.
    pub score: f64,
    /// The top of the scale.
    pub max: f64,
}

/// An audience score: a [`Rating`] with how many people voted. It dereferences to its
/// rating, so `score`, `max`, `percent` and the scale check are written once for both.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[serde(try_from = "RawAudience", into = "RawAudience")]
pub struct AudienceRating {
    /// The average score, on its scale.
    pub rating: Rating,
    /// How many votes the average is made of.
    pub votes: Option<u32>,
}

/// A rating as written in a review file.
#[derive(Deserialize)]
struct RawRating {
    score: f64,
    max: f64,
}

/// An audience rating as written in a review file (and in JSON): the rating's keys and
/// `votes` side by side.
#[derive(Deserialize, Serialize)]
struct RawAudience {
    score: f64,
    max: f64,
    votes: Option<u32>,
}

impl TryFrom<RawRating> for Rating {
    type Error = String;
    fn try_from(RawRating { score, max }: RawRating) -> Result<Self, String> {
        let shown = |n: f64| match n {
            n if n.is_nan() => "nan (not a number)".to_owned(),
            n if n.is_infinite() => format!("{n} (infinity)"),
            n => n.to_string(),
        };
        if !(max.is_finite() && max > 0.0) {
            return Err(format!(
                "rating max must be a positive, finite number, found {}",
                shown(max)
            ));
        }
        if !(score.is_finite() && (0.0..=max).contains(&score)) {
            return Err(format!(
                "rating score must be between 0 and {max}, found {}",
                shown(score)
            ));
        }
        Ok(Self { score, max })
    }
}

impl TryFrom<RawAudience> for AudienceRating {
    type Error = String;
    fn try_from(RawAudience { score, max, votes }: RawAudience) -> Result<Self, String> {
        Ok(Self {
            rating: Rating::try_from(RawRating { score, max })?,
            votes,
        })
    }
}

impl From<AudienceRating> for RawAudience {
    fn from(AudienceRating { rating, votes }: AudienceRating) -> Self {
        Self {
            score: rating.score,
            max: rating.max,
            votes,
        }
    }
}

impl Rating {
    /// The score as a share of the scale, so different scales compare.
    #[must_use]
    pub fn percent(&self) -> f64 {
        self.score / self.max * 100.0
    }
}

impl std::ops::Deref for AudienceRating {
    type Target = Rating;
    fn deref(&self) -> &Rating {
        &self.rating
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.score, self.max)
    }
}

impl fmt::Display for AudienceRating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.rating)?;
        match self.votes {
            Some(1) => write!(f, " (1 vote)"),
            Some(n) => write!(f, " ({n} votes)"),
            None => Ok(()),
        }
    }
}

/// A reader's comment under a review. A library holds hundreds of thousands, so the
/// strings are boxed (no spare capacity) and the author's name is shared by every comment
/// they wrote in one load (`data::names`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct Comment {
    /// What they wrote.
    pub text: Box<str>,
    /// Their name, when the source gives one.
    pub author: Option<Arc<str>>,
    /// When they posted.
    pub posted: Option<Date>,
    /// How to reach them, e.g. "Twitter: yesnofilms".
    pub contact: Option<Box<str>>,
    /// The number (`#N`, counted from 1) of the earlier comment this one answers. A number
    /// past `u32::MAX` is kept as `u32::MAX`: it names no earlier comment either, so the
    /// loader warns and shows the comment unthreaded, as for any number out of range.
    #[serde(default, deserialize_with = "saturating_number")]
    pub replies_to: Option<u32>,
}

/// A whole number, as large as it may be, held in a `u32` (a comment's reply number).
fn saturating_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let n = Option::<u64>::deserialize(d)?;
    Ok(n.map(|n| u32::try_from(n).unwrap_or(u32::MAX)))
}

/// One source's text about the film, from `reviews/ID.toml`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct Review {
    /// The file stem: stable, so commands and state can name a review.
    #[serde(skip)]
    pub id: String,
    /// The headline.
    pub title: String,
    /// Markdown text.
    pub body: String,
    /// Publication or site.
    pub source: Option<Arc<str>>,
    /// Who wrote it.
    pub reviewer: Option<Arc<str>>,
    /// When it was published.
    pub published: Option<Date>,
    /// Where it was published.
    pub url: Option<String>,
    /// The source's own reading-time estimate.
    pub read_minutes: Option<u32>,
    /// Review or preview.
    #[serde(default)]
    pub kind: Kind,
    /// The critic's score.
    pub rating: Option<Rating>,
    /// The readers' score.
    pub audience_rating: Option<AudienceRating>,
    /// When the reviewer watched the film (a Letterboxd diary date), which may differ
    /// from when the review was published.
    pub watched: Option<Date>,
    /// The reviewer had seen the film before (a Letterboxd rewatch).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rewatch: bool,
    /// Readers' comments, in the order posted.
    #[serde(default)]
    pub comments: Vec<Comment>,
}

/// A folder with `film.toml` and `reviews/*.toml`.
#[derive(Debug, Clone, Default)]
pub struct Collection {
    /// The folder's name, which qualifies review IDs in a library.
    pub name: String,
    /// What the reading state is keyed by: the folder's full path (so two folders with
    /// the same name keep separate marks), or the name for the bundled collection.
    pub key: String,
    /// The film (a placeholder titled after the folder when `film.toml` is unusable).
    pub film: Film,
    /// Reviews in file-name order.
    pub reviews: Vec<Review>,
}

/// Everything loaded from one path, with what went wrong on the way.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// The collections found.
    pub collections: Vec<Collection>,
    /// Errors and warnings, in the order met.
    pub diagnostics: Vec<Diagnostic>,
    /// Files that could not be used and were left out.
    pub files_skipped: usize,
    /// The folder it was loaded from; `None` for the bundled collection.
    pub origin: Option<String>,
}

impl Library {
    /// Every review with the collection it belongs to, in display order.
    pub fn reviews(&self) -> impl Iterator<Item = (&Collection, &Review)> {
        self.collections
            .iter()
            .flat_map(|c| c.reviews.iter().map(move |r| (c, r)))
    }

    /// The ID a user types: the file stem, qualified by collection when there are several.
    #[must_use]
    pub fn qualified_id(&self, collection: &Collection, review: &Review) -> String {
        if self.collections.len() > 1 {
            format!("{}/{}", collection.name, review.id)
        } else {
            review.id.clone()
        }
    }

    /// Number of errors (not warnings).
    #[must_use]
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

impl Review {
    /// Words in the body (runs of non-space), as the length sort and the list count them.
    #[must_use]
    pub fn word_count(&self) -> usize {
        self.body.split_whitespace().count()
    }

    /// Applies [`super::sanitize`] to every string, once, right after parsing; names and
    /// titles also lose line breaks so they fit one row.
    pub(crate) fn sanitize(&mut self) {
        let line = super::sanitize_line;
        self.title = line(&self.title);
        self.body = super::sanitize(&self.body);
        for v in [&mut self.source, &mut self.reviewer].into_iter().flatten() {
            *v = line(v).into();
        }
        // A URL that was not a clean web link in the file keeps the evidence: stand-ins,
        // and edge whitespace left untrimmed, so it is refused after load as before it.
        // A clean web link is left as it is: the sanitiser would not change it.
        if let Some(url) = self.url.as_mut().filter(|u| !super::is_web_link(u)) {
            *url = super::sanitize(url).replace('\n', " ");
        }
        // The parser grew the list by doubling; a library holds 100,000 comments.
        self.comments.shrink_to_fit();
        for c in &mut self.comments {
            c.text = super::sanitize(&c.text).into();
            if let Some(author) = &mut c.author {
                *author = line(author).into();
            }
            if let Some(contact) = &mut c.contact {
                *contact = line(contact).into();
            }
        }
    }
}

impl Film {
    /// Applies [`super::sanitize_line`] to every string, once, right after parsing.
    pub(crate) fn sanitize(&mut self) {
        let line = super::sanitize_line;
        self.title = line(&self.title);
        if let Some(b) = &mut self.based_on {
            *b = line(b);
        }
        for v in self.directors.iter_mut().chain(self.genres.iter_mut()) {
            *v = line(v);
        }
        for m in &mut self.cast {
            m.actor = line(&m.actor);
            if let Some(r) = &mut m.role {
                *r = line(r);
            }
            for a in &mut m.aliases {
                *a = line(a);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::data::parse_review;

    #[test]
    fn an_audience_rating_is_a_rating_with_votes_in_toml_and_json() {
        let text = "title = \"t\"\nbody = \"b\"\nrating = { score = 3.0, max = 5.0, votes = 2 }\naudience_rating = { score = 3.75, max = 5.0, votes = 4 }\n";
        let (review, warnings) = parse_review("r.toml", "r", text.as_bytes()).expect("parses");
        let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            ["r.toml:3:36: warning: unknown key `rating.votes` ignored"]
        );
        let audience = review.audience_rating.expect("audience");
        assert_eq!(audience.to_string(), "3.75/5 (4 votes)");
        assert!((audience.percent() - 75.0).abs() < 1e-9);
        assert_eq!(
            serde_json::to_string(&(review.rating, audience)).expect("json"),
            r#"[{"score":3.0,"max":5.0},{"score":3.75,"max":5.0,"votes":4}]"#
        );
        let bad = "title = \"t\"\nbody = \"b\"\naudience_rating = { score = 6.0, max = 5.0 }\n";
        let error = parse_review("r.toml", "r", bad.as_bytes()).expect_err("out of range");
        assert!(
            error
                .message
                .contains("rating score must be between 0 and 5, found 6"),
            "{error}"
        );
    }
}
