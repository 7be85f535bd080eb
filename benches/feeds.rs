//! What a fetch costs once the bytes are in: a 1 MB feed parsed and mapped to entries
//! (issue 11's target: ≤ 10 ms), and an HTML page's article extracted. Run with
//! `cargo bench --bench feeds`; figures go in docs/performance.md.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use reelread::sources::{feed, map};

/// A Letterboxd-style member feed of about `bytes` bytes: reviews with ratings, HTML
/// bodies and the namespaced fields, invented text.
fn feed_of(bytes: usize) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:letterboxd="https://letterboxd.com" xmlns:tmdb="https://themoviedb.org">
<channel><title>Letterboxd - bench</title><link>https://letterboxd.com/bench/</link><description>bench</description>
"#,
    );
    let mut i = 0;
    while out.len() < bytes {
        i += 1;
        let _ = write!(
            out,
            r#"<item><title>Film {i}, 2001 - ★★★½</title><link>https://letterboxd.com/bench/film/f{i}/</link>
<guid isPermaLink="false">letterboxd-review-{i}</guid><pubDate>Wed, 12 Jun 2024 10:00:00 +1200</pubDate>
<letterboxd:watchedDate>2024-06-10</letterboxd:watchedDate><letterboxd:rewatch>No</letterboxd:rewatch>
<letterboxd:filmTitle>Film {i}</letterboxd:filmTitle><letterboxd:filmYear>2001</letterboxd:filmYear>
<letterboxd:memberRating>3.5</letterboxd:memberRating><tmdb:movieId>{i}</tmdb:movieId>
<description><![CDATA[ <p><img src="https://a.ltrbxd.com/p/{i}.jpg"/></p> <p>The film holds its nerve for two hours, trusting its <i>actors</i> and its city.</p><p>The set pieces land because the quiet scenes before them are given room.</p> ]]></description>
<dc:creator>bench</dc:creator></item>
"#
        );
    }
    out.push_str("</channel></rss>\n");
    out
}

fn feeds(c: &mut Criterion) {
    let one_mb = feed_of(1 << 20);
    c.bench_function("parse a 1 MB Letterboxd feed", |b| {
        b.iter(|| feed::parse(black_box(one_mb.as_bytes())).expect("parses"));
    });
    let parsed = feed::parse(one_mb.as_bytes()).expect("parses");
    c.bench_function("map a parsed 1 MB Letterboxd feed", |b| {
        b.iter(|| map::entries(black_box(&parsed), &map::MapOptions::default()));
    });
    c.bench_function("parse + map a 1 MB Letterboxd feed", |b| {
        b.iter(|| {
            let parsed = feed::parse(black_box(one_mb.as_bytes())).expect("parses");
            black_box(map::entries(&parsed, &map::MapOptions::default()))
        });
    });
}

criterion_group!(benches, feeds);
criterion_main!(benches);
