//! The WebAssembly entry point (built by Trunk). The same module runs the page and,
//! in a Web Worker, the analysis (`src/ui/worker.js` starts it there). Natively it does
//! nothing.

#[cfg(target_arch = "wasm32")]
fn main() {
    if dateline::ui::in_worker() {
        dateline::ui::serve_jobs();
    } else {
        dateline::ui::install_panic_hook();
        // The analysis worker instantiates its module while the page mounts.
        dateline::ui::start_worker_now();
        leptos::mount::mount_to_body(dateline::ui::App);
        dateline::ui::remove_loading_note();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
