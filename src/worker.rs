//! The analysis worker's entry point (built by Trunk as a Web Worker): reads files and
//! analyses articles for the page. Natively it does nothing.

#[cfg(target_arch = "wasm32")]
fn main() {
    dateline::ui::serve_jobs();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
