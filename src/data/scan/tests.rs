//! The search's rules: hits stay in fields, case and folding are ignored, spoilers stay
//! hidden.

use super::*;
use crate::data::fold::fold;

#[test]
fn only_the_listed_characters_fold_to_ascii() {
    let found: Vec<char> = (0x80..=0x10_FFFF)
        .filter_map(char::from_u32)
        .filter(|&c| fold(c).is_ascii())
        .collect();
    assert_eq!(found, ['\u{130}', '\u{212a}']);
}

fn review(title: &str, body: &str, comments: &[&str]) -> Review {
    let mut r = crate::data::bundled_library().collections[0].reviews[0].clone();
    r.title = title.into();
    r.body = body.into();
    r.comments.truncate(0);
    for text in comments {
        r.comments.push(crate::data::Comment {
            text: (*text).into(),
            ..Default::default()
        });
    }
    r
}

fn count(r: &Review, query: &str) -> usize {
    Needle::new(query).map_or(0, |n| n.count(r, &index_review(r)))
}

#[test]
fn hits_stay_within_fields_and_ignore_case() {
    let r = review("The End", "the END is near", &["aaa", "a"]);
    assert_eq!(count(&r, "the end"), 2);
    assert_eq!(count(&r, "aa"), 1);
    assert_eq!(count(&r, "  "), 0);
    assert_eq!(count(&r, "a\0a"), 0);
    assert_eq!(index_review(&r), Indexed::default());
}

#[test]
fn a_field_without_a_raw_hit_is_skipped_only_when_folding_could_add_none() {
    // The hidden spoiler's markers read as spaces: a query with a space can meet them.
    let r = review("t", "the end||secret|| came", &[]);
    assert_eq!(count(&r, "end  "), 1);
    assert_eq!(count(&r, "secret"), 0);
    assert_eq!(count(&r, "came"), 1);
    // `K` (Kelvin) folds to `k`: no raw hit for `kelvin`, one once folded.
    let r = review("t", "\u{212a}elvin||x||", &["\u{130}stanbul"]);
    assert_eq!(count(&r, "kelvin"), 1);
    assert_eq!(count(&r, "istanbul"), 1);
}

#[test]
fn spoilers_and_folding_characters_are_searched_folded() {
    let r = review("İSTANBUL", "seen ||the twist|| after", &["Kelvin ÜBER"]);
    assert_eq!(count(&r, "istanbul"), 1);
    assert_eq!(count(&r, "twist"), 0);
    assert_eq!(count(&r, "seen   "), 1);
    assert_eq!(count(&r, "kelvin"), 1);
    assert_eq!(count(&r, "über"), 1);
    assert_eq!(count(&r, "ÜBER"), 1);
    assert_eq!(count(&r, "é"), 0);
}

#[test]
fn found_stops_at_the_first_hit() {
    let r = review("x", "a a a", &["a"]);
    let needle = Needle::new("A").expect("a query");
    assert!(needle.found(&r, &index_review(&r)));
    assert_eq!(needle.count(&r, &index_review(&r)), 4);
}
