//! How long the page's per-keystroke work takes natively on a large timeline: the same
//! synthetic drop as `e2e/bench/ui.mjs` (ARTICLES articles of 8 events each), then the
//! search, the view (filters' live counts, histogram) and the list's rows for each
//! prefix of a query typed letter by letter.
//!
//!   cargo run --release --example view [ARTICLES]   (default 6,000: ~48,000 events)

use std::time::Instant;

use dateline::workspace::view::ViewState;
use dateline::workspace::Workspace;

#[path = "support/generated.rs"]
mod generated;

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(6000);
    let files = generated::articles(n);
    let mut ws = Workspace::new(jiff::civil::date(2026, 11, 23));
    let t = Instant::now();
    ws.add_files(files);
    println!(
        "{} articles, {} events: read and analysed in {:.2} s",
        n,
        ws.analysis().events.len(),
        t.elapsed().as_secs_f64()
    );
    let mut state = ViewState::default();
    let mut worst = [0f64; 5];
    let queries = ["president ilse", "zelenski", "met king"];
    for (q, end) in queries.iter().flat_map(|q| (0..=q.len()).map(move |e| (q, e))) {
        state.query = q[..end].to_string();
        let t0 = Instant::now();
        let found = ws.index.search(&state.query);
        let t1 = Instant::now();
        let first = ws.view_events(&state).events.len();
        let te = Instant::now();
        let view = ws.view(&state);
        let t2 = Instant::now();
        // The rows of the layout the page shows: past 200 events, the key view.
        let r = ws.rows_for(&view.events, &state);
        let t3 = Instant::now();
        let net = ws.network(&view.events);
        let t4 = Instant::now();
        let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1000.0;
        let (s, ev, v, rw, nw) = (ms(t0, t1), ms(t1, te), ms(te, t2), ms(t2, t3), ms(t3, t4));
        assert_eq!(first, view.events.len());
        worst = [worst[0].max(s), worst[1].max(v), worst[2].max(rw), worst[3].max(nw), worst[4].max(ev)];
        println!(
            "{:>16} {:>6} matches: search {s:6.2} ms, events {ev:6.2} ms, view {v:6.2} ms (search included in both), rows {rw:6.2} ms ({} rows), network {nw:6.2} ms ({} actors)",
            format!("{:?}", state.query),
            found.map_or(view.events.len(), |f| f.events.len()),
            r.len(),
            net.nodes.len()
        );
    }
    println!(
        "worst: search {:.2} ms, events {:.2} ms, view {:.2} ms, rows {:.2} ms, network {:.2} ms",
        worst[0], worst[4], worst[1], worst[2], worst[3]
    );
}
