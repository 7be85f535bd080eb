use super::MAX_NESTING;
use crate::data::{parse_film, parse_review};

fn error(text: &str) -> String {
    parse_review("r.toml", "r", text.as_bytes())
        .expect_err("fails")
        .to_string()
}

#[test]
fn type_errors_speak_toml_not_rust() {
    let error = parse_review(
        "r.toml",
        "r",
        b"title = \"t\"\nbody = \"b\"\nread_minutes = -3\n",
    )
    .expect_err("negative minutes");
    assert!(
        error.message.contains("expected a whole number, 0 or more"),
        "{error}"
    );
}

#[test]
fn nesting_is_refused_before_the_parser_recurses() {
    let deep = |open: &str, close: &str, n: usize| {
        format!(
            "title = \"t\"\nbody = \"b\"\nx = {}1{}\n",
            open.repeat(n),
            close.repeat(n)
        )
    };
    let message = format!("nesting deeper than {MAX_NESTING} levels");
    // The 65th bracket, after `x = ` and 64 others.
    assert_eq!(
        error(&deep("[", "]", 100_000)),
        format!("r.toml:3:69: error: {message}")
    );
    assert_eq!(
        error(&deep("{a=", "}", 100)),
        format!("r.toml:3:{}: error: {message}", 5 + 3 * 64)
    );
    let dotted = vec!["k"; 100_000].join(".");
    assert_eq!(
        error(&format!("title = \"t\"\nbody = \"b\"\n{dotted} = 1\n")),
        format!("r.toml:3:{}: error: {message}", 2 * 64 + 2)
    );
    assert_eq!(
        error(&format!("title = \"t\"\nbody = \"b\"\n[{dotted}]\n")),
        format!("r.toml:3:{}: error: {message}", 2 * 63 + 3)
    );
    // Brackets and dots inside strings and comments are text, not nesting.
    let inert = "[".repeat(200) + &".".repeat(200);
    let text = format!(
        "title = \"{inert}\"\nbody = \'\'\'{inert}\'\'\' # {inert}\nsource = \"\\\"{inert}\"\n"
    );
    parse_review("r.toml", "r", text.as_bytes()).expect("strings may hold brackets");
    // Within the limit, the parser's own rules apply.
    let ok = deep("[", "]", 20).replace("x = ", "rating = { score = 1.0, max = 2.0, x = ");
    let ok = ok.trim_end().to_owned() + " }\n";
    let (_, warnings) = parse_review("r.toml", "r", ok.as_bytes()).expect("20 levels load");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
}

#[test]
fn duplicate_keys_are_named() {
    assert_eq!(
        error("title = \"a\"\nbody = \"b\"\n\"title\" = \"c\"\n"),
        "r.toml:3:1: error: duplicate key `title`"
    );
    assert_eq!(
        error("title = \"a\"\nbody = \"b\"\nrating.score = 1.0\nrating.score = 2.0\n"),
        "r.toml:4:8: error: duplicate key `rating.score`"
    );
    assert_eq!(
        error("title = \"a\"\nbody = \"b\"\nrating = { score = 1.0, max = 2.0, score = 3.0 }\n"),
        "r.toml:3:36: error: duplicate key `score`"
    );
    assert_eq!(
        error("title = \"a\"\nbody = \"b\"\n[rating]\nscore = 1.0\n[rating]\nmax = 2.0\n"),
        "r.toml:5:2: error: duplicate key `rating`"
    );
}

#[test]
fn missing_fields_name_their_table() {
    assert_eq!(
        error("title = \"a\"\n"),
        "r.toml: error: missing required field `body` (every review needs title and body)"
    );
    assert_eq!(
        error("title = \"a\"\nbody = \"b\"\nrating = { score = 1.0 }\n"),
        "r.toml:3:10: error: `rating` is missing `max`"
    );
    assert_eq!(
        error("title = \"a\"\nbody = \"b\"\ncomments = [{ text = \"x\" }, { author = \"y\" }]\n"),
        "r.toml:3:29: error: comment #2 is missing `text`"
    );
    // A cast member without an actor costs only itself: the film and the rest load.
    let (film, warnings) = parse_film(
        "film.toml",
        b"title = \"F\"\nyear = 2020\n[[cast]]\nactor = \"A\"\n[[cast]]\nrole = \"B\"\n",
    )
    .expect("the film loads");
    assert_eq!(
        (film.title.as_str(), film.year, film.cast.len()),
        ("F", Some(2020), 1)
    );
    assert_eq!(
        warnings[0].to_string(),
        "film.toml:5:1: warning: cast member #2 has no actor; left out (the film and the rest of its cast load)"
    );
    let film = parse_film("film.toml", b"year = 2020\n").expect_err("no title");
    assert_eq!(
        film.to_string(),
        "film.toml: error: missing required field `title` (every film needs a title)"
    );
}
