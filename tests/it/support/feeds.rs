//! Feeds and pages written for the tests, modelled on the real formats (a Letterboxd
//! member feed, a `WordPress` post with its comment feed), with invented members and text;
//! built by functions so a test can "add an item" between two fetches.

use std::fmt::Write as _;

/// One Letterboxd item: a review when `text` is given, else a diary-only watch.
pub struct Lb<'a> {
    /// The item's number (`letterboxd-review-N` or `letterboxd-watch-N`).
    pub id: u32,
    /// The film, as the feed escapes it (`Don&amp;#039;t Look Up`).
    pub film: &'a str,
    /// Its year.
    pub year: i32,
    /// The member's rating out of 5, if any.
    pub rating: Option<f64>,
    /// The review's HTML, or `None` for a diary entry.
    pub text: Option<&'a str>,
}

/// A Letterboxd member feed for `member` with `items`.
pub fn letterboxd(member: &str, items: &[Lb<'_>]) -> String {
    let mut out = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:letterboxd="https://letterboxd.com" xmlns:tmdb="https://themoviedb.org">
<channel>
<title>Letterboxd - {member}</title>
<link>https://letterboxd.com/{member}/</link>
<description>Letterboxd - {member}</description>
"#
    );
    for item in items {
        let stars = item.rating.map_or(String::new(), |r| {
            let full = "★".repeat(r as usize);
            let half = if r.fract() > 0.0 { "½" } else { "" };
            format!(" - {full}{half}")
        });
        let (guid, body) = match item.text {
            Some(text) => (
                format!("letterboxd-review-{}", item.id),
                format!(
                    r#"<p><img src="https://a.ltrbxd.com/resized/film-poster/{}.jpg"/></p> {text}"#,
                    item.id
                ),
            ),
            None => (
                format!("letterboxd-watch-{}", item.id),
                format!(
                    r#"<p><img src="https://a.ltrbxd.com/resized/film-poster/{}.jpg"/></p> <p>Watched on Sunday June 9, 2024.</p>"#,
                    item.id
                ),
            ),
        };
        let rating = item.rating.map_or(String::new(), |r| {
            format!("<letterboxd:memberRating>{r:.1}</letterboxd:memberRating>\n")
        });
        let _ = write!(
            out,
            r#"<item>
<title>{film}, {year}{stars}</title>
<link>https://letterboxd.com/{member}/film/f{id}/</link>
<guid isPermaLink="false">{guid}</guid>
<pubDate>Wed, 12 Jun 2024 10:00:00 +1200</pubDate>
<letterboxd:watchedDate>2024-06-10</letterboxd:watchedDate>
<letterboxd:rewatch>No</letterboxd:rewatch>
<letterboxd:filmTitle>{film}</letterboxd:filmTitle>
<letterboxd:filmYear>{year}</letterboxd:filmYear>
{rating}<tmdb:movieId>{id}</tmdb:movieId>
<description><![CDATA[ {body} ]]></description>
<dc:creator>{member}</dc:creator>
</item>
"#,
            film = item.film,
            year = item.year,
            id = item.id,
        );
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

/// A `WordPress` post page about `film` whose comment feed is at `comments_url`.
pub fn wordpress_post(url: &str, comments_url: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Trackside, at last: a review of Heat &#8211; Reel Notes</title>
<link rel="canonical" href="{url}">
<link rel="alternate" type="application/rss+xml" title="Reel Notes &raquo; Feed" href="{url}../feed/">
<link rel="alternate" type="application/rss+xml" title="Reel Notes &raquo; Trackside, at last Comments Feed" href="{comments_url}">
<meta property="og:site_name" content="Reel Notes">
<meta property="og:title" content="Trackside, at last: a review of Heat">
<meta property="article:published_time" content="2024-05-02T09:30:00+00:00">
<meta name="author" content="Jo Marlow">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"Review","itemReviewed":{{"@type":"Movie","name":"Heat","dateCreated":"1995","director":{{"@type":"Person","name":"Michael Mann"}},"actor":[{{"@type":"Person","name":"Al Pacino"}},{{"@type":"Person","name":"Robert De Niro"}}]}},"author":{{"@type":"Person","name":"Jo Marlow"}},"datePublished":"2024-05-02","reviewRating":{{"@type":"Rating","ratingValue":"4","bestRating":"5"}},"publisher":{{"@type":"Organization","name":"Reel Notes"}}}}</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/about/">About</a> <a href="/archive/">Archive</a></nav></header>
<aside class="sidebar"><h3>Popular posts</h3><ul><li><a href="/x/">Ten best heist films</a></li></ul></aside>
<main><article class="post">
<h1 class="entry-title">Trackside, at last: a review of Heat</h1>
<p class="byline">By Jo Marlow · May 2, 2024</p>
<div class="entry-content">
<p>Thirty years on, <em>Heat</em> still plays like a city holding its breath. The diner scene is two actors listening to each other, and the film lets them.</p>
<p>The downtown shootout is the part everyone remembers, but the quiet before it is the part that earns it: long stretches of people working, waiting and lying to the ones they love.</p>
<blockquote><p>A film about professionals who cannot stop being professionals.</p></blockquote>
<p>Three hours has rarely passed so lightly. See it on the biggest screen you can find.</p>
</div>
<div class="share"><a href="https://twitter.com/share">Share on Twitter</a> <a href="https://facebook.com/share">Share on Facebook</a></div>
</article>
<section id="comments"><h2>2 thoughts on this post</h2>
<form id="commentform"><textarea name="comment"></textarea><button>Post Comment</button></form>
</section></main>
<footer><p>© Reel Notes</p></footer>
<script>console.log("tracking");</script>
</body></html>
"#
    )
}

/// A `WordPress` comment feed with `comments` as (author, day of May 2024, text), given
/// oldest first and listed newest first as `WordPress` does.
pub fn comment_feed(post_url: &str, comments: &[(&str, u32, &str)]) -> String {
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Comments on: Trackside, at last: a review of Heat</title>
<link>{post_url}</link>
<description>Film notes</description>
"#
    );
    for (i, (author, day, text)) in comments.iter().enumerate().rev() {
        let _ = write!(
            out,
            r#"<item>
<title>By: {author}</title>
<link>{post_url}#comment-{n}</link>
<dc:creator><![CDATA[{author}]]></dc:creator>
<pubDate>{weekday}, {day:02} May 2024 12:00:00 +0000</pubDate>
<guid isPermaLink="false">{post_url}#comment-{n}</guid>
<description><![CDATA[{text}]]></description>
<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded>
</item>
"#,
            n = 100 + i,
            weekday = ["Wed", "Thu", "Fri", "Sat", "Sun", "Mon", "Tue"][(*day as usize - 1) % 7],
        );
    }
    out.push_str("</channel>\n</rss>\n");
    out
}
