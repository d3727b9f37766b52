//! Dateline: turn a pile of news articles into a timeline of dated events.
//!
//! [`analysis`] is the pure core shared by the command-line tool (`src/bin/dateline.rs`)
//! and the WebAssembly page ([`ui`], built only for `wasm32`).

pub mod analysis;
pub mod workspace;

#[cfg(target_arch = "wasm32")]
pub mod ui;
