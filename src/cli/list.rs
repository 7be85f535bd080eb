//! `reelread list`: one line per review, or JSON for scripts.

use std::process::ExitCode;

use serde::Serialize;

use crate::data::{Date, Library, Rating, same_name};

#[derive(Serialize)]
struct Row<'a> {
    id: String,
    title: &'a str,
    source: Option<&'a str>,
    reviewer: Option<&'a str>,
    published: Option<Date>,
    rating: Option<Rating>,
    comments: usize,
}

pub fn run(library: &Library, reviewer: Option<&str>, json: bool) -> ExitCode {
    let rows: Vec<Row<'_>> = library
        .reviews()
        .filter(|(_, r)| {
            reviewer.is_none_or(|n| {
                same_name(r.reviewer.as_deref(), n)
                    || r.comments.iter().any(|c| same_name(c.author.as_deref(), n))
            })
        })
        .map(|(c, r)| Row {
            id: library.qualified_id(c, r),
            title: &r.title,
            source: r.source.as_deref(),
            reviewer: r.reviewer.as_deref(),
            published: r.published,
            rating: r.rating,
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
            let rating = row
                .rating
                .map_or_else(|| "not rated".to_owned(), |r| r.to_string());
            println!(
                "{:<id_width$}  {}  [{} · {} · {} · {rating} · {} comments]",
                row.id,
                row.title,
                row.source.unwrap_or("unknown source"),
                row.reviewer.unwrap_or("unknown reviewer"),
                row.published
                    .map_or_else(|| "date unknown".to_owned(), |d| d.to_string()),
                row.comments,
            );
        }
        if let (true, Some(name)) = (rows.is_empty(), reviewer) {
            eprintln!("No review by or commented on by {name}.");
        }
    }
    ExitCode::SUCCESS
}
