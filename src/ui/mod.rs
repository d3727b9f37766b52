//! The page: Leptos components over the [`Workspace`](crate::workspace::Workspace).
//! State is created once in [`App`] and passed down by context; all browser I/O is in
//! `io`.

mod app;
mod articles;
mod detail;
mod event_item;
mod filters;
mod histogram;
mod io;
mod lanes;
mod network;
mod timeline;
mod toolbar;
mod viewer;

pub use app::App;
pub use io::{
    in_worker, install_panic_hook, remove_loading_note, serve_jobs, serve_reading, start_worker_now,
};
