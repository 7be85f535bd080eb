//! Reading state on disk: round trips, broken files set aside, failed writes that keep the
//! old file, and a writer killed at random moments that never leaves a torn file.

use crate::support::state::StateExt as _;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reelread::state::{self, ReadingState, ReviewState};

/// The environment variable that turns [`writer_child`] into the kill test's writer.
const WRITER_ENV: &str = "REELREAD_STATE_WRITER";
/// The environment variable that turns [`default_path_child`] into a checker.
const EXPECT_ENV: &str = "REELREAD_EXPECT_STATE_PATH";

fn sample() -> ReadingState {
    let mut s = ReadingState::default();
    s.mark_read("1-mile-to-you", "trailer-park", 20);
    s.review_mut("1-mile-to-you", "trailer-park").scroll = 42;
    s.toggle_star("1-mile-to-you", "trailer-park");
    s.toggle_star("1-mile-to-you", "review \"quoted\" é");
    s.set_last_open("1-mile-to-you", "trailer-park");
    s.review_mut("/home/me/films/other", "x.toml").scroll = 3;
    s
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn save_then_load_round_trips() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deeper/reelread/state.toml");
    let state = sample();
    state::save(&path, &state).expect("save");
    let loaded = state::load(&path);
    assert_eq!(loaded.warning, None);
    assert_eq!(loaded.state, state);
    assert_eq!(
        loaded.state.last_open("1-mile-to-you"),
        Some("trailer-park")
    );
    assert_eq!(
        loaded.state.starred("1-mile-to-you"),
        ["review \"quoted\" é", "trailer-park"]
    );
    assert_eq!(
        loaded
            .state
            .new_comments("1-mile-to-you", "trailer-park", 23),
        3
    );
    // Saving again replaces the file and leaves no temporary files behind.
    state::save(&path, &ReadingState::default()).expect("save again");
    assert_eq!(state::load(&path).state, ReadingState::default());
    assert_eq!(file_names(path.parent().expect("parent")), ["state.toml"]);
}

#[test]
fn missing_file_gives_defaults_without_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let loaded = state::load(&dir.path().join("nope/state.toml"));
    assert_eq!(loaded, state::Loaded::default());
}

#[test]
fn partial_file_with_unknown_and_missing_fields_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.toml");
    std::fs::write(
        &path,
        "version = 9\n\
         [collections.c]\n\
         colour = \"blue\"\n\
         [collections.c.reviews.a]\n\
         starred = true\n\
         future_field = [1, 2]\n\
         [collections.c.reviews.b]\n\
         [collections.d]\n",
    )
    .expect("write");
    let loaded = state::load(&path);
    assert_eq!(loaded.warning, None);
    let a = loaded.state.review("c", "a");
    assert!(a.starred && !a.read && a.scroll == 0 && a.comments_seen == 0);
    assert_eq!(loaded.state.review("c", "b"), ReviewState::default());
    assert_eq!(loaded.state.last_open("c"), None);
    assert_eq!(loaded.state.last_open("d"), None);
    assert!(path.exists(), "a good file is never moved");
}

/// Loads `bytes` as a state file and checks it was set aside intact with a warning.
fn assert_set_aside(bytes: &[u8], expected_location: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.toml");
    std::fs::write(&path, bytes).expect("write");
    let loaded = state::load(&path);
    assert_eq!(loaded.state, ReadingState::default());
    let warning = loaded.warning.expect("a warning");
    assert!(
        warning.starts_with(&format!(
            "state file was corrupt ({}:{expected_location}: ",
            path.display()
        )),
        "{warning}"
    );
    assert!(warning.ends_with("; starting fresh"), "{warning}");
    assert!(!warning.contains('\n'), "{warning}");
    assert!(!path.exists(), "the broken file is moved away");
    let names = file_names(dir.path());
    assert_eq!(names.len(), 1, "{names:?}");
    let aside = &names[0];
    let seconds = aside
        .strip_prefix("state.toml.corrupt-")
        .unwrap_or_else(|| panic!("aside name {aside}"));
    assert!(seconds.parse::<u64>().is_ok(), "{aside}");
    assert!(warning.contains(&format!(
        "set aside as {}",
        dir.path().join(aside).display()
    )));
    assert_eq!(
        std::fs::read(dir.path().join(aside)).expect("read aside"),
        bytes
    );
    // The next save starts a fresh file and keeps the broken one.
    state::save(&path, &sample()).expect("save");
    assert_eq!(state::load(&path).state, sample());
    assert_eq!(file_names(dir.path()).len(), 2);
    warning
}

#[test]
fn corrupt_toml_is_set_aside_with_a_warning() {
    assert_set_aside(b"[collections.c]\nlast_open = \"unterminated\n", "2:26");
}

#[test]
fn wrong_types_are_set_aside_with_a_warning() {
    let warning = assert_set_aside(
        b"[collections.c.reviews.r]\nread = true\nscroll = -4\n",
        "3:10",
    );
    assert!(
        warning.contains("scroll") || warning.contains("integer"),
        "{warning}"
    );
}

#[test]
fn non_utf8_is_set_aside_with_a_warning() {
    assert_set_aside(b"[collections.c]\nlast_open = \"\xff\xfe\"\n", "2:14");
}

#[test]
fn a_second_corruption_in_the_same_second_keeps_both_asides() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.toml");
    std::fs::write(&path, "one = ").expect("write");
    assert!(state::load(&path).warning.is_some());
    std::fs::write(&path, "two = ").expect("write");
    assert!(state::load(&path).warning.is_some());
    let names = file_names(dir.path());
    assert_eq!(names.len(), 2, "{names:?}");
    let mut contents: Vec<Vec<u8>> = names
        .iter()
        .map(|n| std::fs::read(dir.path().join(n)).expect("read"))
        .collect();
    contents.sort();
    assert_eq!(contents, [b"one = ".to_vec(), b"two = ".to_vec()]);
}

/// Makes a folder read-only for the length of a test, restoring it even on panic so the
/// temporary folder can be deleted.
#[cfg(unix)]
struct ReadOnly<'a>(&'a Path);

#[cfg(unix)]
impl<'a> ReadOnly<'a> {
    fn new(dir: &'a Path) -> Self {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).expect("chmod");
        Self(dir)
    }

    /// False when the process can write anyway (root, or `CAP_DAC_OVERRIDE`).
    fn enforced(&self) -> bool {
        let probe = self.0.join("probe");
        match std::fs::write(&probe, b"") {
            Ok(()) => {
                std::fs::remove_file(probe).expect("remove probe");
                false
            }
            Err(_) => true,
        }
    }
}

#[cfg(unix)]
impl Drop for ReadOnly<'_> {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(self.0, std::fs::Permissions::from_mode(0o755));
    }
}

#[cfg(unix)]
#[test]
fn save_into_a_read_only_folder_fails_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.toml");
    state::save(&path, &sample()).expect("first save");
    let before = std::fs::read(&path).expect("read");
    let read_only = ReadOnly::new(dir.path());
    let result = state::save(&path, &ReadingState::default());
    if read_only.enforced() {
        let err = result.expect_err("saving into a read-only folder must fail");
        assert_eq!(err.kind(), std::io::ErrorKind::PermissionDenied, "{err}");
        assert_eq!(std::fs::read(&path).expect("read"), before);
        assert_eq!(file_names(dir.path()), ["state.toml"]);
    } else {
        // Running as root: permissions do not stop writes, so the save may succeed.
        // Only the weaker promise can be checked: the file is whole, old or new.
        let loaded = state::load(&path);
        assert_eq!(loaded.warning, None);
        assert!(result.is_ok(), "{result:?}");
    }
}

#[cfg(unix)]
#[test]
fn corrupt_file_that_cannot_be_moved_is_left_in_place_with_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.toml");
    std::fs::write(&path, "= broken").expect("write");
    let read_only = ReadOnly::new(dir.path());
    let loaded = state::load(&path);
    assert_eq!(loaded.state, ReadingState::default());
    let warning = loaded.warning.expect("a warning");
    assert!(warning.starts_with("state file was corrupt ("), "{warning}");
    if read_only.enforced() {
        assert!(
            warning.contains("could not set it aside (") && warning.contains("left in place"),
            "{warning}"
        );
        assert_eq!(std::fs::read(&path).expect("read"), b"= broken");
    } else {
        // Running as root: the rename succeeds despite the permissions.
        assert!(warning.contains("set aside as"), "{warning}");
    }
}

/// Runs one test of this very binary in a child process, with `env` set.
fn run_self(test: &str, env: &[(&str, &OsStr)], remove: &[&str]) -> Command {
    // The test's full name inside this binary: its module path without the crate.
    let module = module_path!().split_once("::").map_or("", |(_, rest)| rest);
    let name = format!("{module}::{test}");
    let mut command = Command::new(std::env::current_exe().expect("test binary"));
    command
        .args([name.as_str(), "--exact", "--nocapture", "--test-threads=1"])
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    for (key, value) in env {
        command.env(key, value);
    }
    for key in remove {
        command.env_remove(key);
    }
    command
}

/// Child half of [`default_path_follows_xdg_state_home_then_home`]: a no-op unless
/// spawned by it, since changing the environment in-process would race other tests.
#[test]
fn default_path_child() {
    let Some(expected) = std::env::var_os(EXPECT_ENV) else {
        return;
    };
    assert_eq!(state::default_path(), Some(PathBuf::from(expected)));
}

#[cfg(unix)]
#[test]
fn default_path_follows_xdg_state_home_then_home() {
    // `None` unsets XDG_STATE_HOME; a relative one is invalid by the spec and ignored.
    let cases = [
        (Some("/xdg/state"), "/xdg/state/reelread/state.toml"),
        (None, "/home/me/.local/state/reelread/state.toml"),
        (
            Some("relative"),
            "/home/me/.local/state/reelread/state.toml",
        ),
    ];
    for (xdg, expected) in cases {
        let mut env = vec![
            ("HOME", OsStr::new("/home/me")),
            (EXPECT_ENV, OsStr::new(expected)),
        ];
        let mut remove = Vec::new();
        match xdg {
            Some(dir) => env.push(("XDG_STATE_HOME", OsStr::new(dir))),
            None => remove.push("XDG_STATE_HOME"),
        }
        let status = run_self("default_path_child", &env, &remove)
            .status()
            .expect("spawn");
        assert!(
            status.success(),
            "XDG_STATE_HOME={xdg:?} should give {expected}"
        );
    }
}

/// The state after `n` saves of the writer: `n` reviews, each checkable on its own,
/// padded so a save takes long enough to be interrupted.
fn generation(n: usize) -> ReadingState {
    let mut s = ReadingState::default();
    for i in 0..n {
        let id = format!("review-{i:06}-{}", "x".repeat(40));
        s.mark_read("kill-test", &id, i);
        s.review_mut("kill-test", &id).scroll = i * 7;
        if i % 3 == 0 {
            s.toggle_star("kill-test", &id);
        }
        s.set_last_open("kill-test", &id);
    }
    s
}

/// How many saves a loaded state records; panics if it is not exactly some generation.
fn generation_of(s: &ReadingState) -> usize {
    let n = s
        .collections
        .get("kill-test")
        .map_or(0, |c| c.reviews.len());
    assert_eq!(*s, generation(n), "the file is a mix of two saves");
    n
}

/// Child half of [`a_killed_writer_leaves_the_old_or_the_new_file`]: a no-op unless
/// spawned by it. Continues from what is on disk and saves ever-growing states.
#[test]
fn writer_child() {
    let Some(path) = std::env::var_os(WRITER_ENV) else {
        return;
    };
    let path = PathBuf::from(path);
    let start = generation_of(&state::load(&path).state);
    let deadline = Instant::now() + Duration::from_secs(60);
    // Bounded so an orphaned writer stops on its own.
    for n in start + 1..start + 100_000 {
        state::save(&path, &generation(n)).expect("save");
        if Instant::now() > deadline {
            break;
        }
    }
}

/// Kills the writer if the test fails before it does.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

mod more;
mod two_readers;
