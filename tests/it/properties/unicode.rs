//! The sanitiser against Unicode itself: every control (Cc), format character (Cf), line
//! and paragraph separator (Zl, Zp) and bidi control, enumerated from Unicode's tables
//! rather than copied from the list the sanitiser keeps, so a missing one is caught.

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

use super::*;

/// The bidi controls, named by UAX #9 (all are Cf too; listed so the oracle does not
/// depend on that).
const BIDI_CONTROLS: &[char] = &[
    '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

/// A control, format character, separator or bidi control, by Unicode's tables.
pub(super) fn is_dangerous(c: char) -> bool {
    matches!(
        c.general_category(),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
    ) || BIDI_CONTROLS.contains(&c)
}

/// Every dangerous code point, from all of `char`.
fn dangerous() -> Vec<char> {
    ('\0'..=char::MAX).filter(|&c| is_dangerous(c)).collect()
}

/// What the sanitiser deliberately keeps: LF is the line break every other break becomes.
/// (ZWJ and ZWNJ survive between emoji or non-Latin letters, where they shape text; between
/// ASCII letters, as here, they are replaced: see `invisible_characters_cannot_disguise_a_name`.)
const KEPT: &[char] = &['\n'];

#[test]
fn no_control_format_or_separator_character_survives() {
    let all = dangerous();
    assert!(
        all.len() > 200,
        "the oracle found only {} characters",
        all.len()
    );
    let mut survivors = Vec::new();
    for c in all {
        let shown = sanitize(&format!("a{c}b"));
        if shown.chars().any(|s| is_dangerous(s) && !KEPT.contains(&s)) {
            survivors.push(format!("U+{:04X}", u32::from(c)));
        }
    }
    assert!(survivors.is_empty(), "survived sanitising: {survivors:?}");
}

#[test]
fn one_line_fields_keep_no_break_at_all() {
    for c in dangerous() {
        let shown = sanitize_line(&format!("a{c}b"));
        assert!(
            !shown.chars().any(is_dangerous),
            "U+{:04X} → {shown:?}",
            u32::from(c)
        );
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn text_with_any_dangerous_character_comes_out_clean(
        pieces in prop::collection::vec(
            prop_oneof![
                3 => any::<String>(),
                2 => prop::sample::select(dangerous()).prop_map(String::from),
            ],
            0..12,
        )
    ) {
        let text: String = pieces.concat();
        let shown = sanitize(&text);
        // Joiners may stay between non-ASCII neighbours (emoji sequences); nothing else.
        let joiner = |c: char| c == '\u{200c}' || c == '\u{200d}';
        prop_assert!(
            !shown.chars().any(|c| is_dangerous(c) && !KEPT.contains(&c) && !joiner(c)),
            "{text:?} → {shown:?}"
        );
    }
}
