//! `R` and `S` in the reader, in a real pseudo-terminal: a fetch in the background fills an
//! empty library (the reader moves from the bundled collection to it), a second `R` after
//! the server adds an item and a comment brings them in, and `S` shows every source.

use loopback::{Reply, Server};

use super::{Home, serve_alice};
use crate::support::feeds::{comment_feed, wordpress_post};
use crate::support::pty::Pty;

#[test]
fn r_fetches_in_the_background_and_s_shows_the_sources() {
    let server = Server::start();
    let alice = serve_alice(&server, false);
    let post = server.url("/2024/05/heat/");
    let comments = server.url("/2024/05/heat/feed/");
    server.route(
        "/2024/05/heat/",
        Reply::ok(wordpress_post(&post, &comments), "text/html"),
    );
    let one = [("Sam", 3, "The diner scene! Agreed.")];
    server.route(
        "/2024/05/heat/feed/",
        Reply::ok(comment_feed(&post, &one), "application/rss+xml"),
    );
    let home = Home::new();
    let gone = server.url("/gone/");
    home.follow_raw(&[("alice", &alice), ("reel notes", &post), ("gone", &gone)]);
    let root = home.path().to_path_buf();
    let mut app = Pty::spawn_with(env!("CARGO_BIN_EXE_reelread"), &[], 120, 40, |cmd| {
        cmd.env("HOME", &root);
        cmd.env("XDG_CONFIG_HOME", root.join("config"));
        cmd.env("XDG_DATA_HOME", root.join("data"));
        cmd.env("XDG_STATE_HOME", root.join("state"));
    });
    app.wait_for("the bundled collection", |s| s.pane("Reviews 5").is_some());
    app.send("R");
    // The summary, its error named, stays in the footer while the library reloads.
    let summary = "Fetched: 3 sources · 3 new reviews · 0 updated · 1 new comment · 1 error";
    app.wait_for("the fetch's summary over the library", |s| {
        s.contains(summary) && s.pane("Reviews 3").is_some()
    });

    // The server adds a review and a comment; R brings both in, as unread and "1 new".
    serve_alice(&server, true);
    let two = [one[0], ("Ken", 6, "Best shootout ever filmed.")];
    server.route(
        "/2024/05/heat/feed/",
        Reply::ok(comment_feed(&post, &two), "application/rss+xml"),
    );
    app.send("R");
    app.wait_for("the second summary", |s| {
        s.contains("Fetched: 3 sources · 1 new review · 1 updated · 1 new comment")
    });
    app.wait_for("the new review in the list", |s| {
        s.pane("Reviews 4").is_some()
    });

    app.send("S");
    let popup = app.wait_for("the sources popup", |s| s.contains("Sources · R fetches"));
    let text = popup.text();
    assert!(text.contains("alice"), "{text}");
    assert!(text.contains("reel notes"), "{text}");
    assert!(text.contains(" ok"), "{text}");
    assert!(text.contains("HTTP 404 Not Found"), "{text}");
    app.send("\x1b");
    app.wait_for("the popup closed", |s| !s.contains("Sources · R fetches"));
    app.send("q");
    assert!(app.wait_exit().success());
}

/// A reload in the middle of a fetch (its own writes) keeps the fetch: the header still
/// counts, and `R` does not start a second one.
#[test]
fn a_reload_during_a_fetch_keeps_it() {
    use reelread::action::{Action, Command, FetchProgress};
    use reelread::app::{App, Effect, update};
    let mut app = App::new(reelread::data::bundled_library());
    update(&mut app, Action::Resize(120, 40));
    assert_eq!(update(&mut app, Command::Fetch), [Effect::Fetch]);
    update(
        &mut app,
        Action::Fetch(FetchProgress::Running { done: 1, total: 3 }),
    );
    update(
        &mut app,
        Action::Reloaded(Box::new(reelread::data::bundled_library())),
    );
    assert_eq!(app.fetching(), Some((1, 3)));
    assert!(
        update(&mut app, Command::Fetch).is_empty(),
        "no second fetch"
    );
    update(
        &mut app,
        Action::Fetch(FetchProgress::Done {
            summary: "1 source".into(),
            rows: Vec::new(),
        }),
    );
    update(
        &mut app,
        Action::Reloaded(Box::new(reelread::data::bundled_library())),
    );
    assert_eq!(app.fetching(), None);
    assert_eq!(app.status(), Some("Fetched: 1 source"));
}
