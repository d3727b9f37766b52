//! A steady workload for profiling the core with callgrind (instruction counts do not
//! depend on the machine's load): the benchmark corpus, each text analysed once as an
//! article published on 25 Nov 2025.
//!
//!   cargo build --release --example profile
//!   valgrind --tool=callgrind --callgrind-out-file=target/callgrind.out target/release/examples/profile
//!   callgrind_annotate target/callgrind.out | head -40

use std::path::{Path, PathBuf};

use dateline::analysis::{Analyzer, Document};

fn sorted(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    v.sort();
    v
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for f in sorted(&root.join("seeds")) {
        texts.push(std::fs::read_to_string(f).unwrap());
    }
    for sub in ["TimeBank", "AQUAINT"] {
        for f in sorted(&root.join("../shared/corpora/tempeval3-train").join(sub)) {
            let tml = std::fs::read_to_string(f).unwrap_or_default();
            let body = tml.split_once("<TEXT>").map_or(tml.as_str(), |(_, r)| r);
            let body = body.split_once("</TEXT>").map_or(body, |(l, _)| l);
            let mut out = String::new();
            let mut in_tag = false;
            for c in body.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    _ if !in_tag => out.push(c),
                    _ => {}
                }
            }
            texts.push(out);
        }
    }
    let today = jiff::civil::date(2026, 11, 23);
    let mut b = Analyzer::builder(today);
    for i in 0..texts.len() {
        b = b.published(format!("{i}.txt"), jiff::civil::date(2025, 11, 25));
    }
    let analyzer = b.build();
    let mut events = 0;
    for (i, t) in texts.iter().enumerate() {
        let doc = Document::from_text(format!("{i}.txt"), t.clone());
        events += analyzer.analyze(std::slice::from_ref(&doc)).events.len();
    }
    println!("{} texts, {} bytes, {events} events", texts.len(), texts.iter().map(String::len).sum::<usize>());
}
