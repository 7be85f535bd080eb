//! One allocation per distinct name across a load: a few thousand people write the
//! hundreds of thousands of reviews and comments a large library holds, for a few hundred
//! sources, and each would otherwise carry its own copy of its author's and source's name.

use std::collections::HashSet;
use std::sync::Arc;

use super::model::Review;

/// The names met so far in one load.
#[derive(Debug, Default)]
pub struct NameCache(HashSet<Arc<str>>);

impl NameCache {
    /// Points `review`'s reviewer, source and every comment author at the one copy of
    /// that name.
    pub fn share(&mut self, review: &mut Review) {
        for name in [&mut review.reviewer, &mut review.source]
            .into_iter()
            .flatten()
        {
            *name = self.shared(name);
        }
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
        review.reviewer = Some("Bo".into());
        review.source = Some("The Reel".into());
        let mut other = review.clone();
        other.comments[0].author = Some("Ann".into());
        other.reviewer = Some("Ann".into());
        other.source = Some("The Reel".into());
        let mut names = NameCache::default();
        names.share(&mut review);
        names.share(&mut other);
        let author = |r: &Review, i: usize| r.comments[i].author.clone().expect("a name");
        assert!(Arc::ptr_eq(&author(&review, 0), &author(&review, 2)));
        assert!(Arc::ptr_eq(&author(&review, 0), &author(&other, 0)));
        assert!(!Arc::ptr_eq(&author(&review, 0), &author(&review, 1)));
        assert_eq!(&*author(&other, 1), "Bo");
        let reviewer = |r: &Review| r.reviewer.clone().expect("a reviewer");
        assert!(Arc::ptr_eq(&reviewer(&review), &author(&review, 1)));
        assert!(Arc::ptr_eq(&reviewer(&other), &author(&review, 0)));
        let source = |r: &Review| r.source.clone().expect("a source");
        assert!(Arc::ptr_eq(&source(&review), &source(&other)));
    }
}
