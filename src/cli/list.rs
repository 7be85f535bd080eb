//! `reelread list`: one line per review, or JSON for scripts.

use std::process::ExitCode;

use serde::Serialize;

use crate::data::{AudienceRating, Date, Library, Rating};

#[derive(Serialize)]
struct Row<'a> {
    id: String,
    title: &'a str,
    source: Option<&'a str>,
    reviewer: Option<&'a str>,
    published: Option<Date>,
    rating: Option<Rating>,
    audience_rating: Option<AudienceRating>,
    comments: usize,
}

/// True when `name` contains `query`, ignoring case: the picker's narrowing rule.
fn name_matches(name: Option<&str>, query: &str) -> bool {
    name.is_some_and(|n| n.to_lowercase().contains(&query.trim().to_lowercase()))
}

pub fn run(library: &Library, reviewer: Option<&str>, json: bool) -> ExitCode {
    let rows: Vec<Row<'_>> = library
        .reviews()
        .filter(|(_, r)| {
            reviewer.is_none_or(|q| {
                name_matches(r.reviewer.as_deref(), q)
                    || r.comments
                        .iter()
                        .any(|c| name_matches(c.author.as_deref(), q))
            })
        })
        .map(|(c, r)| Row {
            id: library.qualified_id(c, r),
            title: &r.title,
            source: r.source.as_deref(),
            reviewer: r.reviewer.as_deref(),
            published: r.published,
            rating: r.rating,
            audience_rating: r.audience_rating,
            comments: r.comments.len(),
        })
        .collect();
    if json {
        match serde_json::to_string_pretty(&rows) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("reelread: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        let id_width = rows.iter().map(|r| r.id.len()).max().unwrap_or(0);
        for row in &rows {
            let rating = match (row.rating, row.audience_rating) {
                (Some(r), _) => r.to_string(),
                (None, Some(a)) => format!("audience {a}"),
                (None, None) => "unrated".to_owned(),
            };
            let comments = match row.comments {
                1 => "1 comment".to_owned(),
                n => format!("{n} comments"),
            };
            println!(
                "{:<id_width$}  {}  [{} · {} · {} · {rating} · {comments}]",
                row.id,
                row.title,
                row.source.unwrap_or("unknown source"),
                row.reviewer.unwrap_or("unknown reviewer"),
                row.published
                    .map_or_else(|| "date unknown".to_owned(), |d| d.to_string()),
            );
        }
        if let (true, Some(name)) = (rows.is_empty(), reviewer) {
            eprintln!("No review by or commented on by {name}.");
        }
    }
    ExitCode::SUCCESS
}
