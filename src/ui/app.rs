use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::articles::Articles;
use super::detail::Detail;
use super::filters::{Chips, Filters};
use super::histogram::Histogram;
use super::io;
use super::network::WhoWithWhom;
use super::timeline::Timeline;
use super::toolbar::Toolbar;
use super::viewer::Viewer;
use crate::workspace::view::{Bar, FacetList, View, ViewState};
use crate::workspace::{Change, Done, Install, Workspace};
use std::collections::VecDeque;

/// What the article viewer shows: an article, the evidence to emphasise, and where to
/// give focus back.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub return_to: String,
}

/// What the side panels show, the filters' live counts and the histogram: the view's,
/// one frame after it, so that a keystroke paints its results (the count and the rows)
/// first and the panels in the next frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Panels {
    pub facets: Vec<FacetList>,
    pub histogram: Vec<Bar>,
}

/// Query changes closer together than this (milliseconds) are typing: the panels wait
/// for a pause this long.
const PANELS_QUIET_MS: i32 = 120;

/// The page's state, created once here and shared by context.
#[derive(Clone, Copy)]
pub struct State {
    pub ws: RwSignal<Workspace>,
    /// Search, filters, range, selection, zoom, layout: mirrored in the URL.
    pub view_state: RwSignal<ViewState>,
    /// What the view state shows (derived).
    pub view: Memo<View>,
    /// The view's facets and histogram, a frame later.
    pub panels: RwSignal<Panels>,
    pub opened: RwSignal<Option<Opened>>,
    pub dragging: RwSignal<bool>,
    /// What is being done: (stage, done, total, the file being worked on or "").
    pub progress: RwSignal<Option<(&'static str, usize, usize, String)>>,
    /// Changes waiting for the analysis worker, in order, with the files they add.
    pub queue: StoredValue<VecDeque<(Change, io::Opened)>, LocalStorage>,
    /// Whether a change is being carried out.
    pub busy: RwSignal<bool>,
    /// Counts stops (cancel, clear): files being read and a job's result that arrive
    /// after one are dropped.
    pub stops: StoredValue<u64>,
    /// Counts the results (early or final) that have arrived: one being installed when
    /// a newer one arrives is dropped.
    pub arrivals: StoredValue<u64>,
}

impl State {
    /// Reads dropped or picked files (and folders) into the workspace, with progress.
    pub fn add_files(self, list: Vec<io::Picked>) {
        if list.is_empty() {
            return;
        }
        self.progress.set(Some(("Opening files", 0, list.len(), String::new())));
        let stops = self.stops.get_value();
        let stopped = move || self.stops.get_value() != stops;
        spawn_local(async move {
            let (files, errors) = io::read_files(list, self.progress, stopped).await;
            self.ws.update(|w| w.messages.extend(errors));
            if stopped() {
                self.progress.set(None);
            } else {
                self.enqueue(Change::Files(Vec::new()), files);
            }
        });
    }

    /// Carries out `change` in the analysis worker, after those already waiting; the
    /// page keeps responding meanwhile.
    pub fn submit(self, change: Change) {
        self.enqueue(change, Vec::new());
    }

    /// [`submit`](State::submit) with files the browser has read (their bytes go to the
    /// worker as they are).
    fn enqueue(self, change: Change, opened: io::Opened) {
        self.queue.update_value(|q| q.push_back((change, opened)));
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        spawn_local(async move {
            while let Some((change, opened)) = self.queue.try_update_value(|q| q.pop_front()).flatten() {
                let stops = self.stops.get_value();
                // The worker may still be starting: a stop meanwhile drops the change.
                let ready = io::worker_ready().await;
                if self.stops.get_value() != stops {
                    continue;
                }
                let progress = self.progress;
                let done = match ready {
                    Ok(()) => {
                        let job = self.ws.with_untracked(|w| w.job(change));
                        let listener = io::Listener {
                            progress: Box::new(move |stage, d, t, file| {
                                progress.set(Some((stage.label(), d, t, file)))
                            }),
                            message: Box::new(move |m| self.ws.update(|w| w.messages.push(m))),
                            partial: Box::new(move |bytes| self.install_partial(bytes, stops)),
                        };
                        io::run_job(job, opened, listener).await
                    }
                    Err(e) => Err(e),
                };
                match done {
                    Ok(done) => {
                        let arrival = self.arrive();
                        self.install(done, move || {
                            self.stops.get_value() == stops && self.arrivals.get_value() == arrival
                        })
                        .await;
                    }
                    // A stopped job: `stop` said why, if anything.
                    Err(_) if self.stops.get_value() != stops => {}
                    Err(e) => self.ws.update(|w| w.messages.push(e)),
                }
            }
            self.progress.set(None);
            self.busy.set(false);
        });
    }

    /// Counts a result's arrival; returns its number.
    fn arrive(self) -> u64 {
        self.arrivals.update_value(|n| *n += 1);
        self.arrivals.get_value()
    }

    /// Installs an early result (the articles analysed so far) unless a stop or a newer
    /// result comes first.
    fn install_partial(self, done: Done, stops: u64) {
        let arrival = self.arrive();
        let current = move || self.stops.get_value() == stops && self.arrivals.get_value() == arrival;
        spawn_local(async move {
            io::next_task().await;
            if current() {
                self.install(done, current).await;
            }
        });
    }

    /// Installs a job's result: the search index and view tables are built a step per
    /// task, so the page keeps painting; if `current()` turns false meanwhile (a stop,
    /// a newer result), the result is dropped.
    async fn install(self, mut done: Done, current: impl Fn() -> bool) {
        let mut install = Install::new(std::mem::take(&mut done.analysis));
        loop {
            io::next_task().await;
            if !current() || !install.step() {
                break;
            }
        }
        if current() {
            self.ws.update(|w| {
                w.apply_installed(done, install);
            });
        }
    }

    /// Stops reading and analysing: the articles already on the timeline stay, the rest
    /// of what was being added is left out.
    pub fn cancel(self) {
        self.stop(Some("cancelled: the files not yet on the timeline were left out"));
    }

    /// Stops reading and analysing; `reason` is the message to show if a change was
    /// being carried out ("Clear workspace" shows none). A result that arrives later is
    /// dropped.
    pub fn stop(self, reason: Option<&'static str>) {
        self.queue.update_value(|q| q.clear());
        self.stops.update_value(|n| *n += 1);
        io::cancel_job();
        if let (Some(reason), true) = (reason, self.busy.get_untracked()) {
            self.ws.update(|w| w.messages.push(reason.to_string()));
        }
        self.progress.set(None);
    }

    /// Changes the view state, recording a history entry (back/forward restore it).
    pub fn set_view(self, f: impl FnOnce(&mut ViewState)) {
        self.view_state.update(f);
        io::push_hash(&self.view_state.with_untracked(|v| v.to_query()), true);
    }

    /// Changes the view state without a new history entry (typing in the search box).
    pub fn replace_view(self, f: impl FnOnce(&mut ViewState)) {
        self.view_state.update(f);
        io::push_hash(&self.view_state.with_untracked(|v| v.to_query()), false);
    }

    /// Selects the event at position `pos` of the current view, by its stable key.
    pub fn select_at(self, pos: usize) {
        let key = self.view.with_untracked(|v| {
            v.events.get(pos).and_then(|&i| {
                self.ws.with_untracked(|w| w.analysis().events.get(i as usize).map(|e| e.key.clone()))
            })
        });
        if let Some(key) = key {
            self.replace_view(|v| v.selected = Some(key));
        }
    }

    /// The position of the selected event in the current view.
    pub fn selected_pos(self) -> Option<usize> {
        let sel = self.view_state.with(|v| v.selected.clone())?;
        self.view.with(|v| {
            self.ws.with(|w| {
                v.events
                    .iter()
                    .position(|&i| w.analysis().events.get(i as usize).is_some_and(|e| e.key == sel))
            })
        })
    }
}

#[component]
pub fn App() -> impl IntoView {
    let today = io::today();
    let ws = RwSignal::new(Workspace::with_samples(today));
    let view_state = RwSignal::new(ViewState::from_query(&io::current_hash()));
    // The matching events, at once; the filters' counts and the histogram (`panels`)
    // are computed and painted in the next frame.
    let view = Memo::new(move |_| ws.with(|w| view_state.with(|v| w.view_events(v))));
    let state = State {
        ws,
        view_state,
        view,
        panels: RwSignal::new(Panels::default()),
        opened: RwSignal::new(None),
        dragging: RwSignal::new(false),
        progress: RwSignal::new(None),
        queue: StoredValue::new_local(VecDeque::new()),
        busy: RwSignal::new(false),
        stops: StoredValue::new(0),
        arrivals: StoredValue::new(0),
    };
    provide_context(state);

    // The panels follow the view a frame later (only the latest view is copied); while
    // the user types (the query changing again within PANELS_QUIET_MS), once typing
    // pauses that long, so that their counting and painting never delay a keystroke's
    // rows. A filter, a range or a layout change updates them at the next frame.
    let pending = StoredValue::new(0u64);
    let last_change = StoredValue::new((String::new(), f64::NEG_INFINITY));
    Effect::new(move |_| {
        // The state too: a filter that leaves the same events still changes the
        // filters' checkboxes and counts.
        view.track();
        view_state.track();
        let Some(n) = pending.try_update_value(|p| {
            *p += 1;
            *p
        }) else {
            return;
        };
        // Typing: the query changed, and its previous change was a moment ago.
        let query = view_state.with_untracked(|v| v.query.clone());
        let now = io::now_ms();
        let (last_query, at) = last_change.get_value();
        let typing = query != last_query && now - at < f64::from(PANELS_QUIET_MS);
        if query != last_query {
            last_change.set_value((query, now));
        }
        spawn_local(async move {
            io::after_paint().await;
            if typing {
                io::sleep(PANELS_QUIET_MS).await;
            }
            if pending.try_get_value() == Some(n) {
                let full = ws.with_untracked(|w| view_state.with_untracked(|v| w.view(v)));
                state.panels.set(Panels { facets: full.facets, histogram: full.histogram });
            }
        });
    });

    // The saved workspace, if any, replaces the samples; then every change is saved.
    let loaded = RwSignal::new(false);
    spawn_local(async move {
        match io::load_workspace().await {
            Ok(Some(saved)) => {
                let (restored, stale) = Workspace::unanalysed(today, saved);
                ws.set(restored);
                if stale {
                    state.submit(Change::Reanalyze);
                }
            }
            Ok(None) => {}
            Err(e) => ws.update(|w| w.messages.push(e)),
        }
        loaded.set(true);
    });
    // Whether the workspace is the user's own (not the samples): the pre-rendered
    // first screen, which shows the samples, hides them on the next visit if so.
    Effect::new(move |_| {
        let own = ws.with(|w| !w.samples);
        if loaded.get() {
            io::remember_own_workspace(own);
        }
    });
    Effect::new(move |_| {
        let saved = ws.with(|w| w.saved());
        if loaded.get() {
            spawn_local(async move {
                if let Err(e) = io::save_workspace(&saved).await {
                    ws.update(|w| w.messages.push(e));
                }
            });
        }
    });
    io::register_service_worker();
    spawn_local(io::start_worker());
    // What the user did on the pre-rendered first screen carries over: the query typed
    // and the files given while the module loaded.
    if let Some(first) = io::first_screen() {
        if !first.query.is_empty() {
            let q = first.query;
            state.replace_view(move |v| v.query = q);
        }
        state.add_files(first.files);
    }

    // Back and forward restore the view.
    let _ = window_event_listener(ev::popstate, move |_| {
        view_state.set(ViewState::from_query(&io::current_hash()));
    });
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
        let items = io::dropped(&e);
        spawn_local(async move {
            let files = items.await;
            state.add_files(files);
        });
    });
    // Keyboard: "/" search, j/k or arrows move, Enter opens, Esc closes.
    let _ = window_event_listener(ev::keydown, move |e| {
        if state.opened.get_untracked().is_some() || io::typing_in_field(&e) {
            return;
        }
        let n = state.view.with_untracked(|v| v.events.len());
        let pos = state.selected_pos();
        match e.key().as_str() {
            "/" => {
                e.prevent_default();
                io::focus("search");
            }
            "j" | "ArrowDown" if n > 0 => {
                e.prevent_default();
                state.select_at(pos.map_or(0, |p| (p + 1).min(n - 1)));
                super::timeline::reveal_selected(state);
            }
            "k" | "ArrowUp" if n > 0 => {
                e.prevent_default();
                state.select_at(pos.map_or(0, |p| p.saturating_sub(1)));
                super::timeline::reveal_selected(state);
            }
            "Enter" => {
                if let Some(p) = pos {
                    if io::focused_tag() != "BUTTON" {
                        e.prevent_default();
                        super::detail::open_first_source(state, p);
                    }
                }
            }
            "Escape" => {
                if state.view_state.with_untracked(|v| v.selected.is_some()) {
                    state.replace_view(|v| v.selected = None);
                }
            }
            _ => {}
        }
    });

    view! {
        <a class="skip" href="#timeline-h">"Skip to the timeline"</a>
        <header class="top">
            <h1>"Dateline"</h1>
            <p class="tagline">
                "News articles in, a timeline of who did what with whom, when and where. Nothing leaves your machine."
            </p>
        </header>
        <Toolbar/>
        <main class="layout">
            <div class="side">
                <Articles/>
                <Filters/>
            </div>
            <div class="center">
                <Histogram/>
                <Chips/>
                <WhoWithWhom/>
                <Timeline/>
            </div>
            <Detail/>
        </main>
        <Viewer/>
        <div class="drop-overlay" class:shown=move || state.dragging.get() aria-hidden="true">
            <p>"Drop article files or folders to add them"</p>
        </div>
        <footer class="foot">
            <p>
                "Dateline runs entirely in your browser: files you add are analysed here and never uploaded. "
                "Your articles and date settings are kept in this browser until you clear them."
            </p>
        </footer>
    }
}
