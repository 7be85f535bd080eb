//! Following and fetching real sources, as a person does it from the shell: `follow`,
//! `sources`, `fetch`, `unfollow`, against a loopback server serving feeds and pages
//! written for these tests. Failures are in `sources/failures.rs`, hostile servers in
//! `sources/hostile.rs`, imports in `sources/import.rs`.

mod failures;
mod follow;
mod hostile;
mod import;
mod reader;

use std::path::{Path, PathBuf};
use std::process::Output;

use loopback::{Reply, Server};
use serde_json::Value;

use crate::support::cli::run_with_home;
use crate::support::feeds::{Lb, comment_feed, letterboxd, wordpress_post};

/// A home of its own (config, library, state) and what the binary printed.
pub struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        run_with_home(args, self.dir.path())
    }

    pub fn library(&self) -> PathBuf {
        self.dir.path().join("data/reelread/library")
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Follows sources by writing sources.toml directly (a server that fails cannot be
    /// followed with `follow`, which fetches once to validate).
    pub fn follow_raw(&self, sources: &[(&str, &str)]) {
        use std::fmt::Write as _;
        let dir = self.path().join("config/reelread");
        std::fs::create_dir_all(&dir).expect("mkdir");
        let mut text = String::new();
        for (name, url) in sources {
            let _ = write!(text, "[[source]]\nname = \"{name}\"\nurl = \"{url}\"\n\n");
        }
        std::fs::write(dir.join("sources.toml"), text).expect("write");
    }

    /// `reelread list --json` over the library.
    pub fn listed(&self) -> Vec<Value> {
        let out = self.run(&["list", "--json"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("json")
    }
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The last line of stdout: the summary.
pub fn summary(out: &Output) -> String {
    text(&out.stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .to_owned()
}

pub fn alice_feed(extra: bool) -> String {
    let mut items = vec![
        Lb {
            id: 101,
            film: "Heat",
            year: 1995,
            rating: Some(3.5),
            text: Some("<p>The diner scene is <i>everything</i>.</p>"),
        },
        Lb {
            id: 102,
            film: "Heat",
            year: 1995,
            rating: None,
            text: None,
        },
        Lb {
            id: 103,
            film: "Don&amp;#039;t Look Up",
            year: 2021,
            rating: Some(2.0),
            text: Some("<p>Loud, and it knows it.</p>"),
        },
    ];
    if extra {
        items.insert(
            0,
            Lb {
                id: 104,
                film: "Collateral",
                year: 2004,
                rating: Some(4.5),
                text: Some("<p>Los Angeles at night, never better.</p>"),
            },
        );
    }
    letterboxd("alice", &items)
}

pub fn serve_alice(server: &Server, extra: bool) -> String {
    server.route(
        "/alice/rss/",
        Reply::ok(alice_feed(extra), "application/rss+xml").etag(if extra {
            "\"v2\""
        } else {
            "\"v1\""
        }),
    );
    server.url("/alice/rss/")
}

/// A server with alice's feed and a home that follows it as `alice`.
pub fn following_alice() -> (Server, String, Home) {
    let server = Server::start();
    let url = serve_alice(&server, false);
    let home = Home::new();
    let out = home.run(&["follow", &url, "--name", "alice"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    (server, url, home)
}

fn reviews_on_disk(library: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for film in std::fs::read_dir(library).expect("library").flatten() {
        if let Ok(reviews) = std::fs::read_dir(film.path().join("reviews")) {
            out.extend(reviews.flatten().map(|e| e.path()));
        }
    }
    out.sort();
    out
}

#[test]
fn follow_a_letterboxd_feed_fetch_and_read_it() {
    let server = Server::start();
    let url = serve_alice(&server, false);
    let home = Home::new();

    let out = home.run(&["follow", &url]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.starts_with("Following `alice` (a feed): \"Letterboxd - alice\""),
        "{said}"
    );
    assert!(
        said.contains("3 items: 2 reviews, 1 skipped (not reviews)"),
        "{said}"
    );

    let out = home.run(&["sources", "--json"]);
    let listed: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(listed[0]["url"], url.as_str());
    assert_eq!(listed[0]["kind"], "feed");
    assert_eq!(listed[0]["status"], Value::Null);
    assert_eq!(listed[0]["reviews"], 0);

    let out = home.run(&["fetch"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        summary(&out),
        "1 source · 2 new reviews · 0 updated · 0 new comments · 0 errors · 1 skipped (not reviews)"
    );
    let reviews = home.listed();
    assert_eq!(reviews.len(), 2);
    let films: Vec<(&str, i64)> = reviews
        .iter()
        .map(|r| {
            (
                r["film"]["title"].as_str().expect("title"),
                r["film"]["year"].as_i64().expect("year"),
            )
        })
        .collect();
    assert!(films.contains(&("Heat", 1995)), "{films:?}");
    assert!(films.contains(&("Don't Look Up", 2021)), "{films:?}");
    assert!(reviews.iter().all(|r| r["reviewer"] == "alice"));
    let heat = reviews
        .iter()
        .find(|r| r["film"]["title"] == "Heat")
        .expect("heat");
    assert_eq!(heat["url"], "https://letterboxd.com/alice/film/f101/");
    let heat_film = std::fs::read_to_string(home.library().join("heat-1995/film.toml"))
        .expect("film.toml created");
    assert!(heat_film.contains("tmdb_id = 101"), "{heat_film}");

    let out = home.run(&["sources"]);
    let table = text(&out.stdout);
    assert!(table.contains("alice"), "{table}");
    assert!(table.contains(" ok "), "{table}");
}

#[test]
fn a_refetch_sends_validators_writes_nothing_and_never_duplicates() {
    let (server, _url, home) = following_alice();
    assert!(home.run(&["fetch"]).status.success());
    let files = reviews_on_disk(&home.library());
    let times: Vec<_> = files
        .iter()
        .map(|f| {
            std::fs::metadata(f)
                .and_then(|m| m.modified())
                .expect("mtime")
        })
        .collect();

    let out = home.run(&["fetch", "alice"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        summary(&out),
        "1 source · 0 new reviews · 0 updated · 0 new comments · 0 errors"
    );
    let last = server.requests().into_iter().last().expect("asked");
    assert_eq!(last.header("if-none-match"), Some("\"v1\""));
    let after: Vec<_> = files
        .iter()
        .map(|f| {
            std::fs::metadata(f)
                .and_then(|m| m.modified())
                .expect("mtime")
        })
        .collect();
    assert_eq!(
        times, after,
        "a fetch that changes nothing rewrites no file"
    );
    let out = home.run(&["sources", "--json"]);
    let listed: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(listed[0]["status"], "not modified");

    // The member reviews another film: one new review, the others untouched.
    serve_alice(&server, true);
    let out = home.run(&["fetch"]);
    assert_eq!(
        summary(&out),
        "1 source · 1 new review · 0 updated · 0 new comments · 0 errors · 1 skipped (not reviews)"
    );
    assert_eq!(reviews_on_disk(&home.library()).len(), 3);
    assert_eq!(home.listed().len(), 3);
}

#[test]
fn a_blog_post_is_followed_with_its_comments_and_new_comments_append() {
    let server = Server::start();
    let post = server.url("/2024/05/heat/");
    let comments = server.url("/2024/05/heat/feed/");
    server.route(
        "/2024/05/heat/",
        Reply::ok(wordpress_post(&post, &comments), "text/html; charset=utf-8"),
    );
    let two = [
        ("Sam", 3, "The diner scene! Agreed."),
        ("Priya", 4, "I saw it at a revival screening last year."),
    ];
    server.route(
        "/2024/05/heat/feed/",
        Reply::ok(comment_feed(&post, &two), "application/rss+xml"),
    );
    let home = Home::new();
    let out = home.run(&["follow", &post, "--name", "reel notes"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("(a page)"), "{said}");
    assert!(
        said.contains(&format!("\n  comments: {comments}\n")),
        "{said}"
    );

    let out = home.run(&["fetch"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        summary(&out),
        "1 source · 1 new review · 0 updated · 2 new comments · 0 errors"
    );
    let reviews = home.listed();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0]["film"]["title"], "Heat");
    assert_eq!(reviews[0]["reviewer"], "Jo Marlow");

    // A reader comments; the next fetch appends it to the same review.
    let mut three = two.to_vec();
    three.push(("Ken", 6, "Best shootout ever filmed."));
    server.route(
        "/2024/05/heat/feed/",
        Reply::ok(comment_feed(&post, &three), "application/rss+xml"),
    );
    let out = home.run(&["fetch"]);
    assert_eq!(
        summary(&out),
        "1 source · 0 new reviews · 1 updated · 1 new comment · 0 errors"
    );
    let out = home.run(&["show", reviews[0]["id"].as_str().expect("id")]);
    let shown = text(&out.stdout);
    assert!(shown.contains("Best shootout ever filmed."), "{shown}");
    assert!(
        !shown.contains("Share on Twitter"),
        "the article, not the page: {shown}"
    );
    assert!(!shown.contains("Popular posts"), "{shown}");
    assert_eq!(home.listed().len(), 1, "never a second review");
    let out = home.run(&["list", "--reviewer", "ken"]);
    assert_eq!(
        text(&out.stdout).lines().count(),
        1,
        "the commenter filters the post"
    );
}

#[test]
fn an_edited_review_is_kept_and_the_fetched_copy_written_beside_it() {
    let (server, _url, home) = following_alice();
    assert!(home.run(&["fetch"]).status.success());
    let file = reviews_on_disk(&home.library())
        .into_iter()
        .find(|p| p.starts_with(home.library().join("heat-1995")))
        .expect("heat review");
    let mine = std::fs::read_to_string(&file)
        .expect("read")
        .replace("everything", "everything, truly");
    std::fs::write(&file, &mine).expect("edit");
    server.route(
        "/alice/rss/",
        Reply::ok(
            alice_feed(false).replace("is <i>everything</i>", "is <i>all of it</i>"),
            "application/rss+xml",
        )
        .etag("\"v3\""),
    );
    let out = home.run(&["fetch"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        summary(&out).ends_with("· 1 edited file kept"),
        "{}",
        summary(&out)
    );
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), mine);
    let copy = file.with_file_name(format!(
        "{}.fetched.toml",
        file.file_stem().expect("stem").to_string_lossy()
    ));
    assert!(
        std::fs::read_to_string(&copy)
            .expect("copy beside it")
            .contains("all of it")
    );
    assert_eq!(home.listed().len(), 2, "the copy is not a second review");
}
