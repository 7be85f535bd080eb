//! `R` in the reader: every followed source fetched on a worker thread, its progress sent
//! to the loop as [`FetchProgress`]. What the fetch writes reaches the reader through the
//! ordinary live reload of the library; nothing here touches the app.

use std::path::PathBuf;
use std::sync::mpsc;

use crate::action::{FetchProgress, SourceRow};
use crate::config::FetchLimits;
use crate::sources::fetch::{self, Progress};
use crate::sources::fetch_state::{self, FetchState};
use crate::sources::subscriptions;

/// Where a fetch writes and how hard it may work.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The library to write into.
    pub library: PathBuf,
    /// The `[fetch]` limits.
    pub limits: FetchLimits,
}

/// The fetch in flight, if any.
#[derive(Default)]
pub struct Fetching {
    running: Option<mpsc::Receiver<FetchProgress>>,
}

impl Fetching {
    /// A fetch is running.
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// Starts fetching every followed source into `setup.library`.
    pub fn start(&mut self, setup: Setup) {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            // Mapping feeds runs on a pool of its own, leaving the global one to the reader.
            let done = crate::data::in_own_pool(|| run(&setup, &tx));
            let _ = tx.send(done);
        });
        self.running = Some(rx);
    }

    /// What arrived since the last step; the fetch is over after a `Done`.
    pub fn step(&mut self) -> Vec<FetchProgress> {
        let Some(rx) = &self.running else {
            return Vec::new();
        };
        let mut out = Vec::new();
        loop {
            match rx.try_recv() {
                Ok(progress) => out.push(progress),
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.running = None;
                    break;
                }
            }
        }
        out
    }
}

/// The followed sources and their last fetch, for the popup.
pub fn rows() -> Vec<SourceRow> {
    let sources = subscriptions::default_path()
        .map(|p| subscriptions::load(&p).sources)
        .unwrap_or_default();
    let state = fetch_state::default_path()
        .map(|p| fetch_state::load(&p).0)
        .unwrap_or_default();
    fetch_state::rows(&sources, &state)
}

/// The whole fetch, on the worker; returns the closing report.
fn run(setup: &Setup, tx: &mpsc::Sender<FetchProgress>) -> FetchProgress {
    let loaded = subscriptions::default_path().map(|p| subscriptions::load(&p));
    let (sources, problems) = loaded.map_or((Vec::new(), 0), |l| (l.sources, l.diagnostics.len()));
    let note = if problems > 0 {
        format!(" · sources.toml has {problems} problem(s): reelread check shows them")
    } else {
        String::new()
    };
    if sources.is_empty() {
        return FetchProgress::Done {
            summary: format!("no sources followed; add one with reelread follow URL{note}"),
            rows: Vec::new(),
        };
    }
    let state_path = fetch_state::default_path();
    let mut state = state_path
        .as_deref()
        .map_or_else(FetchState::default, |p| fetch_state::load(p).0);
    let report = fetch::run(
        &sources,
        &setup.library,
        &mut state,
        state_path.as_deref(),
        &setup.limits,
        &mut |p| {
            let progress = match p {
                Progress::Started { total } => FetchProgress::Running { done: 0, total },
                Progress::Finished { done, total, .. } => FetchProgress::Running { done, total },
            };
            let _ = tx.send(progress);
        },
    );
    let failed: Vec<String> = report.failures().map(|f| f.name.clone()).collect();
    let failed = if failed.is_empty() {
        String::new()
    } else {
        format!(" ({} failed: S shows why)", failed.join(", "))
    };
    let notes = report
        .notes
        .iter()
        .fold(String::new(), |all, n| all + " · " + n);
    FetchProgress::Done {
        summary: format!("{}{failed}{note}{notes}", report.summary()),
        rows: fetch_state::rows(&sources, &state),
    }
}
