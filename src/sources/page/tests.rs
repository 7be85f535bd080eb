use super::{comment_feed, extract, feed_link};
use crate::data::{Date, Rating};
use crate::sources::FilmRef;
use crate::sources::html::tests::link_targets;

const POST: &str = include_str!("../../../tests/fixtures/sources/wordpress-post.html");
/// Where the fixture was "fetched" from: not the canonical URL, so the key must be.
const FETCHED: &str = "https://backrowledger.example/?p=4121&utm_source=feed";

#[test]
fn the_article_is_the_body_and_nothing_around_it() {
    let page = extract(POST, FETCHED).expect("an article");
    let body = &page.entry.review.body;
    assert!(
        body.contains("Michael Mann\u{2019}s crime epic turns thirty"),
        "{body}"
    );
    assert!(
        body.contains("## Two professionals") && body.contains("**routine**"),
        "{body}"
    );
    assert!(body.contains("> \u{201c}All I am"), "{body}");
    assert!(
        body.contains(
            "[our piece on Thief](https://backrowledger.example/2025/05/thief-revisited/)"
        ),
        "{body}"
    );
    for outside in [
        "All reviews",
        "About the ledger",
        "Share on Twitter",
        "Share this",
        "Recent Posts",
        "Leave a Reply",
        "Post Comment",
        "Your email address",
        "Search for",
        "Proudly powered",
        "Osk Barrow",
        "trackingQueue",
        "display:flex",
    ] {
        assert!(!body.contains(outside), "{outside:?} leaked into {body}");
    }
    assert!(
        link_targets(body).iter().all(|t| t.starts_with("https://")),
        "{body}"
    );
}

#[test]
fn json_ld_and_meta_tags_give_the_facts() {
    let entry = extract(POST, FETCHED).expect("an article").entry;
    assert_eq!(
        entry.key,
        "https://backrowledger.example/2025/06/heat-at-thirty/"
    );
    let r = &entry.review;
    assert_eq!(r.url.as_deref(), Some(entry.key.as_str()));
    assert_eq!(r.title, "Heat at thirty", "the Review's own name");
    assert_eq!(r.source.as_deref(), Some("The Back Row Ledger"));
    assert_eq!(r.reviewer.as_deref(), Some("Teodor Vance"));
    assert_eq!(
        r.published,
        Some(Date {
            year: 2025,
            month: 6,
            day: 16
        })
    );
    assert_eq!(
        r.rating,
        Some(Rating {
            score: 4.5,
            max: 5.0
        })
    );
    assert_eq!(
        entry.film,
        Some(FilmRef {
            title: "Heat".into(),
            year: Some(1995)
        })
    );
    assert_eq!(entry.facts.directors, ["Michael Mann"]);
    assert_eq!(
        entry.facts.cast,
        ["Al Pacino", "Robert De Niro", "Val Kilmer"]
    );
    assert_eq!(entry.facts.tmdb_id, Some(949));
    assert!(!entry.excerpt_only);
}

#[test]
fn without_a_review_block_the_post_and_meta_tags_answer() {
    let start = POST
        .find("<script type=\"application/ld+json\">\n[")
        .expect("the Review block");
    let end = start + POST[start..].find("</script>").expect("its end") + "</script>".len();
    let html = format!("{}{}", &POST[..start], &POST[end..]);
    let entry = extract(&html, FETCHED).expect("an article").entry;
    let r = &entry.review;
    assert_eq!(
        r.title,
        "Heat at thirty: the \u{201c}diner scene\u{201d} and everything around it"
    );
    assert_eq!(
        r.reviewer.as_deref(),
        Some("Teodor Vance"),
        "the Person the @id names"
    );
    assert_eq!(
        r.published,
        Some(Date {
            year: 2025,
            month: 6,
            day: 16
        })
    );
    assert_eq!((r.rating, entry.film), (None, None));
    // With no JSON-LD at all, the meta tags.
    let bare = html.replace("application/ld+json", "text/plain");
    let r = extract(&bare, FETCHED).expect("an article").entry.review;
    assert_eq!(r.reviewer.as_deref(), Some("Teodor Vance"));
    assert_eq!(r.source.as_deref(), Some("The Back Row Ledger"));
    assert_eq!(
        r.published,
        Some(Date {
            year: 2025,
            month: 6,
            day: 16
        })
    );
}

#[test]
fn the_post_s_comment_feed_is_found_not_the_site_s() {
    let expected = "https://backrowledger.example/2025/06/heat-at-thirty/feed/";
    assert_eq!(comment_feed(POST, FETCHED).as_deref(), Some(expected));
    let page = extract(POST, FETCHED).expect("an article");
    assert_eq!(page.comment_feed.as_deref(), Some(expected));
    assert_eq!(page.entry.comment_feed.as_deref(), Some(expected));
    assert_eq!(
        feed_link(POST, FETCHED).as_deref(),
        Some("https://backrowledger.example/feed/")
    );
}

#[test]
fn feed_links_resolve_against_the_base_and_skip_unsafe_ones() {
    let html = "<html><head><base href=\"https://other.example/blog/\">\
        <link rel=\"alternate\" type=\"application/rss+xml\" href=\"javascript:alert(1)\">\
        <link rel=\"Alternate\" type=\"application/atom+xml\" title=\"Posts\" href=\"atom.xml\">\
        </head><body><p>x</p></body></html>";
    assert_eq!(
        feed_link(html, "https://site.example/").as_deref(),
        Some("https://other.example/blog/atom.xml")
    );
    assert_eq!(comment_feed(html, "https://site.example/"), None);
}

#[test]
fn a_page_without_an_article_says_so() {
    for html in [
        "",
        "<html><body><nav><a href=\"/\">Home</a></nav></body></html>",
        "\u{0}\u{1b}<<<>>>",
    ] {
        assert_eq!(
            extract(html, FETCHED).expect_err("nothing to read"),
            "no readable article found on the page"
        );
    }
}

#[test]
fn hostile_nesting_and_bad_urls_do_not_break_extraction() {
    let deep = format!(
        "<html><body><article><p>{}</p>{}</article></body></html>",
        "A paragraph of real text that is long enough to count as an article. ".repeat(20),
        "<div>".repeat(100_000)
    );
    let page = extract(&deep, "not a url").expect("the paragraph is still there");
    assert!(page.entry.review.body.contains("A paragraph of real text"));
    assert_eq!(page.entry.review.url, None);
    let hostile = POST.replace(
        "https://backrowledger.example/2025/06/heat-at-thirty/\">\n<meta property=\"og:locale\"",
        "javascript:alert(1)\">\n<meta property=\"og:locale\"",
    );
    let entry = extract(&hostile, FETCHED).expect("an article").entry;
    assert_eq!(
        entry.key, FETCHED,
        "an unsafe canonical link is passed over"
    );
    assert_eq!(entry.review.url.as_deref(), Some(FETCHED));
}
