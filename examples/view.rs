//! How long the page's per-keystroke work takes natively on a large timeline: the same
//! synthetic drop as `e2e/bench/ui.mjs` (ARTICLES articles of 8 events each), then the
//! search, the view (filters' live counts, histogram) and the list's rows for each
//! prefix of a query typed letter by letter.
//!
//!   cargo run --release --example view [ARTICLES]   (default 6,000: ~48,000 events)

use std::collections::BTreeSet;
use std::time::Instant;

use dateline::workspace::view::{ViewState, Zoom};
use dateline::workspace::Workspace;

/// The bench page's names (e2e/bench/ui.mjs): three syllables from the article number.
fn name(mut i: usize, k: usize) -> String {
    const SYL: &[u8] = b"bcdfghjklmnpqrstvwxz";
    const VOW: &[u8] = b"aeiou";
    let mut s = String::new();
    for _ in 0..3 {
        s.push(SYL[(i + k) % 20] as char);
        s.push(VOW[(i / 20) % 5] as char);
        i /= 100;
    }
    let mut c = s.chars();
    let first = c.next().unwrap().to_ascii_uppercase();
    std::iter::once(first).chain(c).collect()
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(6000);
    let verbs =
        ["spoke by phone with", "met", "visited", "criticised", "praised", "accused", "hosted", "warned"];
    let files: Vec<(String, Vec<u8>)> = (0..n)
        .map(|i| {
            let lines: Vec<String> = verbs
                .iter()
                .enumerate()
                .map(|(k, v)| {
                    format!(
                        "On Monday, President Ilse {}son {v} King Theodric {}dal.",
                        name(i, k),
                        name(i, k + 7)
                    )
                })
                .collect();
            let text = format!("Report {i}\n\n{}\n", lines.join("\n"));
            (format!("20{}-0{}-{:02}-r{i}.txt", 10 + i % 15, 1 + i % 9, 1 + i % 28), text.into_bytes())
        })
        .collect();
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
    let mut worst = [0f64; 3];
    for end in 0..="president ilse".len() {
        state.query = "president ilse"[..end].to_string();
        let t0 = Instant::now();
        let found = ws.index.search(&state.query);
        let t1 = Instant::now();
        let view = ws.view(&state);
        let t2 = Instant::now();
        let r = ws.rows(&view.events, Zoom::Month, &BTreeSet::new());
        let t3 = Instant::now();
        let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1000.0;
        let (s, v, rw) = (ms(t0, t1), ms(t1, t2), ms(t2, t3));
        worst = [worst[0].max(s), worst[1].max(v), worst[2].max(rw)];
        println!(
            "{:>16} {:>6} matches: search {s:6.2} ms, view (search included) {v:6.2} ms, rows {rw:6.2} ms ({} rows)",
            format!("{:?}", state.query),
            found.map_or(view.events.len(), |f| f.events.len()),
            r.len()
        );
    }
    println!("worst: search {:.2} ms, view {:.2} ms, rows {:.2} ms", worst[0], worst[1], worst[2]);
}
