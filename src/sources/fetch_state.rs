//! What fetching remembers between runs, under `$XDG_STATE_HOME/reelread/fetch.toml`:
//! each URL's validators and last outcome, and which item wrote which file with the hash
//! of what was written (so a person's edit is told from reelread's own write). Saved
//! atomically; a damaged file is set aside and fetching starts afresh, which costs a full
//! download but never a duplicate (review IDs are derived from the item, not the state).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The file's name in the state folder.
pub const FILE: &str = "fetch.toml";

/// Everything remembered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchState {
    /// Per fetched URL (sources, comment feeds, linked pages).
    #[serde(default)]
    pub urls: BTreeMap<String, UrlState>,
    /// Per item (`origin` + item key): the file it wrote.
    #[serde(default)]
    pub items: BTreeMap<String, ItemRecord>,
}

/// One URL's last fetch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrlState {
    /// `ETag` of the last full answer.
    pub etag: Option<String>,
    /// `Last-Modified` of the last full answer.
    pub last_modified: Option<String>,
    /// When it was last fetched (RFC 3339, UTC).
    pub last_fetch: Option<String>,
    /// `ok`, `not modified`, or the error.
    pub status: Option<String>,
    /// Reviews this source has written into the library, all fetches together.
    #[serde(default)]
    pub reviews: usize,
}

/// The file an item wrote, and a hash of the bytes written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRecord {
    /// The review file.
    pub path: PathBuf,
    /// FNV-1a of what reelread last wrote there, as 16 hex digits.
    pub hash: String,
}

/// `$XDG_STATE_HOME/reelread/fetch.toml` (the data folder where there is no state folder).
#[must_use]
pub fn default_path() -> Option<PathBuf> {
    crate::state::default_path().map(|p| p.with_file_name(FILE))
}

/// Reads the state; a missing file is an empty state, a damaged one is set aside with a
/// message saying where, and an empty state used.
#[must_use]
pub fn load(path: &Path) -> (FetchState, Option<String>) {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (FetchState::default(), None),
        Err(e) => {
            let shown = crate::data::sanitize_line(&path.display().to_string());
            return (
                FetchState::default(),
                Some(format!(
                    "{shown}: cannot read the fetch state ({e}); starting afresh"
                )),
            );
        }
    };
    let parsed = std::str::from_utf8(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|text| toml::from_str::<FetchState>(text).map_err(|e| e.message().to_owned()));
    match parsed {
        Ok(state) => (state, None),
        Err(reason) => {
            let aside = path.with_extension("toml.damaged");
            let _ = std::fs::rename(path, &aside);
            let message = format!(
                "{}: damaged fetch state ({reason}); set aside as {}, starting afresh",
                path.display(),
                aside.display()
            );
            (
                FetchState::default(),
                Some(crate::data::sanitize_line(&message)),
            )
        }
    }
}

/// Writes the state atomically.
pub fn save(path: &Path, state: &FetchState) -> std::io::Result<()> {
    let text = toml::to_string(state).map_err(std::io::Error::other)?;
    crate::atomic::write(path, text.as_bytes())
}

/// FNV-1a, 64 bits: stable across Rust versions and machines, unlike `DefaultHasher`, so
/// an edit is still recognised after an upgrade.
#[must_use]
pub fn hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The time now as RFC 3339 in UTC, to the second.
#[must_use]
pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Every source with its last fetch, for `sources` and the reader's popup.
#[must_use]
pub fn rows(
    sources: &[super::subscriptions::Source],
    state: &FetchState,
) -> Vec<crate::action::SourceRow> {
    sources
        .iter()
        .map(|s| {
            let url_state = state.urls.get(&s.url);
            crate::action::SourceRow {
                name: s.name.clone(),
                url: crate::data::sanitize_line(&s.url),
                kind: s.kind.name(),
                last_fetch: url_state.and_then(|u| u.last_fetch.clone()),
                status: url_state
                    .and_then(|u| u.status.as_deref())
                    .map(crate::data::sanitize_line),
                reviews: url_state.map_or(0, |u| u.reviews),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_sets_a_damaged_file_aside() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("fetch.toml");
        assert_eq!(load(&path), (FetchState::default(), None));
        let mut state = FetchState::default();
        state.urls.insert(
            "https://a.example/feed".into(),
            UrlState {
                etag: Some("\"v1\"".into()),
                status: Some("ok".into()),
                reviews: 3,
                ..UrlState::default()
            },
        );
        state.items.insert(
            "https://a.example/feed guid-1".into(),
            ItemRecord {
                path: dir.path().join("heat-1995/reviews/a.toml"),
                hash: hash(b"x"),
            },
        );
        save(&path, &state).expect("save");
        assert_eq!(load(&path), (state, None));
        std::fs::write(&path, "urls = 3").expect("damage");
        let (fresh, message) = load(&path);
        assert_eq!(fresh, FetchState::default());
        assert!(message.expect("said").contains("set aside"));
        assert!(path.with_extension("toml.damaged").is_file());
    }

    #[test]
    fn the_hash_is_fnv1a() {
        assert_eq!(hash(b""), "cbf29ce484222325");
        assert_eq!(hash(b"a"), "af63dc4c8601ec8c");
    }
}
