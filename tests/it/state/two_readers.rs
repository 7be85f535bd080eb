//! Two readers on one state file, in two pseudo-terminals: a star made in each survives
//! both quitting, whichever quits last.

use crate::support::pty::Pty;

fn reader(home: &std::path::Path) -> Pty {
    Pty::spawn_with(env!("CARGO_BIN_EXE_reelread"), &[], 120, 40, |cmd| {
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_STATE_HOME", home.join("state"));
    })
}

#[test]
fn stars_from_two_readers_at_once_are_both_kept() {
    let home = tempfile::tempdir().expect("temp home");
    let mut first = reader(home.path());
    let mut second = reader(home.path());
    for app in [&mut first, &mut second] {
        app.wait_for("the list", |s| s.pane("Reviews 5").is_some());
    }
    // The first stars the first review; the second moves down and stars the second.
    first.send("s");
    first.wait_for("the first row starred", |s| s.contains("▶ ★"));
    second.send("j");
    second.send("s");
    second.wait_for("the second row starred", |s| s.contains("▶ ★"));
    first.send("q");
    assert!(first.wait_exit().success());
    second.send("q");
    assert!(second.wait_exit().success());
    let state = reelread::state::load(&home.path().join("state/reelread/state.toml")).state;
    let starred: usize = state
        .collections
        .values()
        .flat_map(|c| c.reviews.values())
        .filter(|r| r.starred)
        .count();
    assert_eq!(starred, 2, "{state:?}");
}
