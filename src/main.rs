//! The WebAssembly page's entry point (built by Trunk). Natively it does nothing.

#[cfg(target_arch = "wasm32")]
fn main() {
    dateline::ui::install_panic_hook();
    leptos::mount::mount_to_body(dateline::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
