use super::*;

const TWO: &str = "# mine\n\n[[source]]\nname = \"alice\"\nurl = \"https://letterboxd.com/alice/rss/\"\n\n[[source]]\nname = \"blog\"\nurl = \"http://blog.example/post/\"\nfilm = \"Heat (1995)\"\nkind = \"page\"\n";

#[test]
fn reads_sources_in_order_with_film_and_kind() {
    let loaded = parse("sources.toml", TWO);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let names: Vec<&str> = loaded.sources.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["alice", "blog"]);
    assert_eq!(loaded.sources[1].kind, Kind::Page);
    assert_eq!(
        loaded.sources[1].film,
        Some(FilmRef {
            title: "Heat".into(),
            year: Some(1995)
        })
    );
}

#[test]
fn a_bad_entry_costs_only_itself_and_is_located() {
    let text = "[[source]]\nname = \"a\"\nurl = \"ftp://x/\"\n\n[[source]]\nname = \"b\"\nurl = \"https://b.example/\"\ncolour = 1\n\n[[source]]\nname = \"c\"\nurl = \"https://c.example/\"\n\n[[source]]\nname = \"c\"\nurl = \"https://d.example/\"\n";
    let loaded = parse("s.toml", text);
    let names: Vec<&str> = loaded.sources.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["c"]);
    let shown: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 3, "{shown:?}");
    assert!(
        shown[0].starts_with("s.toml:1:1:") && shown[0].contains("http://"),
        "{shown:?}"
    );
    assert!(shown[1].contains("colour"), "{shown:?}");
    assert!(shown[2].contains("comes earlier"), "{shown:?}");
}

#[test]
fn unfollow_removes_one_block_and_keeps_the_rest() {
    let out = without_source(TWO, "alice").expect("found");
    assert!(out.starts_with("# mine\n"), "{out}");
    assert!(!out.contains("alice"), "{out}");
    let loaded = parse("s", &out);
    assert_eq!(loaded.sources.len(), 1);
    assert_eq!(loaded.sources[0].name, "blog");
    assert!(without_source(TWO, "nobody").is_none());
    let last = without_source(TWO, "blog").expect("found");
    assert_eq!(parse("s", &last).sources[0].name, "alice");
}

#[test]
fn follow_appends_a_block_that_reads_back() {
    let source = Source {
        name: "Jo \"the critic\"".into(),
        url: "https://critic.example/feed/".into(),
        film: Some(FilmRef {
            title: "Don't Look Up".into(),
            year: Some(2021),
        }),
        kind: Kind::Feed,
        full_text: FullText::Auto,
    };
    let text = with_source("", &source);
    let text = with_source(
        &text,
        &Source {
            name: "second".into(),
            ..source.clone()
        },
    );
    let loaded = parse("s", &text);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.sources[0], source);
    assert_eq!(loaded.sources.len(), 2);
}

#[test]
fn films_are_a_title_and_a_year() {
    let heat = parse_film(" Heat (1995) ").expect("ok");
    assert_eq!((heat.title.as_str(), heat.year), ("Heat", Some(1995)));
    let cut = parse_film("Alien (Director's Cut) (1979)").expect("ok");
    assert_eq!(cut.title, "Alien (Director's Cut)");
    for wrong in [
        "  ",
        "Heat",
        "Heat (95)",
        "(1995)",
        " (1995)",
        "Heat (1995",
        "Heat (3000)",
    ] {
        let e = parse_film(wrong).expect_err(wrong);
        assert!(
            e.starts_with("film must be written \"TITLE (YEAR)\""),
            "{e}"
        );
    }
}
