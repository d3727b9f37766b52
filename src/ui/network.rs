use leptos::prelude::*;
use leptos::task::spawn_local;

use super::app::State;
use super::io;
use crate::workspace::network::WIDTH;
use crate::workspace::view::Facet;

/// How long the view must stay unchanged before the picture is redrawn (ms).
const SETTLE_MS: i32 = 120;

/// "Who with whom": a button opening the network of the current view's actors, with
/// the same as a table of pairs. Computed only while open.
#[component]
pub fn WhoWithWhom() -> impl IntoView {
    let state = expect_context::<State>();
    let open = Memo::new(move |_| state.view_state.with(|v| v.network));
    view! {
        <section class="network" aria-labelledby="net-h">
            <h2 id="net-h" class="net-head">
                <button type="button" id="net-toggle" aria-expanded=move || open.get().to_string() aria-controls="net-body"
                    on:click=move |_| state.set_view(|v| v.network = !v.network)>
                    "Who with whom"
                </button>
            </h2>
            <Show when=move || open.get()>
                <NetworkBody/>
            </Show>
        </section>
    }
}

#[component]
fn NetworkBody() -> impl IntoView {
    let state = expect_context::<State>();
    // The picture follows the view once it settles (typing goes on at full speed; the
    // picture catches up SETTLE_MS after the last keystroke).
    let settled = RwSignal::new(0u64);
    let pending = StoredValue::new(0u64);
    Effect::new(move |first: Option<()>| {
        state.view.track();
        if first.is_none() {
            return;
        }
        let Some(n) = pending.try_update_value(|p| {
            *p += 1;
            *p
        }) else {
            return;
        };
        spawn_local(async move {
            io::sleep(SETTLE_MS).await;
            if pending.try_get_value() == Some(n) {
                settled.try_update(|s| *s += 1);
            }
        });
    });
    let net = Memo::new(move |_| {
        settled.track();
        state.view.with_untracked(|v| state.ws.with_untracked(|w| w.network(&v.events)))
    });
    // The edge or node under the pointer: what the caption names.
    let hover = RwSignal::new(None::<Hover>);
    let filter_pair = move |a: String, b: String| state.set_view(move |v| v.pair = Some((a, b)));
    let filter_actor = move |name: String| state.set_view(move |v| v.toggle(Facet::Actor, &name));
    let caption = move || {
        net.with(|n| match hover.get() {
            Some(Hover::Edge(e)) => n.edges.get(e).map(|e| {
                let events = state.ws.with_untracked(|w| {
                    e.sample
                        .iter()
                        .map(|&i| w.analysis().events[i as usize].summary.clone())
                        .collect::<Vec<_>>()
                        .join("; ")
                });
                format!(
                    "{} – {}: {} ({}){}: {events}",
                    n.nodes[e.a].name,
                    n.nodes[e.b].name,
                    plural(e.events, "event"),
                    tone_counts(e.cooperation, e.conflict),
                    if e.events as usize > e.sample.len() { ", first ones" } else { "" },
                )
            }),
            Some(Hover::Node(i)) => n
                .nodes
                .get(i)
                .map(|x| format!("{}: {}; click to filter the timeline", x.name, plural(x.events, "event"))),
            None => None,
        })
        .unwrap_or_else(|| {
            "Point at a line to name its events; click an actor or a line to filter the timeline.".into()
        })
    };
    let summary = move || {
        net.with(|n| {
            let mut s = format!("{} of {} actors drawn, {} ties", n.nodes.len(), n.actors, n.edges.len());
            if n.actors > n.nodes.len() {
                s.push_str(&format!(
                    "; the other {} actors (in {}) are not drawn: search or filter to bring them in",
                    n.actors - n.nodes.len(),
                    plural(n.hidden_events as u32, "event")
                ));
            }
            s
        })
    };
    // What the picture marks, as memos: typing changes the view state, not these, and
    // must not redraw the picture.
    let pair = Memo::new(move |_| state.view_state.with(|v| v.pair.clone()));
    let actors = Memo::new(move |_| {
        state.view_state.with(|v| v.filters.get(&Facet::Actor).cloned().unwrap_or_default())
    });
    let picture = move || {
        let active_pair = pair.get();
        let active_actors = actors.get();
        net.with(|n| {
            let most = n.edges.first().map_or(1, |e| e.events).max(1) as f64;
            let edges = n
                .edges
                .iter()
                .enumerate()
                .map(|(k, e)| {
                    let (a, b) = (&n.nodes[e.a], &n.nodes[e.b]);
                    let chosen = active_pair
                        .as_ref()
                        .is_some_and(|(x, y)| (x == &a.name && y == &b.name) || (x == &b.name && y == &a.name));
                    let (an, bn) = (a.name.clone(), b.name.clone());
                    view! {
                        <line
                            class=format!("edge {}", e.tone().as_str())
                            class:chosen=chosen
                            x1=format!("{:.1}", a.x) y1=format!("{:.1}", a.y)
                            x2=format!("{:.1}", b.x) y2=format!("{:.1}", b.y)
                            stroke-width=format!("{:.1}", 1.0 + 7.0 * (e.events as f64 / most).sqrt())
                            on:pointerenter=move |_| hover.set(Some(Hover::Edge(k)))
                            on:pointerleave=move |_| hover.set(None)
                            on:click=move |_| filter_pair(an.clone(), bn.clone())
                        >
                            <title>{format!("{} – {}: {}", a.name, b.name, plural(e.events, "event"))}</title>
                        </line>
                    }
                })
                .collect_view();
            let nodes = n
                .nodes
                .iter()
                .enumerate()
                .map(|(k, x)| {
                    let name = x.name.clone();
                    view! {
                        <g class="node" class:chosen=active_actors.contains(&x.name)
                            on:pointerenter=move |_| hover.set(Some(Hover::Node(k)))
                            on:pointerleave=move |_| hover.set(None)
                            on:click=move |_| filter_actor(name.clone())>
                            <title>{format!("{}: {}", x.name, plural(x.events, "event"))}</title>
                            <circle cx=format!("{:.1}", x.x) cy=format!("{:.1}", x.y) r=format!("{:.1}", x.r)></circle>
                            <text x=format!("{:.1}", x.x + x.r + 3.0) y=format!("{:.1}", x.y + 4.0)>{x.label.clone()}</text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <svg class="net-svg" viewBox=format!("0 0 {WIDTH} {:.0}", n.height) role="img"
                    aria-label=move || format!("Network of actors: {}. The table below lists the same ties.", summary())>
                    <g class="edges">{edges}</g>
                    <g class="nodes">{nodes}</g>
                </svg>
            }
        })
    };
    let table = move || {
        net.with(|n| {
            n.edges
                .iter()
                .map(|e| {
                    let (a, b) = (n.nodes[e.a].name.clone(), n.nodes[e.b].name.clone());
                    let label = format!("Show the {} between {a} and {b}", plural(e.events, "event"));
                    let (a2, b2) = (a.clone(), b.clone());
                    view! {
                        <tr>
                            <td><bdi>{a.clone()}</bdi>" – "<bdi>{b.clone()}</bdi></td>
                            <td class="num">{e.events}</td>
                            <td class="num">{e.cooperation}</td>
                            <td class="num">{e.conflict}</td>
                            <td>{e.tone().as_str()}</td>
                            <td><button type="button" aria-label=label on:click=move |_| filter_pair(a2.clone(), b2.clone())>"Show"</button></td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div id="net-body" class="net-body">
            <p class="net-summary" id="net-summary">{summary}</p>
            <Show when=move || net.with(|n| !n.nodes.is_empty())
                fallback=|| view! { <p class="empty">"No actors among the events shown."</p> }>
                <figure class="net-figure">
                    {picture}
                    <figcaption class="net-caption" aria-live="polite">{caption}</figcaption>
                    <p class="net-legend" aria-hidden="true">
                        <span class="key cooperation">"mostly cooperation"</span>
                        <span class="key conflict">"mostly conflict"</span>
                        <span class="key mixed">"mixed or statements"</span>
                        " · circles sized by events, lines by shared events"
                    </p>
                </figure>
                <details class="net-table">
                    <summary>"The same ties as a table"</summary>
                    <table>
                        <caption>"Pairs of actors drawn, most shared events first"</caption>
                        <thead><tr>
                            <th scope="col">"Actors"</th><th scope="col">"Events"</th>
                            <th scope="col">"Cooperation"</th><th scope="col">"Conflict"</th>
                            <th scope="col">"Mostly"</th><th scope="col"><span class="visually-hidden">"Filter"</span></th>
                        </tr></thead>
                        <tbody>{table}</tbody>
                    </table>
                </details>
            </Show>
        </div>
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Hover {
    Edge(usize),
    Node(usize),
}

fn plural(n: u32, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn tone_counts(cooperation: u32, conflict: u32) -> String {
    format!("{cooperation} cooperation, {conflict} conflict")
}
