//! More of the tests in `state.rs`, which holds their helpers.

use super::*;

#[test]
fn a_killed_writer_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.toml");
    let mut last = 0;
    // Deterministic but irregular delays, so kills land at different points of a save.
    let delays_ms = [1, 17, 4, 29, 9, 2, 23, 13, 6, 30, 11, 3];
    for delay in delays_ms {
        let mut child = KillOnDrop(
            run_self("writer_child", &[(WRITER_ENV, path.as_os_str())], &[])
                .spawn()
                .expect("spawn writer"),
        );
        // Wait until this writer has saved at least once, then kill it mid-stream.
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let loaded = state::load(&path);
            assert_eq!(loaded.warning, None, "a reader saw a broken file");
            if generation_of(&loaded.state) > last {
                break;
            }
            assert!(Instant::now() < deadline, "writer made no progress");
            assert!(
                child.0.try_wait().expect("poll writer").is_none(),
                "writer exited early"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(delay));
        child.0.kill().expect("SIGKILL writer");
        child.0.wait().expect("reap writer");

        let loaded = state::load(&path);
        assert_eq!(loaded.warning, None, "killed after {delay} ms: broken file");
        let now = generation_of(&loaded.state);
        assert!(
            now > last,
            "killed after {delay} ms: went back from {last} to {now}"
        );
        last = now;
    }
    // Leftover temporary files from killed saves are harmless: only state.toml is read.
    assert!(file_names(dir.path()).contains(&"state.toml".to_owned()));
}

#[test]
fn unreadable_path_is_set_aside_with_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.toml");
    // A folder where the file should be cannot be read as one, even by root.
    std::fs::create_dir(&path).expect("mkdir");
    let loaded = state::load(&path);
    assert_eq!(loaded.state, ReadingState::default());
    let warning = loaded.warning.expect("a warning");
    assert!(
        warning.starts_with(&format!(
            "state file could not be read ({}: ",
            path.display()
        )),
        "{warning}"
    );
    assert!(warning.contains("set aside as"), "{warning}");
    state::save(&path, &sample()).expect("save after setting aside");
    assert_eq!(state::load(&path).state, sample());
}
