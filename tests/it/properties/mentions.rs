//! Mention counting against the reading pane's own scans, on soups of names.

use super::*;

/// Text made of cast names, their pieces and neighbours, in any case, so whole-word and
/// overlap rules are exercised.
fn name_soup() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        prop::sample::select(
            &[
                "Tim",
                "tim",
                "Roth",
                "ROTH",
                "Tim Roth",
                "Rothko",
                "Ellie",
                "ellie mae",
                "Mae",
                "Zoë",
                "ZOË",
                "İ",
                "ß",
                "||",
                " ",
                ", ",
                "-",
                "a",
                "é",
            ][..]
        )
        .prop_map(String::from),
        token(),
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(config(256))]

    /// The index that counts mentions in one pass agrees with the reading pane's rules, and
    /// its text search with a field-by-field scan.
    #[test]
    fn indexed_counts_agree_with_plain_scans(
        body in name_soup(),
        comment in name_soup(),
        query in name_soup(),
    ) {
        use reelread::data::index::{MentionCounter, index_review};
        // NUL blanks hidden spoilers; the plain scan would find them, the index never.
        let query = query.replace('\0', "");
        let library = bundled_library();
        let mut review = library.collections[0].reviews[0].clone();
        review.body = sanitize(&body);
        review.comments.truncate(1);
        if let Some(c) = review.comments.first_mut() {
            c.text = sanitize(&comment);
        }
        let cast = vec![
            member("Tim Roth", Some("Ellie"), &["Roth"]),
            member("Zoë Mae", Some("Ellie Mae"), &["İ", "a"]),
        ];
        let indexed = index_review(&review);
        prop_assert_eq!(
            MentionCounter::new(&cast).count(&indexed.text),
            reelread::data::mention_counts(&review, &cast)
        );
        let scanned: usize = std::iter::once(review.title.clone())
            .chain(std::iter::once(reelread::data::strip_spoilers(&review.body)))
            .chain(review.comments.iter().map(|c| reelread::data::strip_spoilers(&c.text)))
            .map(|t| reelread::data::find_text(&t, &query).len())
            .sum();
        let counted = reelread::query::count_hits(std::slice::from_ref(&indexed), &query);
        prop_assert_eq!(counted, vec![scanned]);
    }
}

fn member(actor: &str, role: Option<&str>, aliases: &[&str]) -> reelread::data::CastMember {
    reelread::data::CastMember {
        actor: actor.to_owned(),
        role: role.map(str::to_owned),
        aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
    }
}
