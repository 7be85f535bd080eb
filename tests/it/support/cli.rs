//! Running the real binary as a command, away from the user's own config, library and
//! reading state, so a developer's files never change what a test sees.

use std::path::Path;
use std::process::{Command, Output};

/// `reelread ARGS` with its config, data and state homes in an empty place.
pub fn run(args: &[&str]) -> Output {
    run_with_home(
        args,
        &Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-home"),
    )
}

/// `reelread ARGS` with `home` as its home and XDG folders (which may hold a library).
pub fn run_with_home(args: &[&str], home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reelread"))
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .output()
        .expect("run reelread")
}
