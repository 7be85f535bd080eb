//! schema.org data in a page's `<script type="application/ld+json">` blocks: the Review
//! (or the post, when there is none) and the Movie it is about.

use serde_json::Value;

use crate::data::{Date, Rating};
use crate::sources::{FilmFacts, FilmRef};

/// What the blocks state, each field left out when no block states it.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Stated {
    pub headline: Option<String>,
    pub author: Option<String>,
    pub published: Option<Date>,
    pub publisher: Option<String>,
    pub rating: Option<Rating>,
    pub film: Option<FilmRef>,
    pub film_facts: FilmFacts,
}

/// Reads every block's text; malformed ones are passed over.
pub(super) fn facts<'a>(blocks: impl IntoIterator<Item = &'a str>) -> Stated {
    let mut nodes = Vec::new();
    for block in blocks {
        let block = block.trim();
        let block = block
            .strip_prefix("<![CDATA[")
            .and_then(|b| b.strip_suffix("]]>"))
            .unwrap_or(block);
        if let Ok(value) = serde_json::from_str::<Value>(block) {
            collect(value, &mut nodes);
        }
    }
    let graph = Graph { nodes };
    let review = graph
        .nodes
        .iter()
        .find(|n| has_type(n, |t| t.ends_with("Review")))
        .cloned()
        .or_else(|| {
            graph.nodes.iter().find_map(|n| {
                let review = n.get("review")?;
                let review = review.as_array().and_then(|a| a.first()).unwrap_or(review);
                let mut review = graph.resolve(review).clone();
                if let Some(obj) = review.as_object_mut() {
                    obj.entry("itemReviewed").or_insert_with(|| n.clone());
                }
                Some(review)
            })
        });
    let post = graph.nodes.iter().find(|n| {
        has_type(n, |t| {
            matches!(t, "Article" | "BlogPosting" | "NewsArticle" | "WebPage")
        })
    });
    let main = review.as_ref().or(post);
    let field = |name: &str| {
        review
            .as_ref()
            .and_then(|r| r.get(name))
            .or_else(|| post.and_then(|p| p.get(name)))
    };
    let movie = review
        .as_ref()
        .and_then(|r| r.get("itemReviewed"))
        .map(|m| graph.resolve(m))
        .filter(|m| has_type(m, |t| t == "Movie"));
    Stated {
        headline: main.and_then(|m| string(m.get("headline").or_else(|| m.get("name")))),
        author: field("author").and_then(|a| graph.names(a)),
        published: field("datePublished")
            .and_then(Value::as_str)
            .and_then(crate::sources::feed::parse_date),
        publisher: field("publisher").and_then(|p| graph.names(p)),
        rating: review
            .as_ref()
            .and_then(|r| r.get("reviewRating"))
            .and_then(|r| rating(graph.resolve(r))),
        film: movie.and_then(|m| {
            Some(FilmRef {
                title: string(m.get("name"))?,
                year: ["dateCreated", "datePublished", "releaseDate"]
                    .iter()
                    .find_map(|k| year(m.get(*k)?)),
            })
        }),
        film_facts: movie.map(|m| graph.film_facts(m)).unwrap_or_default(),
    }
}

/// Top-level objects, arrays and `@graph` members, flattened.
fn collect(value: Value, nodes: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| collect(v, nodes)),
        Value::Object(mut obj) => {
            if let Some(graph) = obj.remove("@graph") {
                collect(graph, nodes);
            }
            nodes.push(Value::Object(obj));
        }
        _ => {}
    }
}

fn has_type(node: &Value, wanted: impl Fn(&str) -> bool) -> bool {
    match node.get("@type") {
        Some(Value::String(t)) => wanted(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(wanted),
        _ => false,
    }
}

fn string(value: Option<&Value>) -> Option<String> {
    let text = crate::sources::html::plain_text(value?.as_str()?);
    (!text.is_empty()).then_some(text)
}

fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The year a date or year value starts with.
fn year(value: &Value) -> Option<i32> {
    let text = match value {
        Value::Number(n) => return n.as_i64().and_then(|y| i32::try_from(y).ok()),
        Value::String(s) => s.trim(),
        _ => return None,
    };
    let digits = text
        .get(..4)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
    digits.parse().ok()
}

/// `{ratingValue, bestRating}`, the scale five when unstated.
fn rating(value: &Value) -> Option<Rating> {
    let score = number(value.get("ratingValue")?)?;
    let max = value.get("bestRating").and_then(number).unwrap_or(5.0);
    (score.is_finite() && max.is_finite() && max > 0.0 && (0.0..=max).contains(&score))
        .then_some(Rating { score, max })
}

struct Graph {
    nodes: Vec<Value>,
}

impl Graph {
    /// A `{"@id": …}` reference replaced by the node it names, when the page has it.
    fn resolve<'a>(&'a self, value: &'a Value) -> &'a Value {
        let Some(id) = value.get("@id").and_then(Value::as_str) else {
            return value;
        };
        if value.as_object().is_some_and(|o| o.len() > 1) {
            return value;
        }
        self.nodes
            .iter()
            .find(|n| n.get("@id").and_then(Value::as_str) == Some(id))
            .unwrap_or(value)
    }

    /// Every name in a string, object or array of either.
    fn name_list(&self, value: &Value) -> Vec<String> {
        match self.resolve(value) {
            Value::Array(items) => items.iter().flat_map(|v| self.name_list(v)).collect(),
            v @ Value::String(_) => string(Some(v)).into_iter().collect(),
            v => string(v.get("name")).into_iter().collect(),
        }
    }

    fn names(&self, value: &Value) -> Option<String> {
        let names = self.name_list(value);
        (!names.is_empty()).then(|| names.join(", "))
    }

    fn film_facts(&self, movie: &Value) -> FilmFacts {
        let list = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| movie.get(*k))
                .map(|v| self.name_list(v))
                .unwrap_or_default()
        };
        let same_as = movie.get("sameAs").map_or_else(Vec::new, |v| match v {
            Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
            v => v.as_str().into_iter().collect(),
        });
        FilmFacts {
            tmdb_id: same_as.iter().find_map(|url| {
                let (_, rest) = url.split_once("themoviedb.org/movie/")?;
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                digits.parse().ok()
            }),
            directors: list(&["director", "directors"]),
            cast: list(&["actor", "actors"]),
        }
    }
}
