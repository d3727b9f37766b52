use leptos::prelude::*;

use super::app::State;
use crate::workspace::view::{Facet, FacetValue};

/// How many values a facet shows before "Show all".
const SHOWN: usize = 8;

/// Faceted filters with live counts: each value counts the events that match the
/// search and every other filter.
#[component]
pub fn Filters() -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <section class="filters" aria-labelledby="filters-h">
            <h2 id="filters-h">"Filters"</h2>
            {Facet::ALL.into_iter().map(|facet| view! { <FacetBox facet=facet/> }).collect_view()}
            <Show when=move || state.view_state.with(|v| v.is_filtered())>
                <button type="button" on:click=move |_| state.set_view(|v| v.clear())>"Clear all filters"</button>
            </Show>
        </section>
    }
}

#[component]
fn FacetBox(facet: Facet) -> impl IntoView {
    let state = expect_context::<State>();
    let all = RwSignal::new(false);
    let values = Memo::new(move |_| {
        state.panels.with(|v| {
            v.facets
                .iter()
                .find(|l| l.facet == facet)
                .map(|l| (l.values.clone(), l.distinct))
                .unwrap_or_default()
        })
    });
    let shown = move || {
        let vals = values.with(|v| v.0.clone());
        if all.get() {
            vals
        } else {
            vals.into_iter().take(SHOWN).collect::<Vec<_>>()
        }
    };
    let listed = move || values.with(|v| v.0.len());
    let more = move || listed().saturating_sub(SHOWN);
    // Values with matches that are not listed (a facet lists at most FACET_LIMIT).
    let unlisted = move || values.with(|v| v.1.saturating_sub(v.0.iter().filter(|x| x.count > 0).count()));
    view! {
        <Show when=move || { listed() > 0 }>
            <fieldset class="facet">
                <legend>{facet.label()}</legend>
                <ul>
                    // Kept by value: a keystroke changes counts (and order), not elements.
                    <For
                        each=shown
                        key=|fv| (fv.value.clone(), fv.label.clone(), fv.active)
                        let(fv)
                    >
                        <FacetOption facet=facet fv=fv values=values/>
                    </For>
                </ul>
                <Show when=move || { more() > 0 }>
                    <button type="button" class="link" on:click=move |_| all.update(|a| *a = !*a)>
                        {move || if all.get() { "Show fewer".to_string() } else { format!("Show more ({} more)", more()) }}
                    </button>
                </Show>
                <Show when=move || { all.get() && unlisted() > 0 }>
                    <p class="hint">{move || format!("{} more with fewer events: search to find them.", unlisted())}</p>
                </Show>
            </fieldset>
        </Show>
    }
}

#[component]
fn FacetOption(
    facet: Facet,
    fv: FacetValue,
    /// The facet's values in this view, for the live count.
    values: Memo<(Vec<FacetValue>, usize)>,
) -> impl IntoView {
    let state = expect_context::<State>();
    let id = format!("f-{}-{}", facet.key(), crate::workspace::short_hash(&fv.value));
    let value = fv.value.clone();
    let count = {
        let value = value.clone();
        move || values.with(|v| v.0.iter().find(|x| x.value == value).map_or(0, |x| x.count))
    };
    let toggle = move |_| {
        let value = value.clone();
        state.set_view(move |v| v.toggle(facet, &value));
    };
    view! {
        <li>
            <input type="checkbox" id=id.clone() prop:checked=fv.active on:change=toggle/>
            <label for=id>
                <bdi class="f-label" title=fv.label.clone()>{fv.label.clone()}</bdi>
                " "
                <span class="f-count">{count}</span>
            </label>
        </li>
    }
}

/// Removable chips for the active search, filters and date range.
#[component]
pub fn Chips() -> impl IntoView {
    let state = expect_context::<State>();
    let chips = move || {
        let labels = state.panels.with(|v| {
            v.facets
                .iter()
                .flat_map(|l| {
                    let f = l.facet;
                    l.values.iter().filter(|x| x.active).map(move |x| (f, x.value.clone(), x.label.clone()))
                })
                .collect::<Vec<_>>()
        });
        let (query, from, to, pair) =
            state.view_state.with(|v| (v.query.clone(), v.from.clone(), v.to.clone(), v.pair.clone()));
        let mut out: Vec<AnyView> = Vec::new();
        if !query.trim().is_empty() {
            out.push(
                view! {
                    <li class="chip-f">
                        "Search: " {query.clone()}
                        <button type="button" aria-label=format!("Remove search {query}")
                            on:click=move |_| state.set_view(|v| v.query.clear())>"×"</button>
                    </li>
                }
                .into_any(),
            );
        }
        if from.is_some() || to.is_some() {
            let text = format!("{} – {}", from.clone().unwrap_or_default(), to.clone().unwrap_or_default());
            out.push(
                view! {
                    <li class="chip-f">
                        "Dates: " {text.clone()}
                        <button type="button" aria-label=format!("Remove dates {text}")
                            on:click=move |_| state.set_view(|v| { v.from = None; v.to = None; })>"×"</button>
                    </li>
                }
                .into_any(),
            );
        }
        if let Some((a, b)) = pair {
            let text = format!("{a} and {b}");
            out.push(
                view! {
                    <li class="chip-f">
                        "Between: " <bdi class="name" title=text.clone()>{text.clone()}</bdi>
                        <button type="button" aria-label=format!("Remove filter between {text}")
                            on:click=move |_| state.set_view(|v| v.pair = None)>"×"</button>
                    </li>
                }
                .into_any(),
            );
        }
        for (facet, value, label) in labels {
            out.push(
                view! {
                    <li class="chip-f">
                        {facet.label()} ": " <bdi class="name" title=label.clone()>{label.clone()}</bdi>
                        <button type="button" aria-label=format!("Remove filter {}: {label}", facet.label())
                            on:click=move |_| { let value = value.clone(); state.set_view(move |v| v.toggle(facet, &value)) }>"×"</button>
                    </li>
                }
                .into_any(),
            );
        }
        out
    };
    view! {
        <Show when=move || state.view_state.with(|v| v.is_filtered())>
            <div class="chips-bar">
                <ul class="active-filters" aria-label="Active filters">{chips}</ul>
                <button type="button" on:click=move |_| state.set_view(|v| v.clear())>"Clear all"</button>
            </div>
        </Show>
    }
}
