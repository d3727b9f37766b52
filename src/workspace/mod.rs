//! The page's state as plain data with plain methods: the articles, the user's date
//! settings, the analysis, search, filters and exports. The UI only wires this to the
//! page, so it is tested natively.

pub mod exports;
pub mod search;
pub mod view;

use std::collections::HashMap;

use jiff::civil::Date;

use crate::analysis::{self, export, Analysis, Analyzer, Document};
use search::SearchIndex;
use view::{View, ViewState};

/// The sample articles shipped with the app (copied from `seeds/`).
pub const SAMPLES: &[(&str, &str)] = &[
    ("000_647321a723405cb3.txt", include_str!("../../seeds/000_647321a723405cb3.txt")),
    ("001_bd624f9f1055fe63.txt", include_str!("../../seeds/001_bd624f9f1055fe63.txt")),
    ("002_2e17ffcbbdb7b696.txt", include_str!("../../seeds/002_2e17ffcbbdb7b696.txt")),
    ("003_ef047f98b842d2d5.txt", include_str!("../../seeds/003_ef047f98b842d2d5.txt")),
    ("004_80507271b0520eef.txt", include_str!("../../seeds/004_80507271b0520eef.txt")),
];

/// Everything the user has loaded and set, and the analysis of it.
#[derive(Clone, Debug)]
pub struct Workspace {
    today: Date,
    docs: Vec<Document>,
    /// Publication dates set by the user, by file name.
    overrides: HashMap<String, Date>,
    /// Messages about files that could not be read, newest last.
    pub messages: Vec<String>,
    /// Whether the loaded articles are the samples.
    pub samples: bool,
    analysis: Analysis,
    /// The search index of `analysis`.
    pub index: SearchIndex,
    /// Facet values and days of `analysis`, for views.
    pre: view::Precomputed,
    pasted: usize,
}

impl Workspace {
    /// An empty workspace; `today` is the user's date.
    pub fn new(today: Date) -> Workspace {
        Workspace {
            today,
            docs: Vec::new(),
            overrides: HashMap::new(),
            messages: Vec::new(),
            samples: false,
            analysis: Analysis {
                schema: analysis::SCHEMA,
                articles: Vec::new(),
                events: Vec::new(),
                actors: Vec::new(),
            },
            index: SearchIndex::default(),
            pre: view::Precomputed::default(),
            pasted: 0,
        }
    }

    /// A workspace holding the sample articles.
    pub fn with_samples(today: Date) -> Workspace {
        let mut ws = Workspace::new(today);
        // Read like dropped files, so their captions and link lists are cleaned too.
        ws.docs = SAMPLES
            .iter()
            .filter_map(|(name, text)| analysis::ingest::read_files(name, text.as_bytes()).ok())
            .flatten()
            .collect();
        ws.samples = true;
        ws.reanalyze();
        ws
    }

    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// Adds files read by the page; a file that cannot be read gets a message naming
    /// it and the reason, and the others go on. A file already loaded (same name and
    /// text) is not added twice. Returns how many were added.
    pub fn add_files(&mut self, mut files: Vec<(String, Vec<u8>)>) -> usize {
        let mut added = 0;
        // One drop reads at most the total limit; the rest is named and left out.
        let sizes: Vec<(String, usize)> = files.iter().map(|(n, b)| (n.clone(), b.len())).collect();
        let (fit, over) = analysis::ingest::within_total(&sizes);
        files.truncate(fit);
        self.messages.extend(over);
        for (name, bytes) in files {
            match analysis::ingest::read_files(&name, &bytes) {
                Ok(docs) => {
                    for doc in docs {
                        if self.docs.iter().any(|d| d.file == doc.file && d.text == doc.text) {
                            self.messages.push(format!("file {}: already loaded", doc.file));
                            continue;
                        }
                        // A date the user had set (a restored export) is theirs again.
                        if let Some(p) = doc.published.as_ref().filter(|p| p.by_user) {
                            self.overrides.entry(doc.file.clone()).or_insert(p.date);
                        }
                        self.leave_samples();
                        self.docs.push(doc);
                        added += 1;
                    }
                }
                Err(e) => self.messages.push(e.to_string()),
            }
        }
        if added > 0 {
            self.reanalyze();
        }
        added
    }

    /// Adds pasted text as an article named "pasted-N.txt".
    pub fn add_text(&mut self, text: &str) -> bool {
        if text.trim().is_empty() {
            self.messages.push("pasted text: no text to add".to_string());
            return false;
        }
        self.pasted += 1;
        let name = format!("pasted-{}.txt", self.pasted);
        self.leave_samples();
        match analysis::ingest::read_files(&name, text.as_bytes()) {
            Ok(docs) => self.docs.extend(docs),
            Err(e) => {
                self.messages.push(e.to_string());
                return false;
            }
        }
        self.reanalyze();
        true
    }

    /// The first file of one's own replaces nothing: samples stay until cleared, but
    /// the sample note goes.
    fn leave_samples(&mut self) {
        self.samples = false;
    }

    /// Removes every article, samples included, and every setting.
    pub fn clear(&mut self) {
        self.docs.clear();
        self.overrides.clear();
        self.messages.clear();
        self.samples = false;
        self.reanalyze();
    }

    /// Sets (or, with None, unsets) an article's publication date; every date that
    /// depends on it moves.
    pub fn set_published(&mut self, file: &str, date: Option<Date>) {
        match date {
            Some(d) => {
                self.overrides.insert(file.to_string(), d);
            }
            None => {
                self.overrides.remove(file);
            }
        }
        self.reanalyze();
    }

    fn reanalyze(&mut self) {
        let mut b = Analyzer::builder(self.today);
        for (file, date) in &self.overrides {
            b = b.published(file.clone(), *date);
        }
        self.analysis = b.build().analyze(&self.docs);
        self.index = SearchIndex::build(&self.analysis);
        self.pre = view::Precomputed::new(&self.analysis);
    }

    /// Indices of the events matching `query` (see [`SearchIndex::search`]).
    pub fn search(&self, query: &str) -> Vec<usize> {
        match self.index.search(query) {
            Some(found) => found.events.into_iter().map(|i| i as usize).collect(),
            None => (0..self.analysis.events.len()).collect(),
        }
    }

    /// What `state` shows: matching events, live facet counts, the histogram.
    pub fn view(&self, state: &ViewState) -> View {
        view::compute(&self.analysis, &self.pre, self.index.search(&state.query), state)
    }

    /// The JSON export of everything: exactly what `dateline analyze` prints.
    pub fn export_json(&self) -> String {
        export::to_json(&self.analysis) + "\n"
    }

    /// Exports of the events at `indices` (the current view) in `format`: "json",
    /// "csv", "cameo" (the CAMEO event table, TSV), "timelinejs" or "ics". Returns the file name, MIME type and content.
    pub fn export_view(&self, indices: &[u32], format: &str) -> (String, &'static str, String) {
        let sub = exports::subset(&self.analysis, indices);
        match format {
            "csv" => ("dateline.csv".into(), "text/csv", export::to_csv(&sub)),
            "timelinejs" => (
                "dateline-timelinejs.json".into(),
                "application/json",
                exports::timelinejs(&sub, "Dateline timeline"),
            ),
            "ics" => ("dateline.ics".into(), "text/calendar", exports::ical(&sub, self.today)),
            "cameo" => ("dateline-cameo.tsv".into(), "text/tab-separated-values", export::to_cameo_tsv(&sub)),
            _ => ("dateline.json".into(), "application/json", export::to_json(&sub) + "\n"),
        }
    }

    /// The articles and the user's date settings, for saving.
    pub fn saved(&self) -> Saved {
        Saved {
            version: 1,
            samples: self.samples,
            docs: self.docs.clone(),
            published: self.overrides.iter().map(|(f, d)| (f.clone(), d.to_string())).collect(),
        }
    }

    /// A workspace restored from what [`saved`](Workspace::saved) gave.
    pub fn restore(today: Date, saved: Saved) -> Workspace {
        let mut ws = Workspace::new(today);
        ws.samples = saved.samples;
        ws.docs = saved.docs;
        ws.overrides = saved.published.into_iter().filter_map(|(f, d)| Some((f, d.parse().ok()?))).collect();
        ws.reanalyze();
        ws
    }
}

/// What survives a reload: the articles (as read) and the user's date settings.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Saved {
    pub version: u32,
    pub samples: bool,
    pub docs: Vec<Document>,
    pub published: Vec<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn samples_have_events_and_search_folds_accents() {
        let ws = Workspace::with_samples(date(2026, 11, 22));
        assert_eq!(ws.analysis().articles.len(), 5);
        assert!(!ws.analysis().events.is_empty());
        let hits = ws.search("erdogan");
        assert!(!hits.is_empty());
        assert_eq!(hits, ws.search("ERDOĞAN"));
        assert!(hits.len() < ws.analysis().events.len());
        assert!(ws.search("zzzz-no-such-word").is_empty());
    }

    #[test]
    fn saving_and_restoring_keeps_articles_and_dates() {
        let mut ws = Workspace::new(date(2026, 11, 22));
        ws.add_text("On Monday, President Ilse Vantrow met Prime Minister Telemar Brandy in Paris.");
        let file = ws.analysis().articles[0].file.clone();
        ws.set_published(&file, Some(date(2025, 11, 25)));
        let json = serde_json::to_string(&ws.saved()).unwrap();
        let back = Workspace::restore(date(2026, 11, 22), serde_json::from_str(&json).unwrap());
        assert_eq!(back.analysis(), ws.analysis());
        assert!(serde_json::from_str::<Saved>("{\"version\": 1, \"docs\": 7}").is_err());
    }

    #[test]
    fn bad_files_get_messages_and_others_go_on() {
        let mut ws = Workspace::new(date(2026, 11, 22));
        let n = ws.add_files(vec![
            ("a.pdf".into(), b"%PDF-1.4".to_vec()),
            (
                "b.txt".into(),
                b"On Monday, President Ilse Vantrow of Arnor met Prime Minister Telemar Brandy.".to_vec(),
            ),
        ]);
        assert_eq!(n, 1);
        assert_eq!(ws.messages, vec!["file a.pdf: not a text article (looks like PDF)".to_string()]);
        assert_eq!(ws.analysis().articles.len(), 1);
        // The same file again is not added twice.
        ws.add_files(vec![(
            "b.txt".into(),
            b"On Monday, President Ilse Vantrow of Arnor met Prime Minister Telemar Brandy.".to_vec(),
        )]);
        assert_eq!(ws.analysis().articles.len(), 1);
        ws.clear();
        assert!(ws.analysis().articles.is_empty());
    }

    #[test]
    fn editing_a_date_moves_relative_events() {
        let mut ws = Workspace::new(date(2026, 11, 22));
        ws.add_text("On Monday, President Ilse Vantrow met Prime Minister Telemar Brandy in Paris.");
        let file = ws.analysis().articles[0].file.clone();
        ws.set_published(&file, Some(date(2025, 11, 25)));
        assert_eq!(ws.analysis().events[0].date.as_deref(), Some("2025-11-24"));
        ws.set_published(&file, Some(date(2024, 3, 6)));
        assert_eq!(ws.analysis().events[0].date.as_deref(), Some("2024-03-04"));
        assert_eq!(ws.analysis().articles[0].published_source, analysis::PublishedSource::User);
    }
}
