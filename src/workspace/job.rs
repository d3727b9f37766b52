//! One change to the workspace that needs the analysis core (reading files, analysing
//! articles), as plain data: the page sends a [`Job`] to its Web Worker, which calls
//! [`run`] and sends the [`Done`] back; the native code and the tests call [`run`]
//! directly. Nothing here touches the browser.

use jiff::civil::Date;

use crate::analysis::{self, Analysis, Analyzer, Document};

/// What the user did.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Change {
    /// Files to read (name, bytes); the bytes travel beside the job, not in its JSON.
    Files(#[serde(skip)] Vec<(String, Vec<u8>)>),
    /// Pasted text, added as "pasted-N.txt".
    Text(String),
    /// An article's publication date set (or, with None, unset) by the user.
    Published(String, Option<Date>),
    /// Nothing new: analyse the articles as they are (a restored workspace).
    #[default]
    Reanalyze,
}

/// Everything a worker needs: the workspace's articles and date settings, and the change.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Job {
    pub today: Date,
    pub docs: Vec<Document>,
    /// Publication dates set by the user, by file name.
    pub published: Vec<(String, Date)>,
    /// How many pasted texts the workspace has had (names stay unique).
    pub pasted: usize,
    pub change: Change,
}

/// The workspace after the change: its articles and settings, messages about files
/// that could not be read, and the analysis.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Done {
    pub docs: Vec<Document>,
    pub published: Vec<(String, Date)>,
    pub pasted: usize,
    /// How many articles the change added.
    pub added: usize,
    pub messages: Vec<String>,
    pub analysis: Analysis,
}

impl Done {
    /// The answer as the worker sends it: JSON bytes (moved to the page, not copied
    /// through a string), with each article's text once. The analysis carries every
    /// text (its evidence offsets point into it), so the documents' copies are left out.
    pub fn to_wire(mut self) -> Result<Vec<u8>, serde_json::Error> {
        let texts = self
            .analysis
            .articles
            .iter()
            .map(|a| a.file.as_str())
            .eq(self.docs.iter().map(|d| d.file.as_str()));
        if texts {
            for (doc, article) in self.docs.iter_mut().zip(&self.analysis.articles) {
                if doc.text == article.text {
                    doc.text = String::new();
                }
            }
        }
        serde_json::to_vec(&self)
    }

    /// Reads what [`to_wire`](Done::to_wire) wrote, the documents' texts restored.
    pub fn from_wire(bytes: &[u8]) -> Result<Done, serde_json::Error> {
        // `from_str`, not `from_slice`: the page's wasm holds one JSON reader for each,
        // and the other JSON the page reads is text (21 KB gzipped saved).
        let mut done: Done = serde_json::from_str(&String::from_utf8_lossy(bytes))?;
        for (doc, article) in done.docs.iter_mut().zip(&done.analysis.articles) {
            if doc.text.is_empty() && doc.file == article.file {
                doc.text = article.text.clone();
            }
        }
        Ok(done)
    }
}

/// Where a job is, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Analysing,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Reading => "Reading files",
            Stage::Analysing => "Analysing articles",
        }
    }
}

/// Carries out `job`; `progress(stage, done, total)` is called as files are read and
/// articles analysed.
pub fn run(job: Job, progress: &mut dyn FnMut(Stage, usize, usize)) -> Done {
    let Job { today, mut docs, mut published, mut pasted, change } = job;
    let mut messages = Vec::new();
    let mut added = 0;
    let set = |published: &mut Vec<(String, Date)>, file: &str, date: Option<Date>, keep: bool| {
        if let Some(i) = published.iter().position(|(f, _)| f == file) {
            if keep {
                return;
            }
            published.remove(i);
        }
        if let Some(d) = date {
            published.push((file.to_string(), d));
        }
    };
    match change {
        Change::Files(mut files) => {
            // One drop reads at most the total limit; the rest is named and left out.
            let sizes: Vec<(String, usize)> = files.iter().map(|(n, b)| (n.clone(), b.len())).collect();
            let (fit, over) = analysis::ingest::within_total(&sizes);
            files.truncate(fit);
            messages.extend(over);
            let total = files.len();
            // The loaded articles by file name, so a big drop checks for repeats in
            // linear time.
            let mut by_file: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
            for (i, d) in docs.iter().enumerate() {
                by_file.entry(d.file.clone()).or_default().push(i);
            }
            for (i, (name, bytes)) in files.into_iter().enumerate() {
                match analysis::ingest::read_files(&name, &bytes) {
                    Ok(read) => {
                        for doc in read {
                            let same = by_file
                                .get(&doc.file)
                                .is_some_and(|ix| ix.iter().any(|&k| docs[k].text == doc.text));
                            if same {
                                messages.push(format!("file {}: already loaded", doc.file));
                                continue;
                            }
                            // A date the user had set (a restored export) is theirs again.
                            if let Some(p) = doc.published.as_ref().filter(|p| p.by_user) {
                                set(&mut published, &doc.file, Some(p.date), true);
                            }
                            by_file.entry(doc.file.clone()).or_default().push(docs.len());
                            docs.push(doc);
                            added += 1;
                        }
                    }
                    Err(e) => messages.push(e.to_string()),
                }
                progress(Stage::Reading, i + 1, total);
            }
        }
        Change::Text(text) => {
            if text.trim().is_empty() {
                messages.push("pasted text: no text to add".to_string());
            } else {
                pasted += 1;
                let name = format!("pasted-{pasted}.txt");
                match analysis::ingest::read_files(&name, text.as_bytes()) {
                    Ok(read) => {
                        added += read.len();
                        docs.extend(read);
                    }
                    Err(e) => messages.push(e.to_string()),
                }
            }
        }
        Change::Published(file, date) => set(&mut published, &file, date, false),
        Change::Reanalyze => {}
    }
    let mut b = Analyzer::builder(today);
    for (file, date) in &published {
        b = b.published(file.clone(), *date);
    }
    let analysis =
        b.build().analyze_with_progress(&docs, &mut |done, total| progress(Stage::Analysing, done, total));
    Done { docs, published, pasted, added, messages, analysis }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn job(change: Change) -> Job {
        Job { today: date(2026, 11, 22), docs: Vec::new(), published: Vec::new(), pasted: 0, change }
    }

    #[test]
    fn progress_counts_files_then_articles() {
        let files = vec![
            ("a.txt".to_string(), b"On Monday, President Ilse Vantrow met King Theodric.".to_vec()),
            ("b.pdf".to_string(), b"%PDF-1.4".to_vec()),
        ];
        let mut seen = Vec::new();
        let done = run(job(Change::Files(files)), &mut |s, d, t| seen.push((s, d, t)));
        assert_eq!(seen, vec![(Stage::Reading, 1, 2), (Stage::Reading, 2, 2), (Stage::Analysing, 1, 1)]);
        assert_eq!(done.added, 1);
        assert_eq!(done.messages, vec!["file b.pdf: not a text article (looks like PDF)".to_string()]);
        assert_eq!(done.analysis.articles.len(), 1);
    }

    #[test]
    fn an_answer_survives_the_wire_with_each_text_once() {
        let files = vec![
            (
                "a.txt".to_string(),
                b"Talks in Oslo\n\nOn Monday, President Ilse Vantrow met King Theodric.".to_vec(),
            ),
            (
                "b.txt".to_string(),
                b"Geneva\n\nTalks were held in Geneva on Friday between the delegations.".to_vec(),
            ),
        ];
        let done = run(job(Change::Files(files)), &mut |_, _, _| {});
        assert_eq!(done.docs.len(), 2);
        let wire = done.clone().to_wire().unwrap();
        let json = String::from_utf8(wire.clone()).unwrap();
        for doc in &done.docs {
            let text = serde_json::to_string(&doc.text).unwrap();
            assert_eq!(json.matches(&text).count(), 1, "{json}");
        }
        assert_eq!(Done::from_wire(&wire).unwrap(), done);
    }

    #[test]
    fn a_job_survives_its_json_but_its_bytes_travel_apart() {
        let j = job(Change::Files(vec![("a.txt".into(), b"x".to_vec())]));
        let back: Job = serde_json::from_str(&serde_json::to_string(&j).unwrap()).unwrap();
        assert_eq!(back.change, Change::Files(Vec::new()));
        let j = job(Change::Published("a.txt".into(), Some(date(2025, 1, 2))));
        let back: Job = serde_json::from_str(&serde_json::to_string(&j).unwrap()).unwrap();
        assert_eq!(back, j);
    }
}
