use leptos::prelude::*;

use super::app::State;
use crate::analysis::{fold, lang, parse_date, ArticleOut, PublishedSource};
use crate::workspace::Change;

/// How many articles the panel lists at once (a drop of thousands stays light); a
/// filter box finds the others.
const LISTED: usize = 50;

/// The articles panel: title, publication date with its reason, editable.
#[component]
pub fn Articles() -> impl IntoView {
    let state = expect_context::<State>();
    // The articles without their texts (the panel does not show them).
    let articles = Memo::new(move |_| {
        state.ws.with(|w| {
            w.analysis()
                .articles
                .iter()
                .map(|a| ArticleOut {
                    id: a.id.clone(),
                    file: a.file.clone(),
                    title: a.title.clone(),
                    language: a.language.clone(),
                    published: a.published.clone(),
                    published_reason: a.published_reason.clone(),
                    published_source: a.published_source,
                    published_inferred: a.published_inferred,
                    warnings: a.warnings.clone(),
                    days: Vec::new(),
                    text: String::new(),
                })
                .collect::<Vec<_>>()
        })
    });
    // Each article's title and file name folded once (as search folds: "turkiye" finds
    // "Türkiye"), not on every keystroke in the finder.
    let keys = Memo::new(move |_| {
        articles.with(|all| all.iter().map(|a| fold(&format!("{} {}", a.title, a.file))).collect::<Vec<_>>())
    });
    let find = RwSignal::new(String::new());
    let matching = Memo::new(move |_| {
        let needle = find.with(|f| fold(f.trim()));
        keys.with(|keys| {
            (0..keys.len()).filter(|&i| needle.is_empty() || keys[i].contains(&needle)).collect::<Vec<_>>()
        })
    });
    let many = move || articles.with(|a| a.len() > LISTED);
    let unlisted = move || matching.with(|m| m.len().saturating_sub(LISTED));
    view! {
        <section class="articles" aria-labelledby="articles-h">
            <details open>
                <summary>
                    <h2 id="articles-h">"Articles " <span class="count">{move || articles.with(|a| a.len())}</span></h2>
                </summary>
                <Show when=move || articles.with(|a| a.is_empty())>
                    <p class="empty">"No articles. Drop files here, use “Add files”, or paste text."</p>
                </Show>
                <Show when=many>
                    <label for="find-article" class="find-article">"Find an article"</label>
                    <input id="find-article" type="search" autocomplete="off"
                        placeholder="title or file name"
                        prop:value=move || find.get()
                        on:input=move |ev| find.set(event_target_value(&ev))/>
                </Show>
                <ul class="article-list">
                    {move || {
                        let shown: Vec<usize> = matching.with(|m| m.iter().take(LISTED).copied().collect());
                        articles.with(|all| {
                            shown.into_iter().map(|i| view! { <ArticleRow a=all[i].clone() i=i/> }).collect_view()
                        })
                    }}
                </ul>
                <Show when=move || { unlisted() > 0 }>
                    <p class="hint">{move || format!("{} more: type part of a title or file name to find them.", unlisted())}</p>
                </Show>
            </details>
        </section>
    }
}

#[component]
fn ArticleRow(a: ArticleOut, i: usize) -> impl IntoView {
    let state = expect_context::<State>();
    let input_id = format!("pub-{i}");
    let file = a.file.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let date = if v.is_empty() { Ok(None) } else { parse_date(&v).map(Some) };
        match date {
            Ok(d) => state.submit(Change::Published(file.clone(), d)),
            Err(e) => state.ws.update(|w| w.messages.push(e.in_file(file.clone()).to_string())),
        }
    };
    let source = match a.published_source {
        PublishedSource::User => "set by you",
        PublishedSource::Metadata => "from the page's metadata",
        PublishedSource::Text => "found in the text",
        PublishedSource::FileName => "from the file name",
        PublishedSource::Inferred => "inferred",
        PublishedSource::Unknown => "unknown",
    };
    // The language: detected, or set by the user like the publication date.
    let lang_id = format!("lang-{i}");
    let set = state.ws.with_untracked(|w| w.language_set(&a.file).map(str::to_string));
    let automatic = match (&set, a.language.as_deref().and_then(lang::name)) {
        (None, Some(name)) => format!("{name} (detected)"),
        _ => "detect".to_string(),
    };
    let lang_file = a.file.clone();
    let on_language = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        state.submit(Change::Language(lang_file.clone(), (!v.is_empty()).then_some(v)));
    };
    let choices = lang::codes()
        .map(|c| {
            let selected = set.as_deref() == Some(c);
            view! { <option value=c selected=selected>{lang::name(c).unwrap_or(c)}</option> }
        })
        .collect_view();
    let warnings = a.warnings.join("; ");
    let has_warnings = !warnings.is_empty();
    let id = a.id.clone();
    let filter = move |_| {
        let id = id.clone();
        state.set_view(move |v| v.toggle(crate::workspace::view::Facet::Article, &id));
    };
    view! {
        <li class="article">
            <p class="a-title"><bdi>{a.title.clone()}</bdi></p>
            <p class="a-file">{a.file.clone()}</p>
            <div class="a-lang">
                <label for=lang_id.clone()>"Language"</label>
                <select id=lang_id on:change=on_language>
                    <option value="" selected=set.is_none()>{automatic}</option>
                    {choices}
                </select>
            </div>
            <div class="a-date">
                <label for=input_id.clone()>"Published"</label>
                <input id=input_id type="date" prop:value=a.published.clone().unwrap_or_default() on:change=on_change/>
                <span class=format!("a-source src-{}", source.replace(' ', "-"))>{source}</span>
            </div>
            <p class="a-reason">{a.published_reason.clone()}</p>
            {has_warnings.then(|| view! { <p class="a-warn">{warnings.clone()}</p> })}
            <button type="button" class="link" on:click=filter>"Show only its events"</button>
        </li>
    }
}
