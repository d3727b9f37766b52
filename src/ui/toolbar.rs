use leptos::prelude::*;

use super::app::State;
use super::io;

/// Search, adding articles (files, paste), export and clear.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = expect_context::<State>();
    let pasted = RwSignal::new(String::new());
    let on_pick = move |ev: leptos::ev::Event| {
        state.add_files(io::input_files(&ev));
    };
    let add_pasted = move |_| {
        let text = pasted.get_untracked();
        if state.ws.try_update(|w| w.add_text(&text)).unwrap_or(false) {
            pasted.set(String::new());
        }
    };
    let export = move |_| {
        let json = state.ws.with_untracked(|w| w.export_json());
        if let Err(e) = io::download("dateline.json", "application/json", &json) {
            state.ws.update(|w| w.messages.push(format!("export: {e}")));
        }
    };
    let clear = move |_| {
        state.ws.update(|w| w.clear());
        state.opened.set(None);
    };
    let messages = move || state.ws.with(|w| w.messages.clone());
    view! {
        <section class="toolbar" aria-label="Tools">
            <div class="search">
                <label for="search">"Search"</label>
                <input
                    id="search"
                    type="search"
                    placeholder="Search events: erdogan, phone call, Istanbul…"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || state.query.get()
                    on:input=move |ev| state.query.set(event_target_value(&ev))
                />
            </div>
            <div class="actions">
                <label class="button primary" for="file-input">"Add files"</label>
                <input
                    id="file-input"
                    class="visually-hidden"
                    type="file"
                    multiple
                    accept=".txt,.md,.markdown,.text,text/plain,text/markdown"
                    on:change=on_pick
                />
                <button type="button" on:click=export>"Export JSON"</button>
                <button type="button" class="danger" on:click=clear>"Clear all"</button>
                <span class="busy" role="status">{move || if state.busy.get() { "Reading files…" } else { "" }}</span>
            </div>
            <details class="paste">
                <summary>"Paste text"</summary>
                <label for="paste-text">"Article text"</label>
                <textarea
                    id="paste-text"
                    rows="6"
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))
                ></textarea>
                <button type="button" on:click=add_pasted>"Add pasted text"</button>
            </details>
            <Show when=move || state.ws.with(|w| w.samples)>
                <p class="note" id="sample-note">
                    "You are looking at five sample articles (Türkiye's diplomacy between Russia and Ukraine, 2022–2025). "
                    "Add your own: drop .txt or .md files anywhere on this page, use “Add files”, or paste text. "
                    "“Clear all” removes the samples."
                </p>
            </Show>
            <Show when=move || state.ws.with(|w| !w.messages.is_empty())>
                <div class="messages" role="alert">
                    <ul>
                        {move || messages().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                    </ul>
                    <button type="button" on:click=move |_| state.ws.update(|w| w.messages.clear())>"Dismiss"</button>
                </div>
            </Show>
        </section>
    }
}
