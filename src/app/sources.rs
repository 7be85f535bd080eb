//! The followed sources as the reader knows them: how far a fetch started with `R` has
//! got, and each source's last status for the `S` popup. The fetch itself runs in the
//! terminal loop's worker; what it writes arrives through the ordinary reload.

use super::{App, Effect, Mode};
use crate::action::{FetchProgress, SourceRow};

/// A fetch in progress and the sources' rows.
#[derive(Debug, Default)]
pub(super) struct Sources {
    /// Sources done and in all, while a fetch runs (`(0, 0)` until it has counted them).
    pub(super) fetching: Option<(usize, usize)>,
    /// Every followed source, as last reported.
    pub(super) rows: Vec<SourceRow>,
    /// The rows have been read at least once.
    pub(super) listed: bool,
    /// The last fetch's summary, until the reader acts: the reloads its writes cause
    /// keep it in the footer instead of "Reloaded".
    pub(super) summary: Option<String>,
}

impl App {
    /// The reader acted: the last fetch's summary has been seen.
    pub(super) fn summary_seen(&mut self) {
        self.sources.summary = None;
    }

    /// `R`: starts a fetch unless one is running.
    pub(super) fn start_fetch(&mut self) -> Option<Effect> {
        if let Some((done, total)) = self.sources.fetching {
            self.footer.status = Some(format!("Already fetching ({done}/{total} sources)"));
            return None;
        }
        self.sources.fetching = Some((0, 0));
        Some(Effect::Fetch)
    }

    /// `S`: opens the sources popup and asks for fresh rows.
    pub(super) fn open_sources(&mut self) -> Effect {
        self.mode = Mode::Sources(0);
        Effect::ListSources
    }

    /// A fetch moved on or ended.
    pub(super) fn fetch_progress(&mut self, progress: FetchProgress) {
        match progress {
            FetchProgress::Running { done, total } => self.sources.fetching = Some((done, total)),
            FetchProgress::Done { summary, rows } => {
                self.sources.fetching = None;
                self.sources.rows = rows;
                self.sources.listed = true;
                let summary = crate::data::sanitize_line(&format!("Fetched: {summary}"));
                self.footer.status = Some(summary.clone());
                self.sources.summary = Some(summary);
            }
        }
    }

    /// Fresh rows for the popup.
    pub(super) fn set_source_rows(&mut self, rows: Vec<SourceRow>) {
        self.sources.rows = rows;
        self.sources.listed = true;
    }

    /// Sources done and in all while a fetch runs, for the header.
    #[must_use]
    pub fn fetching(&self) -> Option<(usize, usize)> {
        self.sources.fetching
    }

    /// The followed sources, once read (`None` before), for the popup.
    #[must_use]
    pub fn source_rows(&self) -> Option<&[SourceRow]> {
        self.sources.listed.then_some(self.sources.rows.as_slice())
    }
}
