//! reelread: a terminal reader for film reviews.
//!
//! Layers go one way (lowest first; `docs/architecture.md` has the map and
//! `tests/it/layers.rs` checks it): [`atomic`], [`sanitize`] → [`diagnostic`]
//! (`path:line:column: message`) → [`data`] (parse, validate, sanitise; no terminal) →
//! [`query`] → [`doc`] (layout) → [`layout`] → [`action`] (commands and keys) →
//! [`keymap`] → [`config`] → [`state`], [`export`], [`import`] → [`app`] (all state;
//! changes only in [`app::update`]) → [`session`] → [`ui`] (draws `&App`) → [`tui`]
//! (the loop, effects, workers) → [`cli`].
//!
//! The public surface is what the binary (`cli::main`) and the tests and benchmarks
//! need: every layer is public so each can be tested on its own, and nothing public
//! exists only for them.

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
pub mod query;
pub mod sanitize;
pub mod session;
pub mod sources;
pub mod state;
pub mod tui;
pub mod ui;
