use leptos::prelude::*;

use super::app::State;
use super::event_item::EventItem;
use crate::analysis::export::group_label;

/// The timeline: matching events in date order, grouped by month and day, undated last.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = expect_context::<State>();
    let matches = Memo::new(move |_| {
        let q = state.query.get();
        state.ws.with(|w| {
            let titles: std::collections::HashMap<String, String> =
                w.analysis().articles.iter().map(|a| (a.id.clone(), a.title.clone())).collect();
            w.search(&q)
                .into_iter()
                .map(|i| {
                    let ev = w.analysis().events[i].clone();
                    let title =
                        ev.sources.first().and_then(|s| titles.get(&s.article)).cloned().unwrap_or_default();
                    (ev, title)
                })
                .collect::<Vec<_>>()
        })
    });
    let total = move || state.ws.with(|w| w.analysis().events.len());
    let count_text = move || {
        let n = matches.with(|m| m.len());
        let t = total();
        if n == t {
            format!("{n} events")
        } else {
            format!("{n} of {t} events match")
        }
    };
    view! {
        <section class="timeline" aria-labelledby="timeline-h">
            <h2 id="timeline-h" tabindex="-1">"Timeline"</h2>
            <p class="result-count" role="status" aria-live="polite">{count_text}</p>
            <ol class="events" aria-label="Timeline">
                {move || {
                    let mut last_month = String::new();
                    let mut last_day = String::new();
                    matches
                        .get()
                        .into_iter()
                        .map(|(ev, title)| {
                            let (month, day) = group_label(&ev);
                            let month_head = (month != last_month).then(|| month.clone());
                            let day_head = (day != last_day && !day.is_empty() && day != month).then(|| day.clone());
                            last_month = month;
                            last_day = day;
                            view! { <EventItem ev=ev title=title month_head=month_head day_head=day_head/> }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}
