//! A steady workload for profiling the core with callgrind (instruction counts do not
//! depend on the machine's load): the benchmark corpus, each text analysed once as an
//! article published on 25 Nov 2025.
//!
//!   cargo build --release --example profile
//!   valgrind --tool=callgrind --callgrind-out-file=target/callgrind.out target/release/examples/profile
//!   callgrind_annotate target/callgrind.out | head -40

mod common;

use std::path::PathBuf;

use dateline::analysis::{Analyzer, Document};

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let texts = common::seeds_and_timeml(&root);
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
    println!(
        "{} texts, {} bytes, {events} events",
        texts.len(),
        texts.iter().map(String::len).sum::<usize>()
    );
}
