use leptos::prelude::*;

use super::app::State;
use super::io;

/// The article viewer: a dialog with the article's text and the evidence highlighted.
#[component]
pub fn Viewer() -> impl IntoView {
    let state = expect_context::<State>();
    let close = move || {
        if let Some(o) = state.opened.get_untracked() {
            io::focus(&o.return_to);
        }
        state.opened.set(None);
    };
    let content = move || {
        let o = state.opened.get()?;
        state.ws.with(|w| {
            let a = w.analysis().articles.iter().find(|a| a.id == o.article)?;
            let t = &a.text;
            let (s, e) = (o.start.min(t.len()), o.end.min(t.len()));
            if !t.is_char_boundary(s) || !t.is_char_boundary(e) {
                return None;
            }
            Some((
                a.title.clone(),
                a.published.clone(),
                t[..s].to_string(),
                t[s..e].to_string(),
                t[e..].to_string(),
            ))
        })
    };
    Effect::new(move |_| {
        if state.opened.get().is_some() {
            io::reveal("evidence");
            io::focus("viewer-close");
        }
    });
    view! {
        <Show when=move || content().is_some()>
            <div class="backdrop" on:click=move |_| close()></div>
            <div
                class="viewer"
                role="dialog"
                aria-modal="true"
                aria-labelledby="viewer-title"
                on:keydown=move |ev| if ev.key() == "Escape" { close() }
            >
                {move || content().map(|(title, published, before, mark, after)| view! {
                    <div class="viewer-head">
                        <h2 id="viewer-title">{title}</h2>
                        <button type="button" id="viewer-close" on:click=move |_| close()>"Close"</button>
                    </div>
                    <p class="viewer-date">{published.map(|p| format!("Published {p}")).unwrap_or_else(|| "Publication date unknown".into())}</p>
                    <div class="article-text">{before}<mark id="evidence">{mark}</mark>{after}</div>
                })}
            </div>
        </Show>
    }
}
