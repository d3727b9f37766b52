//! All browser I/O of the page: reading dropped and picked files, downloading exports,
//! the clock, and scrolling. Components call these; they never touch web_sys.

use jiff::civil::Date;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Blob, BlobPropertyBag, DragEvent, Event, File, FileList, HtmlAnchorElement, HtmlInputElement, Url,
};

/// Today's date in the user's time zone: the one place the page reads the clock.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    jiff::civil::Date::new(d.get_full_year() as i16, d.get_month() as i8 + 1, d.get_date() as i8)
        .unwrap_or(jiff::civil::date(2000, 1, 1))
}

/// Reads every file of a list as (name, bytes). A file that cannot be read becomes a
/// message instead.
pub async fn read_files(list: Vec<File>) -> (Vec<(String, Vec<u8>)>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for file in list {
        match read_file(&file).await {
            Ok(bytes) => files.push((file.name(), bytes)),
            Err(e) => errors.push(format!("file {}: cannot read: {e}", file.name())),
        }
    }
    (files, errors)
}

async fn read_file(file: &File) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| "the browser refused".to_string()))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

fn to_vec(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The files of a file input's change event.
pub fn input_files(ev: &Event) -> Vec<File> {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
        return Vec::new();
    };
    let files = to_vec(input.files());
    // Let the same file be picked again later (this empties the live FileList).
    input.set_value("");
    files
}

/// The files of a drop event (and stops the browser from opening them).
pub fn dropped_files(ev: &DragEvent) -> Vec<File> {
    ev.prevent_default();
    to_vec(ev.data_transfer().and_then(|dt| dt.files()))
}

/// Whether a drag carries files (not text being dragged inside the page).
pub fn drag_has_files(ev: &DragEvent) -> bool {
    ev.prevent_default();
    ev.data_transfer()
        .map(|dt| dt.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
        .unwrap_or(false)
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let err = |e: JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(err)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(err)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: HtmlAnchorElement =
        document.create_element("a").map_err(err)?.dyn_into().map_err(|_| "no anchor")?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    Url::revoke_object_url(&url).map_err(err)?;
    Ok(())
}

/// Scrolls the element with `id` into view and focuses it, after the next render.
pub fn reveal(id: &str) {
    let id = id.to_string();
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id))
        {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(cb.unchecked_ref());
    }
}

/// Focuses the element with `id`, after the next render.
pub fn focus(id: &str) {
    let id = id.to_string();
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(cb.unchecked_ref());
    }
}
