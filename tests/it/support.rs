//! Helpers the test modules share: libraries written to a temporary folder, and the real
//! binary in a pseudo-terminal.

pub mod cli;
pub mod drive;
pub mod feeds;
pub mod library;
pub mod pty;
pub mod state;
