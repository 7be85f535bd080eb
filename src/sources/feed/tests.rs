use super::{Feed, looks_like_feed, parse, parse_date};
use crate::data::Date;

const LETTERBOXD: &[u8] = include_bytes!("../../../tests/fixtures/sources/letterboxd-member.xml");
const CRITIC: &[u8] = include_bytes!("../../../tests/fixtures/sources/critic-feed.xml");
const ATOM: &[u8] = include_bytes!("../../../tests/fixtures/sources/critic-atom.xml");
const BOMB: &[u8] = include_bytes!("../../../tests/fixtures/sources/entity-bomb.xml");
const HOSTILE: &[u8] = include_bytes!("../../../tests/fixtures/sources/hostile-feed.xml");

fn date(year: u16, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

fn feed(bytes: &[u8]) -> Feed {
    parse(bytes).expect("the fixture parses")
}

#[test]
fn letterboxd_fields_are_kept_under_their_namespace_prefix() {
    let feed = feed(LETTERBOXD);
    assert_eq!(feed.title.as_deref(), Some("Letterboxd - Marisol Quint"));
    assert_eq!(feed.items.len(), 6);
    let heat = &feed.items[0];
    assert_eq!(heat.guid.as_deref(), Some("letterboxd-review-701234567"));
    assert_eq!(heat.title.as_deref(), Some("Heat, 1995 - ★★★½"));
    assert_eq!(heat.authors, ["Marisol Quint"]);
    // The date as stated in its own offset (+1200), not converted to UTC.
    assert_eq!(heat.published, Some(date(2025, 6, 15)));
    assert_eq!(heat.ext["letterboxd:filmTitle"], "Heat");
    assert_eq!(heat.ext["letterboxd:memberRating"], "3.5");
    assert_eq!(heat.ext["tmdb:movieId"], "949");
    assert!(
        heat.summary_html
            .as_deref()
            .is_some_and(|d| d.contains("diner scene"))
    );
    // The feed double-escapes: one level of entities is left for the mapper.
    assert_eq!(
        feed.items[2].ext["letterboxd:filmTitle"],
        "Don&#039;t Look Up"
    );
}

#[test]
fn a_namespace_is_known_by_its_uri_not_the_prefix_the_document_chose() {
    let renamed = String::from_utf8_lossy(LETTERBOXD)
        .replace("xmlns:letterboxd=", "xmlns:lb=")
        .replace("<letterboxd:", "<lb:")
        .replace("</letterboxd:", "</lb:");
    let feed = feed(renamed.as_bytes());
    assert_eq!(feed.items[0].ext["letterboxd:filmYear"], "1995");
}

#[test]
fn rss_content_description_creator_and_comment_feed() {
    let feed = feed(CRITIC);
    assert_eq!(feed.title.as_deref(), Some("The Back Row Ledger"));
    assert_eq!(feed.link.as_deref(), Some("https://backrowledger.example"));
    let item = &feed.items[0];
    assert_eq!(
        item.guid.as_deref(),
        Some("https://backrowledger.example/?p=4121")
    );
    assert_eq!(
        item.title.as_deref(),
        Some("Heat at thirty: the \u{201c}diner scene\u{201d} and everything around it")
    );
    assert_eq!(item.authors, ["Teodor Vance"]);
    assert_eq!(item.published, Some(date(2025, 6, 16)));
    assert!(
        item.content_html
            .as_deref()
            .is_some_and(|c| c.contains("<h2>Two professionals"))
    );
    assert!(
        item.summary_html
            .as_deref()
            .is_some_and(|s| s.ends_with("[&#8230;]"))
    );
    assert_eq!(
        item.comment_rss.as_deref(),
        Some("https://backrowledger.example/2025/06/heat-at-thirty/feed/")
    );
}

#[test]
fn atom_entries_map_title_links_authors_dates_and_content() {
    let feed = feed(ATOM);
    assert_eq!(feed.title.as_deref(), Some("Frame Rate Notes"));
    assert_eq!(
        feed.link.as_deref(),
        Some("https://framerate-notes.example/")
    );
    let first = &feed.items[0];
    assert_eq!(
        first.guid.as_deref(),
        Some("tag:framerate-notes.example,2025:post-301")
    );
    // An HTML title is read as text.
    assert_eq!(
        first.title.as_deref(),
        Some("Past Lives and the in-yun of it all")
    );
    assert_eq!(
        first.link.as_deref(),
        Some("https://framerate-notes.example/2025/06/past-lives.html")
    );
    assert_eq!(
        first.published,
        Some(date(2025, 6, 14)),
        "published wins over updated"
    );
    assert_eq!(first.authors, ["Ines Halvorsen"]);
    assert!(
        first
            .content_html
            .as_deref()
            .is_some_and(|c| c.contains("<strong>three</strong>"))
    );
    assert_eq!(
        first.summary_html.as_deref(),
        Some("<p>A film about the people we might have been.</p>")
    );
    assert_eq!(
        first.comment_rss.as_deref(),
        Some("https://framerate-notes.example/feeds/301/comments/default")
    );
    let second = &feed.items[1];
    assert_eq!(
        second.published,
        Some(date(2025, 6, 10)),
        "updated when nothing was published"
    );
    assert!(
        second
            .content_html
            .as_deref()
            .is_some_and(|c| c.contains("<em>industrial</em>"))
    );
    assert_eq!(second.comment_rss, None);
}

#[test]
fn atom_entries_without_authors_take_the_feeds() {
    let text = String::from_utf8_lossy(ATOM).replace(
        "<author><name>Ines Halvorsen</name><uri>https://framerate-notes.example/about</uri></author>",
        "",
    );
    assert_eq!(feed(text.as_bytes()).items[0].authors, ["Ines Halvorsen"]);
}

#[test]
fn the_billion_laughs_is_read_quickly_and_its_entities_stay_unexpanded() {
    // quick-xml reports the DOCTYPE as one event and never expands DTD entities; the
    // parsers keep an unknown reference as its literal text.
    let feed = feed(BOMB);
    assert_eq!(feed.title.as_deref(), Some("&lol9;"));
    let item = &feed.items[0];
    assert_eq!(item.title.as_deref(), Some("Laughs &lol9;"));
    assert_eq!(item.guid.as_deref(), Some("&lol9;"));
    assert_eq!(item.summary_html.as_deref(), Some("&lol9;"));
    assert!(!format!("{feed:?}").contains("lollol"));
}

#[test]
fn hostile_text_passes_through_for_the_loader_to_sanitise() {
    let feed = feed(HOSTILE);
    let item = &feed.items[0];
    let title = item.title.as_deref().expect("a title");
    assert!(title.contains('\u{1b}') && title.contains('\u{202e}') && title.contains('\u{9b}'));
    assert_eq!(item.link.as_deref(), Some("javascript:alert('link')"));
}

#[test]
fn malformed_xml_is_located() {
    let bad = b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n  <title>x</titl>\n</channel></rss>";
    let message = parse(bad).expect_err("mismatched tags").to_string();
    assert!(
        message.starts_with("malformed feed at line 3, column "),
        "{message}"
    );
    assert!(message.contains("titl"), "{message}");
    let truncated = &CRITIC[..CRITIC.len() / 2];
    let message = parse(truncated).expect_err("cut short").to_string();
    assert!(message.starts_with("malformed feed at line "), "{message}");
}

#[test]
fn other_documents_are_not_feeds() {
    for bytes in [
        &b""[..],
        b"<!doctype html><html><body>hi</body></html>",
        b"{\"json\": true}",
        b"\xff\xfe\x00garbage",
    ] {
        let error = parse(bytes).expect_err("not a feed");
        assert!(error.is_not_a_feed(), "{bytes:?}");
        assert_eq!(error.to_string(), "not an RSS or Atom feed");
    }
}

#[test]
fn hostile_nesting_is_refused_before_the_recursive_parsers_see_it() {
    let deep = format!(
        "<rss version=\"2.0\" xmlns:x=\"urn:x\"><channel><item>{}{}</item></channel></rss>",
        "<x:a>".repeat(100_000),
        "</x:a>".repeat(100_000)
    );
    let message = parse(deep.as_bytes()).expect_err("too deep").to_string();
    assert!(
        message.contains("nested deeper than 256 levels"),
        "{message}"
    );
}

#[test]
fn the_sniff_skips_prolog_comments_and_doctype() {
    assert!(looks_like_feed(LETTERBOXD));
    assert!(looks_like_feed(ATOM));
    assert!(looks_like_feed(BOMB));
    assert!(looks_like_feed(
        b"\xEF\xBB\xBF<!-- hi --><?xml-stylesheet href=\"a\"?>\n<rdf:RDF xmlns:rdf=\"x\">"
    ));
    assert!(!looks_like_feed(
        b"<!DOCTYPE html><html><head></head></html>"
    ));
    assert!(!looks_like_feed(b"<rssfeed>"));
    assert!(!looks_like_feed(b"<!-- never closed <rss>"));
}

#[test]
fn dates_in_the_forms_feeds_write() {
    assert_eq!(
        parse_date("Sun, 15 Jun 2025 21:04:11 +1200"),
        Some(date(2025, 6, 15))
    );
    assert_eq!(
        parse_date("Mon, 15 Jun 2025 21:04:11 GMT"),
        Some(date(2025, 6, 15)),
        "wrong weekday"
    );
    assert_eq!(
        parse_date("15 Jun 2025 01:00:00 EST"),
        Some(date(2025, 6, 15))
    );
    assert_eq!(
        parse_date("2025-06-14T23:30:00+02:00"),
        Some(date(2025, 6, 14))
    );
    assert_eq!(parse_date("2025-06-14"), Some(date(2025, 6, 14)));
    assert_eq!(parse_date("2025-02-30"), None);
    assert_eq!(parse_date("yesterday"), None);
}

#[test]
fn a_megabyte_feed_parses() {
    let item = "<item><title>Review NUMBER</title><link>https://big.example/NUMBER</link>\
        <guid>big-NUMBER</guid><pubDate>Mon, 16 Jun 2025 08:15:00 +0000</pubDate>\
        <description><![CDATA[<p>Paragraph of review text for item NUMBER, long enough to \
        weigh something: the film, the cast, the score, the ending, the light.</p>]]></description></item>";
    let items: String = (0..2_000)
        .map(|i| item.replace("NUMBER", &i.to_string()))
        .collect();
    let doc =
        format!("<rss version=\"2.0\"><channel><title>Big</title>{items}{items}</channel></rss>");
    assert!(doc.len() > 1_000_000);
    let feed = feed(doc.as_bytes());
    assert_eq!(feed.items.len(), 4_000);
    assert_eq!(feed.items[1_999].guid.as_deref(), Some("big-1999"));
}
