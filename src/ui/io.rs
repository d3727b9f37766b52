//! All browser I/O of the page: reading dropped and picked files and folders,
//! downloads, the URL, IndexedDB, the service worker, the clock, focus and scrolling.
//! Components call these; they never touch web_sys.

use std::future::Future;
use std::rc::Rc;

use jiff::civil::Date;
use leptos::prelude::{RwSignal, Set};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{
    Blob, BlobPropertyBag, DragEvent, Event, File, FileList, FileSystemDirectoryEntry, FileSystemEntry,
    FileSystemFileEntry, HtmlAnchorElement, HtmlElement, HtmlInputElement, KeyboardEvent, Url,
};

use crate::workspace::Saved;

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// Today's date in the user's time zone: the one place the page reads the clock.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    jiff::civil::Date::new(d.get_full_year() as i16, d.get_month() as i8 + 1, d.get_date() as i8)
        .unwrap_or(jiff::civil::date(2000, 1, 1))
}

/// A file the user gave, with its path inside a dropped folder.
pub struct Picked {
    pub name: String,
    pub file: File,
}

/// Files read by the browser, as (name, bytes): the bytes stay in JavaScript until they
/// are handed to the worker (moved, not copied).
pub type Opened = Vec<(String, js_sys::ArrayBuffer)>;

/// Reads files as (name, bytes), updating `progress` (done, total) and stopping once
/// `stopped` says so. A file that cannot be read becomes a message.
pub async fn read_files(
    list: Vec<Picked>,
    progress: RwSignal<Option<(&'static str, usize, usize, String)>>,
    stopped: impl Fn() -> bool,
) -> (Opened, Vec<String>) {
    let total = list.len();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    // A hundred files at a time, read together by the browser.
    for (c, chunk) in list.chunks(100).enumerate() {
        if stopped() {
            errors.push(format!("cancelled: none of the {total} files being added were added"));
            break;
        }
        // Settled one by one: a file that cannot be read does not stop the others.
        let reads: js_sys::Array = chunk.iter().map(|p| JsValue::from(p.file.array_buffer())).collect();
        let done = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all_settled(&reads)).await;
        let Ok(done) = done else {
            errors.push("the browser refused to read the files".to_string());
            break;
        };
        let done = js_sys::Array::from(&done);
        for (k, p) in chunk.iter().enumerate() {
            let settled = done.get(k as u32);
            let v = get(&settled, "value");
            if v.is_instance_of::<js_sys::ArrayBuffer>() {
                files.push((p.name.clone(), v.unchecked_into()));
            } else {
                errors.push(format!(
                    "file {}: cannot read: {}",
                    p.name,
                    error_text(&get(&settled, "reason"))
                ));
            }
        }
        progress.set(Some(("Opening files", (c * 100 + chunk.len()).min(total), total, String::new())));
    }
    (files, errors)
}

fn list_to_vec(list: Option<FileList>) -> Vec<Picked> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|file| {
            // Files picked with a folder picker carry their path in the folder.
            let rel = js_sys::Reflect::get(&file, &JsValue::from_str("webkitRelativePath"))
                .ok()
                .and_then(|v| v.as_string())
                .filter(|s| !s.is_empty());
            Picked { name: rel.unwrap_or_else(|| file.name()), file }
        })
        .collect()
}

/// The files of a file input's change event.
pub fn input_files(ev: &Event) -> Vec<Picked> {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
        return Vec::new();
    };
    let files = list_to_vec(input.files());
    // Let the same file be picked again later (this empties the live FileList).
    input.set_value("");
    files
}

/// The files of a drop event, folders walked (entries must be taken during the event;
/// their contents are read after). Stops the browser from opening the files.
pub fn dropped(ev: &DragEvent) -> impl Future<Output = Vec<Picked>> {
    ev.prevent_default();
    let mut entries = Vec::new();
    let mut plain = Vec::new();
    if let Some(dt) = ev.data_transfer() {
        let items = dt.items();
        for i in 0..items.length() {
            let Some(item) = items.get(i) else { continue };
            if item.kind() != "file" {
                continue;
            }
            match item.webkit_get_as_entry() {
                Ok(Some(entry)) => entries.push(entry),
                _ => {
                    if let Ok(Some(f)) = item.get_as_file() {
                        plain.push(Picked { name: f.name(), file: f });
                    }
                }
            }
        }
        if entries.is_empty() && plain.is_empty() {
            plain = list_to_vec(dt.files());
        }
    }
    async move {
        let mut out = plain;
        for e in entries {
            walk(e, String::new(), &mut out).await;
        }
        out
    }
}

/// Walks an entry: a file is added; a folder's entries are read in batches (Chromium
/// returns at most 100 per call) until none are left.
fn walk<'a>(
    entry: FileSystemEntry,
    prefix: String,
    out: &'a mut Vec<Picked>,
) -> std::pin::Pin<Box<dyn Future<Output = ()> + 'a>> {
    Box::pin(async move {
        let path = format!("{prefix}{}", entry.name());
        if entry.is_file() {
            let fe: FileSystemFileEntry = entry.unchecked_into();
            let promise = js_sys::Promise::new(&mut |resolve, reject| {
                let ok = Closure::once_into_js(move |f: JsValue| {
                    let _ = resolve.call1(&JsValue::NULL, &f);
                });
                let err = Closure::once_into_js(move |e: JsValue| {
                    let _ = reject.call1(&JsValue::NULL, &e);
                });
                fe.file_with_callback_and_callback(ok.unchecked_ref(), err.unchecked_ref());
            });
            if let Ok(f) = wasm_bindgen_futures::JsFuture::from(promise).await {
                out.push(Picked { name: path, file: f.unchecked_into() });
            }
        } else if entry.is_directory() {
            let dir: FileSystemDirectoryEntry = entry.unchecked_into();
            let reader = dir.create_reader();
            loop {
                let reader2 = reader.clone();
                let promise = js_sys::Promise::new(&mut |resolve, reject| {
                    let ok = Closure::once_into_js(move |entries: JsValue| {
                        let _ = resolve.call1(&JsValue::NULL, &entries);
                    });
                    let err = Closure::once_into_js(move |e: JsValue| {
                        let _ = reject.call1(&JsValue::NULL, &e);
                    });
                    let _ = reader2
                        .read_entries_with_callback_and_callback(ok.unchecked_ref(), err.unchecked_ref());
                });
                let Ok(batch) = wasm_bindgen_futures::JsFuture::from(promise).await else { break };
                let batch: js_sys::Array = batch.unchecked_into();
                if batch.length() == 0 {
                    break;
                }
                for e in batch.iter() {
                    walk(e.unchecked_into(), format!("{path}/"), out).await;
                }
            }
        }
    })
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
    let a: HtmlAnchorElement =
        document().create_element("a").map_err(err)?.dyn_into().map_err(|_| "no anchor")?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    Url::revoke_object_url(&url).map_err(err)?;
    Ok(())
}

/// Opens the browser's print dialog.
pub fn print() {
    let _ = window().print();
}

/// The URL's hash without `#`.
pub fn current_hash() -> String {
    window().location().hash().unwrap_or_default().trim_start_matches('#').to_string()
}

thread_local! {
    /// A hash waiting to replace the current one (typing), and its timer.
    static PENDING_HASH: std::cell::RefCell<Option<(String, i32)>> = const { std::cell::RefCell::new(None) };
}

/// Puts the view state into the URL's hash: a new history entry when `push`, at once;
/// else in place, once typing pauses (a history call can take a frame or more, and a
/// keystroke must not wait for it). Nothing is loaded.
pub fn push_hash(query: &str, push: bool) {
    if let Some((_, timer)) = PENDING_HASH.with(|p| p.borrow_mut().take()) {
        window().clear_timeout_with_handle(timer);
    }
    if push {
        set_hash(query, true);
        return;
    }
    let apply = Closure::once_into_js(|| {
        if let Some((q, _)) = PENDING_HASH.with(|p| p.borrow_mut().take()) {
            set_hash(&q, false);
        }
    });
    if let Ok(timer) =
        window().set_timeout_with_callback_and_timeout_and_arguments_0(apply.unchecked_ref(), 300)
    {
        PENDING_HASH.with(|p| *p.borrow_mut() = Some((query.to_string(), timer)));
    }
}

fn set_hash(query: &str, push: bool) {
    let url = if query.is_empty() {
        let loc = window().location();
        format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default())
    } else {
        format!("#{query}")
    };
    if current_hash() == query {
        return;
    }
    if let Ok(h) = window().history() {
        let _ = if push {
            h.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            h.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// Whether a key event comes from a text field (where keys are typing, not commands).
pub fn typing_in_field(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .map(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
        })
        .unwrap_or(false)
}

/// The tag name of the focused element ("BUTTON", …).
pub fn focused_tag() -> String {
    document().active_element().map(|e| e.tag_name()).unwrap_or_default()
}

/// Scrolls the element with `id` into view, after the next render.
pub fn reveal(id: &str) {
    let id = id.to_string();
    after_render(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    });
}

/// Focuses the element with `id`, after the next render.
pub fn focus(id: &str) {
    let id = id.to_string();
    after_render(move || {
        if let Some(el) = document().get_element_by_id(&id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

fn after_render(f: impl FnOnce() + 'static) {
    let cb = Closure::once_into_js(f);
    let _ = window().request_animation_frame(cb.unchecked_ref());
}

/// The scroll offset and height of a scrolling element.
pub fn scroll_metrics(el: &web_sys::Element) -> (f64, f64) {
    (el.scroll_top() as f64, el.client_height() as f64)
}

/// Scrolls a scrolling element so that `top..top+height` is visible.
pub fn scroll_into(el: &web_sys::Element, top: f64, height: f64) {
    let (st, h) = scroll_metrics(el);
    if top < st {
        el.set_scroll_top(top as i32);
    } else if top + height > st + h {
        el.set_scroll_top((top + height - h) as i32);
    }
}

/// The x position of a pointer event as a fraction of the element's width (0..1).
pub fn pointer_fraction(ev: &web_sys::PointerEvent, el: &web_sys::Element) -> f64 {
    let r = el.get_bounding_client_rect();
    if r.width() <= 0.0 {
        return 0.0;
    }
    ((ev.client_x() as f64 - r.left()) / r.width()).clamp(0.0, 1.0)
}

/// Keeps pointer events going to `el` while dragging.
pub fn capture_pointer(ev: &web_sys::PointerEvent, el: &web_sys::Element) {
    let _ = el.set_pointer_capture(ev.pointer_id());
}

/// Registers the service worker that keeps the app working offline.
pub fn register_service_worker() {
    let sw = window().navigator().service_worker();
    let _ = sw.register("./sw.js");
}

const DB: &str = "dateline";
const STORE: &str = "workspace";
const KEY: &str = "current";

async fn open_db() -> Result<idb::Database, String> {
    let factory = idb::Factory::new().map_err(|e| format!("storage unavailable: {e}"))?;
    use idb::DatabaseEvent;
    let mut req = factory.open(DB, Some(1)).map_err(|e| format!("storage unavailable: {e}"))?;
    req.on_upgrade_needed(|event| {
        if let Ok(db) = event.database() {
            if !db.store_names().iter().any(|s| s == STORE) {
                let _ = db.create_object_store(STORE, idb::ObjectStoreParams::new());
            }
        }
    });
    req.await.map_err(|e| format!("storage unavailable: {e}"))
}

/// The saved workspace: None on a first visit. A damaged store is set aside (kept
/// under another key) and reported; the page goes on with the samples.
pub async fn load_workspace() -> Result<Option<Saved>, String> {
    let db = open_db().await?;
    let tx = db.transaction(&[STORE], idb::TransactionMode::ReadWrite).map_err(|e| e.to_string())?;
    let store = tx.object_store(STORE).map_err(|e| e.to_string())?;
    let value =
        store.get(JsValue::from_str(KEY)).map_err(|e| e.to_string())?.await.map_err(|e| e.to_string())?;
    let Some(value) = value else {
        return Ok(None);
    };
    let parsed = value
        .as_string()
        .ok_or("not text".to_string())
        .and_then(|s| serde_json::from_str::<Saved>(&s).map_err(|e| e.to_string()));
    match parsed {
        Ok(saved) => Ok(Some(saved)),
        Err(reason) => {
            let aside = format!("damaged-{}", js_sys::Date::now() as u64);
            let _ = store.put(&value, Some(&JsValue::from_str(&aside)));
            let _ = store.delete(JsValue::from_str(KEY));
            let _ = tx.commit().map(|t| async move { t.await });
            Err(format!(
                "the saved workspace could not be read ({reason}); it was set aside as “{aside}” and the samples are shown"
            ))
        }
    }
}

/// Saves the workspace (articles and date settings).
pub async fn save_workspace(saved: &Saved) -> Result<(), String> {
    let json = serde_json::to_string(saved).map_err(|e| e.to_string())?;
    let db = open_db().await?;
    let tx = db.transaction(&[STORE], idb::TransactionMode::ReadWrite).map_err(|e| e.to_string())?;
    let store = tx.object_store(STORE).map_err(|e| e.to_string())?;
    store
        .put(&JsValue::from_str(&json), Some(&JsValue::from_str(KEY)))
        .map_err(|e| format!("could not save the workspace: {e}"))?
        .await
        .map_err(|e| format!("could not save the workspace: {e}"))?;
    tx.commit().map_err(|e| e.to_string())?.await.map_err(|e| e.to_string())?;
    Ok(())
}

/// What the user did on the pre-rendered first screen (index.html's `#prerender`,
/// answered by `first.js`) before the module took over: the query typed and the files
/// dropped or picked meanwhile.
pub struct FirstScreen {
    pub query: String,
    pub files: Vec<Picked>,
}

/// Reads the pre-rendered first screen's state (see [`FirstScreen`]); None when the
/// page has none (`trunk serve`).
pub fn first_screen() -> Option<FirstScreen> {
    let doc = document();
    let root = doc.get_element_by_id("prerender")?;
    let search = root.query_selector("#search").ok().flatten();
    let query =
        search.as_ref().and_then(|s| s.dyn_ref::<HtmlInputElement>().map(|i| i.value())).unwrap_or_default();
    // Absent when the module runs before the first screen's (deferred) script.
    let queued = get(&window(), "__datelineQueued");
    let files = match queued.dyn_into::<js_sys::Array>() {
        Ok(a) => a
            .iter()
            .filter_map(|item| {
                let name = get(&item, "name").as_string()?;
                let file = get(&item, "file").dyn_into::<File>().ok()?;
                Some(Picked { name, file })
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    // Files given from now on go to the app's own handlers.
    let _ = js_sys::Reflect::set(&window(), &JsValue::from_str("__datelineQueued"), &js_sys::Array::new());
    Some(FirstScreen { query, files })
}

/// The key in `localStorage` that tells the first screen's script the workspace is the
/// user's own, so the pre-rendered samples are not shown while it is restored.
const OWN_KEY: &str = "dateline.own-workspace";

/// Remembers whether the workspace is the user's own (see [`OWN_KEY`]).
pub fn remember_own_workspace(own: bool) {
    if let Ok(Some(store)) = window().local_storage() {
        let _ = if own { store.set_item(OWN_KEY, "1") } else { store.remove_item(OWN_KEY) };
    }
}

/// Removes the page's static first screen (the pre-rendered copy, or the "Loading…"
/// line) once the app is mounted, giving the search box the focus if the copy's had it.
pub fn remove_loading_note() {
    let doc = document();
    if let Some(root) = doc.get_element_by_id("prerender") {
        let focused = doc.active_element().is_some_and(|a| a.id() == "search");
        root.remove();
        if focused {
            focus("search");
        }
    }
    if let Some(note) = doc.get_element_by_id("loading") {
        note.remove();
    }
}

/// Shows a panic to the user instead of a dead page: a message and a reload button.
/// The workspace is in IndexedDB (saved after every change), so a reload restores it.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(body) = doc.body() else { return };
        if doc.get_element_by_id("crash").is_some() {
            return;
        }
        let Ok(panel) = doc.create_element("div") else { return };
        panel.set_id("crash");
        let _ = panel.set_attribute("role", "alert");
        let Ok(p) = doc.create_element("p") else { return };
        p.set_text_content(Some(&format!(
            "Dateline hit an internal error and stopped: {info}. Your articles and settings are saved in this browser; reload the page to go on."
        )));
        let _ = panel.append_child(&p);
        if let Ok(button) = doc.create_element("button") {
            button.set_text_content(Some("Reload"));
            let reload = Closure::<dyn Fn()>::new(|| {
                let _ = web_sys::window().map(|w| w.location().reload());
            });
            let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
            reload.forget();
            let _ = panel.append_child(&button);
        }
        let _ = body.prepend_with_node_1(&panel);
    }));
}

/// Panics on purpose, so the end-to-end tests can check that a panic shows a message
/// and that the workspace survives it (called from the tests as
/// `window.wasmBindings.panic_for_test()`; nothing in the page calls it).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn panic_for_test() {
    panic!("a test asked for this panic");
}

// ---- The analysis worker ----------------------------------------------------------
//
// Reading files and analysing articles run in a Web Worker, so the page keeps
// responding. The worker runs the page's own WebAssembly module: `src/ui/worker.js`
// imports the page's wasm-bindgen glue and instantiates the compiled module the page
// sends it, so nothing is downloaded or compiled twice; `main` then sees it is in a
// worker and calls [`serve_jobs`]. The samples' analysis is built in, so the first
// timeline shows without waiting for the worker, which starts beside it. A job
// goes over as {job: JSON, names: [..], files: [Uint8Array..]}; the worker answers
// as it goes {progress: [stage, done, total, file]}, {message: text} for a file refused
// or given up, and answers in pieces ({piece: Uint8Array}, as `wire::write` writes
// them) closed by {partial: n} (the articles analysed so far: a long job's early
// results, read by the page piece by piece as they arrive) or {done: n} (the final
// answer, whose pieces come as {kept: Uint8Array}: the page keeps them and reads them
// once all are there, after ending a big job's worker, so that the two never hold the
// answer at once); or {failed: message}.

use crate::analysis::Document;
use crate::workspace::{job, wire, Change, Done, Job, Stage};

thread_local! {
    /// The worker, the promise that it is ready, and the handler that settles it.
    static WORKER: std::cell::RefCell<Option<(web_sys::Worker, js_sys::Promise, Rc<Closure<dyn FnMut(web_sys::MessageEvent)>>)>> =
        const { std::cell::RefCell::new(None) };
    /// The running job's message handler and its reject function (to cancel it).
    static RUNNING: std::cell::RefCell<Option<(Closure<dyn FnMut(web_sys::MessageEvent)>, js_sys::Function)>> =
        const { std::cell::RefCell::new(None) };
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn error_text(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()))
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
        .unwrap_or_else(|| "no reason given".to_string())
}

/// The worker, started and ready. The page starts it while loading ([`start_worker`]),
/// so that nothing is fetched once the page has loaded.
async fn worker() -> Result<web_sys::Worker, String> {
    let (w, ready) = spawn_worker()?;
    if let Err(e) = wasm_bindgen_futures::JsFuture::from(ready).await {
        // This worker failed; a newer one (after a stop) is left alone.
        if WORKER.with(|slot| slot.borrow().as_ref().is_some_and(|(current, _, _)| current == &w)) {
            stop_worker();
        }
        return Err(format!("cannot start the analysis worker: {}", error_text(&e)));
    }
    Ok(w)
}

/// Starts the analysis worker now, before the page mounts, so that its module
/// instantiates (and its tables are built) while the page renders.
pub fn start_worker_now() {
    let _ = spawn_worker();
}

/// The analysis worker and a promise of its "ready", started (and sent the module) if
/// it was not.
fn spawn_worker() -> Result<(web_sys::Worker, js_sys::Promise), String> {
    let started = WORKER.with(|w| w.borrow().as_ref().map(|(w, ready, _)| (w.clone(), ready.clone())));
    let (w, ready) = match started {
        Some(pair) => pair,
        None => {
            let options = web_sys::WorkerOptions::new();
            options.set_type(web_sys::WorkerType::Module);
            // The first screen's script (first.js) may have started it already.
            let early = get(&window(), "__datelineWorker").dyn_into::<web_sys::Worker>().ok();
            let _ =
                js_sys::Reflect::set(&window(), &JsValue::from_str("__datelineWorker"), &JsValue::UNDEFINED);
            let w = match early {
                Some(w) => w,
                None => web_sys::Worker::new_with_options("./worker.js", &options)
                    .map_err(|e| format!("cannot start the analysis worker: {}", error_text(&e)))?,
            };
            // It says "ready" once its WebAssembly is running; messages before that are
            // lost. A {failed} answer means it could not start.
            let mut handler = None;
            let ready = js_sys::Promise::new(&mut |resolve, reject| {
                let fail = reject.clone();
                let on = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                    let failed = get(&e.data(), "failed");
                    let _ = if failed.is_undefined() {
                        resolve.call0(&JsValue::NULL)
                    } else {
                        fail.call1(&JsValue::NULL, &failed)
                    };
                });
                w.set_onmessage(Some(on.as_ref().unchecked_ref()));
                w.set_onerror(Some(&reject));
                handler = Some(Rc::new(on));
            });
            let handler = handler.expect("a promise runs its executor at once");
            let start = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&start, &"glue".into(), &GLUE_URL.with(JsValue::clone));
            let _ = js_sys::Reflect::set(&start, &"module".into(), &wasm_bindgen::module());
            w.post_message(&start)
                .map_err(|e| format!("cannot start the analysis worker: {}", error_text(&e)))?;
            WORKER.with(|slot| *slot.borrow_mut() = Some((w.clone(), ready.clone(), handler)));
            (w, ready)
        }
    };
    Ok((w, ready))
}

/// Waits until the analysis worker is ready (starting it if need be).
pub async fn worker_ready() -> Result<(), String> {
    worker().await.map(|_| ())
}

/// Resolves in a later task (a zero-delay timer), so that a long piece of work split by
/// it lets the page paint and answer input in between.
pub async fn next_task() {
    // A message to itself: unlike a zero-delay timer, not throttled in a hidden tab.
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            return;
        };
        channel.port1().set_onmessage(Some(&resolve));
        let _ = channel.port2().post_message(&JsValue::NULL);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}

/// Resolves once the next frame is painted (an animation frame, then a task).
pub async fn after_paint() {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
    next_task().await;
}

/// Milliseconds since the page started (the performance clock).
pub fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Resolves after `ms` milliseconds (a timer).
pub async fn sleep(ms: i32) {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}

/// Starts the analysis worker (reading and analysing happen there).
pub async fn start_worker() {
    let _ = worker().await;
}

/// What the page does with what a running job tells.
pub struct Listener {
    /// (stage, done, total, the file being read or analysed).
    pub progress: Box<dyn Fn(Stage, usize, usize, String)>,
    /// A message about a file, as soon as the worker knows it.
    pub message: Box<dyn Fn(String)>,
    /// The workspace with the articles analysed so far.
    pub partial: Box<dyn Fn(Done)>,
}

/// Runs `job` in the worker with the files `opened` (moved to the worker), telling
/// `listener` as it goes. The messages the listener was told are not in the result.
pub async fn run_job(job: Job, opened: Opened, listener: Listener) -> Result<Done, String> {
    let w = worker().await?;
    let msg = js_sys::Object::new();
    let names = js_sys::Array::new();
    let bytes = js_sys::Array::new();
    for (name, b) in &opened {
        names.push(&JsValue::from_str(name));
        bytes.push(b);
    }
    let json = serde_json::to_string(&job).map_err(|e| e.to_string())?;
    let _ = js_sys::Reflect::set(&msg, &"job".into(), &JsValue::from_str(&json));
    let _ = js_sys::Reflect::set(&msg, &"names".into(), &names);
    let _ = js_sys::Reflect::set(&msg, &"files".into(), &bytes);
    let mut listener = Some(listener);
    // An early result's pieces are read as they arrive, each in its own task (the
    // message's). The final answer's pieces are kept as they come and read once it is complete
    // (after a big job's worker is ended: the two never hold it at once).
    let reader: Rc<std::cell::RefCell<(wire::Reader, Option<String>)>> = Rc::default();
    let kept: Rc<std::cell::RefCell<Vec<js_sys::Uint8Array>>> = Rc::default();
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        let fail = reject.clone();
        let listener = listener.take().expect("a promise runs its executor once");
        let reader = reader.clone();
        let kept = kept.clone();
        let on = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            let p = get(&data, "progress");
            let m = get(&data, "message");
            let partial = get(&data, "partial");
            if p.is_object() {
                let a = js_sys::Array::from(&p);
                let n = |i| a.get(i).as_f64().unwrap_or(0.0) as usize;
                let stage = if n(0) == 0 { Stage::Reading } else { Stage::Analysing };
                (listener.progress)(stage, n(1), n(2), a.get(3).as_string().unwrap_or_default());
            } else if let Some(m) = m.as_string() {
                (listener.message)(m);
            } else if let Some(piece) = get(&data, "piece").dyn_ref::<js_sys::Uint8Array>() {
                let mut r = reader.borrow_mut();
                if r.1.is_none() {
                    if let Err(e) = r.0.read(&piece.to_vec()) {
                        r.1 = Some(format!("the analysis worker answered badly: {e}"));
                    }
                }
            } else if let Some(piece) = get(&data, "kept").dyn_ref::<js_sys::Uint8Array>() {
                kept.borrow_mut().push(piece.clone());
            } else if !partial.is_undefined() {
                let (r, bad) = std::mem::take(&mut *reader.borrow_mut());
                if let (Some(done), None) = (r.finish(), bad) {
                    (listener.partial)(done);
                }
            } else if !get(&data, "done").is_undefined() {
                let _ = resolve.call1(&JsValue::NULL, &get(&data, "done"));
            } else {
                let _ = fail.call1(&JsValue::NULL, &get(&data, "failed"));
            }
        });
        w.set_onmessage(Some(on.as_ref().unchecked_ref()));
        w.set_onerror(Some(&reject));
        RUNNING.with(|r| *r.borrow_mut() = Some((on, reject)));
    });
    w.post_message_with_transfer(&msg, &bytes)
        .map_err(|e| format!("cannot send the files to the analysis worker: {}", error_text(&e)))?;
    let result = wasm_bindgen_futures::JsFuture::from(answer).await;
    RUNNING.with(|r| r.borrow_mut().take());
    match result {
        Ok(_) => {
            let pieces = std::mem::take(&mut *kept.borrow_mut());
            // A worker's memory grows with its biggest job and is never given back: after
            // a big one it is ended, and a fresh one starts for the next job (from the
            // module the page already compiled).
            if pieces.len() > BIG_ANSWER_PIECES {
                stop_worker();
                // The browser frees an ended worker's memory in the background, within
                // about 200 ms here: reading the answer meanwhile would hold both.
                sleep(250).await;
            }
            let mut r = wire::Reader::default();
            for piece in pieces {
                let blob = web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&piece));
                let json = async { gzip(blob?, false).await }
                    .await
                    .map_err(|e| format!("the analysis worker answered badly: {}", error_text(&e)))?;
                drop(piece);
                if let Err(e) = r.read(&json.to_vec()) {
                    return Err(format!("the analysis worker answered badly: {e}"));
                }
            }
            r.finish().ok_or_else(|| "the analysis worker answered with nothing".to_string())
        }
        Err(e) => {
            // A worker that failed is replaced by a fresh one next time.
            stop_worker();
            Err(error_text(&e))
        }
    }
}

/// An answer in more pieces than this (of about a megabyte each) ends its worker (see
/// [`run_job`]).
const BIG_ANSWER_PIECES: usize = 4;

fn stop_worker() {
    if let Some((w, _, _)) = WORKER.with(|w| w.borrow_mut().take()) {
        w.terminate();
    }
}

/// Stops the running job, if any: the worker is ended (a new one starts for the next
/// job, from the module the page already compiled) and the job fails.
pub fn cancel_job() {
    if let Some((_, reject)) = RUNNING.with(|r| r.borrow_mut().take()) {
        stop_worker();
        let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("stopped"));
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's CompressionStream or DecompressionStream (web-sys has them only
    /// behind its unstable flag).
    type GzipStream;
    #[wasm_bindgen(constructor, catch, js_class = "CompressionStream")]
    fn pack(format: &str) -> Result<GzipStream, JsValue>;
    #[wasm_bindgen(constructor, catch, js_class = "DecompressionStream")]
    fn unpack(format: &str) -> Result<GzipStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &GzipStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &GzipStream) -> web_sys::WritableStream;
}

/// A Blob of `bytes`, copied straight from the module's memory (no array in between,
/// which would be a megabyte of garbage per piece while the worker is at its peak).
fn blob_of(bytes: &[u8]) -> Result<web_sys::Blob, JsValue> {
    // SAFETY: the view is used only by the Blob constructor, which copies it at once;
    // nothing allocates (and so could move the module's memory) in between.
    let view = unsafe { js_sys::Uint8Array::view(bytes) };
    web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&view))
}

/// Gzips (`pack`) or ungzips `blob` with the browser's own streams: the final
/// answer's pieces travel packed (a 50,000-event answer is 57 MB of JSON, 3.4 MB packed,
/// and the page holds the pieces until it has them all).
async fn gzip(blob: web_sys::Blob, pack: bool) -> Result<js_sys::Uint8Array, JsValue> {
    let s = if pack { GzipStream::pack("gzip")? } else { GzipStream::unpack("gzip")? };
    let pair = web_sys::ReadableWritablePair::new(&s.readable(), &s.writable());
    let out = blob.stream().pipe_through(&pair);
    let res = web_sys::Response::new_with_opt_readable_stream(Some(&out))?;
    let buf = wasm_bindgen_futures::JsFuture::from(res.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buf))
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The address of this module's wasm-bindgen glue (`import.meta.url` in it), which
    /// the worker imports.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE_URL: JsValue;
}

/// Whether this module runs in the analysis worker rather than the page.
pub fn in_worker() -> bool {
    js_sys::global().dyn_ref::<web_sys::Window>().is_none()
}

/// The worker's side: answers jobs until the page ends it.
pub fn serve_jobs() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // A panic becomes a failed job with its message, not a silent stop.
    let on_panic = scope.clone();
    std::panic::set_hook(Box::new(move |info| {
        console_error_panic_hook::hook(info);
        let msg = js_sys::Object::new();
        let text = format!("the analysis stopped on an internal error: {info}");
        let _ = js_sys::Reflect::set(&msg, &"failed".into(), &JsValue::from_str(&text));
        let _ = on_panic.post_message(&msg);
    }));
    let reply = scope.clone();
    let on = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let data = e.data();
        let post = |key: &str, value: &JsValue| post_message(&reply, key, value);
        let mut job: Job = match serde_json::from_str(&get(&data, "job").as_string().unwrap_or_default()) {
            Ok(j) => j,
            Err(e) => return post("failed", &JsValue::from_str(&format!("a bad job: {e}"))),
        };
        if let Change::Files(files) = &mut job.change {
            let names = js_sys::Array::from(&get(&data, "names"));
            let bytes = js_sys::Array::from(&get(&data, "files"));
            for i in 0..names.length() {
                let b = js_sys::Uint8Array::new(&bytes.get(i));
                files.push((names.get(i).as_string().unwrap_or_default(), b.to_vec()));
            }
        }
        let reply = reply.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let pre = read_fully_first(&job, &reply).await;
            if !crate::analysis::pack::ready() {
                let peek = &mut |name: &str, bytes: &[u8]| match pre.get(name).and_then(|q| q.front()) {
                    Some(read) => read.clone(),
                    None => crate::analysis::ingest::read_plain(name, bytes).map_err(|e| e.to_string()),
                };
                if job::needs_languages(&job, peek) {
                    if let Err(e) = install_languages().await {
                        post_message(&reply, "message", &JsValue::from_str(&format!(
                            "The tables for languages other than English could not be loaded ({e}): those articles are read with the English rules."
                        )));
                    }
                }
            }
            carry_out(job, pre, &reply);
        });
    });
    scope.set_onmessage(Some(on.as_ref().unchecked_ref()));
    on.forget();
    // The analysis's tables (the parser's model, the dictionaries, the gazetteer) are
    // built now, while the page mounts, not when the first article arrives.
    crate::analysis::warm_up();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

/// Posts `{key: value}` to the page.
fn post_message(reply: &web_sys::DedicatedWorkerGlobalScope, key: &str, value: &JsValue) {
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &key.into(), value);
    let _ = reply.post_message(&msg);
}

/// Fetches the tables of the languages other than English from the site
/// (`languages/`, copied there by Trunk; the service worker keeps them for offline use)
/// and installs them in the analysis ([`crate::analysis::pack`]). All are asked for at
/// once.
async fn install_languages() -> Result<(), String> {
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let asked: Vec<(&str, js_sys::Promise)> = crate::analysis::pack::FILES
        .iter()
        .map(|name| (*name, scope.fetch_with_str(&format!("./languages/{name}"))))
        .collect();
    let mut files = Vec::with_capacity(asked.len());
    for (name, promise) in asked {
        let res: web_sys::Response = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(|e| format!("{name}: {}", error_text(&e)))?
            .unchecked_into();
        if !res.ok() {
            return Err(format!("{name}: HTTP {}", res.status()));
        }
        let text = res.text().map_err(|e| format!("{name}: {}", error_text(&e)))?;
        let text = wasm_bindgen_futures::JsFuture::from(text)
            .await
            .map_err(|e| format!("{name}: {}", error_text(&e)))?;
        files.push((name.to_string(), text.as_string().unwrap_or_default()));
    }
    crate::analysis::pack::install(files).map_err(|e| e.to_string())
}

/// What the full reader's worker gave for the files that need it, by name, in order.
type PreRead = std::collections::HashMap<String, std::collections::VecDeque<Result<Vec<Document>, String>>>;

/// Sends the job's files that this module cannot read (HTML, legacy encodings: see
/// `ingest::read_plain`) to the full reader's worker, one by one, telling the page.
async fn read_fully_first(job: &Job, reply: &web_sys::DedicatedWorkerGlobalScope) -> PreRead {
    let inputs: Vec<(String, &[u8])> = match &job.change {
        Change::Files(files) => files.iter().map(|(n, b)| (n.clone(), b.as_slice())).collect(),
        // The name `job::run` gives it.
        Change::Text(t) => vec![(job::pasted_name(job.pasted + 1), t.as_bytes())],
        _ => Vec::new(),
    };
    let needing: Vec<&(String, &[u8])> =
        inputs.iter().filter(|(n, b)| crate::analysis::ingest::needs_reader(n, b)).collect();
    let mut pre = PreRead::new();
    for (k, (name, bytes)) in needing.iter().enumerate() {
        let a = js_sys::Array::of4(
            &JsValue::from(job::Stage::Reading as u32),
            &JsValue::from(k as u32),
            &JsValue::from(needing.len() as u32),
            &JsValue::from_str(name),
        );
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"progress".into(), &a);
        let _ = reply.post_message(&msg);
        let read = read_fully(name, bytes).await;
        pre.entry(name.clone()).or_default().push_back(read);
    }
    pre
}

/// Carries out a job whose files the full reader has read where needed, and sends its
/// reports and answer to the page.
fn carry_out(job: Job, mut pre: PreRead, reply: &web_sys::DedicatedWorkerGlobalScope) {
    {
        let post = |key: &str, value: &JsValue| post_message(&reply, key, value);
        // Each piece's bytes are moved to the page, not copied. An early result's pieces
        // are sent as they are written (the page reads them as they come).
        let send = |key: &str, done: Done| {
            let sent = wire::write(done, &mut |json| {
                let bytes = js_sys::Uint8Array::from(json.as_slice());
                let msg = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&msg, &"piece".into(), &bytes);
                let _ = reply.post_message_with_transfer(&msg, &js_sys::Array::of1(&bytes.buffer()));
            });
            match sent {
                Ok(n) => post(key, &JsValue::from(n as u32)),
                Err(e) => post("failed", &JsValue::from_str(&e.to_string())),
            }
        };
        // The job paces itself by this clock (progress, early results, each article's
        // time budget).
        let clock = || js_sys::Date::now();
        let read = &mut |name: &str, bytes: &[u8]| match pre.get_mut(name).and_then(|q| q.pop_front()) {
            Some(read) => read,
            None => crate::analysis::ingest::read_plain(name, bytes).map_err(|e| e.to_string()),
        };
        let mut done = job::run_with(job, Some(&clock), read, &mut |report| match report {
            job::Report::Progress { stage, done, total, file } => {
                let a = js_sys::Array::of4(
                    &JsValue::from(stage as u32),
                    &JsValue::from(done as u32),
                    &JsValue::from(total as u32),
                    &JsValue::from_str(file),
                );
                post("progress", &a);
            }
            job::Report::Message(m) => post("message", &JsValue::from_str(m)),
            job::Report::Partial(partial) => send("partial", partial),
        });
        // The page has had each message as it came.
        done.messages.clear();
        // The final answer's pieces are packed (gzip, by the browser) one after the other
        // and kept by the page until all are there.
        let reply = reply.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let post = |key: &str, value: &JsValue| post_message(&reply, key, value);
            let mut writer = wire::Writer::new(done);
            let mut count = 0u32;
            loop {
                let json = match writer.next_piece() {
                    Ok(Some(json)) => json,
                    Ok(None) => break,
                    Err(e) => return post("failed", &JsValue::from_str(&e.to_string())),
                };
                let blob = blob_of(&json);
                drop(json);
                let packed = match async { gzip(blob?, true).await }.await {
                    Ok(b) => b,
                    Err(e) => {
                        return post(
                            "failed",
                            &JsValue::from_str(&format!("cannot pack the answer: {}", error_text(&e))),
                        )
                    }
                };
                let msg = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&msg, &"kept".into(), &packed);
                let _ = reply.post_message_with_transfer(&msg, &js_sys::Array::of1(&packed.buffer()));
                count += 1;
            }
            post("done", &JsValue::from(count));
        });
    }
}

thread_local! {
    /// The full reader's worker (HTML, legacy encodings), started by the analysis
    /// worker when a file first needs it, and a promise of its "ready".
    static READER: std::cell::RefCell<Option<(web_sys::Worker, js_sys::Promise)>> =
        const { std::cell::RefCell::new(None) };
}

/// The full reader's worker, started if need be and ready.
async fn reader() -> Result<web_sys::Worker, String> {
    let started = READER.with(|r| r.borrow().clone());
    let (w, ready) = match started {
        Some(pair) => pair,
        None => {
            // A classic worker: Trunk's loader for a worker module uses importScripts.
            let w = web_sys::Worker::new(READER_URL)
                .map_err(|e| format!("cannot start the HTML reader: {}", error_text(&e)))?;
            let ready = next_answer(&w);
            READER.with(|r| *r.borrow_mut() = Some((w.clone(), ready.clone())));
            (w, ready)
        }
    };
    match wasm_bindgen_futures::JsFuture::from(ready).await {
        Ok(_) => Ok(w),
        Err(e) => {
            stop_reader();
            Err(format!("cannot start the HTML reader: {}", error_text(&e)))
        }
    }
}

/// The reader's worker (Trunk builds `dateline-reader` as a worker with this loader).
const READER_URL: &str = "./dateline-reader_loader.js";

fn stop_reader() {
    if let Some((w, _)) = READER.with(|r| r.borrow_mut().take()) {
        w.terminate();
    }
}

/// A promise of the worker's next message, rejected by an error in it.
fn next_answer(w: &web_sys::Worker) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, reject| {
        let on = Closure::once_into_js(move |e: web_sys::MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &e.data());
        });
        w.set_onmessage(Some(on.unchecked_ref()));
        w.set_onerror(Some(&reject));
    })
}

/// Reads one file with the full reader's worker: its documents, or the message saying
/// why not. A reader that fails is ended (a new one starts for the next file).
async fn read_fully(name: &str, bytes: &[u8]) -> Result<Vec<Document>, String> {
    let w = reader().await.map_err(|e| format!("file {name}: {e}"))?;
    let answer = next_answer(&w);
    let msg = js_sys::Object::new();
    let data = js_sys::Uint8Array::from(bytes);
    let _ = js_sys::Reflect::set(&msg, &"name".into(), &JsValue::from_str(name));
    let _ = js_sys::Reflect::set(&msg, &"bytes".into(), &data);
    if let Err(e) = w.post_message_with_transfer(&msg, &js_sys::Array::of1(&data.buffer())) {
        return Err(format!("file {name}: cannot send it to the HTML reader: {}", error_text(&e)));
    }
    let answer = match wasm_bindgen_futures::JsFuture::from(answer).await {
        Ok(a) => a,
        Err(e) => {
            stop_reader();
            return Err(format!("file {name}: the HTML reader stopped: {}", error_text(&e)));
        }
    };
    if let Some(json) = get(&answer, "docs").as_string() {
        return serde_json::from_str(&json)
            .map_err(|e| format!("file {name}: a bad answer from the HTML reader: {e}"));
    }
    if let Some(error) = get(&answer, "error").as_string() {
        return Err(error);
    }
    stop_reader();
    let why = get(&answer, "failed").as_string().unwrap_or_else(|| "no answer".to_string());
    Err(format!("file {name}: {why}"))
}

/// The full reader's worker (`src/reader.rs`): answers {name, bytes} with {docs: the
/// documents as JSON} or {error: why not}, saying "ready" first. A panic answers
/// {failed} (its module is then stopped by the analysis worker).
pub fn serve_reading() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_panic = scope.clone();
    std::panic::set_hook(Box::new(move |info| {
        console_error_panic_hook::hook(info);
        let msg = js_sys::Object::new();
        let text = format!("the HTML reader stopped on an internal error: {info}");
        let _ = js_sys::Reflect::set(&msg, &"failed".into(), &JsValue::from_str(&text));
        let _ = on_panic.post_message(&msg);
    }));
    let reply = scope.clone();
    let on = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let data = e.data();
        let name = get(&data, "name").as_string().unwrap_or_default();
        let bytes = js_sys::Uint8Array::new(&get(&data, "bytes")).to_vec();
        let msg = js_sys::Object::new();
        let (key, value) = match crate::analysis::ingest::read_files(&name, &bytes) {
            Ok(docs) => match serde_json::to_string(&docs) {
                Ok(json) => ("docs", json),
                Err(e) => ("failed", e.to_string()),
            },
            Err(e) => ("error", e.to_string()),
        };
        let _ = js_sys::Reflect::set(&msg, &key.into(), &JsValue::from_str(&value));
        let _ = reply.post_message(&msg);
    });
    scope.set_onmessage(Some(on.as_ref().unchecked_ref()));
    on.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
