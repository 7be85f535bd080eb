//! Finding and reading a collection's files on disk: which folders are collections, which
//! files are its reviews and how big they are, and why one could not be read, in words.

use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use super::parse::SourceFile;
use crate::diagnostic::{Diagnostic, Severity};

/// The file that makes a folder a collection.
pub(super) const FILM_FILE: &str = "film.toml";
/// The folder holding one TOML file per review.
pub(crate) const REVIEWS_DIR: &str = "reviews";
/// The largest file [`load_path`](super::load_path) reads, so a stray video or dump named `.toml` is refused
/// from its size instead of being read into memory whole.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// How [`load_path_with`](super::load_path_with) reads files from disk, so limits can be set per caller (and tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// Files larger than this are reported and skipped without being read.
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: MAX_FILE_BYTES,
        }
    }
}

/// A collection folder's files, listed before any is read.
pub(super) struct Plan {
    /// The collection folder.
    pub dir: PathBuf,
    /// Its `film.toml`, when there is one.
    pub film: Option<PathBuf>,
    /// Review IDs (file stems) and paths, sorted by ID.
    pub reviews: Vec<(String, PathBuf)>,
    /// Problems met listing the folder.
    pub problems: Vec<Diagnostic>,
    /// The size of every file listed.
    pub bytes: u64,
}

/// Lists a collection folder: its film file, its review files (sorted) and their sizes.
pub(super) fn plan(dir: PathBuf) -> Plan {
    let film_path = dir.join(FILM_FILE);
    let film = fs::symlink_metadata(&film_path)
        .is_ok()
        .then_some(film_path);
    let reviews_dir = dir.join(REVIEWS_DIR);
    let mut reviews = Vec::new();
    let mut problems = Vec::new();
    let mut bytes = film
        .as_ref()
        .and_then(|p| fs::metadata(p).ok())
        .map_or(0, |m| m.len());
    match fs::read_dir(&reviews_dir) {
        Ok(entries) => {
            for entry in entries.filter_map(Result::ok) {
                let p = entry.path();
                let hidden = entry.file_name().to_string_lossy().starts_with('.');
                // Hidden non-files are editor lock links (Emacs's `.#review.toml`), not reviews.
                let meta = fs::metadata(&p).ok();
                let regular = meta.as_ref().is_some_and(fs::Metadata::is_file);
                // `ID.fetched.toml` is a fetch's copy kept beside a review the person edited:
                // theirs to merge, not a second review.
                let kept_copy = entry
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".fetched.toml");
                if p.extension().is_some_and(|e| e == "toml") && (regular || !hidden) && !kept_copy
                {
                    let id = p
                        .file_stem()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned();
                    bytes += meta.filter(|_| regular).map_or(0, |m| m.len());
                    reviews.push((id, p));
                }
            }
        }
        // A collection may be a film alone, with no reviews folder.
        Err(_) if fs::symlink_metadata(&reviews_dir).is_err() => {}
        Err(_) if reviews_dir.is_file() => problems.push(whole_file_error(
            &reviews_dir.display().to_string(),
            "is a file, not a folder: review files go in a folder named reviews",
        )),
        Err(e) => {
            let message = format!("cannot read folder: {}", reason(&reviews_dir, &e));
            problems.push(whole_file_error(
                &reviews_dir.display().to_string(),
                &message,
            ));
        }
    }
    reviews.sort_by(|a, b| a.0.cmp(&b.0));
    unique_ids(&mut reviews, &mut problems);
    Plan {
        dir,
        film,
        reviews,
        problems,
        bytes,
    }
}

/// Two file names that differ only in characters the loader shows as stand-ins
/// (`dup\u{200b}.toml`, `dup\u{200c}.toml`) would give one ID, and commands and the
/// reading state could reach only one of them: the later is left out, and said.
fn unique_ids(reviews: &mut Vec<(String, PathBuf)>, problems: &mut Vec<Diagnostic>) {
    let mut seen: std::collections::HashMap<String, PathBuf> = std::collections::HashMap::new();
    reviews.retain(|(id, path)| {
        let shown = crate::sanitize::sanitize_line(id);
        if let Some(first) = seen.get(&shown) {
            let first_name = first
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            problems.push(whole_file_error(
                &path.display().to_string(),
                &format!(
                    "its review ID `{shown}` is also the ID of {first_name} (the two names differ only in characters that cannot be shown); this file is left out: rename one of them"
                ),
            ));
            false
        } else {
            seen.insert(shown, path.clone());
            true
        }
    });
}

/// A file's display path and contents, or why they could not be read.
pub(super) fn read(path: &Path, options: &LoadOptions) -> SourceFile {
    SourceFile {
        path: path.display().to_string(),
        bytes: read_file(path, options),
    }
}

/// An error about a whole file (or folder).
pub(super) fn whole_file_error(path: &str, message: &str) -> Diagnostic {
    Diagnostic::whole_file(path, Severity::Error, message)
}

pub(super) fn is_collection(path: &Path) -> bool {
    fs::symlink_metadata(path.join(FILM_FILE)).is_ok() || path.join(REVIEWS_DIR).is_dir()
}

pub(super) fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Says why `path` could not be opened, in words rather than an OS error number.
pub(super) fn reason(path: &Path, e: &io::Error) -> String {
    let link = is_symlink(path);
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::NotFound if link => {
            "broken symbolic link (its target does not exist)".to_owned()
        }
        io::ErrorKind::NotFound => "it no longer exists".to_owned(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file".to_owned(),
        // ELOOP has no stable `ErrorKind`: its number, on the systems reelread runs on.
        _ if link && e.raw_os_error() == Some(ELOOP) => {
            "symbolic link loop (the link leads back to itself)".to_owned()
        }
        _ if link => format!("its link's target cannot be read: {}", plain(e)),
        _ => plain(e),
    }
}

/// `ELOOP`: 40 on Linux, 62 on macOS and the BSDs.
const ELOOP: i32 = if cfg!(target_os = "linux") { 40 } else { 62 };

/// An error as a sentence, without the `(os error N)` a person cannot act on.
fn plain(e: &io::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => text[..at].to_owned(),
        _ => text,
    };
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// The collections in a library folder, sorted. Symbolic links that loop (to themselves,
/// or back to the library or above it) are reported and not followed.
pub(super) fn library_entries(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let entries = match fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) => {
            let message = format!("cannot read folder: {}", reason(path, &e));
            diagnostics.push(whole_file_error(&path.display().to_string(), &message));
            return Vec::new();
        }
    };
    let home = fs::canonicalize(path).ok();
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let mut dirs = Vec::new();
    for dir in paths {
        let hidden = dir
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if is_symlink(&dir) {
            let problem = match fs::canonicalize(&dir) {
                // A film folder's link whose target is gone (a moved or unmounted disk):
                // a film that does not load, counted and said as a skipped file is.
                // Hidden links are editors' lock files, dangling by design.
                Err(e) if e.kind() == io::ErrorKind::NotFound && !hidden => Some((
                    Severity::Error,
                    format!(
                        "{}; skipped (point the link at the film's folder, or remove it)",
                        reason(&dir, &e)
                    ),
                )),
                Err(e) if e.kind() == io::ErrorKind::NotFound => None,
                Err(e) => Some((Severity::Warning, format!("{}; skipped", reason(&dir, &e)))),
                Ok(target) if home.as_ref().is_some_and(|h| h.starts_with(&target)) => Some((
                    Severity::Warning,
                    "symbolic link loop: it leads back to the library folder; not followed"
                        .to_owned(),
                )),
                _ => None,
            };
            if let Some((severity, message)) = problem {
                diagnostics.push(Diagnostic::whole_file(
                    &dir.display().to_string(),
                    severity,
                    &message,
                ));
                continue;
            }
        }
        if is_collection(&dir) {
            dirs.push(dir);
        }
    }
    dirs
}

/// A file's bytes, refused from its metadata when it is not a regular file or is over
/// the size limit, so pipes, devices and huge files never stall loading.
pub(super) fn read_file(path: &Path, options: &LoadOptions) -> Result<Vec<u8>, String> {
    let cannot = |e: &io::Error| format!("cannot read file: {}", reason(path, e));
    let meta = fs::metadata(path).map_err(|e| cannot(&e))?;
    if !meta.is_file() {
        return Err(format!(
            "cannot read file: it is {}, not a file",
            kind(&meta)
        ));
    }
    let limit = options.max_file_bytes;
    if meta.len() > limit {
        return Err(format!(
            "file is {}, over the {} limit; not read",
            size_text(meta.len()),
            limit_text(limit)
        ));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|e| cannot(&e))?;
    if bytes.len() as u64 > limit {
        // It grew between the size check and the read.
        return Err(format!(
            "file is over the {} limit; not read",
            limit_text(limit)
        ));
    }
    Ok(bytes)
}

/// What a path that is not a regular file is, in words: reading a FIFO blocks until a
/// writer comes, and a device (`/dev/zero`) never ends.
fn kind(meta: &fs::Metadata) -> &'static str {
    if meta.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
    }
    "not a regular file"
}

/// The bytes of the file at `path` when it is a regular file of at most `limit` bytes,
/// else why not (what the path is, or its size and the limit), so the state, the config
/// and `import` read with the loader's checks rather than a copy of them. The message
/// leaves the path to the caller, which names it.
///
/// # Errors
///
/// When `path` cannot be opened, is not a regular file, or is (or grows) over `limit`.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    // The loader's "it no longer exists" is for a file listed a moment ago; a path given
    // (`--config`, `import`'s file) may never have existed.
    if fs::symlink_metadata(path).is_err_and(|e| e.kind() == io::ErrorKind::NotFound) {
        return Err("cannot read file: no such file".to_owned());
    }
    read_file(
        path,
        &LoadOptions {
            max_file_bytes: limit,
        },
    )
}

const KIB: u64 = 1024;
const MIB: u64 = 1024 * KIB;

/// A file size to one decimal: `20.0 MiB`, `1.5 KiB`, `300 bytes`.
fn size_text(bytes: u64) -> String {
    if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else if bytes >= KIB {
        format!("{:.1} KiB", bytes as f64 / KIB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

/// A limit as it was likely set: `16 MiB`, `1 KiB`, else as a size.
fn limit_text(bytes: u64) -> String {
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else {
        size_text(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::{LoadOptions, limit_text};
    use crate::data::stream::load_path_with;

    #[test]
    fn the_size_limit_is_configurable() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/invalid/too-big"
        );
        let options = LoadOptions {
            max_file_bytes: 1024,
        };
        let library = load_path_with(std::path::Path::new(dir), &options);
        let ids: Vec<_> = library.reviews().map(|(_, r)| r.id.as_str()).collect();
        assert_eq!(ids, ["good"]);
        let [d] = library.diagnostics.as_slice() else {
            panic!("{:?}", library.diagnostics)
        };
        assert_eq!(
            d.to_string(),
            format!(
                "{dir}/reviews/too-big.toml: error: file is 1.5 KiB, over the 1 KiB limit; not read"
            )
        );
        assert_eq!(library.files_skipped, 1);
        let library = load_path_with(std::path::Path::new(dir), &LoadOptions::default());
        assert_eq!((library.reviews().count(), library.files_skipped), (2, 0));
        assert_eq!(limit_text(16 * 1024 * 1024), "16 MiB");
        assert_eq!(limit_text(1000), "1000 bytes");
    }
}
