//! `reelread follow URL`, `unfollow NAME` and `sources`: the followed sources, kept in
//! `sources.toml`, which a person may also edit by hand.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::status;
use crate::config::Config;
use crate::data::sanitize_line;
use crate::sources::fetch_state::{self, FetchState};
use crate::sources::http::{Client, Response, Validators};
use crate::sources::subscriptions::{self, FullText, Kind, Source};
use crate::sources::{feed, map, page};

use naming::{default_name, given_name, letterboxd_member, unique_name};

/// Options of `reelread follow`.
#[derive(Debug, clap::Args)]
pub struct FollowArgs {
    /// A feed (RSS or Atom) or a web page (a post, followed with its comment feed).
    url: String,
    /// What to call it (default: from the feed or page).
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// The film all its reviews are about, as "TITLE (YEAR)".
    #[arg(long, value_name = "TITLE (YEAR)")]
    film: Option<String>,
}

/// Options of `reelread sources`.
#[derive(Debug, clap::Args)]
pub struct SourcesArgs {
    /// Print a JSON array instead of a table.
    #[arg(long)]
    json: bool,
}

/// Reports `message` as this command's failure: exit 2.
fn fail(command: &str, message: &str) -> ExitCode {
    eprintln!("reelread {command}: {}", sanitize_line(message));
    status::trouble()
}

/// Reports that nothing had to change: exit 1.
fn unchanged(command: &str, message: &str) -> ExitCode {
    eprintln!("reelread {command}: {}", sanitize_line(message));
    status::nothing()
}

/// The sources file, or why there is none.
fn sources_path() -> Result<PathBuf, String> {
    subscriptions::default_path()
        .ok_or_else(|| "cannot find the config folder (is HOME set?)".to_owned())
}

/// The followed sources, reporting the file's problems on stderr.
pub(super) fn followed() -> Result<(PathBuf, Vec<Source>), String> {
    let path = sources_path()?;
    let loaded = subscriptions::load(&path);
    for d in &loaded.diagnostics {
        eprintln!("{d}");
    }
    Ok((path, loaded.sources))
}

/// `reelread follow`.
pub fn follow(args: &FollowArgs, config: &Config) -> ExitCode {
    if let Ok((_, sources)) = followed()
        && let Some(same) = sources.iter().find(|s| s.url == args.url.trim())
    {
        return unchanged(
            "follow",
            &format!(
                "already following {} as `{}`; nothing changed",
                same.url, same.name
            ),
        );
    }
    match try_follow(args, config) {
        Ok(message) => {
            // Each line sanitised on its own, so the lines and their indent stay.
            for line in message.lines() {
                let text = line.trim_start();
                let indent = &line[..line.len() - text.len()];
                println!("{indent}{}", sanitize_line(text));
            }
            status::found()
        }
        Err(message) => fail("follow", &message),
    }
}

fn try_follow(args: &FollowArgs, config: &Config) -> Result<String, String> {
    let url = args.url.trim().to_owned();
    subscriptions::check_url(&url)?;
    let film = args
        .film
        .as_deref()
        .map(subscriptions::parse_film)
        .transpose()?;
    let (path, sources) = followed()?;
    if let Some(same) = sources.iter().find(|s| s.url == url) {
        return Err(format!("already following {url} as `{}`", same.name));
    }
    // A name given is checked before anything is fetched.
    let given = args
        .name
        .as_deref()
        .map(|name| given_name(name, &sources))
        .transpose()?;
    let found = probe(&Client::new(&config.fetch), &url)?;
    let name =
        given.unwrap_or_else(|| unique_name(&default_name(&found.name, &found.url), &sources));
    let source = Source {
        name: name.clone(),
        url: found.url.clone(),
        film,
        kind: found.kind,
        full_text: FullText::Auto,
    };
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    crate::atomic::write(&path, subscriptions::with_source(&text, &source).as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(said(&name, &found))
}

/// What `follow` prints: what was found, then one line per URL, then what to do next.
fn said(name: &str, found: &Probe) -> String {
    let clean = |text: &str| sanitize_line(text);
    let is_page = matches!(found.kind, Kind::Page);
    let mut out = format!(
        "Following `{}` ({}): {}\n  url: {}\n",
        clean(name),
        if is_page { "a page" } else { "a feed" },
        clean(&found.summary),
        clean(&found.url)
    );
    if is_page {
        let comments = found
            .comments
            .as_deref()
            .map_or_else(|| "none found".to_owned(), clean);
        let _ = writeln!(out, "  comments: {comments}");
    }
    if let Some(page) = &found.linked_from {
        let _ = writeln!(out, "  linked from: {}", clean(page));
    }
    let brings = match (is_page, &found.comments) {
        (false, _) => "its reviews",
        (true, Some(_)) => "the review and its comments",
        (true, None) => "the review",
    };
    let _ = write!(
        out,
        "Run `reelread fetch` to bring {brings} into the library."
    );
    out
}

/// What one fetch of a URL found.
struct Probe {
    url: String,
    kind: Kind,
    name: String,
    /// `"TITLE", 3 items: 2 reviews` or `"TITLE" by REVIEWER`.
    summary: String,
    /// A page's comment feed, if it has one.
    comments: Option<String>,
    /// The page that linked to the feed followed, when a page was given.
    linked_from: Option<String>,
}

/// Fetches `url` once to tell a feed from a page and say what it holds.
fn probe(client: &Client, url: &str) -> Result<Probe, String> {
    let Response::Fetched(fetched) = client
        .get(url, &Validators::default())
        .map_err(|e| format!("{url}: {e}"))?
    else {
        return Err(format!("{url}: the server answered 304 to a plain request"));
    };
    if feed::looks_like_feed(&fetched.body) {
        let parsed = feed::parse(&fetched.body).map_err(|e| format!("{url}: {e}"))?;
        let mapped = map::entries(&parsed, &map::MapOptions::default());
        let title = parsed.title.clone().unwrap_or_else(|| url.to_owned());
        let mut summary = format!(
            "\"{title}\", {} item{}: {} review{}",
            parsed.items.len(),
            plural(parsed.items.len()),
            mapped.entries.len(),
            plural(mapped.entries.len())
        );
        if mapped.skipped > 0 {
            let _ = write!(summary, ", {} skipped (not reviews)", mapped.skipped);
        }
        return Ok(Probe {
            url: url.to_owned(),
            kind: Kind::Feed,
            // A Letterboxd member feed is titled `Letterboxd - USER`: the member names it.
            name: letterboxd_member(url).unwrap_or_else(|| {
                title
                    .strip_prefix("Letterboxd - ")
                    .unwrap_or(&title)
                    .to_owned()
            }),
            summary,
            comments: None,
            linked_from: None,
        });
    }
    let html = String::from_utf8_lossy(&fetched.body);
    let extracted = page::extract(&html, &fetched.url);
    let comment_feed = page::comment_feed(&html, &fetched.url);
    match extracted {
        Ok(page) => {
            let review = &page.entry.review;
            let mut summary = format!("\"{}\"", review.title);
            if let Some(by) = &review.reviewer {
                let _ = write!(summary, " by {by}");
            }
            Ok(Probe {
                url: url.to_owned(),
                kind: Kind::Page,
                name: review.title.clone(),
                summary,
                comments: comment_feed.or(page.comment_feed),
                linked_from: None,
            })
        }
        Err(reason) => match page::feed_link(&html, &fetched.url) {
            Some(feed_url) if feed_url != url => {
                let mut found = probe(client, &feed_url)?;
                found.linked_from = Some(url.to_owned());
                Ok(found)
            }
            _ => Err(format!("{url}: not a feed, and {reason}")),
        },
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `reelread unfollow`.
pub fn unfollow(name: &str) -> ExitCode {
    let result = (|| -> Result<Result<String, String>, String> {
        let path = sources_path()?;
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let Some(out) = subscriptions::without_source(&text, name.trim()) else {
            let names: Vec<String> = subscriptions::load(&path)
                .sources
                .into_iter()
                .map(|s| s.name)
                .collect();
            let close = super::suggest::closest(name.trim(), names.iter().map(String::as_str));
            return Ok(Err(format!(
                "no source named `{name}`: nothing changed.{} `reelread sources` lists them.",
                super::suggest::did_you_mean(&close)
            )));
        };
        crate::atomic::write(&path, out.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(Ok(format!(
            "Unfollowed `{}`; its reviews stay in the library.",
            name.trim()
        )))
    })();
    match result {
        Ok(Ok(message)) => {
            println!("{}", sanitize_line(&message));
            status::found()
        }
        Ok(Err(message)) => unchanged("unfollow", &message),
        Err(message) => fail("unfollow", &message),
    }
}

/// One row of `reelread sources --json`.
#[derive(Serialize)]
struct Row {
    name: String,
    url: String,
    kind: &'static str,
    last_fetch: Option<String>,
    status: Option<String>,
    reviews: usize,
}

/// The fetch state, or an empty one.
pub(super) fn state() -> (Option<PathBuf>, FetchState) {
    let path = fetch_state::default_path();
    let state = path.as_deref().map_or_else(FetchState::default, |p| {
        let (state, message) = fetch_state::load(p);
        if let Some(message) = message {
            eprintln!("reelread: {}", crate::data::sanitize_line(&message));
        }
        state
    });
    (path, state)
}

/// `reelread sources`.
pub fn list(args: &SourcesArgs) -> ExitCode {
    let (_, sources) = match followed() {
        Ok(found) => found,
        Err(message) => return fail("sources", &message),
    };
    let (_, state) = state();
    let rows = fetch_state::rows(&sources, &state);
    let empty = rows.is_empty();
    if args.json {
        let rows: Vec<Row> = rows
            .into_iter()
            .map(|r| Row {
                name: r.name,
                url: r.url,
                kind: r.kind,
                last_fetch: r.last_fetch,
                status: r.status,
                reviews: r.reviews,
            })
            .collect();
        match serde_json::to_string_pretty(&rows) {
            Ok(json) => println!("{json}"),
            Err(e) => return fail("sources", &e.to_string()),
        }
        return status::found_if(!empty);
    }
    if rows.is_empty() {
        println!("No sources followed yet. Add one with: reelread follow URL");
        return status::nothing();
    }
    for line in crate::action::source_table(&rows) {
        println!("{line}");
    }
    status::found()
}

mod naming;
#[cfg(test)]
mod tests;
