use leptos::prelude::*;

use super::app::State;
use super::io;
use crate::workspace::Change;

/// Search, adding articles (files, folders, paste), exports and clearing.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = expect_context::<State>();
    let pasted = RwSignal::new(String::new());
    let format = RwSignal::new("json".to_string());
    let on_pick = move |ev: leptos::ev::Event| state.add_files(io::input_files(&ev));
    let add_pasted = move |_| {
        let text = pasted.get_untracked();
        if text.trim().is_empty() {
            state.ws.update(|w| w.messages.push("pasted text: no text to add".to_string()));
        } else {
            pasted.set(String::new());
            state.submit(Change::Text(text));
        }
    };
    let export = move |_| {
        let fmt = format.get_untracked();
        if fmt == "print" {
            io::print();
            return;
        }
        let events = state.view.with_untracked(|v| v.events.clone());
        let (name, mime, content) = match fmt.as_str() {
            "dates" | "dates-csv" => state.ws.with_untracked(|w| w.export_key_dates(fmt == "dates-csv")),
            _ => state.ws.with_untracked(|w| w.export_view(&events, &fmt)),
        };
        if let Err(e) = io::download(&name, mime, &content) {
            state.ws.update(|w| w.messages.push(format!("export: {e}")));
        }
    };
    let export_all = move |_| {
        let json = state.ws.with_untracked(|w| w.export_json());
        if let Err(e) = io::download("dateline.json", "application/json", &json) {
            state.ws.update(|w| w.messages.push(format!("export: {e}")));
        }
    };
    let clear = move |_| {
        state.stop(None);
        state.ws.update(|w| w.clear());
        state.opened.set(None);
        state.set_view(|v| {
            v.clear();
            v.selected = None;
        });
    };
    let messages = move || state.ws.with(|w| w.messages.clone());
    view! {
        <section class="toolbar" aria-label="Tools">
            <div class="search" role="search">
                <label for="search">"Search"</label>
                <input
                    id="search"
                    type="search"
                    placeholder="Search events: zelenski, \"phone call\", Istanbul…  (press / )"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="result-count"
                    prop:value=move || state.view_state.with(|v| v.query.clone())
                    on:input=move |ev| {
                        let q = event_target_value(&ev);
                        state.replace_view(|v| v.query = q);
                    }
                />
            </div>
            <div class="actions">
                <label class="button primary" for="file-input">"Add files"</label>
                <input
                    id="file-input"
                    class="visually-hidden"
                    type="file"
                    multiple
                    accept=".txt,.md,.markdown,.text,.html,.htm,.json,.jsonl,text/plain,text/markdown,text/html,application/json"
                    on:change=on_pick
                />
                <label class="button" for="folder-input">"Add folder"</label>
                <input
                    id="folder-input"
                    class="visually-hidden"
                    type="file"
                    multiple
                    prop:webkitdirectory=true
                    on:change=on_pick
                />
                <button type="button" on:click=export_all>"Export JSON"</button>
                <span class="export-view">
                    <label for="export-format">"Export view as"</label>
                    <select id="export-format" on:change=move |ev| format.set(event_target_value(&ev))>
                        <option value="json">"JSON"</option>
                        <option value="csv">"CSV"</option>
                        <option value="cameo">"CAMEO event table (TSV)"</option>
                        <option value="timelinejs">"TimelineJS"</option>
                        <option value="ics">"iCalendar (.ics)"</option>
                        <option value="dates">"Key dates (JSON)"</option>
                        <option value="dates-csv">"Key dates (CSV)"</option>
                        <option value="print">"Print"</option>
                    </select>
                    <button type="button" on:click=export>"Export view"</button>
                </span>
                <button type="button" class="danger" on:click=clear>"Clear workspace"</button>
            </div>
            <Show when=move || state.progress.get().is_some()>
                <div class="progress" role="status">
                    <label for="progress-bar">
                        {move || {
                            state
                                .progress
                                .get()
                                .map(|(s, d, t, file)| match file.as_str() {
                                    "" => format!("{s}: {d} of {t}"),
                                    file => format!("{s}: {d} of {t} · {file}"),
                                })
                                .unwrap_or_default()
                        }}
                    </label>
                    <progress
                        id="progress-bar"
                        max=move || state.progress.get().map(|p| p.2).unwrap_or(1)
                        value=move || state.progress.get().map(|p| p.1).unwrap_or(0)
                    ></progress>
                    <button type="button" on:click=move |_| state.cancel()>"Cancel"</button>
                </div>
            </Show>
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
                    "Add your own: drop files or folders anywhere on this page, use “Add files”, or paste text. "
                    "“Clear workspace” removes the samples."
                </p>
            </Show>
            <Show when=move || state.ws.with(|w| !w.messages.is_empty())>
                <div class="messages" role="alert">
                    <ul>{move || messages().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                    <button type="button" on:click=move |_| state.ws.update(|w| w.messages.clear())>
                        "Dismiss"
                    </button>
                </div>
            </Show>
        </section>
    }
}
