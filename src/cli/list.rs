//! `reelread list`: one line per review, or JSON for scripts; filtered by person, text or
//! actor and sorted the same way as the reader's list.

use std::process::ExitCode;

use serde::Serialize;

use super::paint::{self, Paint};
use super::{select, status};
use crate::data::{AudienceRating, Collection, Date, Library, Rating, Review, name_matches};
use crate::export::JsonFilm;
use crate::query::{self, SortKey};

/// Options of `reelread list`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which reviews.
    #[command(flatten)]
    pub select: super::select::Selection,
    /// Only reviews that mention this cast member (by actor name, role or alias).
    #[arg(long, value_name = "ACTOR")]
    mentions: Option<String>,
    /// Order of the list; unknown values go last.
    #[arg(long, value_enum, default_value_t = SortKey::File)]
    sort: SortKey,
    /// Reverse the order (unknown values stay last).
    #[arg(long)]
    reverse: bool,
    /// Only reviews you starred in the reader (from the reading state).
    #[arg(long)]
    starred: bool,
    /// Print a JSON array instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Row<'a> {
    id: String,
    title: &'a str,
    film: JsonFilm<'a>,
    source: Option<&'a str>,
    reviewer: Option<&'a str>,
    published: Option<Date>,
    watched: Option<Date>,
    rewatch: bool,
    url: Option<&'a str>,
    rating: Option<Rating>,
    audience_rating: Option<AudienceRating>,
    comments: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    hits: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mentions: Option<usize>,
}

/// How often a review mentions the cast member `actor` names (None: not in this film).
fn mention_count(collection: &Collection, review: &Review, actor: &str) -> Option<usize> {
    let member = collection.film.cast.iter().find(|m| {
        name_matches(&m.actor, actor)
            || m.role.as_deref().is_some_and(|r| name_matches(r, actor))
            || m.aliases.iter().any(|a| name_matches(a, actor))
    })?;
    Some(crate::data::count_mentions(review, member))
}

/// Prints the selected reviews; exit 1 when none passes the filters.
pub fn run(library: &Library, args: &Args, paint: Paint) -> ExitCode {
    let state = if args.starred {
        let loaded = crate::state::default_path()
            .map(|p| crate::state::load(&p))
            .unwrap_or_default();
        if let Some(warning) = &loaded.warning {
            eprintln!("reelread: {}", crate::data::sanitize_line(warning));
        }
        loaded.state
    } else {
        crate::state::ReadingState::default()
    };
    let grep = args.select.grep.as_deref().map(query::Grep::new);
    let mut rows: Vec<(&Collection, &Review)> = library
        .reviews()
        // The same selection rules as `export`, so both commands pick the same reviews.
        .filter(|(_, r)| crate::export::selected(r, args.select.reviewer.as_deref(), grep.as_ref()))
        .filter(|(c, r)| !args.starred || state.review(&c.key, &r.id).starred)
        .filter(|(c, r)| {
            args.mentions
                .as_deref()
                .is_none_or(|a| mention_count(c, r, a).is_some_and(|n| n > 0))
        })
        .collect();
    query::sort(&mut rows, args.sort, args.reverse, |(_, r)| r);
    let rows: Vec<Row<'_>> = rows
        .into_iter()
        .map(|(c, r)| Row {
            id: library.qualified_id(c, r),
            title: &r.title,
            film: JsonFilm::from(&c.film),
            source: r.source.as_deref(),
            reviewer: r.reviewer.as_deref(),
            published: r.published,
            watched: r.watched,
            rewatch: r.rewatch,
            url: r.url.as_deref(),
            rating: r.rating,
            audience_rating: r.audience_rating,
            comments: r.comments.len(),
            hits: grep.as_ref().map(|g| g.hits(r)),
            mentions: args
                .mentions
                .as_deref()
                .and_then(|a| mention_count(c, r, a)),
        })
        .collect();
    if rows.is_empty() {
        eprintln!(
            "{}",
            select::nothing_selected(
                library,
                &args.select,
                args.mentions.as_deref(),
                args.starred
            )
        );
    }
    if args.json {
        match serde_json::to_string_pretty(&rows) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("reelread: {e}");
                return status::trouble();
            }
        }
        return status::found_if(!rows.is_empty());
    }
    let id_width = rows.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for row in &rows {
        println!(
            "{}  {}  {}",
            paint.paint(&format!("{:<id_width$}", row.id), paint::ID),
            row.title,
            paint.paint(&format!("[{}]", details(row).join(" · ")), paint::DIM)
        );
    }
    status::found_if(!rows.is_empty())
}

fn details(row: &Row<'_>) -> Vec<String> {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    // Only what is known, as the reader's list rows: no `unknown source · unknown reviewer`.
    let mut out: Vec<String> = [row.reviewer, row.source]
        .into_iter()
        .flatten()
        .map(str::to_owned)
        .chain(row.published.map(|d| d.to_string()))
        .collect();
    out.extend([
        match (row.rating, row.audience_rating) {
            (Some(r), _) => r.to_string(),
            (None, Some(a)) => format!("audience {a}"),
            (None, None) => "unrated".to_owned(),
        },
        plural(row.comments, "comment"),
    ]);
    out.extend(row.hits.map(|n| plural(n, "hit")));
    out.extend(row.mentions.map(|n| plural(n, "mention")));
    out
}
