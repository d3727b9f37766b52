//! The real `dateline` binary on hostile files (`tests/hostile/`, described in its
//! README, and larger ones generated here into a temporary folder): each is read or
//! refused with a message naming it and the reason, the good article beside them still
//! gives its events, the exit status is 1 when any file was refused, and nothing panics.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const TODAY: &str = "2026-11-22";

fn hostile() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("hostile")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline")).args(args).output().expect("run dateline")
}

fn run_on(command: &str, extra: &[&str], path: &Path) -> Output {
    let mut args = vec![command, "--today", TODAY];
    args.extend(extra);
    args.push(path.to_str().unwrap());
    run(&args)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr: {}", stderr(out)))
}

/// No panic, no crash by signal: a clean exit with the given status.
fn assert_exit(out: &Output, code: i32) {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "a panic: {err}");
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
}

/// What becomes of each committed file.
enum Expect {
    /// Refused: the reason after "file NAME: ".
    Refused(&'static str),
    /// Read, with these warnings (exactly).
    Read(&'static [&'static str]),
}

const FILES: &[(&str, Expect)] = &[
    ("empty.txt", Expect::Refused("no text in this file")),
    ("one-byte.txt", Expect::Read(&[])),
    ("random.bin", Expect::Refused("not a text article (looks like binary data)")),
    ("nul-bytes.txt", Expect::Refused("not a text article (looks like binary data)")),
    (
        "invalid-utf8.txt",
        Expect::Read(&["bytes invalid in UTF-8 (mostly valid) were replaced with \u{FFFD}"]),
    ),
    ("utf16le-bom.txt", Expect::Read(&[])),
    ("utf16be-bom.txt", Expect::Read(&[])),
    ("utf16le-no-bom.txt", Expect::Read(&["not UTF-8: read as UTF-16LE (detected)"])),
    ("windows-1252.txt", Expect::Read(&["not UTF-8: read as windows-1252 (detected)"])),
    ("payload.html", Expect::Read(&[])),
    ("scan.pdf", Expect::Refused("not a text article (looks like PDF)")),
    ("pixel.png", Expect::Refused("not a text article (looks like a PNG image)")),
    ("image-named.txt", Expect::Refused("not a text article (looks like a PNG image)")),
    ("articles.zip", Expect::Refused("not a text article (looks like a ZIP archive or Office document)")),
    ("good.txt", Expect::Read(&[])),
    ("README.md", Expect::Read(&[])),
];

fn article<'a>(v: &'a Value, file: &str) -> Option<&'a Value> {
    let articles = v["articles"].as_array().or_else(|| v.as_array())?;
    articles.iter().find(|a| a["file"] == file)
}

/// The good article's phone call, dated by its date line.
fn assert_good_article_events(v: &Value) {
    let good = article(v, "good.txt").expect("good.txt read");
    assert_eq!(good["published"], "2025-11-25");
    let call = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["sources"].as_array().unwrap().iter().any(|s| s["article"] == good["id"]))
        .expect("an event from good.txt");
    assert_eq!(call["cameo"], "041", "{call}");
    assert_eq!(call["date"], "2025-11-24", "{call}");
    assert_eq!(call["target"]["name"], "Vladimir Putin", "{call}");
}

#[test]
fn every_hostile_file_is_read_or_refused_by_name() {
    let dir = hostile();
    let listed: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for name in &listed {
        assert!(FILES.iter().any(|(f, _)| f == name), "{name} in tests/hostile has no expectation here");
    }
    let out = run_on("analyze", &[], &dir);
    assert_exit(&out, 1);
    let err = stderr(&out);
    let v = json(&out);
    for (file, expect) in FILES {
        match expect {
            Expect::Refused(reason) => {
                assert!(err.contains(&format!("dateline: file {file}: {reason}\n")), "{file}: {err}");
                assert!(article(&v, file).is_none(), "{file} refused yet analysed");
            }
            Expect::Read(warnings) => {
                let a = article(&v, file).unwrap_or_else(|| panic!("{file} not read: {err}"));
                assert!(!err.contains(&format!("file {file}:")), "{file}: {err}");
                assert_eq!(a["warnings"], serde_json::json!(warnings), "{file}");
            }
        }
    }
    let refused = FILES.iter().filter(|(_, e)| matches!(e, Expect::Refused(_))).count();
    assert_eq!(err.lines().count(), refused, "one line per refused file: {err}");
    assert_good_article_events(&v);
}

#[test]
fn decoded_text_is_what_the_file_says() {
    let out = run_on("analyze", &[], &hostile());
    let v = json(&out);
    let text = |file: &str| article(&v, file).unwrap()["text"].as_str().unwrap().to_string();
    for file in ["utf16le-bom.txt", "utf16be-bom.txt", "utf16le-no-bom.txt"] {
        let t = text(file);
        assert!(t.contains("Russian Foreign Minister Sergei Lavrov visited Istanbul"), "{file}: {t:?}");
        assert!(!t.contains('\0') && !t.starts_with('\u{FEFF}'), "{file}: {t:?}");
        assert_eq!(article(&v, file).unwrap()["published"], "2025-11-26", "{file}");
    }
    assert!(text("windows-1252.txt")
        .contains("in Köln on 26 November 2025. “We agreed on the next steps” – Macron"));
    let t = text("invalid-utf8.txt");
    assert!(t.contains("The talks \u{FFFD}\u{FFFD} lasted two hours, Erdoğan’s office said."), "{t:?}");
    assert_eq!(text("one-byte.txt"), "A");
}

/// A file too large to commit: a sparse file of `len` bytes, nothing written.
fn sparse(path: &Path, len: u64) {
    std::fs::File::create(path).unwrap().set_len(len).unwrap();
}

#[test]
fn generated_large_and_deep_files() {
    let dir = tempdir("large");
    std::fs::copy(hostile().join("good.txt"), dir.join("good.txt")).unwrap();
    // 50 MB: refused by its size, unread.
    sparse(&dir.join("big.txt"), 50_000_000);
    // One line of 1 MB: prose without a line break.
    let sentence = "Finnish President Alexander Stubb met Estonian Prime Minister Kristen Michal in Helsinki on 18 November 2025 and they talked about energy, ";
    let line: String = sentence.repeat(1_000_000 / sentence.len() + 1);
    std::fs::write(dir.join("long-line.txt"), &line).unwrap();
    // 10,000 nested divs around a paragraph.
    let mut html = String::from("<!DOCTYPE html><html><head><title>Deep</title></head><body>");
    html.push_str(&"<div>".repeat(10_000));
    html.push_str("<p>Finnish President Alexander Stubb met Estonian Prime Minister Kristen Michal in Helsinki on 18 November 2025.</p>");
    html.push_str(&"</div>".repeat(10_000));
    html.push_str("</body></html>");
    std::fs::write(dir.join("nested-divs.html"), &html).unwrap();
    // 10,000 unclosed divs, and as many unclosed inline tags.
    let unclosed = format!(
        "<html><body>{}<p>Leaders met in Oslo on 3 May 2024.</p>",
        "<div><span><b><i>".repeat(10_000)
    );
    std::fs::write(dir.join("unclosed.html"), unclosed).unwrap();

    let out = run_on("analyze", &[], &dir);
    assert_exit(&out, 1);
    let err = stderr(&out);
    assert_eq!(err, "dateline: file big.txt: too large (50 MB; the limit is 20 MB)\n");
    let v = json(&out);
    assert_good_article_events(&v);
    let long = article(&v, "long-line.txt").expect("long-line.txt read");
    assert_eq!(long["text"].as_str().unwrap().len(), line.len());
    let nested = article(&v, "nested-divs.html").expect("nested-divs.html read");
    assert!(nested["text"].as_str().unwrap().contains("Kristen Michal in Helsinki"), "{nested}");
    assert!(article(&v, "unclosed.html").is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_total_limit_stops_reading_and_names_the_last_file_read() {
    let dir = tempdir("total");
    std::fs::copy(hostile().join("good.txt"), dir.join("a-good.txt")).unwrap();
    // 26 files of 20 MB each (the most one file may have): 25 fit in 500 MB.
    for i in 0..26 {
        sparse(&dir.join(format!("part-{i:02}.txt")), 20_000_000);
    }
    std::fs::write(dir.join("z-after.txt"), "Leaders met in Oslo on 3 May 2024.\n").unwrap();
    let out = run_on("analyze", &[], &dir);
    assert_exit(&out, 1);
    let err = stderr(&out);
    let last = dir.join("part-23.txt");
    assert!(
        err.ends_with(&format!(
            "dateline: files after {} were not read: the total is over 500 MB\n",
            last.display()
        )),
        "{err}"
    );
    // The read ones are refused for what they are (zeros), the others not even opened.
    assert!(err.contains("file part-23.txt: not a text article (looks like binary data)"), "{err}");
    assert!(!err.contains("part-24.txt:") && !err.contains("z-after"), "{err}");
    let v = json(&out);
    assert_eq!(v["articles"].as_array().unwrap().len(), 1);
    assert!(article(&v, "a-good.txt").is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn text_of_the_payload_page_has_no_script() {
    let out = run_on("text", &["--format", "json"], &hostile().join("payload.html"));
    assert_exit(&out, 0);
    let v = json(&out);
    let docs = v.as_array().unwrap();
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["file"], "payload.html");
    assert_eq!(d["title"], "Summit ends");
    let text = d["text"].as_str().unwrap();
    assert!(text.starts_with("Finnish President Alexander Stubb met Estonian Prime Minister"), "{text}");
    assert!(text.contains("Stubb said cooperation with Estonia had never been closer."), "{text}");
    for gone in ["MARKER", "alert", "javascript:", "evil.example", "cookie", "<script", "onerror", "onload"] {
        assert!(!text.contains(gone), "{gone:?} in {text:?}");
    }
    let plain = run_on("text", &[], &hostile().join("payload.html"));
    assert_exit(&plain, 0);
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(!plain.contains("javascript:") && !plain.contains("MARKER"), "{plain}");
}

#[test]
fn text_reads_like_analyze_and_fails_the_same_way() {
    let dir = hostile();
    let analyzed = run_on("analyze", &[], &dir);
    let out = run_on("text", &["--format", "json"], &dir);
    assert_exit(&out, 1);
    assert_eq!(stderr(&out), stderr(&analyzed), "the same messages as analyze");
    let v = json(&out);
    let a = json(&analyzed);
    let files = |docs: &Vec<Value>| docs.iter().map(|d| d["file"].clone()).collect::<Vec<_>>();
    assert_eq!(files(v.as_array().unwrap()), files(a["articles"].as_array().unwrap()));
    for d in v.as_array().unwrap() {
        let art = article(&a, d["file"].as_str().unwrap()).unwrap();
        for field in ["title", "published", "published_reason", "published_source", "warnings", "text"] {
            assert_eq!(d[field], art[field], "{} {field}", d["file"]);
        }
    }
    let good = article(&v, "good.txt").unwrap();
    assert_eq!(good["published"], "2025-11-25");
    assert_eq!(good["published_source"], "text");
}

#[test]
fn text_prints_a_readable_block_per_file() {
    let out = run_on("text", &[], &hostile().join("utf16le-no-bom.txt"));
    assert_exit(&out, 0);
    let s = String::from_utf8(out.stdout).unwrap();
    let expected = "==> utf16le-no-bom.txt <==\n\
                    title: Talks in Istanbul\n\
                    language: en (";
    assert!(s.starts_with(expected), "{s}");
    assert!(s.contains(" words are common English words)\npublished: 2025-11-26 ("), "{s}");
    assert!(s.contains("\nwarning: not UTF-8: read as UTF-16LE (detected)\n\n"), "{s}");
    assert!(s.ends_with("Russian Foreign Minister Sergei Lavrov visited Istanbul on 25 November 2025, the ministry said.\n"), "{s}");
}

#[test]
fn text_usage_errors_exit_2() {
    for args in
        [vec!["text"], vec!["text", "--format", "csv", "x.txt"], vec!["text", "--today", "soon", "x.txt"]]
    {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("usage:"), "{args:?}");
    }
    let out = run(&["text", "/no/such/file.txt"]);
    assert_exit(&out, 1);
    assert!(stderr(&out).starts_with("dateline: file /no/such/file.txt: cannot read: "), "{}", stderr(&out));
}

fn tempdir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-hostile-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Crafted Dateline exports (the workspace file the page restores from): wrong types,
/// deep nesting, a million events, ids that clash, offsets past the text. Each one is
/// refused with a message naming it, or its articles are restored from their text and
/// analysed afresh (an export's events, ids and offsets are never taken on trust), and
/// the good article beside them is untouched.
#[test]
fn crafted_workspace_exports_are_refused_or_read_afresh() {
    let dir = tempdir("exports");
    std::fs::copy(hostile().join("good.txt"), dir.join("good.txt")).unwrap();
    let call = "On 3 May 2024 Finnish President Alexander Stubb met Estonian Prime Minister Kristen Michal in Helsinki.";
    // Wrong types everywhere: no article has text.
    std::fs::write(
        dir.join("wrong-types.json"),
        r#"{"schema": 1, "articles": [{"text": 5, "file": []}, "x", null, {"text": {"deep": true}}], "events": [1, "e1"], "actors": {}}"#,
    )
    .unwrap();
    // Nested 100,000 deep.
    let deep = format!(
        "{{\"schema\": 1, \"articles\": {}{}, \"events\": []}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    std::fs::write(dir.join("deep.json"), deep).unwrap();
    // A million forged events with clashing ids and offsets past the text, one real article.
    let mut forged = String::from("{\"schema\": 1, \"articles\": [");
    forged.push_str(&format!(
        "{{\"id\": \"a1\", \"file\": \"same.txt\", \"text\": \"{call}\"}}, {{\"id\": \"a1\", \"file\": \"same.txt\", \"text\": \"{call}\"}}"
    ));
    forged.push_str("], \"actors\": [], \"events\": [");
    // Under the 20 MB limit for one file: short events, a few with offsets past the text.
    for i in 0..1_000_000 {
        if i > 0 {
            forged.push(',');
        }
        if i % 100_000 == 0 {
            forged
                .push_str("{\"id\":\"e1\",\"sources\":[{\"article\":\"a1\",\"start\":999999999,\"end\":1}]}");
        } else {
            forged.push_str("{\"id\":\"e1\"}");
        }
    }
    forged.push_str("]}");
    std::fs::write(dir.join("forged.json"), &forged).unwrap();
    // A schema from the future.
    std::fs::write(
        dir.join("future.json"),
        format!("{{\"schema\": 99, \"articles\": [{{\"text\": \"{call}\"}}], \"events\": []}}"),
    )
    .unwrap();

    let out = run_on("analyze", &[], &dir);
    assert_exit(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("file wrong-types.json: "), "{err}");
    assert!(err.contains("file deep.json: ") && err.contains("nested more than 128 levels"), "{err}");
    assert!(!err.contains("forged.json") && !err.contains("future.json"), "{err}");
    let v = json(&out);
    assert_good_article_events(&v);
    // The forged export's events are not taken: its two articles are analysed afresh,
    // every event's offsets point into its article's text.
    let arts = v["articles"].as_array().unwrap();
    let forged_arts: Vec<&Value> =
        arts.iter().filter(|a| a["file"].as_str().unwrap().contains("same.txt")).collect();
    assert_eq!(forged_arts.len(), 2, "both clashing articles kept");
    let ids: std::collections::HashSet<&str> = arts.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), arts.len(), "article ids are unique");
    assert!(
        arts.iter().any(|a| a["warnings"].to_string().contains("schema 99")),
        "the article of the future schema's export says it was read afresh"
    );
    let events = v["events"].as_array().unwrap();
    assert!(events.len() < 100, "the forged events are not taken: {}", events.len());
    for e in events {
        for s in e["sources"].as_array().unwrap() {
            let a = arts.iter().find(|a| a["id"] == s["article"]).expect("the source's article exists");
            let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            assert!(start < end && end <= a["text"].as_str().unwrap().len());
        }
    }
    assert!(
        events.iter().any(|e| e["cameo"].as_str().unwrap().starts_with("04")
            && e["sources"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| forged_arts.iter().any(|a| a["id"] == s["article"]))),
        "the meeting in the forged export's text is found afresh"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
