//! What the reader has read, starred and scrolled to, kept between runs in
//! `$XDG_STATE_HOME/reelread/state.toml` and keyed by collection and review ID.
//!
//! Nothing here touches the terminal: [`load`] never fails (a broken file is set aside
//! with a warning for the footer) and [`save`] goes through [`crate::atomic::write`], so a
//! kill at any moment leaves the old or the new file, never a torn one.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize, Serializer};

use crate::data::{decode_utf8, read_regular, sanitize_line};
use crate::diagnostic::{Diagnostic, Severity};

/// Everything remembered between runs; maps are ordered so saved files diff cleanly.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReadingState {
    /// Per collection, keyed by the caller's stable collection key, so two collections
    /// with the same review IDs never share progress.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        serialize_with = "non_empty_collections"
    )]
    pub collections: BTreeMap<String, CollectionState>,
    /// How the list was last shown (sort, reverse, hide-read), so the next run shows it so.
    #[serde(skip_serializing_if = "ViewState::is_empty")]
    pub view: ViewState,
    /// Keys this version does not know (a newer one's), written back unchanged.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// The list's saved view; a field never changed is absent (and the default applies), so
/// files written before it existed load as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    /// The sort order's name (`file`, `date`, `rating`, `comments`, `length`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    /// The order is reversed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reverse: Option<bool>,
    /// Reviews already read are hidden.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hide_read: Option<bool>,
    /// Keys this version does not know, written back unchanged.
    #[serde(flatten)]
    pub unknown: Unknown,
    /// Not saved: how many changes of the sort, reverse flag and hide-read this run has
    /// recorded, so a part is written only when the reader changed it since.
    #[serde(skip)]
    pub recorded: [u64; 3],
}

impl ViewState {
    /// True when nothing is saved, so the table is left out of the file.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.sort.is_none()
            && self.reverse.is_none()
            && self.hide_read.is_none()
            && self.unknown.is_empty()
    }
}

/// Keys of a state file this version does not read, kept so saving never drops what a
/// newer version recorded.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Unknown(pub toml::Table);

// Equal values compare equal; only a NaN float in a key no version writes would not,
// and that makes a save look needed, never lost.
impl Eq for Unknown {}

impl Unknown {
    /// True when nothing unknown was read, so an entry holding only defaults is left out.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One collection's progress, so reopening it lands where the reader left off.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CollectionState {
    /// Review ID to reopen on the next run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_open: Option<String>,
    /// Per review, keyed by review ID; reviews never touched are simply absent.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        serialize_with = "non_default_reviews"
    )]
    pub reviews: BTreeMap<String, ReviewState>,
    /// Keys this version does not know, written back unchanged.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// One review's progress; every field defaults so old or hand-edited files still load.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewState {
    /// Whether the review was opened, so the list can mark unread ones.
    #[serde(skip_serializing_if = "is_false")]
    pub read: bool,
    /// Comment count when last read, so grown threads can show how many are new.
    #[serde(skip_serializing_if = "is_zero")]
    pub comments_seen: usize,
    /// Reading-pane scroll offset, so reopening resumes mid-review.
    #[serde(skip_serializing_if = "is_zero")]
    pub scroll: usize,
    /// Bookmarked by the reader, so starred reviews can be found again.
    #[serde(skip_serializing_if = "is_false")]
    pub starred: bool,
    /// Keys this version does not know, written back unchanged.
    #[serde(flatten)]
    pub unknown: Unknown,
}

// serde's `skip_serializing_if` hands over a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(value: &bool) -> bool {
    !*value
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(value: &usize) -> bool {
    *value == 0
}

impl ReviewState {
    /// True when saving this entry would record nothing, so it can be left out.
    #[must_use]
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

impl CollectionState {
    /// True when saving this collection would record nothing, so it can be left out.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.last_open.is_none()
            && self.unknown.is_empty()
            && self.reviews.values().all(ReviewState::is_default)
    }
}

/// Leaves untouched reviews out of the file: absent and default mean the same thing.
fn non_default_reviews<S: Serializer>(
    reviews: &BTreeMap<String, ReviewState>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(reviews.iter().filter(|(_, r)| !r.is_default()))
}

/// Leaves collections with nothing to remember out of the file.
fn non_empty_collections<S: Serializer>(
    collections: &BTreeMap<String, CollectionState>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(collections.iter().filter(|(_, c)| !c.is_empty()))
}

impl ReadingState {
    /// A review's progress by value, so callers never insert entries just by looking.
    #[must_use]
    pub fn review(&self, collection: &str, id: &str) -> ReviewState {
        self.collections
            .get(collection)
            .and_then(|c| c.reviews.get(id))
            .cloned()
            .unwrap_or_default()
    }

    /// A review's progress for editing, created on first use.
    pub fn review_mut(&mut self, collection: &str, id: &str) -> &mut ReviewState {
        self.collections
            .entry(collection.to_owned())
            .or_default()
            .reviews
            .entry(id.to_owned())
            .or_default()
    }

    /// Records the review on screen, so the next run reopens it.
    pub fn set_last_open(&mut self, collection: &str, id: &str) {
        self.collections
            .entry(collection.to_owned())
            .or_default()
            .last_open = Some(id.to_owned());
    }
}

/// Where the state lives by default, so every run finds the same file.
///
/// `$XDG_STATE_HOME/reelread/state.toml` (an absolute `XDG_STATE_HOME` is honoured on
/// every Unix, macOS included), else `~/.local/state/reelread/state.toml`; on Windows,
/// which has no state folder, the roaming data folder. `None` when no home is known.
#[must_use]
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let dir = match etcetera::choose_base_strategy() {
        Ok(strategy) => strategy.state_dir().unwrap_or_else(|| strategy.data_dir()),
        // No home folder: an explicit, absolute XDG_STATE_HOME still says where to go.
        Err(_) => std::env::var_os("XDG_STATE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())?,
    };
    Some(dir.join("reelread").join("state.toml"))
}

/// The largest state file [`load`] reads. A review's marks take about 100 bytes (its
/// table header with the collection's key, `read`, `comments_seen`), so 16 MiB holds
/// over 150,000 marked reviews; parsing costs about 40 times the file's size in
/// memory, so this keeps a stray or runaway file under a gigabyte, where a 69 MB file
/// took 2.9 GB. A bigger file is set aside like a corrupt one.
pub const MAX_STATE_BYTES: u64 = 16 * 1024 * 1024;

/// What [`load`] found, so the caller can show the warning instead of crashing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    /// The saved state, or defaults when there was none or it could not be used.
    pub state: ReadingState,
    /// One sanitised line for the footer when the file was broken and set aside.
    pub warning: Option<String>,
}

/// Reads the state at `path`; never fails, so a bad file cannot stop the reader.
///
/// A missing file gives defaults silently. A file that cannot be read or parsed
/// (bad TOML, wrong types, not UTF-8) is renamed to `state.toml.corrupt-<unix seconds>`
/// beside it, so the next save cannot destroy it, and defaults come back with a warning.
#[must_use]
pub fn load(path: &Path) -> Loaded {
    if std::fs::metadata(path).is_err_and(|e| e.kind() == io::ErrorKind::NotFound) {
        return Loaded::default();
    }
    let problem = match read_regular(path, MAX_STATE_BYTES) {
        Ok(bytes) => match parse(path, &bytes) {
            Ok(state) => {
                return Loaded {
                    state,
                    warning: None,
                };
            }
            Err(problem) => format!("state file was corrupt ({problem})"),
        },
        Err(e) => format!(
            "state file could not be read ({}: {})",
            sanitize_line(&path.display().to_string()),
            sanitize_line(&e)
        ),
    };
    let outcome = match set_aside(path) {
        Ok(aside) => format!(
            "set aside as {}",
            sanitize_line(&aside.display().to_string())
        ),
        Err(e) => format!(
            "could not set it aside ({}), left in place",
            sanitize_line(&e.to_string())
        ),
    };
    Loaded {
        state: ReadingState::default(),
        warning: Some(format!("{problem}; {outcome}; starting fresh")),
    }
}

/// Parses the file's bytes, or says `path:line:column: message` about the first problem.
fn parse(path: &Path, bytes: &[u8]) -> Result<ReadingState, String> {
    let shown = path.display().to_string();
    let decoded = decode_utf8(&shown, bytes, |byte| {
        format!("file is not valid UTF-8 (byte 0x{byte:02x})")
    });
    let diagnostic = match decoded {
        Ok(text) => match toml::from_str(text) {
            Ok(state) => return Ok(state),
            Err(e) => {
                let offset = e.span().map_or(0, |s| s.start);
                Diagnostic::at_offset(&shown, text, offset, Severity::Error, e.message())
            }
        },
        Err(d) => d,
    };
    Err(format!(
        "{}:{}:{}: {}",
        diagnostic.path, diagnostic.line, diagnostic.column, diagnostic.message
    ))
}

/// Renames a broken file out of the way without overwriting an earlier one.
fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let base = format!("{}.corrupt-{seconds}", path.display());
    let mut aside = PathBuf::from(&base);
    let mut n = 1;
    // Two broken files within one second must not clobber each other.
    while aside.symlink_metadata().is_ok() {
        aside = PathBuf::from(format!("{base}-{n}"));
        n += 1;
    }
    std::fs::rename(path, &aside)?;
    Ok(aside)
}

/// Writes `state` to `path` atomically, creating its folder; on any error (full disk,
/// read-only folder) the previous file is left exactly as it was.
pub fn save(path: &Path, state: &ReadingState) -> io::Result<()> {
    let body = toml::to_string(state).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    let text =
        format!("# reelread reading state: safe to delete, rewritten on every change\n{body}");
    crate::atomic::write(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looking_up_does_not_insert() {
        let state = ReadingState::default();
        assert_eq!(state.review("c", "r"), ReviewState::default());
        assert_eq!(
            state.collections.get("c").map(|c| c.last_open.clone()),
            None
        );
        assert!(state.collections.is_empty());
    }

    #[test]
    fn untouched_entries_are_left_out_of_the_file() {
        let mut state = ReadingState::default();
        let _ = state.review_mut("empty", "r");
        state.review_mut("c", "untouched");
        state.review_mut("c", "r").scroll = 7;
        let text = toml::to_string(&state).expect("serialize");
        assert!(!text.contains("empty"), "{text}");
        assert!(!text.contains("untouched"), "{text}");
        assert!(!text.contains("read"), "{text}");
        assert!(text.contains("scroll = 7"), "{text}");
    }

    #[test]
    fn the_view_is_left_out_until_set_and_old_files_load_without_it() {
        let old: ReadingState =
            toml::from_str("[collections.c]\nlast_open = \"r\"\n").expect("old file");
        assert!(old.view.is_empty());
        assert!(!toml::to_string(&old).expect("serialize").contains("view"));
        let mut state = old;
        state.view.hide_read = Some(true);
        let text = toml::to_string(&state).expect("serialize");
        assert!(text.contains("[view]\nhide_read = true"), "{text}");
        assert!(!text.contains("sort"), "{text}");
        let again: ReadingState = toml::from_str(&text).expect("read back");
        assert_eq!(again, state);
    }

    #[test]
    fn errors_are_located_and_one_line() {
        let err = parse(Path::new("s.toml"), b"[collections.c]\nlast_open = 3\n").unwrap_err();
        assert!(err.starts_with("s.toml:2:13: "), "{err}");
        assert!(!err.contains('\n'), "{err}");
        let err = parse(Path::new("s.toml"), b"a = 1\n\xff").unwrap_err();
        assert_eq!(err, "s.toml:2:1: file is not valid UTF-8 (byte 0xff)");
    }
}
