//! The marks the screen draws, one meaning each, and the help's list of them: the ui
//! draws these constants, so the help can never describe a mark that is not used.

/// The list row under the cursor.
pub const CURSOR: &str = "▶";
/// The review open in the reading pane, when the cursor is elsewhere.
pub const OPEN: &str = "›";
/// A review not read yet.
pub const UNREAD: &str = "●";
/// A review you starred (`s`).
pub const STARRED: &str = "★";
/// A filled step of a score.
pub const SCORE_FULL: &str = "▰";
/// An empty step of a score.
pub const SCORE_EMPTY: &str = "▱";
/// The focused pane's title (its border is also thick).
pub const FOCUSED_PANE: &str = "◉";
/// The actor whose mentions are highlighted.
pub const HIGHLIGHTED_ACTOR: &str = "◆";
/// An actor the open review mentions.
pub const MENTIONED_ACTOR: &str = "◇";
/// A comment by the person the list is filtered by.
pub const FILTERED_COMMENT: &str = "▌";
/// A comment added since you last read the review.
pub const NEW_COMMENT: &str = "▎";

/// Every mark and what it means, for the help's Symbols section.
pub const SYMBOLS: &[(&str, &str)] = &[
    (CURSOR, "The list cursor"),
    (OPEN, "The review open in the reading pane"),
    (UNREAD, "Not read yet"),
    (STARRED, "Starred by you"),
    ("▰▰▰▱▱", "A score, in fifths, with its percentage"),
    (FOCUSED_PANE, "The focused pane (thick border too)"),
    (
        HIGHLIGHTED_ACTOR,
        "The actor whose mentions are highlighted",
    ),
    (MENTIONED_ACTOR, "An actor this review mentions (×N times)"),
    (FILTERED_COMMENT, "A comment by the person filtered by"),
    (NEW_COMMENT, "A comment new since you read the review"),
];

#[cfg(test)]
mod tests {
    #[test]
    fn each_mark_means_one_thing() {
        let mut seen = std::collections::HashSet::new();
        for (mark, _) in super::SYMBOLS {
            assert!(seen.insert(*mark), "{mark} listed twice");
        }
        for mark in [super::SCORE_FULL, super::SCORE_EMPTY] {
            assert!(!seen.contains(mark), "{mark}");
        }
    }
}
