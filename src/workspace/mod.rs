//! The page's state as plain data with plain methods: the articles, the user's date
//! settings, the analysis, search, filters and exports. The UI only wires this to the
//! page, so it is tested natively.

pub mod exports;
pub mod job;
pub mod network;
pub mod search;
pub mod view;
pub mod wire;

use jiff::civil::Date;

use crate::analysis::{self, export, Analysis, Document};
pub use job::{Change, Done, Job, Stage};
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

/// The day the samples' analysis in `samples.json` was made for ("today" only decides
/// the year of a weekday written with its month and day).
pub const SAMPLES_TODAY: Date = jiff::civil::date(2026, 11, 23);

/// The samples read and analysed ahead of time (`samples.json`, kept current by the
/// test `samples_json_is_current`), so that a first visit shows their timeline without
/// downloading the analysis worker.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SamplesSnapshot {
    pub today: Date,
    pub docs: Vec<Document>,
    pub analysis: Analysis,
}

impl SamplesSnapshot {
    /// Reads and analyses [`SAMPLES`] (what `samples.json` holds).
    pub fn make() -> SamplesSnapshot {
        // Read like dropped files, so their captions and link lists are cleaned too.
        let docs: Vec<Document> = SAMPLES
            .iter()
            .filter_map(|(name, text)| analysis::ingest::read_files(name, text.as_bytes()).ok())
            .flatten()
            .collect();
        let done = job::run(
            Job {
                today: SAMPLES_TODAY,
                docs,
                published: Vec::new(),
                languages: Vec::new(),
                pasted: 0,
                change: Change::Reanalyze,
            },
            None,
            &mut |_| {},
        );
        SamplesSnapshot { today: SAMPLES_TODAY, docs: done.docs, analysis: done.analysis }
    }

    /// The snapshot built into the app.
    pub fn builtin() -> SamplesSnapshot {
        serde_json::from_str(include_str!("samples.json")).expect("samples.json is a samples snapshot")
    }
}

/// A short stable id for a string (FNV-1a, 16 hex digits): the same happening's id
/// across exports, an element id from a value.
pub fn short_hash(s: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// An analysis being installed: its search index and view tables are built one
/// [`step`](Install::step) at a time (a slice of events each), then
/// [`Workspace::apply_installed`] takes them.
pub struct Install {
    analysis: Analysis,
    index: search::IndexBuilder,
    pre: view::PreBuilder,
    /// Whether each is complete.
    built: (bool, bool),
}

impl Install {
    /// About how many events' worth of work one step does: a few tens of milliseconds
    /// in the page's WebAssembly (BENCHMARKS.md).
    pub const STEP_EVENTS: usize = 2_000;

    pub fn new(analysis: Analysis) -> Install {
        Install {
            analysis,
            index: search::IndexBuilder::default(),
            pre: view::PreBuilder::default(),
            built: (false, false),
        }
    }

    /// The analysis with its tables, building what is still missing.
    fn finish(mut self) -> (Analysis, SearchIndex, view::Precomputed) {
        while self.step_by(usize::MAX) {}
        (self.analysis, self.index.finish(), self.pre.finish())
    }

    /// Builds the next slice of the tables; false once all are built.
    pub fn step(&mut self) -> bool {
        self.step_by(Install::STEP_EVENTS)
    }

    fn step_by(&mut self, work: usize) -> bool {
        if !self.built.0 {
            self.built.0 = self.index.step(&self.analysis, work);
        } else if !self.built.1 {
            self.built.1 = self.pre.step(&self.analysis, work);
        } else {
            return false;
        }
        true
    }
}

/// Everything the user has loaded and set, and the analysis of it.
#[derive(Clone, Debug)]
pub struct Workspace {
    today: Date,
    docs: Vec<Document>,
    /// Publication dates set by the user, by file name.
    overrides: Vec<(String, Date)>,
    /// Languages set by the user (ISO 639-1), by file name.
    languages: Vec<(String, String)>,
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
    /// Counts analyses installed: what a view keeps (rows, say) is only kept within one.
    pub generation: u64,
}

impl Workspace {
    /// An empty workspace; `today` is the user's date.
    pub fn new(today: Date) -> Workspace {
        Workspace {
            today,
            docs: Vec::new(),
            overrides: Vec::new(),
            languages: Vec::new(),
            messages: Vec::new(),
            samples: false,
            analysis: Analysis::default(),
            index: SearchIndex::default(),
            pre: view::Precomputed::default(),
            pasted: 0,
            generation: 0,
        }
    }

    /// A workspace holding the sample articles, analysed ahead of time.
    pub fn with_samples(today: Date) -> Workspace {
        let mut ws = Workspace::new(today);
        let snap = SamplesSnapshot::builtin();
        ws.docs = snap.docs;
        ws.samples = true;
        ws.install(Install::new(snap.analysis));
        ws
    }

    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// The job that carries out `change` on this workspace (for a worker, or [`job::run`]).
    pub fn job(&self, change: Change) -> Job {
        Job {
            today: self.today,
            docs: self.docs.clone(),
            published: self.overrides.clone(),
            languages: self.languages.clone(),
            pasted: self.pasted,
            change,
        }
    }

    /// Takes in what a job gave. Returns how many articles it added.
    pub fn apply(&mut self, mut done: Done) -> usize {
        let install = Install::new(std::mem::take(&mut done.analysis));
        self.apply_installed(done, install)
    }

    /// [`apply`](Workspace::apply) with the analysis's tables already built (the page
    /// builds them a step at a time, so no one task is long); `done.analysis` is not used.
    pub fn apply_installed(&mut self, done: Done, install: Install) -> usize {
        self.docs = done.docs;
        self.overrides = done.published;
        self.languages = done.languages;
        self.pasted = done.pasted;
        self.messages.extend(done.messages);
        // The first file of one's own: the samples stay until cleared, but the sample
        // note goes.
        if done.added > 0 {
            self.samples = false;
        }
        self.install(install);
        done.added
    }

    /// Carries out `change` here and now (what the page's worker does elsewhere).
    pub fn change(&mut self, change: Change) -> usize {
        let done = job::run(self.job(change), None, &mut |_| {});
        self.apply(done)
    }

    fn install(&mut self, install: Install) {
        (self.analysis, self.index, self.pre) = install.finish();
        self.generation += 1;
    }

    /// Adds files read by the page; a file that cannot be read gets a message naming
    /// it and the reason, and the others go on. A file already loaded (same name and
    /// text) is not added twice. Returns how many were added.
    pub fn add_files(&mut self, files: Vec<(String, Vec<u8>)>) -> usize {
        self.change(Change::Files(files))
    }

    /// Adds pasted text as an article named "pasted-N.txt".
    pub fn add_text(&mut self, text: &str) -> bool {
        self.change(Change::Text(text.to_string())) > 0
    }

    /// Removes every article, samples included, and every setting.
    pub fn clear(&mut self) {
        self.docs.clear();
        self.overrides.clear();
        self.languages.clear();
        self.messages.clear();
        self.samples = false;
        self.install(Install::new(Analysis::default()));
    }

    /// The language the user set for an article (ISO 639-1), if any.
    pub fn language_set(&self, file: &str) -> Option<&str> {
        self.languages.iter().find(|(f, _)| f == file).map(|(_, c)| c.as_str())
    }

    /// Sets (or, with None, unsets) an article's publication date; every date that
    /// depends on it moves.
    pub fn set_published(&mut self, file: &str, date: Option<Date>) {
        self.change(Change::Published(file.to_string(), date));
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
        view::compute(&self.pre, self.index.search(&state.query), state, true)
    }

    /// [`view`](Workspace::view) without the facets and the histogram: the matching
    /// events only (what a keystroke paints first).
    pub fn view_events(&self, state: &ViewState) -> View {
        view::compute(&self.pre, self.index.search(&state.query), state, false)
    }

    /// Who with whom among the events at `events` (a view's).
    pub fn network(&self, events: &[u32]) -> network::Network {
        network::Network::new(&self.analysis, &self.pre, events)
    }

    /// The list's rows for the events at `events` (a view's), grouped at `zoom`.
    pub fn rows(
        &self,
        events: &[u32],
        zoom: view::Zoom,
        collapsed: &std::collections::BTreeSet<String>,
    ) -> Vec<view::Row> {
        view::rows(&self.pre, events, zoom, collapsed)
    }

    /// The key view's rows for the events at `events` (a view's): `limit` key days (0:
    /// all).
    pub fn key_rows(
        &self,
        events: &[u32],
        limit: usize,
        collapsed: &std::collections::BTreeSet<String>,
    ) -> Vec<view::Row> {
        view::key_rows(&self.pre, events, limit, collapsed)
    }

    /// The timeline's rows for the view state `v` and the events at `events`: the key
    /// view's or the list's.
    pub fn rows_for(&self, events: &[u32], v: &view::ViewState) -> Vec<view::Row> {
        match v.layout.resolve(self.analysis.events.len()) {
            view::Layout::Key => self.key_rows(events, v.key_days, &v.collapsed),
            _ => self.rows(events, v.zoom, &v.collapsed),
        }
    }

    /// The key dates of everything, as `dateline analyze --format dates` (`csv`: as
    /// `dates-csv`): file name, MIME type and content.
    pub fn export_key_dates(&self, csv: bool) -> (String, &'static str, String) {
        if csv {
            ("dateline-key-dates.csv".into(), "text/csv", export::key_dates_csv(&self.analysis))
        } else {
            (
                "dateline-key-dates.json".into(),
                "application/json",
                export::key_dates_json(&self.analysis) + "\n",
            )
        }
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
            languages: self.languages.clone(),
        }
    }

    /// A workspace with what [`saved`](Workspace::saved) gave. Unless it is the samples
    /// as shipped (whose analysis is built in), it is not analysed yet (the second
    /// value is true): carry out [`Change::Reanalyze`] next.
    pub fn unanalysed(today: Date, saved: Saved) -> (Workspace, bool) {
        if saved.samples && saved.published.is_empty() && saved.languages.is_empty() {
            let ws = Workspace::with_samples(today);
            if ws.docs == saved.docs {
                return (ws, false);
            }
        }
        let mut ws = Workspace::new(today);
        ws.samples = saved.samples;
        ws.docs = saved.docs;
        ws.overrides = saved.published.into_iter().filter_map(|(f, d)| Some((f, d.parse().ok()?))).collect();
        ws.languages = saved.languages;
        (ws, true)
    }

    /// A workspace restored from what [`saved`](Workspace::saved) gave.
    pub fn restore(today: Date, saved: Saved) -> Workspace {
        let (mut ws, stale) = Workspace::unanalysed(today, saved);
        if stale {
            ws.change(Change::Reanalyze);
        }
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
    /// Languages the user set (file, ISO 639-1); absent in workspaces saved before.
    #[serde(default)]
    pub languages: Vec<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn an_analysis_installed_a_few_events_at_a_time_has_the_same_tables() {
        let mut ws = Workspace::new(date(2026, 11, 23));
        let files: Vec<(String, Vec<u8>)> = (0..40)
            .map(|i| {
                let text = format!(
                    "Report {i}\n\nOn Monday, President Ilse Var{i}son met King Theodric Hol{i}dal in Oslo.\n\
                     On Tuesday, Norway criticised Sweden over the talks.\n"
                );
                (format!("2020-0{}-{:02}-r{i}.txt", 1 + i % 9, 1 + i % 28), text.into_bytes())
            })
            .collect();
        ws.add_files(files);
        let analysis = ws.analysis().clone();
        assert!(analysis.events.len() >= 50, "{}", analysis.events.len());
        let mut install = Install::new(analysis.clone());
        let mut steps = 0;
        while install.step_by(7) {
            steps += 1;
        }
        assert!(steps > 20, "{steps} steps");
        let (_, index, pre) = install.finish();
        assert_eq!(pre, view::Precomputed::new(&analysis));
        let whole = SearchIndex::build(&analysis);
        for q in ["var1", "oslo", "criticis", "\"king theodric\"", "norwy", "2020"] {
            assert_eq!(index.search(q), whole.search(q), "{q}");
        }
        assert!(index.search("oslo").is_some_and(|f| f.events.len() >= 10));
    }

    #[test]
    fn samples_json_is_current() {
        let now = SamplesSnapshot::make();
        if std::env::var_os("DATELINE_BLESS").is_some() {
            let json = serde_json::to_string_pretty(&now).unwrap() + "\n";
            std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/src/workspace/samples.json"), json).unwrap();
        }
        assert!(
            SamplesSnapshot::builtin() == now,
            "src/workspace/samples.json is out of date: run `./dev samples` (DATELINE_BLESS=1 cargo test --lib samples_json)"
        );
    }

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
