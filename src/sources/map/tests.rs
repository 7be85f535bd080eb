use super::{MapOptions, comments, entries};
use crate::data::{Date, Rating};
use crate::sources::feed::parse;
use crate::sources::html::tests::link_targets;
use crate::sources::{FilmRef, Mapped};

const LETTERBOXD: &[u8] = include_bytes!("../../../tests/fixtures/sources/letterboxd-member.xml");
const CRITIC: &[u8] = include_bytes!("../../../tests/fixtures/sources/critic-feed.xml");
const ATOM: &[u8] = include_bytes!("../../../tests/fixtures/sources/critic-atom.xml");
const EXCERPTS: &[u8] = include_bytes!("../../../tests/fixtures/sources/excerpt-feed.xml");
const COMMENTS: &[u8] = include_bytes!("../../../tests/fixtures/sources/wordpress-comments.xml");
const HOSTILE: &[u8] = include_bytes!("../../../tests/fixtures/sources/hostile-feed.xml");

fn map(bytes: &[u8], options: &MapOptions) -> Mapped {
    entries(&parse(bytes).expect("the fixture parses"), options)
}

fn date(year: u16, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

#[test]
fn letterboxd_reviews_are_kept_and_watches_and_lists_skipped() {
    let mapped = map(LETTERBOXD, &MapOptions::default());
    assert_eq!(mapped.entries.len(), 3);
    assert_eq!(mapped.skipped, 3, "two diary watches and one list");
    assert_eq!(mapped.title.as_deref(), Some("Letterboxd - Marisol Quint"));
    let keys: Vec<&str> = mapped.entries.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "letterboxd-review-701234567",
            "letterboxd-review-701234000",
            "letterboxd-review-700998877"
        ]
    );
}

#[test]
fn a_letterboxd_review_maps_every_field_it_states() {
    let mapped = map(LETTERBOXD, &MapOptions::default());
    let heat = &mapped.entries[0];
    assert_eq!(
        heat.film,
        Some(FilmRef {
            title: "Heat".into(),
            year: Some(1995)
        })
    );
    assert_eq!(heat.facts.tmdb_id, Some(949));
    let r = &heat.review;
    assert_eq!(r.title, "Marisol Quint on Heat");
    assert_eq!(r.reviewer.as_deref(), Some("Marisol Quint"));
    assert_eq!(r.source.as_deref(), Some("Letterboxd"));
    assert_eq!(
        r.rating,
        Some(Rating {
            score: 3.5,
            max: 5.0
        })
    );
    assert_eq!(r.published, Some(date(2025, 6, 15)));
    assert_eq!(r.watched, Some(date(2025, 6, 14)));
    assert!(r.rewatch);
    assert_eq!(
        r.url.as_deref(),
        Some("https://letterboxd.com/marisolq/film/heat-1995/")
    );
    assert!(!heat.excerpt_only && heat.comment_feed.is_none());
    // The poster paragraph is gone; the review's own words and links stay.
    assert!(
        r.body
            .starts_with("The diner scene still works because neither man *needs*"),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("[city at night](https://example.org/la-at-night)"),
        "{}",
        r.body
    );
    assert!(
        !r.body.contains("ltrbxd") && !r.body.contains("!["),
        "{}",
        r.body
    );
}

#[test]
fn an_unrated_spoiler_review_is_wrapped_whole_without_the_warning() {
    let mapped = map(LETTERBOXD, &MapOptions::default());
    let r = &mapped.entries[1].review;
    assert_eq!(r.rating, None, "no memberRating means unrated, not zero");
    assert!(!r.rewatch);
    assert_eq!(
        r.body,
        "||The flood sequence turns the staircase into the whole argument of the film.||"
    );
    assert_eq!(r.title, "Marisol Quint on Parasite");
}

#[test]
fn the_warning_sentence_alone_marks_a_spoiler() {
    let text = String::from_utf8_lossy(LETTERBOXD)
        .replace("Parasite, 2019 (contains spoilers)", "Parasite, 2019");
    let mapped = map(text.as_bytes(), &MapOptions::default());
    assert!(mapped.entries[1].review.body.starts_with("||The flood"));
    // And the suffix alone does too.
    let text = String::from_utf8_lossy(LETTERBOXD)
        .replace("<p><em>This review may contain spoilers.</em></p>", "");
    let mapped = map(text.as_bytes(), &MapOptions::default());
    assert!(mapped.entries[1].review.body.starts_with("||The flood"));
}

#[test]
fn double_escaped_film_titles_are_decoded() {
    let mapped = map(LETTERBOXD, &MapOptions::default());
    let entry = &mapped.entries[2];
    assert_eq!(
        entry.film.as_ref().map(|f| f.title.as_str()),
        Some("Don't Look Up")
    );
    assert_eq!(entry.review.title, "Marisol Quint on Don't Look Up");
    assert_eq!(
        entry.review.rating,
        Some(Rating {
            score: 2.0,
            max: 5.0
        })
    );
}

#[test]
fn without_a_reviewer_the_item_title_loses_its_stars() {
    let text =
        String::from_utf8_lossy(LETTERBOXD).replace("<dc:creator>Marisol Quint</dc:creator>", "");
    let mapped = map(text.as_bytes(), &MapOptions::default());
    let titles: Vec<&str> = mapped
        .entries
        .iter()
        .map(|e| e.review.title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["Heat, 1995", "Parasite, 2019", "Don't Look Up, 2021"]
    );
    assert_eq!(mapped.entries[0].review.reviewer, None);
}

#[test]
fn a_critic_s_post_takes_the_full_content() {
    let mapped = map(CRITIC, &MapOptions::default());
    assert_eq!(mapped.skipped, 0);
    let e = &mapped.entries[0];
    assert_eq!(e.key, "https://backrowledger.example/?p=4121");
    assert_eq!(e.film, None);
    let r = &e.review;
    assert_eq!(
        r.title,
        "Heat at thirty: the \u{201c}diner scene\u{201d} and everything around it"
    );
    assert_eq!(
        r.source.as_deref(),
        Some("The Back Row Ledger"),
        "the channel title"
    );
    assert_eq!(r.reviewer.as_deref(), Some("Teodor Vance"));
    assert_eq!(r.published, Some(date(2025, 6, 16)));
    assert_eq!(
        r.url.as_deref(),
        Some("https://backrowledger.example/2025/06/heat-at-thirty/")
    );
    assert_eq!(r.rating, None);
    assert!(
        r.body.contains("## Two professionals") && r.body.contains("**routine**"),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("![Two men at a diner table]()"),
        "{}",
        r.body
    );
    assert!(
        !r.body.contains("Share this") && !r.body.contains("tracking"),
        "{}",
        r.body
    );
    assert!(!e.excerpt_only);
    assert_eq!(
        e.comment_feed.as_deref(),
        Some("https://backrowledger.example/2025/06/heat-at-thirty/feed/")
    );
}

#[test]
fn the_followed_source_s_settings_name_the_film_and_source() {
    let options = MapOptions {
        film: Some(FilmRef {
            title: "Heat".into(),
            year: Some(1995),
        }),
        source: Some("Back Row".into()),
    };
    let mapped = map(CRITIC, &options);
    assert!(mapped.entries.iter().all(|e| e.film == options.film));
    assert!(
        mapped
            .entries
            .iter()
            .all(|e| e.review.source.as_deref() == Some("Back Row"))
    );
}

#[test]
fn atom_posts_map_like_rss_ones() {
    let mapped = map(ATOM, &MapOptions::default());
    let e = &mapped.entries[0];
    assert_eq!(e.key, "tag:framerate-notes.example,2025:post-301");
    assert_eq!(e.review.title, "Past Lives and the in-yun of it all");
    assert_eq!(e.review.source.as_deref(), Some("Frame Rate Notes"));
    assert!(
        e.review.body.contains("Celine Song\u{2019}s debut"),
        "{}",
        e.review.body
    );
    assert_eq!(
        e.comment_feed.as_deref(),
        Some("https://framerate-notes.example/feeds/301/comments/default")
    );
    assert_eq!(
        mapped.entries[1].review.reviewer.as_deref(),
        Some("Guest: Rafe Okonkwo")
    );
}

#[test]
fn teasers_are_marked_as_excerpts_without_their_read_more_link() {
    let mapped = map(EXCERPTS, &MapOptions::default());
    assert!(mapped.entries.iter().all(|e| e.excerpt_only));
    let first = &mapped.entries[0];
    assert_eq!(
        first.review.body,
        "Charlotte Wells builds her film out of what a child could not have seen at the time."
    );
    // Without a guid, the link is the key; without both, the title.
    assert_eq!(
        mapped.entries[1].key,
        "https://reelmargins.example/thief-modern/"
    );
    assert!(
        mapped.entries[2].review.body.ends_with("\\[…\\]"),
        "{}",
        mapped.entries[2].review.body
    );
    assert_eq!(mapped.entries[2].review.reviewer, None);
    // A full post is no excerpt.
    assert!(
        map(CRITIC, &MapOptions::default())
            .entries
            .iter()
            .all(|e| !e.excerpt_only)
    );
}

#[test]
fn a_comment_feed_becomes_comments_oldest_first() {
    let comments = comments(&parse(COMMENTS).expect("parses"));
    let authors: Vec<_> = comments
        .iter()
        .map(|c| c.author.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        authors,
        ["Hollis Treadway", "Osk Barrow", "Wendeline Marsh"]
    );
    assert_eq!(comments[0].posted, Some(date(2025, 6, 16)));
    assert_eq!(
        &*comments[2].text,
        "Third time through and the airport still gets me."
    );
    assert_eq!(
        &*comments[0].text,
        "Great piece. The coffee scene (https://backrowledger.example/2025/06/heat-at-thirty/) \
         write-up is spot on."
    );
    assert_eq!(
        &*comments[1].text,
        "Disagree on the bank sequence: it\u{2019}s the sound design, not the staging."
    );
    assert!(
        comments
            .iter()
            .all(|c| c.replies_to.is_none() && c.contact.is_none())
    );
}

#[test]
fn without_a_creator_the_commenter_comes_from_the_title() {
    let text = String::from_utf8_lossy(COMMENTS)
        .replace("<dc:creator><![CDATA[Osk Barrow]]></dc:creator>", "");
    let comments = comments(&parse(text.as_bytes()).expect("parses"));
    assert_eq!(comments[1].author.as_deref(), Some("Osk Barrow"));
}

#[test]
fn hostile_links_never_become_urls_or_link_targets() {
    let mapped = map(HOSTILE, &MapOptions::default());
    let e = &mapped.entries[0];
    assert_eq!(e.review.url, None);
    assert_eq!(e.comment_feed, None);
    assert_eq!(
        link_targets(&e.review.body),
        ["https://safe.example/ok", "mailto:critic@safe.example", ""],
        "{}",
        e.review.body
    );
    for text in [
        "first", "second", "third", "fourth", "fifth", "sixth", "relative", "poster",
    ] {
        assert!(e.review.body.contains(text), "{text}: {}", e.review.body);
    }
    // Escapes and bidi overrides pass through for the loader to sanitise.
    assert!(e.review.title.contains('\u{1b}') && e.review.title.contains('\u{202e}'));
    assert!(e.review.body.contains('\u{1b}'));
    assert!(
        mapped
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("javascript:"))
    );
    assert_eq!(
        e.key, "javascript:alert('guid')",
        "a key is an identifier, never followed"
    );
}

#[test]
fn a_megabyte_feed_maps() {
    let item = "<item><title>Review NUMBER</title><link>https://big.example/NUMBER</link>\
        <guid>big-NUMBER</guid><dc:creator>Critic NUMBER</dc:creator>\
        <pubDate>Mon, 16 Jun 2025 08:15:00 +0000</pubDate>\
        <content:encoded><![CDATA[<p>Paragraph of review text for item NUMBER, long enough to \
        weigh something: <em>the film</em>, the cast, the score, the ending, the light, \
        the <a href=\"https://big.example/\">site</a>.</p><blockquote><p>A quoted line from the film.</p></blockquote><p>Second paragraph.</p>]]></content:encoded></item>";
    let items: String = (0..2_200)
        .map(|i| item.replace("NUMBER", &i.to_string()))
        .collect();
    let doc = format!(
        "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Big</title>{items}</channel></rss>"
    );
    assert!(doc.len() > 1_000_000, "{}", doc.len());
    let mapped = map(doc.as_bytes(), &MapOptions::default());
    assert_eq!(mapped.entries.len(), 2_200);
    let last = &mapped.entries[2_199];
    assert_eq!(last.review.reviewer.as_deref(), Some("Critic 2199"));
    assert!(
        last.review.body.ends_with("Second paragraph."),
        "{}",
        last.review.body
    );
}
