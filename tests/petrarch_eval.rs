//! Event coding on PETRARCH's unit-test sentences (`unit-test-records.tsv` in the shared
//! CAMEO corpus): fictional countries (Arnor = ARN, Gondor = GON, ...) that no gazetteer
//! knows, so they test that unknown names still become actors and that verbs get the
//! right codes. Prints event recall, CAMEO root accuracy, source agreement and how
//! often a `noevents` sentence gives none; fails below the floors measured.
//!
//! ```sh
//! cargo test --test petrarch_eval -- --nocapture
//! ```
//!
//! Skipped (with a message) when the shared corpus is not beside the repository.

use std::collections::BTreeMap;
use std::path::PathBuf;

use dateline::analysis::{fold, Analyzer, Document, Lexicons};
use jiff::civil::date;

struct Record {
    text: String,
    date: String,
    /// (source code, target code, event code); empty for `noevents`.
    expected: Vec<(String, String, String)>,
    noevents: bool,
}

fn records() -> Option<BTreeMap<String, Record>> {
    // The shared data beside the repository, or where DATELINE_SHARED says.
    let shared = std::env::var_os("DATELINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let path = shared.join("corpora/cameo/petrarch2/unit-test-records.tsv");
    let text = std::fs::read_to_string(&path).ok()?;
    let mut out: BTreeMap<String, Record> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 8 || f[6].starts_with("error") {
            continue;
        }
        let r = out.entry(f[0].to_string()).or_insert_with(|| Record {
            text: f[7].to_string(),
            date: f[2].to_string(),
            expected: Vec::new(),
            noevents: false,
        });
        if f[6] == "noevents" {
            r.noevents = true;
        } else if !f[5].is_empty() {
            r.expected.push((f[3].to_string(), f[4].to_string(), f[5].to_string()));
        }
    }
    Some(out)
}

/// A fictional actor code's country agrees with a name when the folded name starts with
/// the code's first three letters (ARN: "Arnor", "Arnorian").
fn code_agrees(code: &str, name: &str) -> bool {
    code.len() >= 3 && fold(name).starts_with(&code[..3].to_ascii_lowercase())
}

/// The figures of one run: event recall, root accuracy, root recall, source
/// agreement, share of `noevents` sentences left quiet.
struct Figures {
    recall: f64,
    root: f64,
    root_recall: f64,
    source: f64,
    quiet: f64,
}

fn score(records: &BTreeMap<String, Record>, lexicons: Lexicons, print: bool) -> Figures {
    let (mut expected, mut found, mut root_ok, mut source_ok, mut with_actor) = (0, 0, 0, 0, 0);
    let (mut noevents, mut quiet) = (0, 0);
    let verbose = print && std::env::var_os("EVAL_VERBOSE").is_some();
    for (id, r) in records {
        let d = &r.date;
        let published = date(d[..4].parse().unwrap(), d[4..6].parse().unwrap(), d[6..8].parse().unwrap());
        let file = format!("{id}.txt");
        let analysis = Analyzer::builder(date(2026, 11, 22))
            .published(&file, published)
            .lexicons(lexicons)
            .build()
            .analyze(&[Document::from_text(&file, &r.text)]);
        let events = &analysis.events;
        if r.noevents && r.expected.is_empty() {
            noevents += 1;
            quiet += usize::from(events.is_empty());
            continue;
        }
        for (src, _tgt, code) in &r.expected {
            expected += 1;
            if events.is_empty() {
                if verbose {
                    println!("  missed {id} {code}: {}", r.text);
                }
                continue;
            }
            found += 1;
            let root = &code[..2];
            let ok = events.iter().any(|e| &e.cameo[..2] == root);
            root_ok += usize::from(ok);
            if verbose && !ok {
                let got: Vec<&str> = events.iter().map(|e| e.cameo.as_str()).collect();
                println!("  code {id} want {code} got {got:?}: {}", r.text);
            }
            with_actor += usize::from(events.iter().any(|e| e.source.is_some()));
            source_ok += usize::from(
                events.iter().any(|e| e.source.as_ref().is_some_and(|a| code_agrees(src, &a.name))),
            );
        }
    }
    let pct = |n: usize, d: usize| if d == 0 { 0.0 } else { 100.0 * n as f64 / d as f64 };
    if print {
        println!("records {}, expected events {expected}, noevents records {noevents}", records.len());
        println!("event recall (an event from the sentence) {:.1} %", pct(found, expected));
        println!(
            "CAMEO root accuracy (an event of the expected root, of sentences with events) {:.1} %",
            pct(root_ok, found)
        );
        println!("CAMEO root recall (of all expected events) {:.1} %", pct(root_ok, expected));
        println!(
            "source actor present {:.1} %, source agrees with the code's country {:.1} % (of sentences with events)",
            pct(with_actor, found),
            pct(source_ok, found)
        );
        println!("noevents sentences with no event {:.1} % ({quiet}/{noevents})", pct(quiet, noevents));
    }
    Figures {
        recall: pct(found, expected),
        root: pct(root_ok, found),
        root_recall: pct(root_ok, expected),
        source: pct(source_ok, found),
        quiet: pct(quiet, noevents),
    }
}

#[test]
fn petrarch_unit_test_sentences() {
    let Some(records) = records() else {
        println!("skipped: ../shared/corpora/cameo/petrarch2/unit-test-records.tsv not found");
        return;
    };
    let f = score(&records, Lexicons::default(), true);
    let _ = (f.root_recall, f.source, f.quiet);
    assert!(f.recall >= FLOOR_RECALL, "event recall {:.1} % < {FLOOR_RECALL} %", f.recall);
    assert!(f.root >= FLOOR_ROOT, "root accuracy {:.1} % < {FLOOR_ROOT} %", f.root);
    assert!(f.quiet >= FLOOR_QUIET, "noevents quiet {:.1} % < {FLOOR_QUIET} %", f.quiet);
}

/// What each dictionary adds on these sentences (`AnalyzerBuilder::lexicons`).
#[test]
fn what_each_dictionary_adds_on_petrarch() {
    let Some(records) = records() else { return };
    let all = Lexicons::default();
    println!("| lexicons | PETRARCH recall / root acc. / noevents quiet |");
    for (name, lex) in [
        ("phrases + people (no verb dictionary)", Lexicons { verbs: false, ..all }),
        ("verbs + people (no hand-written phrases)", Lexicons { phrases: false, ..all }),
        ("phrases + verbs (no people table)", Lexicons { people: false, ..all }),
        ("all", all),
    ] {
        let f = score(&records, lex, false);
        println!("| {name} | {:.1} % / {:.1} % / {:.1} % |", f.recall, f.root, f.quiet);
    }
}

const FLOOR_RECALL: f64 = 55.0;
const FLOOR_ROOT: f64 = 26.0;
/// Measured 63.2 % (12 of 19) with roles from the parse: several `noevents` records
/// hold what a reader codes ("held a one-on-one meeting on June 14").
const FLOOR_QUIET: f64 = 60.0;
