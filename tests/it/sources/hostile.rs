//! A hostile feed: escape sequences, C1 controls, bidi overrides and `javascript:` links in
//! every field. Nothing of it may reach the terminal as a control sequence, from any
//! command, and no `javascript:` link becomes a review's URL.

use loopback::{Reply, Server};

use super::{Home, text};

const EVIL: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}31m\u{202e}";

fn hostile_feed() -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Evil{EVIL} Reviews</title>
<link>javascript:alert(1)</link>
<description>x{EVIL}</description>
<item>
<title>Heat{EVIL} (1995) review</title>
<link>javascript:alert(document.cookie)</link>
<guid isPermaLink="false">evil-1{EVIL}</guid>
<dc:creator>Mallory{EVIL}</dc:creator>
<pubDate>Wed, 12 Jun 2024 10:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>Body{EVIL} with <a href="javascript:alert(2)">a link</a> and <a href="https://ok.example/">a good one</a>.</p>]]></content:encoded>
</item>
</channel>
</rss>
"#
    )
}

/// No ESC, no C1 control, no bidi override or isolate in `bytes`.
fn assert_inert(what: &str, bytes: &[u8]) {
    let s = String::from_utf8_lossy(bytes);
    for c in s.chars() {
        let bad = c == '\u{1b}'
            || c == '\u{7}'
            || ('\u{80}'..='\u{9f}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c);
        assert!(!bad, "{what} printed {c:?}: {s:?}");
    }
}

#[test]
fn nothing_from_a_hostile_feed_reaches_the_terminal() {
    let server = Server::start();
    server.route(
        "/evil.xml",
        Reply::ok(hostile_feed(), "application/rss+xml"),
    );
    let url = server.url("/evil.xml");
    let home = Home::new();
    let out = home.run(&["follow", &url]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_inert("follow", &out.stdout);
    assert_inert("follow (stderr)", &out.stderr);
    let out = home.run(&["fetch"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_inert("fetch", &out.stdout);
    assert_inert("fetch (stderr)", &out.stderr);
    for args in [
        &["sources"][..],
        &["sources", "--json"],
        &["list"],
        &["list", "--json"],
    ] {
        let out = home.run(args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        assert_inert(&format!("{args:?}"), &out.stdout);
        assert_inert(&format!("{args:?} (stderr)"), &out.stderr);
    }
    let listed = home.listed();
    assert_eq!(listed.len(), 1);
    assert!(
        listed[0]["url"].is_null(),
        "no javascript: URL: {}",
        listed[0]["url"]
    );
    let id = listed[0]["id"].as_str().expect("id").to_owned();
    let out = home.run(&["show", &id]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_inert("show", &out.stdout);
    let shown = text(&out.stdout);
    assert!(!shown.contains("javascript:"), "{shown}");
    assert!(shown.contains("a good one"), "{shown}");
    let out = home.run(&["export", "--format", "json"]);
    assert!(!text(&out.stdout).contains("javascript:"));
}
