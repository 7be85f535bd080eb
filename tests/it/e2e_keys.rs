//! End-to-end tests of the editor key and the saved view: the real binary in a
//! pseudo-terminal, with a fake editor the test writes and a state folder shared by two
//! runs.

use std::path::Path;

use crate::support::pty::Pty;

const BIN: &str = env!("CARGO_BIN_EXE_reelread");

/// A collection folder with two reviews.
fn collection(root: &Path) -> std::path::PathBuf {
    let dir = root.join("film");
    std::fs::create_dir_all(dir.join("reviews")).expect("mkdir");
    std::fs::write(dir.join("film.toml"), "title = \"Keys Film\"\n").expect("film");
    for (id, title, date) in [
        ("a", "Older Review", "2001-01-01"),
        ("b", "Newer Review", "2020-01-01"),
    ] {
        std::fs::write(
            dir.join(format!("reviews/{id}.toml")),
            format!("title = \"{title}\"\npublished = {date}\nbody = \"Body of {title}.\"\n"),
        )
        .expect("review");
    }
    dir
}

/// Starts the reader on `dir` with these variables, at 100×30.
fn start(dir: &Path, env: &[(&str, &str)]) -> Pty {
    let args = [dir.to_str().expect("utf-8 path")];
    let mut app = Pty::spawn_with(BIN, &args, 100, 30, |cmd| {
        cmd.env_remove("VISUAL");
        cmd.env_remove("EDITOR");
        for (name, value) in env {
            cmd.env(name, value);
        }
    });
    app.wait_for_text("Older Review");
    app
}

#[cfg(unix)]
#[test]
fn e_runs_the_editor_on_the_review_file_and_the_reader_shows_the_edit() {
    use std::os::unix::fs::PermissionsExt as _;
    let root = tempfile::tempdir().expect("tempdir");
    let dir = collection(root.path());
    // The fake editor appends a comment to the file it is given, and notes its arguments.
    let script = root.path().join("editor.sh");
    let args = root.path().join("args");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\nprintf '\\n[[comments]]\\nauthor = \"Ed\"\\ntext = \"Written in the editor\"\\n' >> \"$2\"\n",
            args.display()
        ),
    )
    .expect("script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    // With an option, the way `code -w` is written: the value is split on whitespace.
    let editor = format!("{} --wait", script.display());
    let mut app = start(&dir, &[("EDITOR", &editor)]);
    app.send("E");
    let s = app.wait_for("the edit in the reading pane", |s| {
        s.pane_contains("Reading", "Written in the editor")
    });
    assert!(
        s.contains("Re-read from disk: 1 review changed"),
        "{}",
        s.text()
    );
    let given = std::fs::read_to_string(&args).expect("the editor ran");
    let lines: Vec<&str> = given.lines().collect();
    assert_eq!(lines.len(), 2, "{given}");
    assert_eq!(lines[0], "--wait");
    assert!(lines[1].ends_with("reviews/a.toml"), "{given}");
    // The reader has the terminal again: keys work.
    app.send("J");
    app.wait_for("the next review", |s| {
        s.pane_first_line("Reading")
            .is_some_and(|l| l.starts_with("Newer Review"))
    });
    app.send("q");
    assert!(app.wait_exit().success());
}

#[cfg(unix)]
#[test]
fn keys_typed_while_the_editor_runs_are_the_editors() {
    use std::os::unix::fs::PermissionsExt as _;
    let root = tempfile::tempdir().expect("tempdir");
    let dir = collection(root.path());
    // An editor that asks for a line on the terminal and writes it into the file.
    let script = root.path().join("editor.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nprintf 'EDITOR READY> '\nread -r line\nprintf '\\n[[comments]]\\ntext = \"%s\"\\n' \"$line\" >> \"$1\"\n",
    )
    .expect("script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let editor = script.to_str().expect("utf-8 path").to_owned();
    let mut app = start(&dir, &[("EDITOR", &editor)]);
    app.send("E");
    app.wait_for_screen("the editor's prompt", |s| s.contains("EDITOR READY>"));
    // Keys the reader would take as commands (q quits, J moves): here they are text.
    app.send("Jq typed\r");
    let s = app.wait_for("the typed line in the review", |s| {
        s.pane_contains("Reading", "Jq typed")
    });
    assert!(
        s.pane_first_line("Reading")
            .is_some_and(|l| l.starts_with("Older Review")),
        "J did not move the reader:\n{}",
        s.text()
    );
    app.send("q");
    assert!(app.wait_exit().success());
}

#[cfg(unix)]
#[test]
fn ctrl_c_at_the_editor_stops_the_editor_not_the_reader() {
    use std::os::unix::fs::PermissionsExt as _;
    let root = tempfile::tempdir().expect("tempdir");
    let dir = collection(root.path());
    let script = root.path().join("editor.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nprintf 'EDITOR READY> '\nread -r line\n",
    )
    .expect("script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let editor = script.to_str().expect("utf-8 path").to_owned();
    let mut app = start(&dir, &[("EDITOR", &editor)]);
    app.send("E");
    app.wait_for_screen("the editor's prompt", |s| s.contains("EDITOR READY>"));
    app.send("\x03");
    app.wait_for_text("stopped by a signal");
    app.send("J");
    app.wait_for("the reader at work again", |s| {
        s.pane_first_line("Reading")
            .is_some_and(|l| l.starts_with("Newer Review"))
    });
    app.send("q");
    assert!(app.wait_exit().success());
}

#[test]
fn an_editor_that_cannot_start_is_named_with_how_to_set_one() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = collection(root.path());
    let mut app = start(&dir, &[("VISUAL", "/nonexistent/reelread-editor -f")]);
    app.send("E");
    let s = app.wait_for_text("Could not start the editor");
    let text = s.text();
    assert!(text.contains("/nonexistent/reelread-editor"), "{text}");
    app.resize(200, 30);
    let s = app.wait_for_text("set VISUAL (it comes before EDITOR) to one you have");
    assert!(s.contains("($VISUAL)"), "{}", s.text());
    app.send("q");
    assert!(app.wait_exit().success());
}

#[test]
fn the_sort_its_direction_and_hide_read_come_back_on_the_next_run() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = collection(root.path());
    let state = root.path().join("state");
    let state_var = state.to_str().expect("utf-8 path").to_owned();
    let env = [("XDG_STATE_HOME", state_var.as_str())];
    let mut first = start(&dir, &env);
    // Another order, reversed, read reviews hidden.
    first.send("oOH");
    let s = first.wait_for("the order and hide-read in the header", |s| {
        s.row(0).contains("By date, oldest first") && s.row(0).contains("Unread only")
    });
    // Compared without trailing blanks: a cell a progress text once filled reads as a
    // blank, one never drawn as nothing.
    let header = s.row(0).trim_end().to_owned();
    let order = |list: &str| list.find("Newer Review") < list.find("Older Review");
    let newer_first = order(&s.pane("Reviews").unwrap_or_default());
    first.send("q");
    assert!(first.wait_exit().success());
    let saved = std::fs::read_to_string(state.join("reelread/state.toml")).expect("state");
    assert!(saved.contains("[view]"), "{saved}");

    let mut second = start(&dir, &env);
    let s = second.wait_for(&format!("the same header {header:?}"), |s| {
        s.row(0).trim_end() == header
    });
    let list = s.pane("Reviews").unwrap_or_default();
    assert!(
        list.contains("Newer Review") && list.contains("Older Review"),
        "{list}"
    );
    assert_eq!(order(&list), newer_first, "the same order:\n{list}");
    // Showing read reviews again is remembered too.
    second.send("H");
    second.send("q");
    assert!(second.wait_exit().success());
    let saved = std::fs::read_to_string(state.join("reelread/state.toml")).expect("state");
    assert!(saved.contains("hide_read = false"), "{saved}");
}
