//! The page's state as plain data with plain methods: the articles, the user's date
//! settings, the analysis, and search over it. The UI only wires this to the page, so
//! it is tested natively.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::analysis::{self, export, fold, Analysis, Analyzer, Document, EventOut};

/// The sample articles shipped with the app (copied from `seeds/`).
pub const SAMPLES: &[(&str, &str)] = &[
    ("000_647321a723405cb3.txt", include_str!("../seeds/000_647321a723405cb3.txt")),
    ("001_bd624f9f1055fe63.txt", include_str!("../seeds/001_bd624f9f1055fe63.txt")),
    ("002_2e17ffcbbdb7b696.txt", include_str!("../seeds/002_2e17ffcbbdb7b696.txt")),
    ("003_ef047f98b842d2d5.txt", include_str!("../seeds/003_ef047f98b842d2d5.txt")),
    ("004_80507271b0520eef.txt", include_str!("../seeds/004_80507271b0520eef.txt")),
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
    /// Folded text searched for each event, parallel to `analysis.events`.
    haystacks: Vec<String>,
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
            analysis: Analysis { schema: analysis::SCHEMA, articles: Vec::new(), events: Vec::new() },
            haystacks: Vec::new(),
            pasted: 0,
        }
    }

    /// A workspace holding the sample articles.
    pub fn with_samples(today: Date) -> Workspace {
        let mut ws = Workspace::new(today);
        ws.docs = SAMPLES.iter().map(|(name, text)| Document::from_text(*name, *text)).collect();
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
    pub fn add_files(&mut self, files: Vec<(String, Vec<u8>)>) -> usize {
        let mut added = 0;
        for (name, bytes) in files {
            match analysis::read_file(&name, &bytes) {
                Ok(doc) => {
                    if self.docs.iter().any(|d| d.file == doc.file && d.text == doc.text) {
                        self.messages.push(format!("file {name}: already loaded"));
                        continue;
                    }
                    self.leave_samples();
                    self.docs.push(doc);
                    added += 1;
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
        self.docs.push(Document::from_text(name, text));
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
        self.haystacks = self.analysis.events.iter().map(|ev| haystack(&self.analysis, ev)).collect();
    }

    /// Indices of the events matching `query`: every word of it (case-, accent- and
    /// transliteration-insensitive) appears in the event's summary, actors, places,
    /// type, date or evidence.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let q = fold(query);
        let words: Vec<&str> = q.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        (0..self.analysis.events.len())
            .filter(|&i| words.iter().all(|w| self.haystacks[i].contains(w)))
            .collect()
    }

    /// The JSON export: exactly what `dateline analyze` prints.
    pub fn export_json(&self) -> String {
        export::to_json(&self.analysis) + "\n"
    }
}

fn haystack(analysis: &Analysis, ev: &EventOut) -> String {
    let mut s = String::new();
    s.push_str(&ev.summary);
    for a in &ev.actors {
        s.push(' ');
        s.push_str(&a.name);
        if let Some(c) = &a.country {
            s.push(' ');
            s.push_str(c);
        }
    }
    for p in &ev.places {
        s.push(' ');
        s.push_str(p);
    }
    s.push(' ');
    s.push_str(&ev.kind);
    s.push(' ');
    s.push_str(&ev.cameo_name);
    if let Some(d) = &ev.date {
        s.push(' ');
        s.push_str(&export::display_date(d));
    }
    for src in &ev.sources {
        s.push(' ');
        s.push_str(&src.sentence);
        if let Some(a) = analysis.articles.iter().find(|a| a.id == src.article) {
            s.push(' ');
            s.push_str(&a.title);
        }
    }
    fold(&s)
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
