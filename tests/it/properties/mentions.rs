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
        use reelread::data::index::{MentionCounter, fold_review};
        use reelread::data::scan::index_review;
        // NUL blanks hidden spoilers; the plain scan would find them, the index never.
        let query = query.replace('\0', "");
        let library = bundled_library();
        let mut review = library.collections[0].reviews[0].clone();
        review.body = sanitize(&body);
        review.comments.truncate(1);
        if let Some(c) = review.comments.first_mut() {
            c.text = sanitize(&comment).into();
        }
        let cast = vec![
            member("Tim Roth", Some("Ellie"), &["Roth"]),
            member("Zoë Mae", Some("Ellie Mae"), &["İ", "a"]),
        ];
        let indexed = index_review(&review);
        prop_assert_eq!(
            MentionCounter::new(&cast).count(&fold_review(&review)),
            reelread::data::mention_counts(&review, &cast)
        );
        let scanned: usize = std::iter::once(review.title.clone())
            .chain(std::iter::once(reelread::data::strip_spoilers(&review.body)))
            .chain(review.comments.iter().map(|c| reelread::data::strip_spoilers(&c.text)))
            .map(|t| reelread::data::find_text(&t, &query).len())
            .sum();
        let counted = reelread::query::count_hits(&[(&review, &indexed)], &query);
        prop_assert_eq!(counted, vec![scanned]);
    }

    /// Matching over the original bytes finds what matching the whole folded text finds,
    /// on text mixing ASCII, characters that fold to ASCII, others that fold to themselves
    /// or change length, and spoilers.
    #[test]
    fn raw_matching_agrees_with_folding_everything(
        title in unicode_soup(),
        body in unicode_soup(),
        comments in prop::collection::vec(unicode_soup(), 0..4),
        query in unicode_soup(),
    ) {
        use reelread::data::fold::folded;
        use reelread::data::index::fold_review;
        use reelread::data::scan::index_review;
        let library = bundled_library();
        let mut review = library.collections[0].reviews[0].clone();
        review.title = title;
        review.body = body;
        review.comments.truncate(comments.len());
        for (c, text) in review.comments.iter_mut().zip(comments) {
            c.text = text.into();
        }
        let needle = folded(&query);
        let expected = if needle.trim().is_empty() || needle.contains('\0') {
            0
        } else {
            fold_review(&review).matches(needle.as_str()).count()
        };
        let indexed = index_review(&review);
        prop_assert_eq!(reelread::query::count_hits(&[(&review, &indexed)], &query), vec![expected]);
        prop_assert_eq!(reelread::query::grep_hits(&review, &query), expected);
        prop_assert_eq!(
            reelread::query::matching(&[(&review, &indexed)], &query),
            vec![expected > 0]
        );
    }

    /// A longer query searched from where the query it extends was first found (as the
    /// list's filter does keystroke by keystroke) finds what a search from the start finds.
    /// Both queries are cut from the review's own text, so they are often found.
    #[test]
    fn a_longer_query_searched_from_its_prefix_hit_finds_the_same(
        body in unicode_soup(),
        comments in prop::collection::vec(unicode_soup(), 0..4),
        (which, at, short, long) in (0usize..5, 0usize..64, 0usize..64, 0usize..64),
        upper: bool,
    ) {
        use reelread::data::scan::{Hit, index_review};
        use reelread::query::first_hits;
        let library = bundled_library();
        let mut review = library.collections[0].reviews[0].clone();
        review.title = "T".into();
        review.body = body;
        review.comments.truncate(comments.len());
        for (c, text) in review.comments.iter_mut().zip(comments) {
            c.text = text.into();
        }
        let source: Vec<char> = match which {
            0 => review.body.chars().collect(),
            _ if review.comments.is_empty() => review.body.chars().collect(),
            n => review.comments[(n - 1) % review.comments.len()].text.chars().collect(),
        };
        let n = source.len();
        let start = at % (n + 1);
        let end = start + short % (n - start + 1);
        let longer_end = end + long % (n - end + 1);
        let cut = |to: usize| {
            let text: String = source[start..to].iter().collect();
            if upper { text.to_ascii_uppercase() } else { text }
        };
        let (query, longer) = (cut(end), cut(longer_end));
        let indexed = index_review(&review);
        let from_start = first_hits(&[(&review, &indexed, Hit::default())], &longer)[0];
        match first_hits(&[(&review, &indexed, Hit::default())], &query)[0] {
            Some(from) => {
                let resumed = first_hits(&[(&review, &indexed, from)], &longer)[0];
                prop_assert_eq!(resumed, from_start);
            }
            // A blank query finds nothing yet its extension may; any other that finds
            // nothing leaves its extension nothing to find.
            None if !query.trim().is_empty() && !query.contains('\0') => {
                prop_assert_eq!(from_start, None);
            }
            None => {}
        }
    }
}

/// Text from pieces that stress case-insensitive matching over raw bytes.
fn unicode_soup() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(
        &[
            "a",
            "A",
            "b",
            "B",
            "i",
            "I",
            "k",
            "K",
            "s",
            "S",
            " ",
            "||",
            "İ",
            "\u{212a}",
            "ß",
            "ẞ",
            "Σ",
            "σ",
            "ς",
            "é",
            "É",
            "Ω",
            "\u{2126}",
            "ﬁ",
            "—",
            "ǅ",
            "\0",
            "\n",
            "|",
            "restrained",
        ][..],
    );
    prop::collection::vec(piece, 0..12).prop_map(|p| p.concat())
}

fn member(actor: &str, role: Option<&str>, aliases: &[&str]) -> reelread::data::CastMember {
    reelread::data::CastMember {
        actor: actor.to_owned(),
        role: role.map(str::to_owned),
        aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
    }
}
