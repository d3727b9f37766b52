use leptos::prelude::*;

use super::app::{Opened, State};
use crate::analysis::cameo::QuadClass;
use crate::analysis::export::event_date_label;

/// Opens the article of the first source of the event at `pos` in the view.
pub fn open_first_source(state: State, pos: usize) {
    let src = state.view.with_untracked(|v| {
        let i = *v.events.get(pos)?;
        state
            .ws
            .with_untracked(|w| w.analysis().events.get(i as usize)?.sources.first().cloned().map(|s| (i, s)))
    });
    if let Some((i, s)) = src {
        state.opened.set(Some(Opened {
            article: s.article,
            start: s.start,
            end: s.end,
            return_to: format!("open-{i}"),
        }));
    }
}

/// The selected event in full: date and how it was resolved, CAMEO code and name,
/// actors, places, and every source with its sentence.
#[component]
pub fn Detail() -> impl IntoView {
    let state = expect_context::<State>();
    let event = Memo::new(move |_| {
        let key = state.view_state.with(|v| v.selected.clone())?;
        state.ws.with(|w| {
            let ev = w.analysis().events.iter().find(|e| e.key == key)?.clone();
            let titles: Vec<(String, String)> = ev
                .sources
                .iter()
                .map(|s| {
                    let t = w.analysis().article(&s.article).map(|a| a.title.clone());
                    (s.article.clone(), t.unwrap_or_default())
                })
                .collect();
            Some((ev, titles))
        })
    });
    view! {
        <aside class="detail" aria-labelledby="detail-h">
            <h2 id="detail-h">"Event"</h2>
            {move || match event.get() {
                None => view! { <p class="empty">"Select an event (click it, or use j / k and Enter) to see it in full."</p> }.into_any(),
                Some((ev, titles)) => {
                    let quad = QuadClass::of(&ev.cameo).as_str();
                    let date = event_date_label(&ev);
                    let how = match (&ev.date_text, &ev.date_how) {
                        (Some(t), Some(h)) => format!("“{t}”: {h}"),
                        (None, Some(h)) => h.clone(),
                        _ => "no time expression governs this event".to_string(),
                    };
                    let sources = ev.sources.iter().zip(titles).enumerate().map(|(k, (s, (_, title)))| {
                        let s2 = s.clone();
                        let id = format!("src-{k}");
                        let open = {
                            let id = id.clone();
                            move |_| state.opened.set(Some(Opened {
                                article: s2.article.clone(), start: s2.start, end: s2.end, return_to: id.clone(),
                            }))
                        };
                        view! {
                            <li>
                                <p class="d-title"><bdi>{title}</bdi></p>
                                <blockquote><bdi>{s.sentence.clone()}</bdi></blockquote>
                                <button type="button" id=id on:click=open>"Open article"</button>
                            </li>
                        }
                    }).collect_view();
                    let actors = ev.actors.iter().map(|a| view! {
                        <li><bdi>{a.name.clone()}</bdi> " (" {a.kind.as_str()} {a.country.clone().map(|c| format!(", {c}")).unwrap_or_default()} ")"</li>
                    }).collect_view();
                    view! {
                        <h3 class="d-summary"><bdi>{ev.summary.clone()}</bdi></h3>
                        <dl>
                            <dt>"Date"</dt><dd>{date} <span class="how">{how}</span></dd>
                            <dt>"CAMEO"</dt><dd>{format!("{} {} ({}; {quad})", ev.cameo, ev.cameo_name, ev.kind)}</dd>
                            <dt>"PLOVER"</dt><dd>{match (&ev.plover, &ev.plover_mode) {
                                (Some(p), Some(m)) => format!("{p} ({m})"),
                                (Some(p), None) => p.clone(),
                                (None, _) => "— (PLOVER has no type for statements and appeals)".to_string(),
                            }}</dd>
                            <dt>"Actors"</dt><dd><ul>{actors}</ul></dd>
                            <dt>"Source → target"</dt>
                            <dd><bdi>{ev.source.as_ref().map(|a| a.name.clone()).unwrap_or_default()}</bdi> " → "
                                <bdi>{ev.target.as_ref().map(|a| a.name.clone()).unwrap_or_else(|| "—".into())}</bdi></dd>
                            <dt>"Place"</dt><dd>{if ev.places.is_empty() { "—".to_string() } else { ev.places.join(", ") }}</dd>
                            <dt>"Confidence"</dt><dd>{format!("{:.2}", ev.confidence)}{if ev.planned { " · planned" } else { "" }}</dd>
                        </dl>
                        <h4>{format!("Sources ({})", ev.sources.len())}</h4>
                        <ul class="d-sources">{sources}</ul>
                        <button type="button" on:click=move |_| state.replace_view(|v| v.selected = None)>"Close"</button>
                    }.into_any()
                }
            }}
        </aside>
    }
}
