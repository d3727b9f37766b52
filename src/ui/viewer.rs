use leptos::prelude::*;

use super::app::State;
use super::io;

/// The article viewer: a dialog with the article's text, every evidence span of its
/// events highlighted and the opened one emphasised. Text is only ever set as text.
#[component]
pub fn Viewer() -> impl IntoView {
    let state = expect_context::<State>();
    let close = move || {
        if let Some(o) = state.opened.get_untracked() {
            io::focus(&o.return_to);
        }
        state.opened.set(None);
    };
    let content = Memo::new(move |_| {
        let o = state.opened.get()?;
        state.ws.with(|w| {
            let a = w.analysis().article(&o.article)?;
            let t = &a.text;
            // Every evidence span of this article, the opened one marked current.
            let mut spans: Vec<(usize, usize, bool)> = w
                .analysis()
                .events
                .iter()
                .flat_map(|e| e.sources.iter())
                .filter(|s| s.article == o.article)
                .map(|s| (s.start, s.end, s.start == o.start && s.end == o.end))
                .filter(|(s, e, _)| {
                    s < e && *e <= t.len() && t.is_char_boundary(*s) && t.is_char_boundary(*e)
                })
                .collect();
            spans.sort();
            spans.dedup_by(|b, a| {
                if b.0 < a.1 {
                    a.2 |= b.2;
                    a.1 = a.1.max(b.1);
                    true
                } else {
                    false
                }
            });
            let mut pieces = Vec::new();
            let mut at = 0;
            for (s, e, current) in spans {
                if s < at {
                    continue;
                }
                pieces.push((t[at..s].to_string(), None));
                pieces.push((t[s..e].to_string(), Some(current)));
                at = e;
            }
            pieces.push((t[at..].to_string(), None));
            Some((a.title.clone(), a.published.clone(), pieces))
        })
    });
    Effect::new(move |_| {
        if state.opened.get().is_some() {
            io::reveal("evidence");
            io::focus("viewer-close");
        }
    });
    view! {
        <Show when=move || content.with(|c| c.is_some())>
            <div class="backdrop" on:click=move |_| close()></div>
            <div
                class="viewer"
                role="dialog"
                aria-modal="true"
                aria-labelledby="viewer-title"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        // Closing the article must not also clear the selection.
                        ev.stop_propagation();
                        close()
                    }
                }
            >
                {move || content.get().map(|(title, published, pieces)| view! {
                    <div class="viewer-head">
                        <h2 id="viewer-title"><bdi>{title}</bdi></h2>
                        <button type="button" id="viewer-close" on:click=move |_| close()>"Close"</button>
                    </div>
                    <p class="viewer-date">
                        {published.map(|p| format!("Published {p}")).unwrap_or_else(|| "Publication date unknown".into())}
                    </p>
                    <div class="article-text">
                        {pieces.into_iter().map(|(text, mark)| match mark {
                            None => text.into_any(),
                            Some(true) => view! { <mark id="evidence" class="current">{text}</mark> }.into_any(),
                            Some(false) => view! { <mark class="other">{text}</mark> }.into_any(),
                        }).collect_view()}
                    </div>
                })}
            </div>
        </Show>
    }
}
