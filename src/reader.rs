//! The full reader's WebAssembly entry point, built by Trunk as a worker of its own
//! (`dateline-reader`): HTML pages, JSON holding HTML, and text in legacy encodings.
//! The page's module leaves those readers out so that it arrives sooner; the analysis
//! worker starts this one when a dropped file first needs it (DESIGN.md, "The first
//! screen"). Natively it does nothing: the CLI reads everything itself.

#[cfg(target_arch = "wasm32")]
fn main() {
    dateline::ui::serve_reading();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
