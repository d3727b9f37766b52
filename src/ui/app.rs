use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::articles::Articles;
use super::io;
use super::timeline::Timeline;
use super::toolbar::Toolbar;
use super::viewer::Viewer;
use crate::workspace::Workspace;

/// What the article viewer shows: an article and the evidence to highlight.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub article: String,
    pub start: usize,
    pub end: usize,
    /// The id of the element to give focus back to on close.
    pub return_to: String,
}

/// The page's state, created once here and shared by context.
#[derive(Clone, Copy)]
pub struct State {
    pub ws: RwSignal<Workspace>,
    pub query: RwSignal<String>,
    pub opened: RwSignal<Option<Opened>>,
    pub dragging: RwSignal<bool>,
    pub busy: RwSignal<bool>,
}

impl State {
    /// Reads a dropped or picked file list into the workspace.
    pub fn add_files(self, list: Vec<web_sys::File>) {
        if list.is_empty() {
            return;
        }
        self.busy.set(true);
        spawn_local(async move {
            let (files, errors) = io::read_files(list).await;
            self.ws.update(|w| {
                w.messages.extend(errors);
                w.add_files(files);
            });
            self.busy.set(false);
        });
    }
}

#[component]
pub fn App() -> impl IntoView {
    let state = State {
        ws: RwSignal::new(Workspace::with_samples(io::today())),
        query: RwSignal::new(String::new()),
        opened: RwSignal::new(None),
        dragging: RwSignal::new(false),
        busy: RwSignal::new(false),
    };
    provide_context(state);

    // The whole page is the drop target.
    let _ = window_event_listener(ev::dragover, move |e| {
        if io::drag_has_files(&e) {
            state.dragging.set(true);
        }
    });
    let _ = window_event_listener(ev::dragleave, move |e| {
        if e.related_target().is_none() {
            state.dragging.set(false);
        }
    });
    let _ = window_event_listener(ev::drop, move |e| {
        state.dragging.set(false);
        state.add_files(io::dropped_files(&e));
    });
    // "/" focuses the search box.
    let _ = window_event_listener(ev::keydown, move |e| {
        if e.key() == "/" && state.opened.get_untracked().is_none() {
            let typing = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
                .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA"))
                .unwrap_or(false);
            if !typing {
                e.prevent_default();
                io::focus("search");
            }
        }
    });

    view! {
        <a class="skip" href="#timeline-h">"Skip to the timeline"</a>
        <header class="top">
            <h1>"Dateline"</h1>
            <p class="tagline">"News articles in, a timeline of who did what with whom, when and where. Nothing leaves your machine."</p>
        </header>
        <Toolbar/>
        <main class="layout">
            <Articles/>
            <Timeline/>
        </main>
        <Viewer/>
        <div class="drop-overlay" class:shown=move || state.dragging.get() aria-hidden="true">
            <p>"Drop article files to add them"</p>
        </div>
        <footer class="foot">
            <p>"Dateline runs entirely in your browser: files you add are analysed here and never uploaded."</p>
        </footer>
    }
}
