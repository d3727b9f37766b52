use leptos::prelude::*;

use super::app::{Opened, State};
use crate::analysis::cameo::QuadClass;
use crate::analysis::export::{display_date, ASSUMED};
use crate::workspace::search::highlight;
use crate::workspace::view::Row;

/// What one event's row shows, gathered from the analysis once per event shown (a
/// memo: a keystroke that leaves a place in the list on the same event changes nothing
/// there).
#[derive(Clone, Debug, Default, PartialEq)]
struct RowData {
    index: u32,
    pos: usize,
    key: String,
    /// (date, assumed: the article's publication date, its sentence naming none).
    date: Option<(String, bool)>,
    /// How the date was found.
    how: String,
    quad: String,
    cameo: String,
    cameo_name: String,
    planned: bool,
    /// Distinct articles reporting it.
    reported: usize,
    summary: String,
    /// (kind, label) of each actor.
    actors: Vec<(&'static str, String)>,
    sentence: String,
    from: String,
    /// The first source: article, evidence span.
    first: Option<(String, usize, usize)>,
}

impl RowData {
    fn of(state: State, index: u32, pos: usize) -> Option<RowData> {
        state.ws.with(|w| {
            let ev = w.analysis().events.get(index as usize)?;
            let title = ev
                .sources
                .first()
                .and_then(|s| w.analysis().article(&s.article))
                .map(|a| a.title.as_str())
                .unwrap_or_default();
            let how = match (&ev.date_text, &ev.date_how, &ev.date) {
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
                    (a.kind.as_str(), label)
                })
                .collect();
            let mut reporting: Vec<&str> = ev.sources.iter().map(|s| s.article.as_str()).collect();
            reporting.sort_unstable();
            reporting.dedup();
            let more = ev.sources.len().saturating_sub(1);
            Some(RowData {
                index,
                pos,
                key: ev.key.clone(),
                date: ev.date.clone().map(|d| (d, ev.date_assumed)),
                how,
                quad: QuadClass::of(&ev.cameo).as_str().replace(' ', "-"),
                cameo: format!("{} {}", ev.cameo, ev.kind),
                cameo_name: ev.cameo_name.clone(),
                planned: ev.planned,
                reported: reporting.len(),
                summary: ev.summary.clone(),
                actors,
                sentence: ev.sources.first().map(|s| s.sentence.clone()).unwrap_or_default(),
                from: if more > 0 { format!("{title} and {more} more") } else { title.to_string() },
                first: ev.sources.first().map(|s| (s.article.clone(), s.start, s.end)),
            })
        })
    }
}

/// One place in the list (the k-th row of the view), kept while it is in view: a
/// keystroke or a filter changes what it shows in place, texts and attributes, instead
/// of removing rows and building new ones (that made the keystrokes that replace the
/// rows miss a frame at 50,000 events). It becomes a group header or an event row as
/// the view's k-th row is one or the other.
#[component]
pub fn Slot(k: usize, rows: Memo<Vec<Row>>, offsets: Memo<Vec<f64>>) -> impl IntoView {
    let row = Memo::new(move |_| rows.with(|r| r.get(k).cloned()));
    let is_group = Memo::new(move |_| row.with(|r| matches!(r, Some(Row::Group { .. }))));
    let top = Signal::derive(move || format!("{}px", offsets.with(|o| o.get(k).copied().unwrap_or(0.0))));
    move || {
        if is_group.get() {
            view! { <GroupRow row=row top=top/> }.into_any()
        } else {
            view! { <EventRow row=row top=top/> }.into_any()
        }
    }
}

/// A group header: its label, its count, and a button that collapses or expands it.
#[component]
fn GroupRow(row: Memo<Option<Row>>, top: Signal<String>) -> impl IntoView {
    let state = expect_context::<State>();
    let group = Memo::new(move |_| match row.get() {
        Some(Row::Group { key, label, count, collapsed }) => (key, label, count, collapsed),
        _ => Default::default(),
    });
    let collapsed = move || group.with(|g| g.3);
    let toggle = move |_| {
        let key = group.with_untracked(|g| g.0.clone());
        state.set_view(move |v| {
            if !v.collapsed.remove(&key) {
                v.collapsed.insert(key);
            }
        });
    };
    view! {
        <li class="group" style:top=top>
            <h3>
                <button type="button" class="group-toggle" aria-expanded=move || (!collapsed()).to_string() on:click=toggle>
                    <span aria-hidden="true">{move || if collapsed() { "▸ " } else { "▾ " }}</span>
                    {move || group.with(|g| g.1.clone())}
                    <span class="g-count">{move || format!(" ({})", group.with(|g| g.2))}</span>
                </button>
            </h3>
        </li>
    }
}

/// One event of the list: date (with how it was resolved), CAMEO type, actors,
/// summary, evidence with search matches highlighted, source. Activating the summary
/// selects the event and opens its article with the evidence highlighted.
#[component]
fn EventRow(row: Memo<Option<Row>>, top: Signal<String>) -> impl IntoView {
    let state = expect_context::<State>();
    // Empty (no key, no id) for the moment a place is past the view's end before the
    // list drops it.
    let data = Memo::new(move |_| match row.get() {
        Some(Row::Event { index, pos }) => RowData::of(state, index, pos).unwrap_or_default(),
        _ => RowData::default(),
    });
    let text = move |f: fn(&RowData) -> String| move || data.with(f);
    let selected = Memo::new(move |_| {
        data.with(|d| state.view_state.with(|v| v.selected.as_deref() == Some(d.key.as_str())))
    });
    let open = move |_| {
        let d = data.get_untracked();
        let key = d.key.clone();
        state.replace_view(move |v| v.selected = Some(key));
        if let Some((article, start, end)) = d.first {
            state.opened.set(Some(Opened { article, start, end, return_to: format!("open-{}", d.index) }));
        }
    };
    // An assumed date (the article's publication date: its sentence names none) is
    // marked as such, in words and in style.
    let date = Memo::new(move |_| data.with(|d| d.date.clone()));
    let date_view = move || {
        match date.get() {
        Some((d, true)) => view! {
            <time class="assumed" datetime=d.clone()>{display_date(&d)}<span class="assumed-note">" " {ASSUMED}</span></time>
        }
        .into_any(),
        Some((d, false)) => view! { <time datetime=d.clone()>{display_date(&d)}</time> }.into_any(),
        None => view! { <span class="undated">"undated"</span> }.into_any(),
    }
    };
    let actors = Memo::new(move |_| data.with(|d| d.actors.clone()));
    let chips = move || {
        actors
            .get()
            .into_iter()
            .map(|(kind, label)| {
                let title = label.clone();
                view! {
                    // Untrusted text is isolated (bidirectional controls in a name cannot
                    // reorder what is around it) and a long name is cut, whole on hover.
                    <li class=format!("chip kind-{kind}") title=title>
                        <span class="visually-hidden">{kind} ": "</span>
                        <bdi class="name">{label}</bdi>
                    </li>
                }
            })
            .collect_view()
    };
    let sentence = Memo::new(move |_| data.with(|d| d.sentence.clone()));
    let evidence = move || {
        // Highlighted where the view is, without copying the search's terms.
        sentence.with(|sentence| {
            let pieces = state.view.with(|v| v.found.as_ref().map(|f| highlight(sentence, f)));
            match pieces {
                Some(pieces) => pieces
                    .into_iter()
                    .map(|(t, hit)| if hit { view! { <mark>{t}</mark> }.into_any() } else { t.into_any() })
                    .collect_view()
                    .into_any(),
                None => sentence.clone().into_any(),
            }
        })
    };
    let planned = move || data.with(|d| d.planned);
    let reported = move || data.with(|d| d.reported);
    view! {
        <li
            class="event"
            class:selected=selected
            aria-current=move || if selected.get() { "true" } else { "false" }
            style:top=top
            data-pos=move || data.with(|d| d.pos)
        >
            <div class="card">
                <div class="meta">
                    {date_view}
                    <span class=move || data.with(|d| format!("badge quad-{}", d.quad)) title=text(|d| d.cameo_name.clone())>
                        {text(|d| d.cameo.clone())}
                    </span>
                    {move || planned().then(|| view! { <span class="badge planned">"planned"</span> })}
                    {move || (reported() > 1).then(|| view! { <span class="badge reported">{format!("reported by {} articles", reported())}</span> })}
                    <span class="how">{text(|d| d.how.clone())}</span>
                </div>
                <button type="button" class="summary" id=move || data.with(|d| (!d.key.is_empty()).then(|| format!("open-{}", d.index))) on:click=open>
                    <bdi>{text(|d| d.summary.clone())}</bdi>
                </button>
                <ul class="chips" aria-label="Actors">{chips}</ul>
                <p class="evidence"><bdi>{evidence}</bdi></p>
                <p class="from">"Source: " <bdi>{text(|d| d.from.clone())}</bdi></p>
            </div>
        </li>
    }
}
