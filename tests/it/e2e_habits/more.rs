//! More of the tests in `e2e_habits.rs`, which holds their helpers.

use super::*;

// ---------------------------------------------------------------------------------------
// 2. A keymap from the config file.

#[test]
fn keys_from_the_config_file_replace_the_defaults() {
    let world = World::new();
    world.write_config("[keys]\nquit = [\"x\"]\nnext_source = [\"n\"]\n");
    // Tall enough for the whole key help.
    let mut app = world.spawn_env(&[], &[], 120, 50);
    let s = wait_first_frame(&mut app);
    let hints = footer(&s);
    assert!(hints.contains(" x quit"), "footer: {hints:?}");
    assert!(hints.contains(" n next"), "footer: {hints:?}");
    assert!(!hints.contains(" q quit"), "footer: {hints:?}");

    // q no longer quits: the program goes on and takes the next key.
    app.send("q");
    app.send("n");
    app.wait_for("the second review after n", shows_second_review);
    assert!(app.try_wait().is_none(), "the program exited after q");

    app.send("?");
    app.wait_for("the key help", |s| s.pane("Keys").is_some());
    // Quit is in the last section, Leave: the end of the help.
    app.send("G");
    let s = app.wait_for("the end of the key help", |s| {
        s.pane("Keys").is_some_and(|p| p.contains(" Quit"))
    });
    let help = s.pane("Keys").unwrap_or_default();
    let quit_rows: Vec<&str> = help
        .lines()
        .map(str::trim)
        .filter(|l| l.ends_with(" Quit"))
        .collect();
    assert_eq!(quit_rows.len(), 1, "help:\n{help}");
    let keys: Vec<&str> = quit_rows[0].split_whitespace().collect();
    assert_eq!(keys, ["x", "Quit"], "help:\n{help}");
    app.send("\x1b");
    app.wait_for("the key help closed", |s| s.pane("Keys").is_none());

    quit_with(&mut app, "x");
}

#[test]
fn a_bad_config_still_starts_and_says_so() {
    let world = World::new();
    world.write_config(BAD_CONFIG);
    let mut app = world.spawn(&[]);
    wait_first_frame(&mut app);
    let s = app.wait_for("the config problems in the footer", |s| {
        footer(s).contains("config: 2 problems")
    });
    assert!(
        reading_starts_with(&s, FIRST_TITLE),
        "screen:\n{}",
        s.text()
    );
    quit_with(&mut app, "q");
}

#[test]
fn check_reports_each_config_problem_with_its_place() {
    let world = World::new();
    world.write_config(BAD_CONFIG);
    let output = world
        .command(&["check"])
        .output()
        .expect("run reelread check");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(1),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    let path = world.config_path().display().to_string();
    let problems: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with(&format!("{path}:")))
        .collect();
    assert_eq!(problems.len(), 2, "stdout:\n{stdout}");
    assert!(
        problems[0].starts_with(&format!("{path}:1:14: error: "))
            && problems[0].contains("text_width"),
        "stdout:\n{stdout}"
    );
    assert!(
        problems[1].starts_with(&format!("{path}:3:1: error: "))
            && problems[1].contains("frobnicate"),
        "stdout:\n{stdout}"
    );
    assert!(stdout.contains("2 errors"), "stdout:\n{stdout}");
}

// ---------------------------------------------------------------------------------------
// 4. and 5. Reading state across runs.

#[test]
fn the_open_review_and_stars_survive_a_restart() {
    let world = World::new();

    let mut first = world.spawn(&[]);
    wait_first_frame(&mut first);
    first.send("J");
    first.wait_for("the second review after J", shows_second_review);
    first.send("s");
    first.wait_for("the star confirmed in the footer", |s| {
        footer(s).contains("Starred")
    });
    quit_with(&mut first, "q");

    let state = std::fs::read_to_string(world.state_path()).unwrap_or_else(|e| {
        panic!(
            "no state file at {} after quitting: {e}",
            world.state_path().display()
        )
    });
    assert!(state.contains("heartwarming-story"), "state file:\n{state}");
    assert!(state.contains("starred = true"), "state file:\n{state}");

    let mut second = world.spawn(&[]);
    let s = second.wait_for("the second review reopened on start", |s| {
        s.pane("Reviews 5").is_some() && shows_second_review(s)
    });
    let list = s.pane("Reviews 5").unwrap_or_default();
    let starred: Vec<&str> = list
        .lines()
        .map(str::trim_end)
        .filter(|l| l.contains("★ 1 Mile To You") || l.contains("★●1 Mile To You"))
        .collect();
    assert_eq!(starred.len(), 1, "list:\n{list}");
    assert!(
        starred[0].ends_with("★ 1 Mile To You"),
        "the starred row is not the second review: {:?}\nlist:\n{list}",
        starred[0]
    );
    quit_with(&mut second, "q");

    let output = world
        .command(&["list", "--starred"])
        .output()
        .expect("run reelread list --starred");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "status {:?}, stderr: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let ids: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(ids, ["heartwarming-story"], "stdout:\n{stdout}");
}

#[test]
fn a_corrupt_state_file_is_set_aside() {
    let world = World::new();
    let garbage = "this is [not a state file\n\u{0}\u{1}";
    write_file(&world.state_path(), garbage);
    // Wide, so the whole warning fits in the footer.
    let mut app = world.spawn_env(&[], &[], 220, 40);
    wait_first_frame(&mut app);
    let s = app.wait_for("the state warning in the footer", |s| {
        footer(s).contains("state file was corrupt")
    });
    let hints = footer(&s);
    assert!(hints.contains("set aside"), "footer: {hints:?}");

    let folder = world.state_path().with_file_name("");
    let aside: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("list the state folder")
        .map(|e| e.expect("folder entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("state.toml.corrupt-"))
        })
        .collect();
    assert_eq!(aside.len(), 1, "in {}: {aside:?}", folder.display());
    quit_with(&mut app, "q");
    // Saving the fresh state on quit must not touch the file set aside.
    assert_eq!(
        std::fs::read_to_string(&aside[0]).expect("read the file set aside"),
        garbage
    );
}

#[test]
fn clicking_a_review_opens_it_and_the_wheel_scrolls() {
    let world = World::new();
    let mut app = world.spawn(&[]);
    let s = wait_first_frame(&mut app);
    let raw = app.raw_output();
    assert!(
        raw.windows(ENABLE_MOUSE.len()).any(|w| w == ENABLE_MOUSE),
        "mouse capture was not turned on"
    );

    let at = locate(&s, FOURTH_PREFIX)
        .unwrap_or_else(|| panic!("{FOURTH_PREFIX:?} not on screen:\n{}", s.text()));
    app.send(&mouse(0, at, false));
    app.send(&mouse(0, at, true));
    let s = app.wait_for("the fourth review opened by the click", |s| {
        reading_starts_with(s, FOURTH_TITLE)
    });
    let before =
        reading_line(&s).unwrap_or_else(|| panic!("no `line X/Y` on screen:\n{}", s.text()));

    // Over the text of the reading pane: its title line.
    let over = locate(&s, FOURTH_TITLE)
        .filter(|&(_, col)| col > at.1 + 10)
        .unwrap_or_else(|| panic!("the reading pane's title is not on screen:\n{}", s.text()));
    app.send(&mouse(65, over, false));
    app.send(&mouse(65, over, false));
    let s = app.wait_for("the reading pane scrolled down by the wheel", |s| {
        reading_line(s).is_some_and(|line| line > before)
    });
    assert!(
        s.pane("Reviews 5").is_some(),
        "the list disappeared:\n{}",
        s.text()
    );
    quit_with(&mut app, "q");
}

#[test]
fn mouse_false_leaves_the_mouse_to_the_terminal() {
    let world = World::new();
    world.write_config("mouse = false\n");
    let mut app = world.spawn(&[]);
    wait_first_frame(&mut app);
    app.send("J");
    app.wait_for("the second review after J", shows_second_review);
    quit_with(&mut app, "q");
    let raw = app.raw_output();
    assert!(
        !raw.windows(ENABLE_MOUSE.len()).any(|w| w == ENABLE_MOUSE),
        "mouse capture was turned on with mouse = false"
    );
}

#[test]
fn edited_files_reload_and_a_broken_one_keeps_its_last_good_version() {
    let world = World::new();
    let collection = world.dir("data").join("1-mile-to-you");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data/1-mile-to-you"),
        &collection,
    );
    let dir = collection.to_str().expect("a UTF-8 temporary path");
    let mut app = world.spawn(&[dir]);
    wait_first_frame(&mut app);

    let edited = collection.join("reviews/keep-on-running.toml");
    let text = std::fs::read_to_string(&edited).expect("read keep-on-running.toml");
    let text: Vec<String> = text
        .lines()
        .map(|l| {
            if l.starts_with("title = ") {
                "title = \"Edited Title\"".to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect();
    write_file(&edited, &(text.join("\n") + "\n"));
    app.wait_for("the edited title in the list", |s| {
        s.pane_contains("Reviews 5", "Edited Title")
    });

    write_file(
        &collection.join("reviews/power-in-your-pain.toml"),
        "title = \"unterminated\nbody = [\n",
    );
    let s = app.wait_for("the reload warning in the footer", |s| {
        footer(s).contains("its last good version stays")
    });
    let list = s.pane("Reviews 5").unwrap_or_default();
    assert!(list.contains(FOURTH_PREFIX), "list:\n{list}");
    assert!(list.contains("Edited Title"), "list:\n{list}");
    quit_with(&mut app, "q");
}

#[test]
fn a_film_folder_added_to_the_library_is_read_and_then_watched() {
    let world = World::new();
    let library = world.dir("data").join("library");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data/1-mile-to-you"),
        &library.join("1-mile-to-you"),
    );
    let dir = library.to_str().expect("a UTF-8 temporary path");
    let mut app = world.spawn(&[dir]);
    wait_first_frame(&mut app);

    // A new film, as a fetch writes one: its folder, its film, its first review.
    let film = library.join("another-film");
    write_file(&film.join("film.toml"), "title = \"Another Film\"\n");
    write_file(
        &film.join("reviews/first.toml"),
        "title = \"First Of Another\"\nbody = \"New.\"\n",
    );
    app.wait_for("the new film's review in the list", |s| {
        s.pane_contains("Reviews 6", "First Of Another")
    });
    // Its reviews folder is watched from then on.
    write_file(
        &film.join("reviews/second.toml"),
        "title = \"Second Of Another\"\nbody = \"Newer.\"\n",
    );
    app.wait_for("the second review in the new film's folder", |s| {
        s.pane_contains("Reviews 7", "Second Of Another")
    });
    quit_with(&mut app, "q");
}

// ---------------------------------------------------------------------------------------
// 8. Export.

#[test]
fn e_exports_the_open_review_to_the_working_folder() {
    let world = World::new();
    let mut app = world.spawn(&[]);
    wait_first_frame(&mut app);
    app.send("e");
    let s = app.wait_for("the export confirmed in the footer", |s| {
        footer(s).contains("Exported to")
    });
    let file = world.cwd().join("guilt-and-redemption.md");
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| {
        panic!(
            "{} not written ({e}); footer: {:?}",
            file.display(),
            footer(&s)
        )
    });
    assert!(
        text.starts_with("# 1 Mile To You (2017) Review"),
        "{} starts with:\n{}",
        file.display(),
        &text[..text.len().min(200)]
    );
    quit_with(&mut app, "q");
}

#[cfg(unix)]
#[test]
fn e_creates_the_export_as_the_umask_says() {
    use std::os::unix::fs::PermissionsExt as _;
    let world = World::new();
    // A umask that lets the group write: the export must be 0664, as `touch` would make it.
    let mut app = Pty::spawn_with(
        "/bin/sh",
        &["-c", "umask 002 && exec \"$0\"", BIN],
        120,
        40,
        |cmd| world.configure(cmd, &[]),
    );
    wait_first_frame(&mut app);
    app.send("e");
    app.wait_for("the export confirmed in the footer", |s| {
        footer(s).contains("Exported to")
    });
    let file = world.cwd().join("guilt-and-redemption.md");
    let mode = std::fs::metadata(&file)
        .expect("the export")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o664, "{mode:o}");
    quit_with(&mut app, "q");
}

#[test]
fn a_key_taken_from_another_command_is_said_at_start_and_by_check() {
    let world = World::new();
    world.write_config("[keys]\nopen_url = \"o\"\n");
    let mut app = world.spawn(&[]);
    wait_first_frame(&mut app);
    app.wait_for("the unbound sort said in the footer", |s| {
        footer(s).contains("config: sort has no key (`reelread check`)")
    });
    quit_with(&mut app, "q");
    let out = world.command(&["check"]).output().expect("check");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains(
            "config.toml:2:1: warning: sort has no key left (its keys are bound to other actions)"
        ),
        "{said}"
    );
}
