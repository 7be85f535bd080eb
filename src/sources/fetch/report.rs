//! What a fetch did, per source and in all: the one summary line `reelread fetch` and the
//! reader's footer print.

use super::super::write::{Outcome, Written};

/// Counts of what one source (or all of them) brought.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Review files written for the first time.
    pub new_reviews: usize,
    /// Review files rewritten because the source changed them.
    pub updated: usize,
    /// Comments the library did not have.
    pub new_comments: usize,
    /// Items that are not reviews (diary entries, lists), left out.
    pub skipped: usize,
    /// Reviews whose film could not be told, written to `unsorted`.
    pub unsorted: usize,
    /// Files the person edited, left alone with the fetched copy beside them.
    pub kept_edits: usize,
    /// Files the person deleted, not brought back.
    pub deleted: usize,
    /// Reviews that were already as the source has them.
    pub unchanged: usize,
}

impl Counts {
    /// Adds one written entry.
    pub fn add(&mut self, written: &Written) {
        match written.outcome {
            Outcome::New => self.new_reviews += 1,
            Outcome::Updated => self.updated += 1,
            Outcome::KeptEdit => self.kept_edits += 1,
            Outcome::Deleted => self.deleted += 1,
            Outcome::Unchanged => self.unchanged += 1,
        }
        if matches!(written.outcome, Outcome::New | Outcome::Updated) {
            self.new_comments += written.new_comments;
            self.unsorted += usize::from(written.unsorted && written.outcome == Outcome::New);
        }
    }

    /// Sums two counts.
    pub fn merge(&mut self, other: &Counts) {
        self.new_reviews += other.new_reviews;
        self.updated += other.updated;
        self.new_comments += other.new_comments;
        self.skipped += other.skipped;
        self.unsorted += other.unsorted;
        self.kept_edits += other.kept_edits;
        self.deleted += other.deleted;
        self.unchanged += other.unchanged;
    }
}

/// How one source's fetch ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Fetched and written.
    Ok,
    /// The server said nothing changed (304).
    NotModified,
    /// Why it failed, as a person reads it.
    Failed(String),
}

impl Status {
    /// The word `reelread sources` shows: `ok`, `not modified`, or the error.
    #[must_use]
    pub fn text(&self) -> String {
        match self {
            Self::Ok => "ok".to_owned(),
            Self::NotModified => "not modified".to_owned(),
            Self::Failed(reason) => reason.clone(),
        }
    }
}

/// One source's fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceReport {
    /// The source's name.
    pub name: String,
    /// Its URL.
    pub url: String,
    /// How it ended.
    pub status: Status,
    /// What it brought (partly, when a write failed midway).
    pub counts: Counts,
    /// The `ID.fetched.toml` copies written beside files the person edited.
    pub kept: Vec<std::path::PathBuf>,
}

/// Every source's fetch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// In the order they finished.
    pub sources: Vec<SourceReport>,
    /// What went wrong outside any one source (the state could not be saved).
    pub notes: Vec<String>,
}

/// `1 new review`, `2 new reviews`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Report {
    /// All sources' counts together.
    #[must_use]
    pub fn totals(&self) -> Counts {
        let mut all = Counts::default();
        for s in &self.sources {
            all.merge(&s.counts);
        }
        all
    }

    /// The sources that failed.
    pub fn failures(&self) -> impl Iterator<Item = &SourceReport> {
        self.sources
            .iter()
            .filter(|s| matches!(s.status, Status::Failed(_)))
    }

    /// `12 sources · 31 new reviews · 4 updated · 9 new comments · 1 error`, then what else
    /// a person should know (items skipped, reviews in `unsorted`, edits kept).
    #[must_use]
    pub fn summary(&self) -> String {
        let all = self.totals();
        let mut parts = vec![
            count(self.sources.len(), "source", "sources"),
            count(all.new_reviews, "new review", "new reviews"),
            format!("{} updated", all.updated),
            count(all.new_comments, "new comment", "new comments"),
            count(self.failures().count(), "error", "errors"),
        ];
        if all.skipped > 0 {
            parts.push(format!("{} skipped (not reviews)", all.skipped));
        }
        if all.unsorted > 0 {
            parts.push(format!("{} in unsorted (film unknown)", all.unsorted));
        }
        if all.kept_edits > 0 {
            parts.push(count(
                all.kept_edits,
                "edited file kept",
                "edited files kept",
            ));
        }
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(name: &str, status: Status, counts: Counts) -> SourceReport {
        SourceReport {
            name: name.into(),
            url: format!("https://{name}.example/feed"),
            status,
            counts,
            kept: Vec::new(),
        }
    }

    #[test]
    fn the_summary_line_reads_as_the_issue_writes_it() {
        let mut report = Report::default();
        report.sources.push(source(
            "a",
            Status::Ok,
            Counts {
                new_reviews: 31,
                updated: 4,
                new_comments: 9,
                ..Counts::default()
            },
        ));
        for i in 0..10 {
            report.sources.push(source(
                &format!("n{i}"),
                Status::NotModified,
                Counts::default(),
            ));
        }
        report.sources.push(source(
            "bad",
            Status::Failed("HTTP 404 Not Found".into()),
            Counts::default(),
        ));
        assert_eq!(
            report.summary(),
            "12 sources · 31 new reviews · 4 updated · 9 new comments · 1 error"
        );
        assert_eq!(report.failures().count(), 1);
    }

    #[test]
    fn one_of_each_is_singular_and_extras_follow() {
        let mut report = Report::default();
        report.sources.push(source(
            "a",
            Status::Ok,
            Counts {
                new_reviews: 1,
                new_comments: 1,
                skipped: 2,
                unsorted: 1,
                kept_edits: 1,
                ..Counts::default()
            },
        ));
        assert_eq!(
            report.summary(),
            "1 source · 1 new review · 0 updated · 1 new comment · 0 errors · 2 skipped (not reviews) · 1 in unsorted (film unknown) · 1 edited file kept"
        );
    }
}
