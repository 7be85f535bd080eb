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

#[test]
fn unknown_keys_at_every_level_survive_a_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.toml");
    std::fs::write(
        &path,
        "version = 9\n\
         [newer]\n\
         theme = \"x\"\n\
         [collections.c]\n\
         colour = \"blue\"\n\
         [collections.c.reviews.a]\n\
         starred = true\n\
         future_field = [1, 2]\n\
         [collections.c.reviews.only-unknown]\n\
         highlight = { from = 3, to = 9 }\n\
         [collections.d]\n\
         pinned = true\n",
    )
    .expect("write");
    let mut loaded = state::load(&path).state;
    loaded.review_mut("c", "b").read = true;
    state::save(&path, &loaded).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    let saved: toml::Table = toml::from_str(&text).expect("the saved file is TOML");
    let at = |keys: &[&str]| {
        keys.iter()
            .try_fold(&saved, |t, k| t.get(*k).and_then(toml::Value::as_table))
            .unwrap_or_else(|| panic!("{keys:?} in {text}"))
    };
    assert_eq!(
        saved.get("version"),
        Some(&toml::Value::Integer(9)),
        "{text}"
    );
    assert_eq!(
        at(&["newer"]).get("theme").and_then(|v| v.as_str()),
        Some("x")
    );
    let c = at(&["collections", "c"]);
    assert_eq!(c.get("colour").and_then(|v| v.as_str()), Some("blue"));
    let a = at(&["collections", "c", "reviews", "a"]);
    assert_eq!(
        a.get("future_field").map(ToString::to_string).as_deref(),
        Some("[1, 2]")
    );
    assert_eq!(a.get("starred"), Some(&toml::Value::Boolean(true)));
    let only = at(&["collections", "c", "reviews", "only-unknown"]);
    assert!(only.contains_key("highlight"), "{text}");
    assert_eq!(
        at(&["collections", "d"]).get("pinned"),
        Some(&toml::Value::Boolean(true))
    );
    assert_eq!(
        state::load(&path).state,
        loaded,
        "a second load reads the same"
    );
}
