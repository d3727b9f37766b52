use leptos::html;
use leptos::prelude::*;

use super::app::State;
use super::io;

/// Events over time, by month: the page's first picture. Drag across it to choose a
/// date range (or use the two date fields).
#[component]
pub fn Histogram() -> impl IntoView {
    let state = expect_context::<State>();
    let bars = Memo::new(move |_| state.panels.with(|v| v.histogram.clone()));
    let svg_ref = NodeRef::<html::Div>::new();
    // Dragging: the bar indices under the pointer at start and now.
    let drag = RwSignal::new(None::<(usize, usize)>);
    // The month under the pointer, shown as the plot's tooltip.
    let hover = RwSignal::new(None::<usize>);
    let index_at = move |ev: &web_sys::PointerEvent| -> Option<usize> {
        let el = svg_ref.get_untracked()?;
        let n = bars.with_untracked(|b| b.len());
        if n == 0 {
            return None;
        }
        let f = io::pointer_fraction(ev, &el);
        Some(((f * n as f64) as usize).min(n - 1))
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        if let (Some(i), Some(el)) = (index_at(&ev), svg_ref.get_untracked()) {
            io::capture_pointer(&ev, &el);
            drag.set(Some((i, i)));
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let at = index_at(&ev);
        if hover.get_untracked() != at {
            hover.set(at);
        }
        if let (Some((a, _)), Some(i)) = (drag.get_untracked(), at) {
            drag.set(Some((a, i)));
        }
    };
    let on_up = move |_ev: web_sys::PointerEvent| {
        if let Some((a, b)) = drag.get_untracked() {
            let (lo, hi) = (a.min(b), a.max(b));
            let range = bars.with_untracked(|bs| Some((bs.get(lo)?.start, bs.get(hi)?.end)));
            if let Some((from, to)) = range {
                state.set_view(|v| {
                    v.from = Some(from.to_string());
                    v.to = Some(to.to_string());
                });
            }
        }
        drag.set(None);
    };
    let max = move || bars.with(|b| b.iter().map(|x| x.count).max().unwrap_or(0).max(1));
    let in_range = move |start: jiff::civil::Date, end: jiff::civil::Date, i: usize| -> bool {
        if let Some((a, b)) = drag.get() {
            return i >= a.min(b) && i <= a.max(b);
        }
        state.view_state.with(|v| {
            let from = v.from.as_deref().and_then(|d| d.parse::<jiff::civil::Date>().ok());
            let to = v.to.as_deref().and_then(|d| d.parse::<jiff::civil::Date>().ok());
            (from.is_some() || to.is_some()) && from.is_none_or(|f| end >= f) && to.is_none_or(|t| start <= t)
        })
    };
    // The bars as an SVG path: bar i spans x = i..i+1 (a small gap each side), its
    // height its share of the highest month; `chosen` draws those in the date range.
    let shape = move |chosen: bool| -> String {
        use std::fmt::Write;
        let m = max() as f64;
        bars.with(|b| {
            let mut d = String::new();
            for (i, x) in b.iter().enumerate() {
                if x.count == 0 || in_range(x.start, x.end, i) != chosen {
                    continue;
                }
                let h = (x.count as f64 / m * 100.0).max(4.0);
                let _ = write!(d, "M{i}.1 100V{:.1}H{i}.9V100Z", 100.0 - h);
            }
            d
        })
    };
    let tooltip = move || {
        hover
            .get()
            .and_then(|i| bars.with(|b| b.get(i).map(|x| format!("{}: {} events", x.label, x.count))))
            .unwrap_or_else(|| "Drag across the bars to choose dates".to_string())
    };
    let summary = move || {
        bars.with(|b| match (b.first(), b.last()) {
            (Some(f), Some(l)) => format!(
                "{} dated events from {} to {}",
                b.iter().map(|x| x.count).sum::<usize>(),
                f.label,
                l.label
            ),
            _ => "No dated events".to_string(),
        })
    };
    let set_date = move |which: &'static str, value: String| {
        let value = if value.is_empty() { None } else { Some(value) };
        state.set_view(move |v| if which == "from" { v.from = value } else { v.to = value });
    };
    view! {
        <section class="histogram" aria-labelledby="hist-h">
            <h2 id="hist-h" class="visually-hidden">"Events over time"</h2>
            <figure>
                <div
                    class="hist-plot"
                    node_ref=svg_ref
                    role="img"
                    aria-label=summary
                    title=tooltip
                    data-bars=move || bars.with(|b| b.len())
                    on:pointerleave=move |_| hover.set(None)
                    on:pointerdown=on_down
                    on:pointermove=on_move
                    on:pointerup=on_up
                >
                    // All bars are one SVG path (and the chosen ones a second): a keystroke
                    // changes two attributes, not one element per month.
                    <svg
                        class="hist-svg"
                        viewBox=move || format!("0 0 {} 100", bars.with(|b| b.len().max(1)))
                        preserveAspectRatio="none"
                        aria-hidden="true"
                    >
                        <path class="hist-bars" d=move || shape(false)></path>
                        <path class="hist-bars chosen" d=move || shape(true)></path>
                    </svg>
                </div>
                <figcaption>
                    {summary} ". Drag across the bars to choose dates, or:"
                </figcaption>
            </figure>
            <div class="range">
                <label for="date-from">"From"</label>
                <input id="date-from" type="date"
                    prop:value=move || state.view_state.with(|v| v.from.clone().unwrap_or_default())
                    on:change=move |ev| set_date("from", event_target_value(&ev))/>
                <label for="date-to">"To"</label>
                <input id="date-to" type="date"
                    prop:value=move || state.view_state.with(|v| v.to.clone().unwrap_or_default())
                    on:change=move |ev| set_date("to", event_target_value(&ev))/>
            </div>
        </section>
    }
}
