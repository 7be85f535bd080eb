//! Crash-safe file writes: a temporary file in the same folder, flushed to disk, then
//! renamed over the target, so a kill at any moment leaves the old or the new content.

use std::io::{self, Write};
use std::path::Path;

/// Replaces `path` with `bytes` atomically, creating missing parent folders.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| named_blocker(dir, e))?;
    let mut file = tempfile::Builder::new()
        .prefix(".reelread-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    file.write_all(bytes)?;
    // The temporary file is private (0600); the file written is an ordinary one.
    #[cfg(unix)]
    file.as_file().set_permissions(mode_for(path))?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    // The rename is durable only once the folder itself is flushed.
    if let Ok(handle) = std::fs::File::open(dir) {
        let _ = handle.sync_all();
    }
    Ok(())
}

/// The mode to write `path` with: an existing file's own, else 0644 (what an editor
/// makes under the usual umask 022; reading the umask itself needs `unsafe` libc).
#[cfg(unix)]
fn mode_for(path: &Path) -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map_or(0o644, |m| m.permissions().mode() & 0o7777);
    std::fs::Permissions::from_mode(mode)
}

/// A failed `create_dir_all` said as what is in the way: `C/reviews is a file, not a
/// folder` rather than `File exists (os error 17)`.
fn named_blocker(dir: &Path, e: io::Error) -> io::Error {
    let blocker = dir
        .ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .find_map(|a| Some((a, std::fs::metadata(a).ok().filter(|m| !m.is_dir())?)));
    match blocker {
        Some((b, meta)) => {
            let what = if meta.is_file() {
                "is a file, not a folder"
            } else {
                "is not a folder"
            };
            io::Error::new(e.kind(), format!("{} {what}", b.display()))
        }
        None => e,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_content_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("nested/state.toml");
        super::write(&path, b"one").expect("first write");
        super::write(&path, b"two").expect("second write");
        assert_eq!(std::fs::read(&path).expect("read"), b"two");
        let names: Vec<_> = std::fs::read_dir(path.parent().expect("parent"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["state.toml"]);
    }

    #[test]
    fn a_file_in_the_way_of_the_folder_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let blocker = dir.path().join("reviews");
        std::fs::write(&blocker, "").expect("a file");
        let e = super::write(&blocker.join("a/r.toml"), b"x").expect_err("blocked");
        assert_eq!(
            e.to_string(),
            format!("{} is a file, not a folder", blocker.display())
        );
    }
}
