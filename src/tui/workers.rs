//! Work the terminal loop hands to other threads so no key waits for it: laying out the
//! whole of a huge review, and loading the library again when its files change.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use super::TICK;
use crate::app::App;
use crate::data::Library;
use crate::doc::{Doc, LayoutJob};

/// Whole layouts of huge reviews on screen, made one at a time on a worker thread.
#[derive(Default)]
pub struct Layouts {
    /// The app asked for a layout ([`crate::app::Effect::LayOut`]).
    pub asked: bool,
    /// The job in flight.
    running: Option<mpsc::Receiver<(LayoutJob, Doc)>>,
}

impl Layouts {
    /// A layout is being made or waits to be.
    pub fn busy(&self) -> bool {
        self.asked || self.running.is_some()
    }

    /// Returns a finished layout, for the app to take in as an action; otherwise starts
    /// the next one the app needs (each side of a split, a review reopened, a width
    /// changed meanwhile). After an arrival the next job waits for the following step, so
    /// it is chosen once the app has the finished one.
    pub fn step(&mut self, app: &App) -> Option<(LayoutJob, Doc)> {
        if let Some(rx) = &self.running {
            match rx.try_recv() {
                Ok(done) => {
                    self.running = None;
                    self.asked = true;
                    return Some(done);
                }
                Err(mpsc::TryRecvError::Disconnected) => self.running = None,
                Err(mpsc::TryRecvError::Empty) => {}
            }
        }
        if self.running.is_none() {
            self.asked = false;
            if let Some(job) = app.next_layout_job() {
                let (tx, rx) = mpsc::channel();
                std::thread::spawn(move || {
                    let doc = crate::doc::build(&job.review, &job.options);
                    let _ = tx.send((job, doc));
                });
                self.running = Some(rx);
            }
        }
        None
    }
}

/// Live reload: file changes, settled for a [`TICK`], load the library again on a thread,
/// one load at a time.
pub struct Reloads {
    dir: Option<PathBuf>,
    changes: Option<mpsc::Receiver<()>>,
    /// Kept alive: dropping it stops the watching.
    watcher: Option<notify::RecommendedWatcher>,
    changed_at: Option<Instant>,
    running: Option<mpsc::Receiver<Library>>,
}

impl Reloads {
    /// Will watch `dir` (nothing when `None`: the bundled collection never changes), from
    /// [`Reloads::start_watching`] or the first [`Reloads::step`] allowed to start: the
    /// watcher hears every file opened in the folder, so it must not compete with the first
    /// load for the cores.
    pub fn watch(dir: Option<PathBuf>) -> Self {
        Self {
            dir,
            changes: None,
            watcher: None,
            changed_at: None,
            running: None,
        }
    }

    /// Asks for a reload as if a file had changed: for writes the watcher may have missed
    /// (made before it started).
    pub fn changed(&mut self) {
        self.changed_at = Some(Instant::now());
    }

    /// A reload is running.
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// Starts watching `library`'s folders, once. It is quick (a watch per folder, not a
    /// walk of every file), so it is done before the frame that says loading is over: a
    /// change made after that frame is never missed.
    pub fn start_watching(&mut self, library: &Library) {
        if self.changes.is_some() {
            return;
        }
        let (tx, changes) = mpsc::channel();
        self.changes = Some(changes);
        if let Some(dir) = &self.dir {
            self.watcher = watch(dir, &folders(library), tx);
        }
    }

    /// Notes changes, starts a reload once they settle (if `may_start`; watching, too, if
    /// it has not started), and returns a finished one (for the app to take in as an action).
    pub fn step(&mut self, may_start: bool, shown: &Library) -> Option<Library> {
        if may_start {
            self.start_watching(shown);
        }
        if self
            .changes
            .as_ref()
            .is_some_and(|c| c.try_iter().count() > 0)
        {
            self.changed_at = Some(Instant::now());
        }
        let mut reloaded = None;
        if let Some(rx) = &self.running
            && let Ok(library) = rx.try_recv()
        {
            self.running = None;
            // Folders added since (a new film) are watched from now on.
            if let Some(watcher) = &mut self.watcher {
                add_watches(watcher, &folders(&library));
            }
            reloaded = Some(library);
        }
        if let (Some(at), Some(dir)) = (self.changed_at, &self.dir)
            && at.elapsed() >= TICK
            && may_start
            && self.running.is_none()
        {
            self.changed_at = None;
            self.running = Some(reload_in_background(dir.clone()));
        }
        reloaded
    }
}

/// Loads `dir` again on its own thread; the receiver gets the library once.
fn reload_in_background(dir: PathBuf) -> mpsc::Receiver<Library> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(crate::data::in_own_pool(|| crate::data::load_path(&dir)));
    });
    rx
}

/// The folders to watch for `library`: each collection's and its reviews folder.
fn folders(library: &Library) -> Vec<PathBuf> {
    library
        .collections
        .iter()
        .flat_map(|c| {
            let dir = PathBuf::from(&c.key);
            let reviews = dir.join(crate::data::REVIEWS_DIR);
            [dir, reviews]
        })
        .collect()
}

/// Watches `dir` and `folders`, each alone, sending one message to `tx` per relevant
/// event: a collection file (`.toml`) changed, or a folder came or went in `dir` (a new
/// film). Not a recursive watch of `dir`: that walks and stats every file (half a second
/// at 50,000 reviews). `None` when `dir` cannot be watched (the reader then does not
/// reload).
fn watch(
    dir: &Path,
    folders: &[PathBuf],
    tx: mpsc::Sender<()>,
) -> Option<notify::RecommendedWatcher> {
    use notify::Watcher as _;
    let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let library_root = root.clone();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Only collection files matter: an export (`ID.md`) or an editor's swap file in
        // the same folder must not reload the library.
        let relevant = |e: &notify::Event| {
            !e.kind.is_access()
                && e.paths.iter().any(|p| {
                    p.extension().is_some_and(|x| x == "toml")
                        || p.file_name().is_some_and(|n| n == crate::data::REVIEWS_DIR)
                        || (p.parent() == Some(&library_root) && folder_came_or_went(e.kind, p))
                })
        };
        if event.is_ok_and(|e| relevant(&e)) {
            let _ = tx.send(());
        }
    });
    let mut watcher = watcher.ok()?;
    watcher
        .watch(&root, notify::RecursiveMode::NonRecursive)
        .ok()?;
    add_watches(&mut watcher, folders);
    Some(watcher)
}

/// A film folder was made, removed or renamed (not a file: an export beside the films).
fn folder_came_or_went(kind: notify::EventKind, path: &Path) -> bool {
    use notify::event::{CreateKind, ModifyKind, RemoveKind};
    match kind {
        notify::EventKind::Create(CreateKind::Folder)
        | notify::EventKind::Remove(RemoveKind::Folder) => true,
        // A folder renamed in is a folder now; one renamed away has a name without `.`.
        notify::EventKind::Modify(ModifyKind::Name(_)) => {
            path.is_dir() || path.extension().is_none()
        }
        _ => false,
    }
}

/// Watches each of `folders` alone; one that is gone (or not a folder) is left out.
fn add_watches(watcher: &mut notify::RecommendedWatcher, folders: &[PathBuf]) {
    use notify::Watcher as _;
    for folder in folders.iter().filter(|f| f.is_dir()) {
        let _ = watcher.watch(folder, notify::RecursiveMode::NonRecursive);
    }
}
