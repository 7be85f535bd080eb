//! One allocation per distinct commenter name across a load: a few thousand people write
//! the hundreds of thousands of comments a large library holds, and each comment would
//! otherwise carry its own copy of its author's name.

use std::collections::HashSet;
use std::sync::Arc;

use super::model::Review;

/// The names met so far in one load.
#[derive(Debug, Default)]
pub struct NameCache(HashSet<Arc<str>>);

impl NameCache {
    /// Points every comment author of `review` at the one copy of that name.
    pub fn share(&mut self, review: &mut Review) {
        for comment in &mut review.comments {
            if let Some(author) = &mut comment.author {
                *author = self.shared(author);
            }
        }
    }

    fn shared(&mut self, name: &Arc<str>) -> Arc<str> {
        if let Some(known) = self.0.get(&**name) {
            return Arc::clone(known);
        }
        self.0.insert(Arc::clone(name));
        Arc::clone(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Comment;

    #[test]
    fn equal_names_share_one_allocation() {
        let mut review = crate::data::bundled_library().collections[0].reviews[0].clone();
        review.comments = ["Ann", "Bo", "Ann"]
            .into_iter()
            .map(|name| Comment {
                author: Some(name.into()),
                ..Comment::default()
            })
            .collect();
        let mut other = review.clone();
        other.comments[0].author = Some("Ann".into());
        let mut names = NameCache::default();
        names.share(&mut review);
        names.share(&mut other);
        let author = |r: &Review, i: usize| r.comments[i].author.clone().expect("a name");
        assert!(Arc::ptr_eq(&author(&review, 0), &author(&review, 2)));
        assert!(Arc::ptr_eq(&author(&review, 0), &author(&other, 0)));
        assert!(!Arc::ptr_eq(&author(&review, 0), &author(&review, 1)));
        assert_eq!(&*author(&other, 1), "Bo");
    }
}
