use leptos::prelude::*;

use super::app::{Opened, State};
use crate::analysis::cameo::QuadClass;
use crate::analysis::export::display_date;
use crate::analysis::EventOut;

/// One event: date, CAMEO type, actors, summary, source; activating it opens the
/// article with the evidence highlighted.
#[component]
pub fn EventItem(
    ev: EventOut,
    title: String,
    month_head: Option<String>,
    day_head: Option<String>,
) -> impl IntoView {
    let state = expect_context::<State>();
    let quad = QuadClass::of(&ev.cameo).as_str().replace(' ', "-");
    let button_id = format!("open-{}", ev.id);
    let first = ev.sources.first().cloned();
    let open = {
        let button_id = button_id.clone();
        move |_| {
            if let Some(s) = &first {
                state.opened.set(Some(Opened {
                    article: s.article.clone(),
                    start: s.start,
                    end: s.end,
                    return_to: button_id.clone(),
                }));
            }
        }
    };
    let date_view = match &ev.date {
        Some(d) => {
            let how = ev.date_how.clone().unwrap_or_default();
            let text = ev.date_text.clone().unwrap_or_default();
            let tip = if text.is_empty() {
                how.clone()
            } else {
                format!("“{text}” → {}: {how}", display_date(d))
            };
            view! { <time datetime=d.clone() title=tip>{display_date(d)}</time> }.into_any()
        }
        None => view! { <span class="undated">"undated"</span> }.into_any(),
    };
    let actors = ev
        .actors
        .iter()
        .map(|a| {
            let label = match &a.country {
                Some(c) if a.kind.as_str() != "country" => format!("{} · {}", a.name, c),
                _ => a.name.clone(),
            };
            view! { <li class=format!("chip kind-{}", a.kind.as_str())><span class="visually-hidden">{a.kind.as_str()}": "</span>{label}</li> }
        })
        .collect_view();
    let more = ev.sources.len().saturating_sub(1);
    let sources_text = if more > 0 { format!("{title} and {more} more") } else { title };
    let date_explained = match (&ev.date_text, &ev.date_how, &ev.date) {
        (Some(t), Some(h), Some(d)) => format!("“{t}” → {}: {h}", display_date(d)),
        (Some(t), Some(h), None) => format!("“{t}”: {h}"),
        _ => String::new(),
    };
    view! {
        <li class="event" id=format!("ev-{}", ev.id)>
            {month_head.map(|m| view! { <h3 class="month">{m}</h3> })}
            {day_head.map(|d| view! { <h4 class="day">{d}</h4> })}
            <div class="card">
                <div class="meta">
                    {date_view}
                    <span class=format!("badge quad-{quad}") title=ev.cameo_name.clone()>{format!("{} {}", ev.cameo, ev.kind)}</span>
                    {ev.planned.then(|| view! { <span class="badge planned">"planned"</span> })}
                </div>
                <button type="button" class="summary" id=button_id on:click=open>{ev.summary.clone()}</button>
                <ul class="chips" aria-label="Actors">{actors}</ul>
                <p class="evidence">{ev.sources.first().map(|s| s.sentence.clone()).unwrap_or_default()}</p>
                <p class="from">"Source: " {sources_text}</p>
                {(!date_explained.is_empty()).then(|| view! { <p class="how">{date_explained}</p> })}
            </div>
        </li>
    }
}
