//! `./dev bench`: throughput of the analysis core on real article texts.
//!
//! Reads the sample articles and the TempEval-3 texts from ../shared (research use:
//! read in place, never copied), replicates them to N articles with spread publication
//! dates, and reports MB/s and articles/s for the temporal tagger alone and for the
//! whole analysis (merging included). Prints Markdown.
//!
//! cargo run --release --example bench -- [--quick]

mod common;

use std::path::PathBuf;
use std::time::Instant;

use dateline::analysis::{merge_events, Actor, ActorKind, Analyzer, Document, EventOut, Source, TimeTagger};
use jiff::civil::date;
use jiff::ToSpan;

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut texts = common::seeds_and_timeml(&root);
    // The true article texts of the HTML extraction corpus.
    let truth = root.join("../shared/corpora/article-extraction/ground-truth.json");
    if let Ok(json) = std::fs::read_to_string(&truth) {
        let v: serde_json::Value = serde_json::from_str(&json).expect("ground truth is JSON");
        if let Some(map) = v.as_object() {
            texts.extend(map.values().filter_map(|a| a["articleBody"].as_str()).map(str::to_string));
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "Corpus: {} real article texts ({:.2} MB): the 5 seeds, the TempEval-3 TimeBank/AQUAINT texts and the HTML extraction corpus's article texts.\n",
        texts.len(),
        mb(bytes)
    );

    // The temporal tagger alone.
    let tagger = TimeTagger::new();
    let anchor = Some(date(2025, 11, 25));
    let target = if quick { 2_000_000 } else { 30_000_000 };
    let mut runs = Vec::new();
    for _ in 0..if quick { 1 } else { 5 } {
        let start = Instant::now();
        let mut done = 0usize;
        let mut found = 0usize;
        while done < target {
            for t in &texts {
                found += tagger.tag(t, anchor).len();
                done += t.len();
            }
        }
        let secs = start.elapsed().as_secs_f64();
        std::hint::black_box(found);
        runs.push(mb(done) / secs);
    }
    runs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "| stage | MB/s (median of {}) |\n|---|---|\n| temporal tagger alone | {:.1} |\n",
        runs.len(),
        runs[runs.len() / 2]
    );

    // The whole analysis at growing sizes.
    println!(
        "| articles | MB | seconds (median of 3) | MB/s | articles/s | events |\n|---|---|---|---|---|---|"
    );
    let sizes: &[usize] = if quick { &[10, 100] } else { &[10, 100, 1_000, 10_000] };
    let analyzer = Analyzer::builder(date(2026, 11, 22)).build();
    for &n in sizes {
        let docs: Vec<Document> = (0..n)
            .map(|i| {
                let day = date(2020, 1, 1).checked_add(((i * 37) % 2000) as i64 * 1.day()).unwrap();
                Document::from_text(format!("{day}-article-{i}.txt"), texts[i % texts.len()].clone())
            })
            .collect();
        let size: usize = docs.iter().map(|d| d.text.len()).sum();
        let (t, events) = timed(&analyzer, &docs, if quick || n >= 10_000 { 1 } else { 3 });
        println!("| {n} | {:.2} | {t:.3} | {:.2} | {:.0} | {events} |", mb(size), mb(size) / t, n as f64 / t);
    }

    // One article of growing length, all on one line (the worst case for anything that
    // scans back to a line's start): the real sentences of the corpus, in turn.
    println!("\n| sentences in one article (one line) | MB | seconds (median of 3) | MB/s | µs per sentence | events |\n|---|---|---|---|---|---|");
    let pool: Vec<&str> = texts
        .iter()
        .flat_map(|t| dateline::analysis::text::sentences(t).into_iter().map(move |s| s.slice(t)))
        .map(str::trim)
        .filter(|s| s.len() > 20 && !s.contains('\n'))
        .collect();
    let lengths: &[usize] = if quick { &[10, 1_000] } else { &[10, 100, 1_000, 10_000, 20_000] };
    for &n in lengths {
        let text = pool.iter().cycle().take(n).copied().collect::<Vec<_>>().join(" ");
        let docs = [Document::from_text("2025-11-25-long.txt".to_string(), text)];
        let (t, events) = timed(&analyzer, &docs, if quick || n >= 10_000 { 1 } else { 3 });
        let size = docs[0].text.len();
        println!(
            "| {n} | {:.2} | {t:.3} | {:.2} | {:.0} | {events} |",
            mb(size),
            mb(size) / t,
            t * 1e6 / n as f64
        );
    }

    // The largest corpus as JSON Lines, for the command line's peak memory (./dev bench).
    let n = *sizes.last().unwrap();
    let mut jsonl = String::new();
    for i in 0..n {
        let day = date(2020, 1, 1).checked_add(((i * 37) % 2000) as i64 * 1.day()).unwrap();
        let line = serde_json::json!({ "title": format!("article {i}"), "date": day.to_string(), "text": texts[i % texts.len()] });
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
    }
    let path = root.join("target").join("bench-corpus.jsonl");
    std::fs::write(&path, jsonl).expect("write the benchmark corpus");
    // And as files (the same articles, dated by their names), for the batch command.
    let dir = root.join("target").join("bench-corpus");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("make the benchmark corpus folder");
    for i in 0..n {
        let day = date(2020, 1, 1).checked_add(((i * 37) % 2000) as i64 * 1.day()).unwrap();
        std::fs::write(dir.join(format!("{day}-article-{i}.txt")), &texts[i % texts.len()])
            .expect("write an article");
    }

    // Merging alone: 100,000 synthetic events (a third dated by month only, to fold).
    let events = synthetic_events(100_000);
    let start = Instant::now();
    let merged = merge_events(events);
    let t = start.elapsed().as_secs_f64();
    std::hint::black_box(merged.len());
    println!("\nmerge 100,000 events: {t:.3} s");
}

/// `n` events between 500 × 97 pairs of people over a year, a third dated by month.
fn synthetic_events(n: usize) -> Vec<EventOut> {
    let person = |name: String| Actor { name, kind: ActorKind::Person, country: None };
    (0..n)
        .map(|i| {
            let (day, month) = (1 + i % 28, 1 + (i / 28) % 12);
            let date =
                if i % 3 == 0 { format!("2025-{month:02}") } else { format!("2025-{month:02}-{day:02}") };
            let (a, b) = (person(format!("P{}", i % 500)), person(format!("Q{}", i % 97)));
            EventOut {
                id: String::new(),
                date: Some(date),
                date_text: None,
                date_how: None,
                date_assumed: false,
                cameo: "041".into(),
                kind: "Consult".into(),
                cameo_name: String::new(),
                plover: Some("CONSULT".into()),
                plover_mode: Some("phone".into()),
                source: Some(a.clone()),
                target: Some(b.clone()),
                actors: vec![a, b],
                places: Vec::new(),
                summary: String::new(),
                sources: vec![Source {
                    article: format!("a{i}"),
                    sentence: String::new(),
                    start: 0,
                    end: 1,
                    trigger: None,
                }],
                confidence: 0.5,
                planned: false,
                key: String::new(),
            }
        })
        .collect()
}

/// The median time of `runs` analyses of `docs` (seconds), and the events found.
fn timed(analyzer: &Analyzer, docs: &[Document], runs: usize) -> (f64, usize) {
    let mut times = Vec::new();
    let mut events = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let a = analyzer.analyze(docs);
        times.push(start.elapsed().as_secs_f64());
        events = a.events.len();
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (times[times.len() / 2], events)
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1_000_000.0
}
