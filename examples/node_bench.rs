//! The analysis core for Node (built by `./dev bench` with wasm-bindgen's nodejs
//! target), so `e2e/bench/node.mjs` can run it beside compromise and chrono-node on the
//! same texts in one process. Natively it is empty.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use dateline::analysis::{Analyzer, Document, TimeTagger};
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Analyses each text as one article (published on `published`, YYYY-MM-DD):
    /// returns how many events were found, so nothing is optimised away.
    #[wasm_bindgen]
    pub fn analyze(texts: Vec<String>, published: String) -> usize {
        let today = jiff::civil::date(2026, 11, 23);
        let date: jiff::civil::Date = published.parse().unwrap_or(today);
        let mut builder = Analyzer::builder(today);
        for i in 0..texts.len() {
            builder = builder.published(format!("{i}.txt"), date);
        }
        let analyzer = builder.build();
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let doc = Document::from_text(format!("{i}.txt"), t.clone());
                analyzer.analyze(std::slice::from_ref(&doc)).events.len()
            })
            .sum()
    }

    /// The temporal tagger alone: how many time expressions the texts hold.
    #[wasm_bindgen]
    pub fn tag(texts: Vec<String>, published: String) -> usize {
        let date: Option<jiff::civil::Date> = published.parse().ok();
        let tagger = TimeTagger::new();
        texts.iter().map(|t| tagger.tag(t, date).len()).sum()
    }
}
