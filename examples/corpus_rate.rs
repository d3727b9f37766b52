//! How many inputs a second the fuzz target `analyze` could take without the fuzzer's
//! instrumentation: each file of DIR (a fuzz corpus) analysed as the target does.
//!
//!   cargo run --release --example corpus_rate DIR [ROUNDS]

use std::time::Instant;

use dateline::analysis::{Analyzer, Document};

fn main() {
    let dir = std::env::args().nth(1).expect("a corpus folder");
    let rounds: usize = std::env::args().nth(2).and_then(|r| r.parse().ok()).unwrap_or(3);
    let inputs: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .expect("readable folder")
        .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
        .collect();
    let analyzer = Analyzer::builder(jiff::civil::date(2026, 11, 22)).build();
    let t = Instant::now();
    let mut events = 0;
    for _ in 0..rounds {
        for data in &inputs {
            let text = String::from_utf8_lossy(data);
            let docs: Vec<Document> = text
                .split('\u{1E}')
                .take(4)
                .enumerate()
                .map(|(i, part)| {
                    let name =
                        if i == 0 { "2025-11-25-fuzz.txt".to_string() } else { format!("fuzz-{i}.txt") };
                    Document::from_text(name, part)
                })
                .collect();
            events += analyzer.analyze(&docs).events.len();
        }
    }
    let n = inputs.len() * rounds;
    let secs = t.elapsed().as_secs_f64();
    let bytes: usize = inputs.iter().map(Vec::len).sum::<usize>() * rounds;
    println!(
        "{n} inputs ({bytes} bytes), {events} events: {:.0} inputs/s, {:.2} MB/s",
        n as f64 / secs,
        bytes as f64 / secs / 1e6
    );
}
