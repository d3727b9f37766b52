//! One change to the workspace that needs the analysis core (reading files, analysing
//! articles), as plain data: the page sends a [`Job`] to its Web Worker, which calls
//! [`run`] and sends the [`Done`] back; the native code and the tests call [`run`]
//! directly. Nothing here touches the browser.

use jiff::civil::Date;

use crate::analysis::{self, Analysis, Analyzer, Document, Part};

/// The file name of the `n`-th text pasted into a workspace ("pasted-3.txt").
pub fn pasted_name(n: usize) -> String {
    format!("pasted-{n}.txt")
}

/// What the user did.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Change {
    /// Files to read (name, bytes); the bytes travel beside the job, not in its JSON.
    Files(#[serde(skip)] Vec<(String, Vec<u8>)>),
    /// Pasted text, added as "pasted-N.txt".
    Text(String),
    /// An article's publication date set (or, with None, unset) by the user.
    Published(String, Option<Date>),
    /// An article's language set (or, with None, left to detection) by the user.
    Language(String, Option<String>),
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
    /// Languages set by the user (ISO 639-1), by file name.
    #[serde(default)]
    pub languages: Vec<(String, String)>,
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
    #[serde(default)]
    pub languages: Vec<(String, String)>,
    pub pasted: usize,
    /// How many articles the change added.
    pub added: usize,
    pub messages: Vec<String>,
    pub analysis: Analysis,
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

/// What a job tells as it goes, before its [`Done`].
#[derive(Debug)]
pub enum Report<'a> {
    /// `done` of `total` files read or articles analysed; `file` is the one being worked on.
    Progress { stage: Stage, done: usize, total: usize, file: &'a str },
    /// A message about a file (refused, or given up), as soon as it is known. The same
    /// message is in the [`Done`] too.
    Message(&'a str),
    /// The workspace with the articles analysed so far: a long job's early results.
    Partial(Done),
}

/// How a job paces itself when it is given a clock: the time an article may take before
/// it is given up, and when the articles analysed so far are reported.
pub mod pace {
    /// The analysis time one article may take (milliseconds): past it the article is
    /// left out with a message, and the others go on.
    pub const ARTICLE_BUDGET_MS: f64 = 5_000.0;
    /// The first early result comes this long after the analysis starts...
    pub const FIRST_PARTIAL_MS: f64 = 400.0;
    /// ... and the next ones at least this long apart, and at least three times as long
    /// as making the last one took, so they never cost more than a quarter of the job.
    pub const PARTIAL_GAP_MS: f64 = 1_000.0;
    /// Before an article this long (bytes of text), what is ready is reported at once.
    pub const BIG_ARTICLE: usize = 64 * 1024;
    /// Progress is told at most this often (milliseconds), and before each big article.
    pub const PROGRESS_GAP_MS: f64 = 50.0;
    /// Early results stop once this many events are analysed: the user has plenty to
    /// look at, and installing a bigger workspace more than once costs the page memory
    /// and long tasks (BENCHMARKS.md).
    pub const PARTIAL_EVENTS_MAX: usize = 2_500;
}

/// Carries out `job`, telling what it does through `report` (progress, messages, and,
/// with a clock, early results). `clock` (milliseconds, any origin) holds each article
/// to [`pace::ARTICLE_BUDGET_MS`] and paces the early results; without one, every
/// article is analysed whole and only the progress and messages are told.
///
/// The articles already in the workspace are analysed first, then the new ones from
/// the shortest: the most articles arrive soonest. The workspace keeps its order.
pub fn run(job: Job, clock: Option<&dyn Fn() -> f64>, report: &mut dyn FnMut(Report)) -> Done {
    let read =
        &mut |name: &str, bytes: &[u8]| analysis::ingest::read_files(name, bytes).map_err(|e| e.to_string());
    run_with(job, clock, read, report)
}

/// Whether the job needs the tables of the languages other than English
/// ([`analysis::pack`]): an article in one of them, in the workspace or among the new
/// files or text, or a language other than English set by the user. `read` reads a
/// file as the job will. The page's worker fetches the tables first when it does.
pub fn needs_languages(
    job: &Job,
    read: &mut dyn FnMut(&str, &[u8]) -> Result<Vec<Document>, String>,
) -> bool {
    let foreign = |text: &str| analysis::lang::detect(text).is_some_and(|d| d.code != "en");
    job.languages.iter().any(|(_, code)| code != "en")
        || matches!(&job.change, Change::Language(_, Some(code)) if code != "en")
        || job.docs.iter().any(|d| foreign(&d.text))
        || match &job.change {
            Change::Files(files) => files.iter().any(|(name, bytes)| {
                read(name, bytes).is_ok_and(|docs| docs.iter().any(|d| foreign(&d.text)))
            }),
            Change::Text(text) => foreign(text),
            _ => false,
        }
}

/// [`run`] reading each file (name, bytes) with `read`, which gives its documents or
/// the message saying why not. The page's worker reads with
/// [`read_plain`](analysis::ingest::read_plain) and the answers of the full reader's
/// worker, which its module leaves out (DESIGN.md, "The first screen").
pub fn run_with(
    job: Job,
    clock: Option<&dyn Fn() -> f64>,
    read: &mut dyn FnMut(&str, &[u8]) -> Result<Vec<Document>, String>,
    report: &mut dyn FnMut(Report),
) -> Done {
    let Job { today, mut docs, mut published, mut languages, mut pasted, change } = job;
    let existing = docs.len();
    let mut messages = Vec::new();
    let say = |messages: &mut Vec<String>, report: &mut dyn FnMut(Report), m: String| {
        report(Report::Message(&m));
        messages.push(m);
    };
    let now = || clock.map_or(0.0, |c| c());
    let mut told = f64::NEG_INFINITY;
    let mut tell = |report: &mut dyn FnMut(Report), stage, done, total, file: &str, big: bool| {
        let t = now();
        if clock.is_none() || big || done == total || t - told >= pace::PROGRESS_GAP_MS {
            told = t;
            report(Report::Progress { stage, done, total, file });
        }
    };
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
            if let Some(m) = over {
                say(&mut messages, report, m);
            }
            let total = files.len();
            // The loaded articles by file name, so a big drop checks for repeats in
            // linear time.
            let mut by_file: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
            for (i, d) in docs.iter().enumerate() {
                by_file.entry(d.file.clone()).or_default().push(i);
            }
            for (i, (name, bytes)) in files.into_iter().enumerate() {
                tell(report, Stage::Reading, i, total, &name, bytes.len() > pace::BIG_ARTICLE);
                match read(&name, &bytes) {
                    Ok(read) => {
                        for doc in read {
                            let same = by_file
                                .get(&doc.file)
                                .is_some_and(|ix| ix.iter().any(|&k| docs[k].text == doc.text));
                            if same {
                                say(&mut messages, report, format!("file {}: already loaded", doc.file));
                                continue;
                            }
                            // A date the user had set (a restored export) is theirs again.
                            if let Some(p) = doc.published.as_ref().filter(|p| p.by_user) {
                                set(&mut published, &doc.file, Some(p.date), true);
                            }
                            by_file.entry(doc.file.clone()).or_default().push(docs.len());
                            docs.push(doc);
                        }
                    }
                    Err(e) => say(&mut messages, report, e),
                }
                if i + 1 == total {
                    tell(report, Stage::Reading, total, total, &name, false);
                }
            }
        }
        Change::Text(text) => {
            if text.trim().is_empty() {
                say(&mut messages, report, "pasted text: no text to add".to_string());
            } else {
                pasted += 1;
                let name = pasted_name(pasted);
                match read(&name, text.as_bytes()) {
                    Ok(read) => docs.extend(read),
                    Err(e) => say(&mut messages, report, e),
                }
            }
        }
        Change::Published(file, date) => set(&mut published, &file, date, false),
        Change::Language(file, code) => {
            languages.retain(|(f, _)| *f != file);
            if let Some(code) = code {
                languages.push((file, code));
            }
        }
        Change::Reanalyze => {}
    }
    let mut b = Analyzer::builder(today);
    for (file, date) in &published {
        b = b.published(file.clone(), *date);
    }
    for (file, code) in &languages {
        b = b.language(file.clone(), code.clone());
    }
    let analyzer = b.build();
    // The workspace's articles first, then the new ones from the shortest.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order[existing..].sort_by_key(|&i| docs[i].text.len());
    let mut parts: Vec<Option<Part>> = vec![None; docs.len()];
    let total = docs.len();
    let mut next_partial = now() + pace::FIRST_PARTIAL_MS;
    let mut unsent = false;
    let mut events = 0;
    for (k, &i) in order.iter().enumerate() {
        let doc = &docs[i];
        let big = doc.text.len() > pace::BIG_ARTICLE;
        if clock.is_some() && unsent && events <= pace::PARTIAL_EVENTS_MAX && (big || now() >= next_partial) {
            let began = now();
            let settings = (published.clone(), languages.clone());
            report(Report::Partial(assemble(&analyzer, &docs, &parts, existing, settings, pasted)));
            unsent = false;
            next_partial = now() + pace::PARTIAL_GAP_MS.max(3.0 * (now() - began));
        }
        tell(report, Stage::Analysing, k, total, &doc.file, big);
        let part = match clock {
            Some(c) => {
                let deadline = c() + pace::ARTICLE_BUDGET_MS;
                // The clock is read every 16 sentences: cheap, and a sentence is short.
                let mut n = 0u32;
                analyzer.part_within(doc, &mut || {
                    n = n.wrapping_add(1);
                    n % 16 != 0 || c() < deadline
                })
            }
            None => Some(analyzer.part(doc)),
        };
        match part {
            Some(p) => {
                events += p.events.len();
                parts[i] = Some(p);
                unsent |= i >= existing;
            }
            None => say(
                &mut messages,
                report,
                format!(
                    "file {}: left out, its analysis took more than {} s ({} KB of text); split it, or read it with the dateline command line",
                    doc.file,
                    pace::ARTICLE_BUDGET_MS / 1000.0,
                    doc.text.len() / 1000
                ),
            ),
        }
    }
    if let Some(last) = order.last() {
        tell(report, Stage::Analysing, total, total, &docs[*last].file, false);
    }
    // Articles given up are left out.
    let added = parts[existing..].iter().filter(|p| p.is_some()).count();
    let kept: Vec<Part>;
    (docs, kept) = docs.into_iter().zip(parts).filter_map(|(d, p)| Some((d, p?))).unzip();
    let analysis = analyzer.combine(kept);
    Done { docs, published, languages, pasted, added, messages, analysis }
}

/// The workspace with the articles analysed so far, in the workspace's order.
fn assemble(
    analyzer: &Analyzer,
    docs: &[Document],
    parts: &[Option<Part>],
    existing: usize,
    (published, languages): (Vec<(String, Date)>, Vec<(String, String)>),
    pasted: usize,
) -> Done {
    let added = parts[existing..].iter().filter(|p| p.is_some()).count();
    let (docs, parts): (Vec<Document>, Vec<Part>) =
        docs.iter().zip(parts).filter_map(|(d, p)| Some((d.clone(), p.clone()?))).unzip();
    let analysis = analyzer.combine(parts);
    Done { docs, published, languages, pasted, added, messages: Vec::new(), analysis }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn job(change: Change) -> Job {
        Job {
            today: date(2026, 11, 22),
            docs: Vec::new(),
            published: Vec::new(),
            languages: Vec::new(),
            pasted: 0,
            change,
        }
    }

    /// What `run` tells, as text, with the done it gives.
    fn told(job: Job, clock: Option<&dyn Fn() -> f64>) -> (Vec<String>, Vec<Done>, Done) {
        let mut seen = Vec::new();
        let mut partials = Vec::new();
        let done = run(job, clock, &mut |r| match r {
            Report::Progress { stage, done, total, file } => {
                seen.push(format!("{stage:?} {done}/{total} {file}"))
            }
            Report::Message(m) => seen.push(m.to_string()),
            Report::Partial(d) => partials.push(d),
        });
        (seen, partials, done)
    }

    #[test]
    fn progress_names_each_file_and_a_refusal_is_told_when_read() {
        let files = vec![
            ("a.txt".to_string(), b"On Monday, President Ilse Vantrow met King Theodric.".to_vec()),
            ("b.pdf".to_string(), b"%PDF-1.4".to_vec()),
        ];
        let (seen, partials, done) = told(job(Change::Files(files)), None);
        let refused = "file b.pdf: not a text article (looks like PDF)";
        assert_eq!(
            seen,
            vec![
                "Reading 0/2 a.txt",
                "Reading 1/2 b.pdf",
                refused,
                "Reading 2/2 b.pdf",
                "Analysing 0/1 a.txt",
                "Analysing 1/1 a.txt"
            ]
        );
        assert!(partials.is_empty(), "no early results without a clock");
        assert_eq!(done.added, 1);
        assert_eq!(done.messages, vec![refused.to_string()]);
        assert_eq!(done.analysis.articles.len(), 1);
    }

    /// A clock that moves `step` milliseconds each time it is read.
    fn ticking(step: f64) -> impl Fn() -> f64 {
        let t = std::cell::Cell::new(0.0);
        move || {
            t.set(t.get() + step);
            t.get()
        }
    }

    /// `n` small articles, each with its own pair of actors, the first one longest.
    fn notes(n: usize) -> Vec<(String, Vec<u8>)> {
        (0..n)
            .map(|i| {
                let long = if i == 0 { " The talks went on for hours in the capital." } else { "" };
                let text = format!(
                    "Note {i}\n\nOn Monday, President Ilse Vantrow{i} spoke by phone with King Theodric{i}.{long}\n"
                );
                (format!("2025-02-{:02}-note-{i}.txt", 1 + i % 28), text.into_bytes())
            })
            .collect()
    }

    #[test]
    fn with_a_clock_the_articles_come_as_they_are_analysed_shortest_first() {
        // 100 ms a reading of the clock: an early result every few articles.
        let clock = ticking(100.0);
        let (seen, partials, done) = told(job(Change::Files(notes(12))), Some(&clock));
        assert!(partials.len() >= 2, "{} early results", partials.len());
        // Each early result holds more articles than the last, in the workspace's order,
        // each analysed as in the final result.
        let mut last = 0;
        for p in &partials {
            let n = p.analysis.articles.len();
            assert!(n > last && n < 12, "{n} articles after {last}");
            last = n;
            assert_eq!(p.added, n);
            let files: Vec<&str> = p.docs.iter().map(|d| d.file.as_str()).collect();
            let order: Vec<&str> =
                done.docs.iter().map(|d| d.file.as_str()).filter(|f| files.contains(f)).collect();
            assert_eq!(files, order);
        }
        // The longest article (the first dropped) is analysed last but keeps its place.
        assert!(!partials.last().unwrap().docs.iter().any(|d| d.file.ends_with("note-0.txt")));
        assert!(done.docs[0].file.ends_with("note-0.txt"));
        assert_eq!(
            seen.iter().rev().find(|s| s.starts_with("Analysing")).unwrap(),
            "Analysing 12/12 2025-02-01-note-0.txt"
        );
        // The final result is what a run without a clock gives.
        let (_, _, whole) = told(job(Change::Files(notes(12))), None);
        assert_eq!(done, whole);
    }

    #[test]
    fn an_article_over_its_budget_is_left_out_by_name_and_the_others_go_on() {
        let long = "Erdogan said on Monday that talks would resume. ".repeat(3000);
        let files = vec![
            ("long.txt".to_string(), long.into_bytes()),
            ("a.txt".to_string(), b"On Monday, President Ilse Vantrow met King Theodric.".to_vec()),
        ];
        // 40 ms a reading: the long article's 3,000 sentences read the clock 187 times,
        // 7.5 s in all, past its 5 s; the short one reads it once.
        let clock = ticking(40.0);
        let (seen, _, done) = told(job(Change::Files(files.clone())), Some(&clock));
        let files_kept: Vec<&str> = done.docs.iter().map(|d| d.file.as_str()).collect();
        assert_eq!(files_kept, ["a.txt"]);
        assert_eq!(done.added, 1);
        assert_eq!(done.analysis.articles.len(), 1);
        assert!(!done.analysis.events.is_empty());
        let stopped = "file long.txt: left out, its analysis took more than 5 s (144 KB of text); split it, or read it with the dateline command line";
        assert_eq!(done.messages, [stopped]);
        assert!(seen.iter().any(|s| s == stopped));
        // Without a clock, the same article is read whole.
        let (_, _, whole) = told(job(Change::Files(files)), None);
        assert_eq!(whole.docs.len(), 2);
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
        let done = run(job(Change::Files(files)), None, &mut |_| {});
        assert_eq!(done.docs.len(), 2);
        let (back, pieces) = super::super::wire::round_trip(done.clone()).unwrap();
        let json: String = pieces.iter().map(|p| String::from_utf8(p.clone()).unwrap()).collect();
        for doc in &done.docs {
            let text = serde_json::to_string(&doc.text).unwrap();
            assert_eq!(json.matches(&text).count(), 1, "{json}");
        }
        assert_eq!(back, done);
    }

    #[test]
    fn a_big_answer_travels_in_pieces_of_about_a_megabyte() {
        // 600 articles of 8 events: about 5 MB of JSON.
        let files: Vec<(String, Vec<u8>)> = (0..600)
            .map(|i| {
                let lines: Vec<String> = (0..8)
                    .map(|k| {
                        format!("On Monday, President Ilse Var{i}x{k}son met King Theodric Hol{i}y{k}dal.")
                    })
                    .collect();
                (
                    format!("2020-01-{:02}-r{i}.txt", 1 + i % 28),
                    format!("Report {i}\n\n{}\n", lines.join("\n")).into_bytes(),
                )
            })
            .collect();
        let done = run(job(Change::Files(files)), None, &mut |_| {});
        assert!(done.analysis.events.len() >= 4000, "{}", done.analysis.events.len());
        let (back, pieces) = super::super::wire::round_trip(done.clone()).unwrap();
        assert!(pieces.len() >= 5, "{} pieces", pieces.len());
        let biggest = pieces.iter().map(Vec::len).max().unwrap();
        assert!(biggest < super::super::wire::PIECE_BYTES + 64 * 1024, "{biggest} bytes");
        assert_eq!(back, done);
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
