//! reelread: a terminal reader for film reviews.
//!
//! The crate is split so every layer can be tested on its own: [`data`] parses and
//! validates collections and knows nothing of the terminal, [`diagnostic`] locates every
//! problem in a file as `path:line:column`, [`app`] holds all state and
//! changes only through [`app::update`], [`keymap`] turns keys into actions, [`doc`]
//! lays a review out as wrapped lines, [`ui`] draws an `&App` and [`cli`] is the
//! command line.

pub mod action;
pub mod app;
pub mod atomic;
pub mod cli;
pub mod config;
pub mod data;
pub mod diagnostic;
pub mod doc;
pub mod export;
pub mod import;
pub mod keymap;
pub mod layout;
pub mod par;
pub mod query;
pub mod session;
pub mod state;
pub mod tui;
pub mod ui;
