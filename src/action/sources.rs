//! What the reader is told of followed sources: one row per source for the `S` popup and
//! `reelread sources`, and the progress of a fetch started with `R`. Plain data, so the
//! app shows sources without knowing how they are fetched.

/// One followed source and its last fetch, every string sanitised for the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRow {
    /// The source's name.
    pub name: String,
    /// Its URL.
    pub url: String,
    /// `feed` or `page`.
    pub kind: &'static str,
    /// When it was last fetched (RFC 3339, UTC), if ever.
    pub last_fetch: Option<String>,
    /// `ok`, `not modified`, or the error; `None` before the first fetch.
    pub status: Option<String>,
    /// Reviews it has brought into the library.
    pub reviews: usize,
}

impl SourceRow {
    /// The last fetch as `2026-12-02 01:30 UTC`, or `never`.
    #[must_use]
    pub fn when(&self) -> String {
        self.last_fetch.as_deref().map_or_else(
            || "never".to_owned(),
            |t| {
                let t = t.trim_end_matches('Z').replacen('T', " ", 1);
                let minutes = t.rsplit_once(':').map_or(t.as_str(), |(head, _)| head);
                format!("{minutes} UTC")
            },
        )
    }

    /// The status, or `not fetched yet`.
    #[must_use]
    pub fn status_text(&self) -> &str {
        self.status.as_deref().unwrap_or("not fetched yet")
    }
}

/// Rows as an aligned table with a header: name, kind, reviews, last fetch, status, URL.
#[must_use]
pub fn table(rows: &[SourceRow]) -> Vec<String> {
    use unicode_width::UnicodeWidthStr as _;
    let name_width = rows
        .iter()
        .map(|r| r.name.width())
        .chain(["NAME".len()])
        .max()
        .unwrap_or(4);
    let status_width = rows
        .iter()
        .map(|r| r.status_text().width())
        .chain(["STATUS".len()])
        .max()
        .unwrap_or(6);
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.width())));
    let mut out = vec![format!(
        "{}  KIND  REVIEWS  LAST FETCH            {}  URL",
        pad("NAME", name_width),
        pad("STATUS", status_width)
    )];
    for r in rows {
        out.push(format!(
            "{}  {}  {:>7}  {}  {}  {}",
            pad(&r.name, name_width),
            pad(r.kind, 4),
            r.reviews,
            pad(&r.when(), 20),
            pad(r.status_text(), status_width),
            r.url
        ));
    }
    out
}

/// How far a fetch started in the reader has got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchProgress {
    /// Sources done out of all, for the header's `Fetching 3/12 sources…`.
    Running {
        /// Done so far.
        done: usize,
        /// In all.
        total: usize,
    },
    /// Over: the summary line for the footer, and each source's row for the popup.
    Done {
        /// `12 sources · 31 new reviews · …`.
        summary: String,
        /// Every source after the fetch.
        rows: Vec<SourceRow>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, status: Option<&str>, url: &str) -> SourceRow {
        SourceRow {
            name: name.into(),
            url: url.into(),
            kind: "feed",
            last_fetch: status.map(|_| "2026-12-02T01:30:05Z".into()),
            status: status.map(Into::into),
            reviews: 3,
        }
    }

    #[test]
    fn rows_read_as_a_table() {
        let lines = table(&[row(
            "alice",
            Some("ok"),
            "https://letterboxd.com/alice/rss/",
        )]);
        assert_eq!(
            lines[0],
            "NAME   KIND  REVIEWS  LAST FETCH            STATUS  URL"
        );
        assert_eq!(
            lines[1],
            "alice  feed        3  2026-12-02 01:30 UTC  ok      https://letterboxd.com/alice/rss/"
        );
    }

    #[test]
    fn urls_line_up_whatever_the_status() {
        let lines = table(&[
            row("alice", Some("ok"), "https://letterboxd.com/alice/rss/"),
            row("reel notes", None, "https://reel.example/feed/"),
            row(
                "gone",
                Some("HTTP 404 Not Found"),
                "https://gone.example/feed/",
            ),
        ]);
        assert_eq!(
            lines,
            [
                "NAME        KIND  REVIEWS  LAST FETCH            STATUS              URL",
                "alice       feed        3  2026-12-02 01:30 UTC  ok                  https://letterboxd.com/alice/rss/",
                "reel notes  feed        3  never                 not fetched yet     https://reel.example/feed/",
                "gone        feed        3  2026-12-02 01:30 UTC  HTTP 404 Not Found  https://gone.example/feed/",
            ]
        );
    }
}
