use leptos::prelude::*;

use super::app::{Opened, State};
use crate::analysis::export::{display_date, first_day};
use crate::workspace::view::Layout;

/// The most rows shown as swimlanes.
const LANES: usize = 12;

/// Swimlanes: the same events in rows by actor or by country, placed by date.
#[component]
pub fn Lanes() -> impl IntoView {
    let state = expect_context::<State>();
    let lanes = Memo::new(move |_| {
        let by_country = state.view_state.with(|v| v.layout == Layout::ByCountry);
        state.view.with(|v| {
            state.ws.with(|w| {
                let evs = &w.analysis().events;
                let dated: Vec<(u32, jiff::civil::Date)> = v
                    .events
                    .iter()
                    .filter_map(|&i| Some((i, evs[i as usize].date.as_deref().and_then(first_day)?)))
                    .collect();
                let (Some(min), Some(max)) =
                    (dated.iter().map(|d| d.1).min(), dated.iter().map(|d| d.1).max())
                else {
                    return (Vec::new(), String::new(), String::new(), 0);
                };
                let span = (max - min).get_days().max(1) as f64;
                let mut counts: std::collections::HashMap<String, Vec<(u32, f64)>> = Default::default();
                for (i, d) in &dated {
                    let ev = &evs[*i as usize];
                    let keys: Vec<String> = if by_country {
                        let mut c: Vec<String> = ev.actors.iter().filter_map(|a| a.country.clone()).collect();
                        c.sort();
                        c.dedup();
                        c
                    } else {
                        ev.actors.iter().map(|a| a.name.clone()).collect()
                    };
                    let x = (*d - min).get_days() as f64 / span * 100.0;
                    for k in keys {
                        counts.entry(k).or_default().push((*i, x));
                    }
                }
                let mut lanes: Vec<(String, Vec<(u32, f64)>)> = counts.into_iter().collect();
                lanes.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
                lanes.truncate(LANES);
                let undated = v.events.len() - dated.len();
                (lanes, display_date(&min.to_string()), display_date(&max.to_string()), undated)
            })
        })
    });
    let dot = move |i: u32, x: f64| {
        let (label, src, key) = state.ws.with_untracked(|w| {
            let ev = &w.analysis().events[i as usize];
            (
                format!("{}: {}", ev.date.as_deref().map(display_date).unwrap_or_default(), ev.summary),
                ev.sources.first().cloned(),
                ev.key.clone(),
            )
        });
        let id = format!("lane-{i}-{}", (x * 100.0) as u32);
        let id2 = id.clone();
        let selected = {
            let key = key.clone();
            move || state.view_state.with(|v| v.selected.as_deref() == Some(key.as_str()))
        };
        view! {
            <button
                type="button"
                class="dot"
                class:selected=selected
                id=id
                style:left=format!("{x:.2}%")
                style:top=format!("{}rem", 0.1 + (i % 3) as f64 * 0.45)
                title=label.clone()
                aria-label=label
                on:click=move |_| {
                    let key = key.clone();
                    state.replace_view(move |v| v.selected = Some(key));
                    if let Some(s) = &src {
                        state.opened.set(Some(Opened { article: s.article.clone(), start: s.start, end: s.end, return_to: id2.clone() }));
                    }
                }
            ></button>
        }
    };
    view! {
        <div class="lanes">
            {move || {
                let (lanes, from, to, undated) = lanes.get();
                if lanes.is_empty() {
                    return view! { <p class="empty">"No dated events to lay out."</p> }.into_any();
                }
                view! {
                    <p class="lanes-axis"><span>{from}</span><span>{to}</span></p>
                    <ul class="lane-list" aria-label="Swimlanes">
                        {lanes.into_iter().map(|(name, dots)| view! {
                            <li class="lane">
                                <span class="lane-name" title=name.clone()><bdi>{name.clone()}</bdi>{format!(" ({})", dots.len())}</span>
                                <div class="lane-track">{dots.into_iter().map(|(i, x)| dot(i, x)).collect_view()}</div>
                            </li>
                        }).collect_view()}
                    </ul>
                    {(undated > 0).then(|| view! { <p class="empty">{format!("{undated} undated events are not shown here; see the list.")}</p> })}
                }.into_any()
            }}
        </div>
    }
}
