use leptos::prelude::*;

use super::app::{Opened, State};
use crate::analysis::cameo::QuadClass;
use crate::analysis::export::display_date;
use crate::workspace::search::highlight;

/// One event of the list: date (with how it was resolved), CAMEO type, actors,
/// summary, evidence with search matches highlighted, source. Activating the summary
/// selects the event and opens its article with the evidence highlighted.
#[component]
pub fn EventRow(index: u32, pos: usize, top: String) -> impl IntoView {
    let state = expect_context::<State>();
    let data = state.ws.with_untracked(|w| {
        let ev = w.analysis().events.get(index as usize).cloned();
        let title = ev
            .as_ref()
            .and_then(|e| e.sources.first())
            .and_then(|s| w.analysis().article(&s.article))
            .map(|a| a.title.clone())
            .unwrap_or_default();
        (ev, title)
    });
    let (Some(ev), title) = data else { return ().into_any() };
    let key = ev.key.clone();
    let selected = {
        let key = key.clone();
        move || state.view_state.with(|v| v.selected.as_deref() == Some(key.as_str()))
    };
    let quad = QuadClass::of(&ev.cameo).as_str().replace(' ', "-");
    let button_id = format!("open-{index}");
    let first = ev.sources.first().cloned();
    let open = {
        let button_id = button_id.clone();
        let key = key.clone();
        move |_| {
            let key = key.clone();
            state.replace_view(move |v| v.selected = Some(key));
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
    // An assumed date (the article's publication date: its sentence names none) is
    // marked as such, in words and in style.
    let date_view = match &ev.date {
        Some(d) if ev.date_assumed => view! {
            <time class="assumed" datetime=d.clone()>{display_date(d)}<span class="assumed-note">" " {crate::analysis::export::ASSUMED}</span></time>
        }
        .into_any(),
        Some(d) => view! { <time datetime=d.clone()>{display_date(d)}</time> }.into_any(),
        None => view! { <span class="undated">"undated"</span> }.into_any(),
    };
    let date_explained = match (&ev.date_text, &ev.date_how, &ev.date) {
        (Some(t), Some(h), Some(d)) => format!("“{t}” → {}: {h}", display_date(d)),
        (Some(t), Some(h), None) => format!("“{t}”: {h}"),
        (None, Some(h), Some(_)) => h.clone(),
        _ => String::new(),
    };
    let actors = ev
        .actors
        .iter()
        .map(|a| {
            let label = match &a.country {
                Some(c) if a.kind.as_str() != "country" => format!("{} · {}", a.name, c),
                _ => a.name.clone(),
            };
            let title = label.clone();
            view! {
                // Untrusted text is isolated (bidirectional controls in a name cannot
                // reorder what is around it) and a long name is cut, whole on hover.
                <li class=format!("chip kind-{}", a.kind.as_str()) title=title>
                    <span class="visually-hidden">{a.kind.as_str()} ": "</span>
                    <bdi class="name">{label}</bdi>
                </li>
            }
        })
        .collect_view();
    let mut reporting: Vec<&str> = ev.sources.iter().map(|s| s.article.as_str()).collect();
    reporting.sort_unstable();
    reporting.dedup();
    let reported = reporting.len();
    let more = ev.sources.len().saturating_sub(1);
    let sources_text = if more > 0 { format!("{title} and {more} more") } else { title };
    let sentence = ev.sources.first().map(|s| s.sentence.clone()).unwrap_or_default();
    let evidence = move || {
        // Highlighted where the view is, without copying the search's terms.
        let pieces = state.view.with(|v| v.found.as_ref().map(|f| highlight(&sentence, f)));
        match pieces {
            Some(pieces) => pieces
                .into_iter()
                .map(|(t, hit)| if hit { view! { <mark>{t}</mark> }.into_any() } else { t.into_any() })
                .collect_view()
                .into_any(),
            None => sentence.clone().into_any(),
        }
    };
    view! {
        <li
            class="event"
            class:selected=selected.clone()
            aria-current=move || if selected() { "true" } else { "false" }
            style:top=top
            data-pos=pos
        >
            <div class="card">
                <div class="meta">
                    {date_view}
                    <span class=format!("badge quad-{quad}") title=ev.cameo_name.clone()>
                        {format!("{} {}", ev.cameo, ev.kind)}
                    </span>
                    {ev.planned.then(|| view! { <span class="badge planned">"planned"</span> })}
                    {(reported > 1).then(|| view! { <span class="badge reported">{format!("reported by {reported} articles")}</span> })}
                    <span class="how">{date_explained}</span>
                </div>
                <button type="button" class="summary" id=button_id on:click=open>
                    <bdi>{ev.summary.clone()}</bdi>
                </button>
                <ul class="chips" aria-label="Actors">{actors}</ul>
                <p class="evidence"><bdi>{evidence}</bdi></p>
                <p class="from">"Source: " <bdi>{sources_text}</bdi></p>
            </div>
        </li>
    }
    .into_any()
}
