//! One integration test binary (it links the crate once), a module per area; helpers
//! once in `support`. The `e2e*` modules drive the real binary in a pseudo-terminal.

mod app;
mod app_keys;
mod cli;
mod config;
mod data;
mod e2e;
mod e2e_habits;
mod e2e_hostile;
mod e2e_input;
mod e2e_keys;
mod e2e_scale;
mod e2e_signals;
mod export;
mod file_limits;
mod hostile_args;
mod hostile_urls;
mod http;
mod huge_review;
mod import;
mod layers;
mod loading;
mod properties;
mod reading;
mod reload;
mod sources;
mod state;
mod support;
mod ui;
mod ui_keys;
