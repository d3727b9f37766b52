use leptos::html;
use leptos::prelude::*;

use super::app::State;
use super::event_item::Slot;
use super::io;
use super::lanes::Lanes;
use crate::workspace::view::{Layout, Row, Zoom, KEY_DAYS};

/// Row heights in pixels (the stylesheet gives rows these heights).
const GROUP_H: f64 = 44.0;
const EVENT_H: f64 = 132.0;
/// A workspace with more events than this renders only the rows near the viewport,
/// whatever a search leaves (so a keystroke never switches to rendering a whole list);
/// a smaller one renders every row (for printing and the browser's find-in-page).
const VIRTUAL_FROM: usize = 200;
/// Pixels rendered above and below the viewport.
const OVERSCAN: f64 = 150.0;

thread_local! {
    static SCROLLER: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
}

/// The timeline: matching events grouped by the zoom level, undated last, as a list
/// (virtualised when long) or as swimlanes.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = expect_context::<State>();
    // What the layout means for this workspace (the key events past 200 events).
    let layout = Memo::new(move |_| {
        let n = state.ws.with(|w| w.analysis().events.len());
        state.view_state.with(|v| v.layout.resolve(n))
    });
    let rows = Memo::new(move |_| {
        state.view_state.with(|vs| state.view.with(|v| state.ws.with(|w| w.rows_for(&v.events, vs))))
    });
    let offsets = Memo::new(move |_| {
        rows.with(|rs| {
            let mut acc = 0.0;
            let mut v = Vec::with_capacity(rs.len() + 1);
            for r in rs {
                v.push(acc);
                acc += if matches!(r, Row::Group { .. }) { GROUP_H } else { EVENT_H };
            }
            v.push(acc);
            v
        })
    });
    let scroller = NodeRef::<html::Div>::new();
    let scroll = RwSignal::new((0.0f64, 900.0f64));
    Effect::new(move |_| {
        if let Some(el) = scroller.get() {
            let el: web_sys::Element = el.into();
            scroll.set(io::scroll_metrics(&el));
            SCROLLER.with(|s| *s.borrow_mut() = Some(el));
        }
    });
    let visible = move || {
        let n = rows.with(|r| r.len());
        if state.ws.with(|w| w.analysis().events.len()) <= VIRTUAL_FROM {
            return (0, n);
        }
        let (top, h) = scroll.get();
        offsets.with(|o| {
            let lo = o.partition_point(|&y| y < top - OVERSCAN).saturating_sub(1);
            let hi = o.partition_point(|&y| y < top + h + OVERSCAN).min(n);
            (lo, hi)
        })
    };
    let total = move || state.ws.with(|w| w.analysis().events.len());
    let count_text = move || {
        let n = state.view.with(|v| v.events.len());
        let t = total();
        if n == t {
            format!("{n} events")
        } else {
            format!("{n} of {t} events match")
        }
    };
    let zoom_buttons = Zoom::ALL.into_iter().map(|z| {
        view! {
            <button type="button" aria-pressed=move || (state.view_state.with(|v| v.zoom) == z).to_string()
                on:click=move |_| state.set_view(|v| v.zoom = z)>{z.as_str()}</button>
        }
    }).collect_view();
    let layouts = [
        (Layout::Key, "Key events"),
        (Layout::List, "All events"),
        (Layout::ByActor, "Lanes by actor"),
        (Layout::ByCountry, "Lanes by country"),
    ];
    let layout_buttons = layouts
        .into_iter()
        .map(|(l, name)| {
            view! {
                <button type="button" aria-pressed=move || (layout.get() == l).to_string()
                    on:click=move |_| state.set_view(|v| v.layout = l)>{name}</button>
            }
        })
        .collect_view();
    view! {
        <section class="timeline" aria-labelledby="timeline-h">
            <div class="timeline-head">
                <h2 id="timeline-h" tabindex="-1">"Timeline"</h2>
                <p class="result-count" id="result-count" role="status" aria-live="polite">{count_text}</p>
                <div class="view-controls">
                    <div role="group" aria-label="Zoom">{zoom_buttons}</div>
                    <div role="group" aria-label="Layout">{layout_buttons}</div>
                    <Show when=move || layout.get() == Layout::Key>
                        <label class="key-days">
                            "Key days "
                            <select on:change=move |ev| {
                                let n = event_target_value(&ev).parse().unwrap_or(0);
                                state.set_view(move |v| v.key_days = n);
                            }>
                                {KEY_DAYS.into_iter().map(|n| {
                                    let text = if n == 0 { "all".to_string() } else { n.to_string() };
                                    view! {
                                        <option value=n.to_string() selected=move || state.view_state.with(|v| v.key_days == n)>{text}</option>
                                    }
                                }).collect_view()}
                            </select>
                        </label>
                        <span class="key-count" id="key-count" role="status">
                            {move || {
                                let days = rows.with(|r| r.iter().filter(|r| matches!(r, Row::Group { .. })).count());
                                format!("{days} key days shown")
                            }}
                        </span>
                    </Show>
                </div>
            </div>
            <Show when=move || layout.get() == Layout::Key && rows.with(|r| r.is_empty()) && state.view.with(|v| !v.events.is_empty())>
                <p class="note">"No key day among the events shown: try “All events”."</p>
            </Show>
            <Show
                when=move || matches!(layout.get(), Layout::List | Layout::Key)
                fallback=move || view! { <Lanes/> }
            >
                <div
                    class="scroller"
                    node_ref=scroller
                    on:scroll=move |ev| {
                        let el: web_sys::Element = event_target(&ev);
                        scroll.set(io::scroll_metrics(&el));
                    }
                >
                    <ol
                        class="events"
                        aria-label="Timeline"
                        style:height=move || format!("{}px", offsets.with(|o| *o.last().unwrap_or(&0.0)))
                    >
                        // A place per row in view, kept while it stays in view (scrolling
                        // creates only the places coming into view; a keystroke updates them).
                        <For
                            each=move || {
                                let (lo, hi) = visible();
                                lo..hi
                            }
                            key=|k| *k
                            let(k)
                        >
                            <Slot k=k rows=rows offsets=offsets/>
                        </For>
                    </ol>
                </div>
            </Show>
        </section>
    }
}

/// Scrolls the list so the selected event is visible, and focuses it.
pub fn reveal_selected(state: State) {
    let Some(pos) = state.selected_pos() else { return };
    let rs = state.view_state.with_untracked(|vs| {
        state.view.with_untracked(|v| state.ws.with_untracked(|w| w.rows_for(&v.events, vs)))
    });
    let mut y = 0.0;
    for r in &rs {
        match r {
            Row::Event { pos: p, .. } if *p == pos => break,
            Row::Group { .. } => y += GROUP_H,
            Row::Event { .. } => y += EVENT_H,
        }
    }
    SCROLLER.with(|s| {
        if let Some(el) = s.borrow().as_ref() {
            io::scroll_into(el, y, EVENT_H);
        }
    });
    let id = state.view.with_untracked(|v| v.events.get(pos).copied()).map(|i| format!("open-{i}"));
    if let Some(id) = id {
        io::focus(&id);
    }
}
