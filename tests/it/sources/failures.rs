//! One fixture per failure, each asserting the line a person reads: a failing source is
//! named with its URL and reason, the others are saved, and `fetch` exits 1.

use std::time::Duration;

use loopback::{Reply, Server};

use super::{Home, serve_alice, summary, text};

/// A config with a short timeout and a small size cap, so failures come fast.
fn quick_config(home: &Home) -> String {
    let path = home.path().join("quick.toml");
    std::fs::write(&path, "[fetch]\ntimeout_secs = 1\nmax_bytes = 65536\n").expect("write");
    path.display().to_string()
}

/// Fetches with the quick config and returns (the failure lines, the summary).
fn fetch(home: &Home) -> (String, String, Option<i32>) {
    let config = quick_config(home);
    let out = home.run(&["fetch", "--config", &config]);
    (text(&out.stderr), summary(&out), out.status.code())
}

#[test]
fn a_failing_source_is_named_and_the_others_are_saved() {
    let server = Server::start();
    let good = serve_alice(&server, false);
    let gone = server.url("/gone/feed/");
    let home = Home::new();
    home.follow_raw(&[("alice", &good), ("gone", &gone)]);
    let (stderr, summary, code) = fetch(&home);
    assert_eq!(code, Some(2));
    assert_eq!(stderr.trim(), format!("gone: {gone}: HTTP 404 Not Found"));
    assert_eq!(
        summary,
        "2 sources · 2 new reviews · 0 updated · 0 new comments · 1 error · 1 skipped (not reviews)"
    );
    assert_eq!(home.listed().len(), 2);
}

#[test]
fn each_failure_says_what_happened() {
    let server = Server::start();
    server.route("/loop-a", Reply::redirect(302, "/loop-b"));
    server.route("/loop-b", Reply::redirect(302, "/loop-a"));
    server.route("/to-file", Reply::redirect(301, "file:///etc/passwd"));
    server.route("/hang", Reply::hang());
    server.route("/endless", Reply::endless());
    server.route(
        "/busy",
        Reply::ok("", "text/plain")
            .status(429)
            .header("Retry-After", "3600"),
    );
    server.route(
        "/broken.xml",
        Reply::ok(
            "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>x</title>\n<item><title>a</item></channel></rss>",
            "application/rss+xml",
        ),
    );
    let home = Home::new();
    let names = [
        ("loop", server.url("/loop-a")),
        ("to-file", server.url("/to-file")),
        ("hang", server.url("/hang")),
        ("endless", server.url("/endless")),
        ("busy", server.url("/busy")),
        ("broken", server.url("/broken.xml")),
    ];
    let refs: Vec<(&str, &str)> = names.iter().map(|(n, u)| (*n, u.as_str())).collect();
    home.follow_raw(&refs);
    let started = std::time::Instant::now();
    let (stderr, summary, code) = fetch(&home);
    assert!(started.elapsed() < Duration::from_secs(20), "bounded");
    assert_eq!(code, Some(2));
    assert!(
        summary.starts_with("6 sources · 0 new reviews"),
        "{summary}\n{stderr}"
    );
    assert!(summary.contains("· 6 errors"), "{summary}");
    let line = |name: &str| {
        stderr
            .lines()
            .find(|l| l.starts_with(&format!("{name}: ")))
            .unwrap_or_else(|| panic!("no line for {name} in {stderr}"))
            .to_owned()
    };
    assert!(line("loop").contains("redirect loop"), "{stderr}");
    assert!(
        line("to-file").contains("refused redirect to file:///etc/passwd"),
        "{stderr}"
    );
    assert!(line("hang").contains("timed out after 1 s"), "{stderr}");
    assert!(line("endless").contains("too large"), "{stderr}");
    assert!(line("busy").contains("HTTP 429"), "{stderr}");
    assert!(line("busy").contains("3600"), "{stderr}");
    assert!(
        line("broken").contains("malformed feed at line 3"),
        "{stderr}"
    );
    assert!(!home.library().join("unsorted").exists());
}

#[test]
fn a_404_at_follow_is_refused_and_nothing_is_followed() {
    let server = Server::start();
    let home = Home::new();
    let url = server.url("/nothing/");
    let out = home.run(&["follow", &url]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).trim(),
        format!("reelread follow: {url}: HTTP 404 Not Found")
    );
    assert!(!home.path().join("config/reelread/sources.toml").exists());
    let out = home.run(&["follow", "ftp://example.com/feed"]);
    assert!(text(&out.stderr).contains("must start with http:// or https://"));
}

#[test]
fn fetching_an_unknown_name_says_so() {
    let home = Home::new();
    home.follow_raw(&[("a", "https://a.example/feed")]);
    let out = home.run(&["fetch", "b"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no source named `b`; `reelread sources` lists them"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn an_entity_bomb_neither_hangs_nor_grows() {
    let server = Server::start();
    let bomb = include_str!("../../fixtures/sources/entity-bomb.xml")
        .replace("https://bomb.example/", &server.url("/"));
    server.route("/bomb.xml", Reply::ok(bomb, "application/rss+xml"));
    let home = Home::new();
    let dir = home.path().join("config/reelread");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let url = server.url("/bomb.xml");
    std::fs::write(
        dir.join("sources.toml"),
        format!("[[source]]\nname = \"bomb\"\nurl = \"{url}\"\nfull_text = \"never\"\n"),
    )
    .expect("write");
    let started = std::time::Instant::now();
    let (stderr, summary, _) = fetch(&home);
    assert!(started.elapsed() < Duration::from_secs(10), "bounded");
    assert!(summary.starts_with("1 source · "), "{summary}\n{stderr}");
    let mut total = 0;
    for entry in walk(&home.library()) {
        let text = std::fs::read_to_string(&entry).expect("read");
        assert!(
            !text.contains("lollol"),
            "an entity was expanded: {entry:?}"
        );
        total += text.len();
    }
    assert!(total < 16 * 1024, "the library grew to {total} bytes");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn a_comment_feed_that_failed_is_fetched_again_next_time() {
    use crate::support::feeds::comment_feed;
    let server = Server::start();
    let post = server.url("/2024/05/heat/");
    let comments = server.url("/2024/05/heat/feed/");
    let feed = format!(
        r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Reel Notes</title><link>{post}</link><description>d</description>
<item><title>Heat (1995), thirty years on</title><link>{post}</link><guid>{post}</guid>
<pubDate>Thu, 02 May 2024 09:30:00 +0000</pubDate><wfw:commentRss>{comments}</wfw:commentRss>
<content:encoded><![CDATA[<p>{long}</p>]]></content:encoded></item></channel></rss>"#,
        long = "A long review. ".repeat(60)
    );
    server.route(
        "/feed/",
        Reply::ok(feed, "application/rss+xml").etag("\"f1\""),
    );
    let home = Home::new();
    home.follow_raw(&[("notes", &server.url("/feed/"))]);
    let (stderr, summary, code) = fetch(&home);
    assert_eq!(code, Some(2), "{summary}");
    assert!(stderr.contains("comments feed"), "{stderr}");
    assert!(stderr.contains("HTTP 404 Not Found"), "{stderr}");
    server.route(
        "/2024/05/heat/feed/",
        Reply::ok(
            comment_feed(&post, &[("Sam", 3, "Agreed.")]),
            "application/rss+xml",
        ),
    );
    let (stderr, summary, code) = fetch(&home);
    assert_eq!(code, Some(0), "{summary}\n{stderr}");
    assert_eq!(
        summary,
        "1 source · 0 new reviews · 1 updated · 1 new comment · 0 errors"
    );
}
