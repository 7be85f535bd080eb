//! Reading-state questions only the tests ask: what was last open, marking and starring
//! by hand. The reader keeps its marks in the app and writes them with `session::record`;
//! these read and write the same fields, for round-trip tests.

use reelread::state::ReadingState;

/// Test-side access to a reading state, by collection and review ID.
pub trait StateExt {
    /// The review to reopen, if one was recorded for this collection.
    fn last_open(&self, collection: &str) -> Option<&str>;
    /// Marks a review read with all `comments_now` comments seen.
    fn mark_read(&mut self, collection: &str, id: &str, comments_now: usize);
    /// Comments added since the review was read; 0 for unread reviews.
    fn new_comments(&self, collection: &str, id: &str, count_now: usize) -> usize;
    /// Flips a review's bookmark, returning the new value.
    fn toggle_star(&mut self, collection: &str, id: &str) -> bool;
    /// Starred review IDs of a collection in ID order.
    fn starred(&self, collection: &str) -> Vec<&str>;
}

impl StateExt for ReadingState {
    fn last_open(&self, collection: &str) -> Option<&str> {
        self.collections
            .get(collection)
            .and_then(|c| c.last_open.as_deref())
    }

    fn mark_read(&mut self, collection: &str, id: &str, comments_now: usize) {
        let review = self.review_mut(collection, id);
        review.read = true;
        review.comments_seen = comments_now;
    }

    fn new_comments(&self, collection: &str, id: &str, count_now: usize) -> usize {
        let review = self.review(collection, id);
        if review.read {
            count_now.saturating_sub(review.comments_seen)
        } else {
            0
        }
    }

    fn toggle_star(&mut self, collection: &str, id: &str) -> bool {
        let review = self.review_mut(collection, id);
        review.starred = !review.starred;
        review.starred
    }

    fn starred(&self, collection: &str) -> Vec<&str> {
        self.collections
            .get(collection)
            .map(|c| {
                c.reviews
                    .iter()
                    .filter(|(_, r)| r.starred)
                    .map(|(id, _)| id.as_str())
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[test]
fn new_comments_count_only_for_read_reviews() {
    let mut state = ReadingState::default();
    assert_eq!(state.new_comments("c", "r", 5), 0);
    state.mark_read("c", "r", 3);
    assert_eq!(state.new_comments("c", "r", 5), 2);
    // Deleted comments never make the count negative.
    assert_eq!(state.new_comments("c", "r", 1), 0);
    assert_eq!(state.new_comments("other", "r", 5), 0);
}

#[test]
fn starring_toggles_and_lists_in_id_order() {
    let mut state = ReadingState::default();
    assert!(state.toggle_star("c", "b"));
    assert!(state.toggle_star("c", "a"));
    assert!(state.toggle_star("c", "z"));
    assert!(!state.toggle_star("c", "z"));
    assert_eq!(state.starred("c"), ["a", "b"]);
    assert!(state.starred("missing").is_empty());
}
