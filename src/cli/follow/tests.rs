use super::*;

fn source(name: &str) -> Source {
    Source {
        name: name.to_owned(),
        url: format!("https://{name}.example/feed"),
        film: None,
        kind: Kind::Feed,
        full_text: FullText::Auto,
    }
}

#[test]
fn an_empty_name_is_refused_as_empty() {
    assert_eq!(given_name("", &[]).unwrap_err(), "--name must not be empty");
    assert_eq!(
        given_name("   ", &[]).unwrap_err(),
        "--name must not be empty"
    );
    assert_eq!(
        given_name("a\u{1b}[2Jb", &[]).unwrap_err(),
        "--name must be a name without control characters"
    );
    assert!(
        given_name("alice", &[source("alice")])
            .unwrap_err()
            .contains("already followed")
    );
    assert_eq!(given_name(" reel notes ", &[]), Ok("reel notes".to_owned()));
}

#[test]
fn default_names_from_hostile_titles_can_be_typed() {
    let url = "https://hostile.example/feed";
    // The bidi override goes, and the 40-character cut takes `gnp.exe` off.
    assert_eq!(
        default_name(
            "javascript:alert('channel') \u{1b}[2J\u{1b}[HHostile \u{202e}gnp.exe\u{202c}",
            url
        ),
        "javascript alert('channel') 2J HHostile"
    );
    assert_eq!(default_name("Reel Notes", url), "Reel Notes");
    assert_eq!(default_name("Don\u{2019}t Look Up", url), "Don't Look Up");
    assert_eq!(
        default_name("Film & TV (reviews) — notes_1.0", url),
        "Film & TV (reviews) notes_1.0"
    );
    assert_eq!(
        default_name("  Caf\u{e9}\t\n  \u{6620}\u{753b}  ", url),
        "Caf\u{e9} \u{6620}\u{753b}"
    );
    let long = default_name(&"word ".repeat(20), url);
    assert_eq!(long.chars().count(), 39, "{long}");
    assert!(
        long.starts_with("word word") && long.ends_with("word"),
        "{long}"
    );
}

#[test]
fn a_title_with_nothing_typeable_names_the_host() {
    assert_eq!(
        default_name(
            "\u{1b}\u{202e} ||| <>",
            "https://user@blog.example:8443/feed?x"
        ),
        "blog.example"
    );
    assert_eq!(default_name("", "http://127.0.0.1:8080/rss/"), "127.0.0.1");
    assert_eq!(default_name("!!", "???"), "source");
}

#[test]
fn names_taken_get_a_number() {
    let sources = [source("alice"), source("alice (2)")];
    assert_eq!(unique_name("alice", &sources), "alice (3)");
    assert_eq!(unique_name("bob", &sources), "bob");
}

#[test]
fn follow_says_what_it_found_one_thing_a_line() {
    let feed = Probe {
        url: "http://127.0.0.1:9/alice/rss/".into(),
        kind: Kind::Feed,
        name: "alice".into(),
        summary: "\"Letterboxd - alice\", 3 items: 2 reviews, 1 skipped (not reviews)".into(),
        comments: None,
        linked_from: None,
    };
    assert_eq!(
        said("alice", &feed),
        "Following `alice` (a feed): \"Letterboxd - alice\", 3 items: 2 reviews, 1 skipped (not reviews)\n\
         \x20 url: http://127.0.0.1:9/alice/rss/\n\
         Run `reelread fetch` to bring its reviews into the library."
    );
    let via = Probe {
        linked_from: Some("https://blog.example/".into()),
        ..feed
    };
    let text = said("alice", &via);
    assert!(
        text.contains(
            "\n  url: http://127.0.0.1:9/alice/rss/\n  linked from: https://blog.example/\nRun"
        ),
        "{text}"
    );
    let page = Probe {
        url: "https://blog.example/heat/".into(),
        kind: Kind::Page,
        name: "Heat".into(),
        summary: "\"Heat\" by Sam \u{1b}[2J".into(),
        comments: Some("https://blog.example/heat/feed/".into()),
        linked_from: None,
    };
    assert_eq!(
        said("reel notes", &page),
        "Following `reel notes` (a page): \"Heat\" by Sam \u{241b}[2J\n\
         \x20 url: https://blog.example/heat/\n\
         \x20 comments: https://blog.example/heat/feed/\n\
         Run `reelread fetch` to bring the review and its comments into the library."
    );
    let bare = Probe {
        comments: None,
        ..page
    };
    let text = said("reel notes", &bare);
    assert!(text.contains("\n  comments: none found\n"), "{text}");
    assert!(
        text.ends_with("to bring the review into the library."),
        "{text}"
    );
}
