//! `Analyzer::analyze` on arbitrary text: up to four articles (split at U+001E, the
//! record separator), the first with a dated file name so relative dates resolve.
//! It never panics, and every evidence span is a valid slice of its article's text.
#![no_main]

use std::sync::OnceLock;

use dateline::analysis::{Analyzer, Document};
use libfuzzer_sys::fuzz_target;

/// Built once per process (its tables and the syntax model load once), not per input.
fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::builder(jiff::civil::date(2026, 11, 22)).build())
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let docs: Vec<Document> = text
        .split('\u{1E}')
        .take(4)
        .enumerate()
        .map(|(i, part)| {
            let name = if i == 0 { "2025-11-25-fuzz.txt".to_string() } else { format!("fuzz-{i}.txt") };
            Document::from_text(name, part)
        })
        .collect();
    let analysis = analyzer().analyze(&docs);
    assert_eq!(analysis.articles.len(), docs.len());
    for event in &analysis.events {
        for source in &event.sources {
            let article = analysis.articles.iter().find(|a| a.id == source.article).expect("cited article");
            assert!(
                article.text.get(source.start..source.end).is_some(),
                "span {}..{}",
                source.start,
                source.end
            );
        }
    }
});
